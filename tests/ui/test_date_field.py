"""The date typed is the date stored: every date field of the window, driven with the keyboard and the mouse on a
real journal; and no ISO day or month anywhere the window writes one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QWidget,
    QWizard,
)

from desktop_app import paths
from desktop_app.services.backup_service import daily_backup
from desktop_app.services.journal_service import JournalService
from journal.messages import ZoneNumber, msg
from journal.periods import Period
from journal.validation import read_typed_date
from tests.conftest import ACCOUNT
from tests.ui.conftest import MID_MONTH, estimated, rows, type_zones
from ui.account_dialogs import NewAccountDialog, ReplaceMeterWizard
from ui.date_field import DateField
from ui.i18n import render
from ui.main_window import MainWindow
from ui.plan_change_dialog import ChangePlanDialog
from ui.reading_dialog import ReadingDialog
from ui.receipt_dialog import ReceiptDialog
from ui.settings_dialog import SettingsDialog
from ui.theme import MIN_TARGET

ISO = re.compile(r"\d{4}-\d{2}")


def readings(service: JournalService) -> list[tuple]:
    return rows(service.path, "SELECT period, taken_on, t1, t2, status FROM readings ORDER BY id")


def active(qtbot, widget: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    """Shown and active, so that focus and key presses go where a person's would."""
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def reading_dialog(qtbot, home: JournalService) -> ReadingDialog:  # type: ignore[no-untyped-def]
    dialog = active(qtbot, ReadingDialog(home, ACCOUNT, MID_MONTH))
    assert isinstance(dialog, ReadingDialog)
    return dialog


