"""Names shown to people for the journal's codes (zones, plans, categories, statuses), translated; money, days and
months as the window writes them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from journal.zones import ConsumerCategory, TariffPlan, Zone


def zone_name(zone: Zone) -> str:
    return {
        Zone.SINGLE: QCoreApplication.translate("texts", "All day"),
        Zone.DAY: QCoreApplication.translate("texts", "Day"),
        Zone.NIGHT: QCoreApplication.translate("texts", "Night"),
        Zone.PEAK: QCoreApplication.translate("texts", "Peak"),
        Zone.SEMI_PEAK: QCoreApplication.translate("texts", "Semi-peak"),
    }[zone]


def plan_name(plan: TariffPlan) -> str:
    return {
        TariffPlan.SINGLE: QCoreApplication.translate("texts", "Single-rate"),
        TariffPlan.TWO_ZONE: QCoreApplication.translate("texts", "Two-zone (day and night)"),
        TariffPlan.THREE_ZONE: QCoreApplication.translate("texts", "Three-zone (peak, semi-peak, night)"),
    }[plan]


def category_name(category: ConsumerCategory) -> str:
    return {
        ConsumerCategory.URBAN_GAS: QCoreApplication.translate("texts", "City home with a gas stove"),
        ConsumerCategory.URBAN_ELECTRIC: QCoreApplication.translate(
            "texts", "City home with an electric stove or heating"),
        ConsumerCategory.RURAL: QCoreApplication.translate("texts", "Countryside"),
    }[category]


def status_name(status: str) -> str:
    return {
        "active": "",
        "superseded": QCoreApplication.translate("texts", "replaced by a newer reading"),
        "edited": QCoreApplication.translate("texts", "corrected"),
        "deleted": QCoreApplication.translate("texts", "deleted"),
        "undone": QCoreApplication.translate("texts", "undone"),
    }.get(status, status)


def submission_state_name(state: str) -> str:
    """A reading's submission to the supplier (a journal.submissions.SubmissionState), as the history says it (""
    for one not sent: nothing to say)."""
    from journal.submissions import SubmissionState  # with the journal's storage: not at start-up

    return {
        SubmissionState.WAITING: QCoreApplication.translate("texts", "waiting to be sent"),
        SubmissionState.CHECKING: QCoreApplication.translate("texts", "not confirmed yet, being checked"),
        SubmissionState.SENT: QCoreApplication.translate("texts", "sent to the supplier"),
        SubmissionState.ACCEPTED: QCoreApplication.translate("texts", "accepted for billing"),
        SubmissionState.REJECTED: QCoreApplication.translate("texts", "rejected by the supplier"),
        SubmissionState.CANCELLED: "",
    }[state]


def _grouped(text: str) -> str:
    """Python's "1,234.56" in the language's number format: 1 234,56 or 1,234.56."""
    locale = QLocale()
    return text.replace(",", "\x00").replace(".", locale.decimalPoint()).replace("\x00", locale.groupSeparator())


def money(value: object) -> str:
    """Roubles with two decimals, in the language's number format: 1 234,56 ₽ or 1,234.56 ₽."""
    return QCoreApplication.translate("texts", "{amount} ₽").format(amount=_grouped(f"{value:,.2f}"))


def reading_text(value: int) -> str:
    """A meter's reading (whole kWh) as its display and the history's table show it, digits only: 12504 — what the
    person compares with the meter and may type back (a space between thousands is understood too)."""
    return str(value)


def zone_values(values: tuple[int, ...] | list[int], zones: tuple[Zone, ...] | list[Zone]) -> str:
    """Readings with their zones' names, as the window says them: «1000 (день), 500 (ночь)»; one zone's value alone,
    «1000»."""
    texts = [reading_text(value) for value in values]
    if len(zones) <= 1:
        return ", ".join(texts)
    named = QCoreApplication.translate("texts", "{value} ({zone})")
    return ", ".join(named.format(value=text, zone=zone_name(zone).lower())
                     for text, zone in zip(texts, zones, strict=True))


def day_text(day: date) -> str:
    """A day as the window writes it, in every language: 29.11.2026."""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def month_name(period: str | date, *, short: bool = False) -> str:
    """A billing period as people say it: "2026-11" (or a day in it) → «ноябрь 2026» (November 2026); short:
    «нояб. 2026». The nominative, which also reads right after «за» and «на» («за ноябрь 2026»)."""
    if isinstance(period, date):
        year, month = period.year, period.month
    else:
        year, month = int(period[:4]), int(period[5:7])
    form = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return f"{QLocale().standaloneMonthName(month, form)} {year}"


# An ISO day or month standing on its own: not a part of a file name (auto-2026-11-29.sqlite3), a number or a path.


def price_text(value: Decimal) -> str:
    """A price as typed or printed on the bill, in the language's number format: 6,95 ₽/кВт·ч (4,1700 stays)."""
    text = format(value, "f").replace(".", QLocale().decimalPoint())
    return QCoreApplication.translate("texts", "{price} ₽/kWh").format(price=text)
