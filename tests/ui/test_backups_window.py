"""Settings → «Данные и резервные копии»: the daily copies listed, one restored, the journal file checked."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QLabel, QListWidget, QMessageBox, QPushButton, QTabWidget, QWidget

from desktop_app import paths
from desktop_app.services.backup_service import daily_backup
from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT
from tests.ui.conftest import MID_MONTH, click_in_next_modal
from ui.confirmations import RiskyQuestion
from ui.settings_dialog import SettingsDialog


def readings(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT COUNT(*) FROM readings WHERE status = 'active'").fetchone()[0]
    finally:
        connection.close()


def test_a_daily_copy_is_restored_from_the_settings(qtbot, window, home: JournalService) -> None:  # type: ignore[no-untyped-def]
    folder = paths.backups_dir(home.path.parent)
    copy = daily_backup(home.path, folder, MID_MONTH, 10)
    assert copy is not None
    before = readings(home.path)
    home.add_reading(ACCOUNT, date(2026, 11, 20), "1900,850")  # typed after the copy was made
    assert readings(home.path) == before + 1
    asked: list[list[str]] = []  # the texts of the two message boxes, as click_in_next_modal records them

    def yes_then_ok(question: QWidget) -> None:  # «Заменить журнал копией …?», then «Журнал восстановлен…»
        asked.append(click_in_next_modal(qtbot, action=lambda info: info.button(QMessageBox.StandardButton.Ok)
                                         .click()))
        assert isinstance(question, RiskyQuestion)
        next(b for b in question.risky if b.text() == "&Да, восстановить").click()  # the deliberate answer

    def in_settings(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog)
        tabs = dialog.findChild(QTabWidget)
        tabs.setCurrentIndex(1)
        listed = dialog.findChild(QListWidget)
        restore = next(b for b in dialog.findChildren(QPushButton) if b.accessibleName().startswith("Восстановить"))
        assert listed.count() == 1 and listed.item(0).text().endswith("   ежедневная копия")  # not its file name
        assert not restore.isEnabled()  # nothing chosen yet
        listed.setCurrentRow(0)
        assert restore.isEnabled()
        asked.insert(0, click_in_next_modal(qtbot, action=yes_then_ok))
        restore.click()

    click_in_next_modal(qtbot, action=in_settings)
    window.open_settings()
    qtbot.waitUntil(lambda: len(asked) == 2 and all(asked), timeout=5000)
    seen = [texts[0] for texts in asked]
    assert "копи" in seen[0] and "восстановлен" in seen[1]
    assert readings(home.path) == before  # the reading typed after the copy is gone with the restore...
    kept = [p for p in folder.iterdir() if p.name.startswith("journal-before-restore-")]
    assert len(kept) == 1 and readings(kept[0]) == before + 1  # ...and kept in the copy made before it
    assert window.balance_label.text()  # the window shows the restored journal


def test_with_no_copies_the_settings_say_so(qtbot, window, home, settings) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(settings, home, ACCOUNT, window)
    qtbot.addWidget(dialog)
    hints = [label.text() for label in dialog.findChildren(QLabel) if "пока нет" in label.text()]
    assert hints and dialog.findChild(QListWidget).count() == 0
    assert not dialog.restore.isEnabled()