def click_into(qtbot, field: DateField) -> None:  # type: ignore[no-untyped-def]
    """A click in the middle of the date's text, where QDateEdit put the cursor into the month."""
    qtbot.mouseClick(field.edit, Qt.MouseButton.LeftButton, pos=QPoint(field.edit.width() // 4,
                                                                        field.edit.height() // 2))


def back_to_date(qtbot, dialog: ReadingDialog) -> None:  # type: ignore[no-untyped-def]
    """From the first zone field, Shift+Tab: the date field, whole text selected."""
    dialog.fields[0].setFocus()
    qtbot.keyClick(dialog.fields[0], Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is dialog.date_edit.edit


def type_values_and_press_enter(qtbot, dialog: ReadingDialog, day: str, night: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.fields[0]
    qtbot.keyClicks(dialog.fields[0], day)
    qtbot.keyClick(dialog.fields[0], Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.fields[1], night)
    qtbot.keyClick(dialog.fields[1], Qt.Key.Key_Return)


# --- typing ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["10.01.2025", "10.1.2025", "10 01 2025", "10012025", "10,01,2025", "10.01.25",
                                   "10.01.2025 г."])
def test_a_date_is_read_as_people_write_it(typed: str) -> None:
    assert read_typed_date(typed, MID_MONTH) == (10, 1, 2025)


def test_a_two_digit_year_far_ahead_is_last_century_and_other_texts_are_not_dates() -> None:
    assert read_typed_date("10.01.95", MID_MONTH) == (10, 1, 1995)
    assert read_typed_date("31.02.2025", MID_MONTH) == (31, 2, 2025)  # written as a date; the field says it is none
    assert read_typed_date("10.01.25", MID_MONTH, short_year=False) is None  # while typing: maybe 10.01.2025
    for text in ("", "abc", "1012025", "10.2025", "10..01.2025", "2025"):
        assert read_typed_date(text, MID_MONTH) is None, text


def test_a_click_selects_the_whole_date_and_the_typed_date_is_stored(qtbot, home, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = reading_dialog(qtbot, home)
    edit = dialog.date_edit.edit
    click_into(qtbot, dialog.date_edit)
    assert edit.hasFocus() and edit.selectedText() == "20.11.2026"  # the click selected it all
    qtbot.keyClicks(edit, "10.11.2026")
    assert edit.text() == "10.11.2026"  # typed over, nothing changed
    assert "ноябрь 2026" in dialog.period_note.text()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        type_values_and_press_enter(qtbot, dialog, "1750", "800")
    assert readings(home)[-1] == ("2026-11", "2026-11-10", 1750, 800, "active")


def test_shift_tab_then_eight_digits_store_that_day(qtbot, home, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = reading_dialog(qtbot, home)
    back_to_date(qtbot, dialog)
    assert dialog.date_edit.edit.selectedText() == "20.11.2026"
    qtbot.keyClicks(dialog.date_edit.edit, "20032025")
    assert dialog.date_edit.edit.text() == "20032025"  # not a day changed while typing
    assert "март 2025" in dialog.period_note.text()  # the period follows the day typed
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        type_values_and_press_enter(qtbot, dialog, "1100", "550")
    assert readings(home)[-1] == ("2025-03", "2025-03-20", 1100, 550, "active")


@pytest.mark.parametrize(("typed", "message"), [
    ("01.01.2027", "Дата не может быть позже сегодняшнего дня, 20.11.2026."),
    ("31.02.2025", "Такой даты нет: 31.02.2025."),
    ("завтра", "Введите дату так: 20.11.2026."),
    ("10.01.2025", "Дата должна быть позже дня установки счётчика, 10.01.2025."),
])
def test_a_refused_date_is_explained_beside_the_field_and_nothing_is_saved(  # type: ignore[no-untyped-def]
        qtbot, home, russian, typed: str, message: str) -> None:
    dialog = reading_dialog(qtbot, home)
    before = readings(home)
    back_to_date(qtbot, dialog)
    dialog.date_edit.edit.insert(typed)  # replaces the selection, as typing does (QTest types Latin-1 only)
    qtbot.keyClick(dialog.date_edit.edit, Qt.Key.Key_Tab)
    error = dialog.date_edit.error
    assert error.isVisibleTo(dialog) and error.text() == message  # said on leaving the field
    assert dialog.date_edit.edit.text() == typed  # not turned into another day
    qtbot.keyClicks(dialog.fields[0], "1750")
    qtbot.keyClick(dialog.fields[0], Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.fields[1], "800")
    qtbot.keyClick(dialog.fields[1], Qt.Key.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter again, on the date field
    assert dialog.isVisible() and error.text() == message
    assert QApplication.focusWidget() is dialog.date_edit.edit
    assert dialog.date_edit.edit.selectedText() == typed  # ready to be typed over
    assert readings(home) == before


def test_the_estimate_and_the_period_follow_a_typed_date(qtbot, home, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = reading_dialog(qtbot, home)
    qtbot.keyClicks(dialog.fields[0], "1750")
    qtbot.keyClicks(dialog.fields[1], "800")
    at_today = estimated(qtbot, dialog)
    assert "С 20.10.2026" in at_today and "кВт·ч" in at_today
    back_to_date(qtbot, dialog)
    qtbot.keyClicks(dialog.date_edit.edit, "15.10.2026")  # before the last reading: no estimate, said plainly
    assert "октябрь 2026" in dialog.period_note.text()
    said = estimated(qtbot, dialog)
    assert "кВт·ч" not in said and "20.10.2026" in said
    assert not ISO.search(said)
    assert not dialog.date_edit.error.isVisibleTo(dialog)  # such a reading may still be saved
    back_to_date(qtbot, dialog)
    qtbot.keyClicks(dialog.date_edit.edit, "26.10.2026")
    assert "ноябрь 2026" in dialog.period_note.text() and "после 25-го" in dialog.period_note.text()
    assert estimated(qtbot, dialog) == at_today  # the same prices since 01.10.2026


def test_up_and_down_step_the_day_within_the_range(qtbot, home, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = reading_dialog(qtbot, home)
    back_to_date(qtbot, dialog)
    qtbot.keyClick(dialog.date_edit.edit, Qt.Key.Key_Up)
    assert dialog.date_edit.edit.text() == "20.11.2026"  # today is the last day
    qtbot.keyClick(dialog.date_edit.edit, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.date_edit.edit, Qt.Key.Key_Down)
    assert dialog.date_edit.edit.text() == "18.11.2026" and dialog.date_edit.edit.selectedText() == "18.11.2026"


# --- the calendar ---------------------------------------------------------------------------------------

def test_the_calendar_button_sets_the_field_and_esc_closes_it(qtbot, home, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = reading_dialog(qtbot, home)
    field = dialog.date_edit
    assert field.button.accessibleName() == "Выбрать дату в календаре"
    assert field.button.width() >= MIN_TARGET and field.button.height() >= MIN_TARGET
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    calendar = field.calendar()
    assert calendar is not None
    qtbot.waitUntil(calendar.isVisible)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert dialog.isVisible() and field.edit.text() == "20.11.2026"  # Esc closed the calendar only

    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(calendar.isVisible)
    view = calendar.findChild(QTableView)
    model = view.model()
    cell = next(model.index(r, c) for r in range(1, model.rowCount()) for c in range(model.columnCount())
                if model.index(r, c).data() == 15)  # the 15th is always of the month shown
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(cell).center())
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert field.edit.text() == "15.11.2026" and field.edit.hasFocus()

    qtbot.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # from the keyboard too
    qtbot.waitUntil(calendar.isVisible)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert field.edit.text() == "14.11.2026"
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        type_values_and_press_enter(qtbot, dialog, "1750", "800")
    assert readings(home)[-1] == ("2026-11", "2026-11-14", 1750, 800, "active")


# --- every dialog with a date ---------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["10.01.2025", "10.1.2025", "10 01 2025", "10012025", "10,01,2025", "10.01.25"])
def test_a_payment_is_recorded_on_the_day_typed(qtbot, window: MainWindow, home, typed: str) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(2)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field = window.payments.date_edit
    click_into(qtbot, field)
    qtbot.keyClicks(field.edit, typed)
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert field.edit.text() == "10.01.2025"  # written plainly once typed
    qtbot.keyClicks(window.payments.amount, "500")
    qtbot.keyClick(window.payments.amount, Qt.Key.Key_Return)
    assert rows(home.path, "SELECT paid_on, amount FROM payments") == [("2025-01-10", "500.00")]


def test_a_payment_on_a_day_that_does_not_exist_is_refused(qtbot, window: MainWindow, home) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(2)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field = window.payments.date_edit
    window.payments.amount.setFocus()
    qtbot.keyClick(window.payments.amount, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert field.edit.hasFocus() and field.edit.selectedText() == "20.11.2026"  # Shift+Tab selected it all
    qtbot.keyClicks(field.edit, "29.02.2026")
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(window.payments.amount, "500")
    qtbot.keyClick(window.payments.amount, Qt.Key.Key_Return)
    assert field.error.text() == "Такой даты нет: 29.02.2026."
    assert rows(home.path, "SELECT COUNT(*) FROM payments") == [(0,)]


def test_a_new_account_installed_after_today_is_refused_then_stored_as_typed(  # type: ignore[no-untyped-def]
        qtbot, data_dir: Path, russian) -> None:
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    dialog = active(qtbot, NewAccountDialog(service))
    assert isinstance(dialog, NewAccountDialog)
    a, m = dialog.account_form, dialog.meter_form
    qtbot.keyClicks(a.number, "0509006919")
    a.holder.setText("Иванова Мария Петровна")
    a.address.setText("Самара, ул. Ленина, 1")
    a.plan.setCurrentIndex(a.plan.findData("two-zone"))
    m.serial.setFocus()
    qtbot.keyClicks(m.serial, "11712434")
    qtbot.keyClick(m.serial, Qt.Key.Key_Tab)  # the number of digits
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # the installation date, by Tab
    assert QApplication.focusWidget() is m.installed.edit and m.installed.edit.text() == ""  # no day for the person
    passed_on: list[date] = []
    m.installed.dateChanged.connect(passed_on.append)
    qtbot.keyClicks(m.installed.edit, "01.01.2027")
    assert passed_on == []  # not 01.01.2020 on the way, when «01.01.20» was typed
    qtbot.keyClick(m.installed.edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is m.initial.fields[0]  # the act's readings: a field per zone
    qtbot.keyClicks(QApplication.focusWidget(), "1000")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "500")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert m.installed.error.text() == "Дата не может быть позже сегодняшнего дня, 20.11.2026."
    assert rows(service.path, "SELECT COUNT(*) FROM accounts") == [(0,)]
    assert QApplication.focusWidget() is m.installed.edit
    qtbot.keyClicks(m.installed.edit, "10.01.2025")
    qtbot.keyClick(m.installed.edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert rows(service.path, "SELECT installed_on FROM meters") == [("2025-01-10",)]
    service.close()


def test_a_plan_change_before_the_last_reading_is_refused(qtbot, window: MainWindow, home) -> None:  # type: ignore[no-untyped-def]
    dialog = active(qtbot, ChangePlanDialog(home, ACCOUNT, window))
    assert isinstance(dialog, ChangePlanDialog)
    before = rows(home.path, "SELECT * FROM meters")
    qtbot.keyClick(dialog.plan, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.on.edit
    qtbot.keyClicks(dialog.on.edit, "15.10.2026")
    for field, value in zip([*dialog.old_final.fields, *dialog.initial.fields], ["1750", "800", "2550"], strict=True):
        qtbot.keyClicks(field, value)
    dialog.save()
    assert dialog.on.error.text() == "Дата должна быть позже дня последних показаний, 20.10.2026."
    assert rows(home.path, "SELECT * FROM meters") == before


def test_a_new_meter_before_the_last_reading_is_refused(qtbot, window: MainWindow, home) -> None:  # type: ignore[no-untyped-def]
    wizard = active(qtbot, ReplaceMeterWizard(home, ACCOUNT, window))
    assert isinstance(wizard, ReplaceMeterWizard)
    before = rows(home.path, "SELECT * FROM meters")
    type_zones(qtbot, wizard.old_final, "1750", "800")
    wizard.next()
    m = wizard.meter_form
    qtbot.keyClicks(m.serial, "NEW-2")
    m.installed.setFocus()
    qtbot.keyClicks(m.installed.edit, "10.10.2026")
    type_zones(qtbot, m.initial, "0", "0")
    wizard.accept()
    assert m.installed.error.text() == "Дата должна быть позже дня последних показаний, 20.10.2026."
    assert rows(home.path, "SELECT * FROM meters") == before


def test_a_price_from_more_than_a_year_ahead_is_refused(qtbot, window: MainWindow, home, settings) -> None:  # type: ignore[no-untyped-def]
    dialog = active(qtbot, SettingsDialog(settings, home, ACCOUNT, window))
    assert isinstance(dialog, SettingsDialog)
    dialog.findChild(QTabWidget).setCurrentIndex(2)  # «Цены»
    dialog.price_from.setFocus()
    qtbot.keyClicks(dialog.price_from.edit, "01.01.2028")
    type_zones(qtbot, dialog.prices, "8,20", "4,17")
    dialog._save_price()
    assert dialog.price_from.error.text() == "Дата не может быть позже 20.11.2027."
    assert rows(home.path, "SELECT COUNT(*) FROM user_prices") == [(0,)]
    dialog.price_from.setFocus()
    qtbot.keyClicks(dialog.price_from.edit, "1.12.2026")
    dialog._save_price()
    assert rows(home.path, "SELECT DISTINCT valid_from FROM user_prices") == [("2026-12-01",)]


# --- days and months as the window writes them ----------------------------------------------------------

def test_journal_messages_show_days_and_months_as_the_window_writes_them(russian) -> None:  # type: ignore[no-untyped-def]
    replace = render(msg("There is already a reading for {period} (dated {day}: {values}). Replace it with the new "
                         "one? The old one stays in the history.", period=Period(2025, 3), day=date(2025, 3, 20),
                         values=(1390, 700)))
    assert replace.startswith("За март 2025 уже есть показания (от 20.03.2025: 1390, 700).")
    below = render(msg("{zone}: {now} is below {before} from the reading of {day}.", zone=ZoneNumber(1), now=1300,
                       before=1390, day=date(2025, 3, 20)))
    assert "20.03.2025" in below and not ISO.search(below)


def visible_texts(top: QWidget) -> Iterator[str]:
    """What a person can read: titles, labels, buttons, fields, lists, combo boxes, documents, tooltips."""
    yield top.windowTitle()
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) and widget is not top:
            continue
        yield widget.toolTip()
        yield widget.accessibleName()
        yield widget.accessibleDescription()
        if isinstance(widget, QLabel | QAbstractButton):
            yield widget.text()
        if isinstance(widget, QLineEdit):
            yield widget.text()
            yield widget.placeholderText()
        if isinstance(widget, QComboBox):
            yield from (widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QListWidget):
            yield from (widget.item(i).text() for i in range(widget.count()))
        if isinstance(widget, QTextBrowser):
            yield widget.toPlainText()


def every_page(dialog: QWidget) -> Iterator[str]:
    """The texts of each tab of a dialog, and of each page of a wizard."""
    tabs = dialog.findChild(QTabWidget)
    for index in range(tabs.count() if tabs is not None else 1):
        if tabs is not None:
            tabs.setCurrentIndex(index)
        yield from visible_texts(dialog)
    if isinstance(dialog, QWizard):
        dialog.next()
        yield from visible_texts(dialog)


def test_no_iso_date_in_the_window(qtbot, window: MainWindow, home, settings) -> None:  # type: ignore[no-untyped-def]
    home.billing.add_payment(ACCOUNT, date(2026, 11, 2), "1000")
    daily_backup(home.path, paths.backups_dir(home.path.parent), MID_MONTH, 10)
    with qtbot.waitSignal(window.history.balance_loaded, timeout=10000):  # the money columns and the footnote
        window.refresh()
    model = window.history.model
    cells = [str(model.data(model.index(r, c))) for r in range(model.rowCount()) for c in range(model.columnCount())]
    months = [str(model.data(model.index(r, 0))).replace("\n", " ") for r in range(model.rowCount())][:2]
    assert months == ["октябрь 2026", "сентябрь 2026"]  # on two lines in a narrow window
    found = [text for text in cells if ISO.search(text)]
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        found += [text for text in visible_texts(window) if ISO.search(text)]
    found += [window.banner_text.text()] if ISO.search(window.banner_text.text()) else []

    reading = ReadingDialog(home, ACCOUNT, MID_MONTH)
    dialogs: list[QWidget] = [reading, ReceiptDialog(home, ACCOUNT, window.tasks),
                              SettingsDialog(settings, home, ACCOUNT), ChangePlanDialog(home, ACCOUNT),
                              NewAccountDialog(home), ReplaceMeterWizard(home, ACCOUNT)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        if dialog is reading:  # a lower value: the journal's message with its previous reading's day
            qtbot.keyClicks(reading.fields[0], "1650")
            qtbot.keyClicks(reading.fields[1], "800")
            estimated(qtbot, reading)
            assert any("20.10.2026" in label.text() for label in reading.errors)
        found += [text for text in every_page(dialog) if ISO.search(text)]
        if dialog is reading:  # closing it with values typed would ask first: nothing typed any more
            for field in reading.fields:
                field.clear()
        dialog.close()
    assert found == []


@pytest.mark.parametrize("typed", ["1000,5", "1000.5", "1 00"])
def test_an_acts_reading_is_taken_as_typed_and_a_decimal_is_explained_not_stored(  # type: ignore[no-untyped-def]
        qtbot, data_dir: Path, russian, typed: str) -> None:
    """«1000,5» in the act's field was turned into 10005 (only digits could be typed) and stored: now the field
    shows what was typed, the journal says what is wrong with it beside the field and nothing is stored."""
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    dialog = active(qtbot, NewAccountDialog(service))
    a, m = dialog.account_form, dialog.meter_form
    qtbot.keyClicks(a.number, "0509006919")
    a.holder.setText("Иванова Мария Петровна")
    a.address.setText("Самара, ул. Ленина, 1")
    m.serial.setText("11712434")
    m.installed.edit.setText("10.01.2025")
    field = m.initial.fields[0]
    field.setFocus()
    qtbot.keyClicks(field, typed)
    assert field.text() == typed
    for _ in range(3):  # Enter again and again: refused each time, nothing stored
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert rows(service.path, "SELECT COUNT(*) FROM meters") == [(0,)]
    shown = [e.text() for e in dialog.findChildren(QLabel) if e.isVisible() and typed in e.text()]
    assert shown and "цифры" in shown[0], shown
    assert field.text() == typed and QApplication.focusWidget() is field
    service.close()


def test_enter_on_an_empty_form_goes_to_each_missing_field_in_the_forms_order(  # type: ignore[no-untyped-def]
        qtbot, data_dir: Path, russian) -> None:
    """Enter pressed after the address: the installation day, empty, is asked for first (the window checks it
    before anything is written); then the journal's first refusal is beside the meter's number, the next field of
    the form — it was beside the act's reading, passing over the number."""
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    dialog = active(qtbot, NewAccountDialog(service))
    a, m = dialog.account_form, dialog.meter_form
    qtbot.keyClicks(a.number, "0509006919")
    a.holder.setText("Иванова Мария Петровна")
    a.address.setText("Самара, ул. Ленина, 1")
    a.address.setFocus()
    qtbot.keyClick(a.address, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is m.installed.edit
    assert m.installed.error.text() == "Введите дату установки счётчика из акта, например 10.01.2025."
    qtbot.keyClicks(m.installed.edit, "10.01.2025")
    qtbot.keyClick(m.installed.edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is m.serial
    qtbot.keyClicks(m.serial, "11712434")
    qtbot.keyClick(m.serial, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is m.initial.fields[0]
    assert rows(service.path, "SELECT COUNT(*) FROM accounts") == [(0,)]
    service.close()


def test_a_new_accounts_installation_day_starts_empty_and_enter_stores_nothing_until_it_is_typed(  # type: ignore[no-untyped-def]
        qtbot, data_dir: Path, russian) -> None:
    """Today filled in for the act's day was stored by a newcomer pressing Enter: the field starts empty, and Enter
    again and again says beside it what to type and stores nothing."""
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    dialog = active(qtbot, NewAccountDialog(service))
    a, m = dialog.account_form, dialog.meter_form
    assert m.installed.edit.text() == "" and m.installed.value() is None
    qtbot.keyClicks(a.number, "0509006919")
    a.holder.setText("Иванова Мария Петровна")
    a.address.setText("Самара, ул. Ленина, 1")
    m.serial.setText("11712434")
    type_zones(qtbot, m.initial, "1000")  # single-rate
    for _ in range(3):  # Enter again and again
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert m.installed.error.isVisible()
        assert m.installed.error.text() == "Введите дату установки счётчика из акта, например 10.01.2025."
        assert QApplication.focusWidget() is m.installed.edit
        assert rows(service.path, "SELECT COUNT(*) FROM accounts") == [(0,)]
    qtbot.keyClicks(m.installed.edit, "10.01.2025")
    qtbot.keyClick(m.installed.edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert rows(service.path, "SELECT installed_on FROM meters") == [("2025-01-10",)]
    service.close()


def test_a_new_meters_day_in_a_replacement_starts_empty_and_is_asked_for(qtbot, window: MainWindow, home) -> None:  # type: ignore[no-untyped-def]
    wizard = active(qtbot, ReplaceMeterWizard(home, ACCOUNT, window))
    assert isinstance(wizard, ReplaceMeterWizard)
    before = rows(home.path, "SELECT * FROM meters")
    type_zones(qtbot, wizard.old_final, "1750", "800")
    wizard.next()
    m = wizard.meter_form
    assert m.installed.edit.text() == ""
    qtbot.keyClicks(m.serial, "NEW-2")
    type_zones(qtbot, m.initial, "0", "0")
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert m.installed.error.text() == "Введите дату установки счётчика из акта, например 10.01.2025."
        assert rows(home.path, "SELECT * FROM meters") == before
    qtbot.keyClicks(m.installed.edit, "15.11.2026")
    qtbot.keyClick(m.installed.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(rows(home.path, "SELECT * FROM meters")) == 2, timeout=5000)
    assert rows(home.path, "SELECT installed_on FROM meters WHERE serial = 'NEW-2'") == [("2026-11-15",)]
