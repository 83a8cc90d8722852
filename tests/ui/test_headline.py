"""The top of the main window lays out the sum owed by how its words really wrap."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton

from ui.headline import Headline

LONG_SUM = "К оплате: не меньше 6\u00a0203,00\u00a0₽ (одна из цен неизвестна)"


def test_beside_the_button_the_sum_never_takes_more_than_three_lines(qtbot, qapp: QApplication, russian) -> None:  # type: ignore[no-untyped-def]
    """At 200 % text on a small screen the sum went beside the button on five lines (its width was guessed as a
    third of its one-line width); now it goes on a line of its own whenever it would take more than three."""
    from ui.theme import apply_theme

    apply_theme(qapp, 200, False)
    try:
        balance = QLabel(LONG_SUM)
        balance.setProperty("role", "big")
        balance.setWordWrap(True)
        combo = QComboBox()
        combo.setMinimumContentsLength(16)  # as the window's: the number and the start of the address
        combo.addItem("050900691990 — Самара, ул. Ленина, д. 5, кв. 12")
        headline = Headline(QLabel("Лицевой счёт:"), combo, balance, QPushButton("Передать показания"))
        qtbot.addWidget(headline)
        headline.show()
        line = balance.fontMetrics().lineSpacing()
        placements = set()
        for width in range(headline.minimumWidth(), 2400, 15):
            headline.resize(width, 400)
            QApplication.processEvents()
            placements.add(headline.lines)
            if headline.lines == 2:  # the sum beside the button
                text_height = balance.heightForWidth(balance.width())  # the label may be given more than its text
                assert text_height <= 3.5 * line, (width, text_height / line)
        assert placements == {1, 2, 3}  # every placement was tried
    finally:
        apply_theme(qapp, 100, False)
