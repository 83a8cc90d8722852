"""The history's table in the window's width at large text: never scrolled sideways, no sum or reading cut; a month
and a balance on two lines, then columns left out, what they say written under the table for the chosen row."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.laptop_screen import history_cut
from ui.main_window import MainWindow
from ui.texts import month_name
from ui.theme import apply_theme


@pytest.fixture
def large_text(qapp: QApplication, russian: None) -> Iterator[None]:
    apply_theme(qapp, 200, False)
    yield
    apply_theme(qapp, 100, False)


def test_at_200_percent_text_the_history_fits_the_window_and_says_what_it_leaves_out(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, large_text) -> None:
    history = window.history
    window.resize(window.size().boundedTo(window.screen().availableGeometry().size()))
    qtbot.waitUntil(lambda: history.model.balance != {})
    QApplication.processEvents()
    table, model = history.table, history.model
    assert list(history_cut(history)) == []
    assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll to sideways
    assert model.compact  # 200 % text on an 800 px screen: the month and the balance on two lines
    assert model.data(model.index(0, 0)) == "октябрь\n2026"
    paid = model.money_column() + 1
    assert table.isColumnHidden(paid) and history.details.isVisible()
    # The newest row until one is chosen; then the chosen one's columns left out, in words under the table.
    assert history.details.text().startswith("октябрь 2026: ")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    chosen = table.currentIndex().row()
    assert chosen >= 1
    assert history.details.text().startswith(month_name(model.rows[chosen].period) + ": ")
    for column in history.left_out:
        value = model.data(model.index(chosen, column))
        if value:
            assert str(value).replace("\n", " ") in history.details.text()


def test_at_100_percent_text_every_column_is_shown_as_it_was(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    history = window.history
    qtbot.waitUntil(lambda: history.model.balance != {})
    window.resize(1300, 700)
    QApplication.processEvents()
    assert list(history_cut(history)) == []
    assert not history.model.compact and history.left_out == [] and not history.details.isVisible()
    assert history.model.data(history.model.index(0, 0)) == "октябрь 2026"
