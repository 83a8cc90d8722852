"""The billing commands: tariff, bill, estimate, payment, balance, forecast — text, JSON and one-line errors."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from desktop_app.services import journal_service
from desktop_app.services.journal_service import JournalService
from tests.conftest import TODAY
from tests.desktop_app.test_cli import ACCOUNT, run, setup_household
from tests.journal.test_billing import snapshot


@pytest.fixture
def d(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The data folder arguments; the commands see TODAY (2026-11-28) as today."""
    monkeypatch.setattr(journal_service, "JournalService", functools.partial(JournalService, today=lambda: TODAY))
    return ["--data-dir", str(tmp_path)]


def ok(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, out, err = run(capsys, *args)
    assert code == 0, err
    return out


def setup_single(capsys: pytest.CaptureFixture[str], d: list[str], installed: str = "2026-01-10") -> None:
    ok(capsys, "account", "add", ACCOUNT, "--holder", "Иванова Мария Петровна", "--address", "Самара",
       "--plan", "single", "--category", "urban-gas", *d)
    ok(capsys, "meter", "add", "--account", ACCOUNT, "--serial", "11712434", "--digits", "6", "--installed",
       installed, "--initial", "1000", *d)


def readings(capsys: pytest.CaptureFixture[str], d: list[str], *dated: tuple[str, str]) -> None:
    for day, values in dated:
        ok(capsys, "reading", "add", "--account", ACCOUNT, "--date", day, values, *d)


def test_bill_text_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path, d: list[str]) -> None:
    setup_household(capsys, tmp_path)
    readings(capsys, d, ("2026-09-20", "1300,600"), ("2026-10-20", "1600,720"))
    out = ok(capsys, "bill", "--account", ACCOUNT, "--period", "2026-10", *d)
    # day 300 × (10 × 7.29 + 20 × 8.20) / 30 = 2369.00; night 120 × (10 × 3.76 + 20 × 4.17) / 30 = 484.00
    assert out.splitlines() == [
        f"Account {ACCOUNT}, period 2026-10",
        "Meter 11712434: days after 2026-09-20 through 2026-10-20 (30 days), two-zone: day 300, night 120 kWh",
        "zone   kWh  price from  ₽/kWh  days  kWh at price  amount ₽",
        "day    300  2026-01-01  7.29   10    100           2369.00",
        "            2026-10-01  8.20   20    200",
        "night  120  2026-01-01  3.76   10    40            484.00",
        "            2026-10-01  4.17   20    80",
        "Total: 2853.00 ₽",
    ]
    data = json.loads(ok(capsys, "bill", "--account", ACCOUNT, "--period", "2026-10", "--json", *d))
    assert data == {
        "account": ACCOUNT,
        "period": "2026-10",
        "zones": [
            {"zone": "day", "kwh": "300", "amount": "2369.00", "prices": [
                {"from": "2026-01-01", "price": "7.29", "days": 10, "kwh": "100"},
                {"from": "2026-10-01", "price": "8.20", "days": 20, "kwh": "200"}]},
            {"zone": "night", "kwh": "120", "amount": "484.00", "prices": [
                {"from": "2026-01-01", "price": "3.76", "days": 10, "kwh": "40"},
                {"from": "2026-10-01", "price": "4.17", "days": 20, "kwh": "80"}]},
        ],
        "total": "2853.00",
        "warnings": [],
        "intervals": [{"meter": "11712434", "after": "2026-09-20", "through": "2026-10-20", "days": 30,
                       "plan": "two-zone", "kwh": ["300", "120"]}],
    }


