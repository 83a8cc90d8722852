"""The main window's flows, driven through real widgets; the journal file is checked afterwards."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton

from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT
from tests.ui.conftest import MID_MONTH, click_in_next_modal, rows, type_zones
from ui.account_dialogs import NewAccountDialog, ReplaceMeterWizard
from ui.main_window import MainWindow
from ui.welcome_dialog import WelcomeDialog


def test_first_start_creates_the_account_and_meter_from_the_act(qtbot, data_dir: Path, russian) -> None:  # type: ignore[no-untyped-def]
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    dialog = NewAccountDialog(service)
    qtbot.addWidget(dialog)
    a, m = dialog.account_form, dialog.meter_form
    qtbot.keyClicks(a.number, "0509006919")
    a.holder.setText("Иванова Мария Петровна")  # QTest types Latin-1 only
    a.address.setText("Самара, ул. Ленина, 1")
    a.plan.setCurrentIndex(a.plan.findData("two-zone"))
    qtbot.keyClicks(m.serial, "11712434")
    m.installed.set_date(MID_MONTH.replace(year=MID_MONTH.year - 1))
    assert [label.text() for label in m.initial.labels] == ["День:", "Ночь:"]  # the act's fields follow the plan
    type_zones(qtbot, m.initial, "1000", "")
    dialog.create()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert m.errors["initial"].isVisibleTo(dialog)  # the night left empty: explained next to the field
    assert dialog.focusWidget() is m.initial.fields[1]  # the empty zone, ready to type
    assert rows(service.path, "SELECT COUNT(*) FROM accounts") == [(0,)]  # one transaction: nothing half-made
    qtbot.keyClicks(m.initial.fields[1], "500")
    dialog.create()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert rows(service.path, "SELECT number, plan FROM accounts") == [("0509006919", "two-zone")]
    assert rows(service.path, "SELECT serial, initial_t1, initial_t2 FROM meters") == [("11712434", 1000, 500)]
    service.close()


def test_the_welcome_offers_a_sample_household(qtbot, qapp, data_dir: Path, settings, russian) -> None:  # type: ignore[no-untyped-def]
    """A journal without accounts starts with the welcome; «посмотреть образец» opens the sample household in its
    own file — its account and its history in the window — and leaves the person's journal empty."""
    from desktop_app.services.sample import sample_path
    from ui.app import Application

    own = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    window = MainWindow(own, settings)
    qtbot.addWidget(window)
    window.show()
    app = Application(qapp, settings, data_dir, window)
    app.service = own

    def choose_sample(dialog: QDialog) -> None:
        assert isinstance(dialog, WelcomeDialog)
        sample = [b for b in dialog.findChildren(QPushButton) if "образ" in b.accessibleName().lower()]
        qtbot.mouseClick(sample[0], Qt.MouseButton.LeftButton)

    click_in_next_modal(qtbot, action=choose_sample)
    app.first_start()
    shown = app.window
    assert shown is not None and shown.sample and shown is not window
    qtbot.addWidget(shown)
    assert shown.service is not None and shown.service.path == sample_path(data_dir) != own.path
    sample_accounts = [a.number for a in shown.service.list_accounts()]
    assert sample_accounts and shown.number == sample_accounts[0]
    qtbot.waitUntil(lambda: shown.history.model.rowCount() >= 20, timeout=10000)
    with sqlite3.connect(data_dir / "journal.sqlite3") as db:  # the person's own journal: still no account
        assert db.execute("SELECT count(*) FROM accounts").fetchone()[0] == 0
    shown.service.close()


def test_sample_household_opens_in_its_own_file(qtbot, data_dir: Path, settings, russian) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.services.sample import create_sample, sample_path

    service = create_sample(sample_path(data_dir), MID_MONTH)
    window = MainWindow(service, settings, sample=True)
    qtbot.addWidget(window)
    window.show()
    assert window.history.model.rowCount() >= 20
    assert window.banner.isVisibleTo(window)
    assert not (data_dir / "journal.sqlite3").exists()  # the person's own journal is untouched
    service.close()


