"""Correcting a reading in the history: one field per zone of its plan, filled with the values stored."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QLayout, QMessageBox, QVBoxLayout, QWidget

from desktop_app.services.journal_service import JournalService
from journal.errors import JournalError
from journal.records import HistoryRow
from ui import operations
from ui.account_form import FieldForm
from ui.dialog_buttons import ok_cancel
from ui.i18n import render
from ui.screen_fit import ScreenFitBody
from ui.zone_fields import ZoneFields


class CorrectReadingDialog(QDialog):
    """Saves through the journal's questions; a wrong value is explained next to its zone, the typed values stay."""

    def __init__(self, service: JournalService, number: str, row: HistoryRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.number, self.row = service, number, row
        self.setWindowTitle(self.tr("Correct a reading"))
        intro = QLabel(self.tr("The reading of {date}. Type the right values, whole kWh as the meter shows them "
                               "before the comma.").format(date=row.taken_on.strftime("%d.%m.%Y")))
        intro.setWordWrap(True)
        self.values = ZoneFields(self.tr("Corrected reading"))
        self.values.set_plan(row.plan)
        for field, value in zip(self.values.fields, row.values, strict=True):
            field.setText(str(value))
        self.form = FieldForm()
        self.form.add("values", self.tr("Readings, by zone:"), self.values,
                      self.tr("Corrected readings, one field per zone"))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # an error line gets room
        self.body = ScreenFitBody.of(intro, self.form)  # on a small screen the fields scroll, the buttons stay
        layout.addWidget(self.body)
        layout.addWidget(ok_cancel(self, self.tr("Save the correction"), self.save))
        self.values.focus_zone(1)

    def save(self) -> None:
        values = (self.number, self.row.reading_id, self.row.taken_on, self.values.values())
        correct = self.service.edit_reading
        try:
            saved = operations.write(self, operations.runner(self), lambda confirmed: correct(
                *values, rollover=confirmed.rollover, confirm=confirmed.jump))
        except JournalError as exc:
            message = render(exc, self.row.plan.zones)
            if not self.form.show_error(exc.field, message):
                QMessageBox.warning(self, self.tr("Not saved"), message)
            return
        if saved is not None:
            self.changes = saved.changes
            self.accept()
