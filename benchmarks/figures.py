"""What every benchmark reports the same way: the machine and its load, and a figure as its median and range
over the runs, compared with a goal (over, at risk within 10 % of it, or within)."""

from __future__ import annotations

import os
import platform
import statistics
from collections.abc import Sequence

AT_RISK = 0.10  # a figure within 10 % of its goal is at risk: the next machine or a busy day may miss it


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next(line.split(":", 1)[1].strip() for line in handle if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} logical CPUs, Python {platform.python_version()}, {platform.platform()}"


def load() -> str:
    """The system's load averages (1, 5, 15 minutes): other programs on a shared machine slow every figure."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} {five:.2f} {fifteen:.2f} (on {os.cpu_count()} CPUs)"


def spread(values: Sequence[float], unit: str = "s", scale: float = 1.0, digits: int = 3) -> str:
    """`median (min–max)` of the values."""
    v = [x * scale for x in values]
    return f"{statistics.median(v):.{digits}f} {unit} ({min(v):.{digits}f}–{max(v):.{digits}f})"


def verdict(value: float, goal: float) -> str:
    """Where a figure (lower is better) stands against its goal."""
    if value > goal:
        return "OVER the goal"
    if value > goal * (1 - AT_RISK):
        return "within the goal but AT RISK (within 10 % of it)"
    return "within the goal"
