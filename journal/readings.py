"""Readings: add, replace for the same period, edit, delete and undo — never losing an old value.

A reading is checked against its neighbours on the same meter (the previous reading or the
installation act, and a later one when history is typed in out of order) before it is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import Dialect, func, select
from sqlalchemy.orm import Session

from journal import meter_acts, outbox, validation
from journal.errors import ConfirmationKind, ConfirmationRequired, InvalidInput, NotFound
from journal.messages import msg
from journal.periods import Period, period_of
from journal.reading_checks import (  # noqa: F401 - JUMP_FACTOR and consumption_figures are re-exported
    JUMP_FACTOR,
    Active,
    MeterReadings,
    check_neighbours,
    consumption_figures,
)
from journal.records import ChangeInfo, ReadingInfo
from journal.storage.models import Account, Change, Meter, Reading, ReadingStatus
from journal.zones import TariffPlan

BATCH_ROWS = 5000  # readings an import inserts at a time


def reading_info(reading: Reading, zones: int) -> ReadingInfo:
    return ReadingInfo(
        id=reading.id, meter_id=reading.meter_id, period=reading.period, taken_on=reading.taken_on,
        values=(reading.t1, reading.t2, reading.t3)[:zones],  # type: ignore[arg-type]
        rollover=reading.rollover, is_final=reading.is_final, status=reading.status,
        created_at=reading.created_at, ended_at=reading.ended_at,
    )


def account_meters(session: Session, account: Account) -> list[Meter]:
    """The account's meter records, oldest installation first."""
    return list(session.scalars(select(Meter).where(Meter.account_id == account.id)
                                .order_by(Meter.installed_on, Meter.id)))


def every_account_meters(session: Session) -> dict[int, list[Meter]]:
    """`account_meters` of every account with a meter, read at once (by the account's id)."""
    meters: dict[int, list[Meter]] = {}
    for meter in session.scalars(select(Meter).order_by(Meter.account_id, Meter.installed_on, Meter.id)):
        meters.setdefault(meter.account_id, []).append(meter)
    return meters


def meter_on(session: Session, account: Account, taken_on: date, serial: str | None = None) -> Meter:
    """The account's meter a reading taken on `taken_on` belongs to."""
    return meter_among(account, account_meters(session, account), taken_on, serial)


def meter_among(account: Account, meters: list[Meter], taken_on: date, serial: str | None = None) -> Meter:
    """`meter_on` among the account's meter records already read (`account_meters`)."""
    if serial is not None:
        meters = [m for m in meters if m.serial == serial.strip()]
        if not meters:
            raise NotFound(msg("The account {number} has no meter {serial}.", number=account.number, serial=serial),
                           field="meter")
    if not meters:
        raise NotFound(
            msg(
                "The account {number} has no meter yet. Add it from its installation act (meter add).",
                number=account.number,
            ),
            field="meter",
        )
    for meter in reversed(meters):
        if meter.installed_on < taken_on:
            if meter.removed_on is not None and taken_on >= meter.removed_on:
                if any(m.serial == meter.serial and m.installed_on == meter.removed_on for m in meters):
                    raise InvalidInput(
                        msg(
                            "The tariff plan changed on {removed_on}; that day's values are in the plan change, so a "
                            "reading must be dated after it.",
                            removed_on=meter.removed_on,
                        ),
                        field="date",
                    )
                raise InvalidInput(
                    msg(
                        "The meter {serial} was replaced on {removed_on}; a reading after that belongs to the new "
                        "meter.",
                        serial=meter.serial,
                        removed_on=meter.removed_on,
                    ),
                    field="date",
                )
            return meter
    raise InvalidInput(
        msg(
            "The date {taken_on} is not after the meter's installation on {installed_on}; the installation act "
            "already gives that day's values.",
            taken_on=taken_on,
            installed_on=meters[0].installed_on,
        ),
        field="date",
    )


@lru_cache(maxsize=1024)
def _period(taken_on: date) -> str:
    return str(period_of(taken_on))


class Checked(NamedTuple):
    """A new reading that passed its checks: its values, period, whether it is a rollover, and the reading of
    the same period it replaces (already taken out of the meter's readings)."""

    values: tuple[int, ...]
    period: str
    rollover: bool
    existing: Active | None


