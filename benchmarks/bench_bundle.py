"""The frozen Linux bundle: its size unpacked and as the tar.xz download, and its cold start, against a naive
PyInstaller bundle of a PySide6 hello-world built in the same run.

Usage (from the project's root, with PyInstaller installed: `pip install pyinstaller`)::

    python benchmarks/bench_bundle.py [--runs 7] [--dist DIR] [--no-build] [--start-only] [--largest 25]

It builds `build_installer.spec` (after `python -m ui.translations_update --qm`, as the release workflow does)
and a hello-world (a QApplication showing one QLabel, frozen with PyInstaller's defaults) into a temporary
folder (or DIR; `--no-build` measures what DIR holds, `--start-only` only its cold start: a built bundle timed
again), checks ours with resources/installers/check_bundle.py, then:

* size — the unpacked one-folder bundle, in MB (10^6 bytes) and MiB; goal ≤ 135 MB. `--largest N` lists the
  N largest files;
* download — the Linux archive made by resources/installers/make-linux-tarball.sh (tar.xz, as released);
  goal ≤ 55 MB;
* cold start — each run a fresh process with QT_QPA_PLATFORM=offscreen, alternated: for ours,
  `meter-journal --self-test`, timed from the start to its line "main window shown" (so it includes creating a
  journal, a bill and a receipt before the window: an upper bound of the plain start); for the hello-world,
  from the start to the window shown. Median and range; goal: ours ≤ 5× the hello-world (medians);
* the floor — alternated with those: a hello-world frozen the same way that first imports the third-party
  libraries the self-test exercises (LIBRARIES): what no self-test of them can start faster than;
* the window's start — alternated with those: the bundle's window on a journal of 10 accounts × 20 years
  (`meter-journal --data-dir DIR`, its settings in a folder of the run), timed to the three moments it prints
  with METER_JOURNAL_START_MARKS=1 (ui/start_marks.py): the window painted, the first account's history painted,
  the journal open and every tab ready; each against the hello-world's first paint. What a person waits for,
  measured on the build a person installs (benchmarks/bench_window.py measures the same start from source).
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

from figures import load, machine, spread, verdict
from generate_journal import generate

ROOT = Path(__file__).resolve().parents[1]
SIZE_GOAL_MB = 135
DOWNLOAD_GOAL_MB = 55
START_GOAL = 5.0
# What the window's start prints with METER_JOURNAL_START_MARKS=1 (ui/start_marks.py), in order
WINDOW_MARKS = ["window painted", "history painted", "journal ready"]
HELLO = """
import sys
{libraries}
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("hello")


class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print("painted", flush=True), app.quit()))
        return False


painted = Painted()
label.installEventFilter(painted)
label.show()
QTimer.singleShot(0, lambda: print("shown", flush=True))
app.exec()
"""
# The third-party libraries the self-test exercises, as it imports them (the journal's, the receipt's, the bill
# reader's, the portal's): a hello-world importing them first is the floor under which no self-test of them starts
LIBRARIES = """
import sqlalchemy.orm, sqlalchemy.dialects.sqlite
import reportlab.pdfgen.canvas, reportlab.pdfbase.ttfonts, reportlab.graphics.barcode.qr
import pypdfium2, zxingcpp, PIL.Image
import httpx, keyring
"""

def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(work: Path) -> tuple[Path, Path]:
    dist, build_dir = work / "dist", work / "build"
    subprocess.run([sys.executable, "-m", "ui.translations_update", "--qm"], check=True, cwd=ROOT)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(build_dir / "app"), str(ROOT / "build_installer.spec")],
                   check=True, cwd=ROOT)
    # (the libraries' hello-world with the modules build_installer.spec adds because they are found at run time)
    for name, libraries, options in (("hello", "", []), ("libraries", LIBRARIES, [
            "--collect-submodules", "reportlab.graphics.barcode", "--collect-submodules", "keyring.backends"])):
        source = work / f"{name}.py"
        source.write_text(HELLO.format(libraries=libraries), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--onedir",
                        "--distpath", str(dist), "--workpath", str(build_dir / name), "--specpath", str(work),
                        *options, str(source)], check=True, cwd=work)
    return dist / "meter-journal", dist / "hello"


def download(bundle: Path, work: Path) -> Path:
    """The Linux archive as the release workflow makes it."""
    out = work / "download"
    completed = subprocess.run(["sh", str(ROOT / "resources" / "installers" / "make-linux-tarball.sh"), str(bundle),
                                "bench", str(out)], check=True, capture_output=True, text=True)
    return Path(completed.stdout.strip().splitlines()[-1])


def time_marks(command: list[str], markers: list[str], env: dict[str, str] | None = None, *,
               end: bool = False) -> list[float]:
    """Seconds from just before the start of `command` to each of `markers` printed on its standard output, in
    order; then the process runs to its end, or is ended (`end`: a window would stay open)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert process.stdout is not None
    times: list[float] = []
    try:
        for line in process.stdout:
            if markers[len(times)] in line:
                times.append(time.perf_counter() - started)
                if len(times) == len(markers):
                    return times
    finally:
        if end:
            process.kill()
        process.wait(timeout=60)
        process.stdout.close()
    raise RuntimeError(f"{command[0]} ended without printing {markers[len(times)]!r}")


