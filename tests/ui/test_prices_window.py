"""Prices from the bill in the window: a field per zone, decimal commas, and the footnote that leads to them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT
from tests.journal.test_billing import snapshot
from tests.ui.conftest import click_in_next_modal
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying each character, ₽ and Cyrillic too (QTest's own keyClicks knows Latin-1 only)."""
    for char in text:
        for action in (QTest.KeyAction.Press, QTest.KeyAction.Release):
            QTest.sendKeyEvent(action, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier)


def press(key: Qt.Key) -> None:
    """A key pressed where the keyboard focus is, as a person does."""
    QTest.keyClick(QApplication.focusWidget(), key)


def user_prices(home: JournalService) -> list[tuple[str, str, str, str]]:
    """(plan, zone, from, price as stored) of every price the user entered."""
    return sorted((row[2], row[3], row[5], row[6]) for row in snapshot(home.path)["user_prices"])


def prices_dialog(qtbot, window: MainWindow, home: JournalService, settings) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(settings, home, ACCOUNT, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.tabs.setCurrentWidget(dialog.prices_page)
    dialog.price_from.set_date(date(2026, 11, 1))
    return dialog


def test_each_zone_has_its_own_price_field_and_a_decimal_comma_is_a_decimal(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService, settings) -> None:
    dialog = prices_dialog(qtbot, window, home, settings)
    prices = dialog.prices
    assert [label.text() for label in prices.labels] == ["День:", "Ночь:"]  # the account's two-zone plan
    assert [field.accessibleName() for field in prices.fields] == ["Цена за кВт·ч, в рублях: День",
                                                                   "Цена за кВт·ч, в рублях: Ночь"]
    prices.fields[0].setFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "8,20")
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is prices.fields[1]
    qtbot.keyClicks(QApplication.focusWidget(), "4,17")
    press(Qt.Key.Key_Return)  # Enter on the prices page saves the price; the dialog stays open
    assert user_prices(home) == [("two-zone", "day", "2026-11-01", "8.20"), ("two-zone", "night", "2026-11-01", "4.17")]
    assert dialog.isVisible() and prices.values() == ["", ""]
    assert dialog.price_saved.text() == "✓ Сохранено: с 01.11.2026 — День 8,20 ₽/кВт·ч, Ночь 4,17 ₽/кВт·ч."

    dialog.price_plan.setCurrentIndex(dialog.price_plan.findData("single"))  # the fields follow the plan
    assert [label.text() for label in prices.labels] == ["Круглосуточно:"]
    prices.fields[0].setFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "6,95")
    press(Qt.Key.Key_Return)
    dialog.price_from.set_date(date(2026, 11, 2))
    prices.fields[0].setFocus()
    type_text(QApplication.focusWidget(), "7,05 ₽")  # as printed on the bill, rouble sign and all
    press(Qt.Key.Key_Return)

    dialog.price_plan.setCurrentIndex(dialog.price_plan.findData("three-zone"))
    assert [label.text() for label in prices.labels] == ["Пик:", "Ночь:", "Полупик:"]
    prices.fields[0].setFocus()
    for value in ("9,57", "4,07", "6,95"):
        qtbot.keyClicks(QApplication.focusWidget(), value)
        press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.save_price  # the reading order: the zones, then «Save the price»
    press(Qt.Key.Key_Space)
    assert user_prices(home) == [
        ("single", "single", "2026-11-01", "6.95"), ("single", "single", "2026-11-02", "7.05"),
        ("three-zone", "night", "2026-11-02", "4.07"), ("three-zone", "peak", "2026-11-02", "9.57"),
        ("three-zone", "semi-peak", "2026-11-02", "6.95"),
        ("two-zone", "day", "2026-11-01", "8.20"), ("two-zone", "night", "2026-11-01", "4.17")]
    assert [e.price for e in home.billing.prices("urban-gas", "single") if e.user] == [Decimal("6.95"),
                                                                                       Decimal("7.05")]


