"""A tariff plan change with the same meter: the history keeps both plans, each interval priced by its own.

Worked example (shipped urban-gas prices, band I): single 6.25 from 2026-01-01 and 6.95 from 2026-10-01;
two-zone day/night 8.20/4.17 from 2026-10-01. A single-rate meter read 2000 on 2026-09-20; on 2026-10-05 the
supplier reprograms it for day/night: the single register shows 2050 (the old plan's final value) and the new
registers start at day 2050, night 0; on 2026-10-20 they show day 2130, night 40.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop_app.services.journal_service import JournalService
from journal import outbox
from journal.billing import BillInterval
from journal.errors import ConfirmationRequired, InvalidInput
from journal.zones import TariffPlan, Zone
from tests.conftest import ACCOUNT, make_household
from tests.journal.test_billing import snapshot

D = Decimal
CHANGED = date(2026, 10, 5)


@pytest.fixture
def changed(service: JournalService) -> JournalService:
    make_household(service, "single", initial="1000", installed=date(2026, 1, 10))
    service.add_reading(ACCOUNT, date(2026, 8, 20), "1800")
    service.add_reading(ACCOUNT, date(2026, 9, 20), "2000")
    info = service.change_plan(ACCOUNT, "two-zone", CHANGED, "2050", "2050,0").result
    assert (info.plan, info.serial, info.installed_on, info.initial) == (TariffPlan.TWO_ZONE, "11712434", CHANGED,
                                                                          (2050, 0))
    service.add_reading(ACCOUNT, date(2026, 10, 20), "2130,40")
    return service


def test_the_account_takes_the_new_plan_and_the_meter_keeps_its_serial(changed: JournalService) -> None:
    assert changed.account(ACCOUNT).plan is TariffPlan.TWO_ZONE
    old, new = changed.meters(ACCOUNT)
    assert (old.serial, old.plan, old.removed_on, old.initial) == ("11712434", TariffPlan.SINGLE, CHANGED, (1000,))
    assert (new.serial, new.plan, new.removed_on, new.active) == ("11712434", TariffPlan.TWO_ZONE, None, True)


def test_the_history_keeps_each_reading_in_its_own_plan(changed: JournalService) -> None:
    rows = changed.history(ACCOUNT)
    assert [(r.taken_on, r.plan, r.values, r.consumption, r.is_final) for r in rows] == [
        (date(2026, 8, 20), TariffPlan.SINGLE, (1800,), (800,), False),
        (date(2026, 9, 20), TariffPlan.SINGLE, (2000,), (200,), False),
        (CHANGED, TariffPlan.SINGLE, (2050,), (50,), True),
        (date(2026, 10, 20), TariffPlan.TWO_ZONE, (2130, 40), (80, 40), False),
    ]
    october = changed.monthly(ACCOUNT)[-1]
    assert (october.period, october.zones, october.consumption) == (
        "2026-10", (Zone.SINGLE, Zone.DAY, Zone.NIGHT), (50, 80, 40))
    september = changed.monthly(ACCOUNT)[-2]
    assert (september.zones, september.consumption) == ((Zone.SINGLE,), (200,))


def test_each_interval_of_the_change_month_is_priced_by_its_own_plan(changed: JournalService) -> None:
    bill = changed.billing.bill(ACCOUNT, "2026-10")
    assert bill.intervals == (
        BillInterval("11712434", TariffPlan.SINGLE, date(2026, 9, 20), CHANGED, (50,), is_final=True),
        BillInterval("11712434", TariffPlan.TWO_ZONE, CHANGED, date(2026, 10, 20), (80, 40)),
    )
    # single, 50 kWh over the 15 days after 2026-09-20: 10 days at 6.25, 5 at 6.95:
    #   50 × (10 × 6.25 + 5 × 6.95) / 15 = 4862.5 / 15 = 324.1666… → 324.17
    # day 80 × 8.20 = 656.00 and night 40 × 4.17 = 166.80 (all 15 days after 2026-10-05 at October's prices)
    assert {z.zone: z.amount for z in bill.charge.zones} == {
        Zone.SINGLE: D("324.17"), Zone.DAY: D("656.00"), Zone.NIGHT: D("166.80")}
    assert bill.charge.total == D("1146.97")
    assert changed.billing.balance(ACCOUNT).rows[-1].charge == D("1146.97")


def test_an_estimate_and_the_forecast_use_the_new_plan(changed: JournalService) -> None:
    estimate = changed.billing.estimate(ACCOUNT, "2200,60")
    assert (estimate.previous_values, estimate.consumption) == ((2130, 40), (70, 20))
    forecast = changed.billing.forecast(ACCOUNT)
    assert set(forecast.averages) == {Zone.DAY, Zone.NIGHT}


def test_readings_on_both_sides_of_the_change(changed: JournalService) -> None:
    with pytest.raises(InvalidInput, match="tariff plan changed on 2026-10-05") as error:
        changed.add_reading(ACCOUNT, CHANGED, "2060,1")
    assert error.value.field == "date"
    with pytest.raises(InvalidInput):  # two zones are needed now
        changed.add_reading(ACCOUNT, date(2026, 11, 20), "2200")
    # A reading of the old plan is still corrected in its own single zone.
    september = next(r for r in changed.history(ACCOUNT) if r.taken_on == date(2026, 9, 20))
    edited = changed.edit_reading(ACCOUNT, september.reading_id, date(2026, 9, 20), "1990").result
    assert edited.values == (1990,)
    assert changed.billing.bill(ACCOUNT, "2026-10").intervals[0].consumption == (60,)


def test_the_outbox_sends_a_reading_in_its_own_plan(service: JournalService) -> None:
    make_household(service, "single", initial="1000", installed=date(2026, 1, 10))
    service.add_reading(ACCOUNT, date(2026, 11, 1), "2000")  # queued for the portal, not sent yet
    service.change_plan(ACCOUNT, "two-zone", date(2026, 11, 5), "2050", "2050,0")
    service.add_reading(ACCOUNT, date(2026, 11, 20), "2130,40")
    with service.journal.read() as session:
        pending = outbox.pending(session)
    assert [(p.plan, p.values) for p in pending] == [(TariffPlan.SINGLE, (2000,)), (TariffPlan.TWO_ZONE, (2130, 40))]


def test_refused_changes_change_nothing(changed: JournalService) -> None:
    before = snapshot(changed.path)
    with pytest.raises(InvalidInput, match="already has this tariff plan"):
        changed.change_plan(ACCOUNT, "two-zone", date(2026, 11, 1), "2200,60", "2200,60")
    with pytest.raises(InvalidInput, match="must start after the meter's last reading") as error:
        changed.change_plan(ACCOUNT, "single", date(2026, 10, 20), "2130,40", "2170")
    assert error.value.field == "on"
    with pytest.raises(ConfirmationRequired, match="old plan's final value 2100 for T1") as confirm:
        changed.change_plan(ACCOUNT, "three-zone", date(2026, 11, 1), "2100,50", "0,0,0")
    assert confirm.value.kind == "rollover"
    figures = confirm.value.figures  # what closing the old plan at 2100 would store, for the window's question
    assert figures is not None and (figures.since, figures.previous, figures.values) == (
        date(2026, 10, 20), (2130, 40), (2100, 50))
    assert figures.kwh == (10**6 - 2130 + 2100, 10)
    assert figures.usual_monthly is None  # one reading since the record opened: no usual month yet
    with pytest.raises(InvalidInput) as zones:
        changed.change_plan(ACCOUNT, "three-zone", date(2026, 11, 1), "2200,60", "2200,60")
    assert zones.value.field == "initial"
    with pytest.raises(InvalidInput, match="record it as a tariff plan change") as plan:
        changed.update_account(ACCOUNT, "Иванова Мария Петровна", "Самара, ул. Ленина, 1", "single", "urban-gas")
    assert plan.value.field == "plan"
    assert snapshot(changed.path) == before


def test_a_plan_change_is_not_undone_by_undo(changed: JournalService) -> None:
    changed.change_plan(ACCOUNT, "three-zone", date(2026, 11, 1), "2200,60", "2200,0,60")
    before = snapshot(changed.path)
    with pytest.raises(InvalidInput, match="tariff plan change, which cannot be undone"):
        changed.undo()
    assert snapshot(changed.path) == before
    assert changed.account(ACCOUNT).plan is TariffPlan.THREE_ZONE
