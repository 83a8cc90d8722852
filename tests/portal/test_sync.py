"""The sync against the portal emulator, over real sockets: each fault ends with the reading held exactly once
and the outbox agreeing with the portal."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest

from desktop_app.portal.credentials import CredentialStore
from desktop_app.portal.errors import AuthError, CredentialsRequired
from desktop_app.portal.lock import SyncBusy, SyncLock
from desktop_app.portal.sync import SyncOptions, SyncProgress
from desktop_app.services.journal_service import JournalService
from desktop_app.services.sync_service import LOCK_FILE
from tests.conftest import ACCOUNT, TODAY
from tests.portal.support import (
    FAST,
    PASSWORD,
    READING_DAY,
    CrashAfterSend,
    CrashingTransport,
    MemoryKeyring,
    make_sync,
)
from tests.portal_emulator import REJECT_MESSAGE, PortalEmulator, PortalState
from tests.portal_emulator import household as portal_household

VALUES = (1200, 600)


def states(svc: JournalService) -> list[str]:
    with svc.journal.read() as session:
        from journal import outbox

        return [s.status for s in outbox.submissions(session)]


def test_a_queued_reading_is_sent_once_accepted_and_the_portal_data_pulled(
        household: JournalService, emulator: PortalEmulator, keyring_store: CredentialStore) -> None:
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    sync = make_sync(household, emulator, keyring_store)
    report = sync.sync()
    assert [s.state for s in report.sent] == ["accepted"] and report.ok and not report.warnings
    assert emulator.count(READING_DAY, VALUES) == 1
    # The POST was a deep insert with the CSRF token, registers matched by zone text.
    assert ("POST", "/sap/opu/odata/sap/Z_ERP_UTILITIES_UMC_SRV_01/MeterReadingResults", 201) in emulator.requests
    # A second sync sends nothing more.
    again = sync.sync()
    assert again.sent == () and emulator.count(READING_DAY, VALUES) == 1
    # Pulled: invoices with their PDFs, payments, billed consumption, links, verification years.
    invoices = sync.invoices(ACCOUNT)
    assert [i.invoice_id for i in invoices] == ["300000000101", "300000000102"]
    assert [i.settled for i in invoices] == [True, False]
    pdf = sync.invoice_pdf(invoices[0])
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    assert [(p.paid_on, p.amount) for p in sync.portal_payments(ACCOUNT)] == [(date(2026, 10, 10), Decimal("1234.50"))]
    links = sync.device_links(ACCOUNT)
    assert [(link.device_id, link.verified_year, link.next_verification_year) for link in links] == [
        ("11712434000", 2024, 2040)]
    assert household.meters(ACCOUNT)[0].verified_year == 2024  # filled in, since the user had not entered it


def test_tariff_prices_are_offered_not_applied(household: JournalService, emulator: PortalEmulator,
                                               keyring_store: CredentialStore) -> None:
    sync = make_sync(household, emulator, keyring_store)
    before = household.billing.prices("urban-gas", "two-zone")
    report = sync.sync()
    assert report.pulled is not None and len(report.pulled.tariff_offers) == 1
    offer = sync.tariff_offers(ACCOUNT)[0]
    assert {str(z): v for z, v in offer.prices.items()} == {"day": Decimal("7.29"), "night": Decimal("3.76")}
    assert household.billing.prices("urban-gas", "two-zone") == before  # nothing applied
    assert sync.sync().pulled.tariff_offers == []  # type: ignore[union-attr]  # not offered twice
    entries = sync.accept_tariff_offer(ACCOUNT, offer.id, date(2026, 11, 1)).result
    assert [(str(e.zone), e.price) for e in entries] == [("day", Decimal("7.29")), ("night", Decimal("3.76"))]
    assert all(e.user for e in entries) and sync.tariff_offers(ACCOUNT) == []


def test_the_history_shows_the_billed_amount_next_to_our_estimate(household: JournalService,
                                                                  emulator: PortalEmulator,
                                                                  keyring_store: CredentialStore) -> None:
    household.add_reading(ACCOUNT, date(2026, 8, 20), "2000,1000")
    household.add_reading(ACCOUNT, date(2026, 9, 20), "2200,1100")
    household.add_reading(ACCOUNT, date(2026, 10, 20), "2400,1200")
    september = household.billing.bill(ACCOUNT, "2026-09").charge.total
    october = household.billing.bill(ACCOUNT, "2026-10").charge.total
    emulator.state.accounts[0].contract_accounts[0].contracts[0].consumption[:] = [
        (date(2026, 9, 1), date(2026, 9, 30), Decimal("300"), september - Decimal("100.00")),  # far off
        (date(2026, 10, 1), date(2026, 10, 31), Decimal("300"), (october * Decimal("1.009")).quantize(Decimal("0.01"))),
    ]
    sync = make_sync(household, emulator, keyring_store)
    sync.sync()
    rows = {r.period: r for r in sync.billed_comparison(ACCOUNT)}
    assert rows["2026-09"].estimate == september and rows["2026-09"].billed == september - 100
    assert rows["2026-09"].flag and rows["2026-09"].difference == Decimal("-100.00")
    assert rows["2026-10"].estimate == october and not rows["2026-10"].flag  # 0.9 %: within 1 %
    assert rows["2026-08"].billed is None and not rows["2026-08"].flag


@pytest.mark.parametrize("kind", ["500", "503", "drop", "drop_after_store", "slow_after_store"])
def test_a_fault_on_the_post_never_duplicates_or_loses_the_reading(
        kind: str, household: JournalService, emulator: PortalEmulator, keyring_store: CredentialStore) -> None:
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    emulator.fail(kind, method="POST", seconds=1.0)
    sync = make_sync(household, emulator, keyring_store, timeout=0.4)
    report = sync.sync()
    assert emulator.count(READING_DAY, VALUES) == 1
    assert [s.status for s in report.sent] == ["accepted"] and report.ok
    assert states(household) == ["accepted"]


def test_a_slow_portal_still_processing_is_not_asked_too_early(household: JournalService,
                                                               emulator: PortalEmulator,
                                                               keyring_store: CredentialStore) -> None:
    """A request that timed out may still be running on the server: `settle` waits before checking."""
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    emulator.fail("slow", method="POST", seconds=0.8)
    options = SyncOptions(retry_delay=0.0, attempts_per_pass=1, settle=timedelta(seconds=1.5))
    sync = make_sync(household, emulator, keyring_store, timeout=0.3, options=options)
    first = sync.sync()
    assert len(first.waiting) == 1 and states(household) == ["sending"]
    second = sync.sync()  # at once: too early to ask the portal, nothing is sent
    assert second.sent == () and states(household) == ["sending"]
    threading.Event().wait(1.6)
    third = sync.sync()
    assert [s.status for s in third.sent] == ["accepted"]
    assert emulator.count(READING_DAY, VALUES) == 1


def test_the_app_dying_after_the_request_went_out_changes_nothing(household: JournalService,
                                                                   emulator: PortalEmulator,
                                                                   keyring_store: CredentialStore) -> None:
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    transport = CrashingTransport()
    transport.crash_after_post = True
    with pytest.raises(CrashAfterSend):
        make_sync(household, emulator, keyring_store, transport=transport).sync()
    assert states(household) == ["sending"] and emulator.count(READING_DAY, VALUES) == 1
    # A restart: a new service over the same journal file finds the `sending` row and asks the portal first.
    household.close()
    restarted = JournalService(household.path, today=lambda: TODAY)
    try:
        report = make_sync(restarted, emulator, keyring_store).sync()
        assert [s.last_error for s in report.sent] == ["found on the portal after an unconfirmed send"]
        assert emulator.count(READING_DAY, VALUES) == 1
    finally:
        restarted.close()


def test_a_rejected_reading_shows_the_portals_message(household: JournalService, emulator: PortalEmulator,
                                                      keyring_store: CredentialStore) -> None:
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    emulator.fail("reject", method="POST")
    report = make_sync(household, emulator, keyring_store).sync()
    assert [s.portal_message for s in report.rejected] == [REJECT_MESSAGE]
    assert report.ok and emulator.count(READING_DAY, VALUES) == 0
    info = make_sync(household, emulator, keyring_store).submissions(ACCOUNT)[0]
    assert info.state == "rejected" and REJECT_MESSAGE in info.text


def test_an_expired_csrf_token_is_fetched_again_and_the_post_retried_once(
        household: JournalService, emulator: PortalEmulator, keyring_store: CredentialStore) -> None:
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    emulator.fail("csrf", method="POST")
    report = make_sync(household, emulator, keyring_store).sync()
    assert len(report.sent) == 1 and emulator.count(READING_DAY, VALUES) == 1
    posts = [status for method, path, status in emulator.requests if method == "POST"]
    fetches = [path for method, path, _ in emulator.requests if method == "GET" and path.endswith("_SRV_01/")]
    assert posts == [403, 201] and len(fetches) == 2


def test_a_csrf_token_refused_twice_leaves_the_reading_queued(household: JournalService, emulator: PortalEmulator,
                                                               keyring_store: CredentialStore) -> None:
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    emulator.fail("csrf", method="POST", times=6)
    options = SyncOptions(retry_delay=0, attempts_per_pass=2, settle=timedelta(0))
    report = make_sync(household, emulator, keyring_store, options=options).sync()
    assert len(report.waiting) == 1 and states(household) == ["queued"]
    assert emulator.count(READING_DAY, VALUES) == 0
    assert len(make_sync(household, emulator, keyring_store).sync().sent) == 1


def test_a_wrong_password_asks_for_it_again(household: JournalService, emulator: PortalEmulator) -> None:
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    store = CredentialStore(MemoryKeyring())
    store.set(ACCOUNT, "wrong")
    sync = make_sync(household, emulator, store)
    with pytest.raises(AuthError) as error:
        sync.sync()
    assert "password again" in error.value.message and "wrong" not in error.value.message
    assert states(household) == ["queued"]
    assert len(sync.sync(password=PASSWORD).sent) == 1  # typed by the person


def test_a_401_in_the_middle_stops_the_sync_without_losing_the_reading(
        household: JournalService, emulator: PortalEmulator, keyring_store: CredentialStore) -> None:
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    emulator.fail("401", method="POST")
    with pytest.raises(AuthError):
        make_sync(household, emulator, keyring_store).sync()
    assert states(household) == ["queued"] and emulator.count(READING_DAY, VALUES) == 0
    assert len(make_sync(household, emulator, keyring_store).sync().sent) == 1


def test_an_unreachable_portal_leaves_readings_queued(household: JournalService, keyring_store: CredentialStore
                                                      ) -> None:
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    gone = PortalEmulator()
    gone.stop()  # a port nobody listens on any more
    report = make_sync(household, gone, keyring_store).sync()
    assert report.unreachable and len(report.waiting) == 1 and states(household) == ["queued"]


def test_a_slow_read_is_retried_and_5xx_on_reads_are_survived(household: JournalService, emulator: PortalEmulator,
                                                               keyring_store: CredentialStore) -> None:
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    emulator.fail("500", method="GET", path="RegistersToRead")
    emulator.fail("503", method="GET", path="RegistersToRead")
    report = make_sync(household, emulator, keyring_store).sync()
    assert len(report.sent) == 1 and emulator.count(READING_DAY, VALUES) == 1


def test_anonymous_submission_through_the_public_service(household: JournalService, emulator: PortalEmulator) -> None:
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    store = CredentialStore(MemoryKeyring())  # no password at all
    emulator.fail("drop_after_store", method="POST", path="PUBLIC")
    report = make_sync(household, emulator, store).sync(anonymous=True)
    assert len(report.sent) == 1 and report.pulled is None
    assert emulator.count(READING_DAY, VALUES) == 1
    assert all("sap-password" not in path for _m, path, _s in emulator.requests)


def test_zones_are_matched_by_text_not_position(household: JournalService, keyring_store: CredentialStore) -> None:
    account = household_with_zones(("Ночь", "День"), previous=(500, 1000))
    with PortalEmulator(PortalState([account])) as emu:
        household.add_reading(ACCOUNT, READING_DAY, "1200,600")
        make_sync(household, emu, keyring_store).sync()
        results = {r["Zwarttxt"]: Decimal(r["ReadingResult"]) for r in emu.state.readings()}
        assert results == {"День": 1200, "Ночь": 600}


def household_with_zones(zones: tuple[str, ...], previous: tuple[int, ...]):  # type: ignore[no-untyped-def]
    return portal_household(password=PASSWORD, zones=zones, previous=previous)


def test_values_below_the_portals_previous_reading_are_not_sent(household: JournalService,
                                                                keyring_store: CredentialStore) -> None:
    account = portal_household(password=PASSWORD, previous=(1500, 500), previous_date=date(2026, 10, 20))
    with PortalEmulator(PortalState([account])) as emu:
        household.add_reading(ACCOUNT, READING_DAY, "1200,600")
        report = make_sync(household, emu, keyring_store).sync()
        assert len(report.rejected) == 1 and "below the portal's previous reading 1500" in (
            report.rejected[0].last_error or "")
        assert emu.state.readings() == []


def test_a_meter_unknown_to_the_portal_keeps_its_reading_waiting(household: JournalService,
                                                                 keyring_store: CredentialStore) -> None:
    with PortalEmulator(PortalState([household_other_serial()])) as emu:
        household.add_reading(ACCOUNT, READING_DAY, "1200,600")
        report = make_sync(household, emu, keyring_store).sync()
        assert len(report.waiting) == 1 and "not among the portal's devices" in report.warnings[0]


def household_other_serial():  # type: ignore[no-untyped-def]
    return portal_household(password=PASSWORD, serial="99999999")


def test_progress_is_reported_and_cancel_stops_between_requests(household: JournalService,
                                                                emulator: PortalEmulator,
                                                                keyring_store: CredentialStore) -> None:
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    seen: list[SyncProgress] = []
    cancel = threading.Event()

    def progress(p: SyncProgress) -> None:
        seen.append(p)
        if p.step == "match":
            cancel.set()

    report = make_sync(household, emulator, keyring_store).sync(progress=progress, cancel=cancel)
    assert report.cancelled and len(report.waiting) == 1 and states(household) == ["queued"]
    assert [p.step for p in seen][:2] == ["connect", "match"] and seen[-1].step == "done"


def test_the_sync_runs_in_a_worker_thread_while_the_journal_is_used(household: JournalService,
                                                                    emulator: PortalEmulator,
                                                                    keyring_store: CredentialStore) -> None:
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    emulator.delay = 0.05
    sync = make_sync(household, emulator, keyring_store)
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(sync.sync()))
    worker.start()
    while worker.is_alive():
        household.history(ACCOUNT)  # the GUI thread reads meanwhile
        sync.submissions(ACCOUNT)
        worker.join(0.01)
    assert len(result[0].sent) == 1  # type: ignore[attr-defined]


def test_one_sync_at_a_time(household: JournalService, emulator: PortalEmulator,
                            keyring_store: CredentialStore) -> None:
    sync = make_sync(household, emulator, keyring_store)
    with SyncLock(household.path.parent / LOCK_FILE), pytest.raises(SyncBusy):
        sync.sync()


def test_backoff_is_respected_by_the_background_worker(household: JournalService, emulator: PortalEmulator,
                                                       keyring_store: CredentialStore) -> None:
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    emulator.fail("503", method="POST", times=10)
    sync = make_sync(household, emulator, keyring_store, options=FAST)
    report = sync.sync(background=True)
    assert len(report.waiting) == 1
    due = sync.next_attempt_at()
    assert due is not None and due > report.waiting[0].updated_at
    emulator.clear_faults()
    assert sync.sync(background=True).sent == ()  # not due yet: left alone
    assert len(sync.sync().sent) == 1  # on demand: sent (after checking it had not arrived)
    assert emulator.count(READING_DAY, VALUES) == 1


def test_no_keyring_means_asking_each_time_never_plain_text(household: JournalService, emulator: PortalEmulator,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from keyring.backends import fail

    monkeypatch.delenv("METER_JOURNAL_PORTAL_PASSWORD", raising=False)
    store = CredentialStore(fail.Keyring())
    assert not store.status().available and "asked for each time" in store.status().message
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    sync = make_sync(household, emulator, store)
    with pytest.raises(CredentialsRequired) as error:
        sync.sync()
    assert not error.value.keyring_available
    with pytest.raises(CredentialsRequired):
        sync.save_password(ACCOUNT, PASSWORD)
    assert len(sync.sync(password=PASSWORD).sent) == 1
    files = [p for p in household.path.parent.rglob("*") if p.is_file()]
    assert not any(PASSWORD.encode() in p.read_bytes() for p in files)


def test_the_environment_gives_the_password_for_scripted_use(household: JournalService, emulator: PortalEmulator,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("METER_JOURNAL_PORTAL_LOGIN", ACCOUNT)
    monkeypatch.setenv("METER_JOURNAL_PORTAL_PASSWORD", PASSWORD)
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    assert len(make_sync(household, emulator, CredentialStore(MemoryKeyring())).sync().sent) == 1


PAYEE = {"PayeeName": "ПАО «Самараэнерго»", "PayeeINN": "6315222985", "PayeeKPP": "631501001",
         "PayeeAccount": "40702810000000001237", "PayeeBankName": "Банк (эмулятор)", "PayeeBIC": "043699001",
         "PayeeCorrAccount": "30101810000000000008"}


def test_payee_bank_details_are_taken_when_the_portal_gives_valid_ones(
        household: JournalService, emulator: PortalEmulator, keyring_store: CredentialStore) -> None:
    from journal.storage.models import Payee

    emulator.state.accounts[0].contract_accounts[0].extra.update({**PAYEE, "PayeeBIC": "043699002"})  # bad key
    assert make_sync(household, emulator, keyring_store).sync().pulled.payee is False  # type: ignore[union-attr]
    emulator.state.accounts[0].contract_accounts[0].extra.update(PAYEE)
    assert make_sync(household, emulator, keyring_store).sync().pulled.payee is True  # type: ignore[union-attr]
    with household.journal.write() as session:
        payee = session.query(Payee).one()
        assert (payee.source, payee.inn, payee.bic) == ("portal", "6315222985", "043699001")
        payee.source = "bill"  # the user's own details from the bill are never overwritten
    assert make_sync(household, emulator, keyring_store).sync().pulled.payee is False  # type: ignore[union-attr]


def test_a_plan_that_disagrees_with_the_portals_meter_is_told(household: JournalService,
                                                              keyring_store: CredentialStore) -> None:
    # The supplier reprogrammed the meter for a single rate; the journal still has day and night.
    account = household_with_zones(("Сутки",), previous=(1500,))
    with PortalEmulator(PortalState([account])) as emu:
        report = make_sync(household, emu, keyring_store).sync()
        (warning,) = report.warnings
        assert warning.startswith(f"Account {ACCOUNT}: The portal's meter has 1 register(s) (001 «Сутки»)")
        assert "record the plan change" in warning
        # Once the change is recorded, the meter in use matches and the warning is gone.
        household.change_plan(ACCOUNT, "single", date(2026, 11, 1), "1450,700", "1500")
        again = make_sync(household, emu, keyring_store).sync()
        assert again.warnings == ()
        household.add_reading(ACCOUNT, date(2026, 11, 20), "1600")
        make_sync(household, emu, keyring_store).sync()
        assert [(r["Zwarttxt"], Decimal(r["ReadingResult"])) for r in emu.state.readings()] == [("Сутки", 1600)]
