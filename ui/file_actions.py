"""The window's file actions: export and import readings as CSV, save a copy of the journal and restore one (a
daily copy, or a copy from a file — a USB stick, another computer), save the readings slip and the yearly report as
PDF. Writes run in a worker (ui/operations.py) and hand their Changes to the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from journal.errors import Cancelled, JournalError
from journal.messages import message_of
from ui import file_dialogs, operations
from ui.i18n import render

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate  # the name Qt Linguist's lupdate looks for; the window's own context


def _words(error: BaseException) -> str:
    return render(message_of(error))


def export_csv(window: MainWindow) -> None:
    excel = translate("MainWindow", "CSV for Excel (*.csv)")
    plain = translate("MainWindow", "CSV, comma-separated (*.csv)")
    path, chosen = file_dialogs.save_file_name(window, translate("MainWindow", "Export readings"),
                                               file_dialogs.start_path(translate("MainWindow", "Readings.csv")),
                                               f"{excel};;{plain}")
    if not path:
        return
    export = window.service.export_csv  # type: ignore[union-attr]
    try:
        count = operations.read(window.tasks, lambda: export(Path(path), excel=chosen == excel))
    except JournalError as exc:
        QMessageBox.warning(window, translate("MainWindow", "Not exported"), render(exc))
        return
    QMessageBox.information(window, translate("MainWindow", "Exported"), translate(
        "MainWindow", "{count} readings saved to {path}.").format(count=count, path=path))


def import_csv(window: MainWindow) -> None:
    path, _ = file_dialogs.open_file_name(window, translate("MainWindow", "Import readings"),
                                          file_dialogs.start_path(), "CSV (*.csv)")
    if not path:
        return
    read_in = window.service.import_csv  # type: ignore[union-attr]
    try:
        done = operations.write_once(window.tasks, lambda: read_in(Path(path)))
    except (JournalError, OSError) as exc:
        QMessageBox.warning(window, translate("MainWindow", "Nothing was imported"), _words(exc))
        return
    window.apply_changes(done.changes)
    QMessageBox.information(window, translate("MainWindow", "Imported"), translate(
        "MainWindow", "{count} readings imported.").format(count=done.result))


COPY_FILTER = "*.sqlite3"


def save_copy(window: MainWindow) -> None:
    """A copy of the whole journal in a file the person names (to keep on a USB stick or another computer), made in
    a worker; a file there that is not a journal copy is not overwritten."""
    from datetime import date

    from ui.texts import day_text

    name = translate("MainWindow", "Journal copy {date}.sqlite3").format(date=day_text(date.today()))
    path, _ = file_dialogs.save_file_name(window, translate("MainWindow", "Save a copy of the journal"),
                                          file_dialogs.start_path(name),
                                          translate("MainWindow", "Journal copies ({pattern})").format(
                                              pattern=COPY_FILTER))
    if not path:
        return
    backup = window.service.backup  # type: ignore[union-attr]
    try:
        saved = operations.read(window.tasks, lambda: backup(Path(path)))
    except (JournalError, OSError) as exc:
        QMessageBox.warning(window, translate("MainWindow", "The copy was not saved"), _words(exc))
        return
    QMessageBox.information(window, translate("MainWindow", "Copy saved"), translate(
        "MainWindow", "A copy of the journal is saved: {path}. Keep it on a USB stick or another computer; "
        "Journal → Restore from a copy… brings it back.").format(path=saved))


def restore_from_file(window: MainWindow) -> None:
    """A copy chosen as a file (saved earlier, or brought from another computer), after a question whose safe
    answer is Enter; the journal in use is kept as another copy first."""
    copies = translate("MainWindow", "Journal copies ({pattern})").format(pattern=COPY_FILTER)
    path, _ = file_dialogs.open_file_name(window, translate("MainWindow", "Restore the journal from a copy"),
                                          file_dialogs.start_path(),
                                          copies + ";;" + translate("MainWindow", "All files (*)"))
    if path and restore_asked(window, translate("MainWindow", "Restore from a copy"), Path(path)):
        window.restore_backup(Path(path))


def restore_asked(parent: QWidget, title: str, path: Path, kind: str | None = None) -> bool:
    """The restore's question, from the settings' list of copies (`kind`: what the copy is, in words, in place of
    its file name) or from a file: which copy — its name and its own moment — what it holds, and that what was
    recorded after it goes (the journal in use kept as a copy first). Yes only when chosen deliberately (Enter and
    Esc keep the journal)."""
    from ui.confirmations import ask_risky, leave_it

    return ask_risky(parent, title, restore_question(parent, path, kind), translate("MainWindow", "&Yes, restore"),
                     name=translate("MainWindow", "Yes, restore the journal from the copy"), safe=leave_it())


def restore_question(parent: QWidget, path: Path, kind: str | None = None) -> str:
    """The restore's question in words, from what the copy holds (read in a worker with sqlite3)."""
    from desktop_app.services.backup_service import describe_copy
    from ui.texts import day_text

    contents = operations.read(operations.runner(parent), lambda: describe_copy(path))
    moment = contents.as_of
    when = f"{day_text(moment)} {moment:%H:%M}" if moment is not None else ""
    if kind is not None:
        asked = (translate("MainWindow", "Return the journal to the copy of {when} ({kind})?") if when else
                 translate("MainWindow", "Return the journal to the copy ({kind})?")).format(when=when, kind=kind)
    else:
        asked = (translate("MainWindow", "Return the journal to the copy «{name}» of {when}?") if when else
                 translate("MainWindow", "Return the journal to the copy «{name}»?")).format(name=path.name, when=when)
    parts = [asked]
    if None not in (contents.accounts, contents.readings, contents.payments):
        parts.append(translate("MainWindow", "It holds {accounts}, {readings} and {payments}.").format(
            accounts=translate("MainWindow", "%n account(s)", "", contents.accounts),
            readings=translate("MainWindow", "%n reading(s)", "", contents.readings),
            payments=translate("MainWindow", "%n payment(s)", "", contents.payments)))
    parts.append(translate("MainWindow", "Everything recorded after it will be gone from the journal. The current "
                                         "journal is kept as a separate copy first."))
    return " ".join(parts)


