"""Meters (приборы учёта): installation from the act's values, and replacement."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal import validation
from journal.consumption import zone_values
from journal.errors import ConfirmationKind, ConfirmationRequired, InvalidInput, NotFound
from journal.messages import ZoneNumber, msg
from journal.periods import period_of
from journal.reading_checks import check_plausible, consumption_figures
from journal.records import MeterInfo
from journal.storage.models import Account, Change, Meter, Reading, ReadingStatus
from journal.zones import TariffPlan


def meter_info(meter: Meter) -> MeterInfo:
    plan = TariffPlan(meter.plan)
    return MeterInfo(
        id=meter.id,
        account_id=meter.account_id,
        serial=meter.serial,
        digits=meter.digits,
        plan=plan,
        installed_on=meter.installed_on,
        initial=(meter.initial_t1, meter.initial_t2, meter.initial_t3)[:plan.zone_count],  # type: ignore[arg-type]
        verified_year=meter.verified_year,
        next_verification_year=meter.next_verification_year,
        removed_on=meter.removed_on,
    )


def current_meter(session: Session, account: Account) -> Meter:
    meter = session.scalar(
        select(Meter).where(Meter.account_id == account.id, Meter.removed_on.is_(None))
    )
    if meter is None:
        raise no_meter_in_use(account.number)
    return meter


def meter_in_use(meters: list[MeterInfo], number: str) -> MeterInfo:
    """The account's meter in use among its meters (`list_meters`); NotFound when it has none."""
    meter = next((m for m in reversed(meters) if m.active), None)
    if meter is None:
        raise no_meter_in_use(number)
    return meter


def no_meter_in_use(number: str) -> NotFound:
    return NotFound(msg("The account {number} has no meter yet. Add it from its installation act (meter add).",
                        number=number), field="meter")


def list_meters(session: Session, account: Account) -> list[MeterInfo]:
    meters = session.scalars(select(Meter).where(Meter.account_id == account.id).order_by(Meter.installed_on))
    return [meter_info(m) for m in meters]


def act_values(text: str | list[str], zones: int, digits: int, field: str) -> tuple[int, ...]:
    """Zone values of an act, with errors pointing at the act's field (and its zone: "initial-t2")."""
    try:
        return validation.zone_values(text, zones, digits)
    except InvalidInput as exc:
        zone = f"-{exc.field}" if exc.field in {"t1", "t2", "t3"} else ""
        raise InvalidInput(exc.text, field=field + zone) from None


