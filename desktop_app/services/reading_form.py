"""What the «Передать показания» form needs to show before the person types anything."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop_app.services.journal_service import JournalService
from journal.meters import meter_in_use
from journal.periods import DEFAULT_CUTOFF_DAY, period_of
from journal.records import AccountInfo, HistoryRow, MeterInfo
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
    first_installed: date | None = None  # the account's first meter's act: no reading before it
    rows: tuple[HistoryRow, ...] = field(default=(), repr=False, compare=False)  # the meter's readings in force

    def on(self, day: date) -> ReadingForm:
        """The same form for a reading of another day, from what was read already (nothing is read again)."""
        return _form(self.account, self.meter, self.rows, day, self.first_installed)


def reading_form(service: JournalService, number: str, day: date) -> ReadingForm:
    """The form for a reading of `day`: the account, its meter in use and that meter's readings, read in one
    transaction (NotFound when no meter is in use)."""
    from journal import accounts, history, meters

    with service.journal.read() as session:
        found = accounts.find_account(session, number)
        account = accounts.account_info(found)
        meter_list = meters.list_meters(session, found)
        rows = history.account_history(session, found, include_retired=False)
    meter = meter_in_use(meter_list, number)  # NotFound when the account has no meter in use
    return _form(account, meter, tuple(r for r in rows if r.meter_id == meter.id), day,
                 min(m.installed_on for m in meter_list))


def _form(account: AccountInfo, meter: MeterInfo, rows: tuple[HistoryRow, ...], day: date,
          first_installed: date | None) -> ReadingForm:
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
        first_installed=first_installed,
        rows=rows,
    )
