"""Correcting the installation act of the meter in use when it was typed wrong: its number, digits, installation
day and readings, prefilled with the act as the journal has it (the act's fields of ui.account_form.MeterForm)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QLabel, QLayout, QMessageBox, QVBoxLayout, QWidget

from desktop_app.services.changes import NOTHING, Changes
from desktop_app.services.journal_service import JournalService
from journal.errors import JournalError
from journal.meters import meter_in_use
from ui import operations
from ui.account_form import MeterForm
from ui.dialog_buttons import ok_cancel
from ui.i18n import render
from ui.screen_fit import ScreenFitBody


class CorrectActDialog(QDialog):
    def __init__(self, service: JournalService, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.number = service, number
        self.changes: Changes = NOTHING
        self.meter = meter_in_use(service.meters(number), number)
        self.setWindowTitle(self.tr("Correct the installation act"))
        intro = QLabel(self.tr(
            "If something from the meter's installation act was typed wrong, correct it here. The consumption of "
            "the readings is counted again from the corrected act; «Undo last change» takes the correction back."))
        intro.setWordWrap(True)
        self.form = MeterForm(service.today(), self.meter.plan)
        for widget in (self.form.widgets["next-verification"], self.form.errors["next-verification"]):
            self.form.layout_.setRowVisible(widget, False)  # not part of the act
        self.form.serial.setText(self.meter.serial)
        self.form.digits.setValue(self.meter.digits)
        self.form.installed.set_date(self.meter.installed_on)
        for field, value in zip(self.form.initial.fields, self.meter.initial, strict=True):
            field.setText(str(value))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # its size follows the content (an error line)
        self.body = ScreenFitBody.of(intro, self.form)  # on a small screen the fields scroll, the buttons stay
        layout.addWidget(self.body)
        layout.addWidget(ok_cancel(self, self.tr("Save the corrected act"), self.save))
        self.form.initial.fields[0].setFocus()  # the act's readings: the most likely typing slip

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # On a small screen the fields scroll: the act's readings, focused, come into view once laid out.
        QTimer.singleShot(0, lambda: self.body.reveal(self.form.initial))

    def save(self) -> None:
        f = self.form
        installed = f.installed_on()
        if installed is None:  # a refused date: its message beside it, nothing written
            return
        number, serial, digits, values = self.number, f.serial.text(), f.digits.value(), f.initial.values()
        correct = self.service.correct_act
        try:
            done = operations.write(self, operations.runner(self), lambda _confirmed: correct(
                number, serial=serial, digits=digits, installed_on=installed, initial=values))
        except JournalError as exc:
            message = render(exc, self.meter.plan.zones)
            if not f.show_error(exc.field, message):
                QMessageBox.warning(self, self.tr("Not saved"), message)
            return
        if done is not None:
            self.changes = done.changes
            self.accept()
