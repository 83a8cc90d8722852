"""The restore's question says which copy it is (its name and its own moment: the latest change recorded in it),
what it holds, and that what was recorded after it goes while the journal in use is kept as a copy first."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListWidget, QTabWidget, QWidget

from desktop_app import paths
from desktop_app.services.backup_service import daily_backup
from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT
from tests.ui.conftest import MID_MONTH, click_in_next_modal
from ui import file_dialogs
from ui.confirmations import RiskyQuestion
from ui.settings_dialog import SettingsDialog
from ui.texts import day_text

TAIL = ("Всё, что записано после неё, пропадёт из журнала. Нынешний журнал сначала сохранится отдельной копией.")


def latest_change(copy: Path) -> datetime:
    connection = sqlite3.connect(copy)
    try:
        return datetime.fromisoformat(connection.execute("SELECT MAX(created_at) FROM payments").fetchone()[0])
    finally:
        connection.close()


def asked_with_esc(qtbot) -> list[str]:  # type: ignore[no-untyped-def]
    """The next risky question's text, then Esc: the journal kept."""
    seen: list[str] = []

    def esc(question: QWidget) -> None:
        assert isinstance(question, RiskyQuestion)
        seen.append(question.text())
        qtbot.keyClick(question, Qt.Key.Key_Escape)

    click_in_next_modal(qtbot, action=esc)
    return seen


def test_the_question_names_the_copy_its_moment_and_what_it_holds(  # type: ignore[no-untyped-def]
        qtbot, window, home: JournalService, tmp_path: Path, monkeypatch) -> None:
    home.billing.add_payment(ACCOUNT, date(2026, 11, 5), "100")  # the copy's latest change
    copy = home.backup(tmp_path / "Копия журнала.sqlite3")
    home.add_reading(ACCOUNT, date(2026, 11, 20), "1900,850")  # after the copy
    moment = latest_change(copy)
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *args, **kwargs: (str(copy), ""))
    menu = {action.text().replace("&", ""): action for action in window.findChildren(QAction)}
    seen = asked_with_esc(qtbot)
    menu["Восстановить из копии…"].trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0] == (f"Вернуть журнал к копии «Копия журнала.sqlite3» от {day_text(moment)} {moment:%H:%M}? "
                       "В ней 1 лицевой счёт, 3 показания и 1 оплата. " + TAIL)
    assert not any(p.name.endswith(("-wal", "-shm", "-journal")) for p in tmp_path.iterdir())  # only read


def test_a_daily_copy_is_named_by_its_kind_and_a_foreign_file_by_its_time(  # type: ignore[no-untyped-def]
        qtbot, window, home: JournalService, tmp_path: Path, monkeypatch) -> None:
    home.billing.add_payment(ACCOUNT, date(2026, 11, 5), "100")
    daily = daily_backup(home.path, paths.backups_dir(home.path.parent), MID_MONTH, 10)
    assert daily is not None
    moment = latest_change(daily)
    questions: list[list[str]] = []

    def in_settings(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog.findChild(QTabWidget).setCurrentIndex(1)
        dialog.findChild(QListWidget).setCurrentRow(0)
        questions.append(asked_with_esc(qtbot))  # the list the question's text will be put in
        dialog.restore.click()
        dialog.reject()

    click_in_next_modal(qtbot, action=in_settings)
    window.open_settings()
    qtbot.waitUntil(lambda: bool(questions) and bool(questions[0]), timeout=5000)
    when = f"{day_text(moment)} {moment:%H:%M}"
    assert questions[0][0].startswith(f"Вернуть журнал к копии от {when} (ежедневная копия)? "
                                      "В ней 1 лицевой счёт, 3 показания и 1 оплата. ")
    other = tmp_path / "not-a-journal.sqlite3"
    other.write_bytes(b"just some bytes")
    made = datetime.fromtimestamp(other.stat().st_mtime)
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *args, **kwargs: (str(other), ""))
    seen = asked_with_esc(qtbot)
    next(a for a in window.findChildren(QAction) if a.text().replace("&", "") == "Восстановить из копии…").trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0] == f"Вернуть журнал к копии «not-a-journal.sqlite3» от {day_text(made)} {made:%H:%M}? " + TAIL