def _check(
    others: MeterReadings, taken_on: date, values_text: str | list[str] | tuple[int, ...], *, replace: bool,
    rollover: bool, confirm: bool,
) -> Checked:
    """Every check of a new reading on the meter of `others` (its date is known not to be in the future)."""
    values = validation.zone_values(values_text, others.zones, others.digits)
    period = _period(taken_on)
    existing = others.by_period.get(period)
    if existing is not None and not replace:
        raise ConfirmationRequired(
            ConfirmationKind.REPLACE,
            msg("There is already a reading for {period} (dated {day}: {values}). Replace it with the new one? "
                "The old one stays in the history.", period=Period.parse(period), day=existing.taken_on,
                values=existing.values),
            field="date",
        )
    if existing is not None:
        others.remove(existing)
    previous = check_neighbours(others, taken_on, values, rollover, confirm)
    return Checked(values, period, rollover and any(v < p for v, p in zip(values, previous, strict=True)), existing)


def _insert(session: Session, meter: Meter, taken_on: date, checked: Checked, source: str,
            now: datetime) -> tuple[Reading, Reading | None]:
    """Insert a checked reading, retiring the reading of the same period it replaces; return both."""
    padded = (*checked.values, None, None)
    reading = Reading(  # with its meter: reading.meter is then known without loading it again
        meter_id=meter.id, meter=meter, period=checked.period, taken_on=taken_on, t1=padded[0], t2=padded[1],
        t3=padded[2], rollover=checked.rollover, is_final=False, status=ReadingStatus.ACTIVE, source=source,
        created_at=now,
    )
    existing = None if checked.existing is None else session.get_one(Reading, checked.existing.id)
    if existing is not None:
        _retire(existing, ReadingStatus.SUPERSEDED, now)
        session.flush()  # retire before inserting: one active reading per period at any moment
    session.add(reading)
    session.flush()
    if existing is not None:
        existing.replaced_by_id = reading.id
    return reading, existing


def _store(
    session: Session, account: Account, taken_on: date, values_text: str | list[str] | tuple[int, ...], *,
    today: date, serial: str | None, replace: bool, rollover: bool, confirm: bool,
    exclude: set[int], source: str,
) -> tuple[Reading, Reading | None]:
    """Check and insert a reading; return it and the reading for the same period it supersedes."""
    validation.not_in_future(taken_on, today)
    meter = meter_on(session, account, taken_on, serial)
    zones = TariffPlan(meter.plan).zone_count
    others = MeterReadings.load(session, meter, zones, exclude)
    checked = _check(others, taken_on, values_text, replace=replace, rollover=rollover, confirm=confirm)
    return _insert(session, meter, taken_on, checked, source, datetime.now())


def _retire(reading: Reading, status: str, now: datetime) -> None:
    reading.status = status
    reading.ended_at = now


def _added(reading: Reading, replaced: Reading | None) -> Change:
    """The change log's entry of a reading added (or replacing the one of its period)."""
    return Change(at=reading.created_at, action="replace" if replaced else "add", reading_id=reading.id,
                  previous_id=replaced.id if replaced else None)


def add_reading(
    session: Session, account: Account, taken_on: date, values: str | list[str] | tuple[int, ...], *,
    today: date, serial: str | None = None, replace: bool = False, rollover: bool = False,
    confirm: bool = False, source: str = "keyboard",
) -> ReadingInfo:
    reading, replaced = _store(
        session, account, taken_on, values, today=today, serial=serial, replace=replace,
        rollover=rollover, confirm=confirm, exclude=set(), source=source,
    )
    session.add(_added(reading, replaced))
    return reading_info(reading, TariffPlan(reading.meter.plan).zone_count)


