"""One figure for what is owed, in the window: the headline of the real main window and the receipt dialog
(opened with Ctrl+P, driven with the keyboard) show the Decimal journal.owed gives, with what it is made of; a
receipt the journal cannot count is refused next to the amount before any file dialog, and a typed amount prints."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.services.journal_service import JournalService
from journal import accounts, billing
from tests.conftest import ACCOUNT, TODAY, make_household
from tests.desktop_app.receipt_fixtures import VALID_PAYEE, make_paid_after_household
from tests.desktop_app.test_receipts import decoded_payload
from ui import file_dialogs
from ui.main_window import MainWindow
from ui.receipt_dialog import ReceiptDialog
from ui.settings import Settings
from ui.tasks import TaskRunner
from ui.texts import money

NBSP = "\xa0"


def plain(text: str) -> str:
    return text.replace(NBSP, " ")


@pytest.fixture
def paid_after(data_dir: Path) -> Iterator[JournalService]:
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: TODAY)
    make_paid_after_household(service)
    yield service
    service.close()


def owed_today(service: JournalService) -> Decimal:
    with service.journal.read() as session:
        return billing.owed(session, accounts.find_account(session, ACCOUNT), TODAY).total


def open_window(qtbot, service: JournalService, settings: Settings) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(service, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.balance_label.text() != "", timeout=10000)
    return main


def test_the_headline_shows_what_is_owed(qtbot, paid_after: JournalService, settings: Settings, russian) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, paid_after, settings)
    assert owed_today(paid_after) == Decimal("3709.60")  # the 500 ₽ paid after 2026-11 is counted
    assert plain(window.balance_label.text()) == "К оплате: 3 709,60 ₽"
    assert window.balance_label.text().endswith("3" + NBSP + "709,60" + NBSP + "₽")  # wraps as a whole at 200 %
    assert window.payments.balance_label.text() == window.balance_label.text()


def test_the_receipt_dialog_proposes_the_same_sum_and_says_what_it_is_made_of(  # type: ignore[no-untyped-def]
        qtbot, paid_after: JournalService, settings: Settings, russian) -> None:
    window = open_window(qtbot, paid_after, settings)
    seen: dict[str, str] = {}

    def look(dialog: ReceiptDialog) -> None:
        seen["month"], seen["amount"] = dialog.period.currentText(), dialog.amount.text()
        seen["explain"] = plain(dialog.explain.text())
        qtbot.keyClick(dialog.period, Qt.Key.Key_Down)  # the month before
        seen["october"] = plain(dialog.explain.text())
        seen["october amount"] = dialog.amount.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    def when_open() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ReceiptDialog):
            look(dialog)
        else:  # looked for again from the event loop: a nested wait here would hold up the dialog's own reads
            QTimer.singleShot(20, when_open)

    QTimer.singleShot(20, when_open)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # a window's shortcuts reach it once it is the active one
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # Документы → Квитанция на оплату
    assert seen["month"] == "ноябрь 2026"
    assert Decimal(seen["amount"].replace(",", ".")) == owed_today(paid_after) == Decimal("3709.60")
    assert seen["explain"].splitlines() == [
        "Начислено за ноябрь 2026: 1 973,60 ₽", "Долг на начало периода: 2 236,00 ₽",
        "Оплачено после периода: 500,00 ₽", "Итого к оплате: 3 709,60 ₽", "Сумма посчитана на 28.11.2026."]
    assert seen["october amount"] == "2236,00"
    assert seen["october"].splitlines() == [
        "Начислено за октябрь 2026: 1 902,00 ₽", "Долг на начало периода: 1 834,00 ₽",
        "Оплачено в периоде: 1 500,00 ₽", "Итого к оплате: 2 236,00 ₽", "Сумма посчитана на 19.11.2026."]


def test_a_refusal_comes_before_the_file_dialog_and_a_typed_amount_prints(  # type: ignore[no-untyped-def]
        qtbot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, russian) -> None:
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: TODAY)
    make_household(service, installed=date(2025, 5, 10))
    service.add_reading(ACCOUNT, date(2025, 8, 20), "1300,650")  # 2025-07-01's two-zone night price is unknown
    asked: list[str] = []
    out = tmp_path / "kvitanciya.pdf"

    def save_file_name(*_args: object) -> tuple[str, str]:
        asked.append("file dialog")
        return str(out), "PDF (*.pdf)"

    monkeypatch.setattr(file_dialogs, "save_file_name", save_file_name)
    try:
        dialog = ReceiptDialog(service, ACCOUNT, TaskRunner())
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        assert not dialog.save_button.isEnabled() and "реквизиты" in dialog.error.text()  # no bank details yet
        dialog.save_as()  # even if it were reached
        assert asked == [] and not out.exists()
        service.receipts.set_payee(**VALID_PAYEE)
        dialog.refresh()
        assert dialog.save_button.isEnabled() and dialog.amount.text() == "" and dialog.explain.text() == ""
        assert "август 2025" in dialog.error.text() and "бумажного счёта" in dialog.error.text()
        dialog.save_button.setFocus()
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        assert asked == [] and not out.exists()  # refused next to the amount, no file dialog
        assert dialog.amount.hasFocus()
        qtbot.keyClicks(dialog.amount, "1500,00")  # the sum from the paper bill
        dialog.save_button.setFocus()
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        assert asked == ["file dialog"]
        qtbot.waitUntil(out.exists, timeout=10000)
        fields, _ = decoded_payload(out.read_bytes(), tmp_path, "typed")
        assert fields["Sum"] == "150000"
    finally:
        service.close()


def test_with_a_price_unknown_the_headline_never_says_nothing_to_pay(qtbot, data_dir: Path, settings: Settings,  # type: ignore[no-untyped-def]
                                                                   russian) -> None:
    """590 kWh used under a price nobody knows (the two-zone night from 01.07.2025) is not «nothing to pay»."""
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: TODAY)
    try:
        make_household(service, installed=date(2025, 7, 5))
        service.add_reading(ACCOUNT, date(2025, 8, 20), "1490,600")
        window = open_window(qtbot, service, settings)
        assert owed_today(service) == 0
        assert plain(window.balance_label.text()) == "Сумма к оплате пока неизвестна: не хватает цены."
        service.billing.add_payment(ACCOUNT, date(2025, 8, 1), "100")  # known: 100 paid, the charge unknown
        window.reload_accounts(ACCOUNT)
        headline = window.balance_label
        qtbot.waitUntil(lambda: "100" in headline.text(), timeout=5000)
        assert plain(headline.text()) == "Оплачено 100,00 ₽; начисление пока неизвестно: не хватает цены."
        assert "Платить ничего не нужно" not in window.balance_label.text()
        assert "заранее" not in window.balance_label.text()
        service.add_reading(ACCOUNT, date(2026, 10, 20), "1690,700")  # still under the unknown night price
        service.add_reading(ACCOUNT, date(2026, 11, 20), "1790,750")  # a month priced in full
        known = owed_today(service)
        assert known > 0
        window.reload_accounts(ACCOUNT)
        qtbot.waitUntil(lambda: plain(window.balance_label.text()).startswith("К оплате: не меньше"), timeout=5000)
        assert plain(window.balance_label.text()) == (
            f"К оплате: не меньше {plain(money(known))} (одна из цен неизвестна)")
    finally:
        service.close()


def test_a_payment_over_the_known_charges_keeps_what_is_known_in_the_headline(  # type: ignore[no-untyped-def]
        qtbot, data_dir: Path, settings: Settings, russian) -> None:
    """Before paying the headline says «at least 451,70 ₽»; after paying more than that (a price still unknown) it
    says what is known — charged at least, paid — never the vaguer «not known yet»."""
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: TODAY)
    try:
        make_household(service, installed=date(2025, 7, 5))
        service.add_reading(ACCOUNT, date(2026, 10, 20), "1690,700")  # under the unknown two-zone night price
        service.add_reading(ACCOUNT, date(2026, 11, 20), "1790,750")  # a month priced in full
        known = owed_today(service)
        assert known > 0
        window = open_window(qtbot, service, settings)
        before = plain(window.balance_label.text())
        assert before == f"К оплате: не меньше {plain(money(known))} (одна из цен неизвестна)"
        window.tabs.setCurrentIndex(2)
        payments = window.payments
        payments.amount.setFocus()
        qtbot.keyClicks(payments.amount, "1250,50")
        qtbot.keyClick(payments.amount, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "1 250,50" in plain(window.balance_label.text()), timeout=5000)
        assert known < Decimal("1250.50")
        assert plain(window.balance_label.text()) == (
            f"Начислено не меньше {plain(money(known))}, оплачено 1 250,50 ₽ — одна из цен неизвестна.")
        assert payments.balance_label.text() == window.balance_label.text()
    finally:
        service.close()
