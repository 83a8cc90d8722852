"""The checks of a new reading against its neighbours on the same meter: the previous reading (or the
installation act) and a later one when history is typed in out of order; a value below the previous one (a
rollover, to be confirmed) and an implausible consumption (a jump, to be confirmed): far above the household's
usual month, or, while the journal cannot tell a usual month yet, more than a home can use at all.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal.consumption import consumption, stored_kwh, zone_values
from journal.errors import (
    ConfirmationKind,
    ConfirmationRequired,
    ConsumptionFigures,
    DigitSlip,
    InvalidInput,
)
from journal.messages import Message, ZoneNumber, msg
from journal.storage.models import Meter, Reading, ReadingStatus
from journal.tariffs import VOLUME_BANDS
from journal.zones import HOURS_A_DAY, TariffPlan, Zone

JUMP_FACTOR = 10  # a consumption over 10× the monthly average needs confirmation
MIN_HISTORY_READINGS = 2  # readings needed before the average means anything
DAYS_PER_MONTH = Decimal("30.4375")
# While there is no usual month to compare with (a new journal: the act and fewer than MIN_HISTORY_READINGS
# readings, or none with consumption), a zone's consumption is asked about when it is more than a home uses: above
# the volume where the supplier's dearest band begins, 6,000 kWh a month (band III, docs/DOMAIN.md: volumes the
# regulator sets apart from ordinary household use; an ordinary flat uses 150–400), spread over each hour of the
# month. That is an average draw of 8.2 kW every hour of the zone on every day of the interval: 197 kWh a day on a
# single-rate meter, 131 in the day zone (16 h), 66 at night (8 h), 57 at peak (7 h), 74 at semi-peak (9 h). A typo
# with a digit too many (11000 for 1100: 10,000 kWh in six or seven weeks) is far above it. It never stands in the
# way for long: a house that really uses more (electric heating in a cold month) is asked at its first readings at
# most, once each, and from then on its own usual month decides (JUMP_FACTOR), not this figure.
HOME_KW = VOLUME_BANDS[-1] / (DAYS_PER_MONTH * 24)  # 6,000 kWh a month as a steady draw: 8.2 kW


class Active(NamedTuple):
    """A reading in force, as the checks of a new reading on its meter see it."""

    id: int
    period: str
    taken_on: date
    values: tuple[int, ...]
    rollover: bool
    is_final: bool


class MeterReadings:
    """A meter's readings in force, oldest first, with what the checks of a new reading need: the reading of
    each period, and the consumption from the installation act up to each reading (the jump check's average),
    summed once and kept as readings come and go, so many readings can be checked in one pass."""

    __slots__ = ("_dates", "_kwh", "by_period", "digits", "initial", "installed_on", "items", "meter", "meter_id",
                 "plan_zones", "zones")

    def __init__(self, meter: Meter, zones: int, items: list[Active]) -> None:
        self.meter, self.meter_id, self.zones, self.items = meter, meter.id, zones, items
        self.plan_zones = TariffPlan(meter.plan).zones
        self.digits, self.installed_on, self.initial = meter.digits, meter.installed_on, _initial(meter, zones)
        self._dates = [item.taken_on for item in items]
        self.by_period = {item.period: item for item in items if not item.is_final}
        self._kwh = [0]  # _kwh[k]: kWh from the installation act to items[k - 1], summed over the zones

    @classmethod
    def load(cls, session: Session, meter: Meter, zones: int, exclude: set[int] | None = None) -> MeterReadings:
        rows = session.execute(
            select(Reading.id, Reading.period, Reading.taken_on, Reading.t1, Reading.t2, Reading.t3,
                   Reading.rollover, Reading.is_final)
            .where(Reading.meter_id == meter.id, Reading.status == ReadingStatus.ACTIVE)
            .order_by(Reading.taken_on, Reading.id)
        )
        return cls(meter, zones, [Active(rid, period, taken_on, zone_values((t1, t2, t3)[:zones]), rollover, is_final)
                                  for rid, period, taken_on, t1, t2, t3, rollover, is_final in rows
                                  if not exclude or rid not in exclude])

    def position(self, taken_on: date) -> int:
        """How many readings are dated on or before `taken_on`."""
        return bisect_right(self._dates, taken_on)

    def add(self, item: Active) -> None:
        index = self.position(item.taken_on)
        self.items.insert(index, item)
        self._dates.insert(index, item.taken_on)
        if not item.is_final:
            self.by_period[item.period] = item
        del self._kwh[index + 1:]

    def remove(self, item: Active) -> None:
        index = self.items.index(item)
        del self.items[index], self._dates[index]
        if self.by_period.get(item.period) == item:
            del self.by_period[item.period]
        del self._kwh[index + 1:]

    def kwh_before(self, count: int) -> int:
        """kWh from the installation act to the `count`-th reading, every zone (a wrap of the drum counted)."""
        kwh, items, digits = self._kwh, self.items, self.digits
        while len(kwh) <= count:
            k = len(kwh)
            before = self.initial if k == 1 else items[k - 2].values
            kwh.append(kwh[-1] + stored_kwh(before, items[k - 1].values, digits))
        return kwh[count]


def _initial(meter: Meter, zones: int) -> tuple[int, ...]:
    """The installation act's values: the "previous reading" of a meter's first reading."""
    return (meter.initial_t1, meter.initial_t2, meter.initial_t3)[:zones]  # type: ignore[return-value]


def check_neighbours(
    others: MeterReadings, taken_on: date, values: tuple[int, ...], rollover: bool, confirm: bool,
) -> tuple[int, ...]:
    """Check the values against the readings before and after them; return the previous values."""
    count = others.position(taken_on)  # the readings dated on or before it
    last = others.items[count - 1] if count else None
    following = others.items[count] if count < len(others.items) else None
    if last is not None and last.taken_on == taken_on:
        raise InvalidInput(
            msg("There is already a reading dated {taken_on} for this meter; edit it instead.", taken_on=taken_on),
            field="date",
        )
    previous = last.values if last is not None else others.initial
    previous_date = last.taken_on if last is not None else others.installed_on
    for index, (before, now) in enumerate(zip(previous, values, strict=True), start=1):
        if now < before and not rollover:
            below = msg("{zone}: {now} is below {before} from the reading of {day}.", zone=ZoneNumber(index),
                        now=now, before=before, day=previous_date) if last is not None else msg(
                "{zone}: {now} is below {before} from the installation act.", zone=ZoneNumber(index), now=now,
                before=before)
            hint = msg("If the meter went past {nines} and started again from zero, confirm a rollover; if the meter "
                       "was replaced, record the replacement; otherwise please check the value.",
                       nines="9" * others.digits)
            found = _figures(others, count, previous, taken_on, values, rollover=True)
            raise ConfirmationRequired(ConfirmationKind.ROLLOVER, msg("{below} {hint}", below=below, hint=hint),
                                       field=f"t{index}", figures=found)
    if following is not None:
        for index, (now, after) in enumerate(zip(values, following.values, strict=True), start=1):
            if after < now and not following.rollover:
                raise InvalidInput(
                    msg(
                        "{zone}: {now} is above {after} from the later reading of {taken_on}; please check the "
                        "value.",
                        zone=ZoneNumber(index),
                        now=now,
                        after=after,
                        taken_on=following.taken_on,
                    ),
                    field=f"t{index}",
                )
    if confirm:
        return previous
    monthly = _usual_monthly(others, count)
    # The kWh `consumption` gives, now that any value below the previous one is a confirmed rollover.
    if monthly is None or _too_much(stored_kwh(previous, values, others.digits), monthly, previous_date, taken_on):
        check_plausible(_figures(others, count, previous, taken_on, values, rollover=rollover, monthly=monthly),
                        field="values")
    return previous


def check_plausible(found: ConsumptionFigures, *, field: str) -> None:
    """Ask about a consumption that fails the plausibility rule (`found.likely_mistake`): a jump to confirm."""
    if not found.likely_mistake:
        return
    if found.usual_monthly is not None:
        question = msg("This reading means {kwh} kWh since {day}, over {factor} times the usual {monthly} kWh a "
                       "month. Please check the values, and confirm if they are right.", kwh=found.total,
                       day=found.since, factor=JUMP_FACTOR, monthly=found.usual_monthly.quantize(Decimal(1)))
    else:
        question = msg("{consumption} {advice} If the values are right, confirm them.",
                       consumption=_beyond_home(found), advice=_slip_advice(found))
    raise ConfirmationRequired(ConfirmationKind.JUMP, question, field=field, figures=found)


def _beyond_home(found: ConsumptionFigures) -> Message:
    """The consumption of the zone a home cannot use, in words."""
    index = found.beyond_home
    assert index is not None
    kwh, until = found.kwh[index], found.since + timedelta(days=found.days)
    if len(found.kwh) == 1:
        return msg("{kwh} kWh from {day} to {until} ({days} days) is far more than a home uses.", kwh=kwh,
                   day=found.since, until=until, days=found.days)
    return msg("{zone}: {kwh} kWh from {day} to {until} ({days} days) is far more than a home uses.",
               zone=ZoneNumber(index + 1), kwh=kwh, day=found.since, until=until, days=found.days)


def _slip_advice(found: ConsumptionFigures) -> Message:
    """Which value to check, and the slip it most likely has."""
    value = found.values[found.beyond_home or 0]
    if found.slip is DigitSlip.EXTRA:
        return msg("Perhaps a digit too many: please check the reading {value}.", value=value)
    if found.slip is DigitSlip.MISSING:
        return msg("Perhaps a digit is missing: please check the reading {value}.", value=value)
    return msg("Perhaps a digit is wrong: please check the reading {value}.", value=value)


def _usual_monthly(others: MeterReadings, count: int) -> Decimal | None:
    """The meter's average kWh a month from its installation to its `count`-th reading in force (in date order);
    None while there are fewer than MIN_HISTORY_READINGS of them or they show no consumption."""
    if count < MIN_HISTORY_READINGS:
        return None
    history_days = (others.items[count - 1].taken_on - others.installed_on).days
    history_kwh = others.kwh_before(count)
    if history_days <= 0 or history_kwh <= 0:
        return None
    return Decimal(history_kwh) / history_days * DAYS_PER_MONTH


def consumption_figures(meter: Meter, earlier: list[Reading], previous: tuple[int, ...], taken_on: date,
                        values: tuple[int, ...], *, rollover: bool) -> ConsumptionFigures:
    """What storing `values` on `taken_on` after `previous` (the last of `earlier`, the meter's readings in force
    in date order, or the installation act) would record, against the meter's usual month: over JUMP_FACTOR
    usual months per month is a likely mistake."""
    zones = TariffPlan(meter.plan).zone_count
    others = MeterReadings(meter, zones, [Active(r.id, r.period, r.taken_on, (r.t1, r.t2, r.t3)[:zones],  # type: ignore[arg-type]
                                                 r.rollover, r.is_final) for r in earlier])
    return _figures(others, len(earlier), previous, taken_on, values, rollover=rollover)


_UNKNOWN = Decimal(-1)  # `monthly` not given: `_figures` works it out


def _figures(others: MeterReadings, count: int, previous: tuple[int, ...], taken_on: date,
             values: tuple[int, ...], *, rollover: bool, monthly: Decimal | None = _UNKNOWN) -> ConsumptionFigures:
    """`consumption_figures` after the first `count` readings of `others`, their consumption summed once;
    `monthly`: their usual month when the caller has it already."""
    since = others.items[count - 1].taken_on if count else others.installed_on
    kwh = consumption(previous, values, others.digits, rollover)
    if monthly is _UNKNOWN:
        monthly = _usual_monthly(others, count)
    days = (taken_on - since).days
    beyond = _beyond_a_home(others.plan_zones, kwh, days) if monthly is None else None
    return ConsumptionFigures(
        zones=others.plan_zones, since=since, previous=previous, values=values, kwh=kwh, usual_monthly=monthly,
        likely_mistake=beyond is not None if monthly is None else _too_much(sum(kwh), monthly, since, taken_on),
        days=days, beyond_home=beyond,
    )


def _beyond_a_home(zones: tuple[Zone, ...], kwh: tuple[int, ...], days: int) -> int | None:
    """The zone (its index) whose kWh over `days` days (one at least) is more than HOME_KW drawn every hour
    of that zone: the one most over it, or None."""
    over = [(Decimal(used) / (HOME_KW * HOURS_A_DAY[zone] * max(1, days)), index)
            for index, (zone, used) in enumerate(zip(zones, kwh, strict=True))]
    ratio, index = max(over)
    return index if ratio > 1 else None


def _too_much(kwh: int, monthly: Decimal, since: date, taken_on: date) -> bool:
    """The journal's plausibility rule: over JUMP_FACTOR usual months per month of the interval (one at least)."""
    months = max(Decimal(1), Decimal((taken_on - since).days) / DAYS_PER_MONTH)
    return kwh > JUMP_FACTOR * monthly * months
