"""A reading saved from the keyboard: the write and every read after it run off the UI thread, the window stays
responsive while another program holds the journal, and each view draws only what changed of what it shows."""

from __future__ import annotations

import threading
import time
from datetime import date
from itertools import pairwise

from PySide6.QtCore import Qt, QTimer
from sqlalchemy import event

from desktop_app.services.changes import Changes
from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT
from tests.ui.conftest import MID_MONTH, click_in_next_modal, estimated, hold_journal, rows
from ui.main_window import MainWindow
from ui.reading_dialog import ReadingDialog

STATEMENT_CEILING = 60  # the write (a dozen) and the overview read once (about 25); 79 before the change


class Statements:
    def __init__(self, service: JournalService) -> None:
        self.ui = threading.get_ident()
        self.sent: list[tuple[str, bool]] = []
        self.engine = service.journal.engine
        event.listen(self.engine, "before_cursor_execute", self._sent)

    def _sent(self, _conn, _cursor, statement: str, *_args) -> None:  # type: ignore[no-untyped-def]
        self.sent.append((statement.split(None, 1)[0], threading.get_ident() == self.ui))

    def on_ui_thread(self) -> list[str]:
        return [word for word, ui in self.sent if ui]

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._sent)


def test_enter_saves_off_the_ui_thread_and_the_history_shows_it(qtbot, window: MainWindow, home) -> None:  # type: ignore[no-untyped-def]
    statements: list[Statements] = []

    def type_and_press_enter(dialog: ReadingDialog) -> None:
        dialog.fields[0].setText("1850")
        dialog.fields[1].setText("840")
        statements.append(Statements(home))
        qtbot.keyClick(dialog.fields[1], Qt.Key.Key_Return)

    click_in_next_modal(qtbot, action=type_and_press_enter)  # type: ignore[arg-type]
    window.submit_readings()
    count = statements[0]
    count.close()
    assert window.history.model.row_at(0).values == (1850, 840)  # type: ignore[union-attr]
    assert count.on_ui_thread() == []  # the write and the overview read after it: all in workers
    assert any(word == "INSERT" for word, _ui in count.sent) and len(count.sent) <= STATEMENT_CEILING


def test_a_journal_held_busy_keeps_the_window_responsive_and_the_reading_is_saved_after(  # type: ignore[no-untyped-def]
        qtbot, home: JournalService, russian) -> None:
    dialog = ReadingDialog(home, ACCOUNT, date(2026, 11, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.fields[0], "1850")
    qtbot.keyClicks(dialog.fields[1], "840")
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    seen_busy: list[str] = []
    QTimer.singleShot(500, lambda: seen_busy.append(dialog.preview.text()))
    hold_journal(home.path, 3.0)  # another program writing
    started = time.monotonic()
    with qtbot.waitSignal(dialog.saved, timeout=15000):
        qtbot.keyClick(dialog.fields[1], Qt.Key.Key_Return)
    timer.stop()
    assert time.monotonic() - started >= 2.5  # it waited for the other program
    waited = [t for t in ticks if t - started < 2.5]
    assert len(waited) >= 20  # the UI thread kept ticking every 50 ms while the write waited
    assert max(b - a for a, b in pairwise(waited)) < 0.5
    assert seen_busy == ["Показания сохраняются…"]
    assert rows(home.path, "SELECT t1, t2 FROM readings ORDER BY id DESC LIMIT 1") == [(1850, 840)]


def test_a_payment_does_not_rebuild_the_history_nor_redraw_the_account(qtbot, window: MainWindow, home) -> None:  # type: ignore[no-untyped-def]
    resets: list[int] = []
    window.history.model.modelReset.connect(lambda: resets.append(1))
    details = window.accounts.details.toHtml()
    window.accounts.details.setHtml("untouched")
    home.billing.add_payment(ACCOUNT, date(2026, 11, 1), "100")
    window.apply_changes(Changes(payments=frozenset({ACCOUNT})))
    assert resets == [] and "untouched" in window.accounts.details.toPlainText()
    assert window.payments.list.count() == 1  # the payments tab shows it
    window.apply_changes(Changes(readings=frozenset({"999999999999"})))  # another account's reading: nothing here
    assert resets == []
    home.add_reading(ACCOUNT, date(2026, 11, 20), "1850,840")
    window.apply_changes(Changes(readings=frozenset({ACCOUNT})))
    assert resets == [1] and window.history.model.row_at(0).values == (1850, 840)  # type: ignore[union-attr]
    window.apply_changes(Changes(accounts=True))
    assert window.accounts.details.toHtml() == details


def test_the_same_rows_are_left_unpainted_and_new_ones_drawn(window: MainWindow, home: JournalService) -> None:
    from desktop_app.services.overview import account_overview

    history = window.history
    resets: list[int] = []
    history.model.modelReset.connect(lambda: resets.append(1))
    widths = [history.table.columnWidth(c) for c in range(history.model.money_column())]
    overview = account_overview(home.journal, ACCOUNT, home.today())
    history.show_overview(overview)  # the rows shown already (as the first screen's are when the journal attaches)
    assert resets == [] and [history.table.columnWidth(c) for c in range(history.model.money_column())] == widths
    assert history.model.rowCount() == len(overview.rows) > 0
    home.add_reading(ACCOUNT, home.today(), "1900,900")
    history.show_overview(account_overview(home.journal, ACCOUNT, home.today()))
    assert resets == [1] and history.model.rowCount() == len(overview.rows) + 1


def test_the_dialog_opens_and_counts_its_estimate_with_no_statement_on_the_ui_thread(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService) -> None:
    count = Statements(home)
    seen: list[object] = []

    def type_fast(dialog: ReadingDialog) -> None:
        seen.append(dialog.focusWidget() is dialog.fields[0])  # ready to type at once
        qtbot.keyClicks(dialog.fields[0], "1850")
        for key in "840":  # each key asks for an estimate; the older ones are dropped, not shown
            qtbot.keyClicks(dialog.fields[1], key)
            qtbot.wait(1)
        qtbot.keyClick(dialog.fields[1], Qt.Key.Key_Backspace)
        qtbot.keyClicks(dialog.fields[1], "1")  # 841: typed over while an estimate was on its way
        seen.append(estimated(qtbot, dialog))
        seen.append(getattr(dialog, "estimate_text", str))
        for field in dialog.fields:
            field.clear()
        dialog.reject()

    click_in_next_modal(qtbot, action=type_fast)  # type: ignore[arg-type]
    window.submit_readings()
    count.close()
    assert count.on_ui_thread() == []  # the form's reads and every estimate: in workers
    assert sum(1 for word, _ui in count.sent if word == "SELECT") >= 4  # the form and at least one estimate
    ready, shown, estimate_text = seen
    expected = estimate_text(home.billing.estimate(ACCOUNT, ["1850", "841"], MID_MONTH))  # type: ignore[operator]
    assert ready and shown == expected and "150" in shown and "61" in shown  # kWh since 1700, 780
