"""What the «Передать показания» form needs to show before the person types anything."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.services.journal_service import JournalService
from journal.meters import meter_in_use
from journal.periods import DEFAULT_CUTOFF_DAY, period_of
from journal.records import AccountInfo, MeterInfo
from journal.zones import ZONE_HOURS, Zone


@dataclass(frozen=True)
class ZoneField:
    zone: Zone
    hours: str
    previous: int


@dataclass(frozen=True)
class ReadingForm:
    account: AccountInfo
    meter: MeterInfo
    fields: tuple[ZoneField, ...]
    previous_date: date  # the last reading's date, or the installation act's
    previous_from_act: bool
    day: date
    period: str
    after_cutoff: bool  # the reading counts for the next month
    period_has_reading: bool


def reading_form(service: JournalService, number: str, day: date) -> ReadingForm:
    account = service.account(number)
    meter = meter_in_use(service.meters(number), number)  # NotFound when the account has no meter in use
    rows = [r for r in service.history(number, include_retired=False) if r.meter_id == meter.id]
    earlier = [r for r in rows if r.taken_on <= day]
    previous = earlier[-1].values if earlier else meter.initial
    previous_date = earlier[-1].taken_on if earlier else meter.installed_on
    period = str(period_of(day))
    hours = ZONE_HOURS[meter.plan]
    return ReadingForm(
        account=account,
        meter=meter,
        fields=tuple(ZoneField(z, hours[z], v) for z, v in zip(meter.plan.zones, previous, strict=True)),
        previous_date=previous_date,
        previous_from_act=not earlier,
        day=day,
        period=period,
        after_cutoff=day.day > DEFAULT_CUTOFF_DAY,
        period_has_reading=any(r.period == period and not r.is_final for r in rows),
    )
