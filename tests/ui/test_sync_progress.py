"""The sync's progress reaches the window as the journal's messages, rendered in the window's words: Russian,
days as 20.11.2026 — never the command line's English or ISO days."""

from __future__ import annotations

from datetime import date

from desktop_app.portal.credentials import CredentialStore
from journal.messages import Message, msg
from tests.conftest import ACCOUNT
from tests.portal.support import PASSWORD, MemoryKeyring
from tests.portal_emulator import PortalEmulator, PortalState, household
from ui.main_window import MainWindow
from ui.tasks import TaskRunner


def test_a_task_reports_a_message_itself(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    message = msg("Reading of {day} for account {account}", day=date(2026, 11, 20), account=ACCOUNT)
    received: list[object] = []
    done: list[object] = []
    runner.run(lambda _token, report: report(0, message), done.append, done.append,
               lambda _percent, value: received.append(value))
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    qtbot.waitUntil(lambda: bool(received), timeout=5000)
    assert received == [message] and isinstance(received[0], Message)


def test_the_sync_dialog_shows_each_step_in_russian(qtbot, window: MainWindow, home, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with PortalEmulator(PortalState([household(password=PASSWORD)])) as emulator:
        monkeypatch.setenv("METER_JOURNAL_PORTAL_URL", emulator.url)
        window.sync.sync_service.store = CredentialStore(MemoryKeyring())
        window.sync.ask_password = lambda login, message, can: (PASSWORD, False)
        home.add_reading(ACCOUNT, date(2026, 11, 20), "1850,840")
        labels: list[str] = []
        real = window.sync.progress_dialog

        def recording():  # type: ignore[no-untyped-def]
            dialog = real()
            shown = dialog.setLabelText
            dialog.setLabelText = lambda text: (labels.append(text), shown(text))  # type: ignore[method-assign]
            return dialog

        window.sync.progress_dialog = recording  # type: ignore[method-assign]
        with qtbot.waitSignal(window.sync.finished, timeout=30000):
            window.sync.sync_now(None)
        assert "Подключаемся к личному кабинету" in labels
        assert f"Показания от 20.11.2026 по лицевому счёту {ACCOUNT}" in labels
        assert f"Отправляем показания от 20.11.2026 по лицевому счёту {ACCOUNT}" in labels
        assert not any("2026-11-20" in text or "Reading" in text for text in labels)
