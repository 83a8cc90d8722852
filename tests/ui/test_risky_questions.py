"""Questions that would store something unusual or destroy something: Enter, Esc and × keep things as they
are; only the risky answer's Alt-letter (or a click) goes ahead. Driven by the keyboard, checked in the file."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QPushButton

from desktop_app import paths
from desktop_app.services.backup_service import daily_backup
from desktop_app.services.journal_service import JournalService
from journal.errors import ConfirmationRequired
from tests.conftest import ACCOUNT
from tests.journal.test_payees import VALID_PAYEE
from tests.ui.conftest import ALT_DA, ENTER, ESC, MID_MONTH, estimated, press_in_turn, type_zones
from ui.confirmations import RiskyQuestion, answer_keys, ask_risky, journal_question
from ui.main_window import MainWindow
from ui.payee_dialog import PayeeDialog
from ui.reading_dialog import ReadingDialog
from ui.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def flat(data_dir: Path) -> Iterator[JournalService]:
    """A single-rate meter installed on 10.01.2025 at 0, read on the 20th of each month, 65 kWh a month, and
    last 1390 on 20.10.2026: typing 1300 means 999 910 kWh if it were a rollover."""
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    service.add_account(ACCOUNT, "Иванова Мария Петровна", "Самара, ул. Ленина, 1", "single", "urban-gas")
    service.add_meter(ACCOUNT, "11712434", 6, date(2025, 1, 10), "0")
    for month in range(20):  # 20.02.2025 … 20.09.2026
        service.add_reading(ACCOUNT, date(2025 + (month + 1) // 12, (month + 1) % 12 + 1, 20), str(65 * (month + 1)))
    service.add_reading(ACCOUNT, date(2026, 10, 20), "1390")
    yield service
    service.close()


def readings(service: JournalService) -> list[tuple]:
    connection = sqlite3.connect(service.path)
    try:
        return connection.execute("SELECT taken_on, t1, t2, rollover, status FROM readings ORDER BY id").fetchall()
    finally:
        connection.close()


def open_dialog(qtbot, service: JournalService) -> ReadingDialog:  # type: ignore[no-untyped-def]
    dialog = ReadingDialog(service, ACCOUNT, MID_MONTH)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.fields[0].hasFocus())
    return dialog


TYPOS = [("1300", "Это переход через ноль?"), ("99999", "Необычно большой расход")]


@pytest.mark.parametrize(("typed", "title"), TYPOS)
@pytest.mark.parametrize("presses", [1, 2, 3, 5])
def test_enter_pressed_again_and_again_never_stores_a_rollover_or_a_jump(  # type: ignore[no-untyped-def]
        qtbot, flat, russian, typed, title, presses) -> None:
    dialog = open_dialog(qtbot, flat)
    before = readings(flat)
    qtbot.keyClicks(dialog.fields[0], typed)
    seen = press_in_turn(qtbot, [ENTER] * presses)
    assert readings(flat) == before  # no such reading in the file, whatever the number of presses
    assert seen and all(text.split(" | ")[0].removeprefix("left open: ") == title for text in seen)
    assert len(seen) == (presses + 1) // 2  # every other Enter asks again: the one between answered no
    assert dialog.isVisible() and dialog.fields[0].text() == typed  # back to typing, the value kept


@pytest.mark.parametrize(("typed", "title"), TYPOS)
def test_escape_on_the_question_never_stores_it_either(qtbot, flat, russian, typed, title) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, flat)
    before = readings(flat)
    qtbot.keyClicks(dialog.fields[0], typed)
    # Enter asks; Esc says no; Esc in the dialog asks whether to throw the typed value away; Esc says no again.
    seen = press_in_turn(qtbot, [ENTER, ESC, ESC, ESC, ENTER, ESC])
    assert readings(flat) == before
    assert [text.split(" | ")[0] for text in seen] == [title, "Закрыть окно?", title]
    assert dialog.isVisible() and dialog.fields[0].text() == typed


def test_the_rollover_question_says_what_would_be_stored_and_alt_da_stores_it(qtbot, flat, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, flat)
    qtbot.keyClicks(dialog.fields[0], "1300")
    estimated(qtbot, dialog)
    hint = dialog.errors[0].text()  # next to the field while typing: Russian, no ISO date
    assert "Меньше прежнего показания 1390 (20.10.2026)" in hint and not re.search(r"[A-Za-z]{3,}|2026-", hint), hint
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        seen = press_in_turn(qtbot, [ENTER, ALT_DA])
    assert len(seen) == 1, seen  # it said the consumption is unusual already: no second question on the jump
    text = seen[0]
    assert "1300" in text and "1390" in text and "20.10.2026" in text
    assert "999\u00a0910\u00a0кВт·ч" in text  # 1 000 000 − 1390 + 1300, grouped as Russians write it
    assert "примерно 15\u00a0000 ваших обычных месяцев" in text  # 999 910 / ~65 kWh a month, Russian plural
    assert "обычно вы расходуете около 65\u00a0кВт·ч в месяц" in text and "опечатка" in text
    assert not re.search(r"[A-Za-z]{3,}", text) and "2026-10" not in text  # all Russian, no ISO date
    assert readings(flat)[-1] == ("2026-11-20", 1300, None, 1, "active")


def test_alt_da_stores_an_unusual_jump(qtbot, flat, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, flat)
    qtbot.keyClicks(dialog.fields[0], "99999")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        seen = press_in_turn(qtbot, [ENTER, ALT_DA])
    assert "98\u00a0609\u00a0кВт·ч" in seen[0] and "1\u00a0500 ваших обычных месяцев" in seen[0]
    assert readings(flat)[-1] == ("2026-11-20", 99999, None, 0, "active")


def test_without_history_the_rollover_question_says_the_usual_month_is_unknown(  # type: ignore[no-untyped-def]
        qtbot, data_dir, russian) -> None:
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    service.add_account(ACCOUNT, "Иванова Мария Петровна", "Самара, ул. Ленина, 1", "two-zone", "urban-gas")
    service.add_meter(ACCOUNT, "11712434", 6, date(2026, 10, 20), "1390,500")
    try:
        dialog = open_dialog(qtbot, service)
        qtbot.keyClicks(dialog.fields[0], "1300")
        qtbot.keyClicks(dialog.fields[1], "560")
        seen = press_in_turn(qtbot, [ENTER, ENTER])
        text = seen[0]
        assert "День: новое показание 1300 меньше прежнего — 1390 от 20.10.2026" in text
        assert "День — 999\u00a0910\u00a0кВт·ч, Ночь — 60\u00a0кВт·ч, всего 999\u00a0970\u00a0кВт·ч" in text
        assert "Сколько вы обычно расходуете за месяц, пока неизвестно: в журнале мало показаний." in text
        assert "месяцев" not in text and "опечатка" not in text  # no usual month to measure a mistake by
        # but 999 910 kWh in 31 days is more than a home uses: the likely slip is named
        assert ("\n\nДень: расход 999\u00a0910\u00a0кВт·ч за 31 день — намного больше, чем тратит дом. "
                "Возможно, ошибка в цифре: проверьте показание 1300.\n\n") in text
        assert readings(service) == []
    finally:
        service.close()


def test_the_figures_come_from_the_journal_in_any_language(flat, english) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfirmationRequired) as asked:
        flat.add_reading(ACCOUNT, MID_MONTH, "1300")
    title, text, risky = journal_question(asked.value)
    assert (title, risky) == ("Is this a rollover?", "&Yes, save")
    assert "999,910 kWh" in text and "about 15,000 of your usual months" in text
    assert asked.value.figures.usual_monthly.quantize(Decimal(1)) == 65


# --- the reading dialog keeps what was typed ----------------------------------------------------------------


def test_escape_with_typed_values_asks_and_enter_keeps_them(qtbot, flat, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, flat)
    before = readings(flat)
    qtbot.keyClicks(dialog.fields[0], "1455")
    seen = press_in_turn(qtbot, [ESC, ENTER])
    assert seen == ["Закрыть окно? | Закрыть окно? Введённые показания не сохранятся."]
    assert dialog.isVisible() and dialog.fields[0].text() == "1455"
    seen = press_in_turn(qtbot, [ESC, ALT_DA])
    assert len(seen) == 1 and not dialog.isVisible()
    assert readings(flat) == before


def test_cancel_and_the_windows_close_ask_too_and_nothing_typed_closes_at_once(qtbot, flat, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, flat)
    qtbot.keyClicks(dialog.fields[0], "1455")
    cancel = next(b for b in dialog.buttons.findChildren(QPushButton) if b.text() == "Отмена")
    assert len(press_in_turn(qtbot, [cancel.click, ENTER])) == 1
    assert len(press_in_turn(qtbot, [dialog.close, ESC])) == 1
    assert dialog.isVisible() and dialog.fields[0].text() == "1455"
    dialog.fields[0].clear()
    assert press_in_turn(qtbot, [ESC]) == []  # nothing typed: no question
    assert not dialog.isVisible()


# --- deleting, undoing, restoring, replacing prices and bank details ------------------------------------------


def test_deleting_a_reading_needs_alt_da(qtbot, window: MainWindow, home: JournalService) -> None:  # type: ignore[no-untyped-def]
    view = window.history
    view.table.selectRow(0)  # 20.10.2026, 1700/780
    seen = press_in_turn(qtbot, [view.delete_button.click, ENTER, view.delete_button.click, ESC])
    assert len(seen) == 2 and "20.10.2026" in seen[0]
    assert ("2026-10-20", 1700, 780, 0, "active") in readings(home)
    press_in_turn(qtbot, [view.delete_button.click, ALT_DA])
    assert ("2026-10-20", 1700, 780, 0, "deleted") in readings(home)


def test_undo_that_takes_back_a_reading_asks_and_enter_keeps_it(qtbot, window: MainWindow, home) -> None:  # type: ignore[no-untyped-def]
    view = window.history
    seen = press_in_turn(qtbot, [view.undo_button.click, ENTER])
    assert len(seen) == 1 and "20.10.2026 (1700, 780)" in seen[0]
    assert ("2026-10-20", 1700, 780, 0, "active") in readings(home)
    press_in_turn(qtbot, [view.undo_button.click, ALT_DA])
    assert ("2026-10-20", 1700, 780, 0, "undone") in readings(home)


def test_restoring_a_backup_needs_alt_da(qtbot, window, home: JournalService, settings) -> None:  # type: ignore[no-untyped-def]
    daily_backup(home.path, paths.backups_dir(home.path.parent), MID_MONTH, 10)
    dialog = SettingsDialog(settings, home, ACCOUNT, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.backups.setCurrentRow(0)
    asked: list[object] = []
    dialog.restore_requested.connect(asked.append)
    seen = press_in_turn(qtbot, [dialog.restore.click, ENTER, dialog.restore.click, ESC])
    assert len(seen) == 2 and asked == [] and dialog.isVisible()
    press_in_turn(qtbot, [dialog.restore.click, ALT_DA])
    assert len(asked) == 1


def test_replacing_prices_entered_for_the_same_day_needs_alt_da(qtbot, home: JournalService, settings, russian) -> None:  # type: ignore[no-untyped-def]
    day = date(2026, 11, 1)
    home.billing.set_price("urban-gas", "two-zone", day, ["8,20", "4,17"])

    def stored() -> list[Decimal | None]:
        return [p.price for p in home.billing.prices("urban-gas", "two-zone") if p.user and p.valid_from == day]

    dialog = SettingsDialog(settings, home, ACCOUNT)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.price_from.set_date(day)
    type_zones(qtbot, dialog.prices, "9,00", "5,00")
    save = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Сохранить цену")
    seen = press_in_turn(qtbot, [save.click, ENTER])
    assert len(seen) == 1 and "01.11.2026" in seen[0] and "8,20" in seen[0]
    assert stored() == [Decimal("8.20"), Decimal("4.17")]
    assert dialog.prices.values() == ["9,00", "5,00"]  # back to typing, the new prices still there
    press_in_turn(qtbot, [save.click, ALT_DA])
    assert stored() == [Decimal("9.00"), Decimal("5.00")]


def test_replacing_the_bank_details_needs_alt_da(qtbot, home: JournalService, russian) -> None:  # type: ignore[no-untyped-def]
    home.receipts.set_payee(**VALID_PAYEE)
    dialog = PayeeDialog(home)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.edits["bank"].text() == VALID_PAYEE["bank"]
    dialog.edits["bank"].setText("ПАО Другой банк")
    save = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Сохранить")
    seen = press_in_turn(qtbot, [save.click, ENTER])
    assert len(seen) == 1 and "Банк" in seen[0]
    assert home.receipts.payee().bank == VALID_PAYEE["bank"] and dialog.isVisible()
    press_in_turn(qtbot, [save.click, ALT_DA])
    assert home.receipts.payee().bank == "ПАО Другой банк"


# --- the helper itself -----------------------------------------------------------------------------------------


def test_the_safe_answer_is_default_escape_and_focused_and_every_button_is_named(qtbot, russian) -> None:  # type: ignore[no-untyped-def]
    checked: list[str] = []

    def inspect() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, RiskyQuestion)
        (risky,), safe = box.risky, box.safe
        assert safe.isDefault() and not risky.isDefault() and not risky.autoDefault() and box.focusWidget() is safe
        assert safe.text() == "Нет, вернуться к вводу" and risky.text() == "&Да, сохранить"
        assert QKeySequence.mnemonic(risky.text()).toString() == "Alt+Д"
        assert QKeySequence.mnemonic(safe.text()).isEmpty()  # Enter and Esc choose it; it needs no letter
        assert risky.accessibleName() == "Да, сохранить" and safe.accessibleName() == safe.text()
        checked.append("ok")

    def ask() -> None:
        risky = journal_question(ConfirmationRequired("jump", "A question without figures."))[2]
        checked.append(str(ask_risky(None, "Вопрос", "Текст", risky)))

    def focus() -> None:
        box = QApplication.activeModalWidget()
        checked.append("on yes" if box.focusWidget() is box.risky[0] else "elsewhere")  # type: ignore[union-attr]

    seen = press_in_turn(qtbot, [ask, inspect, (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier), focus, ENTER])
    assert checked == ["ok", "on yes", "False"], (checked, seen)  # Enter says no even after Tab moved the focus


def test_no_question_in_the_window_bypasses_the_helper() -> None:
    """Every yes/no the window asks goes through ui/confirmations.py, so none can default to the risky answer."""
    offenders = []
    for path in sorted((ROOT / "ui").glob("*.py")):
        if path.name == "confirmations.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"QMessageBox\.question|\.addButton\(|setDefaultButton|StandardButton\.(Yes|No)\b", line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []


def _physical_key(key: int, text: str, scan_code: int, keysym: int) -> Callable[[], None]:
    """Alt and the key marked «Д»/«L» (X11 keycode 46) as the keyboard sends it in one layout: the layout's letter
    as Qt's key and text, the same scan code in both layouts, the layout's own keysym."""
    def press() -> None:
        target = QApplication.activeModalWidget().focusWidget()  # type: ignore[union-attr]
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.AltModifier, scan_code, keysym,
                                                     0, text))
    return press


ALT_D_RUSSIAN = _physical_key(0x0414, "д", 46, 0x6C4)  # the Russian layout: Alt+Д (XK_Cyrillic_de)
ALT_L_LATIN = _physical_key(Qt.Key.Key_L.value, "l", 46, 0x6C)  # the Latin layout on: the same key gives Alt+L


@pytest.mark.parametrize(("presses", "answer"), [
    ([ALT_D_RUSSIAN], True),
    ([ALT_L_LATIN], True),
    ([ESC], False),
    ([ENTER], False),
    ([(Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier), ENTER], False),  # another key (Л's Latin K): still a no
    ([(Qt.Key.Key_L, Qt.KeyboardModifier.NoModifier), ESC], False),  # L without Alt answers nothing
])
def test_yes_takes_alt_with_its_key_in_either_layout_and_enter_or_escape_still_say_no(  # type: ignore[no-untyped-def]
        qtbot, russian, presses, answer) -> None:
    answers: list[bool] = []

    def ask() -> None:
        answers.append(ask_risky(None, "Удалить показание?", "Показание будет удалено.", "&Да, удалить"))

    press_in_turn(qtbot, [ask, *presses])
    assert answers == [answer]


def test_each_russian_alt_letter_has_the_latin_letter_of_its_key() -> None:
    assert answer_keys("&Да, удалить") == {0x0414, Qt.Key.Key_L.value}
    assert answer_keys("&Заменить") == {0x0417, Qt.Key.Key_P.value}
    assert answer_keys("&Yes, save") == {Qt.Key.Key_Y.value}  # a Latin letter is the same in both layouts
    assert answer_keys("Без буквы") == set()
