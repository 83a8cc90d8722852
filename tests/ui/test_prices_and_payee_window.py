"""The window: «Узнать цены на сайте поставщика» beside the unknown-price note and in Settings → Prices, against the
calculator's emulator (progress, cancel, a fault, never on start, once a day after a sync); and the bank details
taken from a bill — the payee dialog's first choice, and the offer after a sync pulls an invoice PDF."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from desktop_app.portal.credentials import CredentialStore
from desktop_app.services.journal_service import JournalService
from tests.calculator_emulator import CalculatorEmulator
from tests.conftest import ACCOUNT, TODAY
from tests.desktop_app.receipt_fixtures import VALID_PAYEE, make_receipt_household
from tests.journal.test_billing import snapshot
from tests.portal.support import PASSWORD, MemoryKeyring
from tests.portal_emulator import PortalEmulator, PortalState, household
from tests.ui.conftest import click_in_next_modal
from ui.confirmations import RiskyQuestion
from ui.main_window import MainWindow
from ui.payee_dialog import PayeeDialog
from ui.price_lookup import PriceListDialog


@pytest.fixture
def calculator(monkeypatch: pytest.MonkeyPatch) -> Iterator[CalculatorEmulator]:
    with CalculatorEmulator() as emulator:
        monkeypatch.setenv("METER_JOURNAL_CALCULATOR_URL", emulator.url)
        yield emulator


def calculator_rows(path: Path) -> list[tuple]:
    return snapshot(path)["calculator_prices"]


class NextModal:
    """When a modal dialog of `kind` opens (its own event loop running), note it, run `action` on it, then close
    it; the test waits with `wait()` (a dialog's exec() cannot return to a test that waits inside it)."""

    def __init__(self, qtbot, kind: type, action: Callable[[QWidget], None] | None = None) -> None:  # type: ignore[no-untyped-def]
        self.qtbot, self.kind, self.action = qtbot, kind, action
        self.seen: list[QWidget] = []
        self.texts: list[str] = []
        QTimer.singleShot(20, self._poll)

    def _poll(self) -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, self.kind):
            QTimer.singleShot(20, self._poll)
            return
        self.seen.append(modal)
        summary = getattr(modal, "summary", None)
        self.texts.append(summary.text() if summary is not None else getattr(modal, "labelText", lambda: "")())
        if self.action is not None:
            self.action(modal)
        else:
            modal.accept()  # type: ignore[attr-defined]

    def wait(self, timeout: int = 30000) -> QWidget:
        self.qtbot.waitUntil(lambda: bool(self.seen), timeout=timeout)
        return self.seen[0]


def table_texts(dialog: PriceListDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]


def test_the_unknown_price_note_offers_the_suppliers_site_and_the_answers_fill_it(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService, calculator: CalculatorEmulator) -> None:
    # The act of 2025-01-10 to the reading of 2026-08-20: the two-zone night is unknown from 2025-07-01.
    assert calculator.requests == []  # never on start
    qtbot.waitUntil(lambda: window.history.lookup_button.isVisible(), timeout=10000)
    assert window.history.lookup_button.text() == "Узнать цены на сайте поставщика"
    rows: list[list[str]] = []
    result = NextModal(qtbot, PriceListDialog, lambda d: (rows.extend(table_texts(d)), d.accept()))  # type: ignore[arg-type,func-returns-value]
    qtbot.mouseClick(window.history.lookup_button, Qt.MouseButton.LeftButton)
    result.wait()
    summary = result.texts[0]
    # July–December 2025 (the night unknown) and July 2024 (its shipped price disputed), two zones each.
    assert "Калькулятор поставщика спрошен 20.11.2026 (запросов: 14)" in summary  # the window's today
    assert ("День с 01.07.2024: у поставщика 6,38 ₽, в программе было 6,42 ₽ (tolyatty.ru, проект приказа "
            "регулятора о ценах с 01.07.2024). Используется цена поставщика.") in summary
    assert "Все цены, нужные журналу, известны." in summary
    night = rows.index(["01.07.2025", "Ночь", "3,59", "калькулятор samaraenergo.ru, спрошено 20.11.2026"])
    assert rows[night + 1][:3] == ["01.07.2025", "Ночь", "неизвестна"]  # the shipped row, right under it
    assert rows[night + 1][3] == ("не найдено в открытых источниках — не используется: используется калькулятор "
                                  "поставщика")
    assert rows[0][0] == "01.10.2026"  # the newest first
    assert len(calculator.requests) == 14 and len(calculator_rows(home.path)) > 0
    qtbot.waitUntil(lambda: not window.history.lookup_button.isVisible(), timeout=10000)
    assert window.history.status.text() == ""


