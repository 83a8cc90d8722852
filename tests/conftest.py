"""Shared fixtures: a fresh journal file in a temporary folder for every test; Qt offscreen."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop_app.services.journal_service import JournalService

TODAY = date(2026, 11, 28)
ACCOUNT = "050900691990"


@pytest.fixture(autouse=True, scope="session")
def garbage_collected_on_the_main_thread() -> Iterator[None]:
    """As in the app (ui/main_thread_gc.py): no automatic collection, which could run in a worker thread and
    destroy a Qt object there; the test thread collects between tests instead."""
    threshold = gc.get_threshold()
    gc.disable()
    yield
    gc.enable()
    gc.set_threshold(*threshold)


@pytest.fixture(autouse=True)
def collect_between_tests() -> Iterator[None]:
    yield
    from ui.main_thread_gc import collect_if_due

    collect_if_due(gc.get_threshold())


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("METER_JOURNAL_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def service(data_dir: Path) -> Iterator[JournalService]:
    svc = JournalService(data_dir / "journal.sqlite3", today=lambda: TODAY)
    yield svc
    svc.close()


def make_household(svc: JournalService, plan: str = "two-zone", number: str = ACCOUNT,
                   initial: str = "1000,500", digits: int = 6, installed: date = date(2025, 1, 10)) -> None:
    svc.add_account(number, "Иванова Мария Петровна", "Самара, ул. Ленина, 1", plan, "urban-gas")
    svc.add_meter(number, "11712434", digits, installed, initial)


@pytest.fixture
def household(service: JournalService) -> JournalService:
    make_household(service)
    return service
