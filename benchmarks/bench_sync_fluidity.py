"""UI fluidity during a sync: the longest gap between two ticks of a 10 ms QTimer on the GUI thread while a sync runs
in a worker thread against a slow portal emulator (a separate process). Goal: under 100 ms.

    python benchmarks/bench_sync_fluidity.py [--delay 2] [--baseline 5] [--no-pull]

Baseline, in the same run: the same measurement with no sync running. The GUI thread also does what the window
would do on each progress report: read the submissions from the journal. Exit status 1 when the goal is missed.
"""

from __future__ import annotations

import argparse
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app.portal.settings import PortalSettings  # noqa: E402
from desktop_app.portal.sync import SyncOptions  # noqa: E402
from desktop_app.services.journal_service import JournalService  # noqa: E402
from desktop_app.services.sync_service import SyncService  # noqa: E402

GOAL_MS = 100.0
TICK_MS = 10
ACCOUNT = "050900691990"
PASSWORD = "bench-password"


def start_emulator(delay: float) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.portal_emulator", "--port", "0", "--delay", str(delay), "--password", PASSWORD],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline() if process.stdout else ""
    url = next((word for word in line.split() if word.startswith("http://")), "")
    if not url:
        process.kill()
        raise SystemExit(f"the emulator did not start: {line!r}")
    return process, url


def measure(app: QApplication, seconds: float | None, worker: threading.Thread | None,
            on_tick: callable | None = None) -> list[float]:  # type: ignore[valid-type]
    """Run the event loop; return the gaps between ticks (ms). Stops after `seconds`, or when `worker` ends."""
    gaps: list[float] = []
    last = time.perf_counter()
    start = last

    def tick() -> None:
        nonlocal last
        now = time.perf_counter()
        gaps.append((now - last) * 1000)
        last = now
        if on_tick is not None:
            on_tick()
        if (seconds is not None and now - start >= seconds) or (worker is not None and not worker.is_alive()):
            app.quit()

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    if worker is not None:
        worker.start()
    app.exec()
    timer.stop()
    return gaps[1:]  # the first gap includes the loop's start


def summary(name: str, gaps: list[float], seconds: float) -> str:
    ordered = sorted(gaps)
    p99 = ordered[int(len(ordered) * 0.99) - 1] if ordered else 0.0
    return (f"{name:<28} {seconds:7.1f} s  {len(gaps):6d} ticks  mean {statistics.fmean(gaps):6.2f} ms  "
            f"p99 {p99:6.2f} ms  max {max(gaps):7.2f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--delay", type=float, default=2.0, help="seconds the emulator takes for every answer")
    parser.add_argument("--baseline", type=float, default=5.0, help="seconds of the baseline (no sync)")
    parser.add_argument("--no-pull", action="store_true", help="only send (fewer requests: for long delays)")
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="mj-bench-sync-"))
    journal = JournalService(folder / "journal.sqlite3")
    journal.add_account(ACCOUNT, "Иванова Мария Петровна", "Самара, ул. Ленина, 1", "two-zone", "urban-gas")
    journal.add_meter(ACCOUNT, "11712434", 6, date(2025, 1, 10), "1000,500")
    journal.add_reading(ACCOUNT, date.today() - timedelta(days=1), "1200,600")
    emulator, url = start_emulator(args.delay)
    try:
        sync = SyncService(journal, portal=PortalSettings(origin=url), timeout=max(60.0, args.delay * 3),
                           options=SyncOptions(retry_delay=0.5))
        baseline = measure(app, args.baseline, None)

        progress: queue.Queue[object] = queue.Queue()
        result: list[object] = []

        def run() -> None:
            try:
                result.append(sync.sync(password=PASSWORD, pull=not args.no_pull, progress=progress.put))
            except Exception as exc:  # reported below
                result.append(exc)

        def on_tick() -> None:  # what the window does with progress reports: refresh the statuses
            while True:
                try:
                    progress.get_nowait()
                except queue.Empty:
                    return
                sync.submissions(ACCOUNT)

        started = time.perf_counter()
        during = measure(app, None, threading.Thread(target=run, name="sync-worker"), on_tick)
        elapsed = time.perf_counter() - started
    finally:
        emulator.terminate()
        emulator.wait(10)
        journal.close()
    report = result[0] if result else None
    print(f"Portal emulator: {args.delay:g} s per answer; pull {'off' if args.no_pull else 'on'}")
    print(summary("baseline (no sync)", baseline, args.baseline))
    print(summary("during the sync", during, elapsed))
    if isinstance(report, Exception):
        print(f"the sync failed: {report!r}")
        return 1
    sent = len(report.sent) if report is not None else 0  # type: ignore[attr-defined]
    print(f"sync: {sent} reading(s) sent, {elapsed:.1f} s in the worker thread")
    ok = max(during) < GOAL_MS
    verdict = "met" if ok else "MISSED"
    print(f"longest gap during the sync: {max(during):.1f} ms — goal under {GOAL_MS:.0f} ms: {verdict}")
    return 0 if ok and sent == 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
