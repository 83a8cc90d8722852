"""Correcting a meter's installation act (serial number, digits, installation day, the act's values per zone) when
it was typed wrong, and undoing such a correction.

The act is checked as a new meter's is (journal.validation, the same messages), and against what follows it: the
meter's readings. Consumption is computed from the act whenever it is read, so the readings' consumption follows.
The act before the correction is kept (`ActCorrection`), so undo brings it back. The act is never sent to the
portal; a serial number is what the sync finds the meter by, so it is not changed once the portal knows the meter.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal import validation
from journal.errors import InvalidInput
from journal.messages import ZoneNumber, msg
from journal.meters import act_values, current_meter, meter_info
from journal.records import MeterInfo
from journal.storage.models import (
    Account,
    ActCorrection,
    Change,
    Meter,
    Reading,
    ReadingStatus,
    Submission,
    SubmissionStatus,
)
from journal.zones import TariffPlan

ACTION = "correct-act"  # the change log's action
_ON_PORTAL = (SubmissionStatus.SENDING, SubmissionStatus.SENT, SubmissionStatus.ACCEPTED)


def _same_meter(session: Session, meter: Meter) -> list[Meter]:
    """The records of one physical meter, the given one first: a tariff plan change keeps the meter and opens a
    new record of it on the day the previous one closes."""
    records = [meter]
    for earlier in session.scalars(select(Meter).where(Meter.account_id == meter.account_id, Meter.id != meter.id)
                                   .order_by(Meter.installed_on.desc(), Meter.id.desc())):
        last = records[-1]
        if earlier.serial == last.serial and earlier.removed_on == last.installed_on:
            records.append(earlier)
    return records


def _readings(session: Session, meters: list[Meter]) -> list[Reading]:
    """The readings in force of these meter records, oldest first."""
    return list(session.scalars(
        select(Reading).where(Reading.meter_id.in_([m.id for m in meters]), Reading.status == ReadingStatus.ACTIVE)
        .order_by(Reading.taken_on, Reading.id)))


def _values(reading: Reading, zones: int) -> tuple[int, ...]:
    return (reading.t1, reading.t2, reading.t3)[:zones]  # type: ignore[return-value]


def _check_serial(session: Session, meters: list[Meter]) -> None:
    """A serial number may be corrected only while the portal does not know the meter by it."""
    from journal.storage.models import PortalDevice

    ids = [m.id for m in meters]
    sent = session.scalar(
        select(Reading).join(Submission, Submission.reading_id == Reading.id)
        .where(Reading.meter_id.in_(ids), Submission.status.in_(_ON_PORTAL))
        .order_by(Reading.taken_on).limit(1))
    if sent is not None:
        raise InvalidInput(
            msg("The reading of {day} went to the supplier's portal with the meter number {serial}; the portal knows "
                "the meter by it, so the number cannot be changed here. If it is really wrong, call the supplier.",
                day=sent.taken_on, serial=meters[0].serial),
            field="serial")
    if session.scalar(select(PortalDevice.id).where(PortalDevice.meter_id.in_(ids)).limit(1)) is not None:
        raise InvalidInput(
            msg("The supplier's portal has the meter with the number {serial}, so the number is right and cannot be "
                "changed here.", serial=meters[0].serial),
            field="serial")


def correct_act(
    session: Session, account: Account, *, today: date, serial: str | None = None,
    digits: int | str | None = None, installed_on: date | None = None, initial: str | list[str] | None = None,
) -> MeterInfo:
    """Correct the act of the account's meter in use: only what is given changes. Every check of a new meter's
    act, then the readings that follow it; a refusal changes nothing. Recorded in the change log."""
    meter = current_meter(session, account)
    zones = TariffPlan(meter.plan).zone_count
    records = _same_meter(session, meter)
    new_digits = meter.digits if digits is None else validation.digits(digits)
    new_day = meter.installed_on if installed_on is None else validation.not_in_future(installed_on, today,
                                                                                        field="installed")
    old_values = (meter.initial_t1, meter.initial_t2, meter.initial_t3)[:zones]
    new_values = act_values([str(v) for v in old_values] if initial is None else initial, zones, new_digits,
                            "initial")
    new_serial = meter.serial if serial is None else validation.serial(serial)
    if new_serial == meter.serial and new_digits == meter.digits and new_day == meter.installed_on \
            and new_values == old_values:
        raise InvalidInput(msg("The act already has these values; nothing to correct."), field="act")
    if new_serial != meter.serial:
        _check_serial(session, records)
    if new_day != meter.installed_on:
        previous = session.scalar(select(Meter).where(Meter.account_id == meter.account_id,
                                                      Meter.removed_on == meter.installed_on))
        if previous is not None:
            raise InvalidInput(
                msg("The meter record starts on {day}, the day the previous one ended (a meter replacement or a "
                    "tariff plan change); that day cannot be changed here.", day=meter.installed_on),
                field="installed")
    readings = _readings(session, [meter])
    first = readings[0] if readings else None
    if first is not None and new_day >= first.taken_on:
        raise InvalidInput(
            msg("The meter's first reading is of {day} ({values}); the installation must be before that day.",
                day=first.taken_on, values=_values(first, zones)),
            field="installed")
    unmark = False
    if first is not None:
        values = _values(first, zones)
        for index, (act, value) in enumerate(zip(new_values, values, strict=True), start=1):
            if act > value and not first.rollover:
                raise InvalidInput(
                    msg("The act's value {act} for {zone} is above the first reading of {day}, {value}, which is "
                        "not a rollover. Check the act's value, or correct that reading first.",
                        act=act, zone=ZoneNumber(index), day=first.taken_on, value=value),
                    field=f"initial-t{index}")
        unmark = first.rollover and all(a <= v for a, v in zip(new_values, values, strict=True))
    if new_digits < meter.digits:
        for record in records:
            record_zones = TariffPlan(record.plan).zone_count
            record_act = tuple(v for v in (record.initial_t1, record.initial_t2, record.initial_t3)[:record_zones]
                               if v is not None)
            if record is not meter and record_act and max(record_act) >= 10**new_digits:
                raise InvalidInput(
                    msg("The meter's values of {day} ({values}) have more than {digits} digits before the comma.",
                        day=record.installed_on, values=record_act, digits=new_digits),
                    field="digits")
            for reading in _readings(session, [record]):
                values = _values(reading, record_zones)
                if max(values) >= 10**new_digits:
                    raise InvalidInput(
                        msg("The reading of {day} ({values}) has more than {digits} digits before the comma.",
                            day=reading.taken_on, values=values, digits=new_digits),
                        field="digits")
    now = datetime.now()
    change = Change(at=now, action=ACTION, reading_id=None, previous_id=None)
    session.add(change)
    session.flush()
    for record in records if (new_serial != meter.serial or new_digits != meter.digits) else [meter]:
        session.add(ActCorrection(
            change_id=change.id, meter_id=record.id, serial=record.serial, digits=record.digits,
            installed_on=record.installed_on, initial_t1=record.initial_t1, initial_t2=record.initial_t2,
            initial_t3=record.initial_t3,
            rollover_reading_id=first.id if unmark and record is meter and first is not None else None))
        record.serial, record.digits = new_serial, new_digits
    padded = (*new_values, None, None)
    meter.installed_on = new_day
    meter.initial_t1, meter.initial_t2, meter.initial_t3 = padded[0], padded[1], padded[2]  # type: ignore[assignment]
    if unmark and first is not None:
        first.rollover = False  # the act no longer above it: its consumption is no rollover
    session.flush()
    return meter_info(meter)


def undo_correction(session: Session, change: Change) -> None:
    """Bring back the act as it was before the correction `change` (the change log's last)."""
    for row in session.scalars(select(ActCorrection).where(ActCorrection.change_id == change.id)):
        meter = session.get_one(Meter, row.meter_id)
        meter.serial, meter.digits, meter.installed_on = row.serial, row.digits, row.installed_on
        meter.initial_t1, meter.initial_t2, meter.initial_t3 = row.initial_t1, row.initial_t2, row.initial_t3
        if row.rollover_reading_id is not None:
            session.get_one(Reading, row.rollover_reading_id).rollover = True
