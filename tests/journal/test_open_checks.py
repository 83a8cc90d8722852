"""Opening a journal: SQLite's quick check of every page runs after an unclean shutdown (a `-wal` file left
beside the journal), not on every start; a damaged or truncated file is still refused untouched."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from journal.errors import JournalFileError
from journal.storage import open_journal, schema
from tests.journal.test_storage import digest

PAGE = 4096


def _journal_with_readings(path: Path) -> None:
    journal = open_journal(path)
    with journal.write() as session:
        session.execute(text("INSERT INTO accounts (id, number, holder, address, plan, category, created_at) "
                             "VALUES (1, '100000', 'x', 'a', 'single', 'rural', '2025-01-01')"))
        session.execute(text("INSERT INTO meters (id, account_id, serial, digits, plan, installed_on, initial_t1, "
                             "created_at) VALUES (1, 1, 'S', 6, 'single', '2000-01-10', 0, '2025-01-01')"))
        for i in range(1, 2001):
            session.execute(text(
                "INSERT INTO readings (meter_id, period, taken_on, t1, rollover, is_final, status, source, "
                f"created_at) VALUES (1, 'p{i}', '2000-01-{i % 28 + 1:02d}', {i}, 0, 0, 'active', 'keyboard', "
                "'2025-01-01')"))
    journal.close()


def _left_open_by_a_killed_program(path: Path) -> None:
    """A program writes to the journal and dies without closing it: its `-wal` file stays beside it."""
    code = ("import os, sqlite3, sys\n"
            "c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA journal_mode = WAL')\n"
            "c.execute(\"UPDATE accounts SET holder = 'y'\"); c.commit(); os._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)
    assert Path(f"{path}-wal").exists()


def _damage_a_page_opening_does_not_read(path: Path) -> None:
    """Garble the b-tree header of a page in the middle of the readings (not the schema, not the revision)."""
    data = bytearray(path.read_bytes())
    middle = len(data) // PAGE // 2
    data[middle * PAGE: middle * PAGE + 12] = b"\xff" * 12
    path.write_bytes(bytes(data))


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The check each inspection of a file asked SQLite for."""
    asked: list[str | None] = []
    read_state = schema._read_state

    def recorded(uri: str, check_pragma: str | None) -> tuple[str, int, set[str], str | None]:
        asked.append(check_pragma)
        return read_state(uri, check_pragma)

    monkeypatch.setattr(schema, "_read_state", recorded)
    return asked


def test_a_journal_closed_cleanly_opens_without_reading_every_page(tmp_path: Path, checks: list) -> None:
    path = tmp_path / "journal.sqlite3"
    _journal_with_readings(path)
    checks.clear()
    open_journal(path).close()
    assert checks == [None]


def test_after_an_unclean_shutdown_the_quick_check_refuses_a_damaged_journal(tmp_path: Path, checks: list) -> None:
    path = tmp_path / "journal.sqlite3"
    _journal_with_readings(path)
    _left_open_by_a_killed_program(path)
    _damage_a_page_opening_does_not_read(path)
    before = digest(path), digest(Path(f"{path}-wal"))
    checks.clear()
    with pytest.raises(JournalFileError, match="damaged"):
        open_journal(path)
    assert checks[0] == "quick_check"
    assert (digest(path), digest(Path(f"{path}-wal"))) == before


def test_after_an_unclean_shutdown_a_sound_journal_opens_with_its_last_write(tmp_path: Path, checks: list) -> None:
    path = tmp_path / "journal.sqlite3"
    _journal_with_readings(path)
    _left_open_by_a_killed_program(path)
    checks.clear()
    journal = open_journal(path)
    try:
        with journal.read() as session:
            assert session.execute(text("SELECT holder FROM accounts")).scalar_one() == "y"
    finally:
        journal.close()
    assert checks == ["quick_check"]
    assert not Path(f"{path}-wal").exists()  # closed cleanly now: the next start skips the check


def test_an_empty_wal_left_by_a_reader_is_no_unclean_shutdown(tmp_path: Path, checks: list) -> None:
    path = tmp_path / "journal.sqlite3"
    _journal_with_readings(path)
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode = WAL")
    reader = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    reader.execute("SELECT count(*) FROM readings").fetchone()
    writer.close()
    reader.close()  # the last to close, read-only: it leaves the (empty) -wal
    assert Path(f"{path}-wal").exists() and Path(f"{path}-wal").stat().st_size == 0
    checks.clear()
    open_journal(path).close()
    assert checks == [None]


def test_a_journal_shorter_than_its_header_says_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    _journal_with_readings(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 3 * PAGE])  # an interrupted copy: the last pages are missing
    before = digest(path)
    with pytest.raises(JournalFileError, match="shorter than its header says"):
        open_journal(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite3"]


def test_a_copy_offered_for_restoring_gets_the_full_integrity_check(tmp_path: Path, checks: list) -> None:
    path = tmp_path / "copy.sqlite3"
    _journal_with_readings(path)
    checks.clear()
    schema.inspect_file(path, copy=True)
    assert checks == ["integrity_check"]