def test_cancelling_the_lookup_stores_nothing(qtbot, window: MainWindow, home: JournalService,  # type: ignore[no-untyped-def]
                                             calculator: CalculatorEmulator) -> None:
    calculator.fail("slow", seconds=1.0, times=20)
    before = snapshot(home.path)
    qtbot.waitUntil(lambda: window.history.lookup_button.isVisible(), timeout=10000)
    titles: list[str] = []

    def escape(progress: QWidget) -> None:
        titles.append(progress.windowTitle())
        stop = progress.findChild(QPushButton)
        titles.append(stop.text())
        qtbot.keyClick(stop, Qt.Key.Key_Space)  # «Отмена» from the keyboard

    stop = NextModal(qtbot, QProgressDialog, escape)
    result = NextModal(qtbot, PriceListDialog)
    window.history.lookup_button.click()
    stop.wait()
    result.wait()
    assert titles == ["Цены с сайта поставщика", "Отмена"]
    assert "Остановлено: ничего не изменено." in result.texts[0]
    assert snapshot(home.path) == before and len(calculator.requests) < 14


def test_a_web_page_instead_of_a_price_is_said_in_russian_and_stores_nothing(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService, calculator: CalculatorEmulator) -> None:
    calculator.fail("html", after=2)
    before = snapshot(home.path)
    qtbot.waitUntil(lambda: window.history.lookup_button.isVisible(), timeout=10000)
    result = NextModal(qtbot, PriceListDialog)
    window.history.lookup_button.click()
    result.wait()
    summary = result.texts[0]
    assert "Сайт поставщика не удалось спросить" in summary and "веб-страницу" in summary
    assert "Ничего не изменено." in summary and "Всё ещё неизвестны: ночь с 01.07.2025" in summary
    assert snapshot(home.path) == before
    assert window.history.lookup_button.isVisible()


def test_settings_prices_page_has_the_button_and_the_list(qtbot, window: MainWindow, home: JournalService,  # type: ignore[no-untyped-def]
                                                         calculator: CalculatorEmulator) -> None:
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, home, ACCOUNT, window)
    qtbot.addWidget(dialog)
    dialog.lookup_requested.connect(lambda: window.prices.look_up(ACCOUNT, dialog))
    assert dialog.lookup_button.text() == "Узнать цены на сайте поставщика"
    result = NextModal(qtbot, PriceListDialog)
    dialog.lookup_button.click()
    result.wait()
    assert len(calculator.requests) == 14
    again = NextModal(qtbot, PriceListDialog)
    dialog.lookup_button.click()  # a second time the same day: nothing is asked again
    again.wait()
    assert "Спрашивать нечего" in again.texts[0] and len(calculator.requests) == 14


def test_after_a_sync_the_unknown_months_are_asked_at_most_once_a_day(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService, calculator: CalculatorEmulator,
        monkeypatch: pytest.MonkeyPatch) -> None:
    calculator.fail("html")  # the first quiet run fails at its first request: nothing stored, all still unknown
    with PortalEmulator(PortalState([household(password=PASSWORD)])) as portal:
        monkeypatch.setenv("METER_JOURNAL_PORTAL_URL", portal.url)
        window.sync.sync_service.store = CredentialStore(MemoryKeyring())
        window.sync.ask_password = lambda login, message, can: (PASSWORD, False)
        window.sync.sync_now(None)
        qtbot.waitUntil(lambda: len(calculator.requests) == 1 and not window.prices.running, timeout=30000)
        assert window.settings.prices_asked_on == "2026-11-20"
        with qtbot.waitSignal(window.sync.finished, timeout=30000):
            window.sync.sync_now(None)  # the same day: not asked again
        qtbot.wait(300)
        assert len(calculator.requests) == 1 and not window.prices.running
        window.settings.prices_asked_on = "2026-11-19"  # as if the last quiet run was yesterday
        with qtbot.waitSignal(window.prices.changed, timeout=30000):
            window.sync.sync_now(None)
        assert len(calculator.requests) == 15
        qtbot.waitUntil(lambda: not window.history.lookup_button.isVisible(), timeout=10000)  # all known now


