"""Benchmark: the window — cold start, typing a reading, opening a 120,000-reading history.

Usage (from the project's root, with the project's virtualenv)::

    python benchmarks/bench_window.py [--runs 9] [--keystrokes 50] [--history-runs 5]
                                      [--only start|typing|history] [--profile] [--platform offscreen] [--json]

Qt runs with QT_QPA_PLATFORM=offscreen (``--platform`` to change it), so no display is needed. The journals
are built by generate_journal.py on first use and cached (``<system temp dir>/meter-journal-bench/``).

1. Start-up, goal: within 1.5× of a bare PySide6 window. Each run is a fresh process, timed from just
   before ``Popen`` until the child prints its marks. The child takes the app's real start-up path,
   ``desktop_app.__main__.main(["--data-dir", DIR])`` → ``ui.launch.launch`` → ``ui.app.start``, on a journal
   of 10 accounts × 20 years (``make_settings`` is swapped for a temporary ini file, so the user's are not
   touched; language "ru"). An event filter marks two moments, each once the event loop is back after a
   paint: (a) the main window painted for the first time (its title, menus, account bar and tabs, the journal
   not yet opened) — the goal's measure; (b) the journal's data shown: the history table painted with its
   rows. The baseline, alternated with it run by run, is a bare QApplication with an empty QMainWindow of the
   same size, marked the same way at its first paint. The children write and use bytecode (the warm-up run
   compiles it), as an installed app has it, even where PYTHONDONTWRITEBYTECODE is set. ``--profile`` adds
   one child under ``-X importtime`` and one under cProfile, and prints what the start-up time goes to.
2. Typing a reading, goal: under 50 ms a keystroke. One process: a ReadingDialog on the account with the
   longest meter (20 years of monthly three-zone readings); digits are typed into the first field with
   ``QTest.keyClicks``, one at a time (the other fields already filled), and each ``update_preview``
   that a digit triggers is timed, as is the whole keystroke with its repaint.
3. A history of 120,000 readings, goal: model + view under 0.5 s. One process: the 500 accounts × 20
   years journal, the rows of ``histories(session)`` for all accounts concatenated (timed apart: it is
   bench_history.py's measure), then the real ``HistoryView`` (its table configured by the app's code): its
   model's ``set_history``, the row height and ``resizeColumnsToContents`` as ``HistoryView.load`` does,
   ``show()`` and events until the table's first paint. Baseline in the same process, alternated: the same
   view, empty, shown the same way. One more run, untimed, counts the model's ``data()`` calls per step.

The exit status is 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for _folder in (ROOT, Path(__file__).resolve().parent):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

from figures import machine  # noqa: E402 (the benchmarks folder is on the path only now)

START_GOAL_RATIO = 1.5
DATA_GOAL_RATIO = 3.0  # (b), the history painted with its rows
STALL_GOAL_SECONDS = 0.050  # the longest the window may leave its event loop during the start
TYPING_GOAL_SECONDS = 0.050
HISTORY_GOAL_SECONDS = 0.5
START_ACCOUNTS, START_YEARS = 10, 20
HISTORY_ACCOUNTS, HISTORY_YEARS = 500, 20
MARKER = "BENCH-WINDOW-SHOWN"
MAIN_WINDOW_SHOWN = "main window painted (settings, language, theme, built)"
DATA_SHOWN = "history painted with its rows (first screen or attached)"
ATTACHED = "journal attached, its history painted"
CHARGES_SHOWN = "charges and balance shown"
GAP_MARKER = "LONGEST-GAP"
HEARTBEAT_MS = 5
CHILD_TIMEOUT = 60  # seconds
# cProfile entries that are module execution (the imports), left out of the run-time table.
IMPORT_MACHINERY = ("import", "<module>", "builtins.exec", "__build_class__", "builtins.compile")
WINDOW_SIZE = (1100, 760)  # MainWindow.resize
HISTORY_VIEW_SIZE = (1080, 620)  # about the history tab's size inside that window
TYPING_TODAY = (2026, 2, 20)  # the month after the generated journal's last reading (2026-01-20)


def _journal(accounts: int, years: int) -> Path:
    from generate_journal import default_path, generate

    return generate(default_path(accounts, years), accounts=accounts, years=years)


def _start_journal() -> Path:
    """The start-up's data folder: journal.sqlite3 (10 × 20) with the logs and daily backups the app adds."""
    from generate_journal import default_path, generate

    from journal.storage.database import JOURNAL_FILE_NAME

    folder = default_path(START_ACCOUNTS, START_YEARS).parent / f"window-start-{START_ACCOUNTS}x{START_YEARS}"
    return generate(folder / JOURNAL_FILE_NAME, accounts=START_ACCOUNTS, years=START_YEARS)


