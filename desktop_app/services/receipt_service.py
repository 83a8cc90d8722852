"""The receipt service: payee details, the PD-4 receipt, the readings slip and the yearly report.

Each document is made in two steps: read plain records in one short read transaction (no ORM object
leaves it), then draw them with reportlab outside the session. Both steps are safe on a worker thread,
which is how the window calls them (it never blocks its own thread on a PDF).

The amount to pay, by default, is the period's charge plus the debt (or minus the advance) carried into
the period: the balance at the period's end (journal.billing.balance_rows: opening balance + charges
− payments counted through the period). An account that keeps no balance (no opening balance and no
payment entered) pays the period's charge. The person may give another amount.

The drawing modules (reportlab) are imported on first use, so starting the CLI or the window does not pay
for them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from desktop_app.receipts.data import (
    ReceiptData,
    ReportData,
    ReportMonth,
    SlipData,
    ZoneLine,
    period_words,
    zone_label,
)
from journal import accounts, billing, history, meters, payees
from journal.errors import InvalidInput, NotFound
from journal.payees import DEFAULT_SUPPLIER, SUPPLIERS, PayeeDetails
from journal.payment_qr import payment_payload, split_full_name
from journal.periods import Period, period_of
from journal.storage.database import Journal
from journal.storage.models import Account
from journal.tariffs import UnknownPrice, parse_money
from journal.zones import ZONE_HOURS, ConsumerCategory, TariffPlan

log = logging.getLogger(__name__)

ZERO = Decimal("0.00")
MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    size: int


def _write_atomically(out: Path, data: bytes) -> WrittenFile:
    """Write to FILE.part, then rename: a failed write never leaves half a PDF under the real name."""
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(out)
    return WrittenFile(out, len(data))


class ReceiptService:
    def __init__(self, journal: Journal, today: Callable[[], date] = date.today) -> None:
        self.journal = journal
        self.today = today

    # Payee details
    def payee(self, supplier: str = DEFAULT_SUPPLIER) -> PayeeDetails | None:
        """The stored details of a supplier as they are (possibly invalid: see payee_problem), or None."""
        with self.journal.read() as session:
            return payees.get_payee(session, supplier)

    def set_payee(self, name: str, inn: str, kpp: str, account: str, bank: str, bic: str, corr: str, *,
                  supplier: str = DEFAULT_SUPPLIER, source: str = "bill") -> PayeeDetails:
        """Check and store the details from the person's bill; InvalidInput names the wrong field."""
        details = payees.validate_payee(supplier, name, inn, kpp, account, bank, bic, corr, source=source)
        with self.journal.write() as session:
            stored = payees.set_payee(session, details)
        log.info("Payee details of %s saved (source %s)", supplier, source)
        return stored

    def use_sample_payee(self, supplier: str = DEFAULT_SUPPLIER) -> PayeeDetails:
        """Store the obviously fake sample details (for the sample household); refused over real ones."""
        with self.journal.write() as session:
            current = payees.get_payee(session, supplier)
            if current is not None and not current.is_sample:
                raise InvalidInput(
                    "Real payee details are already entered; sample details would replace them. They are kept.",
                    field="payee",
                )
            return payees.set_payee(session, payees.sample_payee(supplier))

    def payee_problem(self, supplier: str = DEFAULT_SUPPLIER) -> InvalidInput | None:
        """Why a receipt would be refused for lack of good details (None when they are fine)."""
        try:
            with self.journal.read() as session:
                _checked_payee(session, supplier)
        except InvalidInput as error:
            return error
        return None

    # The receipt
    def receipt_data(self, number: str, period: str, amount: str | Decimal | None = None) -> ReceiptData:
        """Everything printed on the receipt, as plain data (the window shows the amount before printing)."""
        wanted = str(Period.parse(period))
        typed = _amount(amount)
        with self.journal.read() as session:
            account = accounts.find_account(session, number)
            payee = _checked_payee(session, account.supplier)
            return _receipt_data(session, account, payee, wanted, typed)

    def receipt_pdf(self, number: str, period: str, amount: str | Decimal | None = None) -> bytes:
        from desktop_app.receipts.pd4 import render_receipt

        return render_receipt(self.receipt_data(number, period, amount))

    def write_receipt(self, number: str, period: str, out: Path, amount: str | Decimal | None = None
                      ) -> ReceiptData:
        data = self.receipt_data(number, period, amount)
        from desktop_app.receipts.pd4 import render_receipt

        _write_atomically(out, render_receipt(data))
        log.info("Receipt for account %s, period %s written", number, data.period)
        return data

    # The readings slip
    def slip_data(self, number: str, period: str) -> SlipData:
        wanted = str(Period.parse(period))
        with self.journal.read() as session:
            account = accounts.find_account(session, number)
            return _slip_data(session, account, wanted)

    def slip_pdf(self, number: str, period: str) -> bytes:
        from desktop_app.receipts.slip import render_slip

        return render_slip(self.slip_data(number, period))

    def write_slip(self, number: str, period: str, out: Path) -> SlipData:
        data = self.slip_data(number, period)
        from desktop_app.receipts.slip import render_slip

        _write_atomically(out, render_slip(data))
        return data

    # The yearly report
    def report_data(self, number: str, year: int) -> ReportData:
        if not MIN_YEAR <= int(year) <= MAX_YEAR:
            raise InvalidInput(f"A report is for a year such as 2026; got {year}.", field="year")
        with self.journal.read() as session:
            account = accounts.find_account(session, number)
            return _report_data(session, account, int(year), self.today())

    def report_pdf(self, number: str, year: int) -> bytes:
        from desktop_app.receipts.report import render_report

        return render_report(self.report_data(number, year))

    def report_csv(self, number: str, year: int) -> str:
        from desktop_app.receipts.report import report_csv

        return report_csv(self.report_data(number, year))

    def write_report(self, number: str, year: int, out: Path, csv_out: Path | None = None) -> ReportData:
        data = self.report_data(number, year)
        from desktop_app.receipts.report import render_report, report_csv

        _write_atomically(out, render_report(data))
        if csv_out is not None:
            _write_atomically(csv_out, report_csv(data).encode("utf-8"))
        return data


