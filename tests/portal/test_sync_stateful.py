"""Random sequences of readings, edits, deletions, undos, portal faults, app crashes and restarts: the portal
emulator ends up holding each reading exactly once, and the outbox agrees with it (hypothesis stateful testing)."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from desktop_app.portal.credentials import CredentialStore
from desktop_app.portal.errors import AuthError
from desktop_app.portal.sync import SyncOptions
from desktop_app.services.journal_service import JournalService
from journal.errors import JournalError
from journal.outbox import SubmissionInfo
from tests.conftest import ACCOUNT, make_household
from tests.portal.support import PASSWORD, CrashAfterSend, CrashingTransport, MemoryKeyring, make_sync
from tests.portal_emulator import PortalEmulator, PortalState, household

OPTIONS = SyncOptions(retry_delay=0.0, attempts_per_pass=2, settle=timedelta(seconds=0.5),
                      backoff_base=timedelta(0))
TIMEOUT = 1.0
POST_FAULTS = ["500", "503", "drop", "drop_after_store", "reject", "csrf", "401", "html", "empty", "redirect",
               "truncated"]
GET_FAULTS = ["500", "503", "drop"]


class OutboxAgainstPortal(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="mj-stateful-"))
        self.day = date(2026, 1, 5)
        self.emulator = PortalEmulator(PortalState([household(password=PASSWORD)])).start()
        self.store = CredentialStore(MemoryKeyring())
        self.store.set(ACCOUNT, PASSWORD)
        self.transport = CrashingTransport()
        self._open()
        make_household(self.journal)

    def _open(self) -> None:
        self.journal = JournalService(self.folder / "journal.sqlite3", today=lambda: self.day)
        self.sync = make_sync(self.journal, self.emulator, self.store, options=OPTIONS, timeout=TIMEOUT,
                              transport=self.transport)

    def _newest(self) -> tuple[int, tuple[int, ...]] | None:
        rows = [r for r in self.journal.history(ACCOUNT, include_retired=False) if not r.is_final]
        return (rows[-1].reading_id, rows[-1].values) if rows else None

    def _base(self) -> tuple[int, ...]:
        newest = self._newest()
        return newest[1] if newest else (1000, 500)

    # --- the person --------------------------------------------------------------------------------------------

    @rule(days=st.integers(1, 20), day_kwh=st.integers(0, 300), night_kwh=st.integers(0, 150),
          replace=st.booleans())
    def add_reading(self, days: int, day_kwh: int, night_kwh: int, replace: bool) -> None:
        self.day += timedelta(days=days)
        base = self._base()
        values = f"{base[0] + day_kwh},{base[1] + night_kwh}"
        try:
            self.journal.add_reading(ACCOUNT, self.day, values, replace=replace, confirm=True)
        except JournalError:
            pass  # e.g. a second reading for the period without --replace

    @rule(extra=st.integers(0, 50))
    def edit_newest(self, extra: int) -> None:
        newest = self._newest()
        if newest is None:
            return
        reading_id, values = newest
        row = next(r for r in self.journal.history(ACCOUNT) if r.reading_id == reading_id)
        try:
            self.journal.edit_reading(ACCOUNT, reading_id, row.taken_on, f"{values[0] + extra},{values[1]}",
                                      confirm=True)
        except JournalError:
            pass

    @rule()
    def delete_newest(self) -> None:
        newest = self._newest()
        if newest is not None:
            self.journal.delete_reading(ACCOUNT, newest[0])

    @rule()
    def undo(self) -> None:
        try:
            self.journal.undo()
        except JournalError:
            pass

    # --- the world ---------------------------------------------------------------------------------------------

    @rule(kind=st.sampled_from(POST_FAULTS), stored=st.booleans())
    def fault_on_post(self, kind: str, stored: bool) -> None:
        self.emulator.fail(kind, method="POST", store=stored)  # html, empty, redirect: stored before, or not at all

    @rule(kind=st.sampled_from(GET_FAULTS), path=st.sampled_from(["RegistersToRead", "Accounts", "Devices"]))
    def fault_on_read(self, kind: str, path: str) -> None:
        self.emulator.fail(kind, method="GET", path=path)

    @rule()
    def slow_answer_after_storing(self) -> None:
        self.emulator.fail("slow_after_store", method="POST", seconds=TIMEOUT + 0.2)

    @rule()
    def crash_after_the_next_post(self) -> None:
        self.transport.crash_after_post = True

    @rule()
    def sync_now(self) -> None:
        try:
            self.sync.sync(pull=False)
        except CrashAfterSend:
            self.restart()
        except AuthError:
            pass

    @rule()
    def restart(self) -> None:
        self.journal.close()
        self._open()

    # --- what must always hold ------------------------------------------------------------------------------------

    def _submissions(self) -> list[SubmissionInfo]:
        return self.sync.submissions(ACCOUNT)

    @invariant()
    def the_portal_agrees_with_the_outbox(self) -> None:
        subs = self._submissions()
        sent = Counter((s.taken_on, s.values) for s in subs if s.status in ("sent", "accepted"))
        maybe = Counter((s.taken_on, s.values) for s in subs if s.status == "sending")
        held = Counter((r["_date"], r["RegisterID"], int(float(r["ReadingResult"])))
                       for r in self.emulator.state.readings())
        for key in set(sent) | set(maybe):
            day, values = key
            count = self.emulator.count(day, values)
            # Exactly once: a reading the outbox calls sent is held once; one still `sending` at most once.
            # (Two readings with the same day and values — an edit that changed nothing — are one reading to the
            # portal: the second is found there and marked sent, never posted.)
            assert count == 1 if sent[key] else count <= 1, (key, count, subs)
        keys = {(day, f"{i:03d}", v) for (day, values) in set(sent) | set(maybe) for i, v in enumerate(values, 1)}
        assert set(held) <= keys, "the portal holds a reading the outbox does not account for"

    def teardown(self) -> None:
        try:
            self.emulator.clear_faults()
            self.transport.crash_after_post = False
            final = make_sync(self.journal, self.emulator, self.store, options=SyncOptions(
                retry_delay=0.0, attempts_per_pass=3, settle=timedelta(0)), timeout=5.0)
            report = final.sync(pull=False)
            if report.waiting:  # a request that timed out is asked about only after OPTIONS.settle
                threading.Event().wait(OPTIONS.settle.total_seconds() + 0.1)
                report = final.sync(pull=False)
            assert report.waiting == (), report
            self.the_portal_agrees_with_the_outbox()
            for s in self._submissions():
                if s.status in ("sent", "accepted"):
                    assert self.emulator.count(s.taken_on, s.values) >= 1
        finally:
            self.journal.close()
            self.emulator.stop()
            self.transport.close()
            shutil.rmtree(self.folder, ignore_errors=True)


OutboxAgainstPortal.TestCase.settings = settings(
    max_examples=int(os.environ.get("MJ_STATEFUL_EXAMPLES", "25")), stateful_step_count=14, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_outbox_against_the_portal = OutboxAgainstPortal.TestCase
