"""The payments tab: record a payment, see them and the balance."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.journal_service import JournalService
from journal.amounts import parse_money
from journal.billing import BalanceInfo
from journal.errors import ConfirmationRequired, JournalError
from journal.owed import Owed
from journal.tariffs import EARLIEST_PRICE_DATE
from ui.button_row import ButtonRow
from ui.confirmations import ask_risky, leave_it
from ui.date_field import DateField
from ui.i18n import translate_message
from ui.texts import day_text, money
from ui.theme import show_hint


class PaymentsView(QWidget):
    changed = Signal()

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.number: str | None = None
        self.balance_label = QLabel("")
        self.balance_label.setWordWrap(True)
        self.balance_label.setAccessibleName(self.tr("Balance"))
        self.balance_label.setProperty("role", "big")
        today = service.today()
        self.date_edit = DateField(today, today)
        self.date_edit.set_range(EARLIEST_PRICE_DATE, today)  # the journal's limits of a payment's day
        self.date_edit.setAccessibleName(self.tr("Date of the payment"))
        self.amount = QLineEdit()
        self.amount.setAccessibleName(self.tr("Amount paid, roubles"))
        show_hint(self.amount, self.tr("e.g. 1250,50"))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.error = QLabel("")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.add_button = QPushButton(self.tr("Record the payment"))
        self.add_button.setAccessibleName(self.tr("Record the payment"))
        self.add_button.clicked.connect(self.add_payment)
        self.amount.returnPressed.connect(self.add_payment)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a label above its field when narrow
        form.addRow(self.tr("Date:"), self.date_edit)
        form.addRow(self.tr("Amount, ₽:"), self.amount)
        form.addRow("", self.error)
        form.addRow(self.tr("Note:"), self.note)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Payments"))
        self.receipt_button = QPushButton(self.tr("Payment receipt for the bank…"))
        self.receipt_button.setAccessibleName(self.tr("Print a payment receipt for the bank"))
        buttons = ButtonRow()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.receipt_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.balance_label)
        layout.addLayout(form)
        layout.addWidget(buttons)
        layout.addWidget(QLabel(self.tr("Payments recorded:")))
        layout.addWidget(self.list, 1)

    def load(self, number: str, balance: BalanceInfo | None) -> None:
        self.number = number
        self.list.clear()
        for payment in reversed(self.service.billing.payments(number)):
            note = f" — {payment.note}" if payment.note else ""
            self.list.addItem(f"{day_text(payment.paid_on)}   {money(payment.amount)}{note}")
        owed = balance.owed if balance is not None else None  # what is owed today (journal.owed)
        self.balance_label.setText(self.owed_text(owed))

    def owed_text(self, owed: Owed | None) -> str:
        """The headline's words for what is owed today. With a price unknown the known charges give only a
        lower bound: never «nothing to pay» then, which a person would believe."""
        if owed is None:
            return ""
        if not owed.complete:
            if owed.total > 0:
                return self.tr("To pay: at least {amount} (a price is unknown)").format(amount=money(owed.total))
            return self.tr("The amount to pay is not known yet: a price is unknown.")
        if owed.total > 0:
            return self.tr("To pay: {amount}").format(amount=money(owed.total))
        if owed.total < 0:
            return self.tr("Paid in advance: {amount}").format(amount=money(-owed.total))
        return self.tr("Nothing to pay.")

    def add_payment(self) -> None:
        if self.number is None:
            return
        paid_on = self.date_edit.checked()
        if paid_on is None:  # a refused date: its message beside it, nothing written
            return
        record = self.service.billing.add_payment
        try:
            try:
                record(self.number, paid_on, self.amount.text(), self.note.text())
            except ConfirmationRequired:  # the same sum on the same day is recorded already: typed twice?
                if not ask_risky(
                        self, self.tr("The same payment again?"),
                        self.tr("A payment of {amount} on {date} is already recorded. Record another one only if you "
                                "really paid twice.").format(amount=money(parse_money(self.amount.text())),
                                                             date=day_text(paid_on)),
                        self.tr("&Yes, record a second one"), name=self.tr("Yes, record a second payment"),
                        safe=leave_it()):
                    self.amount.setFocus()
                    return
                record(self.number, paid_on, self.amount.text(), self.note.text(), again=True)
        except JournalError as exc:
            self.error.setText(translate_message(exc.message))
            self.error.show()
            self.amount.setFocus()
            return
        self.error.hide()
        self.amount.clear()
        self.note.clear()
        self.changed.emit()
