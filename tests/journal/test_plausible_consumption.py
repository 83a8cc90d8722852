"""A consumption no home reaches is asked about while the journal is new (too few readings for a usual month):
on every way a reading enters, on a real SQLite file; refused, nothing changes; confirmed, it is stored. With
enough history the usual month decides, and a big house is not asked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop_app.services.journal_service import JournalService
from journal.errors import ConfirmationRequired, DigitSlip
from journal.reading_checks import HOME_KW
from tests.conftest import ACCOUNT, TODAY, make_household
from tests.journal.test_readings import active, snapshot

ACT = date(2025, 1, 10)  # the household's installation act: 1000 by day, 500 at night
DAY_41 = date(2025, 2, 20)  # 41 days after it


def test_the_first_reading_with_an_extra_digit_is_asked_about(household: JournalService) -> None:
    before = snapshot(household)
    with pytest.raises(ConfirmationRequired) as asked:
        household.add_reading(ACCOUNT, DAY_41, "11000,540")  # 1100 typed as 11000
    question = asked.value
    assert question.kind == "jump" and question.field == "values"
    figures = question.figures
    assert figures is not None and figures.kwh == (10_000, 40) and figures.days == 41 and figures.since == ACT
    assert figures.likely_mistake and figures.usual_monthly is None
    assert figures.beyond_home == 0 and figures.slip is DigitSlip.EXTRA
    assert question.message == (
        "T1: 10000 kWh from 2025-01-10 to 2025-02-20 (41 days) is far more than a home uses. Perhaps a digit too "
        "many: please check the reading 11000. If the values are right, confirm them.")
    assert snapshot(household) == before
    household.add_reading(ACCOUNT, DAY_41, "11000,540", confirm=True)
    assert [r.consumption for r in active(household)] == [(10_000, 40)]


def test_the_limit_is_band_iiis_volume_drawn_every_hour_of_the_zone(household: JournalService) -> None:
    """6,000 kWh a month (where band III begins) as a steady draw, 8.2 kW: over the day zone's 16 hours of 41 days
    5,388 kWh is possible, 5,389 is not; over the night's 8 hours 2,694 and 2,695."""
    assert int(HOME_KW * 16 * 41) == 5388 and int(HOME_KW * 8 * 41) == 2694
    household.add_reading(ACCOUNT, DAY_41, "6388,500")
    household.undo()
    with pytest.raises(ConfirmationRequired, match="T1: 5389 kWh"):
        household.add_reading(ACCOUNT, DAY_41, "6389,500")
    household.add_reading(ACCOUNT, DAY_41, "1000,3194")
    household.undo()
    with pytest.raises(ConfirmationRequired, match="T2: 2695 kWh"):
        household.add_reading(ACCOUNT, DAY_41, "1000,3195")


def test_the_new_journals_typo_on_the_day_the_window_offers_is_asked(service: JournalService) -> None:
    """Act 1000/500 of 10.10.2026, the reading of today, 28.11.2026 (49 days): 11000 for 1100 is 10,000 kWh by
    day, 204 kWh a day (the 15 kW of a household connection over 16 hours would be 240)."""
    make_household(service, installed=date(2026, 10, 10))
    with pytest.raises(ConfirmationRequired, match=r"T1: 10000 kWh from 2026-10-10 to 2026-11-28 \(49 days\)"):
        service.add_reading(ACCOUNT, TODAY, "11000,540")
    with pytest.raises(ConfirmationRequired, match="T2: 10500 kWh"):  # and 11000 for 1100 at night
        service.add_reading(ACCOUNT, TODAY, "1100,11000")
    service.add_reading(ACCOUNT, TODAY, "1100,540")  # as meant: 100 and 40 kWh
    assert [r.consumption for r in active(service)] == [(100, 40)]


def test_a_replacement_and_a_correction_of_the_same_month_are_asked_too(service: JournalService) -> None:
    """The try-out's journal: act 1050/530 of 05.11, reading 1100/540 of 30.11; then 1200 by day and 11000 (for
    1100) at night."""
    make_household(service, initial="1050,530", installed=date(2025, 11, 5))
    first = service.add_reading(ACCOUNT, date(2025, 11, 20), "1100,540").result
    before = snapshot(service)
    with pytest.raises(ConfirmationRequired) as replaced:
        service.add_reading(ACCOUNT, date(2025, 11, 22), "1200,11000", replace=True)
    assert replaced.value.kind == "jump"
    assert replaced.value.figures.kwh == (150, 10_470) and replaced.value.figures.beyond_home == 1
    assert "T2: 10470 kWh from 2025-11-05 to 2025-11-22 (17 days)" in replaced.value.message
    with pytest.raises(ConfirmationRequired) as corrected:
        service.edit_reading(ACCOUNT, first.id, date(2025, 11, 20), "1200,11000")
    assert corrected.value.kind == "jump" and corrected.value.figures.kwh == (150, 10_470)
    assert snapshot(service) == before


