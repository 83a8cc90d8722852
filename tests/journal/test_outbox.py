"""The outbox: a meter's newest reading of the last 31 days is queued with it, in the same transaction; replaced,
edited, deleted and undone readings take their queued submission with them (and undo brings it back)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop_app.services.journal_service import JournalService
from journal import outbox
from journal.errors import ConfirmationRequired
from journal.storage.models import Submission
from tests.conftest import ACCOUNT, TODAY


def subs(svc: JournalService) -> list[tuple[int, str]]:
    with svc.journal.read() as session:
        return [(s.reading_id, s.status) for s in outbox.submissions(session)]


def test_the_newest_recent_reading_is_queued_and_history_is_not(household: JournalService) -> None:
    old = household.add_reading(ACCOUNT, date(2026, 9, 20), "1100,550").result  # over 31 days before TODAY
    assert subs(household) == []
    recent = household.add_reading(ACCOUNT, date(2026, 10, 28), "1200,600").result  # exactly 31 days
    assert subs(household) == [(recent.id, "queued")]
    # A reading typed in between (not the newest) is history: not queued.
    household.add_reading(ACCOUNT, date(2026, 10, 5), "1150,580")
    assert [r for r, _ in subs(household)] == [recent.id] and old.id != recent.id


def test_replacing_a_queued_reading_replaces_its_submission(household: JournalService) -> None:
    first = household.add_reading(ACCOUNT, date(2026, 11, 10), "1200,600").result
    second = household.add_reading(ACCOUNT, date(2026, 11, 20), "1250,610", replace=True).result
    assert subs(household) == [(first.id, "cancelled"), (second.id, "queued")]
    household.undo()  # the replacement undone: the first reading and its submission are back
    assert subs(household) == [(first.id, "queued"), (second.id, "cancelled")]


def test_editing_and_deleting_a_queued_reading(household: JournalService) -> None:
    first = household.add_reading(ACCOUNT, date(2026, 11, 20), "1200,600").result
    edited = household.edit_reading(ACCOUNT, first.id, date(2026, 11, 21), "1201,600").result
    assert subs(household) == [(first.id, "cancelled"), (edited.id, "queued")]
    household.delete_reading(ACCOUNT, edited.id)
    assert subs(household) == [(first.id, "cancelled"), (edited.id, "cancelled")]
    household.undo()
    assert subs(household) == [(first.id, "cancelled"), (edited.id, "queued")]


def test_a_submission_being_sent_is_never_cancelled(household: JournalService) -> None:
    first = household.add_reading(ACCOUNT, date(2026, 11, 20), "1200,600").result
    with household.journal.write() as session:
        assert outbox.claim(session, 1, datetime.now()) == outbox.CLAIMED
    second = household.add_reading(ACCOUNT, date(2026, 11, 22), "1210,600", replace=True).result
    assert subs(household) == [(first.id, "sending"), (second.id, "queued")]


def test_the_reading_and_its_submission_are_saved_together_or_not_at_all(household: JournalService,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(outbox, "queue", broken)
    with pytest.raises(RuntimeError):
        household.add_reading(ACCOUNT, date(2026, 11, 20), "1200,600")
    assert household.history(ACCOUNT) == []
    monkeypatch.undo()
    with pytest.raises(ConfirmationRequired):
        household.add_reading(ACCOUNT, date(2026, 11, 20), "900,600")
    assert subs(household) == []
    with household.journal.read() as session:
        assert session.query(Submission).count() == 0


def test_statuses_for_the_history(household: JournalService) -> None:
    reading = household.add_reading(ACCOUNT, date(2026, 11, 20), "1200,600").result
    with household.journal.write() as session:
        outbox.claim(session, 1, datetime.now())
        outbox.mark_rejected(session, 1, datetime.now(), portal_message="Показания не приняты")
    with household.journal.read() as session:
        (info,) = outbox.submissions(session)
    assert info.reading_id == reading.id and info.state == "rejected" and info.values == (1200, 600)
    assert info.text == "rejected: Показания не приняты"


@pytest.mark.parametrize(("day", "warned"), [(23, False), (24, True), (25, True), (26, False)])
def test_deadline_warning_with_the_sms_text(household: JournalService, day: int, warned: bool) -> None:
    household.add_reading(ACCOUNT, date(2026, 11, 20), "1200,600")
    with household.journal.read() as session:
        warnings = outbox.deadline_warnings(session, date(2026, 11, day))
    assert bool(warnings) is warned
    if warned:
        (w,) = warnings
        assert w.sms_text == "001#1200;600" and w.sms_number == "1163" and w.phone == "8-800-775-83-37"
        assert "001#1200;600" in w.message and "8-800-775-83-37" in w.message


def test_a_sent_reading_is_no_deadline_worry(household: JournalService) -> None:
    household.add_reading(ACCOUNT, date(2026, 11, 20), "1200,600")
    with household.journal.write() as session:
        outbox.claim(session, 1, datetime.now())
        outbox.mark_sent(session, 1, datetime.now(), portal_reading_id="1", accepted=False)
    with household.journal.read() as session:
        assert outbox.deadline_warnings(session, date(2026, 11, 24)) == []
    assert TODAY.day == 28