# --- reading the journal (inside one read transaction) ----------------------------------------------------


def _amount(amount: str | Decimal | None) -> Decimal | None:
    if amount is None:
        return None
    if isinstance(amount, Decimal):
        amount = format(amount, "f")
    return parse_money(amount, field="amount")


def _checked_payee(session: Session, supplier: str) -> PayeeDetails:
    details = payees.get_payee(session, supplier)
    if details is None:
        name = SUPPLIERS.get(supplier, supplier)
        raise InvalidInput(
            f"The bank details of the payee ({name}) are not entered yet, so a receipt cannot be printed. "
            "Enter them once from your paper bill: name, INN, KPP, settlement account, bank, BIC and "
            "correspondent account (payee set).",
            field="payee",
        )
    try:
        return payees.check_details(details)
    except InvalidInput as error:
        raise InvalidInput(f"The stored payee details are wrong, so a receipt cannot be printed: {error.message} "
                           "Correct them from your paper bill (payee set).", field=error.field) from None


def _carried(session: Session, account: Account, period: str, charge: Decimal) -> Decimal | None:
    """The debt (+) or advance (−) carried into `period`, or None when the account keeps no balance."""
    if not _keeps_balance(session, account):
        return None
    info = billing.balance_rows(session, account)
    row = next((r for r in info.rows if r.period == period), None)
    if row is None:  # the period is before the opening balance
        return None
    if not row.complete:
        raise InvalidInput(
            f"The balance up to {period} is incomplete: the charge of {', '.join(info.unknown_periods)} is unknown "
            "(its price is missing). Enter that price (tariff set), or give the amount to pay yourself.",
            field="amount",
        )
    return row.balance - charge


def _receipt_data(session: Session, account: Account, payee: PayeeDetails, period: str,
                  typed: Decimal | None) -> ReceiptData:
    category = ConsumerCategory(account.category)
    book = billing.price_book(session)
    bill = billing.period_bill(session, account, period, book=book)  # NotFound / UnknownPrice
    initial = {m.id: m.initial for m in meters.list_meters(session, account)}
    lines: list[ZoneLine] = []
    serials: list[str] = []
    previous: tuple[int, ...] = ()
    meter_id = None
    for row in history.account_history(session, account, include_retired=False):
        if row.meter_id != meter_id:
            meter_id, previous = row.meter_id, initial[row.meter_id]
        if row.period == period and row.consumption is not None and row.previous_date is not None:
            charge = billing.row_charge(book, category, row)
            for zone, before, now, part in zip(row.plan.zones, previous, row.values, charge.zones, strict=True):
                lines.append(ZoneLine(zone_label(row.plan, zone), row.meter_serial, before, now, part.kwh,
                                      tuple(dict.fromkeys(p.price for p in part.parts)), part.amount))
            if row.meter_serial not in serials:
                serials.append(row.meter_serial)
        previous = row.values
    assert sum((line.amount for line in lines), ZERO) == bill.charge.total, "the lines must add up to the bill"
    carried = _carried(session, account, period, bill.charge.total)
    default = bill.charge.total + (carried or ZERO)
    if typed is None and default <= 0:
        raise InvalidInput(
            f"Nothing to pay for {period}: the advance of {-(carried or ZERO):.2f} ₽ covers the charge of "
            f"{bill.charge.total:.2f} ₽. To print a receipt anyway, give the amount to pay.",
            field="amount",
        )
    amount = typed if typed is not None else default
    purpose = f"Оплата электроэнергии за {period_words(period)}, лицевой счёт {account.number}"
    payload = payment_payload(
        name=payee.name, personal_acc=payee.account, bank_name=payee.bank, bic=payee.bic, corresp_acc=payee.corr,
        payee_inn=payee.inn, kpp=payee.kpp, purpose=purpose, amount=amount, payer=split_full_name(account.holder),
        payer_address=account.address, pers_acc=account.number, period=period,
    )
    return ReceiptData(payee, account.number, account.holder, account.address, period, tuple(serials),
                       tuple(lines), bill.charge.total, carried, amount, typed is None, purpose, payload)


