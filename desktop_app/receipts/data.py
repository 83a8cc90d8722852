"""Plain records the documents are drawn from, and the Russian wording they share.

The service fills them in one short read of the journal; they hold no ORM object, so the drawing can run
on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop_app.document_language import MONTHS
from journal.messages import Message
from journal.owed import Owed, OwedPart
from journal.payees import PayeeDetails
from journal.zones import TariffPlan, Zone

MONTHS_SHORT = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
ZONE_LABELS = {
    TariffPlan.SINGLE: {Zone.SINGLE: "Т1 (сутки)"},
    TariffPlan.TWO_ZONE: {Zone.DAY: "Т1 (день)", Zone.NIGHT: "Т2 (ночь)"},
    TariffPlan.THREE_ZONE: {Zone.PEAK: "Т1 (пик)", Zone.NIGHT: "Т2 (ночь)", Zone.SEMI_PEAK: "Т3 (полупик)"},
}
PLAN_NAMES = {
    TariffPlan.SINGLE: "однотарифный",
    TariffPlan.TWO_ZONE: "двухзонный (день, ночь)",
    TariffPlan.THREE_ZONE: "трёхзонный (пик, ночь, полупик)",
}
SAMPLE_MARK = "ОБРАЗЕЦ"
SAMPLE_NOTE = "ОБРАЗЕЦ: реквизиты не настоящие, не для оплаты"


def zone_label(plan: TariffPlan, zone: Zone) -> str:
    """The zone's label in the plan; a zone of another plan (a year with a plan change) by its own plan."""
    if zone not in ZONE_LABELS[plan]:
        plan = next(p for p in TariffPlan if zone in ZONE_LABELS[p])
    return ZONE_LABELS[plan][zone]


def month_words(period: str) -> str:
    """"2026-10" → "октябрь 2026"."""
    year, month = period.split("-")
    return " ".join((MONTHS[int(month) - 1], year))  # not an f-string: "{…} {…}" would match every message


def period_words(period: str) -> str:
    """"2026-10" → "октябрь 2026 г."."""
    return f"{month_words(period)} г."


OWED_WORDS = {
    OwedPart.CHARGE: "Начислено за {month}",
    OwedPart.DEBT: "Долг на начало периода",
    OwedPart.OVERPAYMENT: "Переплата на начало периода",
    OwedPart.PAID_IN_PERIOD: "Оплачено в периоде",
    OwedPart.PAID_AFTER: "Оплачено после периода",
}


