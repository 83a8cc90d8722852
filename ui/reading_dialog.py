"""«Передать показания»: one field per zone, the previous value beside it, consumption and the charge
updating as the person types, mistakes explained next to the field, Save writes at once — in a worker thread
(ui/operations.py): the dialog stays responsive, its values kept, while another program holds the journal.

No statement runs on the UI thread: the form (the meter, its zones, the previous readings) is read in a worker
before the dialog is built, and the estimate is counted in a worker as the person types, latest only — one
estimate at a time, the newest values counted next, a result for values no longer typed dropped."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_app.services.changes import Done
from desktop_app.services.journal_service import JournalService
from desktop_app.services.reading_form import ReadingForm, reading_form
from journal.errors import ConfirmationKind, ConfirmationRequired, JournalError
from journal.messages import Message
from journal.records import ReadingInfo
from journal.tariffs import UnknownPrice
from ui import operations
from ui.button_row import ButtonRow
from ui.confirmations import Confirmed, ask_risky, journal_question
from ui.date_field import DateField, after_meter_day
from ui.dialog_buttons import ok_button, ok_cancel
from ui.i18n import render
from ui.screen_fit import ScreenFitBody, room
from ui.tasks import CancelToken, TaskRunner
from ui.texts import day_text, money, month_name, plan_name, reading_text, zone_name


def _label(text: str, role: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class ReadingDialog(QDialog):
    saved = Signal(object)  # the Done: the ReadingInfo and the Changes
    fallback_requested = Signal(object)  # the typed values, for the SMS/phone/e-mail help
    replace_meter_requested = Signal()

    def __init__(self, service: JournalService, number: str, today: date, parent: QWidget | None = None, *,
                 tasks: TaskRunner | None = None) -> None:
        own = tasks or TaskRunner()
        # Read in a worker; NotFound (no meter in use) before any window exists.
        form = operations.read(own, lambda: reading_form(service, number, today))
        super().__init__(parent)
        self.service, self.number, self.today = service, number, today
        if tasks is None:
            own.setParent(self)
        self.tasks = own
        self.saving = False  # while the write runs in its worker
        self._estimating: CancelToken | None = None  # the estimate counted in its worker
        self._wanted: tuple[tuple[str, ...], date, bool] | None = None  # the values the estimate should be of
        self.setWindowTitle(self.tr("Submit readings"))
        self.setAccessibleName(self.tr("Submit readings"))
        self.setModal(True)
        self.form: ReadingForm = form
        em = self.fontMetrics().horizontalAdvance("M")
        self.setMinimumWidth(min(em * 46, room(self).width()))
        outer = QVBoxLayout(self)
        outer.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # as big as its texts need at any text size
        fields = QWidget()
        layout = QVBoxLayout(fields)
        layout.setContentsMargins(0, 0, 0, 0)

        self.intro = _label(self.tr("Meter {serial}. Write the black digits before the comma, without the red "
                                    "ones.").format(serial=self.form.meter.serial))
        layout.addWidget(self.intro)

        date_row = QHBoxLayout()
        date_label = QLabel(self.tr("Date of the reading:"))
        self._day = today  # the last date the field accepted: the estimate and the period follow it
        self.date_edit = DateField(today, today)
        # A day of an earlier meter is still a reading (the journal finds its meter); the first act is the limit.
        after_meter_day(self.date_edit, self.form.first_installed or self.form.meter.installed_on, installation=True)
        self.date_edit.setAccessibleName(self.tr("Date of the reading"))
        date_label.setBuddy(self.date_edit)
        date_label.setMinimumHeight(self.date_edit.edit.sizeHint().height())  # level with the field, above its message
        date_row.addWidget(date_label, 0, Qt.AlignmentFlag.AlignTop)
        date_row.addWidget(self.date_edit, 1)
        layout.addLayout(date_row)
        self.period_note = _label("", "hint")
        layout.addWidget(self.period_note)

        # The previous value beside each field on one line when the screen has room for it, else under the field
        # (a narrow screen, large text).
        metrics = self.fontMetrics()
        titles = [self.tr("{zone} ({hours})").format(zone=zone_name(f.zone), hours=f.hours) for f in self.form.fields]
        words = max((metrics.horizontalAdvance(self.previous_text(f.previous)) for f in self.form.fields), default=0)
        beside = max((metrics.horizontalAdvance(t) for t in titles), default=0) + em * 9 + words + em * 4
        narrow = beside > room(self).width()
        grid = QGridLayout()
        self.fields: list[QLineEdit] = []
        self.errors: list[QLabel] = []
        self.previous_labels: list[QLabel] = []
        for row, field in enumerate(self.form.fields):
            name = zone_name(field.zone)
            title = QLabel(titles[row])
            edit = QLineEdit()
            edit.setAccessibleName(self.tr("Reading, {zone}").format(zone=name))
            # Empty, with no hint inside: a grey number in the field looked as if it were filled in already. The
            # previous value is said in words beside it (or under it), and read out with the field.
            edit.setMaxLength(self.form.meter.digits + 2)
            edit.setMinimumWidth(em * 9)
            edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
            title.setBuddy(edit)
            previous = _label("", "hint")
            previous.setWordWrap(narrow)  # beside the field: on one line, as there is room for it
            error = _label("", "error")
            error.setAccessibleName(self.tr("Error, {zone}").format(zone=name))
            error.hide()
            grid.addWidget(title, row * 3, 0)
            grid.addWidget(edit, row * 3, 1)
            if narrow:
                grid.addWidget(previous, row * 3 + 1, 1, 1, 2)
            else:
                grid.addWidget(previous, row * 3, 2)
            grid.addWidget(error, row * 3 + 1 + narrow, 1, 1, 2)
            edit.textChanged.connect(self.update_preview)
            self.fields.append(edit)
            self.errors.append(error)
            self.previous_labels.append(previous)
        layout.addLayout(grid)

        self.rollover = QCheckBox(self.tr("Yes, the meter started again from zero"))
        self.rollover.setAccessibleName(self.tr("Confirm a rollover"))
        self.rollover.hide()
        self.rollover.toggled.connect(self.update_preview)
        layout.addWidget(self.rollover)

        self.preview = _label("")
        self.preview.setAccessibleName(self.tr("Consumption and charge"))
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.preview)

        more = ButtonRow()
        self.replace_button = QPushButton(self.tr("The meter was replaced…"))
        self.replace_button.setAccessibleName(self.tr("Record a meter replacement"))
        self.replace_button.clicked.connect(self._replace_meter)
        self.fallback_button = QPushButton(self.tr("Other ways: SMS, phone…"))
        self.fallback_button.setAccessibleName(self.tr("Other ways to submit: SMS, phone, e-mail"))
        self.fallback_button.clicked.connect(lambda: self.fallback_requested.emit(self.typed_values()))
        for button in (self.replace_button, self.fallback_button):
            button.setAutoDefault(False)
        more.addWidget(self.replace_button)
        more.addWidget(self.fallback_button)
        layout.addWidget(more)

        # The fields scroll on a small screen (a rollover's box and a field's error make them taller); Save stays.
        self.body = ScreenFitBody(fields)
        outer.addWidget(self.body)
        self.buttons = ok_cancel(self, self.tr("Save"), self.save, self.tr("Save the reading"))
        self.save_button = ok_button(self.buttons)
        outer.addWidget(self.buttons)

        self.date_edit.dateChanged.connect(self._date_changed)
        self._date_changed()
        if self.fields:
            self.fields[0].setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # On a small screen the fields scroll: the first field and the previous value under it come into view.
        QTimer.singleShot(0, self, self._first_field_in_view)

    def _first_field_in_view(self) -> None:
        if self.body.limit is not None and self.fields:
            self.body.reveal(self.previous_labels[0])
            self.body.reveal(self.fields[0])

    # --- state --------------------------------------------------------------------------------------
    def day(self) -> date:
        return self._day

    def typed_values(self) -> list[str]:
        return [f.text().strip() for f in self.fields]

    def _date_changed(self, day: date | None = None) -> None:
        self._day = day or self._day
        if self.form.day != self._day:
            self.form = self.form.on(self._day)  # from the readings read when the dialog opened
        for label, edit, field in zip(self.previous_labels, self.fields, self.form.fields, strict=True):
            label.setText(self.previous_text(field.previous))
            edit.setAccessibleDescription(label.text())
        notes = [self.tr("This reading counts for {period}.").format(period=month_name(self.form.period))]
        if self.form.after_cutoff:
            notes.append(self.tr("Readings taken after the 25th count for the next month."))
        if self.form.period_has_reading:
            notes.append(self.tr("There is already a reading for this month; saving will ask to replace it."))
        self.period_note.setText(" ".join(notes))
        self.update_preview()

    def previous_text(self, value: int) -> str:
        """The value a zone's field is compared with, in words: the last reading's, or the installation act's."""
        if self.form.previous_from_act:
            return self.tr("In the installation act: {value} on {date}").format(
                value=reading_text(value), date=day_text(self.form.previous_date))
        return self.tr("Last reading: {value} on {date}").format(
            value=reading_text(value), date=day_text(self.form.previous_date))

    def _show_error(self, index: int | None, text: str) -> None:
        for i, label in enumerate(self.errors):
            label.setVisible(i == index and bool(text))
            if i == index:
                label.setText(text)
        if index is None and text:
            self.preview.setText(text)

    def _words(self, message: Message) -> str:
        """A journal message about these values, in the window's language, the zones named."""
        return render(message, tuple(field.zone for field in self.form.fields))

    def _field_index(self, field: str | None) -> int | None:
        if field and field.startswith("t") and field[1:].isdigit():
            return int(field[1:]) - 1
        return None

    def update_preview(self) -> None:
        """What the typed values come to: said at once when a zone is empty; else counted in a worker (the line
        keeps what it said until the newest values' estimate arrives)."""
        values = self.typed_values()
        below = [int(v) < f.previous for v, f in zip(values, self.form.fields, strict=True) if v.isdigit()]
        self.rollover.setVisible(any(below))
        if not all(values):
            self._wanted = None
            self._show_error(None, "")
            self.preview.setText(self.tr("Type the reading of every zone."))
            return
        self._wanted = (tuple(values), self.day(), self.rollover.isChecked())
        if self._estimating is None:
            self._estimate(self._wanted)

    @property
    def estimating(self) -> bool:
        """True while an estimate is being counted for values typed (its line fills in once it arrives)."""
        return self._estimating is not None

    def _estimate(self, wanted: tuple[tuple[str, ...], date, bool]) -> None:
        billing, number = self.service.billing, self.number
        values, day, rollover = wanted

        def count(_token: object, _progress: object) -> object:
            try:
                return billing.estimate(number, list(values), day, rollover=rollover)
            except JournalError as exc:  # what the values come to: said beside them, as an outcome
                return exc

        self._estimating = self.tasks.run(count, lambda outcome: self._counted(wanted, outcome),
                                          lambda _error: self._counted(wanted, None))

    def _counted(self, wanted: tuple[tuple[str, ...], date, bool], outcome: object) -> None:
        if not isValid(self):
            return
        self._estimating = None
        if self._wanted is None or self.saving:  # a zone emptied since, or the values are being saved
            return
        if wanted != self._wanted:  # typed on since: only the newest values are counted
            self._estimate(self._wanted)
            return
        if outcome is not None:
            self._show_estimate(outcome)

    def done(self, result: int) -> None:
        if self._estimating is not None:  # its outcome is of no use any more
            self._estimating.cancel()
            self._estimating = None
        super().done(result)

    def _show_estimate(self, outcome: object) -> None:
        if isinstance(outcome, UnknownPrice):
            self._show_error(None, "")
            missing = outcome.missing
            self.preview.setText(self.tr(
                "The amount cannot be counted yet: the price from {day} is not known ({plan}, zone «{zone}»). "
                "The reading can be saved all the same; the price from the bill goes in Journal → Settings → Prices.").format(  # noqa: E501
                day=day_text(missing.start), plan=plan_name(missing.plan), zone=zone_name(missing.zone)))
            QTimer.singleShot(0, self, self._estimate_in_view)  # once the layout has its new line
            return
        if isinstance(outcome, ConfirmationRequired):  # below the previous value: saving asks, with the figures
            index = self._field_index(outcome.field) or 0
            source = self.tr("act") if self.form.previous_from_act else day_text(self.form.previous_date)
            self._show_error(index, self.tr(
                "Less than the previous reading, {previous} ({source}). If the meter went past all nines and "
                "started again from zero, tick the box below; otherwise please check the value.").format(
                previous=self.form.fields[index].previous, source=source))
            self.preview.setText("")
            return
        if isinstance(outcome, JournalError):
            index = self._field_index(outcome.field)
            if outcome.field == "date":  # no estimate for this day (before the last reading): said, not refused
                self._show_error(None, "")
                not_after_last = not self.form.previous_from_act and self.day() <= self.form.previous_date
                # Not after the last reading: it replaces that month's reading or goes into the history, and the
                # history counts its month once it is saved.
                self.preview.setText(self.tr("The amount for this month will be counted once the reading is saved.")
                                     if not_after_last else render(outcome))
                return
            self._show_error(index if index is not None else 0, self._words(outcome.text))
            self.preview.setText("")
            return
        self._show_error(None, "")
        self.preview.setText(self.estimate_text(outcome))
        self._grow_to_fit()
        QTimer.singleShot(0, self, self._estimate_in_view)  # once the layout has its new line

    def _estimate_in_view(self) -> None:
        """On a screen too small for the whole form (large text), the estimate line scrolled into view as it
        arrives, below the fields — the field being typed in staying in view too."""
        if self.body.limit is None or not self.isVisible():
            return
        focused = QApplication.focusWidget()
        self.body.reveal(self.preview)
        if focused is not None and self.body.widget().isAncestorOf(focused):
            self.body.reveal(focused)

    def estimate_text(self, estimate: object) -> str:
        """The line under the fields for an Estimate: each zone's kWh since the previous reading and the charge."""
        charge = estimate.charge  # type: ignore[attr-defined]
        parts = [self.tr("{zone}: {kwh} kWh").format(zone=zone_name(z.zone), kwh=z.kwh) for z in charge.zones]
        text = self.tr("Since {date}: {parts}. Estimated charge: {total}.").format(
            date=day_text(estimate.previous_date), parts="; ".join(parts),  # type: ignore[attr-defined]
            total=money(charge.total))
        if charge.warnings:
            text += "\n" + "\n".join(render(w) for w in charge.warnings)
        return text

    def _grow_to_fit(self) -> None:
        hint = self.sizeHint()
        if hint.height() > self.height() or hint.width() > self.width():
            self.resize(max(hint.width(), self.width()), max(hint.height(), self.height()))

    # --- actions ------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter saves (from any field), Esc cancels — whatever button Qt would pick as the default."""
        if self.saving:  # a key pressed while the write runs: the values stay as they were sent
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.replace_button.hasFocus() \
                and not self.fallback_button.hasFocus():
            self.save()
            return
        super().keyPressEvent(event)

    def _ask(self, question: ConfirmationRequired) -> bool:
        """The journal's question; a rollover below the installation act's figure says the act may be wrong."""
        title, text, risky = journal_question(question)
        if question.kind is ConfirmationKind.ROLLOVER and self.form.previous_from_act:
            text += "\n\n" + self.tr(
                "The previous figure is the meter's installation act, and it may itself have been typed wrong. If so, "
                "answer no and correct the act: «Account and meter» tab → «Correct the act's data…».")
        return ask_risky(self, title, text, risky)

    def save(self) -> None:
        if self.saving:
            return
        day = self.date_edit.checked()
        if day is None:  # a refused date: its message beside it, nothing saved
            return
        values, add = self.typed_values(), self.service.add_reading
        self.saving = True
        try:
            done: Done[ReadingInfo] | None = operations.write(self, self.tasks, lambda confirmed: add(
                self.number, day, values, replace=confirmed.replace, rollover=confirmed.rollover,
                confirm=confirmed.jump), given=Confirmed(rollover=self.rollover.isChecked()), ask=self._ask,
                busy=self._busy)
        except JournalError as exc:
            index = self._field_index(exc.field)
            if exc.field == "date":
                self.date_edit.show_error(render(exc))
                self.date_edit.setFocus()
            elif index is None:
                QMessageBox.warning(self, self.tr("The reading was not saved"), self._words(exc.text))
            else:
                self._show_error(index, self._words(exc.text))
                self.fields[index].setFocus()
            return
        finally:
            self.saving = False
        if done is not None:
            self.saved.emit(done)
            self.accept()

    def _busy(self, saving: bool) -> None:
        """While the write runs: the fields keep their values and take no keys, the Save button waits, and a
        wait cursor and a line say the reading is being saved (a journal busy with another program's work can
        keep it waiting for seconds)."""
        for field in self.fields:
            field.setReadOnly(saving)
        self.save_button.setEnabled(not saving)
        if saving:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
            self._preview_before = self.preview.text()
            self.preview.setText(self.tr("Saving the reading…"))
        else:
            QApplication.restoreOverrideCursor()
            if self.preview.text() == self.tr("Saving the reading…"):
                self.preview.setText(self._preview_before)

    def may_discard(self) -> bool:
        """True when nothing is typed, or the person deliberately chose to throw the typed values away (Enter,
        Esc and the window's × keep them)."""
        return not any(self.typed_values()) or ask_risky(
            self, self.tr("Close the window?"), self.tr("Close the window? The readings you typed will not be saved."),
            self.tr("&Yes, close"), name=self.tr("Yes, close the window without saving"))

    def reject(self) -> None:
        """Esc, Cancel and the window's × close at once when nothing is typed, else only after a deliberate yes."""
        if not self.saving and self.may_discard():
            super().reject()

    def _replace_meter(self) -> None:
        if self.may_discard():
            self.replace_meter_requested.emit()
            super().reject()
