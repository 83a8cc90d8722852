"""«Передать показания»: typing, the live estimate, mistakes next to the field, saving at once."""

from __future__ import annotations

import sqlite3
import time
from datetime import date

from PySide6.QtCore import Qt

from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT
from tests.ui.conftest import ALT_DA, ESC, MID_MONTH, click_in_next_modal, estimated, press_in_turn, rows
from ui.main_window import MainWindow
from ui.reading_dialog import ReadingDialog


def readings_in_file(service: JournalService) -> list[tuple]:
    connection = sqlite3.connect(service.path)
    try:
        return connection.execute("SELECT period, taken_on, t1, t2, status FROM readings ORDER BY id").fetchall()
    finally:
        connection.close()


def open_dialog(qtbot, home: JournalService, day: date = MID_MONTH) -> ReadingDialog:  # type: ignore[no-untyped-def]
    dialog = ReadingDialog(home, ACCOUNT, day)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_fields_are_labelled_with_zone_and_hours_and_show_the_previous_value(qtbot, home, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, home)
    assert [f.accessibleName() for f in dialog.fields] == ["Показание, День", "Показание, Ночь"]
    assert "1700" in dialog.previous_labels[0].text() and "20.10.2026" in dialog.previous_labels[0].text()
    assert "780" in dialog.previous_labels[1].text()
    titles = [dialog.findChild(type(dialog.intro), None) is not None]
    assert titles and "за ноябрь 2026." in dialog.period_note.text()


def test_an_empty_field_shows_nothing_inside_and_the_previous_value_is_said_beside_it(  # type: ignore[no-untyped-def]
        qtbot, home, russian) -> None:
    """A grey previous value inside an empty field looked as if the field were filled in: the fields are empty, the
    previous value (and its day) is said in words by each field and read out with it."""
    dialog = open_dialog(qtbot, home)
    said = ["Прошлое показание: 1700\u00a0от\u00a020.10.2026", "Прошлое показание: 780\u00a0от\u00a020.10.2026"]
    assert [(f.text(), f.placeholderText()) for f in dialog.fields] == [("", ""), ("", "")]
    assert [label.text() for label in dialog.previous_labels] == said
    assert all(label.isVisible() for label in dialog.previous_labels)
    assert [f.accessibleDescription() for f in dialog.fields] == said
    for field, label in zip(dialog.fields, dialog.previous_labels, strict=True):  # beside its field, or under it
        field_box, label_box = field.geometry(), label.geometry()
        assert label_box.left() >= field_box.right() or (label_box.top() >= field_box.bottom()
                                                         and label_box.left() == field_box.left())
    dialog.date_edit.set_date(date(2026, 8, 1))  # before the first reading: the installation act's values
    assert dialog.previous_labels[0].text() == "В акте установки: 1000\u00a0от\u00a010.01.2025"
    assert dialog.fields[1].accessibleDescription() == "В акте установки: 500\u00a0от\u00a010.01.2025"


def test_typing_updates_consumption_and_charge_and_save_writes_at_once(qtbot, home, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, home)
    qtbot.keyClicks(dialog.fields[0], "1850")
    qtbot.keyClicks(dialog.fields[1], "840")
    estimated(qtbot, dialog)
    # 150 kWh day, 60 night, 2026-10-20 → 2026-11-20 at the 2026-10-01 prices: 150 × 8.20 + 60 × 4.17 = 1480.20
    assert "150" in dialog.preview.text() and "60" in dialog.preview.text()
    assert "1\u00a0480,20" in dialog.preview.text() or "1480,20" in dialog.preview.text().replace("\u00a0", "")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.keyClick(dialog.fields[1], Qt.Key.Key_Return)
    assert readings_in_file(home)[-1] == ("2026-11", "2026-11-20", 1850, 840, "active")


