"""Readings: add, replace for the same period, edit, delete and undo — never losing an old value.

A reading is checked against its neighbours on the same meter (the previous reading or the
installation act, and a later one when history is typed in out of order) before it is stored.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from itertools import pairwise

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal import validation
from journal.consumption import consumption, stored_zone_consumption
from journal.errors import ConfirmationRequired, ConsumptionFigures, InvalidInput, NotFound
from journal.periods import period_of
from journal.records import ChangeInfo, ReadingInfo
from journal.storage.models import Account, Change, Meter, Reading, ReadingStatus
from journal.zones import TariffPlan

JUMP_FACTOR = 10  # a consumption over 10× the monthly average needs confirmation
MIN_HISTORY_READINGS = 2  # readings needed before the average means anything
DAYS_PER_MONTH = Decimal("30.4375")


def reading_info(reading: Reading, zones: int) -> ReadingInfo:
    return ReadingInfo(
        id=reading.id, meter_id=reading.meter_id, period=reading.period, taken_on=reading.taken_on,
        values=(reading.t1, reading.t2, reading.t3)[:zones],  # type: ignore[arg-type]
        rollover=reading.rollover, is_final=reading.is_final, status=reading.status,
        created_at=reading.created_at, ended_at=reading.ended_at,
    )


def meter_on(session: Session, account: Account, taken_on: date, serial: str | None = None) -> Meter:
    """The account's meter a reading taken on `taken_on` belongs to."""
    meters = list(session.scalars(select(Meter).where(Meter.account_id == account.id).order_by(Meter.installed_on)))
    if serial is not None:
        meters = [m for m in meters if m.serial == serial.strip()]
        if not meters:
            raise NotFound(f"The account {account.number} has no meter {serial}.", field="meter")
    if not meters:
        raise NotFound(
            f"The account {account.number} has no meter yet. Add it from its installation act (meter add).",
            field="meter",
        )
    for meter in reversed(meters):
        if meter.installed_on < taken_on:
            if meter.removed_on is not None and taken_on >= meter.removed_on:
                if any(m.serial == meter.serial and m.installed_on == meter.removed_on for m in meters):
                    raise InvalidInput(
                        f"The tariff plan changed on {meter.removed_on.isoformat()}; that day's values are in "
                        "the plan change, so a reading must be dated after it.",
                        field="date",
                    )
                raise InvalidInput(
                    f"The meter {meter.serial} was replaced on {meter.removed_on.isoformat()}; "
                    "a reading after that belongs to the new meter.",
                    field="date",
                )
            return meter
    raise InvalidInput(
        f"The date {taken_on.isoformat()} is not after the meter's installation on "
        f"{meters[0].installed_on.isoformat()}; the installation act already gives that day's values.",
        field="date",
    )


def _active(session: Session, meter: Meter, exclude: set[int]) -> list[Reading]:
    rows = session.scalars(
        select(Reading)
        .where(Reading.meter_id == meter.id, Reading.status == ReadingStatus.ACTIVE)
        .order_by(Reading.taken_on, Reading.id)
    )
    return [r for r in rows if r.id not in exclude]


def _values(reading: Reading, zones: int) -> tuple[int, ...]:
    return (reading.t1, reading.t2, reading.t3)[:zones]  # type: ignore[return-value]


def _initial(meter: Meter, zones: int) -> tuple[int, ...]:
    """The installation act's values: the "previous reading" of a meter's first reading."""
    return (meter.initial_t1, meter.initial_t2, meter.initial_t3)[:zones]  # type: ignore[return-value]


