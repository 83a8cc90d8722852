"""The window's first screen, read with sqlite3 alone while the journal opens: the same accounts, history and plan
changes as the journal service gives; only a current, healthy journal with an account is read so, never changed;
anything else is left to the full open (None)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from desktop_app.services.first_screen import read_first_screen
from desktop_app.services.journal_service import JournalService
from desktop_app.services.overview import account_overview
from tests.conftest import ACCOUNT, make_household

OTHER = "630000000002"


def _journal(service: JournalService) -> Path:
    """Two accounts; the first with a superseded reading and a tariff plan change."""
    make_household(service, "single", initial="1000", installed=date(2026, 1, 10))
    service.add_reading(ACCOUNT, date(2026, 8, 20), "1800")
    service.add_reading(ACCOUNT, date(2026, 9, 20), "2000")
    service.add_reading(ACCOUNT, date(2026, 9, 22), "2010", replace=True)
    service.change_plan(ACCOUNT, "two-zone", date(2026, 10, 5), "2050", "2050,0")
    service.add_reading(ACCOUNT, date(2026, 10, 20), "2130,40")
    make_household(service, number=OTHER)
    service.add_reading(OTHER, date(2026, 10, 20), "1100,550")
    return service.path


def test_the_first_screen_is_what_the_service_gives(service: JournalService) -> None:
    journal = _journal(service)
    screen = read_first_screen(journal, ACCOUNT)
    assert screen is not None
    assert screen.accounts == service.list_accounts() and len(screen.accounts) == 2
    assert screen.account == service.account(ACCOUNT)
    overview = account_overview(service.journal, ACCOUNT, service.today())  # what the window draws once attached
    assert screen.account == overview.account
    assert screen.rows == list(overview.rows) and {r.status for r in screen.rows} == {"active", "superseded"}
    assert screen.plan_changes == overview.plan_changes == {("11712434", date(2026, 10, 5))}
    other = read_first_screen(journal, OTHER)
    assert other is not None and other.account.number == OTHER
    assert other.rows == list(account_overview(service.journal, OTHER, service.today()).rows)
    assert other.plan_changes == set()


def test_an_unknown_last_account_shows_the_first(service: JournalService) -> None:
    journal = _journal(service)
    for wanted in ("", "123456", "not a number"):
        screen = read_first_screen(journal, wanted)
        assert screen is not None and screen.account == service.list_accounts()[0]


def test_only_a_current_healthy_journal_with_an_account_is_read(tmp_path: Path) -> None:
    from journal.storage.schema import head_revision, inspect_file
    from tests.journal.test_storage import _create_at_first_revision

    missing = tmp_path / "missing" / "journal.sqlite3"
    assert read_first_screen(missing, ACCOUNT) is None
    assert not missing.parent.exists()  # nothing created: the full open does that

    older = tmp_path / "older" / "journal.sqlite3"
    older.parent.mkdir()
    _create_at_first_revision(older)
    before = older.read_bytes()
    assert inspect_file(older).revision != head_revision()
    assert read_first_screen(older, ACCOUNT) is None  # upgraded (after its backup) by the full open only
    assert older.read_bytes() == before and sorted(p.name for p in older.parent.iterdir()) == ["journal.sqlite3"]

    empty = tmp_path / "empty" / "journal.sqlite3"
    JournalService(empty).close()
    assert read_first_screen(empty, ACCOUNT) is None  # no account yet: the welcome

    damaged = tmp_path / "damaged" / "journal.sqlite3"
    damaged.parent.mkdir()
    damaged.write_bytes(b"not a journal at all" * 100)
    assert read_first_screen(damaged, ACCOUNT) is None
    assert damaged.read_bytes() == b"not a journal at all" * 100


def test_a_journal_marked_older_is_left_to_the_upgrade_though_its_tables_could_be_read(
        service: JournalService, tmp_path: Path) -> None:
    import sqlite3

    from journal.storage.schema import known_revisions

    journal = _journal(service)
    assert read_first_screen(journal, ACCOUNT) is not None
    service.close()
    connection = sqlite3.connect(journal)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (known_revisions()[-2],))
    connection.close()
    before = journal.read_bytes()
    assert read_first_screen(journal, ACCOUNT) is None
    assert journal.read_bytes() == before

    folder = tmp_path / "no journal yet"
    folder.mkdir()
    assert read_first_screen(folder / "journal.sqlite3", ACCOUNT) is None
    assert list(folder.iterdir()) == []  # not created empty by the reader: the full open creates it


def test_a_journal_damaged_inside_is_left_to_the_full_open(service: JournalService) -> None:
    journal = _journal(service)
    service.close()
    data = bytearray(journal.read_bytes())
    data[4096 * 2: 4096 * 3] = b"\xff" * 4096  # a page of the tables overwritten
    journal.write_bytes(bytes(data))
    assert read_first_screen(journal, ACCOUNT) is None


def test_the_first_screen_is_read_without_sqlalchemy(service: JournalService) -> None:
    import subprocess

    journal = _journal(service)
    code = ("import sys\nfrom pathlib import Path\nfrom desktop_app.services.first_screen import read_first_screen\n"
            f"screen = read_first_screen(Path({str(journal)!r}), {ACCOUNT!r})\n"
            "print(len(screen.rows), any(m.startswith(('sqlalchemy', 'alembic')) for m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.split() == [str(len(service.history(ACCOUNT))), "False"], result.stderr

