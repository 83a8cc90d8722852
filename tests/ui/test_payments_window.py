"""The payments tab typed at the keyboard: each payment's day, the question of a payment typed twice."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import click_in_next_modal, rows
from ui.main_window import MainWindow


def test_after_a_payment_is_recorded_the_next_one_is_of_today(qtbot, window: MainWindow, home) -> None:  # type: ignore[no-untyped-def]
    """A payment dated 05.11.2026 was recorded; the next one, typed later, was stored on 05.11.2026 again."""
    window.tabs.setCurrentIndex(2)
    payments = window.payments
    field = payments.date_edit
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(field.edit, "05.11.2026")
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(payments.amount, "1250,50")
    qtbot.keyClick(payments.amount, Qt.Key.Key_Return)
    assert payments.confirmation.text() == "✓ Оплата 1\u00a0250,50\u00a0₽ от 05.11.2026 записана."  # its own day
    assert field.edit.text() == "20.11.2026"  # today, for the next one
    qtbot.keyClicks(payments.amount, "100")
    qtbot.keyClick(payments.amount, Qt.Key.Key_Return)
    assert rows(home.path, "SELECT paid_on, amount FROM payments ORDER BY id") == [
        ("2026-11-05", "1250.50"), ("2026-11-20", "100.00")]


def test_after_no_to_the_same_payment_again_the_sum_typed_next_replaces_it(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home) -> None:
    """After «Нет, оставить как есть» the amount stayed with a stale red error under it, and the next sum typed
    was added to its end: «1 250,50100»."""
    window.tabs.setCurrentIndex(2)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    payments = window.payments
    payments.amount.setFocus()
    qtbot.keyClicks(payments.amount, "1250,50")
    qtbot.keyClick(payments.amount, Qt.Key.Key_Return)
    qtbot.keyClick(payments.amount, Qt.Key.Key_Return)  # Enter again, on the empty field: refused
    assert payments.error.isVisibleTo(window) and payments.error.text()
    qtbot.keyClicks(payments.amount, "1")  # an error line goes as soon as the field is edited
    assert not payments.error.isVisibleTo(window)
    qtbot.keyClicks(payments.amount, "250,50")
    asked = click_in_next_modal(qtbot, "Нет, оставить как есть")
    qtbot.keyClick(payments.amount, Qt.Key.Key_Return)  # the same sum on the same day: asked, and «No»
    assert asked and "уже записана" in asked[0]
    assert window.focusWidget() is payments.amount  # back in the window, the cursor is in the amount
    assert payments.amount.selectedText() == payments.amount.text() == "1250,50"
    assert not payments.error.isVisibleTo(window)
    qtbot.keyClicks(payments.amount, "100")
    assert payments.amount.text() == "100"
    qtbot.keyClick(payments.amount, Qt.Key.Key_Return)
    assert rows(home.path, "SELECT paid_on, amount FROM payments ORDER BY id") == [
        ("2026-11-20", "1250.50"), ("2026-11-20", "100.00")]
