"""A newcomer's first reading with an extra digit, typed in the real reading dialog: the question says in
Russian how much, over how many days, and which value to check; Enter answers no, again and again."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT
from tests.ui.conftest import ENTER, MID_MONTH, estimated, press_in_turn
from tests.ui.test_risky_questions import open_dialog


@pytest.fixture
def new_journal(data_dir: Path) -> Iterator[JournalService]:
    """A two-zone meter installed on 10.10.2026 at 1000/500, no reading yet; the reading is of 20.11.2026."""
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    service.add_account(ACCOUNT, "Иванова Мария Петровна", "Самара, ул. Ленина, 1", "two-zone", "urban-gas")
    service.add_meter(ACCOUNT, "11712434", 6, date(2026, 10, 10), "1000,500")
    yield service
    service.close()


def stored(service: JournalService) -> list[tuple]:
    connection = sqlite3.connect(service.path)
    try:
        return connection.execute("SELECT * FROM readings").fetchall()
    finally:
        connection.close()


def test_an_extra_digit_on_a_new_journal_is_asked_and_enter_says_no(qtbot, new_journal, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, new_journal)
    qtbot.keyClicks(dialog.fields[0], "11000")  # 1100 with a 0 too many
    qtbot.keyClicks(dialog.fields[1], "540")
    seen = press_in_turn(qtbot, [ENTER, ENTER, ENTER])  # asks; no; asks again (then left open, closed: no)
    assert len(seen) == 2 and all(text.split(" | ")[0].removeprefix("left open: ") == "Необычно большой расход"
                                  for text in seen), seen
    text = seen[0].split(" | ", 1)[1]
    assert text == ("День: расход 10\u00a0000\u00a0кВт·ч за 41 день — намного больше, чем тратит дом. "
                    "Возможно, лишняя цифра: проверьте показание 11000.")
    assert not re.search(r"[A-Za-z]{3,}", text)
    assert stored(new_journal) == []  # nothing in the file
    assert dialog.isVisible() and [f.text() for f in dialog.fields] == ["11000", "540"]  # back to typing


def test_a_reading_of_the_last_readings_day_says_when_its_amount_is_counted(qtbot, new_journal, russian) -> None:  # type: ignore[no-untyped-def]
    """Replacing the reading of 20.11.2026 on that same day: no estimate «needs a later date», but what happens."""
    new_journal.add_reading(ACCOUNT, MID_MONTH, "1100,540")
    dialog = open_dialog(qtbot, new_journal)
    qtbot.keyClicks(dialog.fields[0], "1120")
    qtbot.keyClicks(dialog.fields[1], "545")
    assert estimated(qtbot, dialog) == "Сумма за этот месяц будет посчитана после сохранения."
    assert all(not error.isVisible() or not error.text() for error in dialog.errors)