def _check_neighbours(
    meter: Meter, zones: int, taken_on: date, values: tuple[int, ...], others: list[Reading],
    rollover: bool, confirm: bool,
) -> tuple[int, ...]:
    """Check the values against the readings before and after them; return the previous values."""
    earlier = [r for r in others if r.taken_on <= taken_on]
    later = [r for r in others if r.taken_on > taken_on]
    if earlier and earlier[-1].taken_on == taken_on:
        raise InvalidInput(
            f"There is already a reading dated {taken_on.isoformat()} for this meter; edit it instead.",
            field="date",
        )
    previous = _values(earlier[-1], zones) if earlier else _initial(meter, zones)
    previous_date = earlier[-1].taken_on if earlier else meter.installed_on
    for index, (before, now) in enumerate(zip(previous, values, strict=True), start=1):
        if now < before and not rollover:  # type: ignore[operator]
            below = (f"T{index}: {now} is below {before} from the reading of {previous_date.isoformat()}."
                     if earlier else f"T{index}: {now} is below {before} from the installation act.")
            hint = (f"If the meter went past {'9' * meter.digits} and started again from zero, confirm a rollover; "
                    "if the meter was replaced, record the replacement; otherwise please check the value.")
            found = consumption_figures(meter, earlier, previous, taken_on, values, rollover=True)
            raise ConfirmationRequired("rollover", f"{below} {hint}", field=f"t{index}", figures=found)
    if later:
        following = later[0]
        for index, (now, after) in enumerate(zip(values, _values(following, zones), strict=True), start=1):
            if after < now and not following.rollover:
                raise InvalidInput(
                    f"T{index}: {now} is above {after} from the later reading of "
                    f"{following.taken_on.isoformat()}; please check the value.",
                    field=f"t{index}",
                )
    if confirm:
        return previous
    found = consumption_figures(meter, earlier, previous, taken_on, values, rollover=rollover)
    if found.likely_mistake:
        monthly = found.usual_monthly or Decimal(0)
        raise ConfirmationRequired(
            "jump",
            f"This reading means {found.total} kWh since {previous_date.isoformat()}, over {JUMP_FACTOR} times the "
            f"usual {monthly.quantize(Decimal(1))} kWh a month. Please check the values, and confirm if they "
            "are right.",
            field="values", figures=found,
        )
    return previous


def usual_monthly(meter: Meter, earlier: list[Reading]) -> Decimal | None:
    """The meter's average kWh a month from its installation to the last of `earlier` (its readings in force,
    in date order); None while there are fewer than MIN_HISTORY_READINGS of them or they show no consumption."""
    if len(earlier) < MIN_HISTORY_READINGS:
        return None
    zones = TariffPlan(meter.plan).zone_count
    history_days = (earlier[-1].taken_on - meter.installed_on).days
    points = [_initial(meter, zones), *(_values(r, zones) for r in earlier)]
    history_kwh = sum(
        stored_zone_consumption(before, after, meter.digits)
        for a, b in pairwise(points)
        for before, after in zip(a, b, strict=True)
    )
    if history_days <= 0 or history_kwh <= 0:
        return None
    return Decimal(history_kwh) / history_days * DAYS_PER_MONTH


def consumption_figures(meter: Meter, earlier: list[Reading], previous: tuple[int, ...], taken_on: date,
            values: tuple[int, ...], *, rollover: bool) -> ConsumptionFigures:
    """What storing `values` on `taken_on` after `previous` (the last of `earlier`, or the installation act)
    would record, against the meter's usual month: over JUMP_FACTOR usual months per month is a likely mistake."""
    since = earlier[-1].taken_on if earlier else meter.installed_on
    kwh = consumption(previous, values, meter.digits, rollover)
    monthly = usual_monthly(meter, earlier)
    months = max(Decimal(1), Decimal((taken_on - since).days) / DAYS_PER_MONTH)
    return ConsumptionFigures(
        zones=TariffPlan(meter.plan).zones, since=since, previous=previous, values=values, kwh=kwh,
        usual_monthly=monthly, likely_mistake=monthly is not None and sum(kwh) > JUMP_FACTOR * monthly * months,
    )


def _store(
    session: Session, account: Account, taken_on: date, values_text: str | list[str] | tuple[int, ...], *,
    today: date, serial: str | None, replace: bool, rollover: bool, confirm: bool,
    exclude: set[int], source: str,
) -> tuple[Reading, Reading | None]:
    """Check and insert a reading; return it and the reading for the same period it supersedes."""
    validation.not_in_future(taken_on, today)
    meter = meter_on(session, account, taken_on, serial)
    zones = TariffPlan(meter.plan).zone_count
    values = validation.zone_values(values_text, zones, meter.digits)
    period = str(period_of(taken_on))
    others = _active(session, meter, exclude)
    same_period = [r for r in others if r.period == period and not r.is_final]
    existing = same_period[0] if same_period else None
    if existing is not None and not replace:
        raise ConfirmationRequired(
            "replace",
            f"There is already a reading for {period} (dated {existing.taken_on.isoformat()}: "
            f"{', '.join(str(v) for v in _values(existing, zones))}). Replace it with the new one? "
            "The old one stays in the history.",
            field="date",
        )
    if existing is not None:
        others = [r for r in others if r.id != existing.id]
    previous = _check_neighbours(meter, zones, taken_on, values, others, rollover, confirm)
    now = datetime.now()
    padded = (*values, None, None)
    reading = Reading(
        meter_id=meter.id, period=period, taken_on=taken_on, t1=padded[0], t2=padded[1], t3=padded[2],
        rollover=rollover and any(v < p for v, p in zip(values, previous, strict=True)),
        is_final=False, status=ReadingStatus.ACTIVE, source=source, created_at=now,
    )
    if existing is not None:
        _retire(existing, ReadingStatus.SUPERSEDED, now)
        session.flush()  # retire before inserting: one active reading per period at any moment
    session.add(reading)
    session.flush()
    if existing is not None:
        existing.replaced_by_id = reading.id
    return reading, existing


