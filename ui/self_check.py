"""The self-test's look at the window (`meter-journal --self-test`, desktop_app/self_test.py): the main window of
a filled journal shown offscreen, in Russian, with its history."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop_app.services.journal_service import JournalService
from ui.i18n import install_language
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.theme import apply_theme


def show_main_window(service: JournalService) -> None:
    """Show the main window of `service`'s journal and wait for its history; RuntimeError when it stays empty."""
    app = QApplication.instance() or QApplication([])
    install_language("ru")
    apply_theme(app, 100, False)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as folder:
        settings = Settings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(service, settings)
        window.show()
        app.processEvents()
        window.tasks.wait()
        app.processEvents()
        if not window.isVisible() or window.history.model.rowCount() == 0:
            raise RuntimeError("the main window did not show the sample's history")
        window.close()
        window.deleteLater()
        app.processEvents()
