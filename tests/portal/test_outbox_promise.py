"""The outbox's promise, against the portal emulator over real sockets: each reading in force reaches the supplier
exactly once; a withdrawn one never; an answer that is not the stored reading is an unknown outcome — checked with
the portal after the settle time, never assumed, never resent blindly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.portal.credentials import CredentialStore
from desktop_app.portal.lock import SyncLock
from desktop_app.portal.sync import SyncOptions
from desktop_app.services.journal_service import JournalService
from desktop_app.services.sync_service import LOCK_FILE, SyncService
from journal import outbox
from journal.outbox import SubmissionInfo
from tests.conftest import ACCOUNT, make_household
from tests.portal.support import PASSWORD, READING_DAY, make_sync
from tests.portal_emulator import PortalEmulator

VALUES = (1200, 600)
CORRECTED = (1250, 610)
NEXT_DAY = READING_DAY + timedelta(days=1)
SETTLE = timedelta(seconds=0.6)
QUICK = SyncOptions(retry_delay=0.0, attempts_per_pass=3, settle=SETTLE)
ROOT = Path(__file__).resolve().parents[2]


def submissions(svc: JournalService) -> list[SubmissionInfo]:
    with svc.journal.read() as session:
        return outbox.submissions(session)


def statuses(svc: JournalService) -> list[str]:
    return [s.status for s in submissions(svc)]


def of_reading(svc: JournalService, reading_id: int) -> SubmissionInfo:
    return next(s for s in submissions(svc) if s.reading_id == reading_id)


def settle() -> None:
    threading.Event().wait(SETTLE.total_seconds() + 0.1)


# --- 1. an answer that is not the created entity -----------------------------------------------------------------


@pytest.mark.parametrize(("kind", "store"), [
    ("html", True), ("html", False), ("empty", True), ("empty", False), ("redirect", True), ("redirect", False),
    ("truncated", True),
], ids=["html-stored", "html-not-stored", "empty-stored", "empty-not-stored", "307-stored", "307-not-stored",
        "truncated"])
def test_an_answer_that_is_not_the_stored_reading_is_checked_later_never_assumed(
        kind: str, store: bool, household: JournalService, emulator: PortalEmulator,
        keyring_store: CredentialStore) -> None:
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    emulator.fail(kind, method="POST", store=store)
    sync = make_sync(household, emulator, keyring_store, options=QUICK)
    first = sync.sync(pull=False)
    assert first.sent == () and not first.ok and [s.state for s in first.checking] == ["checking"]
    assert first.checking[0].text.startswith("not confirmed yet: being checked with the supplier")
    assert statuses(household) == ["sending"] and emulator.posts == 1
    assert emulator.count(READING_DAY, VALUES) == (1 if store else 0)
    again = sync.sync(pull=False)  # at once: the portal may still be working on it — neither resent nor confirmed
    assert again.sent == () and len(again.checking) == 1 and emulator.posts == 1
    settle()
    last = sync.sync(pull=False)
    assert [s.status for s in last.sent] == ["accepted"] and last.ok
    assert emulator.count(READING_DAY, VALUES) == 1
    assert emulator.posts == (1 if store else 2)  # sent again only once the portal showed it had not arrived


# --- 2. a reading withdrawn while its outcome is unknown ----------------------------------------------------------


def withdraw(action: str, svc: JournalService, reading_id: int) -> tuple[int, ...] | None:
    """Delete, edit, replace or undo the reading; the values the journal now wants sent instead (or None)."""
    if action == "delete":
        svc.delete_reading(ACCOUNT, reading_id)
        return None
    if action == "edit":
        svc.edit_reading(ACCOUNT, reading_id, NEXT_DAY, "1250,610")
        return CORRECTED
    if action == "replace":
        svc.add_reading(ACCOUNT, NEXT_DAY, "1250,610", replace=True, confirm=True)
        return CORRECTED
    assert svc.undo().result == "add"
    return None


@pytest.mark.parametrize("stored", [False, True], ids=["lost", "stored-then-lost"])
@pytest.mark.parametrize("action", ["delete", "edit", "replace", "undo"])
def test_a_reading_withdrawn_after_a_lost_post_is_never_sent(action: str, stored: bool, household: JournalService,
                                                             emulator: PortalEmulator,
                                                             keyring_store: CredentialStore) -> None:
    reading = household.add_reading(ACCOUNT, READING_DAY, "1200,600").result
    emulator.fail("drop_after_store" if stored else "drop", method="POST")
    sync = make_sync(household, emulator, keyring_store, options=QUICK)
    assert len(sync.sync(pull=False).checking) == 1
    wanted = withdraw(action, household, reading.id)
    assert of_reading(household, reading.id).status == "sending"  # the request may have arrived: not cancelled yet
    early = sync.sync(pull=False)  # before settle: nothing goes out, not even the correction
    assert early.sent == () and emulator.posts == 1
    settle()
    report = sync.sync(pull=False)
    assert report.ok, report
    old = of_reading(household, reading.id)
    if stored:  # the portal had it after all: the truth is recorded, and said
        assert old.status == "accepted" and emulator.count(READING_DAY, VALUES) == 1
        (warning,) = [w for w in report.warnings if "had reached the supplier before it was" in w]
        assert "1200, 600" in warning and "the supplier keeps it" in warning
    else:  # never sent again: cancelled
        assert old.status == "cancelled" and emulator.count(READING_DAY, VALUES) == 0
        assert [s.reading_id for s in report.withdrawn] == [reading.id]
    if wanted is not None:  # the correction goes through once, as the portal allows (a later day)
        assert emulator.count(NEXT_DAY, wanted) == 1
    assert emulator.posts == 1 + (wanted is not None)
    assert sync.sync(pull=False).sent == () and emulator.posts == 1 + (wanted is not None)


def test_a_same_day_correction_of_a_delivered_reading_is_refused_with_the_phone(
        household: JournalService, emulator: PortalEmulator, keyring_store: CredentialStore) -> None:
    reading = household.add_reading(ACCOUNT, READING_DAY, "1200,600").result
    emulator.fail("drop_after_store", method="POST")
    sync = make_sync(household, emulator, keyring_store, options=QUICK)
    sync.sync(pull=False)
    edited = household.edit_reading(ACCOUNT, reading.id, READING_DAY, "1250,610").result
    settle()
    report = sync.sync(pull=False)
    assert of_reading(household, reading.id).status == "accepted"
    assert any("before it was corrected in the journal" in w for w in report.warnings)
    (rejected,) = report.rejected
    assert rejected.reading_id == edited.id and "8-800-775-83-37" in (rejected.last_error or "")
    assert emulator.count(READING_DAY, VALUES) == 1 and emulator.count(READING_DAY, CORRECTED) == 0


def test_a_reading_withdrawn_before_its_first_send_is_cancelled_by_the_claim(
        household: JournalService, emulator: PortalEmulator, keyring_store: CredentialStore) -> None:
    """Deleted between the sync's look at the outbox and its claim: checked in the claim's own transaction."""
    reading = household.add_reading(ACCOUNT, READING_DAY, "1200,600").result
    sync = make_sync(household, emulator, keyring_store, options=QUICK)

    def delete_while_reading_registers(progress: object) -> None:
        if getattr(progress, "step", "") == "send" and of_reading(household, reading.id).status == "queued":
            with household.journal.write() as session:  # behind the outbox's back: the journal's own status only
                from journal.storage.models import Reading, ReadingStatus

                session.get_one(Reading, reading.id).status = ReadingStatus.DELETED

    report = sync.sync(pull=False, progress=delete_while_reading_registers)
    assert [s.reading_id for s in report.withdrawn] == [reading.id] and emulator.posts == 0
    assert of_reading(household, reading.id).status == "cancelled"


# --- 3. a crash while the POST is held by the server --------------------------------------------------------------


def test_a_sync_killed_while_the_server_holds_its_post_then_an_immediate_sync_sends_nothing_twice(
        tmp_path: Path, emulator: PortalEmulator, keyring_store: CredentialStore) -> None:
    """The CLI's sync is SIGKILLed while the portal still works on its POST (it stores the reading later); a sync
    at once finds the submission `sending` and waits for settle instead of sending again."""
    day = date.today() - timedelta(days=3)  # the CLI uses the real today
    folder = tmp_path / "data"
    journal = JournalService(folder / "journal.sqlite3", today=date.today)
    make_household(journal)
    journal.add_reading(ACCOUNT, day, "1200,600")
    journal.close()
    hold = 2.5
    emulator.fail("slow", method="POST", seconds=hold)  # the server holds the POST, then stores the reading
    env = {**os.environ, "METER_JOURNAL_PORTAL_PASSWORD": PASSWORD, "PYTHONPATH": str(ROOT)}
    env.pop("METER_JOURNAL_DATA_DIR", None)
    child = subprocess.Popen([sys.executable, "-m", "desktop_app", "--data-dir", str(folder), "sync", "--no-pull",
                              "--portal-url", emulator.url], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    try:
        assert emulator.post_arrived.wait(30), child.communicate(timeout=5)[1]
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    restarted = JournalService(folder / "journal.sqlite3", today=date.today)
    try:
        assert statuses(restarted) == ["sending"]
        sync = make_sync(restarted, emulator, keyring_store, options=SyncOptions(retry_delay=0.0))
        report = sync.sync(pull=False)  # at once, with the default settle: it waits, and says so
        assert report.sent == () and [s.state for s in report.checking] == ["checking"] and emulator.posts == 1
        deadline = time.monotonic() + hold + 10
        while emulator.count(day, VALUES) == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert emulator.count(day, VALUES) == 1  # the held POST was stored after all
        later = SyncService(restarted, store=keyring_store, portal=sync.portal, options=SyncOptions(retry_delay=0.0),
                            now=lambda: datetime.now() + timedelta(minutes=11))  # once settle has passed
        final = later.sync(pull=False)
        assert [s.status for s in final.sent] == ["accepted"] and final.ok
        assert emulator.count(day, VALUES) == 1 and emulator.posts == 1  # held once, posted once
    finally:
        restarted.close()


# --- 4. a dripping server and the run's deadline ------------------------------------------------------------------


@pytest.mark.parametrize("where", ["POST", "GET"])
def test_a_dripping_server_does_not_hold_the_sync_past_its_deadline(where: str, household: JournalService,
                                                                    emulator: PortalEmulator,
                                                                    keyring_store: CredentialStore) -> None:
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    if where == "POST":
        emulator.fail("drip", method="POST", seconds=0.2)  # stored, then answered a byte every 0.2 s
    else:
        emulator.fail("drip", method="GET", path="RegistersToRead", seconds=0.2)
    options = SyncOptions(retry_delay=0.0, settle=SETTLE, deadline=timedelta(seconds=2))
    sync = make_sync(household, emulator, keyring_store, options=options, timeout=1.0)  # each byte within 1 s
    started = time.monotonic()
    report = sync.sync(pull=False)
    took = time.monotonic() - started
    assert took < 3.5, took
    assert report.expired and "time limit" in report.warnings[-1] and not report.ok
    with SyncLock(household.path.parent / LOCK_FILE):  # the lock is free again
        pass
    if where == "POST":  # stored, answer cut off: unknown, checked later
        assert statuses(household) == ["sending"] and emulator.count(READING_DAY, VALUES) == 1
    else:  # nothing went out
        assert statuses(household) == ["queued"] and emulator.posts == 0
    settle()
    final = sync.sync(pull=False)
    assert [s.status for s in final.sent] == ["accepted"] and emulator.count(READING_DAY, VALUES) == 1
    assert emulator.posts == 1


def test_a_slow_answer_is_cut_at_the_request_limit_and_checked_later(household: JournalService,
                                                                     emulator: PortalEmulator,
                                                                     keyring_store: CredentialStore) -> None:
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    emulator.fail("drip", method="POST", seconds=0.2)
    options = SyncOptions(retry_delay=0.0, settle=SETTLE, request_limit=timedelta(seconds=1))
    sync = make_sync(household, emulator, keyring_store, options=options, timeout=1.0)
    started = time.monotonic()
    report = sync.sync(pull=False)
    assert time.monotonic() - started < 3 and not report.expired
    assert [s.state for s in report.checking] == ["checking"]
    assert "came too slowly" in (report.checking[0].last_error or "")
