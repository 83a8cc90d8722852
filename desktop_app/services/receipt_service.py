"""The receipt service: payee details, the PD-4 receipt, the readings slip and the yearly report.

Each document is made in two steps: read plain records in one short read transaction (no ORM object
leaves it), then draw them with reportlab outside the session. Both steps are safe on a worker thread,
which is how the window calls them (it never blocks its own thread on a PDF).

The amount to pay, by default, is what the account owes for the receipt's period (journal.owed: the
one figure the window's headline and `balance` show too): the period's charge, the debt or overpayment
carried into it, the payments counted in it and those made after it, counted to today — or, for a period
before the latest billed one, to the day before the next period was billed; the receipt prints that day.
When the journal cannot count it (a price is unknown, the period is before the opening balance) or nothing
is owed, the person gives the amount from the paper bill; a typed amount always works.

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
from typing import TypeVar

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
from desktop_app.services.changes import PAYEE, Done
from journal import accounts, billing, history, meters, payees
from journal.amounts import parse_money
from journal.errors import InvalidInput, NotFound
from journal.messages import Message, msg
from journal.owed import Owed, owed_on, period_end, receipt_day
from journal.payees import PayeeDetails
from journal.payment_qr import payment_payload, split_full_name
from journal.periods import Period
from journal.storage.database import Journal
from journal.storage.files import write_bytes_whole
from journal.storage.models import Account
from journal.supplier import DEFAULT_SUPPLIER, supplier_name
from journal.tariffs import UnknownPrice
from journal.zones import ZONE_HOURS, ConsumerCategory, TariffPlan

log = logging.getLogger(__name__)

ZERO = Decimal("0.00")
MIN_YEAR, MAX_YEAR = 2000, 2100
T = TypeVar("T")
Document = TypeVar("Document", ReceiptData, SlipData, ReportData)


@dataclass(frozen=True)
class InvoicePayee:
    """Payee details read from an invoice's PDF that differ from the journal's (or the journal has none)."""

    invoice_id: str
    invoice_date: date | None
    details: PayeeDetails


class ReceiptService:
    def __init__(self, journal: Journal, today: Callable[[], date] = date.today) -> None:
        self.journal = journal
        self.today = today

    # Payee details
    def payee(self, supplier: str = DEFAULT_SUPPLIER) -> PayeeDetails | None:
        """The stored details of a supplier as they are (possibly invalid: see payee_problem), or None."""
        with self.journal.read() as session:
            return payees.get_payee(session, supplier)

    def check_payee(self, name: str, inn: str, kpp: str, account: str, bank: str, bic: str, corr: str, *,
                    supplier: str = DEFAULT_SUPPLIER) -> PayeeDetails:
        """The details as `set_payee` would store them, checked but not written; InvalidInput names the wrong field."""
        return payees.validate_payee(supplier, name, inn, kpp, account, bank, bic, corr)

    def set_payee(self, name: str, inn: str, kpp: str, account: str, bank: str, bic: str, corr: str, *,
                  supplier: str = DEFAULT_SUPPLIER, source: str = "bill") -> Done[PayeeDetails]:
        """Check and store the details from the person's bill; InvalidInput names the wrong field."""
        details = payees.validate_payee(supplier, name, inn, kpp, account, bank, bic, corr, source=source)
        with self.journal.write() as session:
            stored = payees.set_payee(session, details)
        log.info("Payee details of %s saved (source %s)", supplier, source)
        return Done(stored, PAYEE)

    def read_bill_payee(self, path: Path, supplier: str = DEFAULT_SUPPLIER) -> PayeeDetails:
        """The payee's details in the payment QR code of a bill (PDF, PNG or JPEG), checked like typed ones; nothing
        is stored and the journal is not touched, so any thread may call it. InvalidInput says why not."""
        from desktop_app.bill_qr import find_payment_code
        from journal.payment_qr_parser import payee_from_payload

        return payee_from_payload(find_payment_code(path), supplier)

    def store_payee(self, details: PayeeDetails) -> Done[PayeeDetails]:
        """Store checked details (read from a bill), replacing earlier ones."""
        with self.journal.write() as session:
            stored = payees.set_payee(session, details)
        log.info("Payee details of %s saved from a bill's QR code", details.supplier)
        return Done(stored, PAYEE)

    def payee_from_bill(self, path: Path, supplier: str = DEFAULT_SUPPLIER) -> Done[PayeeDetails]:
        """Read the details from the bill's QR code, check and store them; InvalidInput and nothing stored when the
        file cannot be read, holds no payment code, or its details fail a check."""
        return self.store_payee(self.read_bill_payee(path, supplier))

    def invoice_payee(self, number: str, data_dir: Path) -> InvoicePayee | None:
        """The details in the payment code of the account's newest invoice PDF pulled from the portal (kept under
        `data_dir`), when the journal has none or other ones; None when they are the same, or no invoice PDF holds
        readable, valid details. Reads files: call it from a worker thread."""
        from journal import portal_data

        with self.journal.read() as session:
            account = accounts.find_account(session, number)
            found = [i for i in portal_data.invoices(session, account) if i.pdf_file]
            current = payees.get_payee(session, account.supplier)
        if not found:
            return None
        newest = max(found, key=lambda i: (i.invoice_date or date.min, i.invoice_id))
        try:
            details = self.read_bill_payee(data_dir / str(newest.pdf_file), account.supplier)
        except InvalidInput as error:
            log.info("The invoice %s gave no payee details: %s", newest.invoice_id, error.field)
            return None
        same = current is not None and all(getattr(current, f) == getattr(details, f)
                                           for f in ("name", "inn", "kpp", "account", "bank", "bic", "corr"))
        return None if same else InvoicePayee(newest.invoice_id, newest.invoice_date, details)

    def use_sample_payee(self, supplier: str = DEFAULT_SUPPLIER) -> Done[PayeeDetails]:
        """Store the obviously fake sample details (for the sample household); refused over real ones."""
        with self.journal.write() as session:
            current = payees.get_payee(session, supplier)
            if current is not None and not current.is_sample:
                raise InvalidInput(
                    msg("Real payee details are already entered; sample details would replace them. They are kept."),
                    field="payee",
                )
            stored = payees.set_payee(session, payees.sample_payee(supplier))
        return Done(stored, PAYEE)

    def payee_problem(self, supplier: str = DEFAULT_SUPPLIER) -> InvalidInput | None:
        """Why a receipt would be refused for lack of good details (None when they are fine)."""
        try:
            with self.journal.read() as session:
                _checked_payee(session, supplier)
        except InvalidInput as error:
            return error
        return None

    # The documents: each one's data read in one short transaction (every refusal comes from there, so a caller
    # can ask it before choosing a file), then drawn on any thread, or drawn and written whole.
    def receipt_owed(self, number: str, period: str) -> Owed:
        """What a receipt for `period` proposes to pay, with its composition (the window shows it before printing).
        NotFound without a reading for the period; InvalidInput (field "amount") when the journal cannot count it."""
        wanted = str(Period.parse(period))
        with self.journal.read() as session:
            account = accounts.find_account(session, number)
            billing.period_rows(session, account, wanted)
            return _receipt_owed(session, account, wanted, self.today())

    def receipt_data(self, number: str, period: str, amount: str | Decimal | None = None) -> ReceiptData:
        """Everything printed on the receipt, as plain data. An empty `amount` means the default (what is owed)."""
        wanted, typed = str(Period.parse(period)), _amount(amount)
        return self._read(number, lambda session, account: _receipt_data(
            session, account, _checked_payee(session, account.supplier), wanted, typed, self.today()))

    def receipt_pdf(self, number: str, period: str, amount: str | Decimal | None = None) -> bytes:
        return draw(self.receipt_data(number, period, amount))

    def write_receipt(self, number: str, period: str, out: Path, amount: str | Decimal | None = None
                      ) -> ReceiptData:
        data = _written(self.receipt_data(number, period, amount), out)
        log.info("Receipt for account %s, period %s written", number, data.period)
        return data

    def slip_data(self, number: str, period: str) -> SlipData:
        wanted = str(Period.parse(period))
        return self._read(number, lambda session, account: _slip_data(session, account, wanted))

    def slip_pdf(self, number: str, period: str) -> bytes:
        return draw(self.slip_data(number, period))

    def write_slip(self, number: str, period: str, out: Path) -> SlipData:
        return _written(self.slip_data(number, period), out)

    def report_data(self, number: str, year: int) -> ReportData:
        if not MIN_YEAR <= int(year) <= MAX_YEAR:
            raise InvalidInput(msg("A report is for a year such as 2026; got {year}.", year=year), field="year")
        return self._read(number, lambda session, account: _report_data(session, account, int(year), self.today()))

    def report_pdf(self, number: str, year: int) -> bytes:
        return draw(self.report_data(number, year))

    def report_csv(self, number: str, year: int) -> str:
        from desktop_app.receipts.report import report_csv

        return report_csv(self.report_data(number, year))

    def write_report(self, number: str, year: int, out: Path, csv_out: Path | None = None) -> ReportData:
        data = _written(self.report_data(number, year), out)
        if csv_out is not None:
            from desktop_app.receipts.report import report_csv

            write_bytes_whole(Path(csv_out), report_csv(data).encode("utf-8"))
        return data

    def _read(self, number: str, read: Callable[[Session, Account], T]) -> T:
        """`read` of the account `number` in one short read transaction (NotFound without the account)."""
        with self.journal.read() as session:
            return read(session, accounts.find_account(session, number))


