"""Restoring a backup copy from the window: in a worker with a progress and Cancel, the window never freezing;
the journal reopened and shown after; a failure said in Russian with the journal in use unchanged."""

from __future__ import annotations

import time
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from benchmarks.generate_journal import generate
from desktop_app import paths
from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT
from tests.ui.conftest import hold_journal, rows
from tests.ui.test_busy_window import answer_no_to_questions, spy, ticking
from ui.main_window import MainWindow

READINGS = "SELECT COUNT(*) FROM readings"


def kept_copies(home: JournalService) -> list[Path]:
    folder = paths.backups_dir(home.path.parent)
    return [p for p in folder.iterdir() if p.name.startswith("journal-before-restore-")] if folder.exists() else []


def progress_dialog(window: MainWindow) -> QProgressDialog | None:
    found = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    return found[0] if found else None


def test_a_big_copy_is_restored_while_the_window_keeps_ticking(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = generate(tmp_path / "big.sqlite3", accounts=300, years=20)  # 300 accounts × 20 years: 72,000 readings
    restore = JournalService.restore

    def on_a_slow_disk(self: JournalService, source: Path, *, progress, cancelled):  # type: ignore[no-untyped-def]
        def reported(percent: int) -> None:  # each step of the copy 40 ms slower: long on any machine
            time.sleep(0.04)
            progress(percent)
        return restore(self, source, progress=reported, cancelled=cancelled)

    monkeypatch.setattr(JournalService, "restore", on_a_slow_disk)
    restores = spy(monkeypatch, JournalService, "restore")
    timer, ticks = ticking()
    timer.setInterval(10)
    watch, said = answer_no_to_questions()  # «Журнал восстановлен…» recorded and closed
    started = time.monotonic()
    window.restore_backup(big)
    timer.stop()
    watch.stop()
    assert len(restores) == 1 and restores[0][1] - restores[0][0] > 0.3  # many frames long
    during = [started, *(t for t in ticks if t <= restores[0][1]), restores[0][1]]
    assert max(b - a for a, b in pairwise(during)) < 0.1  # the UI thread kept ticking every 10 ms or so
    assert len(said) == 1 and "восстановлен" in said[0]
    assert rows(home.path, READINGS) == [(72000,)] and window.account_box.count() == 300  # the copy, reopened
    assert window.balance_label.text() and window.history.model.rowCount() > 200  # the window shows it
    assert len(kept_copies(home)) == 1


def test_cancel_leaves_the_journal_as_it_was(qtbot, window: MainWindow, home: JournalService,  # type: ignore[no-untyped-def]
                                             tmp_path: Path) -> None:
    copy = home.backup(tmp_path / "copy.sqlite3")
    home.add_reading(ACCOUNT, date(2026, 11, 20), "1900,850")  # after the copy: the restore would take it away
    before = rows(home.path, READINGS)
    hold_journal(home.path, 3.0)  # another program writing: the restore waits, and Cancel is pressed meanwhile
    seen: list[object] = []
    QTimer.singleShot(700, lambda: seen.append((progress_dialog(window) is not None,
                                                window.statusBar().currentMessage())))
    QTimer.singleShot(800, lambda: progress_dialog(window).findChild(QPushButton).click())  # type: ignore[union-attr]
    watch, said = answer_no_to_questions()
    started = time.monotonic()
    window.restore_backup(copy)
    watch.stop()
    assert said == []  # no «Восстановлено», no error
    assert time.monotonic() - started < 2.0  # stopped at once, not after the other program
    assert seen == [(True, "Восстанавливаю журнал из копии…")]  # the progress and the line said what it did
    assert window.statusBar().currentMessage() == "Восстановление остановлено: журнал остался прежним."
    assert rows(home.path, READINGS) == before and kept_copies(home) == []
    window.refresh()  # the journal in use still reads
    assert window.history.model.row_at(0).values == (1900, 850)  # type: ignore[union-attr]


def test_a_failed_restore_is_said_in_russian_and_the_journal_stays(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import journal.storage.database as database

    copy = home.backup(tmp_path / "copy.sqlite3")
    home.add_reading(ACCOUNT, date(2026, 11, 20), "1900,850")
    before = rows(home.path, READINGS)
    monkeypatch.setattr(database, "BUSY_TIMEOUT", 1.0)  # the busy timeout shortened for the test
    hold_journal(home.path, 3.0)  # another program holds the journal longer than that
    watch, said = answer_no_to_questions()  # the message box's text recorded, the box closed
    window.restore_backup(copy)
    watch.stop()
    assert "занят" in said[0] and "Traceback" not in said[0] and QApplication.overrideCursor() is None
    assert rows(home.path, READINGS) == before
    window.refresh()
    assert window.history.model.row_at(0).values == (1900, 850)  # type: ignore[union-attr]