def _slip_data(session: Session, account: Account, period: str) -> SlipData:
    rows = [r for r in history.account_history(session, account, include_retired=False)
            if r.period == period and r.consumption is not None and not r.is_final]
    if not rows:
        raise NotFound(
            f"There is no reading for {period} on the account {account.number}. Add the period's reading first "
            "(reading add), then print its slip.",
            field="period",
        )
    row = rows[-1]
    plan = row.plan
    hours = ZONE_HOURS[plan]
    zones = tuple((zone_label(plan, z), hours[z], v) for z, v in zip(plan.zones, row.values, strict=True))
    return SlipData(account.number, account.holder, account.address, SUPPLIERS.get(account.supplier, ""),
                    row.meter_serial, period, row.taken_on, zones)


def _keeps_balance(session: Session, account: Account) -> bool:
    return account.opening_balance_on is not None or bool(billing.list_payments(session, account))


def _report_data(session: Session, account: Account, year: int, today: date) -> ReportData:
    plan = TariffPlan(account.plan)
    book = billing.price_book(session)
    rows = history.account_history(session, account, include_retired=False)
    monthly = [p for p in history.monthly_consumption(rows) if p.period.startswith(f"{year:04d}-")]
    # The year's zones: after a plan change, the old plan's and the new one's (a zone a month did not count has 0).
    zones = tuple(dict.fromkeys(zone for p in monthly for zone in p.zones)) or plan.zones
    plans: list[tuple[TariffPlan, date | None]] = []
    for row in rows:  # meter records in the order installed, each oldest first: the plans in the order in force
        if row.period.startswith(f"{year:04d}-") and row.consumption is not None and (
                not plans or plans[-1][0] != row.plan):
            began = row.previous_date if plans and row.previous_date is not None else None
            plans.append((row.plan, began))
    used = {p.period: tuple(dict(zip(p.zones, p.consumption, strict=True)).get(z, 0) for z in zones) for p in monthly}
    info = billing.balance_rows(session, account)
    paid: dict[str, Decimal] = {}
    for payment in billing.list_payments(session, account):
        paid[payment.period] = paid.get(payment.period, ZERO) + payment.amount
    keeps_balance = _keeps_balance(session, account)
    starts = str(period_of(info.opening_on)) if info.opening_on is not None else None

    def balance_at(period: str) -> Decimal | None:
        if not keeps_balance:
            return None
        earlier = [r for r in info.rows if r.period <= period]
        if earlier:
            return earlier[-1].balance
        return info.opening_balance if starts is not None and starts <= period else None

    months: list[ReportMonth] = []
    warnings: list[str] = []
    for month in range(1, 13):
        period = f"{year:04d}-{month:02d}"
        kwh = used.get(period)
        amounts: tuple[Decimal, ...] | None = None
        charge: Decimal | None = None
        note = ""
        if kwh is not None:
            try:
                bill = billing.period_bill(session, account, period, book=book)
                by_zone = {z.zone: z.amount for z in bill.charge.zones}
                amounts = tuple(by_zone.get(z, ZERO) for z in zones)
                charge = bill.charge.total
                warnings += [f"{period}: {w}" for w in bill.charge.warnings]
            except UnknownPrice as error:
                note = "цена неизвестна"
                warnings.append(f"{period}: {error.message}")
        row = next((r for r in info.rows if r.period == period), None)
        if keeps_balance and row is not None and not row.complete and not note:
            note = "баланс неполный"
        months.append(ReportMonth(period, kwh, amounts, charge, paid.get(period, ZERO), balance_at(period), note))
    last = f"{year:04d}-12"
    complete = all(r.complete for r in info.rows if r.period <= last) and not any(m.note for m in months)
    return ReportData(account.number, account.holder, account.address, plan, zones, year, tuple(months),
                      balance_at(f"{year - 1:04d}-12"), balance_at(last), complete, tuple(dict.fromkeys(warnings)),
                      today, tuple(plans))