def test_an_unknown_price_is_named_then_entered_with_the_suggested_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, d: list[str]
) -> None:
    setup_household(capsys, tmp_path)
    readings(capsys, d, ("2025-06-20", "1200,600"), ("2025-08-20", "1300,650"))
    before = snapshot(tmp_path / "journal.sqlite3")
    code, out, err = run(capsys, "bill", "--account", ACCOUNT, "--period", "2025-08", *d)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "No price is known for 2025-07-01, category urban-gas, plan two-zone, zone night." in err
    suggested = "tariff set --category urban-gas --plan two-zone --from 2025-07-01 DAY NIGHT"
    assert suggested in err
    assert snapshot(tmp_path / "journal.sqlite3") == before
    command = suggested.replace("DAY NIGHT", "6,80 3,40").split()
    out = ok(capsys, *command, *d)
    assert out == "Your prices for urban-gas, two-zone from 2025-07-01: day 6.80, night 3.40 ₽/kWh.\n"
    # day 100 × (10 × 6.42 + 51 × 6.80) / 61 = 673.77; night 50 × (10 × 3.21 + 51 × 3.40) / 61 = 168.44
    data = json.loads(ok(capsys, "bill", "--account", ACCOUNT, "--period", "2025-08", "--json", *d))
    assert (data["zones"][0]["amount"], data["zones"][1]["amount"], data["total"]) == ("673.77", "168.44", "842.21")


def test_tariff_list_marks_the_users_prices(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                            d: list[str]) -> None:
    ok(capsys, "tariff", "set", "--category", "urban-gas", "--plan", "single", "--from", "2026-10-01", "7.00", *d)
    ok(capsys, "tariff", "set", "--category", "urban-gas", "--plan", "single", "--from", "2026-10-01", "7.05", *d)
    out = ok(capsys, "tariff", "list", "--category", "urban-gas", "--plan", "single", *d)
    lines = out.splitlines()
    assert lines[0].split() == ["category", "plan", "zone", "from", "₽/kWh", "source"]
    assert any("2018-07-01" in line and "unknown — enter from your bill" in line for line in lines)
    assert any("2026-01-01" in line and "6.25" in line and "niasam.ru и volga.news" in line for line in lines)
    assert lines[-1].split() == ["urban-gas", "single", "single", "2026-10-01", "7.05", "yours:", "entered", "from",
                                 "the", "bill"]
    assert not any("6.95" in line or "7.00" in line for line in lines)  # replaced
    data = json.loads(ok(capsys, "tariff", "list", "--plan", "two-zone", "--json", *d))
    assert {e["plan"] for e in data} == {"two-zone"} and not any(e["user"] for e in data)
    assert {"category": "urban-gas", "plan": "two-zone", "zone": "night", "band": 1, "from": "2025-07-01",
            "price": None, "source": "не найдено в открытых источниках", "user": False, "origin": "shipped",
            "used": True} in data


def test_payments_and_balance(capsys: pytest.CaptureFixture[str], tmp_path: Path, d: list[str]) -> None:
    setup_single(capsys, d)
    readings(capsys, d, ("2026-08-20", "1100"), ("2026-09-20", "1250"), ("2026-10-20", "1400"),
             ("2026-11-20", "1500"))
    for day, amount in [("2026-09-10", "1437.50"), ("2026-10-28", "1 000,00"), ("2026-11-20", "500")]:
        ok(capsys, "payment", "add", "--account", ACCOUNT, "--date", day, amount, *d)
    out = ok(capsys, "payment", "add", "--account", ACCOUNT, "--date", "2026-08-30", "400", "--note", "cash", *d)
    assert out == f"Payment recorded for account {ACCOUNT}: 2026-08-30  400.00 ₽  (period 2026-09)  cash.\n"
    assert len(ok(capsys, "payment", "list", "--account", ACCOUNT, *d).splitlines()) == 4
    # Opening debt 500.00 on 2026-09-01 (see tests/journal/test_billing.py for the arithmetic):
    # 2026-09: 937.50 − 1437.50 → 0.00; 2026-10: 1007.50 → 1007.50; 2026-11: 695.00 − 1500.00 → 202.50
    out = ok(capsys, "balance", "--account", ACCOUNT, "--opening", "500", "--opening-date", "2026-09-01", *d)
    assert out.splitlines() == [
        f"Account {ACCOUNT}: opening balance 500.00 ₽ to pay on 2026-09-01",
        "period   charge ₽  paid ₽   balance ₽  note",
        "2026-09  937.50    1437.50  0.00",
        "2026-10  1007.50   0.00     1007.50",
        "2026-11  695.00    1500.00  202.50",
        "Balance on 2026-11-28: 202.50 ₽ to pay",
        "  charge for 2026-11            695.00",
        "  debt at the period's start   1007.50",
        "  paid in the period          −1500.00",
    ]
    data = json.loads(ok(capsys, "balance", "--account", ACCOUNT, "--json", *d))
    assert (data["opening_balance"], data["opening_on"]) == ("500.00", "2026-09-01")
    assert data["owed"] == {"account": ACCOUNT, "as_of": "2026-11-28", "period": "2026-11", "charge": "695.00",
                            "carried": "1007.50", "paid_in_period": "1500.00", "paid_after": "0.00",
                            "total": "202.50", "complete": True, "unknown_periods": []}
    assert data["rows"][1] == {"period": "2026-10", "charge": "1007.50", "payments": "0.00", "balance": "1007.50",
                               "complete": True, "warnings": []}
    # An advance, dated today by default: nothing counts after it yet.
    out = ok(capsys, "balance", "--account", ACCOUNT, "--opening", "-120.5", *d)
    assert "opening balance 120.50 ₽ paid in advance on 2026-11-28" in out
    assert out.splitlines()[-2:] == ["Balance on 2026-11-28: 120.50 ₽ paid in advance",
                                     "  overpayment at the period's start  −120.50"]


