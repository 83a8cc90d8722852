"""The journal file: created at head, older ones upgraded after a backup, others refused untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from journal.errors import JournalFileError
from journal.storage import open_journal
from journal.storage.models import all_tables
from journal.storage.schema import APPLICATION_ID, alembic_config, head_revision, known_revisions, upgrade_to_head


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_created_at_head_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    journal = open_journal(tmp_path / "new" / "journal.sqlite3")
    with journal.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        assert session.execute(text("PRAGMA application_id")).scalar() == APPLICATION_ID
    journal.close()


def test_models_match_the_migrations(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'journal.sqlite3'}")  # built by the migrations themselves
    with engine.begin() as connection:
        upgrade_to_head(connection)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), all_tables()) == []
    engine.dispose()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    journal = open_journal(tmp_path / "journal.sqlite3")
    with pytest.raises(Exception, match="FOREIGN KEY"), journal.write() as session:
        session.execute(text("INSERT INTO meters (account_id, serial, digits, installed_on, initial_t1, created_at)"
                             " VALUES (42, 'x', 6, '2025-01-01', 0, '2025-01-01 00:00:00')"))
    journal.close()


def _create_at_first_revision(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        with alembic_config(connection) as config:
            command.upgrade(config, known_revisions()[0])
        connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.exec_driver_sql(
            "INSERT INTO accounts (id, number, holder, address, supplier, plan, category, created_at) VALUES "
            "(1, '050900691990', 'Иванова Мария Петровна', 'Самара', 'samaraenergo', 'two-zone', 'urban-gas', "
            "'2025-01-01 10:00:00')")
        connection.exec_driver_sql(
            "INSERT INTO meters (id, account_id, serial, digits, installed_on, initial_t1, initial_t2, created_at) "
            "VALUES (1, 1, '11712434', 6, '2025-01-10', 1000, 500, '2025-01-10 10:00:00')")
        for i in range(1, 13):
            connection.exec_driver_sql(
                "INSERT INTO readings (meter_id, period, taken_on, t1, t2, rollover, is_final, status, source, "
                f"created_at) VALUES (1, '2025-{i:02d}', '2025-{i:02d}-20', {1000 + i * 100}, {500 + i * 40}, 0, 0, "
                "'active', 'keyboard', '2025-01-01 10:00:00')")
    engine.dispose()


def _rows(path: Path, table: str, columns: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT {columns} FROM {table} ORDER BY id").fetchall()
    finally:
        connection.close()


def test_an_older_journal_is_backed_up_then_upgraded_with_every_row_intact(tmp_path: Path) -> None:
    assert len(known_revisions()) >= 2
    path = tmp_path / "journal.sqlite3"
    _create_at_first_revision(path)
    accounts = _rows(path, "accounts", "id, number, holder, address, plan, category")
    meter_columns = "id, account_id, serial, digits, installed_on, initial_t1, initial_t2, initial_t3, created_at"
    meters = _rows(path, "meters", meter_columns)
    readings = _rows(path, "readings", "*")
    journal = open_journal(path)
    journal.close()
    assert _rows(path, "accounts", "id, number, holder, address, plan, category") == accounts
    assert _rows(path, "meters", meter_columns) == meters
    assert _rows(path, "meters", "plan") == [("two-zone",)]  # 0005: a meter takes its account's plan
    assert _rows(path, "readings", "*") == readings
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    assert connection.execute("SELECT opening_balance FROM accounts").fetchone()[0] == "0"
    connection.close()
    (backup,) = (tmp_path / "backups").glob("*.sqlite3")
    assert f"before-upgrade-{known_revisions()[0]}" in backup.name
    assert _rows(backup, "readings", "*") == readings


def test_a_newer_journal_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    open_journal(path).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = digest(path)
    with pytest.raises(JournalFileError, match="newer version"):
        open_journal(path)
    assert digest(path) == before


def test_a_foreign_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.execute("INSERT INTO contacts VALUES ('x')")
    connection.commit()
    connection.close()
    before = digest(path)
    with pytest.raises(JournalFileError, match="another program"):
        open_journal(path)
    assert digest(path) == before


@pytest.mark.parametrize("content", [b"hello, this is a text file\n" * 50, b"SQLite format 3\x00" + b"\xff" * 4000])
def test_a_corrupt_file_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(content)
    with pytest.raises(JournalFileError, match=r"damaged|not a Meter Journal"):
        open_journal(path)
    assert path.read_bytes() == content


def test_a_journal_with_damaged_pages_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal = open_journal(path)
    with journal.write() as session:
        for i in range(400):
            session.execute(text("INSERT INTO accounts (number, holder, address, plan, category, created_at) "
                                 f"VALUES ('{100000 + i}', '{'x' * 150}', 'a', 'single', 'rural', '2025-01-01')"))
    journal.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for number in range(2, len(data) // page):  # overwrite the b-tree page headers
        data[number * page : number * page + 12] = b"\xff" * 12
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(JournalFileError, match="damaged"):
        open_journal(path)
    assert digest(path) == before


def test_the_known_revisions_are_the_migration_scripts() -> None:
    from journal.storage.schema import script_revisions

    assert known_revisions() == script_revisions()


def test_opening_a_current_journal_does_not_import_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    open_journal(tmp_path / "journal.sqlite3").close()
    code = ("import sys; from journal.storage import open_journal; "
            f"open_journal(__import__('pathlib').Path({str(tmp_path / 'journal.sqlite3')!r})).close(); "
            "print('alembic' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False", result.stderr