# --- drawing (any thread) -----------------------------------------------------------------------------------------

def draw(data: ReceiptData | SlipData | ReportData) -> bytes:
    """The document of `data` as PDF bytes; its drawing module (reportlab) is imported on first use."""
    if isinstance(data, ReceiptData):
        from desktop_app.receipts.pd4 import render_receipt

        return render_receipt(data)
    if isinstance(data, SlipData):
        from desktop_app.receipts.slip import render_slip

        return render_slip(data)
    from desktop_app.receipts.report import render_report

    return render_report(data)


def _written(data: Document, out: Path) -> Document:
    """`data`'s document drawn and written whole or not at all: a failed write (a full disk) never leaves half a
    PDF, under the real name or a temporary one."""
    write_bytes_whole(Path(out), draw(data))
    return data


# --- reading the journal (inside one read transaction) ----------------------------------------------------


def _amount(amount: str | Decimal | None) -> Decimal | None:
    if amount is None or (isinstance(amount, str) and not amount.strip()):
        return None
    if isinstance(amount, Decimal):
        amount = format(amount, "f")
    return parse_money(amount, field="amount")


def _checked_payee(session: Session, supplier: str) -> PayeeDetails:
    details = payees.get_payee(session, supplier)
    if details is None:
        name = supplier_name(supplier) or supplier
        raise InvalidInput(
            msg(
                "The bank details of the payee ({name}) are not entered yet, so a receipt cannot be printed. Enter "
                "them once from your paper bill: name, INN, KPP, settlement account, bank, BIC and correspondent "
                "account (payee set).",
                name=name,
            ),
            field="payee",
        )
    try:
        return payees.check_details(details)
    except InvalidInput as error:
        raise InvalidInput(msg(
            "The stored payee details are wrong, so a receipt cannot be printed: {reason} Correct them from your "
            "paper bill (payee set).",
            reason=error.text,
        ), field=error.field) from None


