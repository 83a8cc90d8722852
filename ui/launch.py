"""The window's fast start: the main window (title, menus, account bar, tabs) is on screen within a blink,
with «Opening the journal…» where the history will be, before the journal's libraries (SQLAlchemy, Alembic,
httpx, reportlab, keyring) are even imported; right after its first paint a worker thread imports them and opens
the journal (the window stays responsive, even through an upgrade of an older journal), then ui.app attaches it
to that window, which fills with the accounts and the history.

This module imports nothing but Qt and the light parts of the app (ui.main_window imports the rest on attach).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app import APP_ID, APP_NAME
from resources import FOLDER as RESOURCES
from ui.first_screen import journal_folder
from ui.i18n import install_language
from ui.main_thread_gc import MainThreadGarbageCollector
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.start_marks import mark
from ui.theme import apply_theme
from ui.wheel_guard import install_wheel_guard


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


def prepare(app: QApplication) -> MainThreadGarbageCollector:
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setWindowIcon(app_icon())
    install_wheel_guard(app)  # before any window: every one, and every dialog, scrolls by the wheel, never changes
    return MainThreadGarbageCollector(app)  # workers (PDF, sync, journal) never free a Qt object


# Opening the journal waits for the window's first paint (a zero timer right after show() would run before
# it: the platform's expose event comes later), but no longer than this, in case the window is never exposed
# (started minimised, say).
FIRST_PAINT_WAIT_MS = 500
SWITCH_INTERVAL_S = 0.001


class AfterFirstPaint(QObject):
    """Calls `then` once, as soon as `window` (or another widget) has been painted for the first time (or after
    FIRST_PAINT_WAIT_MS)."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._run)  # after the whole window is painted and on screen
        return False

    def _run(self) -> None:
        if self._then is not None:
            then, self._then = self._then, None
            then()


def launch(folder_override: str | None, opening: tuple[str, str | None] | None = None) -> int:
    """The window; `opening`: a dialog to open once the journal is shown — ("reading" | "sync" | "payments",
    the account or None), what a reminder's notification asks for."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    # The UI thread waits for the interpreter's lock each time it comes back from Qt or SQLite while a worker runs
    # Python (the journal's imports, the charges): at most this long, not the default 5 ms each time.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    collector = prepare(app)  # type: ignore[arg-type]  # (lives as long as the window)
    # Until the journal is open, what the start loads lives as long as the program: not walked by the collector
    # on the UI thread (20–50 ms a time while the worker imports), then frozen out of its sight (open_journal).
    collector.timer.stop()
    settings: Settings = make_settings()
    install_language(settings.language)
    apply_theme(app, settings.text_scale, settings.high_contrast)  # type: ignore[arg-type]
    window = MainWindow(None, settings)  # its journal is attached once it is on screen
    window.show()
    outcome: list[int] = []

    def finish() -> None:
        mark("window painted")
        log_file: list[Path | None] = [None]  # set up by the worker that reads ahead

        def open_journal(_token: object, _progress: object) -> object:
            # Off the UI thread: SQLAlchemy, the journal and the services are imported and the journal opened
            # (upgraded, a backup first, if it is older), while the window stays responsive.
            from ui.app import open_for_start

            window.preload()  # the tabs' views too: attach then only builds them
            opened = open_for_start(settings, folder_override)
            # What the start loaded (modules, classes) lives as long as the program: out of the
            # collector's sight, so its first collections on the UI thread do not walk it all (≈ 20 ms).
            gc.freeze()
            return opened

        def opened(result: object) -> None:
            from ui.app import start

            collector.timer.start()
            if start(app, settings, folder_override, log_file[0], window, result,  # type: ignore[arg-type]
                     opening=opening) is None:
                outcome.append(2)
                app.quit()

        def failed(error: BaseException) -> None:
            from ui.exception_hook import report_unexpected

            report_unexpected(error)
            outcome.append(2)
            app.quit()

        def open_now() -> None:
            window.tasks.run(open_journal, opened, failed)

        wanted, data_folder = settings.current_account, settings.data_folder

        def read_ahead(_token: object, _progress: object) -> object:
            # Off the UI thread (its imports alone took 20–30 ms): the log file, then, before SQLAlchemy, the first
            # screen of a current, healthy journal, else None.
            import ui.exception_hook
            import ui.history_view  # noqa: F401 (the first screen's view and the hook: imported here, not on the UI thread)
            from desktop_app import paths
            from desktop_app.logging_setup import setup_logging
            from desktop_app.services.first_screen import read_first_screen

            log_file[0] = setup_logging(paths.data_dir(folder_override or data_folder or None))
            return read_first_screen(paths.journal_path(journal_folder(settings, folder_override)), wanted)

        def read(screen: object) -> None:
            from ui.exception_hook import install_exception_hook

            install_exception_hook(log_file[0])
            if screen is None:
                open_now()
                return

            def painted() -> None:
                mark("history painted")
                open_now()

            def show() -> None:
                window.show_first_screen(screen)  # type: ignore[arg-type]
                AfterFirstPaint(window.tabs.widget(0), painted)  # its paint is not slowed by the journal's imports

            window.prepare_first_screen(screen, show)  # type: ignore[arg-type]

        window.tasks.run(read_ahead, read, lambda _error: read(None))

    AfterFirstPaint(window, finish)
    code = app.exec()
    return outcome[0] if outcome else code
