"""A busy journal: while another program writes (a long import), `reading add` and `sync` wait the busy timeout,
then answer in plain words who holds the journal, with exit code 3 — never 1 — and change nothing.

The holder is a real `meter-journal import` in another process, frozen with SIGSTOP once it is inside its write
transaction (its writer note appeared), so the test does not depend on how fast the import runs."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_app.services.journal_service import JournalService
from journal.storage.busy import note_path
from tests.conftest import ACCOUNT, make_household
from tests.desktop_app.test_cli import run
from tests.file_faults import ROOT
from tests.portal.support import PASSWORD
from tests.portal_emulator import PortalEmulator, PortalState, household

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP is POSIX")

DAY = date.today() - timedelta(days=3)  # the CLI's journal uses the real today
IMPORTED = 600


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A household (for `reading add` and `sync`), ten more accounts, and a CSV of their readings to import."""
    monkeypatch.setattr("journal.storage.database.BUSY_TIMEOUT", 1.0)  # this process waits 1 s, not 15
    data = tmp_path / "data"
    service = JournalService(data / "journal.sqlite3")
    make_household(service)
    rows = ["account,meter,date,t1,t2,t3"]
    for index in range(10):
        number = f"{700000000000 + index}"
        service.add_account(number, "Петров Пётр", "Сызрань", "single", "rural")
        service.add_meter(number, f"P-{index}", 6, date(1970, 1, 10), "1000")
        rows += [f"{number},P-{index},{1970 + (m + 1) // 12}-{(m + 1) % 12 + 1:02d}-20,{1000 + 10 * (m + 1)},,"
                 for m in range(IMPORTED // 10)]
    service.close()
    (tmp_path / "big.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return data


@pytest.fixture
def frozen_import(folder: Path) -> Iterator[subprocess.Popen[str]]:
    """`meter-journal import big.csv` stopped inside its write transaction; continued when the test ends."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "desktop_app", "--data-dir", str(folder), "import",
                                str(folder.parent / "big.csv")], cwd=ROOT, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    note = note_path(folder / "journal.sqlite3")
    deadline = time.monotonic() + 60
    while not note.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)
    os.kill(process.pid, signal.SIGSTOP)
    try:
        assert note.exists() and process.poll() is None, "the import was not caught inside its transaction"
        yield process
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGCONT)
            process.communicate(timeout=300)


def readings(folder: Path) -> int:
    with sqlite3.connect(folder / "journal.sqlite3") as connection:
        return connection.execute("SELECT COUNT(*) FROM readings").fetchone()[0]


def test_while_an_import_runs_other_commands_say_who_holds_the_journal_and_exit_3(
    folder: Path, frozen_import: subprocess.Popen[str], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    d = ["--data-dir", str(folder)]
    holder = f"the command «meter-journal import» (process {frozen_import.pid}) has been writing to it since"
    started = time.monotonic()
    code, out, err = run(capsys, "reading", "add", "--account", ACCOUNT, "--date", DAY.isoformat(), "1900,900", *d)
    assert (code, out) == (3, "") and holder in err and "is busy" in err, err
    assert err.count("\n") == 1 and "internal error" not in err and "Traceback" not in err
    assert time.monotonic() - started < 10  # the busy timeout (1 s here), not forever
    monkeypatch.setenv("METER_JOURNAL_PORTAL_PASSWORD", PASSWORD)
    with PortalEmulator(PortalState([household(password=PASSWORD)])) as emulator:
        code, _, err = run(capsys, "sync", "--portal-url", emulator.url, *d)
        assert code == 3 and holder in err, err
        assert emulator.count(DAY, (1900, 900)) == 0

    os.kill(frozen_import.pid, signal.SIGCONT)
    out, err = frozen_import.communicate(timeout=300)
    assert frozen_import.returncode == 0 and f"{IMPORTED} readings imported" in out, err
    assert readings(folder) == IMPORTED  # all of the import, none of the refused reading
    assert not note_path(folder / "journal.sqlite3").exists()
    code, out, err = run(capsys, "reading", "add", "--account", ACCOUNT, "--date", DAY.isoformat(), "1900,900", *d)
    assert code == 0, err


def test_a_journal_held_by_another_program_is_busy_too(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A program that is not Meter Journal (a database browser) holds the write lock: no note to name it."""
    other = sqlite3.connect(folder / "journal.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = run(capsys, "reading", "add", "--account", ACCOUNT, "--date", DAY.isoformat(), "1900,900",
                           "--data-dir", str(folder))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 3 and "another Meter Journal window or command, or another program" in err, err
    assert readings(folder) == 0


def test_a_note_left_by_a_killed_program_is_not_believed(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    note_path(folder / "journal.sqlite3").write_text(
        f'{{"pid": {dead.pid}, "command": "import", "since": "2026-01-01T10:00:00"}}', encoding="utf-8")
    other = sqlite3.connect(folder / "journal.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = run(capsys, "history", "--account", ACCOUNT, "--data-dir", str(folder))
        assert code == 0  # reading is never blocked by a writer
        code, _, err = run(capsys, "reading", "add", "--account", ACCOUNT, "--date", DAY.isoformat(), "1900,900",
                           "--data-dir", str(folder))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 3 and "import" not in err and "another program" in err, err
