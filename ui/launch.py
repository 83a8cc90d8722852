"""The window's fast start: a main window frame is on screen within a blink, before the journal's libraries
(SQLAlchemy, Alembic, httpx, reportlab) are even imported; the journal opens right after, in the same
event loop, and the full window takes the frame's place at the same size and position.

This module imports nothing but Qt and the light parts of the app.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from desktop_app import APP_ID, APP_NAME
from resources import FOLDER as RESOURCES
from ui.i18n import install_language
from ui.settings import Settings
from ui.theme import apply_theme


def app_icon() -> QIcon:
    icon = QIcon()
    folder = RESOURCES / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = folder / f"meter-journal-{size}.png"
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    return icon


def make_settings() -> Settings:
    return Settings(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_ID, APP_ID))


def prepare(app: QApplication) -> None:
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setWindowIcon(app_icon())


def launch(folder_override: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    prepare(app)  # type: ignore[arg-type]
    settings: Settings = make_settings()
    install_language(settings.language)
    apply_theme(app, settings.text_scale, settings.high_contrast, style_sheet=False)  # type: ignore[arg-type]
    shell = QMainWindow()
    shell.setWindowTitle(QApplication.translate("launch", "Meter Journal"))
    shell.setWindowIcon(app_icon())
    label = QLabel(QApplication.translate("launch", "Opening the journal…"))
    label.setStyleSheet("qproperty-alignment: AlignCenter;")  # Qt's enum namespace costs 11 ms to import
    label.setAccessibleName(label.text())
    shell.setCentralWidget(label)
    shell.resize(1100, 760)
    shell.show()
    outcome: list[int] = []

    def finish() -> None:
        from desktop_app import paths
        from desktop_app.logging_setup import setup_logging
        from ui.app import start

        log_file = setup_logging(paths.data_dir(folder_override or settings.data_folder or None))
        apply_theme(app, settings.text_scale, settings.high_contrast)  # type: ignore[arg-type]
        if start(app, settings, folder_override, log_file, shell) is None:  # type: ignore[arg-type]
            outcome.append(2)
            app.quit()

    QTimer.singleShot(0, finish)
    code = app.exec()
    return outcome[0] if outcome else code