def _receipt_owed(session: Session, account: Account, period: str, today: date) -> Owed:
    """What is owed for a receipt of `period` (a period with readings), counted to the receipt's day."""
    ledger = billing.account_ledger(session, account)
    day = receipt_day(ledger, period, today)
    if day is None:
        raise InvalidInput(
            msg(
                "The charge of {period} is already in the opening balance you entered, so the journal cannot count "
                "what is owed for that month. Give the amount to pay from your paper bill.",
                period=Period.parse(period),
            ),
            field="amount",
        )
    owed = owed_on(ledger, day)
    if not owed.complete:
        raise InvalidInput(
            msg("The sum to pay cannot be counted: the charge of {periods} is unknown (its price is missing). Enter "
                "that price (tariff set, or Settings → Prices), or give the amount to pay from your paper bill.",
                periods=tuple(Period.parse(p) for p in owed.unknown_periods)),
            field="amount",
        )
    return owed


def _receipt_data(session: Session, account: Account, payee: PayeeDetails, period: str,
                  typed: Decimal | None, today: date) -> ReceiptData:
    """The receipt's data; its zone table even while a price is unknown (then without prices and amounts), so a
    typed amount from the paper bill always prints."""
    category = ConsumerCategory(account.category)
    book = billing.price_book(session)
    billing.period_rows(session, account, period)  # NotFound
    owed: Owed | None = None
    try:
        owed = _receipt_owed(session, account, period, today)
    except InvalidInput:
        if typed is None:
            raise
    initial = {m.id: m.initial for m in meters.list_meters(session, account)}
    lines: list[ZoneLine] = []
    serials: list[str] = []
    previous: tuple[int, ...] = ()
    meter_id = None
    for row in history.account_history(session, account, include_retired=False):
        if row.meter_id != meter_id:
            meter_id, previous = row.meter_id, initial[row.meter_id]
        if row.period == period and row.consumption is not None and row.previous_date is not None:
            try:
                zones = billing.row_charge(book, category, row).zones
                priced = [(tuple(dict.fromkeys(p.price for p in z.parts)), z.amount) for z in zones]
            except UnknownPrice:
                priced = [((), None)] * len(row.plan.zones)
            for zone, before, now, kwh, (prices, amount) in zip(row.plan.zones, previous, row.values,
                                                                 row.consumption, priced, strict=True):
                lines.append(ZoneLine(zone_label(row.plan, zone), row.meter_serial, before, now, kwh, prices, amount))
            if row.meter_serial not in serials:
                serials.append(row.meter_serial)
        previous = row.values
    known = [line.amount for line in lines if line.amount is not None]
    charge = sum(known, ZERO) if len(known) == len(lines) else None
    assert owed is None or owed.charge == charge, "the lines must add up to the period's charge"
    if typed is None and owed is not None and owed.total <= 0:
        raise InvalidInput(
            msg("Nothing to pay for {period}: the payments cover the charges (overpayment {overpaid:.2f} ₽). To print "
                "a receipt anyway, give the amount to pay.", period=Period.parse(period), overpaid=-owed.total),
            field="amount",
        )
    amount = typed if typed is not None else owed.total  # type: ignore[union-attr]
    purpose = f"Оплата электроэнергии за {period_words(period)}, лицевой счёт {account.number}"
    payload = payment_payload(
        name=payee.name, personal_acc=payee.account, bank_name=payee.bank, bic=payee.bic, corresp_acc=payee.corr,
        payee_inn=payee.inn, kpp=payee.kpp, purpose=purpose, amount=amount, payer=split_full_name(account.holder),
        payer_address=account.address, pers_acc=account.number, period=period,
    )
    return ReceiptData(payee, account.number, account.holder, account.address, period, tuple(serials),
                       tuple(lines), charge, owed, amount, typed is None, purpose, payload)


