"""The window's answers to the file faults, in Russian: a copy that is not a journal offered for restoring, a
journal another program keeps busy while a reading is saved, a file that is not a table of readings, and a
read-only data folder at the start. Each time nothing changes and nothing typed is lost."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QMessageBox, QPushButton, QTabWidget, QWidget

from desktop_app import paths
from desktop_app.services.journal_service import JournalService
from journal.errors import JournalFileError
from journal.storage.schema import inspect_file
from tests.desktop_app.receipt_fixtures import VALID_PAYEE
from tests.file_faults import read_only
from tests.ui.conftest import click_in_next_modal
from tests.ui.test_quality import untranslated
from tests.ui.test_reading_dialog import open_dialog, readings_in_file
from ui import file_dialogs
from ui.confirmations import RiskyQuestion
from ui.i18n import render
from ui.settings_dialog import SettingsDialog


def test_an_empty_copy_is_not_restored_from_the_settings_and_the_window_says_why(  # type: ignore[no-untyped-def]
        qtbot, window, home: JournalService) -> None:
    folder = paths.backups_dir(home.path.parent)
    folder.mkdir()
    empty = folder / "auto-2026-11-19.sqlite3"  # what a backup on a full disk used to leave
    empty.write_bytes(b"")
    before = readings_in_file(home)
    asked: list[list[str]] = []

    def yes_then_ok(question: QWidget) -> None:
        asked.append(click_in_next_modal(qtbot, action=lambda box: box.button(QMessageBox.StandardButton.Ok)
                                         .click()))
        assert isinstance(question, RiskyQuestion)
        next(b for b in question.risky if b.text() == "&Да, восстановить").click()  # the deliberate answer

    def in_settings(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog.findChild(QTabWidget).setCurrentIndex(1)
        dialog.findChild(QListWidget).setCurrentRow(0)
        asked.insert(0, click_in_next_modal(qtbot, action=yes_then_ok))
        next(b for b in dialog.findChildren(QPushButton) if b.accessibleName().startswith("Восстановить")).click()

    click_in_next_modal(qtbot, action=in_settings)
    window.open_settings()
    qtbot.waitUntil(lambda: len(asked) == 2 and all(asked), timeout=5000)
    refusal = asked[1][0]
    assert "пуст (0 байт)" in refusal and "не копия журнала" in refusal and str(empty) in refusal
    assert readings_in_file(home) == before
    assert sorted(p.name for p in folder.iterdir()) == [empty.name]  # no journal-before-restore copy either


def test_a_busy_journal_is_explained_and_the_typed_reading_stays_in_the_dialog(  # type: ignore[no-untyped-def]
        qtbot, home: JournalService, russian, monkeypatch) -> None:
    monkeypatch.setattr("journal.storage.database.BUSY_TIMEOUT", 0.3)
    home.journal.close()  # its connections made from now on wait 0.3 s for another program
    dialog = open_dialog(qtbot, home)
    qtbot.keyClicks(dialog.fields[0], "1850")
    qtbot.keyClicks(dialog.fields[1], "840")
    before = readings_in_file(home)
    other = sqlite3.connect(home.path, isolation_level=None)  # another program writing
    other.execute("BEGIN IMMEDIATE")
    try:
        seen = click_in_next_modal(qtbot, "OK")
        qtbot.keyClick(dialog.fields[1], Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "занят" in seen[0] and "подождите немного" in seen[0]
    assert dialog.isVisible() and [f.text() for f in dialog.fields] == ["1850", "840"]  # nothing typed is lost
    assert readings_in_file(home) == before
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.keyClick(dialog.fields[1], Qt.Key.Key_Return)
    assert readings_in_file(home)[-1] == ("2026-11", "2026-11-20", 1850, 840, "active")


def test_a_file_that_is_not_text_is_not_imported_and_the_window_says_why(  # type: ignore[no-untyped-def]
        qtbot, window, home: JournalService, tmp_path: Path, monkeypatch) -> None:
    picture = tmp_path / "readings.csv"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *_args, **_kw: (str(picture), "CSV (*.csv)"))
    before = readings_in_file(home)
    seen = click_in_next_modal(qtbot, "OK")
    window.import_csv()
    assert seen and "не таблица показаний" in seen[0] and "Windows-1251" in seen[0]
    assert readings_in_file(home) == before


def test_a_read_only_data_folder_is_named_at_the_start(qtbot, qapp, home: JournalService, settings,  # type: ignore[no-untyped-def]
                                                       russian, monkeypatch) -> None:
    from ui.app import open_for_start, start

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start installs the app's own
    folder = home.path.parent
    before = readings_in_file(home)
    home.close()
    with read_only(folder):
        opened = open_for_start(settings, str(folder))
        seen = click_in_next_modal(qtbot, "OK")
        assert start(qapp, settings, str(folder), None, opened=opened) is None
    assert seen and "только для чтения" in seen[0] and str(folder) in seen[0] and "поврежд" not in seen[0]
    assert readings_in_file(home) == before
    assert sorted(p.name for p in folder.iterdir()) == ["journal.sqlite3"]


def test_a_pasted_escape_sequence_is_refused_next_to_the_name(qtbot, window, home: JournalService) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import ACCOUNT
    from ui.account_dialogs import EditAccountDialog

    dialog = EditAccountDialog(home, ACCOUNT, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.holder.setText("\x1b[31mИванова Мария Петровна")  # as pasted from a terminal
    qtbot.keyClick(dialog.form.holder, Qt.Key.Key_Return)
    error = dialog.form.errors["holder"]
    assert error.isVisibleTo(dialog) and "невидимый управляющий символ (U+001B)" in error.text(), error.text()
    assert "фамилия, имя и отчество владельца счёта" in error.text()
    assert home.account(ACCOUNT).holder == "Иванова Мария Петровна"


def _truncated(data: bytes) -> bytes:
    return data[: len(data) - 3 * 4096]  # an interrupted copy: the last pages are missing


def _garbled_pages(data: bytes) -> bytes:
    damaged = bytearray(data)
    for number in range(1, len(damaged) // 4096):  # every b-tree page header, the schema's too
        damaged[number * 4096: number * 4096 + 12] = b"\xff" * 12
    return bytes(damaged)


@pytest.mark.parametrize("damage", [_truncated, _garbled_pages])
def test_a_damaged_journal_is_refused_at_the_start_in_russian_words_only(  # type: ignore[no-untyped-def]
        qtbot, qapp, home: JournalService, settings, russian, monkeypatch, damage) -> None:
    """What is wrong with the file is said in Russian too: SQLite's own English ("database disk image is
    malformed") goes to the log; the message's Latin letters are the file's path alone."""
    from ui.app import open_for_start, start

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start installs the app's own
    folder = home.path.parent
    home.receipts.set_payee(**VALID_PAYEE)  # a few more pages
    home.close()
    journal = folder / "journal.sqlite3"
    journal.write_bytes(damage(journal.read_bytes()))
    before = journal.read_bytes()
    opened = open_for_start(settings, str(folder))
    seen = click_in_next_modal(qtbot, "OK")
    assert start(qapp, settings, str(folder), None, opened=opened) is None
    assert seen and seen[0].startswith(f"Файл журнала {journal} повреждён (") and "резервную копию" in seen[0]
    assert untranslated(iter([seen[0].replace(str(journal), "")]), set()) == [], seen[0]
    with pytest.raises(JournalFileError) as refused:  # the same file offered for restoring
        inspect_file(journal, copy=True)
    shown = render(refused.value)
    assert shown.startswith(f"Копия {journal} повреждена (") and untranslated(iter([shown.replace(str(journal), "")]),
                                                                            set()) == [], shown
    assert journal.read_bytes() == before
