"""The payee's bank details, typed once from the paper bill and checked (control keys, INN, KPP)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QLayout, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from desktop_app.services.journal_service import JournalService
from journal.errors import JournalError
from ui.account_form import FieldForm
from ui.dialog_buttons import ok_cancel
from ui.i18n import translate_message
from ui.screen_fit import ScreenFitBody


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
        layout.addWidget(intro)
        self.body = ScreenFitBody(self.form)  # at 200 % on a small screen the fields scroll, the buttons stay
        layout.addWidget(self.body)
        layout.addWidget(buttons)

    def save(self) -> None:
        values = {field: self.edits[field].text() for field in self.FIELDS}
        try:
            self.service.receipts.set_payee(**values)
        except JournalError as exc:
            if not self.form.show_error(exc.field, translate_message(exc.message)):
                QMessageBox.warning(self, self.tr("Not saved"), translate_message(exc.message))
            return
        self.accept()
