"""In Russian mode the window speaks Russian only: every window and dialog, the journal's refusals as the dialogs
show them (zones by name, days as 20.03.2025), the portal's password prompt and Qt's own file dialog."""

from __future__ import annotations

from collections.abc import Iterator

from keyring.backends import fail
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QWidget

from desktop_app.portal.credentials import CredentialStore
from desktop_app.services.journal_service import JournalService
from journal.errors import ConfirmationRequired
from journal.zones import TariffPlan
from tests.conftest import ACCOUNT
from tests.portal.support import PASSWORD, MemoryKeyring
from tests.portal_emulator import PortalEmulator, PortalState, household
from tests.ui.conftest import MID_MONTH
from tests.ui.test_quality import screens, texts_of, untranslated
from ui.confirmations import Choice, RiskyQuestion, journal_question
from ui.correct_reading_dialog import CorrectReadingDialog
from ui.i18n import render
from ui.main_window import MainWindow
from ui.plan_change_dialog import ChangePlanDialog
from ui.reading_dialog import ReadingDialog
from ui.receipt_dialog import ReceiptDialog
from ui.sync_controller import PasswordDialog

# Words that are Russian usage too, and data: the account, the meter's number, the portal's address.
ALLOWED = {"PDF", "QR", "CSV", "SMS", "lk.samaraenergo.ru", "11712434", "English"}


def shown(qtbot, dialog: QWidget) -> Iterator[str]:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    yield from texts_of(dialog)


def refusals(qtbot, home: JournalService) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The journal's refusals and questions, shown by the dialogs that get them."""
    reading = ReadingDialog(home, ACCOUNT, MID_MONTH)
    for values in (("1x00", "800"), ("20", "840"), ("-5", "800"), ("1850", "")):
        for field, value in zip(reading.fields, values, strict=True):
            field.setText(value)  # each keystroke asks for an estimate: a refusal shows next to its field
        yield from texts_of(reading)
        yield from (label.text() for label in reading.errors)
    for field in reading.fields:
        field.clear()
    yield from shown(qtbot, reading)
    row = next(r for r in home.history(ACCOUNT) if r.consumption is not None)
    correction = CorrectReadingDialog(home, ACCOUNT, row)
    correction.values.fields[1].setText("9" * 9)  # more digits than the meter has
    correction.save()
    yield from shown(qtbot, correction)
    plan = ChangePlanDialog(home, ACCOUNT)
    plan.plan.setCurrentIndex(plan.plan.findData(TariffPlan.THREE_ZONE.value))
    plan.initial.fields[2].setText("5x")
    plan.save()
    yield from shown(qtbot, plan)
    try:
        home.billing.estimate(ACCOUNT, ["20", "840"], MID_MONTH)
    except ConfirmationRequired as exc:  # the estimate's question, as the window would word it
        yield render(exc, TariffPlan.TWO_ZONE.zones)
    try:
        home.add_reading(ACCOUNT, MID_MONTH, "20,840")
    except ConfirmationRequired as exc:
        title, text, risky = journal_question(exc)
        yield from shown(qtbot, RiskyQuestion(None, title, text, [Choice(risky)]))


def password_prompts(qtbot, window: MainWindow, monkeypatch) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """What the window asks when no password is saved (with and without a password store), and after a refusal;
    the progress and the report of a sync."""
    with PortalEmulator(PortalState([household(password=PASSWORD)])) as emulator:
        monkeypatch.setenv("METER_JOURNAL_PORTAL_URL", emulator.url)
        for backend, typed in ((MemoryKeyring(), "wrong password"), (fail.Keyring(), PASSWORD)):
            window.sync.sync_service.store = CredentialStore(backend)
            asked: list[tuple[str, str, bool]] = []

            def ask(login: str, message: str, can_remember: bool, answer: str = typed,
                    asked: list[tuple[str, str, bool]] = asked) -> tuple[str, bool] | None:
                asked.append((login, message, can_remember))
                return (answer, False) if len(asked) == 1 else None  # then a refusal: the second prompt

            window.sync.ask_password = ask
            window.sync.sync_now(None)
            qtbot.waitUntil(lambda asked=asked: bool(asked) and not window.sync.running, timeout=30000)
            for login, message, can_remember in asked:
                yield from shown(qtbot, PasswordDialog(login, message, can_remember))
        progress: list[str] = []
        make_progress = window.sync.progress_dialog

        def recording() -> object:
            dialog = make_progress()
            real = dialog.setLabelText
            dialog.setLabelText = lambda text: (progress.append(text), real(text))  # type: ignore[method-assign]
            progress.append(dialog.labelText())
            return dialog

        window.sync.progress_dialog = recording  # type: ignore[method-assign]
        window.sync.sync_service.store = CredentialStore(MemoryKeyring())
        window.sync.ask_password = lambda login, message, can: (PASSWORD, False)
        with qtbot.waitSignal(window.sync.finished, timeout=30000) as finished:
            window.sync.sync_now(None)
        yield from progress
        yield window.sync.report_text(finished.args[0])


def test_every_window_dialog_and_message_is_in_russian(qtbot, window, home, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    texts = [t for screen in screens(qtbot, window, home, settings) for t in texts_of(screen)]
    texts += list(shown(qtbot, ReceiptDialog(home, ACCOUNT, window.tasks)))
    texts += list(refusals(qtbot, home))
    texts += list(password_prompts(qtbot, window, monkeypatch))
    files = QFileDialog(window, "Экспорт показаний", "", "CSV (*.csv)")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own dialog: what the installed program shows
    texts += list(shown(qtbot, files))
    texts += [button.text() for box in files.findChildren(QDialogButtonBox) for button in box.buttons()]
    assert any("Папка" in t or "Перейти" in t for t in texts)  # Qt's catalogue was loaded, not only ours
    assert untranslated(iter(texts), ALLOWED) == []