def restore_backup(window: MainWindow, path: Path) -> None:
    """In a worker, with a progress and Cancel (the rest of the window waits meanwhile): the journal replaced by
    the copy and reopened, then the window reads it again. A refused copy or a failure is said in plain words and
    the journal in use stays as it was."""
    restore = window.service.restore  # type: ignore[union-attr]
    try:
        done = operations.with_progress(
            window, window.tasks, lambda cancelled, report: restore(Path(path), progress=report, cancelled=cancelled),
            translate("MainWindow", "Restoring the journal from the copy…"))
    except Cancelled as exc:
        window.statusBar().showMessage(render(exc), 15000)
        return
    except JournalError as exc:
        QMessageBox.warning(window, translate("MainWindow", "Not restored"), render(exc))
        return
    window.apply_changes(done.changes)  # everything: the accounts' list and the account shown read again
    QMessageBox.information(window, translate("MainWindow", "Restored"),
                            translate("MainWindow", "The journal was restored from the copy."))


def save_slip(window: MainWindow) -> None:
    from ui.texts import month_name

    number, service = window.number, window.service
    if not number or service is None:
        return
    receipts = service.receipts
    rows = operations.read(window.tasks, lambda: service.history(number, include_retired=False))
    if not rows:
        QMessageBox.information(window, translate("MainWindow", "Readings slip"),
                                translate("MainWindow", "There are no readings yet."))
        return
    period = rows[-1].period
    save_document(window, translate("MainWindow", "Save the readings slip"),
                  translate("MainWindow", "Readings {number} {month}.pdf").format(number=number,
                                                                                   month=month_name(period)),
                  lambda path: receipts.write_slip(number, period, path))


def save_report(window: MainWindow) -> None:
    number, service = window.number, window.service
    if not number or service is None:
        return
    receipts, year = service.receipts, service.today().year
    save_document(window, translate("MainWindow", "Save the yearly report"),
                  translate("MainWindow", "Report {number} {year}.pdf").format(number=number, year=year),
                  lambda path: receipts.write_report(number, year, path, path.with_suffix(".csv")))


def save_document(window: MainWindow, title: str, name: str, write: Callable[[Path], object]) -> None:
    path, _ = file_dialogs.save_file_name(window, title, file_dialogs.start_path(name), "PDF (*.pdf)")
    if not path:
        return
    progress = QProgressDialog(translate("MainWindow", "Preparing the document…"),
                               translate("MainWindow", "Cancel"), 0, 0, window)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(200)

    def done(_result: object) -> None:
        progress.close()
        window.statusBar().showMessage(translate("MainWindow", "Saved: {path}").format(path=path), 10000)

    def failed(error: BaseException) -> None:
        progress.close()
        QMessageBox.warning(window, title, _words(error))

    token = window.tasks.run(lambda _t, _p: write(Path(path)), done, failed)
    progress.canceled.connect(token.cancel)
