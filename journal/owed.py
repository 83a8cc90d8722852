"""What an account owes as of a day: the one rule behind every "to pay" figure.

The window's headline («К оплате»), the receipt dialog's proposed sum, the receipt's «Итого к оплате» and
its QR code's Sum, `meter-journal balance` and the yearly report's balance all come from `owed_on`.

The rule. What an account owes on day D = the opening balance (the user's last bill: a debt positive,
an advance negative; 0 without one)
  + the charges of the billing periods billed by D
  − the payments dated on or before D.
A period is billed on the date of its last reading in force: from that day the journal knows its charge.
With an opening balance, only the periods billed on or after its date and the payments on or after it
count (the earlier ones are in the opening balance); before its date the journal knows nothing. A
period's charge is the journal's estimate (journal.charges): the supplier's billed figures pulled from the
portal are only compared with it, not used instead. A period whose price is unknown adds nothing and
makes the figure incomplete (it names the period).

The composition, for people: `period` is the latest period billed by D; `charge` its charge; `carried`
the debt (+) or overpayment (−) at the period's start (opening + earlier charges − payments counted in
earlier periods); `paid_in_period` the payments counted in the period (a payment counts in the billing
period of its date, like a reading: after the 25th, the next month's); `paid_after` the payments made
after the period, up to D. total = carried + charge − paid_in_period − paid_after.

Which day. The headline and `balance`: today. A receipt for period P (`receipt_day`): today when P is the
latest billed period; for an earlier period, the day before the next period was billed — the last day on
which P's charge was the latest — and the receipt says that day. The yearly report: each month's balance
on the month's cut-off day (today for the current month), which is the balance at the period's end.

Plain data only: the journal's reading of the ledger is journal.billing.account_ledger.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum

from journal.messages import Message
from journal.periods import DEFAULT_CUTOFF_DAY, Period
from journal.tariffs import MissingPrice

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class PeriodCharge:
    period: str  # YYYY-MM
    billed_on: date  # the date of the period's last reading in force
    charge: Decimal | None  # None: a price is unknown (see warnings)
    warnings: tuple[Message, ...] = ()
    missing: MissingPrice | None = None  # what the unknown price is: its first day, plan and zone


@dataclass(frozen=True)
class LedgerPayment:
    paid_on: date
    period: str  # the billing period it counts in
    amount: Decimal


@dataclass(frozen=True)
class Ledger:
    """What counts towards the balance: the opening balance, then the periods' charges and the payments on or
    after its date (everything, without one), oldest first."""

    account: str
    opening_balance: Decimal
    opening_on: date | None
    charges: tuple[PeriodCharge, ...]
    payments: tuple[LedgerPayment, ...]

    def knows(self, day: date) -> bool:
        """False before the opening balance's date: the journal cannot say what was owed then."""
        return self.opening_on is None or day >= self.opening_on

    @property
    def starts_on(self) -> date | None:
        """The first day the balance means something: the opening balance's date, else the first billed period or
        payment (None: nothing yet)."""
        if self.opening_on is not None:
            return self.opening_on
        return min([c.billed_on for c in self.charges[:1]] + [p.paid_on for p in self.payments[:1]], default=None)


class OwedPart(Enum):
    CHARGE = "charge"  # charged for the period
    DEBT = "debt"  # debt at the period's start
    OVERPAYMENT = "overpayment"  # overpayment at the period's start
    PAID_IN_PERIOD = "paid in the period"
    PAID_AFTER = "paid after the period"


@dataclass(frozen=True)
class Owed:
    """What an account owes on `as_of`, and how it is made up (see the module's notes)."""

    account: str
    as_of: date
    period: str | None  # the latest period billed by as_of; None: none yet
    charge: Decimal | None  # that period's charge; None without a period or when its price is unknown
    carried: Decimal  # debt (+) or overpayment (−) at the period's start
    paid_in_period: Decimal
    paid_after: Decimal
    total: Decimal  # debt positive, overpayment negative; from the known charges only when incomplete
    complete: bool
    unknown_periods: tuple[str, ...]  # billed by as_of, price unknown

    def parts(self) -> tuple[tuple[OwedPart, Decimal], ...]:
        """The composition to show, in order; the zero amounts left out (the charge is always shown when known).
        The amounts are positive; the sign is in the part."""
        parts: list[tuple[OwedPart, Decimal]] = []
        if self.charge is not None:
            parts.append((OwedPart.CHARGE, self.charge))
        if self.carried:
            parts.append((OwedPart.DEBT, self.carried) if self.carried > 0 else (OwedPart.OVERPAYMENT, -self.carried))
        if self.paid_in_period:
            parts.append((OwedPart.PAID_IN_PERIOD, self.paid_in_period))
        if self.paid_after:
            parts.append((OwedPart.PAID_AFTER, self.paid_after))
        return tuple(parts)


def owed_on(ledger: Ledger, as_of: date) -> Owed:
    """What the account owes on `as_of` (a day the ledger knows: see Ledger.knows)."""
    if not ledger.knows(as_of):
        raise ValueError("as_of is before the opening balance: the journal does not know that day")
    billed = [c for c in ledger.charges if c.billed_on <= as_of]
    paid = [p for p in ledger.payments if p.paid_on <= as_of]
    latest = billed[-1] if billed else None
    period = latest.period if latest else None
    carried = ledger.opening_balance + sum((c.charge for c in billed[:-1] if c.charge is not None), ZERO)
    paid_in_period = paid_after = ZERO
    for payment in paid:
        if period is not None and payment.period > period:
            paid_after += payment.amount
        elif payment.period == period or period is None:
            paid_in_period += payment.amount
        else:
            carried -= payment.amount
    charge = latest.charge if latest else None
    unknown = tuple(c.period for c in billed if c.charge is None)
    total = carried + (charge or ZERO) - paid_in_period - paid_after
    return Owed(ledger.account, as_of, period, charge, carried, paid_in_period, paid_after, total, not unknown,
                unknown)


def period_end(period: str) -> date:
    """The period's cut-off day: the last day whose readings and payments count in it."""
    p = Period.parse(period)
    return date(p.year, p.month, DEFAULT_CUTOFF_DAY)


def receipt_day(ledger: Ledger, period: str, today: date) -> date | None:
    """The day a receipt for `period` counts its sum to: today for the latest billed period; for an earlier one,
    the day before the next period was billed. None when the period is not in the ledger (not billed, or before
    the opening balance)."""
    index = next((i for i, c in enumerate(ledger.charges) if c.period == period), None)
    if index is None:
        return None
    if index + 1 < len(ledger.charges):
        return ledger.charges[index + 1].billed_on - timedelta(days=1)
    return today