def test_letters_are_explained_next_to_the_field_and_nothing_is_saved(qtbot, home, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, home)
    before = readings_in_file(home)
    qtbot.keyClicks(dialog.fields[0], "18a0")
    qtbot.keyClicks(dialog.fields[1], "840")
    estimated(qtbot, dialog)
    assert dialog.errors[0].isVisibleTo(dialog)
    assert "цифр" in dialog.errors[0].text()  # Russian, in plain words
    assert not dialog.errors[1].isVisibleTo(dialog)
    dialog.save()
    assert dialog.isVisible()
    assert readings_in_file(home) == before


def test_after_the_25th_the_dialog_says_the_reading_counts_for_next_month(qtbot, home, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, home, date(2026, 11, 27))
    assert "за декабрь 2026." in dialog.period_note.text()
    assert "25" in dialog.period_note.text()


def test_a_lower_value_offers_a_rollover_confirmation(qtbot, home, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, home)
    qtbot.keyClicks(dialog.fields[0], "20")
    qtbot.keyClicks(dialog.fields[1], "840")
    assert dialog.rollover.isVisibleTo(dialog)
    dialog.rollover.setChecked(True)
    # day 10^6 − 1700 + 20 = 998320 kWh, night 840 − 780 = 60: a jump too, so the dialog asks once more
    seen = click_in_next_modal(qtbot, "Да")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert seen and "998\u00a0380\u00a0кВт·ч" in seen[0]
    assert readings_in_file(home)[-1][2:] == (20, 840, "active")


def test_a_second_reading_for_the_month_asks_before_replacing(qtbot, home, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, home, date(2026, 10, 22))
    assert "уже" in dialog.period_note.text()
    qtbot.keyClicks(dialog.fields[0], "1710")
    qtbot.keyClicks(dialog.fields[1], "790")
    seen = click_in_next_modal(qtbot, "Нет")
    dialog.save()
    assert seen and "За октябрь 2026 уже есть показания (от 20.10.2026:" in seen[0]
    assert [r[1] for r in readings_in_file(home)] == ["2026-08-20", "2026-09-20", "2026-10-20"]
    seen = click_in_next_modal(qtbot, "Да")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    statuses = [(r[1], r[4]) for r in readings_in_file(home)]
    assert ("2026-10-20", "superseded") in statuses and ("2026-10-22", "active") in statuses


def test_escape_cancels_without_saving(qtbot, home, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, home)
    before = readings_in_file(home)
    qtbot.keyClicks(dialog.fields[0], "1850")
    seen = press_in_turn(qtbot, [ESC, ALT_DA])  # a typed value: Esc asks first, Alt+Д throws it away
    assert len(seen) == 1 and "не сохранятся" in seen[0]
    assert not dialog.isVisible()
    assert readings_in_file(home) == before