def group_thousands(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def rub(value: Decimal) -> str:
    """2853.5 → "2 853,50" (Russian notation; a plain space between thousands)."""
    sign = "−" if value < 0 else ""
    whole, fraction = f"{abs(value):.2f}".split(".")
    return f"{sign}{group_thousands(int(whole))},{fraction}"


def rub_kop(value: Decimal) -> tuple[str, str]:
    """2853.5 → ("2 853", "50")."""
    whole, fraction = f"{value:.2f}".split(".")
    return group_thousands(int(whole)), fraction


def price_text(prices: tuple[Decimal, ...]) -> str:
    return " / ".join(f"{p:.2f}".replace(".", ",") for p in prices)


@dataclass(frozen=True, slots=True)
class ZoneLine:
    """One zone of one reading's interval: the meter's previous and current reading and what it costs."""

    zone: str  # printed label, e.g. "Т1 (день)"
    meter: str
    previous: int
    current: int
    kwh: int
    prices: tuple[Decimal, ...]  # more than one when the price changed inside the interval; () while unknown
    amount: Decimal | None  # None while the price is unknown


@dataclass(frozen=True, slots=True)
class ReceiptData:
    payee: PayeeDetails
    account: str  # the payer's personal account (лицевой счёт)
    holder: str
    address: str
    period: str  # YYYY-MM
    meters: tuple[str, ...]  # serials; the replaced meter first
    lines: tuple[ZoneLine, ...]
    charge: Decimal | None  # the period's charge; None while a price is unknown
    owed: Owed | None  # what the journal counts as owed, with its composition; None when it cannot (see the service)
    amount: Decimal  # to pay: owed.total by default, or what the person typed
    amount_is_default: bool
    purpose: str
    qr_payload: str

    @property
    def is_sample(self) -> bool:
        return self.payee.is_sample

    def composition(self) -> list[tuple[str, str, bool]]:
        """The lines under the zone table, in plain Russian: (label, amount, bold). What the sum is made of, the
        sum, and the day it is counted to; a typed amount that differs is shown beside the journal's."""
        charge_label = OWED_WORDS[OwedPart.CHARGE].format(month=month_words(self.period))
        if self.owed is None:
            charge = rub(self.charge) if self.charge is not None else "цена неизвестна"
            return [(charge_label, charge, False), ("К оплате (указано плательщиком)", rub(self.amount), True)]
        lines = [(OWED_WORDS[part].format(month=month_words(self.period)), rub(value), False)
                 for part, value in self.owed.parts()]
        if self.amount_is_default or self.amount == self.owed.total:
            lines.append(("Итого к оплате", rub(self.amount), True))
        else:
            lines.append(("Сумма по журналу", rub(self.owed.total), False))
            lines.append(("К оплате (указано плательщиком)", rub(self.amount), True))
        lines.append((f"Сумма посчитана на {self.owed.as_of:%d.%m.%Y}", "", False))
        return lines


@dataclass(frozen=True, slots=True)
class SlipData:
    account: str
    holder: str
    address: str
    supplier_name: str
    meter: str
    period: str
    taken_on: date
    zones: tuple[tuple[str, str, int], ...]  # (label, hours, reading)


@dataclass(frozen=True, slots=True)
class ReportMonth:
    period: str  # YYYY-MM
    kwh: tuple[int, ...] | None  # per zone; None: no reading in force
    amounts: tuple[Decimal, ...] | None  # per zone; None: no reading, or the price is unknown
    charge: Decimal | None
    paid: Decimal
    balance: Decimal | None  # at the month's end; None before the balance starts
    note: str = ""


@dataclass(frozen=True, slots=True)
class ReportData:
    account: str
    holder: str
    address: str
    plan: TariffPlan
    zones: tuple[Zone, ...]
    year: int
    months: tuple[ReportMonth, ...]  # January to December
    opening: Decimal | None  # the balance before January; None when not kept yet
    closing: Decimal | None
    complete: bool  # False when a charge of the year (or before) is unknown
    warnings: tuple[Message, ...]  # printed in Russian (desktop_app.document_language)
    generated_on: date
    # The plans the year's readings were counted in, each with the day it began (None: before the year);
    # more than one after a tariff plan change. Empty: the year has no readings, `plan` is the account's.
    plans: tuple[tuple[TariffPlan, date | None], ...] = ()

    @property
    def plan_text(self) -> str:
        """«однотарифный», or after a change in the year «однотарифный; с 05.11.2026 — двухзонный (день, ночь)»."""
        if len(self.plans) <= 1:
            return PLAN_NAMES[self.plans[0][0] if self.plans else self.plan]
        return "; ".join(PLAN_NAMES[plan] if began is None else f"с {began:%d.%m.%Y} — {PLAN_NAMES[plan]}"
                         for plan, began in self.plans)

    @property
    def zone_labels(self) -> tuple[str, ...]:
        return tuple(zone_label(self.plan, z) for z in self.zones)

    @property
    def total_kwh(self) -> tuple[int, ...]:
        return tuple(sum(m.kwh[i] for m in self.months if m.kwh) for i in range(len(self.zones)))

    @property
    def total_charge(self) -> Decimal:
        return sum((m.charge for m in self.months if m.charge is not None), Decimal("0.00"))

    @property
    def total_paid(self) -> Decimal:
        return sum((m.paid for m in self.months), Decimal("0.00"))
