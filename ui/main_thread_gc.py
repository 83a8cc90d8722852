"""Garbage collection on the UI thread only.

Python's cyclic garbage collector runs in whichever thread happens to allocate when a threshold is crossed. When
that is a worker thread (a receipt being drawn, a sync), it may free the last reference to a Qt object that lives on
the UI thread, and Qt destroys it from the wrong thread: the process dies with a segmentation fault. So the
automatic collector is switched off and the UI thread collects on a timer, by the same thresholds (the pattern of
the PyQt wiki's "GarbageCollector", also used by Anki and qutebrowser).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadGarbageCollector(QObject):
    """Create once, on the UI thread, with a long-lived parent (the application)."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        collect_if_due(self.threshold)


def collect_if_due(threshold: tuple[int, int, int]) -> None:
    """Collect the generations whose counts passed their thresholds, as the automatic collector would."""
    first, second, third = gc.get_count()
    if first > threshold[0]:
        generation = 0
        if second > threshold[1]:
            generation = 1
            if third > threshold[2]:
                generation = 2
        gc.collect(generation)
