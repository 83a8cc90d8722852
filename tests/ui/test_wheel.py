"""The mouse wheel scrolls a form and never changes a choice it passes over (ui/wheel_guard.py): real wheel events
sent to the real widgets, what is stored read back from the journal file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT, make_household
from tests.ui.conftest import MID_MONTH, rows
from ui.account_dialogs import NewAccountDialog
from ui.dialog_buttons import ok_button
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.theme import apply_theme
from ui.wheel_guard import install_wheel_guard

DOWN = -120  # one notch of the wheel, towards the person: the form scrolls down, a list goes to its next item


def turn_wheel(widget: QWidget, notches: int = 1, delta: int = DOWN) -> None:
    """The wheel turned over the middle of `widget`, a notch at a time."""
    for _ in range(notches):
        centre = QPointF(widget.rect().center())
        event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre)), QPoint(0, 0), QPoint(0, delta),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(widget, event)


@pytest.fixture
def guarded(qapp: QApplication, russian: None) -> Iterator[None]:
    """The application as the start makes it (ui/launch.py installs the guard), at 200 % text."""
    install_wheel_guard(qapp)
    apply_theme(qapp, 200, False)
    yield
    apply_theme(qapp, 100, False)


def test_the_wheel_scrolls_the_new_account_form_and_leaves_its_choices_as_chosen(  # type: ignore[no-untyped-def]
        qtbot, data_dir: Path, guarded) -> None:
    """At 200 % text the form scrolls; the wheel turned to scroll it passed over «Тариф», «Тип жилья» and «Чёрных
    цифр до запятой» and changed them: the account was stored three-zone, rural, with 4 digits."""
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    dialog = NewAccountDialog(service)  # opened after the guard was installed, as every dialog is
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    a, m = dialog.account_form, dialog.meter_form
    bar = dialog.body.verticalScrollBar()
    assert bar.isVisible() and bar.value() == 0
    for choice in (a.plan, a.category, m.digits, m.next_verification):  # focus by a click or Tab, not the wheel
        assert choice.focusPolicy() == Qt.FocusPolicy.StrongFocus, choice.accessibleName()
    a.number.setFocus()
    qtbot.keyClicks(a.number, "0509006919")
    a.holder.setText("Иванова Мария Петровна")  # QTest types Latin-1 only
    a.address.setText("Самара, ул. Ленина, 1")

    scrolled = bar.value()
    for choice in (a.plan, a.category, m.digits):
        turn_wheel(choice, 2)
        assert bar.value() > scrolled, choice.accessibleName()  # the form scrolled instead
        scrolled = bar.value()
    assert (a.plan.currentIndex(), a.category.currentIndex(), m.digits.value()) == (0, 0, 6)
    assert not (a.plan.hasFocus() or a.category.hasFocus() or m.digits.hasFocus())  # the wheel gave no focus

    qtbot.keyClicks(m.serial, "11712434")
    m.installed.set_date(MID_MONTH.replace(year=MID_MONTH.year - 1))
    qtbot.keyClicks(m.initial.fields[0], "1000")
    qtbot.mouseClick(ok_button(dialog.findChild(QDialogButtonBox)), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert rows(service.path, "SELECT plan, category FROM accounts") == [("single", "urban-gas")]
    assert rows(service.path, "SELECT digits FROM meters") == [(6,)]
    service.close()


def test_a_focused_list_or_number_field_still_follows_the_wheel(qtbot, data_dir: Path, guarded) -> None:  # type: ignore[no-untyped-def]
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    dialog = NewAccountDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    a, m = dialog.account_form, dialog.meter_form
    bar = dialog.body.verticalScrollBar()
    for field in (a.plan, m.digits):  # Tab into it, as a person who means to change it
        field.setFocus(Qt.FocusReason.TabFocusReason)
        assert field.hasFocus()
        scrolled = bar.value()
        turn_wheel(field)
        assert bar.value() == scrolled  # the wheel went to the field, not to the form
    assert a.plan.currentIndex() == 1 and m.digits.value() == 5
    service.close()


def test_the_window_s_tabs_and_account_never_change_by_the_wheel(  # type: ignore[no-untyped-def]
        qtbot, home: JournalService, settings: Settings, guarded) -> None:
    """The wheel switched «История» → «Лицевой счёт и счётчик»; over the account selector it would switch the
    account: never, not even with the focus on them."""
    other = "630000000002"
    make_household(home, "single", number=other, initial="1000")
    window = MainWindow(home, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.account_box.count() == 2 and window.balance_label.text() != "", timeout=10000)
    tab_bar, accounts = window.tabs.tabBar(), window.account_box
    shown = accounts.currentData()
    assert shown in (ACCOUNT, other)
    turn_wheel(tab_bar, 3)
    turn_wheel(accounts, 1, -DOWN)
    turn_wheel(accounts, 1, DOWN)
    assert window.tabs.currentIndex() == 0 and accounts.currentData() == shown
    for widget in (tab_bar, accounts):
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        assert widget.hasFocus()
        turn_wheel(widget, 1, -DOWN)
        turn_wheel(widget, 2, DOWN)
    assert window.tabs.currentIndex() == 0 and accounts.currentData() == shown
    assert window.number == shown
