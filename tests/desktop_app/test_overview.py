"""An account's overview: one read of everything the window draws, the banners' order, the plan periods, the
chart's months; `meter-journal overview` prints the same."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

import pytest

from desktop_app.__main__ import main
from desktop_app.services.journal_service import JournalService
from desktop_app.services.overview import BannerKind, account_overview, banners, plan_changes
from desktop_app.services.reminders import Reminder
from journal.outbox import DeadlineWarning
from journal.tariff_offers import TariffOfferInfo
from journal.zones import TariffPlan, Zone
from tests.conftest import ACCOUNT, make_household

WARNING = DeadlineWarning(ACCOUNT, 1, "2026-11", date(2026, 11, 20), (1200, 600), "001#1200;600", "1163", "8-800",
                          "")
OFFER = TariffOfferInfo(1, ACCOUNT, None, TariffPlan.TWO_ZONE, {Zone.DAY: Decimal("8.20"), Zone.NIGHT: None},
                        "offered", datetime(2026, 11, 1), None)
DUE = [Reminder("submit", {"period": "2026-11"})]


def test_the_banners_come_in_their_order_of_urgency() -> None:
    every = banners(sample=True, deadline=[WARNING, WARNING], invoice=object(), offers=[OFFER, OFFER], reminders=DUE)
    assert [b.kind for b in every] == [BannerKind.SAMPLE, BannerKind.DEADLINE, BannerKind.INVOICE_PAYEE,
                                       BannerKind.TARIFF_OFFER, BannerKind.REMINDERS]
    assert every[1].deadline is WARNING and every[3].offer is OFFER and every[4].reminders == tuple(DUE)
    assert [b.kind for b in banners(sample=False, deadline=[], invoice=None, offers=[OFFER], reminders=DUE)] == [
        BannerKind.TARIFF_OFFER, BannerKind.REMINDERS]
    assert banners(sample=False, deadline=[], invoice=None, offers=[], reminders=[]) == ()


def test_plan_periods_are_one_rule_for_history_and_accounts(service: JournalService) -> None:
    make_household(service, "single", initial="1000")
    service.add_reading(ACCOUNT, date(2026, 2, 20), "1300")
    service.change_plan(ACCOUNT, "two-zone", date(2026, 3, 5), "1400", "1400,0")
    service.replace_meter(ACCOUNT, "1500,50", "22334455", 6, date(2026, 6, 1), "0,0")  # another meter: no change
    meters = service.meters(ACCOUNT)
    assert plan_changes(meters) == {("11712434", date(2026, 3, 5))}
    overview = account_overview(service.journal, ACCOUNT, date(2026, 11, 20))
    assert overview.plan_changes == {("11712434", date(2026, 3, 5))}
    final = [r for r in overview.rows if r.is_final]
    assert {(r.meter_serial, r.taken_on) for r in final} >= overview.plan_changes  # the history's final reading


def test_the_overview_holds_what_the_window_shows(service: JournalService) -> None:
    make_household(service)
    for month, values in ((9, "1300,600"), (10, "1500,700")):
        service.add_reading(ACCOUNT, date(2026, month, 20), values)
    service.billing.add_payment(ACCOUNT, date(2026, 11, 1), "100")
    overview = account_overview(service.journal, ACCOUNT, date(2026, 11, 20))
    assert overview.number == ACCOUNT and len(overview.rows) == 2 and overview.owed is overview.balance.owed
    assert [p.amount for p in overview.payments] == [Decimal("100.00")]
    assert overview.sync.waiting == len(overview.sync.by_reading)  # what is queued waits (nothing sent yet)
    assert [b.kind for b in overview.banners] == [BannerKind.REMINDERS]  # the 20th: November's reading is due
    assert len(overview.chart) == 24 and overview.chart[-1].period == "2026-11"
    bars = {m.period: m.kwh for m in overview.chart if m.kwh is not None}
    assert bars == {"2026-10": {Zone.DAY: 200, Zone.NIGHT: 100}}  # September's spans months since the act: none


@pytest.mark.parametrize("as_json", [False, True])
def test_the_cli_prints_the_same_overview(capsys, data_dir, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    service = JournalService(data_dir / "journal.sqlite3")
    make_household(service)
    service.change_plan(ACCOUNT, "single", date(2026, 3, 5), "1400,600", "2000")
    service.close()
    code = main(["--data-dir", str(data_dir), "overview", "--account", ACCOUNT, *(["--json"] if as_json else [])])
    out = capsys.readouterr().out
    assert code in (0, None)
    if as_json:
        data = json.loads(out)
        assert data["account"] == ACCOUNT and data["plan"] == "single" and data["plan_changes"] == ["2026-03-05"]
        assert len(data["chart"]) == 24 and {"total", "complete"} <= set(data["owed"])
    else:
        assert f"Account {ACCOUNT}" in out and "Tariff plan changes: 2026-03-05" in out and "Owed:" in out