def test_a_wrong_price_is_explained_next_to_its_field_and_nothing_is_stored(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService, settings) -> None:
    dialog = prices_dialog(qtbot, window, home, settings)
    prices, error = dialog.prices, dialog.price_form.errors["price"]
    before = snapshot(home.path)
    prices.fields[0].setFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "8,20")
    press(Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "abc")
    press(Qt.Key.Key_Return)
    assert error.isVisibleTo(dialog)
    assert error.text() == "Зона «ночь»: «abc» — это не цена. Напишите цену за кВт·ч в рублях, например 6,95."
    assert QApplication.focusWidget() is prices.fields[1] and prices.fields[1].selectedText() == "abc"
    assert prices.values() == ["8,20", "abc"]  # what was typed stays, to be corrected
    assert snapshot(home.path) == before and dialog.price_saved.text() == ""
    prices.fields[1].clear()
    press(Qt.Key.Key_Return)  # the night left empty
    assert error.text() == "Зона «ночь»: Введите цену за кВт·ч из квитанции, например 6,95."
    assert snapshot(home.path) == before
    qtbot.keyClicks(prices.fields[1], "7,18 3,56")  # two prices in one field are not one price
    press(Qt.Key.Key_Return)
    assert error.text() == ("Зона «ночь»: В «7,18 3,56» больше одной запятой, и они не отделяют тысячи. Поставьте "
                            "одну запятую перед копейками, например 6,95.")
    assert snapshot(home.path) == before
    prices.fields[1].clear()
    qtbot.keyClicks(prices.fields[1], "4,17")
    press(Qt.Key.Key_Return)
    assert not error.isVisibleTo(dialog)
    assert user_prices(home) == [("two-zone", "day", "2026-11-01", "8.20"), ("two-zone", "night", "2026-11-01", "4.17")]


def test_a_price_typed_but_not_saved_is_saved_by_apply(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService, settings) -> None:
    dialog = prices_dialog(qtbot, window, home, settings)
    qtbot.keyClicks(dialog.prices.fields[0], "8,2")
    qtbot.keyClicks(dialog.prices.fields[1], "4,17x")
    dialog.apply()
    assert dialog.isVisible() and dialog.price_form.errors["price"].isVisibleTo(dialog)  # not closed, not lost
    assert user_prices(home) == []
    dialog.prices.fields[1].clear()
    qtbot.keyClicks(dialog.prices.fields[1], "4,17")
    dialog.apply()
    assert not dialog.isVisible()
    assert user_prices(home) == [("two-zone", "day", "2026-11-01", "8.2"), ("two-zone", "night", "2026-11-01", "4.17")]


def test_the_footnote_names_the_first_day_without_a_price_and_leads_to_it(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService) -> None:
    # The meter's act is of 10.01.2025 and its first reading of 20.08.2026: the two-zone night price from 01.07.2025
    # to 31.12.2025 is not known (the shipped table leaves it empty; the day's 7.18 is shipped).
    history = window.history
    qtbot.waitUntil(lambda: history.price_button.isVisibleTo(window))
    assert history.status.text() == ("* Неизвестна цена с 01.07.2025: тариф «Двухзонный (день и ночь)», зона "
                                     "«Ночь». Долг посчитан только по известным начислениям.")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    def type_the_prices(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog)
        assert dialog.tabs.currentWidget() is dialog.prices_page
        assert (dialog.price_category.currentData(), dialog.price_plan.currentData()) == ("urban-gas", "two-zone")
        assert dialog.price_from.edit.text() == "01.07.2025" and dialog.price_from.value() == date(2025, 7, 1)
        assert dialog.focusWidget() is dialog.prices.fields[0]  # ready to type
        qtbot.keyClicks(dialog.focusWidget(), "7,18")
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.focusWidget(), "3,56")
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # saves
        assert dialog.isVisible()
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)  # closes

    click_in_next_modal(qtbot, action=type_the_prices)
    history.price_button.setFocus()
    press(Qt.Key.Key_Space)
    assert user_prices(home) == [("two-zone", "day", "2025-07-01", "7.18"), ("two-zone", "night", "2025-07-01", "3.56")]
    qtbot.waitUntil(lambda: not history.price_button.isVisibleTo(window))  # every price known now
    assert history.status.text() == ""