def _slip_data(session: Session, account: Account, period: str) -> SlipData:
    rows = [r for r in history.account_history(session, account, include_retired=False)
            if r.period == period and r.consumption is not None and not r.is_final]
    if not rows:
        raise NotFound(
            msg(
                "There is no reading for {period} on the account {number}. Add the period's reading first (reading "
                "add), then print its slip.",
                period=Period.parse(period),
                number=account.number,
            ),
            field="period",
        )
    row = rows[-1]
    plan = row.plan
    hours = ZONE_HOURS[plan]
    zones = tuple((zone_label(plan, z), hours[z], v) for z, v in zip(plan.zones, row.values, strict=True))
    return SlipData(account.number, account.holder, account.address, supplier_name(account.supplier),
                    row.meter_serial, period, row.taken_on, zones)


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
    paid: dict[str, Decimal] = {}
    for payment in billing.list_payments(session, account):
        paid[payment.period] = paid.get(payment.period, ZERO) + payment.amount
    ledger = billing.account_ledger(session, account)
    starts = ledger.starts_on

    def owed_at_end(period: str) -> Owed | None:
        """What was owed at the period's end (today for the current one); None before the balance starts."""
        day = min(period_end(period), today)
        return owed_on(ledger, day) if starts is not None and day >= starts else None

    def balance_at(period: str) -> Decimal | None:
        owed = owed_at_end(period)
        return owed.total if owed is not None else None

    months: list[ReportMonth] = []
    warnings: list[Message] = []
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
                warnings += [msg("{period}: {warning}", period=Period.parse(period), warning=w)
                             for w in bill.charge.warnings]
            except UnknownPrice as error:
                note = "цена неизвестна"
                warnings.append(msg("{period}: {warning}", period=Period.parse(period), warning=error.text))
        at_end = owed_at_end(period)
        if at_end is not None and not at_end.complete and not note:
            note = "баланс неполный"
        months.append(ReportMonth(period, kwh, amounts, charge, paid.get(period, ZERO), balance_at(period), note))
    last = f"{year:04d}-12"
    at_last = owed_at_end(last)
    complete = (at_last is None or at_last.complete) and not any(m.note for m in months)
    return ReportData(account.number, account.holder, account.address, plan, zones, year, tuple(months),
                      balance_at(f"{year - 1:04d}-12"), balance_at(last), complete, tuple(dict.fromkeys(warnings)),
                      today, tuple(plans))