# --- 1. start-up: the child --------------------------------------------------------------------------------

def child_start(kind: str, journal: Path, ini: Path, profile: Path | None) -> None:
    """Start a window the app's way (kind "ours") or a bare one ("bare"); print MARKER and the phases."""
    started = time.perf_counter()
    marks: dict[str, float] = {}
    profiler = None
    if profile is not None:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()

    def mark(name: str) -> None:
        marks[name] = time.perf_counter() - started

    def done() -> None:
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(str(profile))
        print(MARKER, json.dumps(marks), flush=True)
        os._exit(0)  # no teardown: the measure ends at the marker, and background tasks may still run

    from PySide6.QtCore import QEvent, QObject, QTimer

    watches: list[QObject] = []

    class Watch(QObject):
        """Calls `then` once the event loop is back after the first event of type `kind` that `target` receives
        when `ready()` holds. On the window's QWindow, kind Expose: Qt paints the whole window while handling
        it, and the timer posted here comes before any the app posts while painting. The filter is on one
        object only: an application-wide Python filter would see every event of the window's construction
        and slow it down (each object and event wrapped for Python)."""

        def __init__(self, target: QObject, kind: QEvent.Type, then: Callable[[], object],
                     ready: Callable[[], bool] = lambda: True) -> None:
            super().__init__()
            self.kind, self.then, self.ready = kind, then, ready
            target.installEventFilter(self)
            watches.append(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == self.kind and self.ready():
                watched.removeEventFilter(self)
                QTimer.singleShot(0, self.then)
            return False

    beats: list[float] = []  # the event loop's heartbeats from the main window's paint until the charges

    def data_painted() -> None:
        if DATA_SHOWN not in marks:
            mark(DATA_SHOWN)

    def charges_painted() -> None:
        data_painted()
        if ATTACHED not in marks:
            mark(ATTACHED)
        mark(CHARGES_SHOWN)
        if beats:  # the longest the window could not answer during its start (not a phase), and between each mark
            ends = [("(a)-(b)", marks[DATA_SHOWN]), ("(b)-(c)", marks[ATTACHED]), ("(c)-(d)", marks[CHARGES_SHOWN])]
            by_phase = dict.fromkeys((name for name, _ in ends), 0.0)
            for a, b in pairwise([*beats, time.perf_counter()]):
                phase = next((name for name, end in ends if b - started <= end + 0.001), ends[-1][0])
                by_phase[phase] = max(by_phase[phase], b - a)
            print(GAP_MARKER, json.dumps({"longest": max(by_phase.values()), "phases": by_phase}), flush=True)
        done()

    mark("imports: PySide6.QtCore (for the measure)")

    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        mark("imports")
        app = QApplication(sys.argv[:1])
        mark("QApplication")
        window = QMainWindow()
        window.resize(*WINDOW_SIZE)
        mark("QMainWindow")
        window.show()
        Watch(window.windowHandle(), QEvent.Type.Expose, lambda: (mark("window painted"), done()))
        mark("show")
        app.exec()
        return

    # The real entry point, desktop_app.__main__.main() → ui.launch.launch() → ui.app.start(), on the
    # benchmark's data folder. Nothing of the app is changed but make_settings (a temporary ini file); its
    # MainWindow's show and attach are wrapped only to put the watches on the window and on the history table.
    import desktop_app.__main__ as entry

    mark("imports: desktop_app.__main__ (entry point)")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import ui.launch as launch_module
    from ui.main_window import MainWindow
    from ui.settings import Settings

    mark("imports: ui.launch (Qt, the light modules, ui.main_window)")

    def make_settings() -> Settings:
        settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
        settings.language = "ru"
        return settings

    launch_module.make_settings = make_settings  # type: ignore[assignment]
    real_show, real_attach = MainWindow.show, MainWindow.attach
    real_first = getattr(MainWindow, "show_first_screen", None)  # None: a version without the first screen
    real_refresh = MainWindow.refresh

    def show(window: MainWindow) -> None:
        real_show(window)
        if not watches:  # the first main window
            Watch(window.windowHandle(), QEvent.Type.Expose, lambda: (mark(MAIN_WINDOW_SHOWN), heartbeat()))

    def first_screen(window: MainWindow, screen: object) -> None:
        real_first(window, screen)  # type: ignore[misc]
        history = window.tabs.widget(0)
        Watch(history.table.viewport(), QEvent.Type.Paint, data_painted,  # type: ignore[attr-defined]
              lambda: history.model.rowCount() > 0)  # type: ignore[attr-defined]

    def attach(window: MainWindow, service: object) -> None:
        real_attach(window, service)  # type: ignore[arg-type]
        # The rows already painted by the first screen may not be painted again: the event loop's return marks it.
        Watch(window.history.table.viewport(), QEvent.Type.Paint, data_painted,
              lambda: window.history.model.rowCount() > 0)
        QTimer.singleShot(0, lambda: ATTACHED in marks or mark(ATTACHED))

    def refresh(window: MainWindow, changes: object = None) -> None:
        real_refresh(window, changes)  # type: ignore[arg-type]

        def shown() -> None:  # after the headline's own zero timer, which shows what is owed
            if window.balance_label.text() and CHARGES_SHOWN not in marks:
                Watch(window.history.table.viewport(), QEvent.Type.Paint, charges_painted)
                window.history.table.viewport().update()

        QTimer.singleShot(0, shown)

    def heartbeat() -> None:
        beats.append(time.perf_counter())
        QTimer.singleShot(HEARTBEAT_MS, heartbeat)

    MainWindow.show = show  # type: ignore[method-assign]
    MainWindow.attach = attach  # type: ignore[method-assign]
    if real_first is not None:
        MainWindow.show_first_screen = first_screen  # type: ignore[method-assign]
    MainWindow.refresh = refresh  # type: ignore[method-assign]
    app = QApplication(sys.argv[:1])
    mark("QApplication")
    entry.main(["--data-dir", str(journal.parent)])
    raise RuntimeError("the window closed before the marker")


# --- 1. start-up: the parent -------------------------------------------------------------------------------

def _env(platform: str) -> dict[str, str]:
    """The children's environment: the platform, and bytecode written and used (the warm-up compiles it)."""
    env = dict(os.environ, QT_QPA_PLATFORM=platform)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _start_once(kind: str, journal: Path, ini: Path, platform: str, *, python_flags: tuple[str, ...] = (),
                profile: Path | None = None, gaps: list[float] | None = None,
                phase_gaps: list[dict[str, float]] | None = None) -> tuple[float, dict[str, float], str]:
    """Seconds from just before Popen to the marker, the child's phases, and its stderr; the longest event-loop
    gap while the journal opened is appended to `gaps`."""
    gaps = [] if gaps is None else gaps
    phase_gaps = [] if phase_gaps is None else phase_gaps
    command = [sys.executable, *python_flags, str(Path(__file__).resolve()), "--child-start", kind, str(journal),
               str(ini)]
    if profile is not None:
        command += ["--child-profile", str(profile)]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=errors, text=True,
                                 env=_env(platform))
        assert child.stdout is not None
        # An unexpected error shows the app's modal message box, which nobody closes here: kill the child.
        watchdog = threading.Timer(CHILD_TIMEOUT, child.kill)
        watchdog.start()
        elapsed, marks = None, {}
        try:
            for line in child.stdout:
                if line.startswith(GAP_MARKER):
                    gap = json.loads(line[len(GAP_MARKER):])
                    gaps.append(gap["longest"])
                    phase_gaps.append(gap["phases"])
                elif line.startswith(MARKER):
                    elapsed = time.perf_counter() - started
                    marks = json.loads(line[len(MARKER):])
                    break
            child.stdout.close()
            child.wait()
        finally:
            watchdog.cancel()
        errors.seek(0)
        stderr = errors.read()
    if elapsed is None:
        raise RuntimeError(f"the {kind} window did not report within {CHILD_TIMEOUT} s (exit status "
                           f"{child.returncode}):\n{stderr}")
    return elapsed, marks, stderr


