"""The installation act corrected in the window: typed with the keyboard, Enter saves, a refusal beside its field,
Esc cancels; the monthly reading's rollover question below the act says where to correct the act."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.conftest import ACCOUNT
from tests.journal.test_readings import snapshot
from tests.ui.conftest import click_in_next_modal
from ui.act_correction_dialog import CorrectActDialog
from ui.main_window import MainWindow


def _retype(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def test_the_act_is_corrected_from_the_account_tab(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(3)
    button = next(b for b in window.accounts.findChildren(QPushButton) if b.text() == "Исправить данные акта…")

    def correct(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, CorrectActDialog)
        assert [f.text() for f in dialog.form.initial.fields] == ["1000", "500"]  # prefilled with the act
        assert dialog.form.serial.text() == "11712434"
        _retype(qtbot, dialog.form.initial.fields[0], "1100")
        qtbot.keyClick(dialog.form.initial.fields[0], Qt.Key.Key_Tab)
        _retype(qtbot, dialog.form.initial.fields[1], "550")
        qtbot.keyClick(dialog.form.initial.fields[1], Qt.Key.Key_Return)

    click_in_next_modal(qtbot, action=correct)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.service.meters(ACCOUNT)[0].initial == (1100, 550)
    qtbot.waitUntil(lambda: "1100 (день), 550 (ночь)" in window.accounts.details.toPlainText(), timeout=5000)
    first = next(r for r in window.service.history(ACCOUNT) if r.status == "active")
    assert first.consumption == (200, 50)


def test_a_refusal_is_shown_beside_its_field_and_esc_changes_nothing(qtbot, home, russian) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(home)
    dialog = CorrectActDialog(home, ACCOUNT)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _retype(qtbot, dialog.form.initial.fields[0], "1400")
    qtbot.keyClick(dialog.form.initial.fields[0], Qt.Key.Key_Return)
    error = dialog.form.errors["initial"]
    qtbot.waitUntil(error.isVisible, timeout=5000)
    assert "20.08.2026" in error.text() and "1300" in error.text() and "больше первого показания" in error.text()
    assert dialog.isVisible() and dialog.form.initial.fields[0].hasFocus()
    assert snapshot(home) == before
    qtbot.keyClick(dialog.form.initial.fields[0], Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert snapshot(home) == before


def test_a_rollover_below_the_act_says_where_to_correct_the_act(qtbot, service, russian) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from tests.conftest import make_household
    from ui.reading_dialog import ReadingDialog

    make_household(service, initial="10005,500")  # 1000 typed as 10005
    dialog = ReadingDialog(service, ACCOUNT, date(2025, 2, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.fields[0], "1150")
    qtbot.keyClicks(dialog.fields[1], "600")
    seen = click_in_next_modal(qtbot, action=lambda question: (seen.append(question.text()), question.reject()))
    qtbot.keyClick(dialog.fields[1], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(seen) >= 1, timeout=5000)
    assert "Лицевой счёт и счётчик» → «Исправить данные акта…" in seen[-1]
    assert "акта установки" in seen[-1]
