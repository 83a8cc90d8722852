"""The charts tab draws every payment, and says in words why a month read or paid has no bar."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT, make_household
from tests.ui.conftest import MID_MONTH
from ui.main_window import MainWindow
from ui.settings import Settings


@pytest.fixture
def first_reading_unpriced(data_dir: Path) -> Iterator[JournalService]:
    """The act of 10.01.2025, the first reading on 05.11.2026 (22 months at once, under the two-zone night price
    nobody knows from 01.07.2025) and a payment that day."""
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    make_household(service)
    service.add_reading(ACCOUNT, date(2026, 11, 5), "1200,1100", confirm=True)
    service.billing.add_payment(ACCOUNT, date(2026, 11, 5), "1250,50")
    yield service
    service.close()


def test_a_payment_is_drawn_though_the_month_charge_is_unknown_and_the_note_says_why(  # type: ignore[no-untyped-def]
        qtbot, first_reading_unpriced: JournalService, settings: Settings, russian) -> None:
    window = MainWindow(first_reading_unpriced, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.balance_label.text() != "", timeout=10000)
    window.tabs.setCurrentIndex(1)
    charts = window.charts
    charts.kind.setFocus()
    assert charts.kind.currentData() == "kwh"
    note = charts.note
    assert note.isVisible() and note.text() == (  # November's bar is missing: said why
        "Расход за ноябрь 2026 не показан: показание от 05.11.2026 охватывает несколько месяцев — с 10.01.2025.")
    qtbot.keyClick(charts.kind, Qt.Key.Key_Down)  # «Деньги, ₽»
    assert charts.kind.currentData() == "money"
    charge, paid = charts.chart.series
    assert charts.chart.labels[-1] == "нояб.\n2026"
    assert paid.values[-1] == Decimal("1250.50")  # the payment is drawn
    assert charge.values[-1] is None  # no charge bar: its price is unknown
    assert note.isVisible() and note.text() == "Начисление за ноябрь 2026 неизвестно: нет цены."


def test_a_month_paid_but_not_read_draws_its_payment_and_says_why_there_is_no_charge(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService) -> None:
    home.billing.add_payment(ACCOUNT, date(2026, 11, 10), "700")  # November: paid, its reading not typed yet
    window.reload_accounts(ACCOUNT)
    charts = window.charts
    charts.kind.setCurrentIndex(charts.kind.findData("money"))
    charge, paid = charts.chart.series
    assert paid.values[-1] == Decimal("700.00") and charge.values[-1] is None
    assert charge.values[-2] is not None  # October: read and priced
    assert charts.note.text() == (  # August: the act's 19 months at once, under the night price nobody knows
        "Начисление за август 2026 неизвестно: нет цены. "
        "За ноябрь 2026 показаний нет: начисление придёт со следующим показанием.")
