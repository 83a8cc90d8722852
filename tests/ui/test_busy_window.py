"""While a write waits for a journal another program holds, the window stays responsive but takes no second
action: a second save, a menu shortcut, another account and closing the window all wait until it has ended."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.services.billing_service import BillingService
from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT, make_household
from tests.ui.conftest import QUESTIONS, hold_journal, rows
from ui.main_window import MainWindow

OTHER = "987654321098"


def spy(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[tuple[float, float]]:
    """Each call of `owner.name` (a class's method or an object's attribute) as (started, ended)."""
    calls: list[tuple[float, float]] = []
    original = getattr(owner, name)

    def recorded(*args: object, **kwargs: object) -> object:
        started = time.monotonic()
        try:
            return original(*args, **kwargs)
        finally:
            calls.append((started, time.monotonic()))

    monkeypatch.setattr(owner, name, recorded)
    return calls


def answer_no_to_questions() -> tuple[QTimer, list[str]]:
    """Any question that opens is recorded and closed (a second payment would ask «the same payment again?»)."""
    asked: list[str] = []

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QUESTIONS):
            asked.append(modal.text())
            modal.close()

    watch = QTimer()
    watch.timeout.connect(look)
    watch.start(100)
    return watch, asked


def ticking() -> tuple[QTimer, list[float]]:
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    return timer, ticks


def payments_tab(qtbot, window: MainWindow, amount: str) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(2)
    qtbot.keyClicks(window.payments.amount, amount)


def during_the_write(delay_ms: int, act: Callable[[], None]) -> None:
    QTimer.singleShot(delay_ms, act)


def test_a_second_save_a_shortcut_and_another_account_wait_for_the_write(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService, monkeypatch: pytest.MonkeyPatch) -> None:
    make_household(home, number=OTHER)
    window.reload_accounts(ACCOUNT)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    payments = spy(monkeypatch, BillingService, "add_payment")
    undos = spy(monkeypatch, window.history, "undo")  # Правка → Отменить (Ctrl+Z) calls it
    watch, asked = answer_no_to_questions()
    payments_tab(qtbot, window, "1250,50")
    shown: list[object] = []

    def meanwhile() -> None:
        qtbot.mouseClick(window.payments.add_button, Qt.MouseButton.LeftButton)  # a second save
        qtbot.keyClick(window.payments.amount, Qt.Key.Key_Return)  # and another
        qtbot.keyClick(window.account_box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(window.account_box, Qt.Key.Key_Down)  # the next account
        shown.append(window.number)
        QTimer.singleShot(300, lambda: shown.append(QApplication.overrideCursor() is not None
                                                    and window.statusBar().currentMessage()))

    hold_journal(home.path, 2.5)
    during_the_write(400, meanwhile)
    started = time.monotonic()
    qtbot.mouseClick(window.payments.add_button, Qt.MouseButton.LeftButton)  # returns once the write has ended
    assert time.monotonic() - started >= 2.0  # it waited for the other program
    assert shown == [ACCOUNT, "Сохраняю…"]  # the account kept; a wait cursor and the line said why
    assert len(payments) == 1 and undos == [] and asked == []  # no second write nor question started
    paid = "SELECT a.number, p.amount FROM payments p JOIN accounts a ON a.id = p.account_id"
    assert rows(home.path, paid) == [(ACCOUNT, "1250.50")]
    assert window.number == ACCOUNT and window.payments.list.count() == 1
    # «Сохраняю…» gone with the wait cursor; in its place the status line says what was stored
    assert QApplication.overrideCursor() is None
    assert window.statusBar().currentMessage() == "Оплата 1\u00a0250,50\u00a0₽ от 20.11.2026 записана."
    # Afterwards the same presses act again (so they were held back above, not lost on the way).
    qtbot.keyClick(window.account_box, Qt.Key.Key_Down)
    assert window.number == OTHER
    qtbot.keyClick(window.account_box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(undos) == 1, timeout=5000)
    watch.stop()


def test_closing_the_window_during_a_save_waits_for_it_then_closes(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService) -> None:
    payments_tab(qtbot, window, "300")
    timer, ticks = ticking()
    seen: list[bool] = []
    hold_journal(home.path, 2.5)
    during_the_write(400, window.close)  # Журнал → Выход, or the window's ×
    during_the_write(800, lambda: seen.append(window.isVisible()))
    started = time.monotonic()
    qtbot.mouseClick(window.payments.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    timer.stop()
    assert seen == [True]  # still open while the write waited
    assert rows(home.path, "SELECT amount FROM payments") == [("300.00",)]  # the payment went through first
    waited = [t for t in ticks if t - started < 2.0]
    assert len(waited) >= 20 and max(b - a for a, b in pairwise(waited)) < 0.5  # it never froze meanwhile


def test_a_quick_write_shows_no_busy_cursor(qtbot, window: MainWindow, home: JournalService) -> None:  # type: ignore[no-untyped-def]
    cursors: list[bool] = []
    watch = QTimer()
    watch.timeout.connect(lambda: cursors.append(QApplication.overrideCursor() is not None))
    watch.start(5)
    home.billing.add_payment(ACCOUNT, date(2026, 11, 1), "100")
    payments_tab(qtbot, window, "200")
    qtbot.mouseClick(window.payments.add_button, Qt.MouseButton.LeftButton)
    watch.stop()
    assert rows(home.path, "SELECT COUNT(*) FROM payments") == [(2,)]
    assert not any(cursors)  # and no «Сохраняю…»: the status line says only what was stored
    assert window.statusBar().currentMessage() == "Оплата 200,00\u00a0₽ от 20.11.2026 записана."
