"""Tariff plans, zones and consumer categories (docs/DOMAIN.md, FST order 1473-э).

Zone order everywhere in the product (fields, CSV, SMS, portal registers) is T1, T2, T3:
single = T1; two-zone = T1 day, T2 night; three-zone = T1 peak, T2 night, T3 semi-peak.
"""

from __future__ import annotations

from enum import StrEnum


class TariffPlan(StrEnum):
    SINGLE = "single"
    TWO_ZONE = "two-zone"
    THREE_ZONE = "three-zone"

    @property
    def zones(self) -> tuple[Zone, ...]:
        return PLAN_ZONES[self]

    @property
    def zone_count(self) -> int:
        return len(PLAN_ZONES[self])


class Zone(StrEnum):
    SINGLE = "single"
    DAY = "day"
    NIGHT = "night"
    PEAK = "peak"
    SEMI_PEAK = "semi-peak"


class ConsumerCategory(StrEnum):
    URBAN_GAS = "urban-gas"
    URBAN_ELECTRIC = "urban-electric"
    RURAL = "rural"


PLAN_ZONES: dict[TariffPlan, tuple[Zone, ...]] = {
    TariffPlan.SINGLE: (Zone.SINGLE,),
    TariffPlan.TWO_ZONE: (Zone.DAY, Zone.NIGHT),
    TariffPlan.THREE_ZONE: (Zone.PEAK, Zone.NIGHT, Zone.SEMI_PEAK),
}

# Local time, all year (docs/DOMAIN.md). Shown as help next to the reading fields.
ZONE_HOURS: dict[TariffPlan, dict[Zone, str]] = {
    TariffPlan.SINGLE: {Zone.SINGLE: "00:00–24:00"},
    TariffPlan.TWO_ZONE: {Zone.DAY: "07:00–23:00", Zone.NIGHT: "23:00–07:00"},
    TariffPlan.THREE_ZONE: {
        Zone.PEAK: "07:00–10:00, 17:00–21:00",
        Zone.NIGHT: "23:00–07:00",
        Zone.SEMI_PEAK: "10:00–17:00, 21:00–23:00",
    },
}


def _hours_of(spans: str) -> int:
    """The hours a day of a zone's spans as ZONE_HOURS writes them ("07:00–10:00, 17:00–21:00": 7)."""
    hours = 0
    for span in spans.split(", "):
        start, end = (int(time.split(":")[0]) for time in span.split("–"))
        hours += (end - start) % 24 or 24
    return hours


# How many hours a day each zone lasts (single 24, day 16, night 8, peak 7, semi-peak 9).
HOURS_A_DAY: dict[Zone, int] = {zone: _hours_of(spans) for plan in ZONE_HOURS.values() for zone, spans in plan.items()}
