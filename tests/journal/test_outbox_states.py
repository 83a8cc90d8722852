"""The outbox's own rules: a submission changes state only along the outbox's transitions (anything else raises
and changes nothing), a failed try sets its next one by the backoff, and one query lists waiting or sent ones."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop_app.services.journal_service import JournalService
from journal import outbox
from journal.outbox import Backoff, SubmissionState, SubmissionStatus, TransitionRefused
from tests.conftest import ACCOUNT

NOW = datetime(2026, 11, 27, 9)
DAY = date(2026, 11, 20)


def status(svc: JournalService) -> tuple[str, int, datetime | None, str | None]:
    with svc.journal.read() as session:
        (info,) = outbox.submissions(session)
    return info.status, info.attempts, info.next_attempt_at, info.last_error


@pytest.mark.parametrize("change", [
    lambda s: outbox.mark_sent(s, 1, NOW, portal_reading_id="R", accepted=False),  # never claimed
    lambda s: outbox.mark_accepted(s, 1, NOW),  # never sent
    lambda s: outbox.release(s, 1, NOW, error="x"),  # nothing went out to be released from
    lambda s: outbox.keep_uncertain(s, 1, NOW, error="x", check_after=NOW),
])
def test_a_change_the_outbox_does_not_allow_raises_and_changes_nothing(household: JournalService, change) -> None:  # type: ignore[no-untyped-def]
    household.add_reading(ACCOUNT, DAY, "1200,600")
    before = status(household)
    with pytest.raises(TransitionRefused), household.journal.write() as session:
        change(session)
    assert status(household) == before and before[0] == SubmissionStatus.QUEUED


def test_a_settled_submission_stays_settled(household: JournalService) -> None:
    household.add_reading(ACCOUNT, DAY, "1200,600")
    with household.journal.write() as session:
        assert outbox.claim(session, 1, NOW) == outbox.CLAIMED
        outbox.mark_rejected(session, 1, NOW, portal_message="Показания не приняты")
    for change in (lambda s: outbox.claim(s, 1, NOW) and outbox.withdraw(s, 1, NOW),
                   lambda s: outbox.mark_sent(s, 1, NOW, portal_reading_id="R", accepted=True),
                   lambda s: outbox.record_failure(s, 1, "x", NOW)):
        with pytest.raises(TransitionRefused), household.journal.write() as session:
            change(session)
    assert status(household)[0] == SubmissionStatus.REJECTED


def test_the_outbox_sets_the_next_try_by_its_backoff(household: JournalService) -> None:
    household.add_reading(ACCOUNT, DAY, "1200,600")
    backoff = Backoff(first=timedelta(minutes=2), longest=timedelta(minutes=5))
    with household.journal.write() as session:  # not sent at all yet: the first wait
        assert outbox.record_failure(session, 1, "meter not found", NOW, backoff) == NOW + timedelta(minutes=2)
    assert status(household) == (SubmissionStatus.QUEUED, 0, NOW + timedelta(minutes=2), "meter not found")
    waits = []
    for _ in range(3):  # each claimed try that certainly did not go out doubles the wait, up to the longest
        with household.journal.write() as session:
            assert outbox.claim(session, 1, NOW) == outbox.CLAIMED
            outbox.release(session, 1, NOW, error="no connection", backoff=backoff)
        waits.append(status(household)[2] - NOW)  # type: ignore[operator]
    assert waits == [timedelta(minutes=2), timedelta(minutes=4), timedelta(minutes=5)]
    with household.journal.write() as session:  # the portal's data show it did not arrive: again at once
        outbox.claim(session, 1, NOW)
        assert outbox.not_on_portal(session, 1, (1200, 600), NOW) is True
    assert status(household)[:3] == (SubmissionStatus.QUEUED, 4, None)


def test_a_request_without_an_answer_backs_off_from_its_last_try(household: JournalService) -> None:
    household.add_reading(ACCOUNT, DAY, "1200,600")
    with household.journal.write() as session:
        outbox.claim(session, 1, NOW, check_after=NOW + timedelta(minutes=10))
    with household.journal.read() as session:
        (waiting,) = outbox.pending(session)
    assert waiting.status == SubmissionStatus.SENDING
    assert outbox.next_try(waiting, Backoff(first=timedelta(hours=1))) == NOW + timedelta(hours=1)
    assert outbox.next_try(waiting, Backoff(first=timedelta(minutes=1))) == NOW + timedelta(minutes=10)  # settle


def test_one_query_lists_the_waiting_or_the_sent_ones(household: JournalService) -> None:
    household.add_reading(ACCOUNT, DAY, "1200,600")
    with household.journal.write() as session:
        assert [p.id for p in outbox.pending(session)] == [1]
        assert outbox.pending(session, None, (SubmissionStatus.SENT,)) == []
        outbox.claim(session, 1, NOW)
        outbox.mark_sent(session, 1, NOW, portal_reading_id="R", accepted=False)
        assert outbox.pending(session) == []
        (sent,) = outbox.pending(session, None, (SubmissionStatus.SENT,))
    assert (sent.id, sent.values, sent.taken_on) == (1, (1200, 600), DAY)


def test_the_states_a_person_sees_are_an_enum_equal_to_their_words(household: JournalService) -> None:
    household.add_reading(ACCOUNT, DAY, "1200,600")
    with household.journal.read() as session:
        (info,) = outbox.submissions(session)
    assert info.state is SubmissionState.WAITING and info.state == "waiting" and info.text == "waiting to be sent"
