"""Asking the supplier's online calculator, against its emulator (real HTTP on 127.0.0.1): the fill, precedence,
politeness (requests counted at the emulator), every refusal and fault (nothing stored, the unknown named), and the
`tariff update` command's output and exit codes."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.services.journal_service import JournalService
from desktop_app.services.price_service import PriceLookupService
from journal.errors import InvalidInput
from journal.zones import Zone
from tests.calculator_emulator import CalculatorEmulator
from tests.conftest import ACCOUNT, make_household
from tests.desktop_app.test_cli import run
from tests.desktop_app.test_cli_billing import d  # noqa: F401  # the data folder, with TODAY as today
from tests.journal.test_billing import snapshot

D = Decimal
SOURCE = "калькулятор samaraenergo.ru, спрошено 28.11.2026"


@pytest.fixture
def calculator() -> Iterator[CalculatorEmulator]:
    with CalculatorEmulator() as emulator:
        yield emulator


def two_zone_since_2022(service: JournalService) -> JournalService:
    """Readings over July 2022 (zone prices unknown), July 2024 (disputed) and July 2025 (the night unknown)."""
    make_household(service, installed=date(2022, 5, 10))
    service.add_reading(ACCOUNT, date(2022, 8, 20), "1300,600")
    service.add_reading(ACCOUNT, date(2024, 8, 20), "2300,900")
    service.add_reading(ACCOUNT, date(2025, 8, 20), "3300,1300")
    return service


def lookup(service: JournalService, calculator: CalculatorEmulator | str, **kwargs: object) -> PriceLookupService:
    url = calculator if isinstance(calculator, str) else calculator.url
    return PriceLookupService(service, url=url, **kwargs)  # type: ignore[arg-type]


def day_price(service: JournalService, period: str) -> tuple[Decimal, str]:
    charge = service.billing.bill(ACCOUNT, period).charge
    part = {z.zone: z for z in charge.zones}[Zone.DAY].parts[-1]
    entries = [e for e in service.billing.prices("urban-gas", "two-zone")
               if e.zone == Zone.DAY and e.valid_from == part.valid_from]
    return part.price, entries[0].source


# --- the fill -------------------------------------------------------------------------------------------------------


def test_the_first_fill_asks_each_needed_month_once_and_the_bills_use_the_answers(
        service: JournalService, calculator: CalculatorEmulator) -> None:
    two_zone_since_2022(service)
    assert service.billing.balance(ACCOUNT).owed.complete is False
    report = lookup(service, calculator).update()
    # 12 months × 2 zones: July–November 2022, July 2024, July–December 2025 (the months up to today need the night).
    assert report.reached and report.requests == len(calculator.requests) == 24
    assert {(f["UF_DATE"], f["UF_POSITION"], f["UF_TYPE_HOUSE"], f["UF_TYPE_STOVE"], f["UF_TARIF"])
            for f in calculator.requests} >= {("01.07.2022", "1", "4", "5", "8"), ("01.12.2025", "1", "4", "5", "8")}
    assert {(f["END_PIK"], f["END_NOCH"]) for f in calculator.requests} == {("1", "0"), ("0", "1")}
    assert not report.unknown and service.billing.balance(ACCOUNT).owed.complete
    # The answers are stored, collapsed into dated rows with their source, and used by the bills.
    assert {e.source for e in report.found} == {SOURCE}
    assert {(e.valid_from, e.zone): e.price for e in report.found} == {
        (date(2022, 7, 1), Zone.DAY): D("5.28"), (date(2022, 7, 1), Zone.NIGHT): D("2.60"),
        (date(2024, 7, 1), Zone.DAY): D("6.38"), (date(2024, 7, 1), Zone.NIGHT): D("3.30"),
        (date(2025, 7, 1), Zone.DAY): D("7.18"), (date(2025, 7, 1), Zone.NIGHT): D("3.59")}
    assert day_price(service, "2022-08") == (D("5.28"), SOURCE)
    # 2025-08: 31 days after 2024-08-20 … 2025-06-30 at 6.38, then 51 days at 7.18 — both the calculator's.
    night = {z.zone: z for z in service.billing.bill(ACCOUNT, "2025-08").charge.zones}[Zone.NIGHT]
    assert [(p.valid_from, p.price) for p in night.parts] == [(date(2024, 7, 1), D("3.30")), (date(2025, 7, 1),
                                                                                              D("3.59"))]


def test_the_supplier_wins_over_a_shipped_figure_and_both_stay_listed(service: JournalService,
                                                                     calculator: CalculatorEmulator) -> None:
    two_zone_since_2022(service)
    report = lookup(service, calculator).update()
    assert [(r.entry.zone, r.entry.price, r.replaced_by.price) for r in report.differing  # type: ignore[union-attr]
            ] == [(Zone.DAY, D("6.42"), D("6.38")), (Zone.NIGHT, D("3.21"), D("3.30"))]
    rows = [r for r in service.billing.price_list("urban-gas", "two-zone") if r.entry.valid_from == date(2024, 7, 1)]
    assert [(r.entry.zone, r.entry.origin, r.entry.price, r.used) for r in rows] == [
        (Zone.DAY, "shipped", D("6.42"), False), (Zone.DAY, "calculator", D("6.38"), True),
        (Zone.NIGHT, "shipped", D("3.21"), False), (Zone.NIGHT, "calculator", D("3.30"), True)]
    assert day_price(service, "2024-08")[0] == D("6.38")


def test_the_users_own_price_wins_over_the_supplier(service: JournalService, calculator: CalculatorEmulator) -> None:
    two_zone_since_2022(service)
    lookup(service, calculator).update()
    service.billing.set_price("urban-gas", "two-zone", date(2024, 7, 1), ["6,45", "3,25"])
    assert day_price(service, "2024-08") == (D("6.45"), "entered from the bill")
    rows = [(r.entry.origin, r.used) for r in service.billing.price_list("urban-gas", "two-zone")
            if r.entry.valid_from == date(2024, 7, 1) and r.entry.zone == Zone.DAY]
    assert rows == [("shipped", False), ("calculator", False), ("user", True)]
    # A month the user has a price for is not asked, even when forced.
    calculator.requests.clear()
    lookup(service, calculator).update(force=True)
    assert "01.07.2024" not in {f["UF_DATE"] for f in calculator.requests}


# --- politeness -------------------------------------------------------------------------------------------------------


def long_history(service: JournalService, plan: str = "two-zone", initial: str = "1000,500") -> JournalService:
    """A meter since 2017 read every half year: 2018–2020 unknown, 2022-07 zones, 2024-07, 2025-07."""
    make_household(service, plan=plan, installed=date(2017, 3, 10), initial=initial)
    values = [int(v) for v in initial.split(",")]
    for year in range(2017, 2026):
        for month in (2, 8):
            if date(year, month, 20) > date(2017, 3, 10):
                values = [v + 100 for v in values]
                service.add_reading(ACCOUNT, date(year, month, 20), ",".join(map(str, values)))
    return service


def test_a_long_history_is_filled_within_a_few_dozen_requests_and_a_second_run_asks_nothing(
        service: JournalService, calculator: CalculatorEmulator) -> None:
    long_history(service)
    first = lookup(service, calculator).update()
    # Newest first: 12 months answered (2 zones each); then 2020-12 and 2020-11 refused (dates before 2022), after
    # which the 28 older months are not asked but stored as skipped.
    assert first.reached and first.requests == len(calculator.requests) == 12 * 2 + 2
    assert [q.month for q in first.refused] == [date(2020, 12, 1), date(2020, 11, 1)]
    assert len(first.skipped) == 28 and min(q.month for q in first.skipped) == date(2018, 7, 1)
    assert [(u.zone, u.first_day, u.last_day) for u in first.unknown] == [
        (Zone.DAY, date(2018, 7, 1), date(2020, 12, 31)), (Zone.NIGHT, date(2018, 7, 1), date(2020, 12, 31))]
    second = lookup(service, calculator).update()
    assert second.reached and second.requests == 0 and len(calculator.requests) == 26
    assert second.unknown == first.unknown
    forced = lookup(service, calculator).update(force=True)
    assert forced.requests == 26 and len(calculator.requests) == 52


def test_three_zones_refused_cost_two_requests(service: JournalService, calculator: CalculatorEmulator) -> None:
    long_history(service, "three-zone", "1000,500,700")
    report = lookup(service, calculator).update()
    assert report.reached and report.requests == len(calculator.requests) == 2  # one zone of two months each
    assert {f["UF_TARIF"] for f in calculator.requests} == {"9"}
    assert report.unknown and not report.found
    assert lookup(service, calculator).update().requests == 0


def test_a_run_stops_at_its_request_limit_and_the_next_run_asks_the_rest(
        service: JournalService, calculator: CalculatorEmulator) -> None:
    two_zone_since_2022(service)
    first = lookup(service, calculator, max_requests=10).update()
    assert first.reached and first.requests == 10 and len(first.left) == 7
    second = lookup(service, calculator, max_requests=10).update()
    assert second.requests == 10 and len(second.left) == 2
    third = lookup(service, calculator, max_requests=10).update()
    assert third.requests == 4 and not third.left and not third.unknown


def test_the_supplier_is_asked_with_a_pause_between_requests(service: JournalService) -> None:
    # The pause is for the supplier's site; the emulator on this computer is asked without it, unless told.
    two_zone_since_2022(service)
    service.billing.set_price("urban-gas", "two-zone", date(2022, 7, 1), ["5,28", "2,60"])
    service.billing.set_price("urban-gas", "two-zone", date(2025, 7, 1), ["7,18", "3,59"])
    with CalculatorEmulator() as emulator:
        report = lookup(service, emulator, pause=0.2).update()
    assert report.requests == 2 and emulator.times[1] - emulator.times[0] >= 0.2


# --- refusals and faults ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "after", "words"), [
    ("html", 0, "a web page instead of a price"),
    ("500", 0, "answered with an error (500)"),
    ("drop", 5, "request to the supplier's calculator failed"),
    ("slow", 7, "did not answer in time"),
    ("html", 23, "a web page instead of a price"),  # the very last request
])
def test_a_fault_stores_nothing_and_names_what_stays_unknown(service: JournalService, calculator: CalculatorEmulator,
                                                             kind: str, after: int, words: str) -> None:
    two_zone_since_2022(service)
    before = snapshot(service.path)
    calculator.fail(kind, after=after, seconds=3.0)
    report = lookup(service, calculator, timeout=1.0).update()
    assert not report.reached and words in str(report.error)
    assert report.requests == after + 1 and not report.found and not report.answered
    assert snapshot(service.path) == before
    assert {(u.zone, u.first_day) for u in report.unknown} == {
        (Zone.DAY, date(2022, 7, 1)), (Zone.NIGHT, date(2022, 7, 1)), (Zone.NIGHT, date(2025, 7, 1))}
    # The next run, the calculator well again, asks everything.
    assert lookup(service, calculator).update().requests == 24


def test_a_refused_connection_stores_nothing(service: JournalService) -> None:
    two_zone_since_2022(service)
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = snapshot(service.path)
    report = lookup(service, f"http://127.0.0.1:{port}/fiz-licam/online-kalkulyator/").update()
    assert not report.reached and "cannot be reached (ConnectError)" in str(report.error)
    assert snapshot(service.path) == before and report.unknown


def test_cancelling_stores_nothing(service: JournalService, calculator: CalculatorEmulator) -> None:
    two_zone_since_2022(service)
    before = snapshot(service.path)
    cancel = threading.Event()
    report = lookup(service, calculator).update(cancel=cancel, progress=lambda done, _t, _x: done == 5 and cancel.set())
    assert report.cancelled and not report.reached and len(calculator.requests) == 5
    assert snapshot(service.path) == before


def test_an_address_that_is_not_https_is_refused(service: JournalService) -> None:
    for url in ("http://calculator.example.ru/", "ftp://127.0.0.1/", "no address"):
        with pytest.raises(InvalidInput, match="calculator address"):
            lookup(service, url).update()


# --- the command line ------------------------------------------------------------------------------------------------


def cli_household(capsys: pytest.CaptureFixture[str], data: list[str]) -> None:
    for args in (["account", "add", ACCOUNT, "--holder", "Иванова Мария Петровна", "--address", "Самара",
                  "--plan", "two-zone", "--category", "urban-gas"],
                 ["meter", "add", "--account", ACCOUNT, "--serial", "1", "--digits", "6", "--installed", "2022-05-10",
                  "--initial", "1000,500"],
                 ["reading", "add", "--account", ACCOUNT, "--date", "2022-08-20", "1300,600"],
                 ["reading", "add", "--account", ACCOUNT, "--date", "2025-08-20", "3300,1300"]):
        assert run(capsys, *args, *data)[0] == 0


def test_tariff_update_prints_what_it_found_and_exits_0(capsys: pytest.CaptureFixture[str],
                                                         d: list[str],  # noqa: F811  # the fixture
                                                         calculator: CalculatorEmulator,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    cli_household(capsys, d)
    monkeypatch.setenv("METER_JOURNAL_CALCULATOR_URL", calculator.url)
    code, out, err = run(capsys, "tariff", "update", *d)
    assert (code, err) == (0, "")
    assert out.splitlines()[:4] == [
        f"Supplier's calculator {calculator.url}: 24 request(s) on 28.11.2026.",
        "Prices found:",
        f"  urban-gas two-zone from 2022-07-01: day 5.28, night 2.60 ₽/kWh ({SOURCE})",
        f"  urban-gas two-zone from 2024-07-01: day 6.38, night 3.30 ₽/kWh ({SOURCE})",
    ]
    assert "Every price the journal needs is known." in out
    code, out, _ = run(capsys, "tariff", "update", "--json", *d)
    data = json.loads(out)
    assert code == 0 and data["ok"] and data["requests"] == 0 and data["unknown"] == []
    listed = json.loads(run(capsys, "tariff", "list", "--plan", "two-zone", "--category", "urban-gas", "--json", *d)[1])
    assert {"category": "urban-gas", "plan": "two-zone", "zone": "day", "band": 1, "from": "2024-07-01",
            "price": "6.42", "source": "tolyatty.ru, проект приказа регулятора о ценах с 01.07.2024", "user": False,
            "origin": "shipped", "used": False} in listed
    assert {"category": "urban-gas", "plan": "two-zone", "zone": "day", "band": 1, "from": "2024-07-01",
            "price": "6.38", "source": SOURCE, "user": False, "origin": "calculator", "used": True} in listed
    text = run(capsys, "tariff", "list", "--plan", "two-zone", "--category", "urban-gas", *d)[1]
    (line,) = [x for x in text.splitlines() if x.split()[2:5] == ["day", "2024-07-01", "6.42"]]
    assert line.endswith("tolyatty.ru, проект приказа регулятора о ценах с 01.07.2024 — not used: the supplier's "
                         "calculator (6.38) is used")


def test_tariff_update_lists_the_refused_and_the_still_unknown(capsys: pytest.CaptureFixture[str],
                                                               d: list[str]) -> None:  # noqa: F811  # the fixture
    cli_household(capsys, d)
    with CalculatorEmulator(earliest=date(2025, 1, 1)) as calculator:
        code, out, err = run(capsys, "tariff", "update", "--calculator-url", calculator.url, *d)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[lines.index("Refused by the calculator (stays unknown):") + 1] == \
        "  urban-gas two-zone: 2022-11, 2024-07"  # newest first: July 2024, then November 2022
    assert lines[lines.index("Not asked, as the calculator refused the later months:") + 1] == \
        "  urban-gas two-zone: 2022-07 … 2022-10"
    assert lines[-3:] == [
        "Prices still unknown:",
        f"  account {ACCOUNT} two-zone day: 2022-07-01 … 2022-11-30 — enter the price from your bill: "
        "tariff set --category urban-gas --plan two-zone --from 2022-07-01 DAY NIGHT",
        f"  account {ACCOUNT} two-zone night: 2022-07-01 … 2022-11-30 — enter the price from your bill: "
        "tariff set --category urban-gas --plan two-zone --from 2022-07-01 DAY NIGHT",
    ]


@pytest.mark.parametrize("fault", ["html", "refused connection"])
def test_tariff_update_exits_3_when_the_calculator_cannot_be_asked(capsys: pytest.CaptureFixture[str],
                                                                   d: list[str],  # noqa: F811  # the fixture
                                                                   calculator: CalculatorEmulator,
                                                                   tmp_path: Path, fault: str) -> None:
    cli_household(capsys, d)
    url = calculator.url
    if fault == "html":
        calculator.fail("html", after=3)
    else:
        calculator.stop()
    before = snapshot(tmp_path / "journal.sqlite3")
    code, out, err = run(capsys, "tariff", "update", "--calculator-url", url, *d)
    assert code == 3 and err.count("\n") == 1 and err.startswith("error: The supplier's calculator")
    assert "nothing was changed" in err and "Nothing was changed." in out
    assert "Prices still unknown:" in out and "two-zone day: 2022-07-01 … 2022-11-30" in out
    assert snapshot(tmp_path / "journal.sqlite3") == before


@pytest.mark.parametrize(("args", "words"), [
    (["--account", "999999"], "999999"),
    (["--calculator-url", "http://samaraenergo.example/"], "not protected (http://)"),
])
def test_tariff_update_user_errors_exit_2(capsys: pytest.CaptureFixture[str],
                                          d: list[str],  # noqa: F811  # the fixture
                                          calculator: CalculatorEmulator, args: list[str], words: str) -> None:
    cli_household(capsys, d)
    code, out, err = run(capsys, "tariff", "update", *args, *d)
    assert code == 2 and out == "" and err.count("\n") == 1 and words in err
    assert calculator.requests == []



@pytest.mark.parametrize(("body", "price", "words"), [
    (b'{"Status": true, "Value": "7,18"}', D("7.18"), None),
    (b'\xef\xbb\xbf {"Status": true, "Value": "1 234,50"}', None, "impossible cost"),
    (b'{"Status": false}', None, None),
    (b'{"Status": true, "Value": "0,00"}', None, None),  # no cost for a kWh: no price
    (b'{"Status": true, "Value": "abc"}', None, "not a number"),
    (b'<!DOCTYPE html><html>', None, "a web page instead of a price"),
    (b'', None, "something else instead of a price"),
])
def test_the_calculators_answer_is_read_or_refused_in_words(body: bytes, price: Decimal | None,
                                                           words: str | None) -> None:
    from desktop_app.price_calculator import CalculatorError, parse_answer

    if words is None:
        assert parse_answer(200, body).price == price
    else:
        with pytest.raises(CalculatorError, match=words):
            parse_answer(200, body)
