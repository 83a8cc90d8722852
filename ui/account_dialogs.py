"""Creating an account with its meter, editing it, and the meter replacement wizard."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app.services.changes import NOTHING, Changes
from desktop_app.services.journal_service import JournalService
from journal.errors import JournalError
from journal.zones import TariffPlan
from ui import operations
from ui.account_form import AccountForm, MeterForm, after_current_meter
from ui.dialog_buttons import ok_cancel
from ui.i18n import render
from ui.screen_fit import ScreenFitBody, room
from ui.texts import plan_name
from ui.zone_fields import ZoneFields


class NewAccountDialog(QDialog):
    """The account and its meter from the installation act, in one step."""

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.number: str | None = None
        self.setWindowTitle(self.tr("New account"))
        self.account_form = AccountForm()
        self.meter_form = MeterForm(service.today(), TariffPlan(self.account_form.plan.currentData()))
        self.meter_form.initial.follow(self.account_form.plan)  # the act's readings: a field per zone of that plan
        intro = _wrapped(self.tr("Copy these from your bill and from the meter's installation act."))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # wrapped texts and error lines get room
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(intro)
        fields_layout.addWidget(self.account_form)
        fields_layout.addWidget(QLabel(self.tr("<b>The meter</b>")))
        fields_layout.addWidget(self.meter_form)
        self.body = ScreenFitBody(fields)  # at 200 % on a small screen the fields scroll, the buttons stay
        layout.addWidget(self.body)
        buttons = ok_cancel(self, self.tr("Create"), self.create)
        layout.addWidget(buttons)
        self.account_form.number.setFocus()

    def create(self) -> None:
        a, m = self.account_form, self.meter_form
        number = a.number.text().strip()
        installed = m.installed_on()
        if installed is None:  # a refused date: its message beside it, nothing written
            return
        values = (number, a.holder.text(), a.address.text(), a.plan.currentData(), a.category.currentData(),
                  m.serial.text(), m.digits.value(), installed, m.initial.values())
        create, next_year = self.service.create_account_with_meter, m.next_year()
        try:
            done = operations.write(self, operations.runner(self), lambda _confirmed: create(
                *values, next_verification_year=next_year))
        except JournalError as exc:
            message = render(exc, TariffPlan(a.plan.currentData()).zones)
            if not (a.show_error(exc.field, message) or m.show_error(exc.field, message)):
                QMessageBox.warning(self, self.tr("Not created"), message)
            return
        self.number = number
        self.changes: Changes = done.changes if done is not None else NOTHING
        self.accept()


class EditAccountDialog(QDialog):
    def __init__(self, service: JournalService, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.number = service, number
        info = service.account(number)
        self.setWindowTitle(self.tr("Account {number}").format(number=number))
        self.form = AccountForm()
        self.form.number.setText(number)
        self.form.number.setReadOnly(True)
        self.form.holder.setText(info.holder)
        self.form.address.setText(info.address)
        self.form.plan.setCurrentIndex(self.form.plan.findData(info.plan.value))
        self.form.category.setCurrentIndex(self.form.category.findData(info.category.value))
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # wrapped texts and error lines get room
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(self.form)
        if service.meters(number):  # the plan then changes from a date, with the meter's values that day
            self.form.plan.setEnabled(False)
            note = QLabel(self.tr("The tariff plan changes from a day, with the meter's readings on that day: "
                                  "use «Change the tariff plan…» on the «Account and meter» tab."))
            note.setWordWrap(True)
            fields_layout.addWidget(note)
        self.body = ScreenFitBody(fields)  # on a small screen the fields scroll, the buttons stay
        layout.addWidget(self.body)
        buttons = ok_cancel(self, self.tr("Save"), self.save)
        layout.addWidget(buttons)

    def save(self) -> None:
        f = self.form
        values = (self.number, f.holder.text(), f.address.text(), f.plan.currentData(), f.category.currentData())
        update = self.service.update_account
        try:
            done = operations.write(self, operations.runner(self), lambda _confirmed: update(*values))
        except JournalError as exc:
            if not f.show_error(exc.field, render(exc)):
                QMessageBox.warning(self, self.tr("Not saved"), render(exc))
            return
        self.changes: Changes = done.changes if done is not None else NOTHING
        self.accept()


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _page_body(page: QWizardPage, fields: QWidget) -> None:
    """A wizard page's fields, scrolling on a small screen; the wizard's buttons stay in view."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(ScreenFitBody(fields))


