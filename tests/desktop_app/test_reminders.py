"""What is due, on given days (a fixed clock): readings of every plan and several accounts, readings waiting to be
sent, an invoice near its due date — on real journal files."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.services.journal_service import JournalService
from desktop_app.services.reminders import Due, due_now, due_reminders, mark_seen, may_be_due, seen_today
from journal import accounts, outbox, portal_data

SINGLE, TWO, THREE = "050900000001", "050900000002", "050900000003"
INSTALLED = date(2026, 1, 10)
PLANS = {SINGLE: ("single", "1000"), TWO: ("two-zone", "1000,500"), THREE: ("three-zone", "1000,500,700")}


@pytest.fixture
def journal(data_dir: Path) -> Iterator[JournalService]:
    """Three accounts, one of each plan, each with a meter and a reading every month up to October 2026."""
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: date(2026, 10, 20))
    for number, (plan, initial) in PLANS.items():
        service.add_account(number, "Иванова Мария Петровна", "Самара, ул. Ленина, 1", plan, "urban-gas")
        service.add_meter(number, f"S{number[-1]}", 6, INSTALLED, initial)
        for month in range(2, 11):
            values = ",".join(str(int(v) + 100 * (month - 1)) for v in initial.split(","))
            service.add_reading(number, date(2026, month, 20), values)
    yield service
    service.close()


def due_on(service: JournalService, day: date) -> list[Due]:
    found = due_now(service.journal, day)
    if found:  # the glance before the exact look never misses what it finds
        assert may_be_due(service.path, day), found
    return found


def add_reading(service: JournalService, number: str, day: date) -> None:
    initial = PLANS[number][1]
    values = ",".join(str(int(v) + 1000) for v in initial.split(","))
    service.today = lambda: day
    service.add_reading(number, day, values)


@pytest.mark.parametrize("day, due", [(date(2026, 11, 14), False), (date(2026, 11, 15), True),
                                      (date(2026, 11, 25), True), (date(2026, 11, 26), False),
                                      (date(2026, 12, 1), False), (date(2026, 12, 15), True)])
def test_a_period_without_a_reading_is_due_from_the_15th_to_the_cut_off_day(journal: JournalService, day: date,
                                                                          due: bool) -> None:
    found = due_on(journal, day)
    if not due:
        assert found == []
        return
    period = f"{day.year}-{day.month:02d}"
    assert found == [Due("reading", number, period=period, until=day.replace(day=25)) for number in PLANS]


def test_a_reading_of_the_period_ends_its_reminder_for_that_account_only(journal: JournalService) -> None:
    add_reading(journal, TWO, date(2026, 11, 3))  # early in the month: it counts for November
    add_reading(journal, THREE, date(2026, 10, 28))  # after October's cut-off day: it counts for November too
    assert [d.account for d in due_on(journal, date(2026, 11, 20))] == [SINGLE]
    add_reading(journal, SINGLE, date(2026, 11, 20))
    assert due_on(journal, date(2026, 11, 20)) == []


def test_a_replaced_meter_s_final_reading_is_not_the_period_s_reading(journal: JournalService) -> None:
    journal.today = lambda: date(2026, 11, 16)
    journal.replace_meter(SINGLE, "2100", "NEW1", 6, date(2026, 11, 16), "5")
    assert [d.account for d in due_on(journal, date(2026, 11, 17))] == [SINGLE, TWO, THREE]
    journal.today = lambda: date(2026, 11, 17)
    journal.add_reading(SINGLE, date(2026, 11, 17), "40")
    assert [d.account for d in due_on(journal, date(2026, 11, 18))] == [TWO, THREE]


def test_an_account_without_a_meter_is_not_asked_for_readings(journal: JournalService) -> None:
    journal.add_account("050900000009", "Петров Пётр", "Самара, ул. Мира, 2", "single", "urban-gas")
    assert "050900000009" not in [d.account for d in due_on(journal, date(2026, 11, 20))]


def link(service: JournalService, number: str) -> None:
    with service.journal.write() as session:
        portal_data.link_account(session, accounts.find_account(session, number), portal_account_id="BP1",
                                 contract_account_id=number, contract_id=None, tariff_type=None,
                                 now=datetime(2026, 11, 1))


def test_readings_waiting_to_be_sent_are_due_for_accounts_that_use_the_portal(journal: JournalService) -> None:
    # Queued with their readings: September's and October's (typed within 31 days), and these of November 26th,
    # which count for December: no other reminder is due on the 27th.
    add_reading(journal, SINGLE, date(2026, 11, 26))
    add_reading(journal, TWO, date(2026, 11, 26))
    assert due_on(journal, date(2026, 11, 27)) == []  # never sent through the portal: given by SMS or phone
    link(journal, SINGLE)
    link(journal, TWO)
    assert due_on(journal, date(2026, 11, 27)) == [Due("waiting", SINGLE, waiting=3), Due("waiting", TWO, waiting=3)]
    with journal.journal.write() as session:  # one of TWO's went out without a confirming answer
        first = outbox.pending(session, [accounts.find_account(session, TWO).id])[0]
        assert outbox.claim(session, first.id, datetime(2026, 11, 27, 9)) == outbox.CLAIMED
    assert due_on(journal, date(2026, 11, 27))[1] == Due("waiting", TWO, waiting=2, checking=1)
    with journal.journal.write() as session:
        for pending in outbox.pending(session):
            if pending.status == "queued":
                outbox.claim(session, pending.id, datetime(2026, 11, 27, 9))
            outbox.mark_sent(session, pending.id, datetime(2026, 11, 27, 9), portal_reading_id="R", accepted=False)
    assert due_on(journal, date(2026, 11, 27)) == []


def store_invoice(service: JournalService, number: str, *, issued: date, due: date, remaining: str | None = "1234.56",
                  status: str | None = None) -> None:
    amount = Decimal(remaining) if remaining is not None else None
    with service.journal.write() as session:
        portal_data.store_invoices(session, accounts.find_account(session, number), [portal_data.PulledInvoice(
            f"INV-{issued:%m}", issued, due, amount, Decimal("0"), amount, status)], datetime(2026, 11, 5))


@pytest.mark.parametrize("day, due", [(date(2026, 11, 24), False), (date(2026, 11, 25), True),
                                      (date(2026, 11, 30), True), (date(2026, 12, 30), True),
                                      (date(2026, 12, 31), False)])
def test_an_invoice_is_due_from_five_days_before_its_due_date_until_paid(journal: JournalService, day: date,
                                                                         due: bool) -> None:
    add_reading(journal, SINGLE, date(2026, 11, 14))
    add_reading(journal, TWO, date(2026, 11, 14))
    add_reading(journal, THREE, date(2026, 11, 14))
    add_reading(journal, SINGLE, date(2026, 12, 14))
    add_reading(journal, TWO, date(2026, 12, 14))
    add_reading(journal, THREE, date(2026, 12, 14))
    store_invoice(journal, TWO, issued=date(2026, 11, 3), due=date(2026, 11, 30))
    expected = [Due("invoice", TWO, until=date(2026, 11, 30), invoice="INV-11", amount=Decimal("1234.56"))]
    assert due_on(journal, day) == (expected if due else [])


def test_a_payment_recorded_or_a_settled_invoice_ends_the_invoice_s_reminder(journal: JournalService) -> None:
    day = date(2026, 11, 28)
    add_reading(journal, TWO, date(2026, 11, 26))  # the readings of November and December are in
    add_reading(journal, THREE, date(2026, 11, 26))
    add_reading(journal, SINGLE, date(2026, 11, 26))
    store_invoice(journal, SINGLE, issued=date(2026, 11, 3), due=date(2026, 11, 30))
    store_invoice(journal, TWO, issued=date(2026, 11, 3), due=date(2026, 11, 30))
    store_invoice(journal, THREE, issued=date(2026, 11, 3), due=date(2026, 11, 30))
    assert [d.account for d in due_on(journal, day)] == [SINGLE, TWO, THREE]
    journal.today = lambda: day
    journal.billing.add_payment(SINGLE, date(2026, 11, 2), "500")  # before the invoice: it does not pay it
    journal.billing.add_payment(TWO, date(2026, 11, 27), "1234.56")  # recorded by the person
    with journal.journal.write() as session:  # seen on the portal
        portal_data.store_payments(session, accounts.find_account(session, THREE), [portal_data.PulledPayment(
            "P1", date(2026, 11, 10), Decimal("1234.56"), "card")], datetime(2026, 11, 28))
    assert [d.account for d in due_on(journal, day)] == [SINGLE]
    store_invoice(journal, SINGLE, issued=date(2026, 11, 3), due=date(2026, 11, 30), status="9")  # settled
    assert due_on(journal, day) == []


def test_only_the_newest_invoice_counts_and_an_unknown_amount_is_still_due(journal: JournalService) -> None:
    for number in PLANS:
        add_reading(journal, number, date(2026, 11, 26))
    store_invoice(journal, SINGLE, issued=date(2026, 10, 3), due=date(2026, 10, 30))
    store_invoice(journal, SINGLE, issued=date(2026, 11, 3), due=date(2026, 11, 30), remaining=None)
    assert due_on(journal, date(2026, 11, 27)) == [Due("invoice", SINGLE, until=date(2026, 11, 30),
                                                       invoice="INV-11", amount=None)]
    store_invoice(journal, SINGLE, issued=date(2026, 11, 3), due=date(2026, 11, 30), remaining="0")
    assert due_on(journal, date(2026, 11, 27)) == []


def test_everything_due_comes_most_urgent_first(journal: JournalService) -> None:
    add_reading(journal, SINGLE, date(2026, 11, 16))
    link(journal, SINGLE)
    store_invoice(journal, SINGLE, issued=date(2026, 11, 3), due=date(2026, 11, 20))
    assert [(d.kind, d.account) for d in due_on(journal, date(2026, 11, 17))] == [
        ("reading", TWO), ("reading", THREE), ("waiting", SINGLE), ("invoice", SINGLE)]


def test_the_window_s_reminder_uses_the_same_rule(journal: JournalService) -> None:
    journal.today = lambda: date(2026, 11, 14)
    assert due_reminders(journal, SINGLE) == []
    journal.today = lambda: date(2026, 11, 15)
    assert [(r.kind, r.values) for r in due_reminders(journal, SINGLE)] == [("submit", {"period": "2026-11"})]


def test_the_day_the_reminders_were_seen_is_kept_beside_the_journal(tmp_path: Path) -> None:
    assert not seen_today(tmp_path, date(2026, 11, 20))
    mark_seen(tmp_path, date(2026, 11, 20))
    assert seen_today(tmp_path, date(2026, 11, 20)) and not seen_today(tmp_path, date(2026, 11, 21))
    mark_seen(tmp_path / "missing" / "folder", date(2026, 11, 20))  # cannot be written: no error, only forgotten


def test_the_glance_says_no_only_when_nothing_can_be_due(journal: JournalService, tmp_path: Path) -> None:
    day = date(2026, 11, 27)  # after the cut-off day
    assert not may_be_due(journal.path, day)  # readings waiting, but no account uses the portal; no invoice
    link(journal, TWO)
    assert may_be_due(journal.path, day)  # TWO's readings of September and October wait
    with journal.journal.write() as session:
        for pending in outbox.pending(session):
            outbox.claim(session, pending.id, datetime(2026, 11, 27, 9))
            outbox.mark_sent(session, pending.id, datetime(2026, 11, 27, 9), portal_reading_id="R", accepted=True)
    assert not may_be_due(journal.path, day)
    store_invoice(journal, SINGLE, issued=date(2026, 11, 3), due=date(2026, 12, 2))
    assert may_be_due(journal.path, day)
    store_invoice(journal, SINGLE, issued=date(2026, 11, 3), due=date(2026, 12, 2), status="9")  # settled
    assert not may_be_due(journal.path, day)
    assert may_be_due(journal.path, date(2026, 12, 15))  # readings are due: the exact look decides
    (tmp_path / "other.sqlite3").write_bytes(b"not a journal")
    assert may_be_due(tmp_path / "other.sqlite3", day)  # anything unexpected: the exact look explains it


def test_the_glance_knows_the_journal_s_words_for_waiting_and_settled() -> None:
    from journal import glance

    assert glance.WAITING_STATES == tuple(outbox.WAITING)
    assert glance.SETTLED_STATUS == "9" and 'status_id == "9"' in Path(portal_data.__file__).read_text()
