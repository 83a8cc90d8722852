"""The payee's bank details, typed once from the paper bill and checked (control keys, INN, KPP)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QLabel, QLayout, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from desktop_app.services.journal_service import JournalService
from journal.errors import JournalError
from ui.account_form import FieldForm
from ui.confirmations import ask_risky
from ui.dialog_buttons import ok_cancel
from ui.i18n import translate_message
from ui.screen_fit import ScreenFitBody

if TYPE_CHECKING:
    from journal.payees import PayeeDetails


class PayeeDialog(QDialog):
    FIELDS = ("name", "inn", "kpp", "account", "bank", "bic", "corr")

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("The payee's bank details"))
        intro = QLabel(self.tr("Copy these from the upper part of your paper bill, exactly as printed. The program "
                               "checks the numbers' control digits."))
        intro.setWordWrap(True)
        self.form = FieldForm()
        labels = {
            "name": (self.tr("Payee:"), self.tr("Payee's name")),
            "inn": (self.tr("INN:"), self.tr("Payee's INN")),
            "kpp": (self.tr("KPP:"), self.tr("Payee's KPP")),
            "account": (self.tr("Settlement account:"), self.tr("Payee's settlement account, 20 digits")),
            "bank": (self.tr("Bank:"), self.tr("Payee's bank")),
            "bic": (self.tr("BIC:"), self.tr("Bank's BIC, 9 digits")),
            "corr": (self.tr("Correspondent account:"), self.tr("Bank's correspondent account, 20 digits")),
        }
        self.labels = {field: label.rstrip(":") for field, (label, _name) in labels.items()}
        current = service.receipts.payee()
        self.edits: dict[str, QLineEdit] = {}
        for field in self.FIELDS:
            edit = QLineEdit(getattr(current, field, "") if current is not None and not current.is_sample else "")
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0" * 26))  # 20 digits and the frame, whole
            self.edits[field] = edit
            self.form.add(field, labels[field][0], edit, labels[field][1])
        buttons = ok_cancel(self, self.tr("Save"), self.save, self.tr("Save the bank details"))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # wrapped texts and error lines get room
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(intro)
        fields_layout.addWidget(self.form)
        self.body = ScreenFitBody(fields)  # at 200 % on a small screen the fields scroll, the buttons stay
        layout.addWidget(self.body)
        layout.addWidget(buttons)

    def save(self) -> None:
        values = {field: self.edits[field].text() for field in self.FIELDS}
        try:
            if not self._may_replace(self.service.receipts.check_payee(**values)):
                return
            self.service.receipts.set_payee(**values)
        except JournalError as exc:
            if not self.form.show_error(exc.field, translate_message(exc.message)):
                QMessageBox.warning(self, self.tr("Not saved"), translate_message(exc.message))
            return
        self.accept()

    def _may_replace(self, new: PayeeDetails) -> bool:
        """Real details saved earlier are replaced by different ones only on a deliberate yes."""
        old = self.service.receipts.payee()
        if old is None or old.is_sample:
            return True
        changed = [self.labels[field] for field in self.FIELDS if getattr(old, field) != getattr(new, field)]
        if not changed:
            return True
        return ask_risky(self, self.tr("Replace the bank details?"), self.tr(
            "Replace the payee's bank details saved earlier? Changed: {fields}. Receipts will be printed with the "
            "new details.").format(fields=", ".join(changed)), self.tr("&Yes, replace"),
            name=self.tr("Yes, replace the bank details"))
