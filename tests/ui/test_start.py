"""The start: the main window is on screen before the journal's libraries load, then the journal fills it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from PySide6.QtGui import QAction

from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT, make_household
from tests.ui.conftest import MID_MONTH
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
# What the window must not wait for: the journal's storage and services, and the libraries they bring.
HEAVY = ("sqlalchemy", "alembic", "httpx", "reportlab", "keyring", "journal.storage", "desktop_app.services",
         "desktop_app.portal")

# Runs the real start (desktop_app.__main__ → ui.launch → ui.app) in a child process, with its settings in a
# temporary ini file. At the main window's first paint it notes which heavy modules are loaded and what the
# window shows; once the history has rows, what the window shows then. Prints both as JSON.
START = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication
import desktop_app.__main__ as entry
import ui.launch as launch
from ui.main_window import MainWindow
from ui.settings import Settings

data_dir, ini, heavy = sys.argv[1], sys.argv[2], tuple(sys.argv[3].split(","))
launch.make_settings = lambda: Settings(QSettings(ini, QSettings.Format.IniFormat))
seen = {}
app = QApplication(sys.argv[:1])  # the launch uses it; created first so that the timers below can run

def state(window):
    return {"accounts": window.account_box.count(), "submit": window.submit_button.isEnabled(),
            "opening": window.opening.text() if window.opening is not None else None,
            "tabs": [window.tabs.isTabEnabled(i) for i in range(window.tabs.count())],
            "rows": window.history.model.rowCount() if hasattr(window, "history") else None}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "painted" not in seen:
            seen["painted"] = state(watched)
            seen["heavy"] = sorted(m for m in sys.modules if m.startswith(heavy))
            if "first-screen" not in sys.argv[4:]:  # that test looks at the modules loaded later
                note_where_the_journal_opens()
            QTimer.singleShot(50, lambda: filled(watched))
        return False

def note_where_the_journal_opens():  # only now, after the first paint: the import is the start's to make
    import threading
    import desktop_app.services.journal_service as module
    real = module.JournalService.__init__
    def init(self, *args, **kwargs):
        seen["opened_on"] = threading.current_thread().name
        real(self, *args, **kwargs)
    module.JournalService.__init__ = init

def table(history):  # what the history shows: the account, each row's reading and the text of its cells
    model = history.model
    return {"account": history.number, "readings": [row.reading_id for row in model.rows],
            "cells": [[model.data(model.index(r, c)) for c in range(model.money_column())]
                      for r in range(model.rowCount())],
            "columns": [history.table.columnWidth(c) for c in range(model.columnCount())]}

class FirstScreenPaint(QObject):  # the history painted before the journal is attached, if it was read ahead
    def __init__(self, window):
        super().__init__()
        self.window = window

    def eventFilter(self, watched, event):
        window, page = self.window, self.window.tabs.widget(0)
        if event.type() == QEvent.Type.Paint and "first" not in seen and window.service is None:
            seen["first"] = {**table(page), "heavy": sorted(m for m in sys.modules if m.startswith(heavy)),
                             "bar": [window.account_box.itemData(i) for i in range(window.account_box.count())],
                             "bar_enabled": window.account_box.isEnabled(), "submit": window.submit_button.isEnabled(),
                             "buttons": [page.edit_button.isEnabled(), page.delete_button.isEnabled()]}
        return False

real_first_screen = getattr(MainWindow, "show_first_screen", None)

def show_first_screen(window, screen):
    real_first_screen(window, screen)
    window.first_screen_watch = FirstScreenPaint(window)
    window.tabs.widget(0).table.viewport().installEventFilter(window.first_screen_watch)

if real_first_screen is not None:
    MainWindow.show_first_screen = show_first_screen

def wheeled(widget):  # a notch of the wheel over `widget`; then which tab is shown and how it takes the focus
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    centre = QPointF(widget.rect().center())
    QApplication.sendEvent(widget, QWheelEvent(centre, QPointF(widget.mapToGlobal(centre)), QPoint(0, 0),
                                               QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                               Qt.ScrollPhase.NoScrollPhase, False))

def filled(window):
    if hasattr(window, "history") and window.history.model.rowCount() > 0 and window.number:
        seen["filled"] = {**state(window), **table(window.history),
                          "buttons": [window.history.edit_button.isEnabled(), window.history.delete_button.isEnabled()]}
        wheeled(window.tabs.tabBar())
        seen["filled"]["wheel"] = {"tab": window.tabs.currentIndex(),
                                   "focus": window.account_box.focusPolicy().name}
        print(json.dumps(seen), flush=True)
        os._exit(0)
    QTimer.singleShot(50, lambda: filled(window))

watch = FirstPaint()
real_show = MainWindow.show

def show(window):
    window.installEventFilter(watch)
    real_show(window)

MainWindow.show = show
QTimer.singleShot(30000, lambda: os._exit(3))
sys.exit(entry.main(["--data-dir", data_dir]))
"""


