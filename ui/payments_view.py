"""The payments tab: record a payment, see them and the balance; the payments and bills the supplier's personal
account knows, beside ours."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.changes import Changes
from desktop_app.services.journal_service import JournalService
from desktop_app.services.overview import AccountOverview
from journal.amounts import parse_money
from journal.errors import ConfirmationRequired, JournalError
from journal.tariffs import EARLIEST_PRICE_DATE
from ui import operations
from ui.button_row import ButtonRow
from ui.confirmations import ask_risky, leave_it
from ui.date_field import DateField
from ui.i18n import render
from ui.tasks import TaskRunner
from ui.texts import day_text, money, month_name
from ui.theme import show_hint

if TYPE_CHECKING:
    from journal.billing import BalanceInfo
    from journal.portal_data import InvoiceInfo


class PaymentsView(QWidget):
    changed = Signal(object)  # the Changes of a payment recorded
    confirmed = Signal(str)  # the words saying a payment was recorded, for the status line

    def __init__(self, service: JournalService, tasks: TaskRunner, parent: QWidget | None = None,
                 pdf_of: Callable[[InvoiceInfo], Path | None] | None = None) -> None:
        """`pdf_of`: an invoice's downloaded PDF; given when the portal's bills and payments are shown too."""
        super().__init__(parent)
        self.service, self.tasks, self.pdf_of = service, tasks, pdf_of
        self.invoices: list[InvoiceInfo] = []
        self.number: str | None = None
        self.balance_label = QLabel("")
        self.balance_label.setWordWrap(True)
        self.balance_label.setAccessibleName(self.tr("Balance"))
        self.balance_label.setProperty("role", "big")
        self.date_edit = DateField(service.today())
        self._date_of_today()
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
        self.amount.textEdited.connect(self._edited)  # an error said of what is being changed goes at once
        self.date_edit.dateChanged.connect(self._edited)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a label above its field when narrow
        form.addRow(self.tr("Date:"), self.date_edit)
        form.addRow(self.tr("Amount, ₽:"), self.amount)
        form.addRow("", self.error)
        form.addRow(self.tr("Note:"), self.note)
        # That a payment was recorded, in words, under the button; the payment selected in the list below.
        self.confirmation = QLabel("")
        self.confirmation.setProperty("role", "success")
        self.confirmation.setWordWrap(True)
        self.confirmation.setAccessibleName(self.tr("Recorded"))
        self.confirmation.hide()
        self._expected: int | None = None  # the payment recorded, to select once the overview shows it
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
        layout.addWidget(self.confirmation)
        layout.addWidget(QLabel(self.tr("Payments recorded:")))
        layout.addWidget(self.list, 1)
        # What the supplier's personal account brought at the last exchange: its bills (the PDF at hand) beside
        # our estimate of the same month. Its payments are in the list above, beside the ones typed.
        self.bills = QListWidget()
        self.bills.setAccessibleName(self.tr("Bills from the supplier's personal account"))
        self.bills.setMinimumHeight(self.bills.fontMetrics().height() * 4)
        self.bill_button = QPushButton(self.tr("Open the bill (PDF)"))
        self.bill_button.setAccessibleName(self.tr("Open the selected bill of the supplier as a PDF"))
        self.bill_button.setEnabled(False)
        self.bills.currentRowChanged.connect(self._bill_chosen)
        self.bill_button.clicked.connect(self.open_bill)
        self.bills_title = QLabel(self.tr("Bills from the supplier's personal account:"))
        # No bills yet: said in a line that wraps in place of the list (a list's line is cut at large text).
        self.no_bills = QLabel(self.tr("None yet: they come with «Send readings and fetch bills» (F5)."))
        self.no_bills.setWordWrap(True)
        self.no_bills.setProperty("role", "hint")
        layout.addWidget(self.bills_title)
        layout.addWidget(self.bills, 1)
        layout.addWidget(self.no_bills)
        layout.addWidget(self.bill_button)
        for widget in (self.bills_title, self.bills, self.bill_button):
            widget.setVisible(pdf_of is not None)
        self.no_bills.hide()

    def _date_of_today(self) -> None:
        """The payment's day: today, within the journal's limits of a payment's day (today as the service counts
        it now: the window may stay open past midnight)."""
        today = self.service.today()
        self.date_edit.today = today
        self.date_edit.set_range(EARLIEST_PRICE_DATE, today)
        self.date_edit.set_date(today)

    def _edited(self, *_changed: object) -> None:
        self.error.hide()
        self.error.clear()

    def show_overview(self, overview: AccountOverview, changes: Changes | None = None) -> None:
        """What is owed; the payments and the supplier's bills drawn again when they changed."""
        number = overview.number
        if number != self.number or (changes is not None and changes.of_payments(number) and self._expected is None):
            self.confirmation.hide()  # another account, or its payments changed since (a restore): no longer news
        if changes is None or number != self.number or changes.of_payments(number) or changes.of_portal(number):
            self.number = number
            self.list.clear()
            lines: list[tuple[date, str, int | None]] = []  # the day, the line, our payment's id
            for payment in overview.payments:
                note = f" — {payment.note}" if payment.note else ""
                lines.append((payment.paid_on, f"{day_text(payment.paid_on)}   {money(payment.amount)}{note}",
                              payment.id))
            if self.pdf_of is not None:
                for paid in overview.portal_payments:
                    if paid.paid_on is not None and paid.amount is not None:
                        lines.append((paid.paid_on, f"{day_text(paid.paid_on)}   {money(paid.amount)} — "
                                      + self.tr("known to the supplier's personal account"), None))
            for _day, line, payment_id in sorted(lines, key=lambda item: item[0], reverse=True):
                self.list.addItem(line)
                if payment_id is not None and payment_id == self._expected:
                    self._expected = None
                    self.list.setCurrentRow(self.list.count() - 1)
                    self.list.scrollToItem(self.list.currentItem())
            self._load_bills(overview)
        self.balance_label.setText(self.owed_text(overview.balance))  # what is owed today (journal.owed)

    def owed_text(self, balance: BalanceInfo | None) -> str:
        """The headline's words for what is owed today. With a price unknown the known charges give only a
        lower bound: never «nothing to pay» then, which a person would believe; when the payments exceed the known
        charges, what is known is said — charged at least so much, paid so much — rather than nothing."""
        if balance is None:
            return ""
        owed = balance.owed
        if not owed.complete:
            if owed.total > 0:
                return self.tr("To pay: at least {amount} (a price is unknown)").format(amount=money(owed.total))
            charged, paid = balance.charged_known, balance.paid
            if charged > 0:
                return self.tr("Charged at least {charged}, paid {paid} — a price is unknown.").format(
                    charged=money(charged), paid=money(paid))
            if paid > 0:
                return self.tr("Paid {paid}; the charge is not known yet: a price is unknown.").format(
                    paid=money(paid))
            return self.tr("The amount to pay is not known yet: a price is unknown.")
        if owed.total > 0:
            return self.tr("To pay: {amount}").format(amount=money(owed.total))
        if owed.total < 0:
            return self.tr("Paid in advance: {amount}").format(amount=money(-owed.total))
        return self.tr("Nothing to pay.")

    def _load_bills(self, overview: AccountOverview) -> None:
        self.bills.clear()
        self.invoices = list(reversed(overview.invoices)) if self.pdf_of is not None else []
        for invoice in self.invoices:
            parts = [self.tr("bill of {date}").format(date=day_text(invoice.invoice_date)) if invoice.invoice_date
                     else self.tr("bill")]
            if invoice.amount_due is not None:
                parts.append(money(invoice.amount_due))
            if invoice.due_date is not None:
                parts.append(self.tr("to pay by {date}").format(date=day_text(invoice.due_date)))
            if invoice.settled:
                parts.append(self.tr("paid"))
            elif invoice.amount_remaining:
                parts.append(self.tr("still to pay {amount}").format(amount=money(invoice.amount_remaining)))
            if invoice.pdf_file:
                parts.append("PDF")
            self.bills.addItem(", ".join(parts))
        if self.pdf_of is not None:  # the supplier's billed month beside ours
            for month in reversed(overview.billed):
                if month.billed is None:
                    continue
                line = self.tr("{month}: the supplier billed {billed}").format(
                    month=month_name(month.period), billed=money(month.billed))
                if month.estimate is not None:
                    line += "; " + self.tr("our estimate {amount}").format(amount=money(month.estimate))
                if month.flag:
                    line += " — " + self.tr("⚠ differs by over 1 %")
                self.bills.addItem(line)
        shown = self.pdf_of is not None
        self.bills.setVisible(shown and self.bills.count() > 0)
        self.no_bills.setVisible(shown and not self.bills.count())
        self._bill_chosen(self.bills.currentRow())

    def _bill_chosen(self, row: int) -> None:
        invoice = self.invoices[row] if 0 <= row < len(self.invoices) else None
        self.bill_button.setEnabled(invoice is not None and self.pdf_of is not None
                                    and self.pdf_of(invoice) is not None)

    def open_bill(self) -> None:
        row = self.bills.currentRow()
        if self.pdf_of is None or not 0 <= row < len(self.invoices):
            return
        path = self.pdf_of(self.invoices[row])
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def add_payment(self) -> None:
        if self.number is None:
            return
        paid_on = self.date_edit.checked()
        if paid_on is None:  # a refused date: its message beside it, nothing written
            return
        record, number = self.service.billing.add_payment, self.number
        amount, note = self.amount.text(), self.note.text()
        try:
            try:
                done = operations.write_once(self.tasks, lambda: record(number, paid_on, amount, note))
            except ConfirmationRequired:  # the same sum on the same day is recorded already: typed twice?
                if not ask_risky(
                        self, self.tr("The same payment again?"),
                        self.tr("A payment of {amount} on {date} is already recorded. Record another one only if you "
                                "really paid twice.").format(amount=money(parse_money(self.amount.text())),
                                                             date=day_text(paid_on)),
                        self.tr("&Yes, record a second one"), name=self.tr("Yes, record a second payment"),
                        safe=leave_it()):
                    self._edited()  # nothing stale under the amount
                    self.amount.setFocus()
                    self.amount.selectAll()  # the next sum typed replaces it, not added to its end
                    return
                done = operations.write_once(self.tasks, lambda: record(number, paid_on, amount, note, again=True))
        except JournalError as exc:
            self.error.setText(render(exc))
            self.error.show()
            self.amount.setFocus()
            return
        self.error.hide()
        self.amount.clear()
        self.note.clear()
        self._date_of_today()  # the next payment is today's unless typed (the words below say this one's day)
        payment = done.result
        words = self.tr("The payment of {amount} on {date} is recorded.").format(
            amount=money(payment.amount), date=day_text(payment.paid_on))
        self.confirmation.setText("✓ " + words)
        self.confirmation.show()
        self._expected = payment.id
        self.changed.emit(done.changes)
        self.confirmed.emit(words)  # after its Changes: a confirmation said before them is taken back by them
