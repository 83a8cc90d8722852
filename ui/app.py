"""After the main window is on screen (ui/launch.py): the exception dialog → the journal opened and attached to
the window (or the welcome) → daily backup and sync in the background. Also reopening the journal: the sample
household, the person's own journal, a new language."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from datetime import date
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import APP_NAME, paths
from desktop_app.services.backup_service import daily_backup
from desktop_app.services.journal_service import JournalService
from desktop_app.services.sample import create_sample, sample_path
from journal.errors import JournalError
from ui.account_dialogs import NewAccountDialog
from ui.i18n import install_language, translate_message
from ui.main_window import MainWindow, run_dialog
from ui.settings import Settings
from ui.theme import apply_theme
from ui.welcome_dialog import WelcomeDialog

log = logging.getLogger(__name__)


def install_exception_hook(log_file: Path | None) -> None:
    """Unexpected errors: logged in full, shown to the person as a readable message with the log's place."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if QApplication.instance() is not None:
            QMessageBox.critical(None, APP_NAME, QApplication.translate(
                "app", "Something went wrong, but your saved readings are safe. Please restart the program. "
                       "The details are in the log file:\n{path}").format(path=log_file or "—"))

    sys.excepthook = hook


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
        """Open the journal at `path` and show it: in the window on screen if it still waits for its journal,
        else in a new window that takes the old one's place."""
        try:
            service = create_sample(path, _today()) if sample else JournalService(path)
        except JournalError as exc:
            QMessageBox.critical(None, APP_NAME, translate_message(exc.message))
            return False
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
        return True

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
        if self.service.list_accounts():
            return
        welcome = WelcomeDialog(self.window)
        run_dialog(welcome)
        if welcome.choice == WelcomeDialog.SAMPLE:
            self.open_journal(sample_path(self.folder), sample=True)
        elif welcome.choice == WelcomeDialog.CREATE:
            dialog = NewAccountDialog(self.service, self.window)
            if run_dialog(dialog):
                self.window.reload_accounts(dialog.number)

    def start_backup(self) -> None:
        if not self.settings.auto_backup or self.window is None or self.service is None:
            return
        journal, keep = self.service.path, self.settings.keep_backups
        folder = paths.backups_dir(journal.parent)
        self.window.tasks.run(lambda _t, _p: daily_backup(journal, folder, _today(), keep),
                              lambda _path: None, lambda error: log.warning("Daily backup failed: %s", error))


def _today() -> date:
    return date.today()


def start(app: QApplication, settings: Settings, folder_override: str | None, log_file: Path | None,
          window: MainWindow | None = None) -> Application | None:
    """Open the journal and show it in `window` (the main window on screen, without its journal yet) or in a new
    main window. None when the journal cannot be opened (the person has been told why)."""
    install_exception_hook(log_file)
    # --data-dir, then METER_JOURNAL_DATA_DIR, then the folder chosen in the settings, then the default.
    chosen = None if os.environ.get(paths.DATA_DIR_ENV) else settings.data_folder
    folder = paths.data_dir(folder_override or chosen or None)
    application = Application(app, settings, folder, window)
    if not application.open_journal(paths.journal_path(folder)):
        return None
    application.first_start()
    application.start_backup()
    return application
