"""The installation act's values are named by their zones wherever the window shows them: the account tab, and an
empty history, which says where the first readings are."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.services.journal_service import JournalService
from tests.conftest import make_household
from tests.ui.conftest import MID_MONTH
from ui.main_window import MainWindow
from ui.settings import Settings


@pytest.fixture
def new_account(data_dir: Path) -> Iterator[JournalService]:
    """An account just created from the act (two zones, 1000 and 500 on 10.01.2025), no reading typed yet."""
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    make_household(service)
    yield service
    service.close()


def test_an_empty_history_says_the_act_values_with_their_zones(  # type: ignore[no-untyped-def]
        qtbot, new_account: JournalService, settings: Settings, russian) -> None:
    window = MainWindow(new_account, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.history.status.text() != "", timeout=10000)
    assert window.history.model.rowCount() == 0
    assert window.history.status.text() == (
        "Показаний пока нет. Начальные показания из акта установки: 1000 (день), 500 (ночь) на 10.01.2025.")
    details = window.accounts.details.toPlainText()
    assert "показания по акту: 1000 (день), 500 (ночь)" in details, details


def test_a_single_rate_act_is_said_without_zone_names(  # type: ignore[no-untyped-def]
        qtbot, data_dir: Path, settings: Settings, russian) -> None:
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    try:
        make_household(service, plan="single", initial="4321")
        window = MainWindow(service, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.history.status.text() != "", timeout=10000)
        assert window.history.status.text() == (
            "Показаний пока нет. Начальные показания из акта установки: 4321 на 10.01.2025.")
        assert "показания по акту: 4321" in window.accounts.details.toPlainText()
    finally:
        service.close()