class ReplaceMeterWizard(QWizard):
    """Two pages: the old meter's final values, then the new meter's act."""

    def __init__(self, service: JournalService, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.number = service, number
        self.setWindowTitle(self.tr("Meter replacement"))
        self.setMinimumWidth(min(self.fontMetrics().horizontalAdvance("M") * 36, room(self).width()))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Save the replacement"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton,
                      QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton):
            self.button(which).setAccessibleName(self.buttonText(which))
        old = QWizardPage()
        old.setTitle(self.tr("The old meter"))
        current = service.account(number).plan
        self.old_final = ZoneFields(self.tr("Final reading of the old meter"))
        self.old_final.set_plan(current)
        self.old_final.setAccessibleName(self.tr("Final readings of the old meter, one field per zone"))
        self.old_error = QLabel("")
        self.old_error.setProperty("role", "error")
        self.old_error.setWordWrap(True)
        old_fields = QWidget()
        layout = QVBoxLayout(old_fields)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_wrapped(self.tr("The final readings of the old meter, from the replacement act, by zone.")))
        layout.addWidget(self.old_final)
        layout.addWidget(self.old_error)
        layout.addStretch(1)
        _page_body(old, old_fields)
        new = QWizardPage()
        new.setTitle(self.tr("The new meter"))
        self.meter_form = MeterForm(service.today(), current)
        after_current_meter(self.meter_form.installed, service, number)
        self.plan = QComboBox()
        for plan in TariffPlan:
            self.plan.addItem(plan_name(plan), plan.value)
        self.plan.setCurrentIndex(self.plan.findData(current.value))
        # A new meter may come with a new plan; its act then gives the new plan's zones, in the fields under it.
        self.meter_form.add("plan", self.tr("Tariff plan from now on:"), self.plan,
                            self.tr("Tariff plan of the new meter"), before="initial")
        self.meter_form.initial.follow(self.plan)
        QWidget.setTabOrder(self.meter_form.installed, self.plan)  # Tab follows the rows
        QWidget.setTabOrder(self.plan, self.meter_form.initial)
        new_fields = QWidget()
        layout = QVBoxLayout(new_fields)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_wrapped(self.tr("From the new meter's installation act.")))
        layout.addWidget(self.meter_form)
        _page_body(new, new_fields)
        self.addPage(old)
        self.addPage(new)

    def accept(self) -> None:
        m = self.meter_form
        installed = m.installed_on()
        if installed is None:
            return
        values = (self.number, self.old_final.values(), m.serial.text(), m.digits.value(), installed,
                  m.initial.values())
        replace, next_year, plan = self.service.replace_meter, m.next_year(), self.plan.currentData()
        try:
            saved = operations.write(self, operations.runner(self), lambda confirmed: replace(
                *values, rollover=confirmed.rollover, confirm=confirmed.jump, next_verification_year=next_year,
                plan=plan))
        except JournalError as exc:
            old = (exc.field or "").startswith("old-final")  # the old meter's values, or the new meter's act
            plan = self.service.account(self.number).plan if old else TariffPlan(self.plan.currentData())
            message = render(exc, plan.zones)
            if old:  # the first page's values, "old-final-t2" for a zone
                self.old_error.setText(message)
                self.back()
                zone = exc.field[-1] if exc.field[-1:].isdigit() else "1"  # type: ignore[index]
                self.old_final.focus_zone(int(zone))
            elif not m.show_error(exc.field, message):
                QMessageBox.warning(self, self.tr("Not saved"), message)
            return
        if saved is not None:
            self.changes: Changes = saved.changes
            super().accept()
