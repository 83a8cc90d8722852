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


def test_a_sync_asked_for_shows_itself_at_once_and_ends_with_its_report_whole(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home, monkeypatch) -> None:
    from PySide6.QtWidgets import QProgressDialog

    with PortalEmulator(PortalState([household(password=PASSWORD)])) as emulator:
        monkeypatch.setenv("METER_JOURNAL_PORTAL_URL", emulator.url)
        window.sync.sync_service.store = CredentialStore(MemoryKeyring())
        made: list[QProgressDialog] = []
        make = window.sync.progress_dialog
        window.sync.progress_dialog = lambda: made.append(make()) or made[-1]  # type: ignore[method-assign]
        shown_after_password: list[bool] = []

        def ask(login: str, message: str, can_remember: bool) -> tuple[str, bool]:
            QTimer.singleShot(0, lambda: shown_after_password.append(made[-1].isVisible()))
            return PASSWORD, False

        window.sync.ask_password = ask
        home.add_reading(ACCOUNT, date(2026, 11, 20), "1850,840")
        window.sync.sync_now(None)
        assert made[0].isVisible()  # at once: before the worker has even started
        with qtbot.waitSignal(window.sync.finished, timeout=30000) as finished:
            pass
        assert shown_after_password == [True] and len(made) == 2  # the password, then feedback at once again
        progress = made[-1]
        report = window.sync.report_text(finished.args[0])
        assert progress.isVisible() and progress.labelText() == report  # stays until closed, with what it did
        sent = len(finished.args[0].sent)
        assert sent >= 1 and f"Отправлено: {sent};" in report and "счета 2" in report  # and what it brought
        screen = progress.screen().availableGeometry()
        QApplication.processEvents()
        assert progress.width() <= screen.width() and progress.height() <= screen.height()
        close = next(b for b in progress.findChildren(type(window.submit_button)) if b.isVisible())
        assert close.text() == "Закрыть"
        close.click()
        assert not progress.isVisible()


def test_a_reading_saved_while_the_portal_answers_is_sent_at_once(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home, monkeypatch) -> None:
    from PySide6.QtCore import Qt

    from tests.ui.conftest import click_in_next_modal

    with PortalEmulator(PortalState([household(password=PASSWORD)])) as emulator:
        monkeypatch.setenv("METER_JOURNAL_PORTAL_URL", emulator.url)
        service = window.sync.sync_service
        service.store = CredentialStore(MemoryKeyring())
        service.save_password(service.login_for(ACCOUNT), PASSWORD)  # remembered earlier
        window.sync.ask_password = lambda login, message, can: None  # never asked: it is at hand
        assert not window.sync.timer.isActive()  # not the 10-minute timer

        def type_and_save(dialog) -> None:  # type: ignore[no-untyped-def]
            dialog.fields[0].setText("1850")
            dialog.fields[1].setText("840")
            dialog.save_button.click()

        click_in_next_modal(qtbot, action=type_and_save)
        with qtbot.waitSignal(window.sync.finished, timeout=30000):
            qtbot.mouseClick(window.submit_button, Qt.MouseButton.LeftButton)
        assert emulator.state.count(date(2026, 11, 20), (1850, 840)) == 1


def test_the_payments_tab_shows_the_suppliers_bills_and_payments(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home, monkeypatch) -> None:
    with PortalEmulator(PortalState([household(password=PASSWORD)])) as emulator:
        monkeypatch.setenv("METER_JOURNAL_PORTAL_URL", emulator.url)
        window.sync.sync_service.store = CredentialStore(MemoryKeyring())
        window.sync.ask_password = lambda login, message, can: (PASSWORD, False)
        before = window.payments.list.count()
        view = window.payments  # no bills yet: a line that wraps says where they come from, in place of the list
        assert view.no_bills.isVisibleTo(view) and not view.bills.isVisibleTo(view) and view.no_bills.wordWrap()
        assert view.no_bills.text().startswith("Пока нет: они приходят с «Передать показания")
        with qtbot.waitSignal(window.sync.finished, timeout=30000) as finished:
            window.sync.sync_now(None)
        pulled = finished.args[0].pulled
        assert pulled is not None and pulled.invoices > 0 and pulled.payments > 0
        qtbot.waitUntil(lambda: window.payments.list.count() == before + pulled.payments, timeout=10000)
        payments = [window.payments.list.item(i).text() for i in range(window.payments.list.count())]
        assert sum("по данным личного кабинета" in p for p in payments) == pulled.payments
        bills = [window.payments.bills.item(i).text() for i in range(window.payments.bills.count())]
        assert view.bills.isVisibleTo(view) and not view.no_bills.isVisibleTo(view)
        assert sum(b.startswith("счёт от") for b in bills) == pulled.invoices
        invoices = window.payments.invoices
        with_pdf = [i for i, invoice in enumerate(invoices) if window.sync.sync_service.invoice_pdf(invoice)]
        assert with_pdf and "PDF" in bills[with_pdf[0]]
        window.payments.bills.setCurrentRow(with_pdf[0])
        assert window.payments.bill_button.isEnabled()  # its PDF opens in the viewer
