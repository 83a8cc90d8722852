"""The billing subcommands: prices, bills, estimates, payments, the balance and the forecast."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from desktop_app.cli.output import dumps, owed_lines
from journal import validation
from journal.charges import Charge, charge_to_json, format_decimal
from journal.errors import InvalidInput
from journal.messages import msg
from journal.tariffs import BAND_NAMES, ListedPrice, PriceEntry

if TYPE_CHECKING:  # `bill` runs on the JournalReader, without SQLAlchemy: neither the service nor journal.billing
    from desktop_app.services.journal_reader import JournalReader
    from desktop_app.services.journal_service import JournalService
    from journal.billing import BalanceInfo, Bill, BillInterval, Estimate, ForecastInfo, PaymentInfo

UNKNOWN_PRICE = "unknown — enter from your bill"


def _json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def _table(lines: list[list[str]]) -> str:
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
                     for line in lines)


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


# --- prices ------------------------------------------------------------------------------------------


def _entry_json(entry: PriceEntry) -> dict[str, object]:
    return {
        "category": str(entry.category), "plan": str(entry.plan), "zone": str(entry.zone), "band": entry.band,
        "from": entry.valid_from.isoformat(), "price": None if entry.price is None else format(entry.price, "f"),
        "source": entry.source, "user": entry.user, "origin": entry.origin,
    }


WHOSE = {"user": "yours", "calculator": "the supplier's calculator", "shipped": "the shipped one"}


def _source_text(row: ListedPrice) -> str:
    e = row.entry
    source = f"yours: {e.source}" if e.user else e.source
    if row.replaced_by is not None:
        replacement = row.replaced_by
        price = UNKNOWN_PRICE if replacement.price is None else format(replacement.price, "f")
        source += f" — not used: {WHOSE[replacement.origin]} ({price}) is used"
    return source


def tariff_list(s: JournalService, a: argparse.Namespace) -> None:
    rows = s.billing.price_list(a.category, a.plan)
    if _json(a):
        print(dumps([{**_entry_json(r.entry), "used": r.used} for r in rows]))
        return
    lines = [["category", "plan", "zone", "from", "₽/kWh", "source"]]
    for row in rows:
        e = row.entry
        zone = str(e.zone) if e.band == 1 else f"{e.zone} (band {BAND_NAMES[e.band]})"
        price = UNKNOWN_PRICE if e.price is None else format(e.price, "f")
        lines.append([str(e.category), str(e.plan), zone, e.valid_from.isoformat(), price, _source_text(row)])
    print(_table(lines) if rows else "No prices match.")


def tariff_set(s: JournalService, a: argparse.Namespace) -> None:
    valid_from = validation.typed_day(a.valid_from, s.today(), "from")
    entries = s.billing.set_price(a.category, a.plan, valid_from, a.prices).result
    if _json(a):
        print(dumps([_entry_json(e) for e in entries]))
        return
    prices = ", ".join(f"{e.zone} {format(e.price, 'f')}" for e in entries)
    print(f"Your prices for {a.category}, {a.plan} from {entries[0].valid_from.isoformat()}: {prices} ₽/kWh.")


def tariff_update(s: JournalService, a: argparse.Namespace) -> int:
    """The supplier's online calculator (desktop_app.cli.price_commands), imported with httpx only for this command."""
    from desktop_app.cli.price_commands import tariff_update as update

    return update(s, a)


# --- bills and estimates -------------------------------------------------------------------------------


def _interval_text(interval: BillInterval) -> str:
    final = ", final reading before the replacement or plan change" if interval.is_final else ""
    kwh = ", ".join(f"{zone} {kwh}" for zone, kwh in zip(interval.plan.zones, interval.consumption, strict=True))
    return (f"Meter {interval.meter_serial}{final}: days after {interval.previous_date.isoformat()} through "
            f"{interval.taken_on.isoformat()} ({interval.days} days), {interval.plan}: {kwh} kWh")


def _charge_text(charge: Charge) -> str:
    lines = [["zone", "kWh", "price from", "₽/kWh", "days", "kWh at price", "amount ₽"]]
    for zone in charge.zones:
        for index, part in enumerate(zone.parts):
            band = "" if part.band == 1 else f" (band {BAND_NAMES[part.band]})"
            head = [str(zone.zone), str(zone.kwh)] if index == 0 else ["", ""]
            lines.append([*head, part.valid_from.isoformat() + band, format(part.price, "f"), str(part.days),
                          format_decimal(part.kwh), _money(zone.amount) if index == 0 else ""])
    text = [_table(lines), f"Total: {_money(charge.total)} ₽"]
    text += [f"warning: {w}" for w in charge.warnings]
    return "\n".join(text)


def bill(s: JournalService | JournalReader, a: argparse.Namespace) -> None:
    result: Bill = s.billing.bill(a.account, a.period)
    if _json(a):
        intervals = [{"meter": i.meter_serial, "after": i.previous_date.isoformat(), "through": i.taken_on.isoformat(),
                      "days": i.days, "plan": str(i.plan), "kwh": [str(v) for v in i.consumption]}
                     for i in result.intervals]
        print(dumps({"account": result.account, "period": result.period, **charge_to_json(result.charge),
                     "intervals": intervals}))
        return
    print(f"Account {result.account}, period {result.period}")
    for interval in result.intervals:
        print(_interval_text(interval))
    print(_charge_text(result.charge))


