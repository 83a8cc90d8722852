"""Journal operations from the window, off the UI thread (Anki's CollectionOp/QueryOp).

`read` and `write` run a service call in a TaskRunner worker: no SQL statement runs on the UI thread. The caller
waits for the outcome handling the UI thread's events, so the window keeps painting, its timers tick and input is
handled, even while another program holds the journal busy for seconds; the caller's code reads on as if the
call were direct (a JournalError is raised where it was called). A write returns `Done(result, changes)`; its
caller hands the `Changes` to the window's one slot (`MainWindow.apply_changes`), where each view decides whether
it shows any of them.

The journal's questions (ConfirmationRequired) are asked on the UI thread between two runs of the write, as
`ui.confirmations.save_with_confirmations` does for a direct call.

Re-entrancy is handled here, once for every caller (as Anki's progress manager does with its application-modal
progress window): while a write runs, input to every window of the application is held back — clicks, keys,
shortcuts, the wheel — so that no second save, menu action or account switch starts before it ends; after a short
delay a wait cursor and «Сохраняю…» in the window's status line say why. A window closed while any journal
operation is in flight (a read or a write) closes once it has ended. A long write (a restore) lets its own
progress dialog's Cancel through (`with_progress`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QCursor, QWindow
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressDialog, QWidget

from ui.tasks import TaskRunner

if TYPE_CHECKING:  # the window imports this module before its journal's libraries load
    from desktop_app.services.changes import Done
    from journal.errors import ConfirmationRequired
    from ui.confirmations import Confirmed

T = TypeVar("T")
BUSY_DELAY_MS = 300  # a quicker write shows no busy cursor: nothing flickers
translate = QCoreApplication.translate  # the name Qt Linguist's lupdate looks for

_HELD = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel, QEvent.Type.KeyPress,
    QEvent.Type.Shortcut, QEvent.Type.ContextMenu, QEvent.Type.InputMethod, QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
})


class _InFlight(QObject):
    """The application's journal operations in flight, and what waits for them to end. Its event filter is
    installed only while a write runs."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.app = app
        self.running = 0  # reads and writes waited for (nested waits count each)
        self.holds: list[tuple[QWidget | None, str]] = []  # the writes running: (the window let through, its text)
        self.closing: list[QWidget] = []  # windows asked to close meanwhile
        self.shown: list[QMainWindow] = []  # status lines showing the busy text
        self.cursor = False
        self.delay = QTimer(self)
        self.delay.setSingleShot(True)
        self.delay.setInterval(BUSY_DELAY_MS)
        self.delay.timeout.connect(self._show_busy)

    # --- holding input while a write runs ------------------------------------------------------------
    def hold(self, allow: QWidget | None, text: str) -> None:
        self.holds.append((allow, text))
        if len(self.holds) == 1:
            self.app.installEventFilter(self)
            self.delay.start()

    def release(self) -> None:
        self.holds.pop()
        if not self.holds:
            self.app.removeEventFilter(self)
            self.delay.stop()
            self._hide_busy()
            self._maybe_idle()

    def eventFilter(self, receiver: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _HELD:
            return not self._let_through(receiver)
        if kind == QEvent.Type.Close and event.spontaneous() and isinstance(receiver, QWidget) \
                and receiver.isWindow() and not self._let_through(receiver):
            event.ignore()  # the window's ×: it closes once the write has ended
            self.close_later(receiver)
            return True
        return False

    def _let_through(self, receiver: QObject) -> bool:
        allow = self.holds[-1][0] if self.holds else None
        if allow is None:
            return False
        if isinstance(receiver, QWindow):
            return receiver is allow.windowHandle()
        while receiver is not None and not isinstance(receiver, QWidget):  # a shortcut: its widget's window
            receiver = receiver.parent()
        return receiver is not None and receiver.window() is allow

    def _show_busy(self) -> None:
        if not self.holds or self.cursor:
            return
        text = self.holds[-1][1]
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        self.cursor = True
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMainWindow) and widget.isVisible():
                widget.statusBar().showMessage(text)
                self.shown.append(widget)

    def _hide_busy(self) -> None:
        if self.cursor:
            QApplication.restoreOverrideCursor()
            self.cursor = False
        texts = {text for _allow, text in self.holds} | {translate("operations", "Saving…")}
        for window in self.shown:
            if _alive(window) and window.statusBar().currentMessage() in texts:
                window.statusBar().clearMessage()
        self.shown.clear()

    # --- waiting for the end ---------------------------------------------------------------------------
    def started(self) -> None:
        self.running += 1

    def ended(self) -> None:
        self.running -= 1
        self._maybe_idle()

    def busy(self) -> bool:
        return self.running > 0 or bool(self.holds)

    def close_later(self, window: QWidget) -> None:
        if window not in self.closing:
            self.closing.append(window)

    def _maybe_idle(self) -> None:
        if self.closing and not self.busy():
            # Once the caller's code after the wait has run on (it may start the next read: then this waits again).
            QTimer.singleShot(0, self._close_waiting)

    def _close_waiting(self) -> None:
        if self.busy():
            return
        waiting, self.closing = self.closing, []
        for window in waiting:
            if _alive(window) and window.isVisible():
                window.close()


def _alive(widget: QObject) -> bool:
    from shiboken6 import isValid

    return isValid(widget)


