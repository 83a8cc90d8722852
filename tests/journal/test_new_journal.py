"""A new journal is made from the models at the head revision, without Alembic: the same schema, column by
column and index by index, as the migrations build, and later migrations find what they expect."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine

from journal.storage import open_journal
from journal.storage.schema import APPLICATION_ID, head_revision, upgrade_to_head

ROOT = Path(__file__).resolve().parents[2]


def _schema(path: Path) -> dict[str, object]:
    """Every table's columns (in order, with types, NOT NULL, defaults and keys), indexes (with their SQL: a
    partial index's WHERE) and foreign keys; the revision and the application id."""
    connection = sqlite3.connect(path)
    try:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                       "ORDER BY name")]
        described: dict[str, object] = {
            "revision": connection.execute("SELECT version_num FROM alembic_version").fetchall(),
            "application_id": connection.execute("PRAGMA application_id").fetchone()[0],
        }
        for table in tables:
            indexes = []
            for _, name, unique, origin, partial in connection.execute(f"PRAGMA index_list('{table}')"):
                columns = [row[2] for row in connection.execute(f"PRAGMA index_info('{name}')")]
                sql = connection.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
                indexes.append((name, unique, origin, partial, columns, sql))
            described[table] = {
                "columns": connection.execute(f"PRAGMA table_info('{table}')").fetchall(),
                "indexes": sorted(indexes),
                "foreign keys": sorted(connection.execute(f"PRAGMA foreign_key_list('{table}')").fetchall()),
            }
        return described
    finally:
        connection.close()


def test_a_new_journal_has_the_schema_the_migrations_build(tmp_path: Path) -> None:
    open_journal(tmp_path / "new" / "journal.sqlite3").close()
    engine = create_engine(f"sqlite:///{tmp_path / 'migrated.sqlite3'}")
    with engine.begin() as connection:
        upgrade_to_head(connection)
    engine.dispose()
    new, migrated = _schema(tmp_path / "new" / "journal.sqlite3"), _schema(tmp_path / "migrated.sqlite3")
    assert new == migrated
    assert new["revision"] == [(head_revision(),)] and new["application_id"] == APPLICATION_ID
    assert len(new) > 15  # every table, not an empty comparison


def test_a_new_journal_is_made_without_alembic(tmp_path: Path) -> None:
    code = ("import sys\n"
            "from journal.storage import open_journal\n"
            "open_journal(__import__('pathlib').Path(sys.argv[1])).close()\n"
            "print(sorted(m for m in ('alembic', 'mako', 'pygments') if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "journal.sqlite3")], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == "[]"
    assert (tmp_path / "journal.sqlite3").is_file()