def test_an_incomplete_balance_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path, d: list[str]) -> None:
    setup_household(capsys, tmp_path)
    readings(capsys, d, ("2025-06-20", "1200,600"), ("2025-08-20", "1300,650"))
    out = ok(capsys, "balance", "--account", ACCOUNT, *d)
    lines = out.splitlines()
    assert lines[2].split() == ["2025-06", "1605.00", "0.00", "1605.00"]
    assert lines[3].split() == ["2025-08", "unknown", "0.00", "1605.00", "price", "unknown,", "incomplete"]
    assert lines[4] == ("Balance on 2026-11-28: incomplete — 1605.00 ₽ to pay from the known charges only; the charge "
                        "of 2025-08 is missing (price unknown).")
    assert lines[5] == "  debt at the period's start  1605.00"
    assert lines[6].startswith("warning: 2025-08: No price is known for 2025-07-01, category urban-gas")
    data = json.loads(ok(capsys, "balance", "--account", ACCOUNT, "--json", *d))
    assert (data["owed"]["complete"], data["owed"]["unknown_periods"], data["owed"]["total"]) == (
        False, ["2025-08"], "1605.00")
    assert data["rows"][1]["charge"] is None


def test_estimate_text_and_json_write_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                              d: list[str]) -> None:
    setup_household(capsys, tmp_path)
    readings(capsys, d, ("2026-11-20", "1500,700"))
    before = snapshot(tmp_path / "journal.sqlite3")
    out = ok(capsys, "estimate", "--account", ACCOUNT, "1580,740", *d)
    # 8 days after 2026-11-20 at 8.20 / 4.17: 80 × 8.20 = 656.00; 40 × 4.17 = 166.80; total 822.80
    assert out.splitlines()[0] == (f"Estimate for account {ACCOUNT} (not saved): meter 11712434, days after "
                                   "2026-11-20 through 2026-11-28, 80, 40 kWh")
    assert out.splitlines()[-1] == "Total: 822.80 ₽"
    data = json.loads(ok(capsys, "estimate", "--account", ACCOUNT, "1580,740", "--json", *d))
    assert (data["after"], data["through"], data["kwh"], data["total"], data["saved"]) == (
        "2026-11-20", "2026-11-28", ["80", "40"], "822.80", False)
    code, _, err = run(capsys, "estimate", "--account", ACCOUNT, "1400,740", *d)
    assert code == 2 and "--rollover" in err and err.count("\n") == 1
    assert snapshot(tmp_path / "journal.sqlite3") == before