_in_flight: list[_InFlight] = []


def _state() -> _InFlight:
    app = QCoreApplication.instance()
    if not _in_flight or not _alive(_in_flight[0]) or _in_flight[0].app is not app:
        _in_flight[:] = [_InFlight(app)]  # type: ignore[arg-type]
    return _in_flight[0]


def busy() -> bool:
    """True while a journal operation is in flight (a read or a write waited for)."""
    return bool(_in_flight) and _alive(_in_flight[0]) and _in_flight[0].busy()


def close_when_idle(window: QWidget) -> bool:
    """For a window's closeEvent: True when a journal operation is in flight — the window closes once it ends
    (the caller ignores this close) — else False (close now)."""
    if not busy():
        return False
    _state().close_later(window)
    return True


@contextmanager
def holding(allow: QWidget | None = None, text: str | None = None) -> Iterator[None]:
    """Input to every window but `allow` held back meanwhile (a write runs), with the busy cursor and `text`
    (default «Сохраняю…») after a short delay."""
    state = _state()
    state.hold(allow, text or translate("operations", "Saving…"))
    try:
        yield
    finally:
        state.release()


def _wait(tasks: TaskRunner, fn: Callable[[Any, Callable[..., None]], T],
          on_progress: Callable[[int, Any], None] | None = None) -> T:
    outcome: list[tuple[bool, object]] = []
    state = _state()
    state.started()
    try:
        tasks.run(fn, lambda value: outcome.append((True, value)), lambda error: outcome.append((False, error)),
                  on_progress)
        while not outcome:  # the outcome arrives as a queued signal, which wakes the wait
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents
                                           | QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        state.ended()
    ok, value = outcome[0]
    if not ok:
        raise value  # type: ignore[misc]
    return value  # type: ignore[return-value]


def read(tasks: TaskRunner, call: Callable[[], T]) -> T:
    """`call()` run in a worker; the UI thread handles its events meanwhile (paints, timers, input, signals —
    not deferred deletions, which wait for the event loop as they would without the call). Its result, or its
    exception raised here."""
    return _wait(tasks, lambda _token, _progress: call())


def write_once(tasks: TaskRunner, call: Callable[[], T]) -> T:
    """A write without the journal's questions (the caller asks its own): `call()` in a worker, input to the
    application held back meanwhile. Its result, or its exception raised here."""
    with holding():
        return _wait(tasks, lambda _token, _progress: call())


def write(parent: QWidget, tasks: TaskRunner, action: Callable[[Confirmed], Done[T]], *,
          given: Confirmed | None = None,
          ask: Callable[[ConfirmationRequired], bool] | None = None,
          busy: Callable[[bool], None] | None = None) -> Done[T] | None:
    """Run the write `action(confirmed)` in a worker, asking the journal's questions on the UI thread and running it
    again with each yes. Its Done once it went through; None when the person said no. Any other JournalError is
    raised for the caller to show beside its field. Input to the application is held back during each run (not
    while a question is asked); `busy(True)` and `busy(False)` are called around each run: a dialog shows that it
    is saving."""
    from ui.confirmations import Confirmed, save_with_confirmations  # the questions' dialogs: not before a write

    done: list[Done[T]] = []

    def run(confirmed: Confirmed) -> None:
        if busy is not None:
            busy(True)
        try:
            done.append(write_once(tasks, lambda: action(confirmed)))
        finally:
            if busy is not None:
                busy(False)

    if save_with_confirmations(parent, run, given=given or Confirmed(), ask=ask):
        return done[-1]
    return None


def with_progress(parent: QWidget, tasks: TaskRunner, work: Callable[[Callable[[], bool], Callable[[int], None]], T],
                  text: str) -> T:
    """A long write: `work(cancelled, report)` in a worker — `report(percent)` moves the bar, `cancelled()` is
    True once Cancel was pressed (the work stops where it safely can and raises) — with a window-modal progress
    over `parent` after a moment, as the PDFs have, and input to every other window held back as for a write. Its
    result, or its exception raised here."""
    progress = QProgressDialog(text, translate("operations", "Cancel"), 0, 100, parent)
    progress.setWindowTitle(parent.window().windowTitle())
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(200)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setValue(0)
    stop = threading.Event()

    def cancel() -> None:
        stop.set()
        progress.setLabelText(translate("operations", "Stopping…"))
        progress.setCancelButton(None)  # pressed once: nothing more to press

    progress.canceled.connect(cancel)
    try:
        with holding(progress, text):
            return _wait(tasks, lambda _token, report: work(stop.is_set, report),
                         lambda percent, _text: progress.setValue(percent) if not stop.is_set() else None)
    finally:
        progress.close()
        progress.deleteLater()


def runner(widget: QWidget) -> TaskRunner:
    """The TaskRunner of the window `widget` is in (its `tasks`), else one of the widget's own (a dialog opened
    alone, as tests do)."""
    current: object | None = widget
    while current is not None:
        tasks = getattr(current, "tasks", None)
        if isinstance(tasks, TaskRunner):
            return tasks
        current = current.parent() if isinstance(current, QWidget) else None  # type: ignore[union-attr]
    own = TaskRunner(widget)
    widget.tasks = own  # type: ignore[attr-defined]
    return own
