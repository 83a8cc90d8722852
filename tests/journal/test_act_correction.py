"""Correcting a meter's installation act typed wrong: the checks of a new act, then the readings that follow it; a
refusal changes nothing (every row of the file compared); undo takes a correction back."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from desktop_app.services.changes import Changes
from desktop_app.services.journal_service import JournalService
from journal.errors import InvalidInput
from tests.conftest import ACCOUNT, TODAY, make_household
from tests.journal.test_readings import active, snapshot


@pytest.fixture
def mistyped(service: JournalService) -> JournalService:
    """The act's 1000 typed as 10005; the first reading, 1150, confirmed as a rollover of the drum (and its
    991 145 kWh, more than a home uses, confirmed too)."""
    make_household(service, initial="10005,500")
    service.add_reading(ACCOUNT, date(2025, 2, 20), "1150,600", rollover=True, confirm=True)
    return service


def test_a_mistyped_act_is_corrected_and_the_consumption_follows(mistyped: JournalService) -> None:
    assert [r.consumption for r in active(mistyped)] == [(991145, 100)]
    done = mistyped.correct_act(ACCOUNT, initial="1000,500")
    assert done.result.initial == (1000, 500)
    assert done.changes == Changes(accounts=True, readings=frozenset({ACCOUNT}))
    (row,) = active(mistyped)
    assert row.consumption == (150, 100)
    assert not row.rollover  # no longer a rollover: the act is below it
    assert mistyped.meters(ACCOUNT)[0].serial == "11712434"  # only what was given changed


def test_undo_brings_the_act_back(mistyped: JournalService) -> None:
    before = snapshot(mistyped)
    mistyped.correct_act(ACCOUNT, serial="11712435", digits=7, installed_on=date(2025, 1, 9), initial="1000,500")
    meter = mistyped.meters(ACCOUNT)[0]
    assert (meter.serial, meter.digits, meter.installed_on, meter.initial) == (
        "11712435", 7, date(2025, 1, 9), (1000, 500))
    assert mistyped.last_change().action == "correct-act"  # type: ignore[union-attr]
    done = mistyped.undo()
    assert done.result == "correct-act" and done.changes.accounts
    meter = mistyped.meters(ACCOUNT)[0]
    assert (meter.serial, meter.digits, meter.installed_on, meter.initial) == (
        "11712434", 6, date(2025, 1, 10), (10005, 500))
    assert [r.consumption for r in active(mistyped)] == [(991145, 100)]
    assert active(mistyped)[0].rollover
    after = [row for row in snapshot(mistyped) if row[0] not in {"changes", "act_corrections"}]
    assert after == [row for row in before if row[0] not in {"changes", "act_corrections"}]


def test_the_act_value_above_a_first_reading_that_is_no_rollover_is_refused(household: JournalService) -> None:
    household.add_reading(ACCOUNT, date(2025, 2, 20), "1150,600")
    before = snapshot(household)
    with pytest.raises(InvalidInput) as error:
        household.correct_act(ACCOUNT, initial="1000,700")
    assert error.value.field == "initial-t2"
    assert "2025-02-20" in error.value.message and "600" in error.value.message
    assert "not a rollover" in error.value.message
    assert snapshot(household) == before


@pytest.mark.parametrize(("change", "field", "words"), [
    ({"installed_on": date(2025, 2, 20)}, "installed", "first reading is of 2025-02-20"),
    ({"installed_on": date(2025, 3, 1)}, "installed", "first reading is of 2025-02-20"),
    ({"installed_on": date(TODAY.year + 1, 1, 1)}, "installed", "in the future"),
    ({"digits": 3}, "digits", "4 to 9 whole digits"),
    ({"digits": 4}, "digits", "reading of 2025-02-20 (12000, 600) has more than 4 digits"),
    ({"serial": "№ ?!"}, "serial", "is not valid"),
    ({"initial": "1000,5,7"}, "initial", "two values"),
    ({"initial": "1000,5x"}, "initial-t2", "without letters"),
    ({"initial": "1000,500"}, "act", "already has these values"),
])
def test_a_refused_correction_changes_nothing(household: JournalService, change: dict, field: str,
                                              words: str) -> None:
    household.add_reading(ACCOUNT, date(2025, 2, 20), "12000,600", confirm=True)  # five digits: 11 000 kWh, confirmed
    before = snapshot(household)
    with pytest.raises(InvalidInput) as error:
        household.correct_act(ACCOUNT, **change)
    assert error.value.field == field
    assert words in error.value.message
    assert snapshot(household) == before


def test_the_serial_stays_once_a_reading_went_to_the_portal(household: JournalService) -> None:
    reading = household.add_reading(ACCOUNT, date(2026, 11, 20), "1150,600").result
    connection = sqlite3.connect(household.path)
    with connection:  # what the sync writes when the portal stored the reading
        connection.execute("UPDATE submissions SET status = 'sent' WHERE reading_id = ?", (reading.id,))
    connection.close()
    before = snapshot(household)
    with pytest.raises(InvalidInput) as error:
        household.correct_act(ACCOUNT, serial="11712435")
    assert error.value.field == "serial"
    assert "2026-11-20" in error.value.message and "portal" in error.value.message
    assert snapshot(household) == before
    household.correct_act(ACCOUNT, initial="1000,400")  # the rest of the act may still be corrected
    assert household.meters(ACCOUNT)[0].initial == (1000, 400)


def test_a_queued_reading_lets_the_serial_be_corrected(household: JournalService) -> None:
    household.add_reading(ACCOUNT, date(2026, 11, 20), "1150,600")
    household.correct_act(ACCOUNT, serial="11712435")
    assert household.meters(ACCOUNT)[0].serial == "11712435"
    assert [r.meter_serial for r in household.history(ACCOUNT)] == ["11712435"]
    connection = sqlite3.connect(household.path)
    # still queued: the sync finds the meter on the portal by the number it has when it sends
    assert connection.execute("SELECT status FROM submissions").fetchall() == [("queued",)]
    connection.close()


def test_a_plan_change_keeps_its_day_and_corrects_the_whole_meter(household: JournalService) -> None:
    household.change_plan(ACCOUNT, "single", date(2025, 3, 1), "1200,600", "1800")
    before = snapshot(household)
    with pytest.raises(InvalidInput) as error:
        household.correct_act(ACCOUNT, installed_on=date(2025, 2, 28))
    assert error.value.field == "installed" and "2025-03-01" in error.value.message
    assert snapshot(household) == before
    household.correct_act(ACCOUNT, serial="11712435", digits=7)
    assert [(m.serial, m.digits) for m in household.meters(ACCOUNT)] == [("11712435", 7), ("11712435", 7)]
    household.undo()
    assert [(m.serial, m.digits) for m in household.meters(ACCOUNT)] == [("11712434", 6), ("11712434", 6)]


def test_the_serial_stays_once_the_portal_has_the_meter(household: JournalService) -> None:
    from datetime import datetime

    from journal.portal_sync import AccountMatch, DeviceMatch, store_matches

    meter = household.meters(ACCOUNT)[0]
    with household.journal.write() as session:  # what a sync stores when it found the meter on the portal
        store_matches(session, [AccountMatch(meter.account_id, "P1", "CA1", None, None, devices=(DeviceMatch(
            meter.id, "D1", None, "11712434", 6, 0, None, None, None, []),))], datetime(2026, 11, 20))
    before = snapshot(household)
    with pytest.raises(InvalidInput) as error:
        household.correct_act(ACCOUNT, serial="11712435")
    assert error.value.field == "serial" and "portal" in error.value.message
    assert snapshot(household) == before