def test_forecast(capsys: pytest.CaptureFixture[str], tmp_path: Path, d: list[str]) -> None:
    setup_single(capsys, d, installed="2026-09-20")
    assert "no readings yet" in ok(capsys, "forecast", "--account", ACCOUNT, *d)
    readings(capsys, d, ("2026-10-20", "1300"), ("2026-11-20", "1610"))
    # 300 kWh in 30 days + 310 in 31 = 610 / 61 = 10.00 a day; 10 × 30.4375 = 304.375 → 304.4 a month;
    # today 2026-11-28 is in period 2026-12, which ends on 2026-12-25: 35 days × 10 = 350.0 kWh expected.
    out = ok(capsys, "forecast", "--account", ACCOUNT, *d)
    assert out.splitlines() == [
        f"Account {ACCOUNT}, period 2026-12; last reading 2026-11-20",
        "zone    kWh/day  kWh/month  expected through 2026-12-25",
        "single  10.00    304.4      350.0",
    ]
    data = json.loads(ok(capsys, "forecast", "--account", ACCOUNT, "--json", *d))
    assert data["averages"]["single"] == {"zone": "single", "daily": "10.00", "monthly": "304.4"}
    assert (data["expected"], data["period"], data["period_end"]) == ({"single": "350.0"}, "2026-12", "2026-12-25")


def test_prices_are_one_argument_per_zone_and_a_decimal_comma_is_a_decimal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, d: list[str]
) -> None:
    setup_household(capsys, tmp_path)
    out = ok(capsys, "tariff", "set", "--category", "urban-gas", "--plan", "two-zone", "--from", "2025-07-01",
             "7,18", "3,56", *d)
    assert out == "Your prices for urban-gas, two-zone from 2025-07-01: day 7.18, night 3.56 ₽/kWh.\n"
    data = json.loads(ok(capsys, "tariff", "set", "--category", "urban-gas", "--plan", "three-zone", "--from",
                         "2026-11-01", "9,57", "4.07", "6,95 ₽", "--json", *d))
    assert [(e["zone"], e["price"]) for e in data] == [("peak", "9.57"), ("night", "4.07"), ("semi-peak", "6.95")]
    data = json.loads(ok(capsys, "tariff", "set", "--category", "urban-gas", "--plan", "single", "--from",
                         "2026-11-01", "6,95", "--json", *d))
    assert [(e["zone"], e["price"]) for e in data] == [("single", "6.95")]
    stored = snapshot(tmp_path / "journal.sqlite3")["user_prices"]
    assert sorted((row[2], row[3], row[6]) for row in stored) == [
        ("single", "single", "6.95"), ("three-zone", "night", "4.07"), ("three-zone", "peak", "9.57"),
        ("three-zone", "semi-peak", "6.95"), ("two-zone", "day", "7.18"), ("two-zone", "night", "3.56")]


def test_amounts_with_a_decimal_comma(capsys: pytest.CaptureFixture[str], tmp_path: Path, d: list[str]) -> None:
    setup_household(capsys, tmp_path)
    payment = ["payment", "add", "--account", ACCOUNT, "--date", "2026-11-01"]
    assert json.loads(ok(capsys, *payment, "1250,50", "--json", *d))["amount"] == "1250.50"
    again = "--confirm"  # the same sum on the same day: a second payment only when the person says so
    assert json.loads(ok(capsys, *payment, "1\u00a0250,50 руб.", again, "--json", *d))["amount"] == "1250.50"
    out = ok(capsys, *payment, "1 250.5", again, *d)
    assert out == f"Payment recorded for account {ACCOUNT}: 2026-11-01  1250.50 ₽  (period 2026-11).\n"
    assert [row[3] for row in snapshot(tmp_path / "journal.sqlite3")["payments"]] == ["1250.50"] * 3
    # An advance with a decimal comma is a value, not an option.
    data = json.loads(ok(capsys, "balance", "--account", ACCOUNT, "--opening", "-120,50", "--opening-date",
                         "2026-10-01", "--json", *d))
    assert (data["opening_balance"], data["opening_on"]) == ("-120.50", "2026-10-01")


