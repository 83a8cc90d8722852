"""Names shown to people for the journal's codes (zones, plans, categories, statuses), translated."""

from __future__ import annotations

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


def money(value: object) -> str:
    """Roubles with two decimals, in the language's number format: 1 234,56 ₽ or 1,234.56 ₽."""
    locale = QLocale()
    text = f"{value:,.2f}".replace(",", "\x00").replace(".", locale.decimalPoint())
    text = text.replace("\x00", locale.groupSeparator())
    return QCoreApplication.translate("texts", "{amount} ₽").format(amount=text)


def month_name(period: str) -> str:
    """A billing period as people say it: "2026-11" → «ноябрь 2026» (November 2026)."""
    year, month = period.split("-")
    return f"{QLocale().standaloneMonthName(int(month))} {year}"
