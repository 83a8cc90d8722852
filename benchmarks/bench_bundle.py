"""The frozen Linux bundle: its size and its cold start, against a naive PyInstaller bundle of a PySide6
hello-world built in the same run.

Usage (from the project's root, with PyInstaller installed: `pip install pyinstaller`)::

    python benchmarks/bench_bundle.py [--runs 7] [--dist DIR]

It builds `build_installer.spec` and a hello-world (a QApplication showing one QLabel, frozen with
PyInstaller's defaults) into a temporary folder (or DIR), then:

* size — the unpacked one-folder bundle, in MB (10^6 bytes) and MiB;
* cold start — each run a fresh process with QT_QPA_PLATFORM=offscreen: for ours, `meter-journal
  --self-test`, timed from the start to its line "main window shown" (so it includes creating and migrating
  a journal, a bill and a receipt before the window: an upper bound of the plain start); for the
  hello-world, from the start to the window shown. Median and minimum.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELLO = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("hello")
label.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(work: Path) -> tuple[Path, Path]:
    dist, build_dir = work / "dist", work / "build"
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", str(dist),
                    "--workpath", str(build_dir / "app"), str(ROOT / "build_installer.spec")], check=True, cwd=ROOT)
    hello = work / "hello.py"
    hello.write_text(HELLO, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--onedir",
                    "--distpath", str(dist), "--workpath", str(build_dir / "hello"), "--specpath", str(work),
                    str(hello)], check=True, cwd=work)
    return dist / "meter-journal", dist / "hello"


def time_until(command: list[str], marker: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert process.stdout is not None
    for line in process.stdout:
        if marker in line:
            elapsed = time.perf_counter() - started
            process.wait(timeout=60)
            return elapsed
    raise RuntimeError(f"{command[0]} ended without printing {marker!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dist", type=Path, help="build here (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = args.dist or Path(temporary)
        ours, hello = build(work)
        sizes = {"meter-journal": folder_size(ours), "naive PySide6 hello-world": folder_size(hello)}
        print(f"{'bundle':<28} {'MB':>8} {'MiB':>8}")
        for name, size in sizes.items():
            print(f"{name:<28} {size / 1e6:>8.1f} {size / 2**20:>8.1f}")
        ours_times, hello_times = [], []
        time_until([str(ours / "meter-journal"), "--self-test"], "main window shown")  # warm the file cache
        time_until([str(hello / "hello")], "shown")
        for _ in range(args.runs):
            ours_times.append(time_until([str(ours / "meter-journal"), "--self-test"], "main window shown"))
            hello_times.append(time_until([str(hello / "hello")], "shown"))
        print(f"\n{'cold start (warm file cache)':<36} {'median':>8} {'min':>8}")
        for name, times in (("naive hello-world: window shown", hello_times),
                            ("meter-journal --self-test: window", ours_times)):
            print(f"{name:<36} {statistics.median(times):>7.3f}s {min(times):>7.3f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