def _reading_of(session: Session, account: Account, reading_id: int) -> Reading:
    reading = session.get(Reading, reading_id)
    if reading is None or reading.meter.account_id != account.id or reading.status != ReadingStatus.ACTIVE:
        raise NotFound(msg(
            "There is no reading {reading_id} in force for the account {number}.",
            reading_id=reading_id,
            number=account.number,
        ),
                       field="reading")
    if reading.is_final:
        raise InvalidInput(msg(
            "A replaced meter's final reading is part of the replacement and cannot be changed here.",
        ), field="reading")
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
        raise InvalidInput(msg("There is nothing to undo."), field="undo")
    if expected is not None and change.id != expected:
        raise InvalidInput(msg("The journal changed in the meantime; nothing was undone. Please try again."),
                           field="undo")
    if change.action == "replace-meter":
        raise InvalidInput(msg("The last change is a meter replacement, which cannot be undone here."), field="undo")
    if change.action == "change-plan":
        raise InvalidInput(msg("The last change is a tariff plan change, which cannot be undone here."), field="undo")
    now = datetime.now()
    if change.action == meter_acts.ACTION:
        meter_acts.undo_correction(session, change)
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


class Written(NamedTuple):
    """A reading `ReadingImport.add` wrote at once, and the reading of its period it replaced."""

    id: int
    replaced: int


