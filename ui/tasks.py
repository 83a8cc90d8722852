"""One small background-task helper: a function runs in a worker thread; its result, error and progress
arrive on the UI thread. Workers never touch widgets. Journal writes are quick single transactions and
stay on the UI thread; network, PDF and backups go through here."""

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
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, str)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, token: CancelToken) -> None:
        super().__init__()
        self.fn, self.signals, self.token = fn, signals, token

    def run(self) -> None:
        try:
            result = self.fn(self.token, lambda percent, text="": self.signals.progress.emit(percent, text))
        except BaseException as exc:  # reported to the UI thread, which shows it
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs `fn(token, report_progress)` off the UI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._alive: set[_Signals] = set()

    def run(
        self,
        fn: Callable[[CancelToken, Callable[..., None]], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, str], None] | None = None,
    ) -> CancelToken:
        token = CancelToken()
        signals = _Signals()
        self._alive.add(signals)

        def finish(handler: Callable[[Any], None], value: Any) -> None:
            self._alive.discard(signals)
            if not token.cancelled:
                handler(value)

        signals.done.connect(lambda value: finish(on_done, value))
        signals.failed.connect(lambda exc: finish(on_error, exc))
        if on_progress is not None:
            signals.progress.connect(on_progress)
        self.pool.start(_Runnable(fn, signals, token))
        return token

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