def _retire(reading: Reading, status: str, now: datetime) -> None:
    reading.status = status
    reading.ended_at = now


def add_reading(
    session: Session, account: Account, taken_on: date, values: str | list[str] | tuple[int, ...], *,
    today: date, serial: str | None = None, replace: bool = False, rollover: bool = False,
    confirm: bool = False, source: str = "keyboard",
) -> ReadingInfo:
    reading, replaced = _store(
        session, account, taken_on, values, today=today, serial=serial, replace=replace,
        rollover=rollover, confirm=confirm, exclude=set(), source=source,
    )
    session.add(Change(at=reading.created_at, action="replace" if replaced else "add",
                       reading_id=reading.id, previous_id=replaced.id if replaced else None))
    return reading_info(reading, TariffPlan(reading.meter.plan).zone_count)


def _reading_of(session: Session, account: Account, reading_id: int) -> Reading:
    reading = session.get(Reading, reading_id)
    if reading is None or reading.meter.account_id != account.id or reading.status != ReadingStatus.ACTIVE:
        raise NotFound(f"There is no reading {reading_id} in force for the account {account.number}.",
                       field="reading")
    if reading.is_final:
        raise InvalidInput("A replaced meter's final reading is part of the replacement and cannot be changed "
                           "here.", field="reading")
    return reading


def edit_reading(
    session: Session, account: Account, reading_id: int, taken_on: date,
    values: str | list[str] | tuple[int, ...], *, today: date, rollover: bool = False, confirm: bool = False,
) -> ReadingInfo:
    """Correct a reading: the corrected version replaces it, the old values stay in the history."""
    old = _reading_of(session, account, reading_id)
    meter = old.meter
    _retire(old, ReadingStatus.EDITED, datetime.now())
    session.flush()
    new, _ = _store(
        session, account, taken_on, values, today=today, serial=meter.serial, replace=False,
        rollover=rollover, confirm=confirm, exclude={old.id}, source=old.source,
    )
    old.replaced_by_id = new.id
    session.add(Change(at=new.created_at, action="edit", reading_id=new.id, previous_id=old.id))
    return reading_info(new, TariffPlan(new.meter.plan).zone_count)


def delete_reading(session: Session, account: Account, reading_id: int) -> ReadingInfo:
    reading = _reading_of(session, account, reading_id)
    now = datetime.now()
    _retire(reading, ReadingStatus.DELETED, now)
    session.add(Change(at=now, action="delete", reading_id=None, previous_id=reading.id))
    return reading_info(reading, TariffPlan(reading.meter.plan).zone_count)


def _last_change(session: Session) -> Change | None:
    return session.scalar(select(Change).where(Change.undone_at.is_(None)).order_by(Change.id.desc()).limit(1))


def last_change(session: Session) -> ChangeInfo | None:
    """What `undo_last` would undo now (None: nothing), so a front end can say what it would take back."""
    change = _last_change(session)
    if change is None:
        return None
    reading = session.get(Reading, change.reading_id) if change.reading_id is not None else None
    return ChangeInfo(change.id, change.action,
                      reading_info(reading, TariffPlan(reading.meter.plan).zone_count) if reading else None)


def undo_last(session: Session, expected: int | None = None) -> str:
    """Undo the journal's last change to readings; returns what was undone ("add", "edit", ...). With `expected`
    (a ChangeInfo's id) nothing is undone when the last change is another one by now."""
    change = _last_change(session)
    if change is None:
        raise InvalidInput("There is nothing to undo.", field="undo")
    if expected is not None and change.id != expected:
        raise InvalidInput("The journal changed in the meantime; nothing was undone. Please try again.",
                           field="undo")
    if change.action == "replace-meter":
        raise InvalidInput("The last change is a meter replacement, which cannot be undone here.", field="undo")
    if change.action == "change-plan":
        raise InvalidInput("The last change is a tariff plan change, which cannot be undone here.", field="undo")
    now = datetime.now()
    if change.reading_id is not None:
        _retire(session.get_one(Reading, change.reading_id), ReadingStatus.UNDONE, now)
        session.flush()
    if change.previous_id is not None:
        previous = session.get_one(Reading, change.previous_id)
        previous.status = ReadingStatus.ACTIVE
        previous.ended_at = None
        previous.replaced_by_id = None
    change.undone_at = now
    session.flush()
    return change.action