def test_the_main_button_opens_the_dialog_and_the_history_shows_the_new_reading(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    def type_and_save(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.fields[0].setText("1850")
        dialog.fields[1].setText("840")
        dialog.save_button.click()

    click_in_next_modal(qtbot, action=type_and_save)
    qtbot.mouseClick(window.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 4)
    newest = window.history.model.row_at(0)
    assert newest is not None and newest.values == (1850, 840) and newest.consumption == (150, 60)


def test_fallbacks_show_the_exact_sms_text(qtbot, home, russian) -> None:  # type: ignore[no-untyped-def]
    from ui.help_dialogs import FallbackDialog

    dialog = FallbackDialog(ACCOUNT, ["1850", "840"])
    qtbot.addWidget(dialog)
    assert dialog.sms == "001#1850;840"
    assert "1163" in dialog.findChildren(type(dialog.sms_field))[0].text()
    assert ACCOUNT in dialog.email and "1850" in dialog.email


def test_an_unknown_price_is_explained_in_plain_russian_with_its_day_and_zone(qtbot, data_dir, russian) -> None:  # type: ignore[no-untyped-def]
    """A two-zone price from 01.07.2025 is not known: the preview says so once, with the day and the zone,
    says the reading can still be saved, and shows no command line or ISO date."""
    from tests.conftest import make_household

    service = JournalService(data_dir / "journal.sqlite3", today=lambda: date(2025, 8, 20))
    try:
        make_household(service, installed=date(2025, 7, 5))
        dialog = open_dialog(qtbot, service, date(2025, 8, 20))
        qtbot.keyClicks(dialog.fields[0], "1490")
        qtbot.keyClicks(dialog.fields[1], "600")
        text = estimated(qtbot, dialog)
        # the day's price is known once the shipped table has it; the night's is not known to anyone yet
        assert "неизвестна цена с 01.07.2025" in text and ("зона «Ночь»" in text or "зона «День»" in text), text
        assert "можно сохранить" in text
        assert "tariff set" not in text and "2025-07" not in text and text.count("неизвестна") == 1
    finally:
        service.close()


def test_a_reading_saved_with_enter_is_confirmed_in_the_window_long_enough_to_read(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home, monkeypatch) -> None:
    """After Enter the dialog closes and the window says what was stored: in the status line (a sync's report
    coming meanwhile waits until it has been read) and above the history, the new row selected."""
    import ui.main_window

    assert ui.main_window.CONFIRMED_SECONDS >= 10
    monkeypatch.setattr(ui.main_window, "CONFIRMED_SECONDS", 1)  # the same rule, a shorter wait for the test
    window.tabs.setCurrentIndex(2)  # the person was looking at the payments

    def type_and_press_enter(dialog: ReadingDialog) -> None:
        qtbot.keyClicks(dialog.fields[0], "1850")
        qtbot.keyClicks(dialog.fields[1], "840")
        qtbot.keyClick(dialog.fields[1], Qt.Key.Key_Return)

    click_in_next_modal(qtbot, action=type_and_press_enter)  # type: ignore[arg-type]
    window.submit_readings()
    said = "Показание за ноябрь 2026 записано: 1850 (день), 840 (ночь)."
    assert readings_in_file(home)[-1] == ("2026-11", "2026-11-20", 1850, 840, "active")
    assert window.statusBar().currentMessage() == said
    assert window.tabs.currentIndex() == 0 and window.history.confirmation.isVisible()
    assert window.history.confirmation.text() == "✓ " + said
    selected = window.history.selected()
    assert selected is not None and selected.values == (1850, 840)  # type: ignore[attr-defined]
    rows = window.history.table.selectionModel().selectedRows()
    assert window.history.table.visualRect(rows[0]).intersects(window.history.table.viewport().rect())
    started = time.monotonic()
    window.sync.status.emit("Отправлено: 1; принято: 0; отклонено: 0; ждут отправки: 0.")
    assert window.statusBar().currentMessage() == said  # not replaced at once
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Отправлено"), timeout=5000)
    assert time.monotonic() - started >= 0.8
    assert window.history.confirmation.isVisible()  # the body's line stays


def test_a_payment_recorded_with_enter_is_confirmed_and_selected(qtbot, window: MainWindow, home) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(2)
    payments = window.payments
    payments.amount.setFocus()
    qtbot.keyClicks(payments.amount, "1250,50")
    qtbot.keyClick(payments.amount, Qt.Key.Key_Return)
    said = "Оплата 1\u00a0250,50\u00a0₽ от 20.11.2026 записана."
    qtbot.waitUntil(lambda: payments.list.currentItem() is not None, timeout=5000)
    assert window.statusBar().currentMessage() == said
    assert payments.confirmation.isVisible() and payments.confirmation.text() == "✓ " + said
    assert "1\u00a0250,50" in payments.list.currentItem().text()
    qtbot.keyClick(payments.amount, Qt.Key.Key_Return)  # Enter again: refused (no amount), the first one stays said
    assert payments.error.isVisible() and payments.confirmation.isVisible()
    assert rows(home.path, "SELECT amount FROM payments") == [("1250.50",)]