def time_until(command: list[str], marker: str) -> float:
    return time_marks(command, [marker])[0]


def measure_files(ours: Path, hello: Path, work: Path, largest: int) -> subprocess.CompletedProcess[str]:
    """check_bundle.py's verdict, the sizes unpacked and as the download, and the largest files."""
    checked = subprocess.run([sys.executable, str(ROOT / "resources" / "installers" / "check_bundle.py"),
                              str(ours)], capture_output=True, text=True)
    print((checked.stdout + checked.stderr).strip())
    size, hello_size = folder_size(ours), folder_size(hello)
    archive = download(ours, work)
    print(f"\n{'bundle':<34} {'MB':>8} {'MiB':>8}")
    rows = (("meter-journal, unpacked", size), ("meter-journal, tar.xz download", archive.stat().st_size),
            ("naive PySide6 hello-world", hello_size))
    for name, value in rows:
        print(f"{name:<34} {value / 1e6:>8.1f} {value / 2**20:>8.1f}")
    print(f"unpacked: goal ≤ {SIZE_GOAL_MB} MB — {verdict(size / 1e6, SIZE_GOAL_MB)}")
    print(f"download: goal ≤ {DOWNLOAD_GOAL_MB} MB — {verdict(archive.stat().st_size / 1e6, DOWNLOAD_GOAL_MB)}")
    if largest:
        files = sorted((p for p in ours.rglob("*") if p.is_file() and not p.is_symlink()),
                       key=lambda p: p.stat().st_size, reverse=True)  # a library's links beside it: once
        for path in files[:largest]:
            print(f"  {path.stat().st_size / 1e6:7.2f} MB  {path.relative_to(ours)}")
    return checked


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dist", type=Path, help="build here (default: a temporary folder)")
    parser.add_argument("--no-build", action="store_true", help="measure the bundles already in --dist")
    parser.add_argument("--largest", type=int, default=0, help="list the largest files of the bundle")
    parser.add_argument("--start-only", action="store_true",
                        help="with --no-build: time the cold start only (no check, size or download)")
    args = parser.parse_args()
    print(f"Machine: {machine()}; load before: {load()}")
    with tempfile.TemporaryDirectory() as temporary:
        work = args.dist or Path(temporary)
        if args.no_build:
            ours, hello = work / "dist" / "meter-journal", work / "dist" / "hello"
        else:
            ours, hello = build(work)
        checked = None
        if not args.start_only:
            checked = measure_files(ours, hello, work, args.largest)
        self_test = [str(ours / "meter-journal"), "--self-test"]
        window = [str(ours / "meter-journal"), "--data-dir", str(work / "window-data")]
        window_env = {"METER_JOURNAL_START_MARKS": "1", "XDG_CONFIG_HOME": str(work / "window-config")}
        generate(work / "window-data" / "journal.sqlite3", accounts=10, years=20, quiet=True)
        time_until(self_test, "main window shown")  # warm the file cache
        time_marks([str(hello / "hello")], ["shown", "painted"])
        time_marks(window, WINDOW_MARKS, window_env, end=True)
        floor = work / "dist" / "libraries" / "libraries"
        time_until([str(floor)], "shown")
        hello_times: dict[str, list[float]] = {"shown": [], "painted": []}
        ours_times: list[float] = []
        floor_times: list[float] = []
        window_times: dict[str, list[float]] = {mark: [] for mark in WINDOW_MARKS}
        for _ in range(args.runs):
            for mark, seconds in zip(hello_times, time_marks([str(hello / "hello")], ["shown", "painted"]),
                                     strict=True):
                hello_times[mark].append(seconds)
            ours_times.append(time_until(self_test, "main window shown"))
            floor_times.append(time_until([str(floor)], "shown"))
            for mark, seconds in zip(WINDOW_MARKS, time_marks(window, WINDOW_MARKS, window_env, end=True),
                                     strict=True):
                window_times[mark].append(seconds)
        shown, painted = statistics.median(hello_times["shown"]), statistics.median(hello_times["painted"])
        ratio = statistics.median(ours_times) / shown
        print(f"\ncold start (warm file cache), {args.runs} runs of each, alternated")
        print(f"  naive hello-world: window shown          {spread(hello_times['shown'])}")
        print(f"  meter-journal --self-test: main window   {spread(ours_times)}")
        print(f"  {ratio:.2f}× the hello-world (medians): goal ≤ {START_GOAL:.0f}× — {verdict(ratio, START_GOAL)}")
        print(f"  the floor: a hello-world importing the libraries the self-test exercises first (SQLAlchemy's ORM, "
              f"reportlab, pdfium, zxing-cpp, Pillow, httpx, keyring)\n"
              f"    {'':<37}{spread(floor_times)}   {statistics.median(floor_times) / shown:.2f}× the hello-world")
        print("\nthe window's start on a journal of 10 accounts × 20 years (what a person waits for), against the "
              "hello-world's first paint")
        print(f"  naive hello-world: window painted        {spread(hello_times['painted'])}")
        for mark, times in window_times.items():
            print(f"  meter-journal: {mark:<26}{spread(times)}   "
                  f"{statistics.median(times) / painted:.2f}× the hello-world")
    print(f"load after: {load()}")
    return 0 if checked is None or checked.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