def run_start(data_dir: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    # A laptop's screen, not the offscreen platform's default 800×600: there the history's columns only just fit, and
    # the charges arriving (measured wider) could make the table fold its columns — at a moment that depends on the
    # machine's load
    from tests.ui.laptop_screen import screen_config

    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen_config(tmp_path)}")
    env.pop("METER_JOURNAL_DATA_DIR", None)
    return subprocess.run([sys.executable, "-c", START, str(data_dir), str(tmp_path / "settings.ini"),
                           ",".join(HEAVY), *extra], capture_output=True, text=True, timeout=60, cwd=ROOT, env=env)


def test_the_main_window_is_painted_before_the_journal_libraries_load_then_filled(data_dir: Path,
                                                                                   tmp_path: Path) -> None:
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    make_household(service)
    service.add_reading(ACCOUNT, date(2026, 10, 20), "1700,780")
    service.close()
    result = run_start(data_dir, tmp_path)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["heavy"] == []
    assert seen["painted"] == {"accounts": 0, "submit": False, "opening": "Открываю журнал…",
                               "tabs": [True, False, False, False], "rows": None}
    assert seen["filled"]["accounts"] == 1 and seen["filled"]["rows"] >= 1
    assert seen["filled"]["submit"] and seen["filled"]["opening"] is None
    assert seen["filled"]["tabs"] == [True, True, True, True]
    # Every window of the start is guarded (ui/wheel_guard.py): the wheel over the tabs leaves «История» shown, and a
    # drop-down list takes the focus by a click or Tab, not by the wheel.
    assert seen["filled"]["wheel"] == {"tab": 0, "focus": "StrongFocus"}
    assert seen["opened_on"] != "MainThread"  # the journal opened (and would be upgraded) off the UI thread


def test_the_last_account_s_history_is_painted_before_sqlalchemy_loads_as_the_attached_window_shows_it(
        data_dir: Path, tmp_path: Path) -> None:
    other = "630000000002"
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    make_household(service)
    service.add_reading(ACCOUNT, date(2026, 10, 20), "1700,780")
    make_household(service, "single", number=other, initial="1000", installed=date(2026, 1, 10))
    for month, value in ((8, "1800"), (9, "2000"), (10, "2200")):
        service.add_reading(other, date(2026, month, 20), value)
    service.add_reading(other, date(2026, 10, 22), "2210", replace=True)  # a superseded reading: in italics
    service.change_plan(other, "two-zone", date(2026, 11, 5), "2250", "2250,0")
    service.add_reading(other, date(2026, 11, 12), "2300,20")
    expected = [row.reading_id for row in service.history(other)]
    service.close()
    (tmp_path / "settings.ini").write_text(f"[journal]\ncurrent_account={other}\n", encoding="utf-8")
    result = run_start(data_dir, tmp_path, "first-screen")
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    first, filled = seen["first"], seen["filled"]
    # Read with sqlite3 alone: when it is painted, the reader is loaded, the journal's ORM and the services not.
    assert "journal.storage.read_only" in first["heavy"]
    assert [m for m in first["heavy"] if m.startswith(("sqlalchemy", "alembic", "httpx", "reportlab", "keyring",
                                                       "journal.storage.models", "journal.storage.database",
                                                       "desktop_app.services.journal_service"))] == []
    assert first["account"] == filled["account"] == other  # the account shown last time
    assert first["bar"] == [ACCOUNT, other] and not first["bar_enabled"] and not first["submit"]
    assert first["buttons"] == [False, False] and filled["buttons"] == [True, True]  # nothing changed until attached
    assert sorted(first["readings"]) == sorted(expected) and first["readings"] == filled["readings"]
    assert first["cells"] == filled["cells"]  # the same months, dates, meters, values and consumption
    assert any("2250" in cell for row in first["cells"] for cell in row)  # the plan change's first reading
    readings = len(first["cells"][0])  # the columns before the money's, which the charges fill later
    assert first["columns"][:readings] == filled["columns"][:readings]  # not measured again: nothing jumps
    assert filled["submit"] and filled["opening"] is None


