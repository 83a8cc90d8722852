"""Changing the tariff plan from the window: the dialog, the history and charts with both plans, the wizard's
new plan, and the account form that sends a plan change to its own dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT
from tests.ui.conftest import ALT_DA, ENTER, click_in_next_modal, press_in_turn, rows, type_zones
from ui.account_dialogs import EditAccountDialog, ReplaceMeterWizard
from ui.main_window import MainWindow
from ui.plan_change_dialog import ChangePlanDialog
from ui.reading_dialog import ReadingDialog


def test_the_plan_changes_from_a_day_and_the_history_shows_both_plans(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService) -> None:
    dialog = ChangePlanDialog(home, ACCOUNT, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert [dialog.plan.itemData(i) for i in range(dialog.plan.count())] == ["single", "three-zone"]
    assert dialog.focusWidget() is dialog.plan
    dialog.on.set_date(date(2026, 11, 5))
    day, night = dialog.old_final.fields
    assert (day.accessibleName(), night.accessibleName()) == ("Показания по старому тарифу: День",
                                                               "Показания по старому тарифу: Ночь")
    qtbot.keyClicks(day, "1750")
    qtbot.keyClicks(night, "800")
    before = rows(home.path, "SELECT * FROM meters")
    qtbot.keyClick(night, Qt.Key.Key_Return)  # the new plan's reading is missing: explained next to its field
    error = dialog.form.errors["initial"]
    assert error.isVisibleTo(dialog) and error.text()
    assert dialog.focusWidget() is dialog.initial.fields[0]
    assert rows(home.path, "SELECT * FROM meters") == before

    (single,) = dialog.initial.fields
    assert single.accessibleName() == "Показания по новому тарифу: Круглосуточно"
    qtbot.keyClicks(single, "2550")
    qtbot.keyClick(single, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert rows(home.path, "SELECT serial, plan, installed_on, removed_on, initial_t1 FROM meters ORDER BY id") == [
        ("11712434", "two-zone", "2025-01-10", "2026-11-05", 1000), ("11712434", "single", "2026-11-05", None, 2550)]
    assert rows(home.path, "SELECT plan FROM accounts") == [("single",)]
    # «Передать показания» now asks for the new plan's zone, counting from the values of the change.
    form = ReadingDialog(home, ACCOUNT, date(2026, 11, 19), window).form
    assert [(f.zone, f.previous) for f in form.fields] == [("single", 2550)]
    assert (form.previous_date, form.previous_from_act) == (date(2026, 11, 5), True)

    home.add_reading(ACCOUNT, date(2026, 11, 19), "2600")
    window.reload_accounts(ACCOUNT)
    model = window.history.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    readings = ["Показание\nКруглосуточно", "Показание\nДень", "Показание\nНочь"]
    if model.compact:  # nine columns of readings are too wide for the window: titled by their zone alone
        readings = ["Круглосуточно", "День", "Ночь"]
    assert headers[3:9] == [*readings, "кВт·ч\nКруглосуточно", "кВт·ч\nДень", "кВт·ч\nНочь"]
    newest = [model.data(model.index(0, c)) for c in range(3, 9)]
    final = [model.data(model.index(1, c)) for c in range(3, 9)]
    assert newest == ["2600", "", "", "50", "", ""]
    assert final == ["", "1750", "800", "", "50", "20"]
    note = model.columnCount() - 1
    assert model.data(model.index(1, note)) == "последние показания по старому тарифу"
    # The charts stack both plans' zones: November has 50 single + 50 day + 20 night kWh.
    charts = window.charts
    assert charts.zones == model.zones
    november = charts.months_kwh[-1]
    assert (november.period, dict(zip(november.zones, november.consumption, strict=True))) == (
        "2026-11", {"day": 50, "night": 20, "single": 50})


def test_the_account_form_leaves_the_plan_to_its_own_dialog(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                             home: JournalService) -> None:
    dialog = EditAccountDialog(home, ACCOUNT, window)
    qtbot.addWidget(dialog)
    assert not dialog.form.plan.isEnabled()


def test_a_new_meter_may_bring_a_new_plan(qtbot, window: MainWindow, home: JournalService) -> None:  # type: ignore[no-untyped-def]
    wizard = ReplaceMeterWizard(home, ACCOUNT, window)
    qtbot.addWidget(wizard)
    wizard.show()
    type_zones(qtbot, wizard.old_final, "1750", "800")
    wizard.next()
    m = wizard.meter_form
    qtbot.keyClicks(m.serial, "NEW-3")
    m.installed.set_date(date(2026, 11, 15))
    assert [f.accessibleName() for f in m.initial.fields] == ["Показания в акте установки: День",
                                                              "Показания в акте установки: Ночь"]
    wizard.plan.setCurrentIndex(wizard.plan.findData("three-zone"))  # the act's fields follow the new plan
    assert [label.text() for label in m.initial.labels] == ["Пик:", "Ночь:", "Полупик:"]
    type_zones(qtbot, m.initial, "0", "0", "0")
    wizard.accept()
    assert rows(home.path, "SELECT serial, plan FROM meters ORDER BY id") == [("11712434", "two-zone"),
                                                                              ("NEW-3", "three-zone")]
    assert home.account(ACCOUNT).plan == "three-zone"


def test_the_plan_change_is_reached_from_the_account_tab_and_the_menu(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow) -> None:
    button = next(b for b in window.accounts.findChildren(QPushButton) if b.text() == "Сменить тариф…")
    opened: list[str] = []
    click_in_next_modal(qtbot, action=lambda dialog: (opened.append(dialog.windowTitle()), dialog.reject()))
    button.click()
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "Сменить тариф…")
    click_in_next_modal(qtbot, action=lambda dialog: (opened.append(dialog.windowTitle()), dialog.reject()))
    action.trigger()
    assert opened == ["Смена тарифа", "Смена тарифа"]


def test_a_lower_old_plan_value_asks_about_a_rollover(qtbot, window: MainWindow, home: JournalService) -> None:  # type: ignore[no-untyped-def]
    dialog = ChangePlanDialog(home, ACCOUNT, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.on.set_date(date(2026, 11, 5))
    for field, value in zip([*dialog.old_final.fields, *dialog.initial.fields], ["1750", "20", "2550"], strict=True):
        qtbot.keyClicks(field, value)  # night 20 is below 780 from 2026-10-20
    before = rows(home.path, "SELECT * FROM meters")
    seen = press_in_turn(qtbot, [dialog.save, ENTER])  # Enter is «Нет, вернуться к вводу»
    assert "780" in seen[0] and "переход через ноль" in seen[0]
    assert rows(home.path, "SELECT * FROM meters") == before and dialog.isVisible()
    press_in_turn(qtbot, [dialog.save, ALT_DA])  # Alt+Д: «Да, сохранить»
    assert rows(home.path, "SELECT t1, t2, rollover, is_final FROM readings WHERE is_final = 1") == [(1750, 20, 1, 1)]
    assert home.account(ACCOUNT).plan == "single"


def test_a_wrong_old_meter_value_takes_the_wizard_back_to_its_page(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                                  home: JournalService) -> None:
    wizard = ReplaceMeterWizard(home, ACCOUNT, window)
    qtbot.addWidget(wizard)
    wizard.show()
    type_zones(qtbot, wizard.old_final, "1750", "")  # the night is left empty
    wizard.next()
    qtbot.keyClicks(wizard.meter_form.serial, "NEW-4")
    wizard.meter_form.installed.edit.setText("15.11.2026")
    type_zones(qtbot, wizard.meter_form.initial, "0", "0")
    wizard.accept()
    assert wizard.currentId() == 0 and "«Ночь»" in wizard.old_error.text()  # the zone by its name, not T2
    assert "T2" not in wizard.old_error.text()
    assert wizard.focusWidget() is wizard.old_final.fields[1]  # the empty zone, ready to type
    assert rows(home.path, "SELECT COUNT(*) FROM meters") == [(1,)]
