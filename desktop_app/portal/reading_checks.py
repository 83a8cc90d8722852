"""What the portal's own data say about one reading: is it there already (it arrived), may it be sent (the
portal's previous readings, register by register), is an answer the stored reading, and what to tell when a
reading withdrawn in the journal turns out to have reached the supplier. Pure functions of plain records."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from desktop_app.portal.api import ReadingResult, Register
from journal import outbox
from journal.messages import Message, msg
from journal.outbox import PendingSubmission
from journal.zones import Zone

SAME_DAY = timedelta(hours=14)  # a portal timestamp within this of our day's midnight (UTC) is that day
PHONE_HINT = msg("submit it by phone, {phone} (free)", phone=outbox.CALL_CENTRE_PHONE)

SEND, THERE, REJECT = "send", "there", "reject"


def same_day(moment: datetime | None, day: date) -> bool:
    return moment is not None and abs(moment - datetime(day.year, day.month, day.day)) <= SAME_DAY


def check_time(sub: PendingSubmission, settle: timedelta) -> datetime | None:
    """When a `sending` submission's portal may be asked whether it arrived: `settle` after its last request (the
    claim, or the unconfirmed answer), also after a crash in the middle of it."""
    times = [t for t in (sub.next_attempt_at, sub.updated_at + settle if sub.updated_at else None) if t is not None]
    return max(times) if times else None


def _plain(value: Decimal | None) -> Decimal | str:
    """A portal's value as people write it: 1500, not 1500.000 or 1.5E+3."""
    if value is None:
        return "—"
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def arrived(sub: PendingSubmission, mapping: dict[Zone, Register] | None, registers: list[Register],
            history: list[ReadingResult] | None) -> list[ReadingResult] | None:
    """The portal's results that show this reading arrived, or None. Each of our values must be there, dated on
    our day, in its register (any register when the zones cannot be matched)."""
    found: list[ReadingResult] = []
    for zone, value in zip(sub.plan.zones, sub.values, strict=True):
        register_id = mapping[zone].register_id if mapping else None
        match = None
        for result in history or []:
            if (result.value == value and same_day(result.taken_at, sub.taken_on)
                    and (register_id is None or result.register_id == register_id)):
                match = result
                break
        if match is None:
            for register in registers:
                if (register.previous_value == value and register.previous_date == sub.taken_on
                        and (register_id is None or register.register_id == register_id)):
                    match = ReadingResult("", register.device_id, register.register_id, register.previous_value,
                                          None, None, register.zone_text, "", False)
                    break
        if match is None:
            return None
        found.append(match)
    return found


def precheck(sub: PendingSubmission, mapping: dict[Zone, Register]) -> tuple[str, Message | None]:
    """(SEND, None); (THERE, note) when the portal already holds exactly this reading; or (REJECT, why)."""
    pairs = [(zone, mapping[zone], value) for zone, value in zip(sub.plan.zones, sub.values, strict=True)]
    if all(r.previous_date == sub.taken_on and r.previous_value == v for _, r, v in pairs):
        return THERE, msg("already on the portal")
    for zone, register, value in pairs:
        name = register.zone_text or zone.value
        previous = _plain(register.previous_value)
        if register.previous_date is not None and register.previous_date > sub.taken_on:
            return REJECT, msg(
                "The portal already has a later reading ({later}, {zone}: {previous}) than this one of {day}; it was "
                "not sent.", later=register.previous_date, zone=name, previous=previous, day=sub.taken_on)
        if register.previous_date == sub.taken_on and register.previous_value != value:
            return REJECT, msg(
                "The portal already has a reading of {day} ({zone}: {previous}, yours {value}); a correction cannot "
                "be sent twice for a day: {hint}.", day=sub.taken_on, zone=name, previous=previous, value=value,
                hint=PHONE_HINT)
        if register.previous_value is not None and value < register.previous_value and not sub.rollover:
            if register.previous_date is None:
                return REJECT, msg(
                    "{zone}: {value} is below the portal's previous reading {previous}; check the value and correct "
                    "the reading. It was not sent.", zone=name, value=value, previous=previous)
            return REJECT, msg(
                "{zone}: {value} is below the portal's previous reading {previous} of {day}; check the value and "
                "correct the reading. It was not sent.", zone=name, value=value, previous=previous,
                day=register.previous_date)
    return SEND, None


def confirms(results: list[ReadingResult], device_id: str, values: list[tuple[str, int]], day: date) -> bool:
    """The POST's answer is the created entity: this device, each register with the value sent, on our day."""
    if not results:
        return False
    got = sorted((r.register_id, r.value) for r in results)
    wanted = sorted((register_id, Decimal(value)) for register_id, value in values)
    return (got == wanted and all(r.device_id.lstrip("0") == device_id.lstrip("0") for r in results)
            and all(r.taken_at is None or same_day(r.taken_at, day) for r in results))


def delivered_before_withdrawal(sub: PendingSubmission, how: str) -> Message:
    """What to tell when a reading withdrawn in the journal turns out to have reached the supplier."""
    what = msg("The reading of {day} for the account {account} ({values})", day=sub.taken_on, account=sub.account,
               values=", ".join(map(str, sub.values)))
    if how in ("edited", "superseded"):
        return msg("{reading} had reached the supplier before it was corrected in the journal; the supplier keeps it. "
                   "The corrected reading is sent where the portal allows it; a second reading for the same day is "
                   "not accepted: then {hint}.", reading=what, hint=PHONE_HINT)
    return msg("{reading} had reached the supplier before it was removed from the journal; the supplier keeps it. "
               "To withdraw it, call the supplier: {phone} (free).", reading=what, phone=outbox.CALL_CENTRE_PHONE)
