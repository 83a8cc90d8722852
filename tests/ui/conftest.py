"""Window tests: real widgets, driven with pytest-qt, on a real journal file in a temporary folder."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT, make_household
from ui.confirmations import RiskyQuestion
from ui.i18n import install_language
from ui.main_window import MainWindow
from ui.reading_dialog import ReadingDialog
from ui.settings import Settings
from ui.theme import apply_theme

MID_MONTH = date(2026, 11, 20)
QUESTIONS = (QMessageBox, RiskyQuestion)  # message boxes, and the questions whose yes is risky


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """After each test qtbot closes its widgets, and a reading dialog with values typed would ask first (and wait
    for an answer): what the test typed is cleared before that, so closing asks nothing."""
    yield
    if QApplication.instance() is not None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ReadingDialog):
                for field in widget.fields:
                    field.clear()


def hold_journal(path: Path, seconds: float) -> threading.Timer:
    """Another program writing: a write transaction held open on the journal from now for `seconds` (a write of
    ours waits for it, up to the busy timeout; reads go on). The returned timer is started."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(seconds, lambda: (other.execute("ROLLBACK"), other.close()))
    release.start()
    return release


def estimated(qtbot, dialog: ReadingDialog) -> str:  # type: ignore[no-untyped-def]
    """The reading dialog's estimate line once the estimate of the values typed has come from its worker."""
    qtbot.waitUntil(lambda: not getattr(dialog, "estimating", False), timeout=5000)
    return dialog.preview.text()


def rows(path: Path, sql: str) -> list[tuple]:
    """What the journal file holds, read with plain sqlite3 (not through the app)."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[None]:
    install_language("ru")
    apply_theme(qapp, 100, False)
    yield
    install_language("ru")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    install_language("en")
    yield
    install_language("ru")


@pytest.fixture
def home(data_dir: Path) -> Iterator[JournalService]:
    """A household with a two-zone meter installed on 2025-01-10 (act 1000, 500) and a few readings."""
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    make_household(service)
    service.add_reading(ACCOUNT, date(2026, 8, 20), "1300,600")
    service.add_reading(ACCOUNT, date(2026, 9, 20), "1500,700")
    service.add_reading(ACCOUNT, date(2026, 10, 20), "1700,780")
    yield service
    service.close()


@pytest.fixture
def window(qtbot, home: JournalService, settings: Settings, russian: None) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(home, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.balance_label.text() != "", timeout=10000)
    return main


def click_in_next_modal(  # type: ignore[no-untyped-def]
    qtbot, text: str | None = None, *, action: Callable[[QWidget], None] | None = None,
    kind: type[QWidget] | None = None,
) -> list[str]:
    """When the next modal dialog opens (of `kind`, when given: another one still closing is waited out), press its
    button whose text contains `text` (or run `action`). Returns a list that receives the dialog's text, to assert
    on."""
    seen: list[str] = []

    def act() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or getattr(modal, "saving", False) or (kind is not None and not isinstance(modal, kind)):
            QTimer.singleShot(20, act)
            return
        if isinstance(modal, QUESTIONS):
            seen.append(modal.text())
        if action is not None:
            action(modal)
            return
        for button in modal.findChildren(QAbstractButton):
            if text is not None and text in button.text().replace("&", ""):
                button.click()
                return
        seen.append("no button " + str(text))
        modal.close()

    QTimer.singleShot(20, act)
    return seen


def type_zones(qtbot, zones, *values: str) -> None:  # type: ignore[no-untyped-def]
    """Type each zone's value into that zone's own field (ui.zone_fields.ZoneFields), key by key; an empty value
    leaves its field as it is."""
    assert len(values) == len(zones.fields), [f.accessibleName() for f in zones.fields]
    for field, value in zip(zones.fields, values, strict=True):
        qtbot.keyClicks(field, value)


Press = tuple[Qt.Key, Qt.KeyboardModifier] | Callable[[], object]
ENTER: Press = (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
ESC: Press = (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
ALT_DA: Press = (Qt.Key(0x0414), Qt.KeyboardModifier.AltModifier)  # Alt+Д: the Russian letter of «&Да, …»


def press_in_turn(qtbot, presses: list[Press], *, interval: int = 150) -> list[str]:  # type: ignore[no-untyped-def]
    """Press each key on the focused widget of the active modal window — the question while one is open, else
    the dialog — one after another, as a person at the keyboard would (a callable is run instead, e.g. a click).
    A press may open a question and wait in it, so the next press is scheduled before each one; the interval
    outlasts a mnemonic's animated click (100 ms). A question still open after the last press is closed with its
    window's ×. Returns "title | text" of every question box
    that was active at a press, then of one left open (prefixed "left open: ")."""
    pending, seen, finished, waits = list(presses), [], [], []

    def step() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QUESTIONS) and not modal.isActiveWindow() and len(waits) < 50:
            waits.append(modal)  # a question just opened: it gets the keyboard once it is the active window
            QTimer.singleShot(interval, step)
            return
        waits.clear()
        if isinstance(modal, QUESTIONS):
            seen.append(("left open: " if not pending else "") + f"{modal.windowTitle()} | {modal.text()}")
        if not pending:
            if isinstance(modal, QUESTIONS):
                modal.close()
                QTimer.singleShot(interval, step)  # it may have been nested in another question
                return
            finished.append(True)
            return
        press = pending.pop(0)
        QTimer.singleShot(interval, step)
        if callable(press):
            press()
            return
        target = modal.focusWidget() or modal if modal is not None else QApplication.focusWidget()
        if target is None:
            seen.append("no window took the key")  # e.g. the dialog has closed already
            return
        QTest.keyClick(target, press[0], press[1])

    QTimer.singleShot(interval, step)
    qtbot.waitUntil(lambda: bool(finished), timeout=10000)
    return seen