def test_a_rollover_that_is_a_missing_digit_is_asked_about_its_consumption(household: JournalService) -> None:
    """1910 typed as 910 after the act's 1000: as a rollover of a six-digit drum that is 999,910 kWh."""
    before = snapshot(household)
    with pytest.raises(ConfirmationRequired) as rollover:
        household.add_reading(ACCOUNT, DAY_41, "910,540")
    figures = rollover.value.figures
    assert rollover.value.kind == "rollover" and figures.kwh == (999_910, 40)
    assert figures.likely_mistake and figures.beyond_home == 0 and figures.slip is DigitSlip.MISSING
    with pytest.raises(ConfirmationRequired) as jump:  # the rollover confirmed: its consumption still asked
        household.add_reading(ACCOUNT, DAY_41, "910,540", rollover=True)
    assert jump.value.kind == "jump" and "999910 kWh" in jump.value.message
    assert "Perhaps a digit is missing: please check the reading 910." in jump.value.message
    assert snapshot(household) == before
    household.add_reading(ACCOUNT, DAY_41, "910,540", rollover=True, confirm=True)
    assert active(household)[0].consumption == (999_910, 40)


def test_a_real_rollover_is_not_asked_about(service: JournalService) -> None:
    make_household(service, initial="999000,500")
    service.add_reading(ACCOUNT, DAY_41, "1100,540", rollover=True)  # 2100 kWh in 41 days: a home's
    assert active(service)[0].consumption == (2100, 40)


def test_a_big_house_is_asked_while_new_then_its_usual_month_decides(service: JournalService) -> None:
    """A house with electric heating, about 5,000 kWh a month: a first reading of 12,000 kWh in a month is more
    than band III's volume and is asked; once its usual month is known, a cold month of 12,000 is not."""
    make_household(service, plan="single", initial="1000")
    with pytest.raises(ConfirmationRequired, match="12000 kWh from 2025-01-10 to 2025-02-10"):
        service.add_reading(ACCOUNT, date(2025, 2, 10), "13000")
    service.add_reading(ACCOUNT, date(2025, 2, 10), "6000")
    service.add_reading(ACCOUNT, date(2025, 3, 10), "11000")
    service.add_reading(ACCOUNT, date(2025, 4, 10), "23000")  # 12,000 kWh in 31 days: 387 a day, over twice usual
    assert [r.consumption for r in active(service)] == [(5000,), (5000,), (12_000,)]


def test_a_house_with_history_but_no_consumption_yet_is_checked_absolutely(service: JournalService) -> None:
    """A summer house: two readings, nothing used; no usual month, so the household limit applies."""
    make_household(service, plan="single", initial="1000")
    service.add_reading(ACCOUNT, date(2025, 2, 10), "1000")
    service.add_reading(ACCOUNT, date(2025, 3, 10), "1000")
    with pytest.raises(ConfirmationRequired, match="Perhaps a digit too many: please check the reading 20100"):
        service.add_reading(ACCOUNT, date(2025, 4, 10), "20100")  # 2010 typed with a 0 more: 19,100 kWh


def test_an_import_is_refused_whole_with_the_line_and_taken_when_confirmed(household: JournalService,
                                                                           tmp_path: Path) -> None:
    table = tmp_path / "readings.csv"
    table.write_text("account,meter,date,t1,t2,t3\n"
                     f"{ACCOUNT},11712434,2025-02-20,1100,540,\n"
                     f"{ACCOUNT},11712434,2025-03-20,12000,560,\n", encoding="utf-8")
    before = snapshot(household)
    with pytest.raises(ConfirmationRequired) as asked:
        household.import_csv(table)
    assert asked.value.kind == "jump" and asked.value.field == "file"
    assert asked.value.message.startswith("Line 3: T1: 10900 kWh from 2025-02-20 to 2025-03-20 (28 days)")
    assert snapshot(household) == before  # all or nothing: the first line is not kept either
    assert household.import_csv(table, confirm=True).result == 2
    assert [r.consumption for r in active(household)] == [(100, 40), (10_900, 20)]


def test_a_replaced_meters_final_reading_is_asked_about(household: JournalService) -> None:
    before = snapshot(household)
    with pytest.raises(ConfirmationRequired) as asked:
        household.replace_meter(ACCOUNT, "11000,540", "NEW-7", 7, DAY_41, "0,0")
    assert asked.value.kind == "jump" and asked.value.field == "old-final"
    assert asked.value.figures.kwh == (10_000, 40)
    assert snapshot(household) == before
    household.replace_meter(ACCOUNT, "11000,540", "NEW-7", 7, DAY_41, "0,0", confirm=True)
    assert household.meters(ACCOUNT)[-1].serial == "NEW-7"


def test_a_plan_changes_closing_values_are_asked_about(household: JournalService) -> None:
    before = snapshot(household)
    with pytest.raises(ConfirmationRequired) as asked:
        household.change_plan(ACCOUNT, "single", DAY_41, "1100,5500", "6600")
    assert asked.value.kind == "jump" and asked.value.figures.beyond_home == 1
    assert snapshot(household) == before
    household.change_plan(ACCOUNT, "single", DAY_41, "1100,5500", "6600", confirm=True)
    assert household.account(ACCOUNT).plan == "single"
