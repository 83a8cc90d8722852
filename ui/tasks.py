"""One small background-task helper: a function runs in a worker thread; its result, error and progress
arrive on the UI thread. Workers never touch widgets. The journal's reads and writes (ui/operations.py), network,
PDF and backups go through here."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class _Signals(QObject):
    """One per runner, living on the UI thread as long as the runner: a worker never holds the last reference to
    a Qt object, which would destroy it off its thread."""

    done = Signal(int, object)
    failed = Signal(int, object)
    progress = Signal(int, int, object)  # a text, or a message of the journal's to render


class _Runnable(QRunnable):
    def __init__(self, task: int, fn: Callable[..., Any], signals: _Signals, token: CancelToken) -> None:
        super().__init__()
        self.task, self.fn, self.signals, self.token = task, fn, signals, token

    def run(self) -> None:
        fn, self.fn = self.fn, None
        task, signals = self.task, self.signals

        def report(percent: int, text: object = "") -> None:
            signals.progress.emit(task, percent, text)

        try:
            outcome = (signals.done, fn(self.token, report))
        except BaseException as exc:  # reported to the UI thread, which shows it
            outcome = (signals.failed, exc)
        # The function and what it holds are let go here, before the UI thread hears of the end and lets go of its
        # own references: so the last reference to anything is the UI thread's.
        del fn
        signal, value = outcome
        del outcome
        signal.emit(task, value)


class TaskRunner(QObject):
    """Runs `fn(token, report_progress)` off the UI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        # A sync or a price lookup may take a thread for minutes: the journal's short operations still find one.
        self.pool.setMaxThreadCount(4)
        self._signals = _Signals(self)
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)
        self._signals.progress.connect(self._progress)
        self._tasks: dict[int, tuple[CancelToken, Callable[[Any], None], Callable[[BaseException], None],
                                     Callable[[int, Any], None] | None]] = {}
        self._last_task = 0

    def run(
        self,
        fn: Callable[[CancelToken, Callable[..., None]], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, Any], None] | None = None,
    ) -> CancelToken:
        token = CancelToken()
        self._last_task += 1
        self._tasks[self._last_task] = (token, on_done, on_error, on_progress)
        self.pool.start(_Runnable(self._last_task, fn, self._signals, token))
        return token

    def _done(self, task: int, value: object) -> None:
        token, on_done, _on_error, _on_progress = self._tasks.pop(task)
        if not token.cancelled:
            on_done(value)

    def _failed(self, task: int, error: object) -> None:
        token, _on_done, on_error, _on_progress = self._tasks.pop(task)
        if not token.cancelled:
            on_error(error)  # type: ignore[arg-type]

    def _progress(self, task: int, percent: int, text: object) -> None:
        entry = self._tasks.get(task)
        if entry is not None and entry[3] is not None:
            entry[3](percent, text)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
