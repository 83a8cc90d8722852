"""After the main window is on screen (ui/launch.py): the exception dialog → the journal opened and attached to
the window (or the welcome) → daily backup and sync in the background. Also reopening the journal: the sample
household, the person's own journal, a new language."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import APP_NAME, paths
from desktop_app.services.backup_service import daily_backup
from desktop_app.services.journal_service import JournalService
from desktop_app.services.sample import create_sample, sample_path
from journal.errors import JournalError
from ui import operations
from ui.account_dialogs import NewAccountDialog
from ui.exception_hook import install_exception_hook
from ui.first_screen import journal_folder
from ui.i18n import install_language, render
from ui.main_window import MainWindow, run_dialog
from ui.none_references import keep_none_alive
from ui.reminder_setting import set_reminders
from ui.settings import Settings
from ui.start_marks import mark
from ui.theme import apply_theme
from ui.welcome_dialog import RemindersOfferDialog, WelcomeDialog

log = logging.getLogger(__name__)


class Application:
    def __init__(self, app: QApplication, settings: Settings, folder: Path, window: MainWindow | None = None) -> None:
        self.app, self.settings, self.folder = app, settings, folder
        self.window: MainWindow | None = None
        self.service: JournalService | None = None
        if window is not None:  # the window already on screen, still without its journal
            self._adopt(window)

    def apply_view(self) -> None:
        install_language(self.settings.language)
        apply_theme(self.app, self.settings.text_scale, self.settings.high_contrast)

    def open_journal(self, path: Path, *, sample: bool = False) -> bool:
        """Open the journal at `path` and show it (see `show_journal`); False when it cannot be opened (the
        person has been told why)."""
        try:
            service = create_sample(path, _today()) if sample else JournalService(path)
        except JournalError as exc:
            QMessageBox.critical(None, APP_NAME, render(exc))
            return False
        self.show_journal(service, sample=sample)
        return True

    def show_journal(self, service: JournalService, *, sample: bool = False) -> None:
        """Show an open journal: in the window on screen if it still waits for its journal, else in a new window
        that takes the old one's place."""
        if self.service is not None:
            self.service.close()
        self.service = service
        window = self.window
        if window is not None and window.service is None and window.sample == sample:
            window.attach(service)
        else:
            window = self._replace_window(service, sample)
        if not sample:
            window.sync.start_background()
            from desktop_app.services.reminders import mark_seen

            mark_seen(service.path.parent, _today())  # the window shows today's reminders: no notification today

    def _adopt(self, window: MainWindow) -> None:
        self.window = window
        window.settings_applied.connect(self._settings_applied)
        window.sample_requested.connect(lambda: self.open_journal(sample_path(self.folder), sample=True))
        window.own_journal_requested.connect(self.start_own_journal)

    def _replace_window(self, service: JournalService, sample: bool) -> MainWindow:
        old = self.window
        window = MainWindow(service, self.settings, sample=sample)
        self._adopt(window)
        if old is not None:
            window.restoreGeometry(old.saveGeometry())
        window.show()
        if old is not None:  # only now: closing the last window first would quit the application
            old.close()
            old.deleteLater()
        return window

    def start_own_journal(self) -> None:
        if self.open_journal(paths.journal_path(self.folder)):
            self.first_start()

    def _settings_applied(self) -> None:
        self.apply_view()
        if self.window is not None and self.service is not None and not self.window.sample:
            number = self.window.number
            self.open_journal(self.service.path)  # rebuilt, so every text is in the chosen language
            if self.window is not None and number:
                self.window.reload_accounts(number)

    def first_start(self) -> None:
        """No account yet: the welcome."""
        assert self.window is not None and self.service is not None
        if operations.read(self.window.tasks, self.service.list_accounts):
            return
        welcome = WelcomeDialog(self.window)
        run_dialog(welcome)
        if welcome.choice == WelcomeDialog.SAMPLE:
            self.open_journal(sample_path(self.folder), sample=True)
        elif welcome.choice == WelcomeDialog.CREATE:
            dialog = NewAccountDialog(self.service, self.window)
            if run_dialog(dialog):
                self.window.reload_accounts(dialog.number)
                self.offer_reminders()

    def offer_reminders(self) -> None:
        """The first start's last step: the reminders at login, on unless the person says no."""
        assert self.window is not None and self.service is not None
        offer = RemindersOfferDialog(self.window)
        run_dialog(offer)
        set_reminders(self.window, self.service.path.parent, offer.remind.isChecked())

    def keep_reminders(self) -> None:
        """While the reminders are on, their entry follows the program and the journal's folder (both may have
        moved since it was written), and their waiter runs (started now if the person never logged out since)."""
        from desktop_app import autostart

        if self.service is None or self.window is None or self.window.sample or not autostart.reminders_enabled():
            return
        set_reminders(self.window, self.service.path.parent, True)

    def open_at(self, opening: tuple[str, str | None]) -> None:
        """Open the dialog a reminder's notification asked for: the reading, the sync, the payments."""
        window = self.window
        if window is None or window.service is None or not window.number:
            return
        what, number = opening
        if number and number != window.number and window.account_box.findData(number) >= 0:
            window.reload_accounts(number)
        if what == "reading":
            window.submit_readings()
        elif what == "sync":
            window.sync.sync_now(None)
        elif what == "payments":
            window.tabs.setCurrentIndex(2)
            window.payments.amount.setFocus()

    def start_backup(self) -> None:
        if not self.settings.auto_backup or self.window is None or self.service is None:
            return
        journal, keep = self.service.path, self.settings.keep_backups
        folder = paths.backups_dir(journal.parent)
        self.window.tasks.run(lambda _t, _p: daily_backup(journal, folder, _today(), keep),
                              lambda _path: None, lambda error: log.warning("Daily backup failed: %s", error))


def _today() -> date:
    return date.today()


def open_for_start(settings: Settings, folder_override: str | None) -> JournalService | JournalError:
    """The journal the start shows, opened (and upgraded, with a backup first, if it is older) — off the UI
    thread: nothing here touches a widget. A journal that cannot be opened comes back as its error."""
    import desktop_app.autostart
    import desktop_app.services.reminders  # noqa: F401 (the start's next steps use both: imported here, not on the UI thread)

    try:
        return JournalService(paths.journal_path(journal_folder(settings, folder_override)))
    except JournalError as exc:
        return exc


def start(app: QApplication, settings: Settings, folder_override: str | None, log_file: Path | None,
          window: MainWindow | None = None, opened: JournalService | JournalError | None = None,
          opening: tuple[str, str | None] | None = None) -> Application | None:
    """Show the journal in `window` (the main window on screen, without its journal yet) or in a new main
    window: `opened` if the start opened it already (open_for_start), else opened here; then the dialog of
    `opening`, if given (ui.launch). None when the journal cannot be opened (the person has been told why)."""
    install_exception_hook(log_file)
    keep_none_alive()  # see ui/none_references.py
    folder = journal_folder(settings, folder_override)
    application = Application(app, settings, folder, window)
    if isinstance(opened, JournalError):
        QMessageBox.critical(None, APP_NAME, render(opened))
        return None
    if opened is not None:
        application.show_journal(opened)
    elif not application.open_journal(paths.journal_path(folder)):
        return None

    def then() -> None:
        mark("journal ready")
        application.first_start()
        application.start_backup()
        application.keep_reminders()
        if opening is not None:
            QTimer.singleShot(0, lambda: application.open_at(opening))  # once the journal's window is on screen

    if opened is not None:  # the start's journal, opened on a worker: once the window shows it
        application.window.when_filled(then)  # type: ignore[union-attr]
    else:
        then()
    return application
