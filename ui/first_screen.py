"""The window's first screen: while the journal opens on a worker (ui/launch.py), the account bar and the history of
the account shown last time, read ahead without the journal's libraries (desktop_app.services.first_screen). The
history view is the real one, its buttons off; `attach` gives it the journal and keeps it, and the overview's
rows, when they are the same, are not painted again (HistoryView.show_rows).

This module imports nothing but Qt's core: it is imported before the window's first paint.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from desktop_app.services.first_screen import FirstScreen
    from desktop_app.services.journal_service import JournalService
    from journal.records import AccountInfo
    from ui.history_view import HistoryView
    from ui.main_window import MainWindow
    from ui.settings import Settings


# The rows whose text sizes the first screen's columns: a page at 100 % text on a laptop's screen, with a season's
# months in it (the whole history's first 100, as HistoryView measures them, take 20–40 ms more on the UI thread).
FIRST_SCREEN_ROWS = 40


def journal_folder(settings: Settings, folder_override: str | None) -> Path:
    """--data-dir, then METER_JOURNAL_DATA_DIR, then the folder chosen in the settings, then the default."""
    from desktop_app import paths  # platformdirs: after the window's first paint

    chosen = None if os.environ.get(paths.DATA_DIR_ENV) else settings.data_folder
    return paths.data_dir(folder_override or chosen or None)


def account_label(account: AccountInfo) -> str:
    """An account as the account bar lists it."""
    return f"{account.number} — {account.address}"


def _buttons(history: HistoryView) -> tuple:
    return history.edit_button, history.delete_button, history.undo_button


def prepare_first_screen(window: MainWindow, screen: FirstScreen, then: Callable[[], object]) -> None:
    """The first screen's history view built and filled off screen, a turn of the event loop for each step (each
    takes 10–30 ms on this kind of machine, the window answers between them), then `then()`: `show_first_screen`
    only puts it in place. Nothing happens once the journal is attached meanwhile."""
    from ui.history_view import HistoryView

    def waiting() -> bool:
        return window.service is None and window.opening is not None

    def build() -> None:
        if not waiting():
            return
        history = HistoryView(None, window.tasks)
        for button in _buttons(history):
            button.setEnabled(False)  # until attach: nothing is changed without the journal
        history.ensurePolished()  # the style sheet's rules for its widgets: not all in the slice that paints it
        window.first_history = history
        after_a_breath(fill)

    def fill() -> None:
        history = window.first_history
        if history is None or not waiting():
            return
        _fill(window, history, screen)
        after_a_breath(then)

    after_a_breath(build)


def _fill(window: MainWindow, history: HistoryView, screen: FirstScreen) -> None:
    history.number = screen.account.number
    header = history.table.horizontalHeader()
    precision = header.resizeContentsPrecision()
    header.setResizeContentsPrecision(FIRST_SCREEN_ROWS)  # the columns fit the rows in view: measured at once
    history.show_rows(screen.account.zones, screen.rows, screen.plan_changes)
    history.fit_columns(measure=range(history.model.columnCount()))
    header.setResizeContentsPrecision(precision)
    history.status.setText(window.opening.text())  # type: ignore[union-attr]


def show_first_screen(window: MainWindow, screen: FirstScreen) -> None:
    """The first screen in `window`, still waiting for its journal (else nothing happens): the history view that
    `prepare_first_screen` built, else built now."""
    from ui.history_view import HistoryView

    if window.service is not None or window.opening is None:
        return
    history, window.first_history = window.first_history, None
    if history is None or history.number != screen.account.number:
        history = HistoryView(None, window.tasks)
        for button in _buttons(history):
            button.setEnabled(False)
        _fill(window, history, screen)
    box = window.account_box
    box.blockSignals(True)
    for account in screen.accounts:
        box.addItem(account_label(account), account.number)
    box.setCurrentIndex(box.findData(screen.account.number))
    box.blockSignals(False)
    tabs, old = window.tabs, window.opening
    title = tabs.tabText(0)
    tabs.setUpdatesEnabled(False)
    tabs.removeTab(0)
    tabs.insertTab(0, history, title)
    tabs.setCurrentIndex(0)
    tabs.setUpdatesEnabled(True)
    old.deleteLater()
    window.opening = None


def adopt_history(window: MainWindow, service: JournalService) -> HistoryView | None:
    """The first screen's history view, now with the journal; None when the window showed no first screen."""
    from ui.history_view import HistoryView

    page = window.tabs.widget(0)
    if not isinstance(page, HistoryView) or page.service is not None:
        return None
    page.service = service
    for button in _buttons(page):
        button.setEnabled(True)
    return page


def after_a_breath(then: Callable[[], object], context: QObject | None = None) -> None:
    """`then` once the event loop has run again (input, paint, timers due): a real timer, as a zero one is a posted
    event that Qt may handle in the same pass as the work before it. Not at all if `context` is deleted first."""
    if context is None:
        QTimer.singleShot(1, then)
    else:
        QTimer.singleShot(1, context, then)