def test_a_reading_keeps_its_zones_and_is_never_an_amount(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                            d: list[str]) -> None:
    setup_household(capsys, tmp_path)  # two-zone: "1200,600" is day 1200 and night 600, whole kWh
    data = json.loads(ok(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2025-02-20", "1200,600",
                         "--json", *d))
    assert data["values"] == [1200, 600]
    setup_single(capsys, ["--data-dir", str(tmp_path / "single")])
    before = snapshot(tmp_path / "single" / "journal.sqlite3")
    code, out, err = run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2026-02-20", "1200,6",
                         "--data-dir", str(tmp_path / "single"))
    assert (code, out) == (2, "")
    assert err == ("error: A single-rate meter has one value: type only the digits before the comma (whole kWh), "
                   "e.g. 1200; got '1200,6'.\n")
    assert snapshot(tmp_path / "single" / "journal.sqlite3") == before


BAD = [
    (["tariff", "set", "--category", "urban-gas", "--plan", "single", "--from", "2026-11-01", "-6.95"],
     "cannot be negative"),
    (["tariff", "set", "--category", "urban-gas", "--plan", "single", "--from", "2026-11-01", "0"],
     "greater than zero"),
    (["tariff", "set", "--category", "urban-gas", "--plan", "single", "--from", "2026-11-01", "6.9.5"],
     "has more than one point"),
    (["tariff", "set", "--category", "urban-gas", "--plan", "two-zone", "--from", "2026-11-01", "8.20"],
     "needs 2 prices"),
    (["tariff", "set", "--category", "urban-gas", "--plan", "two-zone", "--from", "2026-11-01", "8,20", "0"],
     "Zone night: A price must be greater than zero"),
    (["tariff", "set", "--category", "urban-gas", "--plan", "two-zone", "--from", "2026-11-01", "7,18"],
     "'7,18' could be read two ways, as one price with a decimal comma or as prices separated by commas. Plan "
     "two-zone needs 2 prices, one per zone (day, night), separated by spaces, e.g. 8,20 4,17."),
    (["tariff", "set", "--category", "urban-gas", "--plan", "two-zone", "--from", "2026-11-01", "8.20,4.17"],
     "could be read two ways"),
    (["tariff", "set", "--category", "urban-gas", "--plan", "three-zone", "--from", "2026-11-01", "9,57", "4,07"],
     "Plan three-zone needs 3 prices, one per zone (peak, night, semi-peak), separated by spaces; got 2."),
    (["tariff", "set", "--category", "urban-gas", "--plan", "two-zone", "--from", "2026-11-01", "8,20", "4,17",
      "1"], "got 3"),
    (["tariff", "set", "--category", "urban-gas", "--plan", "single", "--from", "2026-11-01", "6,95", "₽"],
     "Plan single needs one price; got 2"),
    (["tariff", "set", "--category", "urban-gas", "--plan", "two-zone", "--from", "2026-11-01", "8,20", "-4,17"],
     "Zone night: A price cannot be negative"),
    (["tariff", "set", "--category", "urban-gas", "--plan", "single", "--from", "2026-11-01", "6,954321"],
     "at most 4 decimal places"),
    (["tariff", "set", "--category", "urban-gas", "--plan", "single", "--from", "1999-12-31", "6.95"],
     "2000-01-01 or later"),
    (["tariff", "set", "--category", "urban-gas", "--plan", "single", "--from", "2027-11-29", "6.95"],
     "at most one year ahead"),
    (["tariff", "set", "--category", "urban-gas", "--plan", "single", "--from", "31.11.2026", "6.95"],
     "There is no such date: '31.11.2026'."),
    (["tariff", "set", "--category", "gas", "--plan", "single", "--from", "2026-11-01", "6.95"], "invalid choice"),
    (["payment", "add", "--account", ACCOUNT, "--date", "2026-11-01", "-100"], "cannot be negative"),
    (["payment", "add", "--account", ACCOUNT, "--date", "2026-11-01", "0"], "greater than zero"),
    (["payment", "add", "--account", ACCOUNT, "--date", "2026-11-01", "1.234"], "at most 2 decimal places"),
    (["payment", "add", "--account", ACCOUNT, "--date", "2026-11-01", "сто"], "is not an amount"),
    (["payment", "add", "--account", ACCOUNT, "--date", "2026-11-01", "-1250,50"], "cannot be negative"),
    (["payment", "add", "--account", ACCOUNT, "--date", "2026-11-01", "1200,600"], "at most 2 decimal places"),
    (["payment", "add", "--account", ACCOUNT, "--date", "2026-11-01", "1,2,3"], "has more than one comma"),
    (["payment", "add", "--account", ACCOUNT, "--date", "2026-11-29", "100"], "in the future"),
    (["payment", "add", "--account", "777777", "--date", "2026-11-01", "100"], "no account 777777"),
    (["balance", "--account", ACCOUNT, "--opening", "12,34,56"], "has more than one comma"),
    (["balance", "--account", ACCOUNT, "--opening", "сто"], "is not an amount"),
    (["balance", "--account", ACCOUNT, "--opening", "100", "--opening-date", "2026-12-01"], "in the future"),
    (["balance", "--account", ACCOUNT, "--opening-date", "2026-11-01"], "goes with --opening"),
    (["bill", "--account", ACCOUNT, "--period", "2026-03"], "There is no reading for 2026-03"),
    (["bill", "--account", ACCOUNT, "--period", "2026-3"], "YYYY-MM"),
    (["bill", "--account", ACCOUNT, "--period", "2025-08"], "zone night"),
    (["estimate", "--account", ACCOUNT, "1300"], "two values"),
    (["estimate", "--account", ACCOUNT, "1300,6x0"], "letters or symbols"),
    (["reading", "add", "--account", ACCOUNT, "--date", "2026-11-01", "1 30,600"], "letters or symbols"),
    (["reading", "add", "--account", ACCOUNT, "--date", "2026-11-01", "1300.5,600"], "letters or symbols"),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(args[:2] + args[-1:]) for args, _ in BAD])
