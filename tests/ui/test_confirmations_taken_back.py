"""A confirmation («Показание … записано», «Оплата … записана») is said only while it is true: an undo, a restore,
a deletion of its row or another account shown takes it back, from the status line and the tab, and an undo or a
restore says what happened instead."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT, make_household
from tests.ui.conftest import click_in_next_modal, rows
from tests.ui.test_busy_window import answer_no_to_questions
from ui.main_window import MainWindow
from ui.reading_dialog import ReadingDialog
from ui.texts import day_text

SAVED = "Показание за ноябрь 2026 записано: 1850 (день), 840 (ночь)."
PAID = "Оплата 1\u00a0250,50\u00a0₽ от 20.11.2026 записана."


def save_reading(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    def type_and_press_enter(dialog: ReadingDialog) -> None:
        qtbot.keyClicks(dialog.fields[0], "1850")
        qtbot.keyClicks(dialog.fields[1], "840")
        qtbot.keyClick(dialog.fields[1], Qt.Key.Key_Return)

    click_in_next_modal(qtbot, action=type_and_press_enter)  # type: ignore[arg-type]
    window.submit_readings()
    assert window.statusBar().currentMessage() == SAVED and window.history.confirmation.isVisible()


def pay(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(2)
    payments = window.payments
    payments.amount.setFocus()
    qtbot.keyClicks(payments.amount, "1250,50")
    qtbot.keyClick(payments.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: payments.list.currentItem() is not None, timeout=5000)
    assert window.statusBar().currentMessage() == PAID and payments.confirmation.isVisible()


def test_ctrl_z_replaces_the_reading_saved_by_what_the_undo_did(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService) -> None:
    save_reading(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    asked = click_in_next_modal(qtbot, "Да, отменить")  # it takes a reading in force back: it asks
    qtbot.keyClick(window.history.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert asked and "1850" in asked[0]
    assert rows(home.path, "SELECT status FROM readings WHERE t1 = 1850") == [("undone",)]
    undone = ("Последнее изменение отменено: показание от 20.11.2026 (1850 (день), 840 (ночь)) больше не "
              "учитывается.")
    assert window.statusBar().currentMessage() == undone
    assert window.history.confirmation.isVisible() and window.history.confirmation.text() == undone


def test_deleting_the_reading_takes_its_confirmation_back(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService) -> None:
    save_reading(qtbot, window)
    view = window.history
    assert view.selected().values == (1850, 840)  # type: ignore[union-attr]
    click_in_next_modal(qtbot, "Да, удалить")
    view.delete_button.click()
    assert rows(home.path, "SELECT status FROM readings WHERE t1 = 1850") == [("deleted",)]
    assert window.statusBar().currentMessage() == "" and not view.confirmation.isVisible()


def test_a_restore_says_it_restored_in_place_of_the_payment_it_took_away(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService, tmp_path) -> None:
    copy = home.backup(tmp_path / "Копия журнала.sqlite3")
    latest = rows(copy, "SELECT MAX(MAX(at), (SELECT MAX(created_at) FROM readings)) FROM changes")[0][0]
    moment = datetime.fromisoformat(latest)  # the copy's latest change: its last reading typed
    pay(qtbot, window)
    watch, said = answer_no_to_questions()  # «Журнал восстановлен…» recorded and closed
    window.restore_backup(copy)
    watch.stop()
    assert rows(home.path, "SELECT COUNT(*) FROM payments") == [(0,)]  # the payment is gone with the restore
    assert said and "восстановлен" in said[0]
    assert window.statusBar().currentMessage() == (
        f"Журнал восстановлен из копии от {day_text(moment)} {moment:%H:%M}.")
    assert not window.payments.confirmation.isVisible()
    assert window.payments.list.count() == 0


def test_another_account_takes_the_confirmation_back(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService) -> None:
    make_household(home, number="050900691991")
    window.reload_accounts(ACCOUNT)
    pay(qtbot, window)
    box = window.account_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert window.number == "050900691991"
    assert window.statusBar().currentMessage() == "" and not window.payments.confirmation.isVisible()
    box.setCurrentIndex(box.findData(ACCOUNT))  # back: the payment is still recorded, not said again as news
    assert window.statusBar().currentMessage() == "" and not window.payments.confirmation.isVisible()
    assert rows(home.path, "SELECT amount FROM payments") == [("1250.50",)]