def test_a_journal_that_cannot_be_opened_is_explained_and_the_start_ends_with_code_2(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    journal = folder / "journal.sqlite3"
    journal.write_bytes(b"not a journal at all" * 100)
    # The child answers the message box itself: a timer closes the first modal window and prints its text.
    closer = ("def close_modal():\n"
              "    box = QApplication.activeModalWidget()\n"
              "    if box is None:\n"
              "        QTimer.singleShot(50, close_modal)\n"
              "        return\n"
              "    print('MESSAGE', box.text().replace(chr(10), ' '), flush=True)\n"
              "    box.accept()\n"
              "QTimer.singleShot(50, close_modal)\n")
    code = START.replace("sys.exit(entry.main(", closer + "sys.exit(entry.main(")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("METER_JOURNAL_DATA_DIR", None)
    result = subprocess.run([sys.executable, "-c", code, str(folder), str(tmp_path / "settings.ini"), ",".join(HEAVY)],
                            capture_output=True, text=True, timeout=60, cwd=ROOT, env=env)
    assert result.returncode == 2, result.stdout + result.stderr
    message = next(line for line in result.stdout.splitlines() if line.startswith("MESSAGE"))
    assert len(message) > len("MESSAGE ") + 10
    assert journal.read_bytes() == b"not a journal at all" * 100  # left as it was


def journal_actions(window: MainWindow) -> dict[str, bool]:
    return {a.text(): a.isEnabled() for a in window.findChildren(QAction) if a.text()}


def test_the_window_waits_for_its_journal_then_attach_fills_it(qtbot, home: JournalService, settings,  # type: ignore[no-untyped-def]
                                                               russian) -> None:
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.opening is not None and window.opening.isVisibleTo(window)
    assert window.opening.accessibleName() == window.opening.text() == "Открываю журнал…"
    assert window.account_box.count() == 0 and not window.account_box.isEnabled()
    assert not window.submit_button.isEnabled()
    assert [window.tabs.isTabEnabled(i) for i in range(4)] == [True, False, False, False]
    actions = journal_actions(window)
    assert not actions["Передать показания…"] and not actions["Квитанция на оплату…"]
    assert actions["Выход"] and actions["Как снять показания счётчика"]  # quitting and help need no journal

    window.attach(home)
    assert window.account_box.count() == 1 and window.account_box.currentData() == ACCOUNT
    assert window.history.model.rowCount() >= 1
    assert window.tabs.widget(0) is window.history and window.tabs.widget(2).widget() is window.payments
    assert [window.tabs.isTabEnabled(i) for i in range(4)] == [True] * 4
    assert window.opening is None and window.submit_button.isEnabled()
    assert all(journal_actions(window).values())
    qtbot.waitUntil(lambda: window.balance_label.text() != "", timeout=10000)


def test_the_start_attaches_the_journal_to_the_window_on_screen_and_a_new_language_reopens_it(  # type: ignore[no-untyped-def]
        qtbot, qapp, home: JournalService, settings, russian, monkeypatch) -> None:
    from ui.app import start

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start installs the app's own
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    application = start(qapp, settings, None, None, window)  # the data folder: METER_JOURNAL_DATA_DIR
    assert application is not None and application.window is window
    assert window.service is application.service and window.account_box.count() == 1

    window.settings_applied.emit()  # as after Settings → OK: the journal reopened in a rebuilt window
    reopened = application.window
    assert reopened is not None and reopened is not window
    qtbot.addWidget(reopened)
    assert reopened.service is application.service and reopened.account_box.count() == 1
    assert reopened.isVisible() and not window.isVisible()


def test_at_the_start_the_hidden_tabs_are_built_after_the_first_screen_and_a_notification_s_dialog_waits_for_them(  # type: ignore[no-untyped-def]
        qtbot, qapp, home: JournalService, settings, russian, monkeypatch) -> None:
    from desktop_app.services.first_screen import read_first_screen
    from ui.app import start

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start installs the app's own
    screen = read_first_screen(home.path, ACCOUNT)
    assert screen is not None
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    window.show_first_screen(screen)
    first = window.tabs.widget(0)
    application = start(qapp, settings, None, None, window, home, opening=("payments", ACCOUNT))
    assert application is not None and application.window is window and window.history is first
    # Attached, still building the hidden tabs: nothing but the first screen's history can be used meanwhile.
    assert [window.tabs.isTabEnabled(i) for i in range(4)] == [True, False, False, False]
    assert not window.account_box.isEnabled() and window.number is None
    # The notification asked for the payments: they open once the window shows the account, not before.
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == 2, timeout=10000)
    assert window.payments.amount.hasFocus() and window.number == ACCOUNT
    assert [window.tabs.isTabEnabled(i) for i in range(4)] == [True] * 4 and window.account_box.isEnabled()
    assert window.tabs.widget(0) is first and window.tabs.widget(2).widget() is window.payments
    qtbot.waitUntil(lambda: window.balance_label.text() != "", timeout=10000)
