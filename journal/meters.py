"""Meters (приборы учёта): installation from the act's values, and replacement."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal import validation
from journal.errors import ConfirmationRequired, InvalidInput, NotFound
from journal.periods import period_of
from journal.records import MeterInfo
from journal.storage.models import Account, Change, Meter, Reading, ReadingStatus
from journal.zones import TariffPlan


def meter_info(meter: Meter, zones: int) -> MeterInfo:
    return MeterInfo(
        id=meter.id,
        account_id=meter.account_id,
        serial=meter.serial,
        digits=meter.digits,
        installed_on=meter.installed_on,
        initial=(meter.initial_t1, meter.initial_t2, meter.initial_t3)[:zones],  # type: ignore[arg-type]
        verified_year=meter.verified_year,
        next_verification_year=meter.next_verification_year,
        removed_on=meter.removed_on,
    )


def current_meter(session: Session, account: Account) -> Meter:
    meter = session.scalar(
        select(Meter).where(Meter.account_id == account.id, Meter.removed_on.is_(None))
    )
    if meter is None:
        raise NotFound(
            f"The account {account.number} has no meter yet. Add it from its installation act (meter add).",
            field="meter",
        )
    return meter


def list_meters(session: Session, account: Account) -> list[MeterInfo]:
    zones = TariffPlan(account.plan).zone_count
    meters = session.scalars(select(Meter).where(Meter.account_id == account.id).order_by(Meter.installed_on))
    return [meter_info(m, zones) for m in meters]


def _values_for(text: str | list[str], zones: int, digits: int, field: str) -> tuple[int, ...]:
    """Zone values of an act, with errors pointing at the act's field rather than a reading's zone."""
    try:
        return validation.zone_values(text, zones, digits)
    except InvalidInput as exc:
        raise InvalidInput(exc.message, field=field) from None


def _new_meter(
    account: Account, serial: str, digits: int | str, installed_on: date, initial: str | list[str],
    today: date, verified_year: int | None, next_verification_year: int | None,
) -> Meter:
    digit_count = validation.digits(digits)
    validation.not_in_future(installed_on, today, field="installed")
    values = _values_for(initial, TariffPlan(account.plan).zone_count, digit_count, "initial")
    padded = (*values, None, None)
    return Meter(
        account_id=account.id,
        serial=validation.serial(serial),
        digits=digit_count,
        installed_on=installed_on,
        initial_t1=padded[0],
        initial_t2=padded[1],
        initial_t3=padded[2],
        verified_year=validation.verification_year(verified_year, "verified"),
        next_verification_year=validation.verification_year(next_verification_year, "next-verification"),
        created_at=datetime.now(),
    )


def add_meter(
    session: Session, account: Account, serial: str, digits: int | str, installed_on: date,
    initial: str | list[str], *, today: date, verified_year: int | None = None,
    next_verification_year: int | None = None,
) -> MeterInfo:
    """Install the account's first meter from its installation act."""
    if session.scalar(select(Meter.id).where(Meter.account_id == account.id)) is not None:
        raise InvalidInput(
            f"The account {account.number} already has a meter; to change it, record a replacement "
            "(meter replace).",
            field="meter",
        )
    meter = _new_meter(account, serial, digits, installed_on, initial, today, verified_year, next_verification_year)
    session.add(meter)
    session.flush()
    return meter_info(meter, TariffPlan(account.plan).zone_count)


def replace_meter(
    session: Session, account: Account, old_final: str | list[str], serial: str, digits: int | str,
    installed_on: date, initial: str | list[str], *, today: date, rollover: bool = False,
    verified_year: int | None = None, next_verification_year: int | None = None,
) -> MeterInfo:
    """Close the current meter with its final values and start the new one from its act values.

    The old meter's final reading is dated on the new meter's installation day, so consumption
    across the change is (old final − old previous) + (new current − new initial).
    """
    old = current_meter(session, account)
    zones = TariffPlan(account.plan).zone_count
    final = _values_for(old_final, zones, old.digits, "old-final")
    new = _new_meter(account, serial, digits, installed_on, initial, today, verified_year, next_verification_year)
    last = session.scalar(
        select(Reading)
        .where(Reading.meter_id == old.id, Reading.status == ReadingStatus.ACTIVE)
        .order_by(Reading.taken_on.desc(), Reading.id.desc())
        .limit(1)
    )
    previous_date = last.taken_on if last else old.installed_on
    if installed_on <= previous_date:
        raise InvalidInput(
            f"The new meter must be installed after the old meter's last reading or installation "
            f"({previous_date.isoformat()}).",
            field="installed",
        )
    previous = (last.t1, last.t2, last.t3)[:zones] if last else (old.initial_t1, old.initial_t2, old.initial_t3)[:zones]
    for index, (before, after) in enumerate(zip(previous, final, strict=True), start=1):
        if after < before and not rollover:  # type: ignore[operator]
            raise ConfirmationRequired(
                "rollover",
                f"The old meter's final value {after} for T{index} is below its previous reading {before}. "
                "Confirm a rollover if its drum went past all nines, or check the value.",
                field="old-final",
            )
    now = datetime.now()
    padded = (*final, None, None)
    session.add(
        Reading(
            meter_id=old.id, period=str(period_of(installed_on)), taken_on=installed_on,
            t1=padded[0], t2=padded[1], t3=padded[2], rollover=rollover, is_final=True,
            status=ReadingStatus.ACTIVE, source="keyboard", created_at=now,
        )
    )
    old.removed_on = installed_on
    session.add(new)
    session.flush()
    session.add(Change(at=now, action="replace-meter", reading_id=None, previous_id=None))
    return meter_info(new, zones)
