"""One place answers an unreachable portal for the whole run (SyncRun.exchange): out of reach or out of time the
run stops, noted once; another fault of the portal's is a warning naming the account, and the run goes on. The
run's progress and warnings are messages (data), whose English is what the command line prints."""

from __future__ import annotations

import pytest

from desktop_app.portal.errors import AuthError, PortalError, PortalUnreachable, SyncDeadline
from desktop_app.portal.sync import SyncProgress
from desktop_app.portal.sync_run import Stop, SyncRun
from desktop_app.services.journal_service import JournalService
from journal.messages import Message
from tests.conftest import ACCOUNT
from tests.portal.support import READING_DAY, make_sync
from tests.portal_emulator import PortalEmulator


def a_run(household: JournalService) -> SyncRun:
    return SyncRun(household.journal, household.today)


def test_an_unreachable_portal_stops_the_run_once_noted(household: JournalService) -> None:
    run = a_run(household)
    after = []
    with pytest.raises(Stop):
        with run.exchange(ACCOUNT):
            raise PortalUnreachable("The portal cannot be reached: no connection.")
        after.append("went on")  # never: the run stops
    assert run.unreachable and not run.expired and after == []
    assert [str(w) for w in run.warnings] == ["The portal cannot be reached: no connection."]


def test_the_deadline_stops_the_run_as_expired(household: JournalService) -> None:
    run = a_run(household)
    with pytest.raises(Stop), run.exchange(tolerate=False):
        raise SyncDeadline()
    assert run.expired and not run.unreachable and "time limit" in str(run.warnings[0])


def test_another_fault_is_a_warning_naming_the_account_and_the_run_goes_on(household: JournalService) -> None:
    run = a_run(household)
    with run.exchange(ACCOUNT):
        raise PortalError("The portal answered with an error (HTTP 500).")
    with run.exchange():
        raise PortalError("The portal answered with an error (HTTP 502).")
    assert not run.unreachable and isinstance(run.warnings[0], Message)
    assert [str(w) for w in run.warnings] == [f"Account {ACCOUNT}: The portal answered with an error (HTTP 500).",
                                              "The portal answered with an error (HTTP 502)."]


def test_a_fault_not_tolerated_is_the_callers_and_a_refused_password_passes(household: JournalService) -> None:
    run = a_run(household)
    with pytest.raises(PortalError), run.exchange(tolerate=False):
        raise PortalError("The portal answered with an error (HTTP 500).")
    with pytest.raises(AuthError), run.exchange(ACCOUNT):
        raise AuthError(login=ACCOUNT)
    assert run.warnings == [] and not run.unreachable


def test_the_runs_progress_is_a_message_in_the_command_lines_english(household: JournalService,
                                                                     emulator: PortalEmulator,
                                                                     keyring_store) -> None:  # type: ignore[no-untyped-def]
    household.add_reading(ACCOUNT, READING_DAY, "1200,600")
    seen: list[SyncProgress] = []
    report = make_sync(household, emulator, keyring_store).sync(progress=seen.append)
    assert report.ok and all(isinstance(p.message, Message) for p in seen)
    steps = {p.step: str(p.message) for p in reversed(seen)}  # each step's first words
    assert steps["connect"] == "Connecting to the portal" and steps["match"] == "Matching accounts and meters"
    sending = next(p.message for p in seen if p.step == "send")
    assert sending.value("day") == READING_DAY and str(sending) == f"Reading of 2026-11-20 for account {ACCOUNT}"