def test_the_payee_dialog_takes_the_details_from_a_bill_first(qtbot, home: JournalService, russian: None,  # type: ignore[no-untyped-def]
                                                              tmp_path: Path) -> None:
    supplier = JournalService(tmp_path / "supplier" / "journal.sqlite3", today=lambda: TODAY)
    make_receipt_household(supplier)
    bill = tmp_path / "schet.pdf"
    bill.write_bytes(supplier.receipts.receipt_pdf(ACCOUNT, "2026-10"))
    supplier.close()
    dialog = PayeeDialog(home)
    qtbot.addWidget(dialog)
    dialog.show()
    first = dialog.layout().itemAt(0).widget()
    assert first is dialog.from_bill and first.text() == "Взять реквизиты из счёта (PDF или фото)…"
    assert dialog.from_bill.focusPolicy() != Qt.FocusPolicy.NoFocus and dialog.focusWidget() is dialog.from_bill
    assert all(dialog.from_bill.sizeHint().height() >= b.sizeHint().height() for b in dialog.findChildren(QPushButton))
    seen = click_in_next_modal(qtbot, "OK")
    dialog.read_bill(bill)
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=20000)
    assert "Реквизиты взяты из счёта и сохранены" in seen[0] and VALID_PAYEE["account"] in seen[0]
    stored = home.receipts.payee()
    assert stored is not None and {k: getattr(stored, k) for k in VALID_PAYEE} == VALID_PAYEE


def test_a_bill_of_another_company_is_refused_in_russian_and_nothing_stored(  # type: ignore[no-untyped-def]
        qtbot, home: JournalService, russian: None, tmp_path: Path) -> None:
    """A PD-4 bill printed for another payee (ПАО Сбербанк, a valid INN of its own): its QR code is read, its
    details pass the bank's checks, but it is not the supplier's bill — said under the button, nothing stored."""
    home.receipts.set_payee(**VALID_PAYEE)
    other = JournalService(tmp_path / "other" / "journal.sqlite3", today=lambda: TODAY)
    make_receipt_household(other, payee=False)
    other.receipts.set_payee(**{**VALID_PAYEE, "name": "ПАО Сбербанк", "inn": "7707083893", "kpp": "773601001"})
    bill = tmp_path / "chuzhoy-schet.pdf"
    bill.write_bytes(other.receipts.receipt_pdf(ACCOUNT, "2026-10"))
    other.close()
    before = snapshot(home.path)
    dialog = PayeeDialog(home)
    qtbot.addWidget(dialog)
    dialog.show()
    questions: list[str] = []

    def say_no_to_any_question() -> None:  # were the bill taken, its question (replace?) would wait for an answer
        modal = QApplication.activeModalWidget()
        if modal is not None:
            questions.append(modal.windowTitle())
            modal.close()

    watch = QTimer(dialog)
    watch.timeout.connect(say_no_to_any_question)
    watch.start(50)
    dialog.read_bill(bill)
    qtbot.waitUntil(lambda: dialog.bill_error.isVisible(), timeout=20000)
    watch.stop()
    assert questions == []
    assert dialog.bill_error.text() == (
        "Этот счёт не от ПАО «Самараэнерго»: в его QR-коде получатель — ПАО Сбербанк, ИНН 7707083893 (у ПАО "
        "«Самараэнерго» ИНН 6315222985). Реквизиты не сохранены. Выберите счёт ПАО «Самараэнерго» или введите "
        "реквизиты с бумажного счёта ПАО «Самараэнерго».")
    assert dialog.isVisible() and dialog.from_bill.isEnabled() and dialog.focusWidget() is dialog.from_bill
    assert snapshot(home.path) == before


def test_replacing_other_details_asks_first_and_enter_keeps_them(qtbot, home: JournalService, russian: None,  # type: ignore[no-untyped-def]
                                                                  tmp_path: Path) -> None:
    home.receipts.set_payee(**{**VALID_PAYEE, "name": "Прежний получатель"})
    supplier = JournalService(tmp_path / "supplier" / "journal.sqlite3", today=lambda: TODAY)
    make_receipt_household(supplier)
    bill = tmp_path / "schet.pdf"
    bill.write_bytes(supplier.receipts.receipt_pdf(ACCOUNT, "2026-10"))
    supplier.close()
    before = snapshot(home.path)
    dialog = PayeeDialog(home)
    qtbot.addWidget(dialog)
    dialog.show()
    question: list[str] = []

    def press_enter(box) -> None:  # type: ignore[no-untyped-def]
        question.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    click_in_next_modal(qtbot, action=press_enter)
    dialog.read_bill(bill)
    qtbot.waitUntil(lambda: dialog.bill_error.isVisible(), timeout=20000)
    assert "Прежний получатель" in question[0] and "ПАО «Самараэнерго»" in question[0]
    assert dialog.bill_error.text() == "Реквизиты оставлены как были."
    assert snapshot(home.path) == before
    # A file without a QR code: said next to the button, nothing stored.
    missing = tmp_path / "net.pdf"
    dialog.read_bill(missing)
    qtbot.waitUntil(lambda: dialog.bill_error.text() == f"Файла {missing} нет. Выберите PDF-файл счёта или его фото.",
                    timeout=20000)
    assert snapshot(home.path) == before