def test_history_edit_delete_and_undo(qtbot, window: MainWindow, home: JournalService, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = window.history
    view.table.selectRow(0)  # newest: 2026-10-20, 1700/780
    def correct(dialog) -> None:  # type: ignore[no-untyped-def]
        shown = zip(dialog.values.labels, dialog.values.fields, strict=True)
        assert [(label.text(), field.text()) for label, field in shown] == [("День:", "1700"), ("Ночь:", "780")]
        assert dialog.focusWidget() is dialog.values.fields[0] and dialog.values.fields[0].selectedText() == "1700"
        qtbot.keyClicks(dialog.values.fields[0], "1710")  # typed over the selected value
        qtbot.keyClick(dialog.values.fields[0], Qt.Key.Key_Return)

    click_in_next_modal(qtbot, action=correct)
    view.edit_button.click()
    qtbot.waitUntil(lambda: view.model.row_at(0).values == (1710, 780))
    statuses = rows(home.path, "SELECT t1, status FROM readings WHERE taken_on = '2026-10-20' ORDER BY id")
    assert statuses == [(1700, "edited"), (1710, "active")]
    view.table.selectRow(0)
    click_in_next_modal(qtbot, "Да, удалить")
    view.delete_button.click()
    assert rows(home.path, "SELECT status FROM readings WHERE t1 = 1710") == [("deleted",)]
    view.undo_button.click()  # undoing a deletion takes nothing back: no question
    assert rows(home.path, "SELECT status FROM readings WHERE t1 = 1710") == [("active",)]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    asked = click_in_next_modal(qtbot, "Да, отменить")  # undoing the edit takes 1710 back: it asks
    qtbot.keyClick(window.history.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z: the edit
    assert asked and "1710" in asked[0]
    assert rows(home.path, "SELECT t1, status FROM readings WHERE taken_on = '2026-10-20' ORDER BY id") == [
        (1700, "active"), (1710, "undone")]


def test_recording_a_payment_updates_the_balance(qtbot, window: MainWindow, home: JournalService) -> None:  # type: ignore[no-untyped-def]
    view = window.payments
    window.tabs.setCurrentWidget(view)
    before = view.balance_label.text()
    qtbot.keyClicks(view.amount, "12x")
    view.add_button.click()
    assert view.error.isVisibleTo(view)
    assert rows(home.path, "SELECT COUNT(*) FROM payments") == [(0,)]
    view.amount.clear()
    qtbot.keyClicks(view.amount, "1500,50")
    qtbot.keyClick(view.amount, Qt.Key.Key_Return)
    assert rows(home.path, "SELECT amount FROM payments") == [("1500.50",)]
    qtbot.waitUntil(lambda: view.balance_label.text() != before)
    assert view.list.count() == 1


def test_meter_replacement_wizard(qtbot, window: MainWindow, home: JournalService, russian) -> None:  # type: ignore[no-untyped-def]
    wizard = ReplaceMeterWizard(home, ACCOUNT, window)
    qtbot.addWidget(wizard)
    wizard.show()
    type_zones(qtbot, wizard.old_final, "1750", "800")
    wizard.next()
    m = wizard.meter_form
    qtbot.keyClicks(m.serial, "NEW-2")
    m.digits.setValue(7)
    m.installed.set_date(date(2026, 11, 15))
    type_zones(qtbot, m.initial, "0", "0")
    wizard.accept()
    assert rows(home.path, "SELECT serial, removed_on FROM meters ORDER BY id") == [
        ("11712434", "2026-11-15"), ("NEW-2", None)]
    assert rows(home.path, "SELECT t1, t2, is_final FROM readings WHERE is_final = 1") == [(1750, 800, 1)]


def test_several_accounts_switch_from_the_top(qtbot, window: MainWindow, home: JournalService) -> None:  # type: ignore[no-untyped-def]
    home.create_account_with_meter("123456", "Петров П. П.", "Тольятти", "single", "rural", "X-1", 5,
                                   date(2025, 1, 1), "100")
    window.reload_accounts()
    assert window.account_box.count() == 2
    window.account_box.setCurrentIndex(window.account_box.findData("123456"))
    assert window.number == "123456"
    assert window.history.model.rowCount() == 0
    assert len(window.history.model.zones) == 1


def test_reminder_banner_between_the_15th_and_the_25th(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    # MID_MONTH is the 20th and November has no reading yet
    assert window.banner.isVisibleTo(window)
    assert "за ноябрь 2026:" in window.banner_text.text()
    click_in_next_modal(qtbot, action=lambda dialog: dialog.reject())
    window.banner_button.click()  # the banner's button opens the reading dialog


def test_the_same_payment_twice_asks_and_enter_keeps_one(qtbot, window: MainWindow, home: JournalService,  # type: ignore[no-untyped-def]
                                                        russian) -> None:
    """The same sum on the same day again is most likely typed twice: Enter and Esc keep one payment; only the
    question's Alt-letter records a second one."""
    from PySide6.QtTest import QTest

    from tests.ui.conftest import ALT_DA, ENTER, ESC, press_in_turn

    view = window.payments
    window.tabs.setCurrentWidget(view)
    qtbot.keyClicks(view.amount, "1500,50")
    qtbot.keyClick(view.amount, Qt.Key.Key_Return)
    assert rows(home.path, "SELECT amount FROM payments") == [("1500.50",)]

    def type_again() -> None:
        view.amount.clear()
        QTest.keyClicks(view.amount, "1 500,50")
        QTest.keyClick(view.amount, Qt.Key.Key_Return)

    def enter_in_the_field() -> None:  # the sum is still typed there after «no»
        QTest.keyClick(view.amount, Qt.Key.Key_Return)

    # Enter in the field asks, Enter on the question says no, Enter in the field asks again, Esc says no…
    seen = press_in_turn(qtbot, [type_again, ENTER, enter_in_the_field, ENTER, enter_in_the_field, ESC])
    assert rows(home.path, "SELECT amount FROM payments") == [("1500.50",)]
    assert len(seen) == 3 and all(text.startswith("Снова та же оплата?") for text in seen), seen
    assert "1 500,50" in seen[0].replace("\xa0", " ")
    press_in_turn(qtbot, [type_again, ALT_DA])
    assert rows(home.path, "SELECT amount FROM payments") == [("1500.50",), ("1500.50",)]
