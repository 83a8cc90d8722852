"""`history` and `bill` read with sqlite3 alone (JournalReader): the same records as the journal service gives
through the ORM, the same refusals; a journal that is missing or older is first created or upgraded, as
open_journal does."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from desktop_app.cli import billing_commands
from desktop_app.services.journal_reader import JournalReader
from desktop_app.services.journal_service import JournalService
from journal.errors import InvalidInput, JournalError, NotFound
from journal.tariffs import UnknownPrice
from journal.zones import TariffPlan
from tests.desktop_app.test_cli import ACCOUNT, run, setup_household
from tests.journal.test_supplier_prices import answer, store


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
    reader = JournalReader(journal)
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
    reader = JournalReader(journal)
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
        JournalReader(new).history("123456")
    assert inspect_file(new).revision == head_revision()
    old = tmp_path / "old" / "journal.sqlite3"
    old.parent.mkdir()
    _create_at_first_revision(old)
    reader = JournalReader(old)
    assert inspect_file(old).revision == head_revision() and list((old.parent / "backups").iterdir())
    assert reader.account("050900691990").number == "050900691990"


def test_a_busy_or_damaged_journal_is_refused_in_plain_words(capsys: pytest.CaptureFixture[str],
                                                              tmp_path: Path) -> None:
    journal = _household(capsys, tmp_path)
    reader = JournalReader(journal)
    data = bytearray(journal.read_bytes())
    data[4096 * 2: 4096 * 3] = b"\xff" * 4096  # a page of the readings' table overwritten
    journal.write_bytes(bytes(data))
    with pytest.raises(JournalError):
        reader.history(ACCOUNT)


# --- bill ----------------------------------------------------------------------------------------------------------

TODAY = date(2026, 11, 28)


def _outcome(call: Callable[[], object]) -> object:
    """What a call gives: its result, or the refusal's kind, words and field."""
    try:
        return call()
    except JournalError as exc:
        return type(exc), exc.message, exc.field


def _printed(capsys: pytest.CaptureFixture[str], service: object, period: str, *, json: bool) -> str:
    billing_commands.bill(service, argparse.Namespace(account=ACCOUNT, period=period, json=json))  # type: ignore[arg-type]
    return capsys.readouterr().out


def _same_bills(capsys: pytest.CaptureFixture[str], journal: Path, periods: dict[str, object]) -> None:
    """For each period: the reader's bill (or refusal) is the service's and the expected kind; the command line,
    run on the reader, prints what the service's handler prints (text and JSON) or its refusal, exit code 2."""
    service = JournalService(journal, today=lambda: TODAY)
    reader = JournalReader(journal)
    try:
        for period, kind in periods.items():
            expected = _outcome(lambda: service.billing.bill(ACCOUNT, period))  # noqa: B023 - called at once
            assert _outcome(lambda: reader.billing.bill(ACCOUNT, period)) == expected, period  # noqa: B023
            assert (expected[0] if isinstance(expected, tuple) else type(expected).__name__) == kind, period
            for json in (False, True):
                code, out, err = run(capsys, *(["--json"] if json else []), "bill", "--account", ACCOUNT,
                                     "--period", period, "--data-dir", str(journal.parent))
                if isinstance(expected, tuple):
                    assert (code, out, err) == (2, "", f"error: {expected[1]}\n"), period
                else:
                    assert (code, out, err) == (0, _printed(capsys, service, period, json=json), ""), period
    finally:
        reader.close()
        service.close()


def test_the_reader_bills_as_the_service_does(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # Two-zone, urban-gas: shipped 6.42/3.21 from 2024-07-01; from 2025-07-01 the night price is unknown (until
    # 2026-01-01), the calculator's answers give it, a price from the user's bill wins over them.
    journal = tmp_path / "journal.sqlite3"
    setup_household(capsys, tmp_path)  # meter 11712434 from 2025-01-10, act 1000,500
    service = JournalService(journal, today=lambda: TODAY)
    for day, values in ((date(2025, 6, 20), "1200,600"), (date(2025, 7, 20), "1300,650"),
                        (date(2025, 8, 20), "1400,700")):
        service.add_reading(ACCOUNT, day, values)
    service.replace_meter(ACCOUNT, "1450,720", "NEW-2", 6, date(2025, 9, 5), "0,0")  # a replacement mid-period
    service.add_reading(ACCOUNT, date(2025, 9, 20), "30,15")
    service.add_reading(ACCOUNT, date(2026, 1, 20), "500,260")
    service.change_plan(ACCOUNT, "single", date(2026, 2, 5), "560,290", "850")  # a plan change mid-period
    service.add_reading(ACCOUNT, date(2026, 2, 20), "900")
    service.close()
    refusals = {"1999-05": NotFound, "2025-13": InvalidInput, "May": InvalidInput}
    _same_bills(capsys, journal, {"2025-06": "Bill", "2025-07": UnknownPrice, "2025-09": UnknownPrice,
                                  "2026-02": "Bill", **refusals})

    service = JournalService(journal, today=lambda: TODAY)
    store(service, [answer(date(2025, m, 1), "7.18", "3.59") for m in range(7, 13)])  # the calculator's answers
    bill = service.billing.bill(ACCOUNT, "2025-09")
    assert [i.is_final for i in bill.intervals] == [True, False]
    assert {p.price for z in bill.charge.zones for p in z.parts} == {D("7.18"), D("3.59")}
    service.close()
    _same_bills(capsys, journal, {"2025-07": "Bill", "2025-09": "Bill", "2026-02": "Bill"})

    service = JournalService(journal, today=lambda: TODAY)
    service.billing.set_price("urban-gas", "two-zone", date(2025, 9, 10), ["7,00", "3,50"])  # the user's, mid-period
    bill = service.billing.bill(ACCOUNT, "2025-09")
    assert {p.price for z in bill.charge.zones for p in z.parts} == {D("7.18"), D("3.59"), D("7.00"), D("3.50")}
    assert {i.plan for i in service.billing.bill(ACCOUNT, "2026-02").intervals} == {TariffPlan.TWO_ZONE,
                                                                                     TariffPlan.SINGLE}
    service.close()
    _same_bills(capsys, journal, {"2025-09": "Bill", "2026-02": "Bill", **refusals})


def test_the_reader_refuses_a_bill_as_the_service_does(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    journal = _household(capsys, tmp_path)
    service = JournalService(journal, today=lambda: TODAY)
    reader = JournalReader(journal)
    try:
        for number in ("123456", "abc"):
            expected = _outcome(lambda: service.billing.bill(number, "2025-03"))  # noqa: B023 - called at once
            assert _outcome(lambda: reader.billing.bill(number, "2025-03")) == expected  # noqa: B023
            assert expected[0] in (NotFound, InvalidInput)  # type: ignore[index]
            code, out, err = run(capsys, "bill", "--account", number, "--period", "2025-03", "--data-dir",
                                 str(tmp_path))
            assert (code, out, err) == (2, "", f"error: {expected[1]}\n")  # type: ignore[index]
    finally:
        reader.close()
        service.close()
