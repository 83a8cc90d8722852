"""Every write of the services says what it changed (desktop_app.services.changes), beside its old result."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.services.changes import EVERY_ACCOUNT, Changes, Done
from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT, make_household
from tests.journal.test_payees import VALID_PAYEE

OTHER = "123456789012"


def readings(*numbers: str) -> frozenset[str]:
    return frozenset(numbers)


def test_each_reading_write_names_its_account_and_the_outbox(household: JournalService) -> None:
    added = household.add_reading(ACCOUNT, date(2026, 10, 20), "1200,600")
    assert isinstance(added, Done) and added.result.values == (1200, 600)
    assert added.changes == Changes(readings=readings(ACCOUNT), outbox=True)
    edited = household.edit_reading(ACCOUNT, added.result.id, date(2026, 10, 20), "1201,600")
    assert edited.changes == Changes(readings=readings(ACCOUNT), outbox=True)
    deleted = household.delete_reading(ACCOUNT, edited.result.id)
    assert deleted.changes == Changes(readings=readings(ACCOUNT), outbox=True) and deleted.result.status != "active"
    undone = household.undo()
    assert undone.result == "delete" and undone.changes == Changes(readings=readings(EVERY_ACCOUNT), outbox=True)
    assert undone.changes.of_readings(OTHER)  # any account's last change: every account's readings


def test_account_meter_and_plan_writes_name_the_accounts(service: JournalService) -> None:
    made = service.add_account(ACCOUNT, "Иванова Мария Петровна", "Самара", "single", "urban-gas")
    assert made.changes == Changes(accounts=True) and made.result.number == ACCOUNT
    meter = service.add_meter(ACCOUNT, "11712434", 6, date(2025, 1, 10), "1000")
    assert meter.changes == Changes(accounts=True, readings=readings(ACCOUNT), outbox=True)
    plan = service.change_plan(ACCOUNT, "two-zone", date(2026, 3, 5), "1400", "1400,0")
    assert plan.changes.accounts and plan.changes.of_readings(ACCOUNT) and not plan.changes.of_readings(OTHER)
    replaced = service.replace_meter(ACCOUNT, "1500,50", "22334455", 6, date(2026, 6, 1), "0,0")
    assert replaced.changes == meter.changes and replaced.result.serial == "22334455"
    updated = service.update_account(ACCOUNT, "Иванова М. П.", "Самара", "two-zone", "urban-gas")
    assert updated.changes.accounts and not updated.changes.outbox and not updated.changes.prices


def test_prices_payments_payee_import_and_restore(household: JournalService, tmp_path) -> None:  # type: ignore[no-untyped-def]
    billing = household.billing
    price = billing.set_price("urban-gas", "two-zone", date(2026, 11, 1), ["8,20", "4,17"])
    assert price.changes == Changes(prices=True) and len(price.result) == 2
    paid = billing.add_payment(ACCOUNT, date(2026, 11, 1), "100")
    assert paid.changes == Changes(payments=readings(ACCOUNT)) and not paid.changes.of_readings(ACCOUNT)
    assert not paid.changes.of_payments(OTHER)
    opening = billing.set_opening_balance(ACCOUNT, "50", date(2026, 9, 1))
    assert opening.changes == paid.changes
    payee = household.receipts.set_payee(**VALID_PAYEE)
    assert payee.changes == Changes(payee=True) and payee.result.inn == VALID_PAYEE["inn"]
    table = tmp_path / "readings.csv"
    table.write_text(f"account,meter,date,t1,t2,t3\n{ACCOUNT},11712434,2026-10-20,1200,600,\n", encoding="utf-8")
    imported = household.import_csv(table)
    assert imported.result == 1 and imported.changes == Changes(readings=readings(EVERY_ACCOUNT), outbox=True)
    copy = household.backup(tmp_path / "copy.sqlite3")
    restored = household.restore(copy)
    assert restored.changes == Changes.everything() and restored.result.exists()


def test_changes_combine_and_say_whether_they_touch_an_account() -> None:
    both = Changes(readings=readings(ACCOUNT)) | Changes(prices=True, payments=readings(OTHER))
    assert both == Changes(readings=readings(ACCOUNT), prices=True, payments=readings(OTHER))
    assert both.of_readings(ACCOUNT) and not both.of_readings(OTHER) and both.of_payments(OTHER)
    assert not Changes() and both
    assert both.as_dict()["readings"] == [ACCOUNT]
    with pytest.raises(AttributeError):
        both.prices = False  # type: ignore[misc]


def test_a_refused_write_changes_nothing_and_returns_no_changes(household: JournalService) -> None:
    from journal.errors import JournalError

    with pytest.raises(JournalError):
        household.add_reading(ACCOUNT, date(2026, 10, 20), "abc")
    assert household.history(ACCOUNT) == []


def test_make_household_still_works_with_done(service: JournalService) -> None:
    make_household(service)  # the fixtures' own writes ignore the Done
    assert [a.number for a in service.list_accounts()] == [ACCOUNT]
