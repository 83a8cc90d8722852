"""Crash safety: a writer killed with SIGKILL at random moments never loses a saved reading.

A child process (crash_writer.py) saves one reading per transaction and reports each one on stdout
once the save has returned. The parent kills it at random moments, restarts it (it continues from
the journal's last reading) and finally checks the file: SQLite's integrity check passes, every
reported reading is there with its values, nothing else is there but a contiguous run of months,
and the journal still opens and gives a consistent history.

The random seed is in every failure message; set CRASH_SEED to replay a run.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from journal import history
from journal.storage import open_journal
from journal.storage.models import Account
from tests.journal import crash_writer as writer

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"
)

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(writer.__file__).resolve()
ROUNDS = 6  # round 0's delay counts from the start (it may die while creating the file); the 5 others'
DELAY = (0.05, 0.6)  # delays count from the moment the writer is ready to write
READY_TIMEOUT = 15.0
_DATE_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Round:
    """One run of the writer, killed at a random moment; its stdout is collected by a thread."""

    def __init__(self, journal: Path) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        self.process = subprocess.Popen(
            [sys.executable, str(WRITER), str(journal)], cwd=ROOT, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:  # a line is only complete once its newline arrived
            if line.endswith("\n"):
                self.lines.append(line[:-1])
                if line == "READY\n":
                    self.ready.set()

    def kill_after(self, delay: float) -> None:
        time.sleep(delay)
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self._reader.join(timeout=10)

    def stderr(self) -> str:
        assert self.process.stderr is not None
        return self.process.stderr.read()

    def saved_dates(self) -> list[date]:
        return [date.fromisoformat(line) for line in self.lines if _DATE_LINE.match(line)]


def _file_readings(path: Path) -> list[tuple[date, tuple[int, ...], str]]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT r.taken_on, r.t1, r.t2, r.status FROM readings r JOIN meters m ON m.id = r.meter_id "
            "WHERE m.serial = ? ORDER BY r.taken_on, r.id",
            (writer.SERIAL,),
        ).fetchall()
    finally:
        connection.close()
    return [(date.fromisoformat(taken_on), (t1, t2), status) for taken_on, t1, t2, status in rows]


def _integrity(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def test_killed_writer_loses_no_saved_reading(tmp_path: Path) -> None:
    seed = int(os.environ.get("CRASH_SEED") or random.randrange(2**32))
    rng = random.Random(seed)
    where = f"(CRASH_SEED={seed})"
    journal = tmp_path / "data" / "journal.sqlite3"
    reported: list[date] = []
    for number in range(ROUNDS):
        run = Round(journal)
        startup = number == 0
        if not startup and not run.ready.wait(READY_TIMEOUT):
            run.kill_after(0)
            pytest.fail(f"round {number}: the writer did not start {where}:\n{run.stderr()}")
        run.kill_after(rng.uniform(*DELAY))
        stderr = run.stderr()
        assert run.process.returncode == -signal.SIGKILL, (
            f"round {number}: the writer stopped by itself (exit {run.process.returncode}) {where}:\n{stderr}"
        )
        saved = run.saved_dates()
        if saved and reported:
            # It continues after the last reading in the file (an unreported save may lie in between).
            assert saved[0] > reported[-1], f"round {number}: restarted at {saved[0]} after {reported[-1]} {where}"
        reported.extend(saved)

    assert len(reported) >= ROUNDS, f"the writer hardly wrote anything: {len(reported)} readings {where}"
    assert _integrity(journal) == ["ok"], where

    in_file = _file_readings(journal)
    assert all(status == "active" for _, _, status in in_file), where
    dates = [day for day, _, _ in in_file]
    missing = sorted(set(reported) - set(dates))
    assert not missing, f"readings reported as saved are missing from the file: {missing} {where}"
    for day, values, _ in in_file:
        assert values == writer.expected_values(day), f"{day}: {values} {where}"
    # Exactly the months 1..n, each once; at most one save per round was never reported.
    assert [writer.month_index(day) for day in dates] == list(range(1, len(dates) + 1)), where
    assert len(reported) <= len(dates) <= len(reported) + ROUNDS, where

    with open_journal(journal) as opened, opened.read() as session:
        account_id = session.scalars(select(Account.id).where(Account.number == writer.ACCOUNT)).one()
        rows = history.histories(session)[account_id]
    assert [row.taken_on for row in rows] == dates, where
    for row in rows:
        assert row.consumption == writer.STEP, f"{row.taken_on}: {row.consumption} {where}"
    monthly = history.monthly_consumption(rows)
    assert all(kwh >= 0 for period in monthly for kwh in period.consumption), where
    total = tuple(sum(period.consumption[zone] for period in monthly) for zone in range(len(writer.STEP)))
    last = writer.expected_values(dates[-1])
    assert total == tuple(b - a for a, b in zip(writer.INITIAL, last, strict=True)), where