def estimate(s: JournalService, a: argparse.Namespace) -> None:
    result: Estimate = s.billing.estimate(a.account, a.values, rollover=a.rollover)
    if _json(a):
        print(dumps({"account": result.account, "meter": result.meter_serial,
                     "after": result.previous_date.isoformat(), "through": result.day.isoformat(),
                     "kwh": [str(v) for v in result.consumption], "saved": False, **charge_to_json(result.charge)}))
        return
    print(f"Estimate for account {result.account} (not saved): meter {result.meter_serial}, days after "
          f"{result.previous_date.isoformat()} through {result.day.isoformat()}, "
          f"{', '.join(map(str, result.consumption))} kWh")
    print(_charge_text(result.charge))


# --- payments and the balance ----------------------------------------------------------------------------


def _payment_text(p: PaymentInfo) -> str:
    note = f"  {p.note}" if p.note else ""
    return f"{p.paid_on.isoformat()}  {_money(p.amount)} ₽  (period {p.period}){note}"


def payment_add(s: JournalService, a: argparse.Namespace) -> None:
    paid_on = validation.typed_day(a.date, s.today())
    info = s.billing.add_payment(a.account, paid_on, a.amount, a.note, again=a.confirm).result
    print(dumps(info) if _json(a) else f"Payment recorded for account {info.account}: {_payment_text(info)}.")


def payment_list(s: JournalService, a: argparse.Namespace) -> None:
    items = s.billing.payments(a.account)
    print(dumps(items) if _json(a) else "\n".join(_payment_text(p) for p in items) or "No payments yet.")


def _signed(value: Decimal) -> str:
    if value > 0:
        return f"{_money(value)} ₽ to pay"
    if value < 0:
        return f"{_money(-value)} ₽ paid in advance"
    return "0.00 ₽, nothing due"


def _balance_text(info: BalanceInfo) -> str:
    if info.opening_on is None:
        head = f"Account {info.account}: no opening balance entered (set it with --opening); counted from 0.00 ₽"
    else:
        head = f"Account {info.account}: opening balance {_signed(info.opening_balance)} on {info.opening_on}"
    lines = [["period", "charge ₽", "paid ₽", "balance ₽", "note"]]
    for row in info.rows:
        charge = _money(row.charge) if row.charge is not None else "unknown" if row.warnings else "—"
        note = "price unknown" if row.charge is None and row.warnings else "no reading" if row.charge is None else ""
        if not row.complete:
            note = ", ".join(filter(None, [note, "incomplete"]))
        lines.append([row.period, charge, _money(row.payments), _money(row.balance), note])
    text = [head, _table(lines) if info.rows else "No charges or payments since then."]
    owed = info.owed
    if owed.complete:
        text.append(f"Balance on {owed.as_of}: {_signed(owed.total)}")
    else:
        missing = (f"the charge of {owed.unknown_periods[0]} is" if len(owed.unknown_periods) == 1
                   else f"the charges of {', '.join(owed.unknown_periods)} are")
        text.append(f"Balance on {owed.as_of}: incomplete — {_signed(owed.total)} from the known charges only; "
                    f"{missing} missing (price unknown).")
    text += owed_lines(owed)
    text += [f"warning: {row.period}: {w}" for row in info.rows for w in row.warnings]
    return "\n".join(text)


def balance(s: JournalService, a: argparse.Namespace) -> None:
    if a.opening is not None:
        day = validation.typed_day(a.opening_date, s.today(), "opening-date") if a.opening_date else None
        info = s.billing.set_opening_balance(a.account, a.opening, day).result
    elif a.opening_date is not None:
        raise InvalidInput(msg("--opening-date goes with --opening AMOUNT, the balance of your last bill."),
                           field="opening-date")
    else:
        info = s.billing.balance(a.account)
    print(dumps(info) if _json(a) else _balance_text(info))


# --- consumption ------------------------------------------------------------------------------------------


def forecast(s: JournalService, a: argparse.Namespace) -> None:
    info: ForecastInfo = s.billing.forecast(a.account)
    if _json(a):
        print(dumps(info))
        return
    if not info.averages:
        print(f"Account {info.account}: no readings yet, so no average and no forecast.")
        return
    lines = [["zone", "kWh/day", "kWh/month", f"expected through {info.period_end}"]]
    for zone, average in info.averages.items():
        lines.append([str(zone), str(average.daily), str(average.monthly), str(info.expected[zone])])
    print(f"Account {info.account}, period {info.period}; last reading {info.last_reading_date}")
    print(_table(lines))


BILLING_HANDLERS: dict[tuple[str, str | None], Callable[[JournalService, argparse.Namespace], None]] = {
    ("tariff", "list"): tariff_list,
    ("tariff", "set"): tariff_set,
    ("tariff", "update"): tariff_update,  # type: ignore[dict-item]  # returns its exit code
    ("bill", None): bill,
    ("estimate", None): estimate,
    ("payment", "add"): payment_add,
    ("payment", "list"): payment_list,
    ("balance", None): balance,
    ("forecast", None): forecast,
}
