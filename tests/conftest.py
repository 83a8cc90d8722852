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
from ui.none_references import keep_none_alive

keep_none_alive()  # as the window's start does: PySide6's void methods take None's references (see the module)

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


class FakeRunKey:
    """The registry's Run key, as a dictionary: the Windows autostart's logic tested on any system."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> bool:
        return self.values.pop(name, None) is not None


class ReminderPlace:
    """Where a test's reminders go: the autostart entry of this system in a temporary folder (the Run key a
    dictionary on Windows), and the programs the reminders would start, recorded instead of started."""

    def __init__(self, folder: Path) -> None:
        from desktop_app.autostart import system_autostart

        self.run_key = FakeRunKey()
        env = {"HOME": str(folder / "home"), "XDG_CONFIG_HOME": str(folder / "config")}
        self.autostart = system_autostart(environ=env, run_key=self.run_key)
        self.started: list[list[str]] = []

    def start(self, command: list[str]) -> object:
        self.started.append(list(command))
        return None


@pytest.fixture(autouse=True)
def reminder_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ReminderPlace:
    """Nothing a test does reaches this computer's start-up: the two calls that touch it (the system's autostart
    entry, starting a program on its own) are pointed at a temporary place."""
    import desktop_app.autostart as autostart

    place = ReminderPlace(tmp_path / "reminder-place")
    monkeypatch.setattr(autostart, "system_autostart", lambda *_a, **_k: place.autostart)
    monkeypatch.setattr(autostart, "start_program", place.start)
    return place


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
