"""The window and the portal: a reading typed in the window reaches the emulator once, in the background,
the password is asked for and kept in the keyring, and the history shows the submission's state."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.portal.credentials import CredentialStore
from tests.conftest import ACCOUNT
from tests.portal.support import PASSWORD, MemoryKeyring
from tests.portal_emulator import PortalEmulator, PortalState, household
from ui.main_window import MainWindow


def test_send_from_the_window_asks_the_password_once_and_marks_the_reading_accepted(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, home, monkeypatch
) -> None:
    with PortalEmulator(PortalState([household(password=PASSWORD)])) as emulator:
        monkeypatch.setenv("METER_JOURNAL_PORTAL_URL", emulator.url)
        keyring = MemoryKeyring()
        window.sync.sync_service.store = CredentialStore(keyring)
        asked: list[str] = []

        def ask(login: str, message: str, can_remember: bool) -> tuple[str, bool]:
            asked.append(login)
            return PASSWORD, True

        window.sync.ask_password = ask
        home.add_reading(ACCOUNT, date(2026, 11, 20), "1850,840")
        window.refresh()
        with qtbot.waitSignal(window.sync.finished, timeout=30000) as finished:
            window.sync.sync_now(None)
        assert asked == [ACCOUNT]
        assert emulator.state.count(date(2026, 11, 20), (1850, 840)) == 1
        assert finished.args[0].ok
        assert PASSWORD in keyring.data.values()  # remembered in the (here, in-memory) keyring only
        newest = window.history.model.row_at(0)
        assert newest is not None and newest.values == (1850, 840)
        model = window.history.model

        def note() -> str:
            return model.data(model.index(0, model.columnCount() - 1)) or ""

        qtbot.waitUntil(lambda: "принят" in note().lower(), timeout=10000)  # filled in by the background pass
        with qtbot.waitSignal(window.sync.finished, timeout=30000):
            window.sync.sync_now(None)  # again: nothing is sent twice, no password asked (kept in the keyring)
        assert emulator.state.count(date(2026, 11, 20), (1850, 840)) == 1
        assert asked == [ACCOUNT]


def test_prices_from_the_portal_are_offered_not_applied(qtbot, window: MainWindow, home, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import ENTER, click_in_next_modal, press_in_turn

    with PortalEmulator(PortalState([household(password=PASSWORD)])) as emulator:
        monkeypatch.setenv("METER_JOURNAL_PORTAL_URL", emulator.url)
        window.sync.sync_service.store = CredentialStore(MemoryKeyring())
        window.sync.ask_password = lambda login, message, can: (PASSWORD, False)
        before = [p for p in home.billing.prices() if p.user]
        with qtbot.waitSignal(window.sync.finished, timeout=30000):
            window.sync.sync_now(None)
        assert [p for p in home.billing.prices() if p.user] == before  # nothing applied silently
        assert window.banner.isVisibleTo(window) and "₽" in window.banner_text.text()

        seen = press_in_turn(qtbot, [window.banner_button.click, ENTER])  # Enter: «Решу позже»
        assert len(seen) == 1 and [p for p in home.billing.prices() if p.user] == before
        click_in_next_modal(qtbot, "Применять")  # the deliberate answer
        window.banner_button.click()
        assert len([p for p in home.billing.prices() if p.user]) > len(before)


def test_an_unconfirmed_send_is_told_as_such_in_the_window(qtbot, window: MainWindow, home, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with PortalEmulator(PortalState([household(password=PASSWORD)])) as emulator:
        monkeypatch.setenv("METER_JOURNAL_PORTAL_URL", emulator.url)
        window.sync.sync_service.store = CredentialStore(MemoryKeyring())
        window.sync.ask_password = lambda login, message, can: (PASSWORD, False)
        emulator.fail("redirect", method="POST")  # stored, but the answer is a 307, not the stored reading
        home.add_reading(ACCOUNT, date(2026, 11, 20), "1850,840")
        with qtbot.waitSignal(window.sync.finished, timeout=30000):
            window.sync.sync_now(None)
        line = window.statusBar().currentMessage()
        assert line.startswith("Не подтверждено пока: 1;") and "Отправлено: 0;" in line, line
        model = window.history.model

        def notes() -> list[str]:
            return [model.data(model.index(row, model.columnCount() - 1)) or "" for row in range(model.rowCount())]

        qtbot.waitUntil(lambda: any("пока не подтверждено, проверяется" in note for note in notes()), timeout=10000)
        assert not any("отправлено поставщику" in note for note in notes())


def test_plain_http_to_another_computer_is_refused_in_russian(qtbot, window: MainWindow, home,  # type: ignore[no-untyped-def]
                                                              monkeypatch) -> None:
    monkeypatch.setenv("METER_JOURNAL_PORTAL_URL", "http://lk.samaraenergo.ru")
    window.sync.sync_service.store = CredentialStore(MemoryKeyring())
    asked: list[str] = []
    window.sync.ask_password = lambda login, message, can: asked.append(login)  # type: ignore[assignment,func-returns-value]
    home.add_reading(ACCOUNT, date(2026, 11, 20), "1850,840")
    waiting = window.sync.sync_service.waiting_count()
    said: list[str] = []

    def answer() -> None:  # the warning, not the progress dialog: press its OK
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        said.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    QTimer.singleShot(20, answer)
    window.sync.sync_now(None)
    qtbot.waitUntil(lambda: bool(said) and not window.sync.running, timeout=30000)
    (text,) = said
    assert text.startswith("Адрес личного кабинета http://lk.samaraenergo.ru не защищён (http://)"), text
    assert "Укажите адрес с https://" in text
    assert asked == [] and window.sync.sync_service.waiting_count() == waiting
