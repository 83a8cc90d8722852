"""Garbage is collected on the UI thread only: a worker thread never frees a Qt object."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from ui.main_thread_gc import MainThreadGarbageCollector


class Cycle:
    def __init__(self) -> None:
        self.me = self
        self.widget_like = QObject()  # a Qt object kept alive only by the cycle


@pytest.fixture
def low_threshold() -> Iterator[None]:
    saved = gc.get_threshold()
    gc.set_threshold(1, 10, 10)
    yield
    gc.set_threshold(*saved)
    gc.disable()  # the suite's own rule (tests/conftest.py)


def test_the_ui_thread_collects_and_a_worker_never_does(qtbot, qapp: QApplication, low_threshold: None) -> None:  # type: ignore[no-untyped-def]
    collector = MainThreadGarbageCollector(qapp, interval_ms=10)
    try:
        assert not gc.isenabled()
        cycle = Cycle()
        ref = weakref.ref(cycle)
        freed_in: list[str] = []
        weakref.finalize(cycle, lambda: freed_in.append(threading.current_thread().name))
        del cycle

        def allocate_in_a_worker() -> None:  # would trigger an automatic collection in this thread
            _garbage = [[i] for i in range(50_000)]

        worker = threading.Thread(target=allocate_in_a_worker, name="worker")
        worker.start()
        worker.join()
        assert ref() is not None  # the worker did not collect it
        qtbot.waitUntil(lambda: ref() is None, timeout=5000)
        assert freed_in == [threading.main_thread().name]
    finally:
        collector.timer.stop()
        collector.deleteLater()