def _new_meter(
    account: Account, plan: TariffPlan, serial: str, digits: int | str, installed_on: date,
    initial: str | list[str], today: date, verified_year: int | None, next_verification_year: int | None,
) -> Meter:
    # Checked in the order of the form (number, digits, date, the act's values): the first refusal is the one
    # next to the first field a person left wrong.
    serial_number = validation.serial(serial)
    digit_count = validation.digits(digits)
    validation.not_in_future(installed_on, today, field="installed")
    values = act_values(initial, plan.zone_count, digit_count, "initial")
    padded = (*values, None, None)
    return Meter(
        account_id=account.id,
        serial=serial_number,
        digits=digit_count,
        plan=plan.value,
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
    """Install the account's first meter from its installation act; it counts by the account's plan."""
    if session.scalar(select(Meter.id).where(Meter.account_id == account.id)) is not None:
        raise InvalidInput(
            msg(
                "The account {number} already has a meter; to change it, record a replacement (meter replace).",
                number=account.number,
            ),
            field="meter",
        )
    meter = _new_meter(account, TariffPlan(account.plan), serial, digits, installed_on, initial, today,
                       verified_year, next_verification_year)
    session.add(meter)
    session.flush()
    return meter_info(meter)


def _close(session: Session, old: Meter, old_final: str | list[str], on: date, rollover: bool, *,
           replacing: bool, confirm: bool) -> None:
    """Close the current meter record with its final values, dated `on` (the new record's start); their
    consumption is checked as a typed reading's is (a jump, or more than a home uses, needs `confirm`)."""
    zones = TariffPlan(old.plan).zone_count
    final = act_values(old_final, zones, old.digits, "old-final")
    earlier = list(session.scalars(
        select(Reading)
        .where(Reading.meter_id == old.id, Reading.status == ReadingStatus.ACTIVE)
        .order_by(Reading.taken_on, Reading.id)
    ))
    last = earlier[-1] if earlier else None
    previous_date = last.taken_on if last else old.installed_on
    if on <= previous_date:
        raise InvalidInput(
            msg(
                "The new meter must be installed after the old meter's last reading or installation "
                "({previous_date}).",
                previous_date=previous_date,
            ) if replacing else
            msg(
                "The new plan must start after the meter's last reading or installation ({previous_date}).",
                previous_date=previous_date,
            ),
            field="installed" if replacing else "on",
        )
    previous = zone_values((last.t1, last.t2, last.t3)[:zones] if last
                           else (old.initial_t1, old.initial_t2, old.initial_t3)[:zones])
    for index, (before, after) in enumerate(zip(previous, final, strict=True), start=1):
        if after < before and not rollover:
            raise ConfirmationRequired(
                ConfirmationKind.ROLLOVER,
                msg(
                    "The old meter's final value {after} for {zone} is below its previous reading {before}. "
                    "Confirm a rollover if its drum went past all nines, or check the value.",
                    after=after,
                    zone=ZoneNumber(index),
                    before=before,
                ) if replacing else
                msg(
                    "The old plan's final value {after} for {zone} is below the previous reading {before}. Confirm "
                    "a rollover if the meter went past all nines, or check the value.",
                    after=after,
                    zone=ZoneNumber(index),
                    before=before,
                ),
                field="old-final", figures=consumption_figures(old, earlier, previous, on, final, rollover=True),
            )
    if not confirm:
        check_plausible(consumption_figures(old, earlier, previous, on, final, rollover=rollover), field="old-final")
    padded = (*final, None, None)
    session.add(
        Reading(
            meter_id=old.id, period=str(period_of(on)), taken_on=on,
            t1=padded[0], t2=padded[1], t3=padded[2], rollover=rollover, is_final=True,
            status=ReadingStatus.ACTIVE, source="keyboard", created_at=datetime.now(),
        )
    )
    old.removed_on = on


def _open(session: Session, account: Account, new: Meter, action: str) -> MeterInfo:
    account.plan = new.plan
    session.add(new)
    session.flush()
    session.add(Change(at=datetime.now(), action=action, reading_id=None, previous_id=None))
    return meter_info(new)


def replace_meter(
    session: Session, account: Account, old_final: str | list[str], serial: str, digits: int | str,
    installed_on: date, initial: str | list[str], *, today: date, rollover: bool = False, confirm: bool = False,
    verified_year: int | None = None, next_verification_year: int | None = None, plan: str | None = None,
) -> MeterInfo:
    """Close the current meter with its final values and start the new one from its act values.

    The old meter's final reading is dated on the new meter's installation day, so consumption
    across the change is (old final − old previous) + (new current − new initial). A new meter may come
    with a new tariff plan (`plan`); the old meter's final values are in its own plan's zones.
    """
    old = current_meter(session, account)
    new_plan = validation.plan(plan) if plan else TariffPlan(old.plan)
    new = _new_meter(account, new_plan, serial, digits, installed_on, initial, today, verified_year,
                     next_verification_year)
    _close(session, old, old_final, installed_on, rollover, replacing=True, confirm=confirm)
    return _open(session, account, new, "replace-meter")


def change_plan(
    session: Session, account: Account, plan: str, changed_on: date, old_final: str | list[str],
    initial: str | list[str], *, today: date, rollover: bool = False, confirm: bool = False,
) -> MeterInfo:
    """Change the account's tariff plan on `changed_on`, keeping the same meter (reprogrammed by the supplier).

    The meter's values that day close the old plan (`old_final`, in the old plan's zones) and open the new one
    (`initial`, in the new plan's zones, from the act or the bill of the change). Consumption before the day
    is priced by the old plan, after it by the new one; the history keeps both.
    """
    old = current_meter(session, account)
    new_plan = validation.plan(plan)
    if new_plan.value == old.plan:
        raise InvalidInput(msg("The account {number} already has this tariff plan; choose another one.",
                               number=account.number), field="plan")
    new = _new_meter(account, new_plan, old.serial, old.digits, changed_on, initial, today, old.verified_year,
                     old.next_verification_year)
    _close(session, old, old_final, changed_on, rollover, replacing=False, confirm=confirm)
    return _open(session, account, new, "change-plan")
