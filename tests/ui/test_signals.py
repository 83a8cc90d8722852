"""Readable in high contrast, honest in its signals: a hint in an empty field never looks like a value, an
unticked box shows its box, «Сохранено» looks like success, focus frames stay off the texts, the history's note is
in view, and the chart shows the last twelve months as they were (gaps as gaps, round ticks)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton, QVBoxLayout, QWidget

from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT, make_household
from tests.desktop_app.receipt_fixtures import VALID_PAYEE
from tests.ui.conftest import MID_MONTH
from ui.charts import round_ticks
from ui.date_field import DateField
from ui.main_window import MainWindow
from ui.receipt_dialog import ReceiptDialog
from ui.settings_dialog import SettingsDialog
from ui.tasks import TaskRunner
from ui.theme import apply_theme


@pytest.fixture(params=[False, True], ids=["calm", "high contrast"])
def contrast(request, qapp: QApplication, russian) -> Iterator[bool]:  # type: ignore[no-untyped-def]
    apply_theme(qapp, 100, request.param)
    yield request.param
    apply_theme(qapp, 100, False)


def ink(widget: QWidget) -> list[QColor]:
    """The colours of the text drawn in `widget`: the pixels far from its background."""
    image: QImage = widget.grab().toImage()
    background = widget.palette().base().color()
    found = []
    for y in range(4, image.height() - 4):
        for x in range(12, image.width() // 2):
            colour = image.pixelColor(x, y)
            if abs(colour.lightness() - background.lightness()) > 60:
                found.append(colour)
    return found


def test_a_hint_in_an_empty_field_does_not_look_like_a_value(qtbot, contrast: bool) -> None:  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    column = QVBoxLayout(holder)
    empty_day, typed_day = DateField(MID_MONTH), DateField(MID_MONTH)
    column.addWidget(empty_day)
    column.addWidget(typed_day)
    holder.show()
    empty, typed = empty_day.edit, typed_day.edit
    qtbot.keyClicks(typed, "20.11.2026")
    for field in (empty, typed):
        field.clearFocus()  # no text cursor in the fields
    assert empty.placeholderText() == "ДД.ММ.ГГГГ" and typed.text() == "20.11.2026"
    assert empty.font().italic() and not typed.font().italic()  # the hint slanted, the value upright
    hint, value = ink(empty), ink(typed)
    assert hint and value

    def solid(colours: list[QColor]) -> int:  # the lightness of the glyphs' own colour: the commonest one
        names = [c.name() for c in colours]
        return QColor(max(set(names), key=names.count)).lightness()

    if contrast:  # white values on black: the hint a clear grey
        assert solid(value) - solid(hint) > 60, (solid(value), solid(hint))
    else:  # near-black values on white: the hint a clear grey
        assert solid(hint) - solid(value) > 60, (solid(hint), solid(value))
    qtbot.keyClicks(empty, "10")
    assert not empty.font().italic()


def test_an_unticked_box_shows_its_box(qtbot, contrast: bool) -> None:  # type: ignore[no-untyped-def]
    box = QCheckBox("Делать резервную копию каждый день")
    qtbot.addWidget(box)
    box.show()
    background = box.palette().window().color()

    def indicator() -> list[QColor]:
        image = box.grab().toImage()
        side = image.height()
        return [image.pixelColor(x, y) for x in range(side) for y in range(side)]

    unticked = indicator()
    assert any(abs(c.lightness() - background.lightness()) > 120 for c in unticked)  # its frame shows
    box.setChecked(True)
    ticked = indicator()
    assert sum(a != b for a, b in zip(unticked, ticked, strict=True)) > len(ticked) // 40  # and ticked differs
    if contrast:
        assert any(c.red() > 200 and c.green() > 200 and c.blue() < 80 for c in ticked)  # yellow, with its tick


def test_saved_looks_like_success_and_a_refusal_like_an_error(qtbot, home: JournalService, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                              russian) -> None:
    home.receipts.set_payee(**VALID_PAYEE)
    dialog = ReceiptDialog(home, ACCOUNT, TaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    refused = dialog.error.palette().windowText().color()
    assert dialog.error.text() and refused.red() > 2 * refused.green()  # no sum to propose: dark red
    dialog.amount.setText("1234,56")
    out = tmp_path / "receipt.pdf"
    dialog.make_pdf(lambda pdf: dialog._write(out, pdf))
    qtbot.waitUntil(lambda: dialog.error.text().startswith("✓ Сохранено"), timeout=10000)
    saved = dialog.error.palette().windowText().color()
    assert saved.green() > 2 * saved.red() and dialog.error.property("role") == "success"  # dark green with ✓
    dialog.amount.clear()
    dialog.save_as()  # refused before any file dialog: an error again
    again = dialog.error.palette().windowText().color()
    assert dialog.error.property("role") == "error" and again.red() > 2 * again.green()


def test_a_saved_price_looks_like_success(qtbot, home: JournalService, settings, russian) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(settings, home, ACCOUNT)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.prices_page)
    dialog.price_from.set_date(date(2026, 11, 1))
    for field, price in zip(dialog.prices.fields, ("8,20", "4,17"), strict=True):
        field.setText(price)
    assert dialog._save_price()
    colour = dialog.price_saved.palette().windowText().color()
    assert dialog.price_saved.text().startswith("✓ Сохранено") and colour.green() > 2 * colour.red()


def test_a_focus_frame_goes_round_a_button_not_through_its_text(qtbot, qapp, russian) -> None:  # type: ignore[no-untyped-def]
    for scale in (100, 200):
        apply_theme(qapp, scale, False)
        try:
            button = QPushButton("Передать показания")
            button.setObjectName("primary")
            qtbot.addWidget(button)
            button.show()
            button.resize(button.sizeHint())
            button.setFocus()
            QApplication.processEvents()
            focused = button.grab().toImage()
            inner = button.rect().adjusted(6, 6, -6, -6)  # inside the 3 px frame: the text and its margin

            def blue(colour: QColor) -> bool:  # the focus colour, #1f5fbf
                return abs(colour.red() - 0x1f) + abs(colour.green() - 0x5f) + abs(colour.blue() - 0xbf) < 60

            inside = [QPoint(x, y) for x in range(inner.left(), inner.right())
                      for y in range(inner.top(), inner.bottom()) if blue(focused.pixelColor(x, y))]
            assert inside == [], f"a focus line inside the frame, through the text, at {scale} %"
            assert any(blue(focused.pixelColor(1, y)) for y in range(focused.height()))  # the frame shows it
        finally:
            apply_theme(qapp, 100, False)


def test_the_note_column_is_in_view_at_100_percent(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    table = window.history.table
    window.resize(1200, 700)  # the first size on a laptop
    QApplication.processEvents()
    note = window.history.model.columnCount() - 1
    right = table.columnViewportPosition(note) + table.columnWidth(note)
    assert table.isColumnHidden(2)  # one meter: its number needs no column
    assert right <= table.viewport().width()
    model = window.history.model
    assert model.headerData(note, Qt.Orientation.Horizontal) == "Примечание"


def test_round_ticks() -> None:
    assert round_ticks(310) == [0, 100, 200, 300, 400]
    assert round_ticks(Decimal("2247.30")) == [0, 1000, 2000, 3000]
    assert round_ticks(77) == [0, 20, 40, 60, 80]
    assert round_ticks(0) == [0, 1]


def test_the_last_12_months_are_twelve_calendar_months_with_gaps_as_gaps(qtbot, data_dir: Path, settings,  # type: ignore[no-untyped-def]
                                                                          russian) -> None:
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    make_household(service, installed=date(2024, 1, 10))
    # Two readings in 2025 (after a 14-month pause), then a 20-month pause: the next reading's 310 kWh are not a
    # month's consumption.
    for day, values in ((date(2025, 3, 20), "1100,550"), (date(2025, 4, 20), "1150,570"),
                        (date(2026, 9, 20), "1400,630"), (date(2026, 10, 20), "1500,700")):
        service.add_reading(ACCOUNT, day, values, confirm=True)  # (an unusual month: confirmed)
    window = MainWindow(service, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.balance_label.text() != "", timeout=10000)
    chart = window.charts.chart
    months = ["2025-12", *(f"2026-{m:02d}" for m in range(1, 12))]
    assert window.charts.periods(12) == months  # the twelve ending with this month, read or not
    assert len(chart.labels) == 12 and chart.labels[0].endswith("2025") and chart.labels[-1].endswith("2026")
    day, night = chart.series
    assert day.values[:9] == (None,) * 9  # December 2025 to August 2026: no readings, no bars
    assert day.values[9] is None  # September 2026 closes a 17-month pause: not one month's consumption
    assert (day.values[10], night.values[10]) == (100, 70)  # October: a month's own
    assert day.values[11] is None  # November: not read yet
    window.charts.months.setCurrentIndex(1)
    assert len(chart.labels) == 24 and all(v is None or v > 0 for v in day.values)
    service.close()
