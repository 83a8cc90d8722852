"""`history` reads with sqlite3 alone (HistoryReader): the same records as the journal service gives through the
ORM, the same refusals; a journal that is missing or older is first created or upgraded, as open_journal does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop_app.services.history_reader import HistoryReader
from desktop_app.services.journal_service import JournalService
from journal.errors import InvalidInput, JournalError, NotFound
from tests.desktop_app.test_cli import ACCOUNT, run, setup_household


def _household(capsys: pytest.CaptureFixture[str], folder: Path) -> Path:
    setup_household(capsys, folder)
    d = ["--data-dir", str(folder)]
    for day, values, extra in (("2025-02-20", "1200,600", []), ("2025-03-20", "1300,650", []),
                               ("2025-03-22", "1310,655", ["--replace"]), ("2025-04-20", "1400,700", [])):
        assert run(capsys, "reading", "add", "--account", ACCOUNT, "--date", day, values, *extra, *d)[0] == 0
    return folder / "journal.sqlite3"


def test_the_reader_gives_what_the_service_gives(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    journal = _household(capsys, tmp_path)
    service = JournalService(journal, today=lambda: date(2025, 5, 1))
    reader = HistoryReader(journal)
    try:
        assert reader.account(ACCOUNT) == service.account(ACCOUNT)
        rows = reader.history(ACCOUNT)
        assert rows == service.history(ACCOUNT) and len(rows) == 4 and {r.status for r in rows} == {"active",
                                                                                                   "superseded"}
        assert reader.history(ACCOUNT, include_retired=False) == service.history(ACCOUNT, include_retired=False)
        assert reader.monthly(ACCOUNT) == service.monthly(ACCOUNT) and len(reader.monthly(ACCOUNT)) == 3
        with reader.history_rows(ACCOUNT) as (info, streamed), service.history_rows(ACCOUNT) as (info2, streamed2):
            assert info == info2 and list(streamed) == list(streamed2)
    finally:
        reader.close()
        service.close()


def test_the_reader_refuses_as_the_service_does(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    journal = _household(capsys, tmp_path)
    reader = HistoryReader(journal)
    try:
        with pytest.raises(NotFound, match="There is no account 123456 in the journal"):
            reader.history("123456")
        with pytest.raises(InvalidInput, match="An account number is 6 to 14 digits"):
            reader.account("abc")
    finally:
        reader.close()


def test_a_missing_journal_is_created_and_an_older_one_upgraded_first(tmp_path: Path) -> None:
    from journal.storage.schema import head_revision, inspect_file
    from tests.journal.test_storage import _create_at_first_revision

    new = tmp_path / "new" / "journal.sqlite3"
    with pytest.raises(NotFound):
        HistoryReader(new).history("123456")
    assert inspect_file(new).revision == head_revision()
    old = tmp_path / "old" / "journal.sqlite3"
    old.parent.mkdir()
    _create_at_first_revision(old)
    reader = HistoryReader(old)
    assert inspect_file(old).revision == head_revision() and list((old.parent / "backups").iterdir())
    assert reader.account("050900691990").number == "050900691990"


def test_a_busy_or_damaged_journal_is_refused_in_plain_words(capsys: pytest.CaptureFixture[str],
                                                              tmp_path: Path) -> None:
    journal = _household(capsys, tmp_path)
    reader = HistoryReader(journal)
    data = bytearray(journal.read_bytes())
    data[4096 * 2: 4096 * 3] = b"\xff" * 4096  # a page of the readings' table overwritten
    journal.write_bytes(bytes(data))
    with pytest.raises(JournalError):
        reader.history(ACCOUNT)