class ReadingImport:
    """Many readings added in one transaction (an import), each with every check of `add_reading` and the same
    messages, with the same result in the journal: the same rows, ids and change log, in the same order.

    Unlike calling `add_reading` for each, the accounts' meters and each meter's readings are read once and
    kept up to date here, and the readings are inserted in batches. With `queue`, a reading is queued for the
    portal as `outbox.reading_saved` queues a typed one: when it is its meter's newest reading in force (known
    here) and `outbox.may_queue` lets it through; its submission is inserted with the batch. A reading that
    replaces the one of its period is written at once, as `add_reading` writes it, and `add` returns it, so the
    caller can do for it what it does after `add_reading` (`outbox.reading_saved`). Call `flush()` at the end
    (and before reading readings through the session)."""

    def __init__(self, session: Session, *, today: date, source: str, queue: bool = False) -> None:
        self.session, self.today, self.source, self.queue = session, today, source, queue
        self._meters: dict[int, list[Meter]] | None = None
        self._readings: dict[int, MeterReadings] = {}  # by the meter record's id
        self._with_readings: set[int] | None = None  # the meter records with readings in force (read at once)
        # By account and serial number: the readings of the one meter record that is a match, when it is in place.
        self._only: dict[tuple[Account, str | None], MeterReadings | None] = {}
        self._rows: list[tuple[object, ...]] = []
        self._queued: list[int] = []  # the readings of the batch to queue for the portal, in their order
        self._next_id: int | None = None
        self._in_window: dict[date, bool] = {}  # outbox.in_submit_window's answer per day
        dialect = session.get_bind().dialect
        # The batch goes to the driver as it is: dates and times in the text SQLAlchemy itself stores.
        self._date = _as_stored(Reading.taken_on, dialect, date.isoformat, date(2001, 2, 3))
        self._time = _as_stored(Reading.created_at, dialect, lambda t: t.isoformat(" ", "microseconds"),
                                datetime(2001, 2, 3, 4, 5, 6, 7))

    def meters(self, account: Account) -> list[Meter]:
        """The account's meter records (every account's read at once, when first asked for)."""
        if self._meters is None:
            self._meters = every_account_meters(self.session)
        return self._meters.get(account.id, [])

    def _meter_readings(self, account: Account, taken_on: date, serial: str | None) -> MeterReadings:
        """The readings of the meter (`meter_among`) a reading of `account` dated `taken_on` belongs to."""
        key = (account, serial)
        only = self._only.get(key)
        if only is not None and taken_on > only.installed_on:
            return only  # what meter_among finds when a single meter record, in place, is a match
        meter = meter_among(account, self.meters(account), taken_on, serial)
        others = self._readings.get(meter.id)
        if others is None:
            others = self._readings[meter.id] = self._load(meter)
        if key not in self._only:
            matches = [m for m in self.meters(account) if serial is None or m.serial == serial.strip()]
            self._only[key] = others if matches == [meter] and meter.removed_on is None else None
        return others

    def _load(self, meter: Meter) -> MeterReadings:
        """A meter's readings in force, read once (none read for a meter that has none: an import's usual case)."""
        if self._with_readings is None:  # one look into each meter's readings (by the index on meter and date)
            in_force = select(Reading.id).where(Reading.meter_id == Meter.id, Reading.status == ReadingStatus.ACTIVE)
            self._with_readings = set(self.session.scalars(select(Meter.id).where(in_force.exists())))
        zones = TariffPlan(meter.plan).zone_count
        if meter.id not in self._with_readings:
            return MeterReadings(meter, zones, [])
        return MeterReadings.load(self.session, meter, zones)

    def add(self, account: Account, taken_on: date, values: str | list[str] | tuple[int, ...], *,
            serial: str | None = None, replace: bool = False, rollover: bool = False,
            confirm: bool = False) -> Written | None:
        """Check and add one reading: what was written at once, or None if it waits in the batch."""
        validation.not_in_future(taken_on, self.today)
        others = self._meter_readings(account, taken_on, serial)
        checked = _check(others, taken_on, values, replace=replace, rollover=rollover, confirm=confirm)
        now = datetime.now()
        if checked.existing is not None:
            self.flush()
            reading, replaced = _insert(self.session, others.meter, taken_on, checked, self.source, now)
            self.session.add(_added(reading, replaced))
            self.session.flush()
            self._next_id = None  # the database chose the id
            others.add(Active(reading.id, checked.period, taken_on, checked.values, checked.rollover, False))
            return Written(reading.id, checked.existing.id)
        if self._next_id is None:
            self._next_id = (self.session.scalar(select(func.max(Reading.id))) or 0) + 1
        reading_id, self._next_id = self._next_id, self._next_id + 1
        padded = (*checked.values, None, None)
        self._rows.append((reading_id, others.meter_id, checked.period, self._date(taken_on), padded[0], padded[1],
                           padded[2], checked.rollover, False, ReadingStatus.ACTIVE, self.source, self._time(now)))
        if self.queue and self._may_queue(account, others, taken_on):
            self._queued.append(reading_id)
        others.add(Active(reading_id, checked.period, taken_on, checked.values, checked.rollover, False))
        if len(self._rows) >= BATCH_ROWS:
            self.flush()
        return None

    def _may_queue(self, account: Account, others: MeterReadings, taken_on: date) -> bool:
        """Whether a new reading dated `taken_on` (not yet among `others`) is queued: the meter's newest, and as
        `outbox.may_queue` says."""
        in_window = self._in_window.get(taken_on)
        if in_window is None:
            in_window = self._in_window[taken_on] = outbox.in_submit_window(taken_on, self.today)
        return (in_window and others.position(taken_on) == len(others.items)
                and outbox.may_queue(account, others.meter, taken_on, self.today))

    def flush(self) -> None:
        """Insert the readings waiting in the batch, with their change log entries ("add"), in their order, then
        the submissions of those to queue."""
        self.session.flush()  # what the ORM holds goes first, as it came first
        if not self._rows:
            return
        rows, self._rows = self._rows, []
        connection = self.session.connection()
        connection.exec_driver_sql(_INSERT_READING, rows)
        connection.exec_driver_sql(_INSERT_ADDED, (rows[0][0], rows[-1][0]))  # the batch's ids follow each other
        queued, self._queued = self._queued, []
        outbox.queue_new(self.session, queued, datetime.now())


def _as_stored(column: Any, dialect: Dialect, quick: Callable[[Any], str], sample: Any) -> Callable[[Any], object]:
    """How SQLAlchemy writes a column's value for the driver: `quick` when it gives the same text (it is made
    for the batch, SQLAlchemy's own processor is not), else SQLAlchemy's processor."""
    processor = column.type.dialect_impl(dialect).bind_processor(dialect)
    if processor is None:
        return lambda value: value
    return quick if processor(sample) == quick(sample) else processor


_INSERT_READING = ("INSERT INTO readings (id, meter_id, period, taken_on, t1, t2, t3, rollover, is_final, status, "
                   "source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_INSERT_ADDED = ("INSERT INTO changes (at, action, reading_id) SELECT created_at, 'add', id FROM readings "
                 "WHERE id BETWEEN ? AND ? ORDER BY id")