def _phases(marks: dict[str, float]) -> dict[str, float]:
    """Cumulative marks → the duration of each phase, in order."""
    out, before = {}, 0.0
    for name, at in marks.items():
        out[name] = at - before
        before = at
    return out


def bench_start(runs: int, platform: str, profile: bool) -> dict:
    from statistics import median

    journal = _start_journal()
    with tempfile.TemporaryDirectory(prefix="bench-window-") as temp:
        ini = Path(temp) / "settings.ini"
        for kind in ("bare", "ours"):  # warm-up: bytecode and OS caches, the compiled translation, the backup
            _start_once(kind, journal, ini, platform)
        times: dict[str, list[float]] = {"bare": [], "ours": []}
        window_shown: list[float] = []  # ours, from just before Popen to the main window's first paint
        moments: dict[str, list[float]] = {DATA_SHOWN: [], ATTACHED: []}  # ours, likewise
        gaps: list[float] = []  # ours: the longest event-loop gap between the window's paint and its charges
        phase_gaps: list[dict[str, float]] = []  # ours: the longest gap between each two marks
        phases: dict[str, list[dict[str, float]]] = {"bare": [], "ours": []}
        for _ in range(runs):
            for kind in ("bare", "ours"):
                elapsed, marks, _ = _start_once(kind, journal, ini, platform, gaps=gaps, phase_gaps=phase_gaps)
                times[kind].append(elapsed)
                phases[kind].append(_phases(marks))
                if kind == "ours":  # the marker is printed at the last mark: count back from it
                    window_shown.append(elapsed - (max(marks.values()) - marks[MAIN_WINDOW_SHOWN]))
                    for name, values in moments.items():
                        values.append(elapsed - (max(marks.values()) - marks[name]))
        report: dict = {"journal": str(journal), "runs": runs, "times": times, "window_shown": window_shown,
                        "data_shown": moments[DATA_SHOWN], "attached": moments[ATTACHED], "longest_gaps": gaps,
                        "phase_gaps": phase_gaps}
        for kind in ("bare", "ours"):
            names = list(phases[kind][0])
            report[f"{kind}_phases"] = {n: median(p[n] for p in phases[kind]) for n in names}
            report[f"{kind}_before_code"] = median(
                t - sum(p.values()) for t, p in zip(times[kind], phases[kind], strict=True))
        if profile:
            report["profile"] = _profile_start(journal, ini, platform, Path(temp))
    return report