def test_bad_input_is_one_line_exit_2_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, d: list[str], args: list[str], message: str
) -> None:
    setup_household(capsys, tmp_path)
    readings(capsys, d, ("2025-06-20", "1200,600"), ("2025-08-20", "1300,650"))
    ok(capsys, "payment", "add", "--account", ACCOUNT, "--date", "2025-09-01", "100", *d)
    ok(capsys, "tariff", "set", "--category", "urban-gas", "--plan", "single", "--from", "2026-11-01", "7.00", *d)
    ok(capsys, "balance", "--account", ACCOUNT, "--opening", "250", "--opening-date", "2025-06-01", *d)
    before = snapshot(tmp_path / "journal.sqlite3")
    code, out, err = run(capsys, *args, *d)
    assert code == 2, out
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert snapshot(tmp_path / "journal.sqlite3") == before


def test_the_same_payment_twice_needs_confirm(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                              d: list[str]) -> None:
    """A payment with the same sum on the same day is refused (exit 2, journal unchanged) unless --confirm says it
    is a second one; another sum or another day goes through."""
    setup_single(capsys, d)
    pay = ("payment", "add", "--account", ACCOUNT, "--date", "2026-11-05")
    ok(capsys, *pay, "1250,50", *d)
    before = snapshot(tmp_path / "journal.sqlite3")
    code, out, err = run(capsys, *pay, "1 250.50", *d)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "already recorded" in err and "--confirm" in err
    assert snapshot(tmp_path / "journal.sqlite3") == before
    ok(capsys, *pay, "1250,50", "--confirm", *d)
    ok(capsys, *pay, "1250,51", *d)
    ok(capsys, "payment", "add", "--account", ACCOUNT, "--date", "2026-11-06", "1250,50", *d)
    listed = json.loads(ok(capsys, "payment", "list", "--account", ACCOUNT, "--json", *d))
    assert sorted(p["amount"] for p in listed) == ["1250.50", "1250.50", "1250.50", "1250.51"]
