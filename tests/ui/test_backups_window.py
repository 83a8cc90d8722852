"""Settings → «Данные и резервные копии»: the daily copies listed, one restored, the journal file checked."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtGui import QAction
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


def test_a_copy_saved_from_the_menu_brings_the_journal_back_from_its_file(  # type: ignore[no-untyped-def]
        qtbot, window, home: JournalService, tmp_path: Path, monkeypatch) -> None:
    """Журнал → «Сохранить копию журнала…» writes a copy where the person chooses (a USB stick); «Восстановить из
    копии…» brings the journal back from that file after a question, keeping the journal in use as a copy."""
    from ui import file_dialogs

    stick = tmp_path / "fleshka" / "kopiya.sqlite3"
    stick.parent.mkdir()
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *args, **kwargs: (str(stick), ""))
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *args, **kwargs: (str(stick), ""))
    menu = {action.text().replace("&", ""): action for action in window.findChildren(QAction)}
    before = readings(home.path)
    saved = click_in_next_modal(qtbot, "OK")
    menu["Сохранить копию журнала…"].trigger()
    qtbot.waitUntil(lambda: bool(saved), timeout=5000)
    assert "Копия журнала сохранена" in saved[0] and str(stick) in saved[0]
    assert readings(stick) == before
    home.add_reading(ACCOUNT, date(2026, 11, 20), "1900,850")  # typed after the copy was saved
    asked: list[list[str]] = []

    def yes_then_ok(question: QWidget) -> None:
        asked.append(click_in_next_modal(qtbot, action=lambda info: info.button(QMessageBox.StandardButton.Ok)
                                         .click()))
        assert isinstance(question, RiskyQuestion) and "kopiya.sqlite3" in question.text()
        next(b for b in question.risky if b.text() == "&Да, восстановить").click()

    click_in_next_modal(qtbot, action=yes_then_ok)
    menu["Восстановить из копии…"].trigger()
    qtbot.waitUntil(lambda: bool(asked) and all(asked), timeout=5000)
    assert "восстановлен" in asked[0][0]
    assert readings(home.path) == before  # the reading typed after the copy is gone with the restore...
    kept = [p for p in paths.backups_dir(home.path.parent).iterdir() if p.name.startswith("journal-before-restore-")]
    assert len(kept) == 1 and readings(kept[0]) == before + 1  # ...and kept in the copy made before it
    assert readings(stick) == before  # the copy itself is only read


def test_enter_on_the_restore_question_keeps_the_journal(  # type: ignore[no-untyped-def]
        qtbot, window, home: JournalService, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtCore import Qt

    from ui import file_dialogs

    copy = tmp_path / "kopiya.sqlite3"
    home.backup(copy)
    home.add_reading(ACCOUNT, date(2026, 11, 20), "1900,850")
    after = readings(home.path)
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *args, **kwargs: (str(copy), ""))
    menu = {action.text().replace("&", ""): action for action in window.findChildren(QAction)}
    pressed: list[bool] = []

    def enter(question: QWidget) -> None:
        assert isinstance(question, RiskyQuestion)
        qtbot.keyClick(question, Qt.Key.Key_Return)
        pressed.append(True)

    click_in_next_modal(qtbot, action=enter)
    menu["Восстановить из копии…"].trigger()
    assert pressed and readings(home.path) == after