def _importtime(stderr: str) -> list[tuple[int, str, int, int]]:
    """(depth, module, self µs, cumulative µs) of each line of -X importtime, in its order: a module comes
    after the modules it imported, one indentation level deeper."""
    parsed = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        own, cumulative, name = line[len("import time:"):].split("|")
        parsed.append(((len(name) - len(name.lstrip()) - 1) // 2, name.strip(), int(own), int(cumulative)))
    return parsed


def _profile_start(journal: Path, ini: Path, platform: str, temp: Path) -> dict:
    """One child under -X importtime, one under cProfile: where the start-up time goes."""
    import pstats

    _, _, stderr = _start_once("ours", journal, ini, platform, python_flags=("-X", "importtime"))
    self_by_package: dict[str, int] = {}
    brought_in: list[tuple[int, str, str]] = []  # (cumulative µs, module, importer) where a package enters
    ancestors: list[tuple[int, str]] = []  # scanning backwards, a module's importer comes before it
    for depth, name, own, cumulative in reversed(_importtime(stderr)):
        while ancestors and ancestors[-1][0] >= depth:
            ancestors.pop()
        package = name.split(".")[0]
        self_by_package[package] = self_by_package.get(package, 0) + own
        importer = ancestors[-1][1] if ancestors else "(the child)"
        if importer.split(".")[0] != package:
            brought_in.append((cumulative, name, importer))
        ancestors.append((depth, name))
    brought_in.sort(reverse=True)

    profile_path = temp / "start.prof"
    _start_once("ours", journal, ini, platform, profile=profile_path)
    stats = pstats.Stats(str(profile_path))
    rows = []
    for (filename, line, function), (_cc, calls, _tt, cumulative, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        own = filename.startswith(str(ROOT)) and "benchmarks" not in filename
        rows.append((cumulative, calls, f"{Path(filename).parent.name}/{Path(filename).name}:{line}({function})", own))
    rows.sort(reverse=True)
    return {
        "imports_self_by_package_us": dict(sorted(self_by_package.items(), key=lambda kv: -kv[1])[:15]),
        "imports_brought_in_us": [list(row) for row in brought_in[:20]],
        "cprofile_top": [(round(c, 4), n, name) for c, n, name, _own in rows
                         if not any(part in name for part in IMPORT_MACHINERY)][:15],
        "cprofile_project": [(round(c, 4), n, name) for c, n, name, own in rows if own and "<module>" not in name][:25],
    }


# --- 2. typing a reading -----------------------------------------------------------------------------------

_APP = None  # the QApplication of a child: a module global, so that it is destroyed last

def _qt_app():  # the application as the app sets it up: theme and language
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install_language
    from ui.theme import apply_theme

    global _APP
    app = _APP = QApplication.instance() or QApplication(sys.argv[:1])  # must outlive the widgets
    install_language("ru")
    apply_theme(app, 100, False)  # type: ignore[arg-type]
    return app


def child_typing(journal: Path, keystrokes: int) -> dict:
    from datetime import date

    from PySide6.QtTest import QTest

    from desktop_app.services.billing_service import BillingService
    from desktop_app.services.journal_service import JournalService
    from ui.reading_dialog import ReadingDialog

    app = _qt_app()
    today = date(*TYPING_TODAY)
    service = JournalService(journal, today=lambda: today)
    accounts = service.list_accounts()
    number = max(accounts, key=lambda a: max(m.digits for m in service.meters(a.number))).number
    history_rows = len(service.history(number))

    previews: list[float] = []
    estimates: list[float] = []
    original_preview, original_estimate = ReadingDialog.update_preview, BillingService.estimate

    def timed_preview(self: ReadingDialog) -> None:
        started = time.perf_counter()
        try:
            original_preview(self)
        finally:
            previews.append(time.perf_counter() - started)

    def timed_estimate(self: BillingService, *args: object, **kwargs: object) -> object:
        started = time.perf_counter()
        try:
            return original_estimate(self, *args, **kwargs)  # type: ignore[arg-type]
        finally:
            estimates.append(time.perf_counter() - started)

    ReadingDialog.update_preview = timed_preview  # type: ignore[method-assign]  connected in __init__
    BillingService.estimate = timed_estimate  # type: ignore[method-assign]
    try:
        started = time.perf_counter()
        dialog = ReadingDialog(service, number, today)
        dialog.show()
        app.processEvents()
        opened = time.perf_counter() - started
        digits = dialog.form.meter.digits
        targets = [str((field.previous + 150) % 10**digits) for field in dialog.form.fields]
        for field, text in zip(dialog.fields[1:], targets[1:], strict=True):
            field.setText(text)
        app.processEvents()
        typed: list[dict[str, float | str | bool]] = []
        field = dialog.fields[0]
        while len(typed) < keystrokes:  # whole values: at least `keystrokes` digits, every value completed
            field.clear()
            app.processEvents()
            for position, char in enumerate(targets[0]):
                previews.clear()
                estimates.clear()
                started = time.perf_counter()
                QTest.keyClicks(field, char)
                app.processEvents()  # the repaint of the preview and the field
                typed.append({
                    "keystroke": time.perf_counter() - started,
                    "update_preview": sum(previews),
                    "estimate": sum(estimates),
                    "calls": len(previews),
                    "complete": position == len(targets[0]) - 1,
                    "preview": dialog.preview.text()[:120],
                })
        for typed_field in dialog.fields:  # closing with values typed asks whether to throw them away
            typed_field.clear()
        dialog.close()
    finally:
        ReadingDialog.update_preview = original_preview  # type: ignore[method-assign]
        BillingService.estimate = original_estimate  # type: ignore[method-assign]
    service.close()
    return {"account": number, "digits": digits, "history_rows": history_rows, "dialog_open": opened,
            "field": targets[0], "keystrokes": typed}


# --- 3. a history of 120,000 readings ----------------------------------------------------------------------

def child_history(journal: Path, runs: int) -> dict:
    from PySide6.QtCore import QEvent, QObject
    from sqlalchemy import select

    from desktop_app.services.journal_service import JournalService
    from journal.history import histories
    from journal.storage.models import Account
    from journal.zones import TariffPlan
    from ui.history_model import HistoryModel
    from ui.history_view import HistoryView
    from ui.tasks import TaskRunner

    app = _qt_app()
    service = JournalService(journal)
    started = time.perf_counter()
    with service.journal.read() as session:
        result = histories(session)
        plan = session.scalar(select(Account.plan).limit(1))
    histories_time = time.perf_counter() - started
    rows = [row for account_id in sorted(result) for row in result[account_id]]
    zones = TariffPlan(plan).zones

    class PaintWatch(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.painted = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    def until_painted(view: HistoryView) -> None:
        watch = PaintWatch()
        view.table.viewport().installEventFilter(watch)
        deadline = time.perf_counter() + CHILD_TIMEOUT
        while not watch.painted:
            app.processEvents()
            if time.perf_counter() > deadline:
                raise RuntimeError(f"the table was not painted within {CHILD_TIMEOUT} s")
        view.table.viewport().removeEventFilter(watch)

    def load(view: HistoryView) -> None:
        """HistoryView.load's work on the model and the table, with the rows of all accounts (load itself
        asks the service for one account, and starts the balance in the background)."""
        view.model.set_history(zones, rows)
        view.table.verticalHeader().setDefaultSectionSize(int(view.fontMetrics().height() * 1.7))
        view.table.resizeColumnsToContents()

    tasks = TaskRunner()

    def once(with_rows: bool) -> dict[str, float]:
        started = time.perf_counter()
        view = HistoryView(service, tasks)  # the real tab: its table configured by the app's own code
        view.resize(*HISTORY_VIEW_SIZE)
        made = time.perf_counter()
        if with_rows:
            view.model.set_history(zones, rows)
        modelled = time.perf_counter()
        view.table.verticalHeader().setDefaultSectionSize(int(view.fontMetrics().height() * 1.7))
        view.table.resizeColumnsToContents()
        resized = time.perf_counter()
        view.show()
        until_painted(view)
        painted = time.perf_counter()
        out = {"view": made - started, "set_history": modelled - made, "resize": resized - modelled,
               "show_paint": painted - resized, "total": painted - started}
        if with_rows:  # an account switch: the same load on the visible table, until repainted
            started = time.perf_counter()
            load(view)
            until_painted(view)
            out["reload_visible"] = time.perf_counter() - started
        view.close()
        view.deleteLater()
        app.processEvents()
        return out

    once(False)  # warm-up: the style, the fonts, the first table of the process
    once(True)
    measured: dict[str, list[dict[str, float]]] = {"empty": [], "ours": []}
    alone: list[float] = []
    for _ in range(runs):
        measured["empty"].append(once(False))
        measured["ours"].append(once(True))
        model = HistoryModel()  # set_history's own Python work: the same call on a model no view shows
        started = time.perf_counter()
        model.set_history(zones, rows)
        alone.append(time.perf_counter() - started)

    # One more run, not timed, counting the model's data() calls in each step: what the table asks for.
    calls = [0]
    real_data = HistoryModel.data

    def counted(self: HistoryModel, *args: object) -> object:
        calls[0] += 1
        return real_data(self, *args)  # type: ignore[arg-type]

    HistoryModel.data = counted  # type: ignore[method-assign]
    try:
        view = HistoryView(service, tasks)
        view.resize(*HISTORY_VIEW_SIZE)
        data_calls = {}
        for step, action in (("set_history", lambda: view.model.set_history(zones, rows)),
                             ("resize", view.table.resizeColumnsToContents),
                             ("show_paint", lambda: (view.show(), until_painted(view)))):
            calls[0] = 0
            action()
            data_calls[step] = calls[0]
        view.close()
    finally:
        HistoryModel.data = real_data  # type: ignore[method-assign]
    service.close()
    header = view.table.horizontalHeader()
    return {"histories": histories_time, "rows": len(rows), "accounts": len(result), "columns": 3 + 2 * len(zones) + 4,
            "runs": measured, "set_history_alone": alone, "data_calls": data_calls,
            "resize_mode": header.sectionResizeMode(0).name, "precision": header.resizeContentsPrecision()}


def _child_json(flag: str, journal: Path, count: int, platform: str) -> dict:
    completed = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), flag, str(journal), str(count)],
        cwd=ROOT, capture_output=True, text=True, env=_env(platform), timeout=CHILD_TIMEOUT * 5,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"{flag} failed (exit status {completed.returncode}):\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


# --- report ------------------------------------------------------------------------------------------------

def _machine() -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    return f"{machine()}, PySide6 {pyside_version} (Qt {qVersion()})"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def report_start(result: dict) -> bool:
    from statistics import median

    bare, shown, data = result["times"]["bare"], result["window_shown"], result["data_shown"]
    ratio = median(shown) / median(bare)
    print(f"1. Start-up until the window is shown — journal {result['journal']}")
    print(f"   {result['runs']} runs each, fresh processes, alternated (after one warm-up run each); each moment")
    print("   once the event loop is back after the paint\n")
    print(f"   {'':<52}{'median':>11}  {'min':>11}  {'× bare':>7}")
    for label, values in (("bare QApplication + QMainWindow, painted", bare),
                          ("(a) Meter Journal: the main window painted", shown),
                          ("(b) Meter Journal: the history painted, its rows", data),
                          ("(c) Meter Journal: the journal attached", result["attached"]),
                          ("(d) Meter Journal: charges and balance shown", result["times"]["ours"])):
        print(f"   {label:<52}{_ms(median(values))}  {_ms(min(values))}  {median(values) / median(bare):6.2f}×")
    verdict = "within" if ratio <= START_GOAL_RATIO else "OVER"
    print(f"   (a) ratio (medians) {ratio:.2f}×, (minimums) {min(shown) / min(bare):.2f}× — {verdict} the "
          f"{START_GOAL_RATIO}× goal")
    data_ratio = median(data) / median(bare)
    met = ratio <= START_GOAL_RATIO and data_ratio <= DATA_GOAL_RATIO
    print(f"   (b) ratio (medians) {data_ratio:.2f}×, (minimums) {min(data) / min(bare):.2f}× — "
          f"{'within' if data_ratio <= DATA_GOAL_RATIO else 'OVER'} the {DATA_GOAL_RATIO:g}× goal")
    if result.get("longest_gaps"):
        gaps = result["longest_gaps"]
        met = met and median(gaps) <= STALL_GOAL_SECONDS
        print(f"   between (a) and (d), the longest the window left its event loop (a {HEARTBEAT_MS} ms heartbeat): "
              f"median {_ms(median(gaps)).strip()}, max {_ms(max(gaps)).strip()} — "
              f"{'within' if median(gaps) <= STALL_GOAL_SECONDS else 'OVER'} the "
              f"{STALL_GOAL_SECONDS * 1000:g} ms goal (median)")
        for phase in result["phase_gaps"][0]:
            values = [g[phase] for g in result["phase_gaps"]]
            print(f"     longest between {phase}: median {_ms(median(values)).strip()}, max {_ms(max(values)).strip()}")
    print()
    for kind, title in (("bare", "bare window"), ("ours", "Meter Journal")):
        print(f"   phases of the {title} (medians):")
        print(f"     {'interpreter start-up, before the child code':<58}{_ms(result[f'{kind}_before_code'])}")
        for name, value in result[f"{kind}_phases"].items():
            print(f"     {name:<58}{_ms(value)}")
    if "profile" in result:
        profile = result["profile"]
        print("\n   -X importtime (inflated by the measure itself), self time summed by package:")
        for name, us in profile["imports_self_by_package_us"].items():
            print(f"     {name:<44}{us / 1000:8.1f} ms")
        print("   -X importtime, where each package comes in (cumulative: with everything it imports first):")
        for us, name, importer in profile["imports_brought_in_us"]:
            print(f"     {us / 1000:8.1f} ms  {name} <- {importer}")
        print("   cProfile, the UI thread, by cumulative time:")
        for cumulative, calls, name in profile["cprofile_top"]:
            print(f"     {cumulative * 1000:8.1f} ms {calls:>7}  {name}")
        print("   cProfile, the window's own code:")
        for cumulative, calls, name in profile["cprofile_project"]:
            print(f"     {cumulative * 1000:8.1f} ms {calls:>7}  {name}")
    print()
    return met


def report_typing(result: dict) -> bool:
    from statistics import median

    rows = result["keystrokes"]
    print(f"2. Typing a reading — account {result['account']} ({result['history_rows']} readings, "
          f"{result['digits']}-digit meter), {len(rows)} keystrokes, typing {result['field']!r} again and again")
    print(f"   dialog opened and shown in {_ms(result['dialog_open']).strip()}\n")
    print(f"   {'':<44}{'median':>11}  {'max':>11}")
    for key, label in (("update_preview", "update_preview (per digit)"),
                       ("estimate", "  of which service.billing.estimate"),
                       ("keystroke", "keystroke: keyClicks + repaint")):
        values = [float(r[key]) for r in rows]
        print(f"   {label:<44}{_ms(median(values))}  {_ms(max(values))}")
    for complete, label in ((True, "update_preview, value complete (a charge)"),
                            (False, "update_preview, value still short (error)")):
        values = [float(r["update_preview"]) for r in rows if r["complete"] is complete]
        if values:
            print(f"   {label:<44}{_ms(median(values))}  {_ms(max(values))}")
    print(f"   first keystroke's update_preview: {_ms(float(rows[0]['update_preview'])).strip()}")
    last = next(r for r in reversed(rows) if r["complete"])
    print(f"   the preview after the last digit: {last['preview']!r}")
    worst = max(float(r["update_preview"]) for r in rows)
    ok = worst < TYPING_GOAL_SECONDS
    print(f"   {'within' if ok else 'OVER'} the {TYPING_GOAL_SECONDS * 1000:.0f} ms goal (max update_preview)\n")
    return ok


def report_history(result: dict) -> bool:
    from statistics import median

    runs = result["runs"]
    print(f"3. A history of {result['rows']:,} readings ({result['accounts']} accounts concatenated, "
          f"{result['columns']} columns), {len(runs['ours'])} runs alternated with an empty table")
    print(f"   histories(session), all accounts (bench_history.py's measure, not counted): "
          f"{_ms(result['histories']).strip()}\n")
    print(f"   {'':<52}{'median':>11}  {'min':>11}")
    steps = (("view", "HistoryView made (its table, its model)"), ("set_history", "model.set_history"),
             ("resize", "row height + resizeColumnsToContents"), ("show_paint", "show + first paint"),
             ("total", "total"), ("reload_visible", "reload, table visible, until repainted"))
    for kind, title in (("empty", "empty"), ("ours", "120k rows")):
        for key, label in steps:
            values = [r[key] for r in runs[kind] if key in r]
            if values and not (kind == "empty" and key == "set_history"):
                print(f"   {title + ': ' + label:<52}{_ms(median(values))}  {_ms(min(values))}")
    alone = result["set_history_alone"]
    print(f"   {'set_history on a model no view shows (Python only)':<52}{_ms(median(alone))}  {_ms(min(alone))}")
    calls = result["data_calls"]
    print(f"   HistoryModel.data() calls — set_history: {calls['set_history']:,}, resizeColumnsToContents: "
          f"{calls['resize']:,}, show + paint: {calls['show_paint']:,} (header mode {result['resize_mode']}, "
          f"resizeContentsPrecision {result['precision']})")
    total = median(r["total"] for r in runs["ours"])
    ok = total < HISTORY_GOAL_SECONDS
    print(f"   model + view: median {total:.3f} s — {'within' if ok else 'OVER'} the {HISTORY_GOAL_SECONDS} s goal\n")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="start-up: fresh processes of each kind (default 9)")
    parser.add_argument("--keystrokes", type=int, default=50, help="typing: digits typed (default 50)")
    parser.add_argument("--history-runs", type=int, default=5, help="history: runs of each kind (default 5)")
    parser.add_argument("--only", choices=("start", "typing", "history"), help="run one measure only")
    parser.add_argument("--profile", action="store_true", help="start-up: profile one child (importtime, cProfile)")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM (default offscreen)")
    parser.add_argument("--json", action="store_true", help="also print the raw figures as JSON")
    parser.add_argument("--child-start", nargs=3, metavar=("KIND", "JOURNAL", "INI"), help=argparse.SUPPRESS)
    parser.add_argument("--child-profile", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-typing", nargs=2, metavar=("JOURNAL", "COUNT"), help=argparse.SUPPRESS)
    parser.add_argument("--child-history", nargs=2, metavar=("JOURNAL", "COUNT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_start:
        kind, journal, ini = args.child_start
        child_start(kind, Path(journal), Path(ini), args.child_profile)
        return 1  # not reached: the child exits at the marker
    if args.child_typing or args.child_history:
        if args.child_typing:
            result = child_typing(Path(args.child_typing[0]), int(args.child_typing[1]))
        else:
            result = child_history(Path(args.child_history[0]), int(args.child_history[1]))
        print(json.dumps(result), flush=True)
        # No teardown: a parentless ReadingDialog, once dropped, makes PySide6 abort at interpreter exit
        # ("QObject: shared QObject was deleted directly"); the app's dialogs have a parent.
        os._exit(0)

    os.environ["QT_QPA_PLATFORM"] = args.platform
    print(f"Machine: {_machine()}")
    print(f"QT_QPA_PLATFORM={args.platform}\n")
    raw: dict[str, dict] = {}
    ok = True
    if args.only in (None, "start"):
        raw["start"] = bench_start(args.runs, args.platform, args.profile)
        ok &= report_start(raw["start"])
    if args.only in (None, "typing"):
        journal = _journal(START_ACCOUNTS, START_YEARS)
        raw["typing"] = _child_json("--child-typing", journal, args.keystrokes, args.platform)
        ok &= report_typing(raw["typing"])
    if args.only in (None, "history"):
        journal = _journal(HISTORY_ACCOUNTS, HISTORY_YEARS)
        raw["history"] = _child_json("--child-history", journal, args.history_runs, args.platform)
        ok &= report_history(raw["history"])
    if args.json:
        print(json.dumps(raw, indent=1))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