def test_a_synced_invoice_with_other_details_is_offered(qtbot, window: MainWindow, home: JournalService,  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                        calculator: CalculatorEmulator) -> None:
    supplier = JournalService(tmp_path / "supplier" / "journal.sqlite3", today=lambda: TODAY)
    make_receipt_household(supplier)
    bill = supplier.receipts.receipt_pdf(ACCOUNT, "2026-10")
    supplier.close()
    account = household(password=PASSWORD)
    account.contract_accounts[0].invoices[1].pdf = bill
    with PortalEmulator(PortalState([account])) as portal:
        monkeypatch.setenv("METER_JOURNAL_PORTAL_URL", portal.url)
        window.sync.sync_service.store = CredentialStore(MemoryKeyring())
        window.sync.ask_password = lambda login, message, can: (PASSWORD, False)
        window.sync.sync_now(None)
        qtbot.waitUntil(lambda: "Взять реквизиты из счёта" in window.banner_button.text(), timeout=30000)
    assert "05.11.2026" in window.banner_text.text()

    seen: list[str] = []

    def take(box: RiskyQuestion) -> None:
        seen.append(box.text())
        seen.append(box.safe.text())  # the default: Enter and Esc answer «not now»
        box.risky[0].click()

    click_in_next_modal(qtbot, action=take, kind=RiskyQuestion)
    window.banner_button.click()
    assert VALID_PAYEE["account"] in seen[0] and seen[1] == "Не сейчас"
    stored = home.receipts.payee()
    assert stored is not None and stored.account == VALID_PAYEE["account"]
    assert "Взять реквизиты из счёта" not in window.banner_button.text()


def test_enter_after_typing_the_details_saves_them_and_opens_no_file_dialog(  # type: ignore[no-untyped-def]
        qtbot, home: JournalService, russian: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The dialog opens on «Взять реквизиты из счёта…»; a person who types the details instead and presses Enter
    saves them — Enter opened the file dialog of the bill (the button that had the focus first)."""
    from ui import file_dialogs

    opened: list[object] = []
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *args, **kwargs: opened.append(args) or ("", ""))
    dialog = PayeeDialog(home)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog.from_bill, Qt.Key.Key_Return)  # Enter on the first button, which has the focus, presses it
    assert len(opened) == 1
    opened.clear()
    for field in PayeeDialog.FIELDS:  # as if typed (QTest cannot type «»), the last field by its keys
        dialog.edits[field].setText(VALID_PAYEE[field][:-1])
    last = dialog.edits[PayeeDialog.FIELDS[-1]]
    last.setFocus()
    last.end(False)
    qtbot.keyClicks(last, VALID_PAYEE[PayeeDialog.FIELDS[-1]][-1])
    for field in PayeeDialog.FIELDS[:-1]:
        dialog.edits[field].setText(VALID_PAYEE[field])
    qtbot.keyClick(last, Qt.Key.Key_Return)
    assert opened == []
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=10000)
    stored = home.receipts.payee()
    assert stored is not None and {k: getattr(stored, k) for k in VALID_PAYEE} == VALID_PAYEE


def test_with_no_details_stored_the_payee_dialog_starts_with_the_suppliers_name_and_inn_only(  # type: ignore[no-untyped-def]
        qtbot, home: JournalService, russian: None) -> None:
    """The supplier's name and INN (its profile, from the bills) are filled in; the accounts, the bank and the BIC
    are left for the person or the bill's QR code. Opening the dialog stores nothing; saving stores what is shown.
    Once details are stored, the dialog shows them."""
    dialog = PayeeDialog(home)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = {field: dialog.edits[field].text() for field in PayeeDialog.FIELDS}
    assert shown == {"name": "ПАО «Самараэнерго»", "inn": "6315222985", "kpp": "", "account": "", "bank": "",
                     "bic": "", "corr": ""}
    assert home.receipts.payee() is None
    for field in ("kpp", "account", "bank", "bic", "corr"):
        dialog.edits[field].setText(VALID_PAYEE[field])
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=10000)
    stored = home.receipts.payee()
    assert stored is not None and (stored.name, stored.inn) == ("ПАО «Самараэнерго»", "6315222985")

    home.receipts.set_payee(**{**VALID_PAYEE, "name": "АО «Другая компания»"})  # details stored: they are shown
    again = PayeeDialog(home)
    qtbot.addWidget(again)
    assert {field: again.edits[field].text() for field in PayeeDialog.FIELDS} == {
        **VALID_PAYEE, "name": "АО «Другая компания»"}
