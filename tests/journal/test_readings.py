"""Readings: every rule of the journal core and every bad input, on a real SQLite file."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal

import pytest

from desktop_app.services.journal_service import JournalService
from journal.errors import ConfirmationRequired, InvalidInput, NotFound
from journal.periods import Period, period_of
from journal.zones import Zone
from tests.conftest import ACCOUNT, make_household


def snapshot(svc: JournalService) -> list[tuple]:
    """Every row of every table: to prove that a refused action changed nothing."""
    connection = sqlite3.connect(svc.path)
    try:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return [(t, *row) for t in tables for row in connection.execute(f"SELECT * FROM {t} ORDER BY 1")]
    finally:
        connection.close()


def active(svc: JournalService) -> list:
    return [r for r in svc.history(ACCOUNT) if r.status == "active"]


def test_period_cutoff_is_the_25th() -> None:
    assert period_of(date(2026, 3, 25)) == Period(2026, 3)
    assert period_of(date(2026, 3, 26)) == Period(2026, 4)
    assert period_of(date(2026, 12, 31)) == Period(2027, 1)
    assert str(Period.parse("2026-02")) == "2026-02"


def test_first_consumption_counts_from_the_installation_act(household: JournalService) -> None:
    info = household.add_reading(ACCOUNT, date(2025, 2, 20), "1234,567").result
    assert info.period == "2025-02"
    (row,) = active(household)
    assert row.consumption == (234, 67)
    assert row.previous_date == date(2025, 1, 10)


def test_reading_after_the_25th_counts_for_next_month(household: JournalService) -> None:
    assert household.add_reading(ACCOUNT, date(2025, 2, 26), "1100,550").result.period == "2025-03"


def test_consumption_between_consecutive_readings(household: JournalService) -> None:
    household.add_reading(ACCOUNT, date(2025, 2, 20), "1200,600")
    household.add_reading(ACCOUNT, date(2025, 3, 20), "1450,640")
    rows = active(household)
    assert [r.consumption for r in rows] == [(200, 100), (250, 40)]
    months = household.monthly(ACCOUNT)
    assert [(m.period, m.consumption) for m in months] == [("2025-02", (200, 100)), ("2025-03", (250, 40))]


def test_several_accounts_in_one_journal(service: JournalService) -> None:
    make_household(service, plan="single", number="123456", initial="10")
    make_household(service, plan="three-zone", number="12345678901234", initial="1,2,3")
    service.add_reading("123456", date(2025, 2, 1), "20")
    service.add_reading("12345678901234", date(2025, 2, 1), "5,6,7")
    assert [a.number for a in service.list_accounts()] == ["123456", "12345678901234"]
    assert service.history("123456")[0].consumption == (10,)
    assert service.history("12345678901234")[0].consumption == (4, 4, 4)


def test_rollover_only_when_confirmed(household: JournalService) -> None:
    household.add_reading(ACCOUNT, date(2025, 2, 20), "999900,600", confirm=True)  # 998 900 kWh: asked, said yes
    before = snapshot(household)
    with pytest.raises(ConfirmationRequired) as refused:
        household.add_reading(ACCOUNT, date(2025, 3, 20), "150,700")
    assert refused.value.kind == "rollover" and refused.value.field == "t1"
    assert snapshot(household) == before
    household.add_reading(ACCOUNT, date(2025, 3, 20), "150,700", rollover=True)
    last = active(household)[-1]
    assert last.consumption == (150 + 10**6 - 999900, 100)
    assert last.rollover


def test_meter_replacement_keeps_history_continuous(household: JournalService) -> None:
    household.add_reading(ACCOUNT, date(2025, 2, 20), "1200,600")
    household.replace_meter(ACCOUNT, "1300,640", "NEW-7", 7, date(2025, 3, 5), "0,0")
    household.add_reading(ACCOUNT, date(2025, 3, 20), "40,10")
    march = household.monthly(ACCOUNT)[-1]
    # old final − old previous + new current − new initial
    assert march.period == "2025-03"
    assert march.consumption == ((1300 - 1200) + (40 - 0), (640 - 600) + (10 - 0))
    meters = household.meters(ACCOUNT)
    assert [m.serial for m in meters] == ["11712434", "NEW-7"]
    assert meters[0].removed_on == date(2025, 3, 5) and meters[1].active


def test_a_second_reading_for_a_period_replaces_only_when_confirmed(household: JournalService) -> None:
    first = household.add_reading(ACCOUNT, date(2025, 2, 10), "1100,550").result
    before = snapshot(household)
    with pytest.raises(ConfirmationRequired) as refused:
        household.add_reading(ACCOUNT, date(2025, 2, 20), "1200,600")
    assert refused.value.kind == "replace"
    assert snapshot(household) == before
    second = household.add_reading(ACCOUNT, date(2025, 2, 20), "1200,600", replace=True).result
    rows = household.history(ACCOUNT)
    old = next(r for r in rows if r.reading_id == first.id)
    assert old.status == "superseded" and old.values == (1100, 550)
    assert [r.reading_id for r in rows if r.status == "active"] == [second.id]


def test_edit_keeps_the_old_value_and_undo_restores_it(household: JournalService) -> None:
    first = household.add_reading(ACCOUNT, date(2025, 2, 20), "1200,600").result
    edited = household.edit_reading(ACCOUNT, first.id, date(2025, 2, 21), "1210,600").result
    rows = {r.reading_id: r for r in household.history(ACCOUNT)}
    assert rows[first.id].status == "edited" and rows[first.id].values == (1200, 600)
    assert rows[edited.id].status == "active" and rows[edited.id].consumption == (210, 100)
    connection = sqlite3.connect(household.path)
    ended = connection.execute("SELECT ended_at FROM readings WHERE id = ?", (first.id,)).fetchone()[0]
    connection.close()
    assert ended is not None  # when it changed
    assert household.undo().result == "edit"
    assert [(r.reading_id, r.values) for r in active(household)] == [(first.id, (1200, 600))]


def test_delete_keeps_the_reading_and_undo_restores_it(household: JournalService) -> None:
    first = household.add_reading(ACCOUNT, date(2025, 2, 20), "1200,600").result
    household.add_reading(ACCOUNT, date(2025, 3, 20), "1300,650")
    household.delete_reading(ACCOUNT, first.id)
    assert [r.status for r in household.history(ACCOUNT) if r.reading_id == first.id] == ["deleted"]
    assert active(household)[0].consumption == (300, 150)  # from the act to March
    assert household.undo().result == "delete"
    assert [r.consumption for r in active(household)] == [(200, 100), (100, 50)]


def test_undo_of_an_add_and_of_a_replacement(household: JournalService) -> None:
    first = household.add_reading(ACCOUNT, date(2025, 2, 10), "1100,550").result
    household.add_reading(ACCOUNT, date(2025, 2, 20), "1200,600", replace=True)
    assert household.undo().result == "replace"
    assert [r.reading_id for r in active(household)] == [first.id]
    assert household.undo().result == "add"
    assert active(household) == []
    with pytest.raises(InvalidInput, match="nothing to undo"):
        household.undo()


def test_history_inserted_out_of_order_is_checked_against_the_later_reading(household: JournalService) -> None:
    household.add_reading(ACCOUNT, date(2025, 4, 20), "1500,700")
    with pytest.raises(InvalidInput, match="later reading"):
        household.add_reading(ACCOUNT, date(2025, 2, 20), "1600,600")
    household.add_reading(ACCOUNT, date(2025, 2, 20), "1200,600")
    assert [r.consumption for r in active(household)] == [(200, 100), (300, 100)]


def test_implausible_jump_needs_confirmation(household: JournalService) -> None:
    household.add_reading(ACCOUNT, date(2025, 2, 10), "1100,550")
    household.add_reading(ACCOUNT, date(2025, 3, 10), "1200,600")
    household.add_reading(ACCOUNT, date(2025, 4, 10), "1300,650")
    before = snapshot(household)
    with pytest.raises(ConfirmationRequired) as refused:
        household.add_reading(ACCOUNT, date(2025, 5, 10), "9300,650")
    assert refused.value.kind == "jump"
    # 8000 kWh in a month, against the usual 450 kWh in 90 days (the act's 1000/500 to 1300/650)
    assert refused.value.figures.kwh == (8000, 0) and refused.value.figures.likely_mistake
    assert refused.value.figures.usual_monthly == Decimal(450) / 90 * Decimal("30.4375")
    assert snapshot(household) == before
    household.add_reading(ACCOUNT, date(2025, 5, 10), "9300,650", confirm=True)
    assert active(household)[-1].consumption == (8000, 0)


def test_a_rollover_question_carries_what_saving_would_store(household: JournalService) -> None:
    household.add_reading(ACCOUNT, date(2025, 2, 10), "1100,550")
    household.add_reading(ACCOUNT, date(2025, 3, 12), "1200,600")
    before = snapshot(household)
    with pytest.raises(ConfirmationRequired) as asked:
        household.add_reading(ACCOUNT, date(2025, 4, 11), "1150,650")  # a typo: 1150 for 1250
    figures = asked.value.figures
    assert figures is not None and figures.zones == (Zone.DAY, Zone.NIGHT)
    assert (figures.since, figures.previous, figures.values) == (date(2025, 3, 12), (1200, 600), (1150, 650))
    assert figures.kwh == (10**6 - 1200 + 1150, 50) and figures.total == 999_950 + 50
    # the usual month: the act's 1000/500 of 10.01.2025 to 1200/600 of 12.03.2025, 300 kWh in 61 days
    assert figures.usual_monthly == Decimal(300) / 61 * Decimal("30.4375")
    assert figures.usual_months == Decimal(1_000_000) / figures.usual_monthly
    assert figures.likely_mistake
    assert asked.value.message.startswith("T1: 1150 is below 1200 from the reading of 2025-03-12.")  # the CLI's
    assert snapshot(household) == before


def test_a_real_rollover_is_not_called_a_mistake_and_no_history_has_no_usual_month(service: JournalService) -> None:
    make_household(service, initial="999000,500")
    with pytest.raises(ConfirmationRequired) as first:
        service.add_reading(ACCOUNT, date(2025, 2, 10), "100,550")
    assert first.value.figures.usual_monthly is None and first.value.figures.usual_months is None
    assert not first.value.figures.likely_mistake  # nothing to measure it by
    service.add_reading(ACCOUNT, date(2025, 2, 10), "999300,600")
    service.add_reading(ACCOUNT, date(2025, 3, 12), "999600,700")
    with pytest.raises(ConfirmationRequired) as wrapped:
        service.add_reading(ACCOUNT, date(2025, 4, 11), "100,800")  # past 999999: 500 kWh, as usual
    assert wrapped.value.figures.kwh == (500, 100) and not wrapped.value.figures.likely_mistake


def test_undo_says_what_it_would_take_back_and_refuses_when_that_changed(household: JournalService) -> None:
    first = household.add_reading(ACCOUNT, date(2025, 2, 10), "1100,550").result
    seen = household.last_change()
    assert seen is not None and seen.action == "add" and seen.reading is not None
    assert (seen.reading.id, seen.reading.values) == (first.id, (1100, 550))
    household.add_reading(ACCOUNT, date(2025, 3, 10), "1200,600")
    before = snapshot(household)
    with pytest.raises(InvalidInput, match="changed in the meantime"):
        household.undo(seen.id)
    assert snapshot(household) == before
    household.delete_reading(ACCOUNT, first.id)
    deletion = household.last_change()
    assert deletion is not None and deletion.action == "delete" and deletion.reading is None  # takes nothing back
    assert household.undo(deletion.id).result == "delete"


def test_normal_consumption_is_not_a_jump(household: JournalService) -> None:
    household.add_reading(ACCOUNT, date(2025, 2, 10), "1100,550")
    household.add_reading(ACCOUNT, date(2025, 3, 10), "1200,600")
    household.add_reading(ACCOUNT, date(2025, 4, 10), "1500,700")  # three times the usual: fine
    assert len(active(household)) == 3


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ("12a4,600", "t1", "without letters or symbols"),
        ("1200,6#0", "t2", "without letters or symbols"),
        ("1200.5,600", "t1", "without letters or symbols"),
        ("-1200,600", "t1", "cannot be negative"),
        ("1234567,600", "t1", "has more"),
        ("1200", "values", "two values"),
        ("1200,600,700", "values", "two values"),
        ("", "values", "two values"),
    ],
)
def test_bad_values_are_refused_and_change_nothing(
    household: JournalService, values: str, field: str, message: str
) -> None:
    before = snapshot(household)
    with pytest.raises(InvalidInput, match=message) as refused:
        household.add_reading(ACCOUNT, date(2025, 2, 20), values)
    assert refused.value.field == field
    assert snapshot(household) == before


def test_leading_zeros_are_fine(household: JournalService) -> None:
    household.add_reading(ACCOUNT, date(2025, 2, 20), "001200,000600")
    assert active(household)[0].values == (1200, 600)


@pytest.mark.parametrize(
    ("day", "message"),
    [(date(2026, 11, 29), "in the future"), (date(2025, 1, 9), "not after the meter's installation"),
     (date(2025, 1, 10), "not after the meter's installation")],
)
def test_bad_dates_are_refused(household: JournalService, day: date, message: str) -> None:
    before = snapshot(household)
    with pytest.raises(InvalidInput, match=message):
        household.add_reading(ACCOUNT, day, "1200,600")
    assert snapshot(household) == before


def test_value_below_the_act_without_rollover_is_refused(household: JournalService) -> None:
    with pytest.raises(ConfirmationRequired, match="installation act"):
        household.add_reading(ACCOUNT, date(2025, 2, 20), "999,600")


def test_unknown_account_and_meter(household: JournalService) -> None:
    with pytest.raises(NotFound, match="no account 999999"):
        household.add_reading("999999", date(2025, 2, 20), "1200,600")
    with pytest.raises(NotFound, match="no meter"):
        household.add_reading(ACCOUNT, date(2025, 2, 20), "1200,600", serial="NOPE")


@pytest.mark.parametrize("number", ["12345", "123456789012345", "05090069199a", "", "0509 0069"])
def test_account_number_must_be_6_to_14_digits(service: JournalService, number: str) -> None:
    with pytest.raises(InvalidInput, match="6 to 14 digits"):
        service.add_account(number, "Иванов И. И.", "Самара", "single", "urban-gas")
    assert service.list_accounts() == []


def test_duplicate_account_and_second_meter_are_refused(household: JournalService) -> None:
    with pytest.raises(InvalidInput, match="already in the journal"):
        household.add_account(ACCOUNT, "Петров", "Самара", "single", "rural")
    with pytest.raises(InvalidInput, match="meter replace"):
        household.add_meter(ACCOUNT, "X1", 6, date(2025, 5, 1), "1,1")


def test_meter_act_values_are_checked(service: JournalService) -> None:
    service.add_account(ACCOUNT, "Иванова", "Самара", "three-zone", "urban-gas")
    with pytest.raises(InvalidInput, match="three values"):
        service.add_meter(ACCOUNT, "S1", 6, date(2025, 1, 1), "1,2")
    with pytest.raises(InvalidInput, match="4 to 9 whole digits"):
        service.add_meter(ACCOUNT, "S1", 3, date(2025, 1, 1), "1,2,3")
    with pytest.raises(InvalidInput, match="in the future"):
        service.add_meter(ACCOUNT, "S1", 6, date(2027, 1, 1), "1,2,3")
    assert service.meters(ACCOUNT) == []


def test_replacement_checks(household: JournalService) -> None:
    household.add_reading(ACCOUNT, date(2025, 2, 20), "1200,600")
    with pytest.raises(InvalidInput, match="after the old meter's last reading"):
        household.replace_meter(ACCOUNT, "1300,640", "N2", 6, date(2025, 2, 20), "0,0")
    with pytest.raises(ConfirmationRequired, match="below its previous reading"):
        household.replace_meter(ACCOUNT, "1100,640", "N2", 6, date(2025, 3, 1), "0,0")
    household.replace_meter(ACCOUNT, "1300,640", "N2", 6, date(2025, 3, 1), "0,0")
    with pytest.raises(InvalidInput, match="was replaced on 2025-03-01"):
        household.add_reading(ACCOUNT, date(2025, 3, 10), "1400,700", serial="11712434")
    with pytest.raises(InvalidInput, match="cannot be undone"):
        household.undo()


def test_deleting_a_rolled_over_reading_keeps_the_journal_usable(service: JournalService) -> None:
    make_household(service, plan="single", initial="9900", digits=4)
    service.add_reading(ACCOUNT, date(2025, 2, 20), "9950")
    wrapped = service.add_reading(ACCOUNT, date(2025, 3, 20), "20", rollover=True).result
    service.add_reading(ACCOUNT, date(2025, 4, 20), "80")
    service.delete_reading(ACCOUNT, wrapped.id)
    # The drum still wrapped between 9950 and 80: 10^4 − 9950 + 80 = 130.
    assert active(service)[-1].consumption == (130,)
    service.add_reading(ACCOUNT, date(2025, 5, 20), "150")
    assert active(service)[-1].consumption == (70,)


@pytest.mark.parametrize("typed", ["0012504,650", "1250,0000650", "00012504,650"])
def test_more_digits_than_the_meter_has_are_refused_even_as_leading_zeros(household: JournalService,
                                                                          typed: str) -> None:
    """«0012504» on a six-digit meter is 001250 and its red digit 4 typed too: it was stored as 12,504 kWh. A value
    with more characters than the meter has digits is refused, naming the red digits; nothing is stored."""
    before = household.history(ACCOUNT)
    with pytest.raises(InvalidInput, match=r"digits before the comma, but .* has more") as refused:
        household.add_reading(ACCOUNT, date(2025, 2, 20), typed)
    assert refused.value.field in ("t1", "t2")
    assert household.history(ACCOUNT) == before
    household.add_reading(ACCOUNT, date(2025, 2, 20), "001250,000650")  # the drums' own leading zeros are fine
    assert household.history(ACCOUNT)[-1].values == (1250, 650)


@pytest.mark.parametrize(("typed", "stored"), [("1 250,650", (1250, 650)), (["1\u00a0250", "650"], (1250, 650)),
                                               ("001\u202f250,650", (1250, 650))])
def test_thousands_set_apart_are_understood(household: JournalService, typed: str | list[str],
                                            stored: tuple[int, ...]) -> None:
    """The window says the last reading as its digits; a person may still write 1 250 as people write numbers (or
    paste it with a no-break space): the same reading."""
    household.add_reading(ACCOUNT, date(2025, 2, 20), typed)
    assert household.history(ACCOUNT)[-1].values == stored


@pytest.mark.parametrize("typed", ["12 50,650", "1  250,650", "1 2500,650", "1 250 ,6 50"])
def test_spaces_that_are_not_thousands_are_refused(household: JournalService, typed: str) -> None:
    before = household.history(ACCOUNT)
    with pytest.raises(InvalidInput, match="without letters or symbols"):
        household.add_reading(ACCOUNT, date(2025, 2, 20), typed)
    assert household.history(ACCOUNT) == before
