"""Every message box shows its whole text, at every text size."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from tests.ui.conftest import click_in_next_modal
from ui.theme import apply_theme

TEXTS = [
    "Отменять нечего.",
    "Журнал восстановлен из резервной копии.",
    "Показание 1 300 от 20.10.2026 будет заменено новым: 1 350. Старое останется в истории как заменённое. "
    "Заменить?",
    "Журнал восстановлен из резервной копии. Журнал, бывший до восстановления, сохранён рядом: "
    "journal-before-restore-2026-11-30.sqlite3",
]


@pytest.mark.parametrize("scale", [100, 150, 175, 185, 200])
def test_a_message_box_shows_its_whole_text(qtbot, qapp: QApplication, russian, scale: int) -> None:  # type: ignore[no-untyped-def]
    """A style rule that widened the boxes' text («fewer lines») cut a message of one line at 100 % text:
    «Журнал восстановлен из ре»."""
    apply_theme(qapp, scale, False)
    try:
        for text in TEXTS:
            box = QMessageBox(QMessageBox.Icon.Information, "Восстановлено", text)
            qtbot.addWidget(box)
            box.show()
            QApplication.processEvents()
            label = box.findChild(QLabel, "qt_msgbox_label")
            if label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()), text
            else:
                assert label.width() >= label.fontMetrics().horizontalAdvance(text), text
            assert label.geometry().right() <= box.rect().right(), text
            box.close()
    finally:
        apply_theme(qapp, 100, False)


def test_every_message_box_s_ok_is_in_cyrillic_letters(qtbot, russian) -> None:  # type: ignore[no-untyped-def]
    """Qt's own Russian catalogue leaves «OK» in Latin letters: the window's catalogue, consulted first, says «ОК»."""
    for show in (QMessageBox.information, QMessageBox.warning, QMessageBox.critical):
        buttons: list[str] = []
        click_in_next_modal(qtbot, action=lambda box, buttons=buttons: (  # type: ignore[misc]
            buttons.extend(button.text() for button in box.buttons()), box.accept()))
        show(None, "Сохранено", "Копия журнала сохранена.")
        assert buttons == ["\u041e\u041a"], (show.__name__, buttons)  # О and К, the Cyrillic letters


def test_in_english_the_ok_stays_ok(qtbot, english) -> None:  # type: ignore[no-untyped-def]
    buttons: list[str] = []
    click_in_next_modal(qtbot, action=lambda box: (buttons.extend(b.text() for b in box.buttons()), box.accept()))
    QMessageBox.information(None, "Saved", "The copy is saved.")
    assert buttons == ["OK"]
