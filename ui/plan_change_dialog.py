"""Changing the tariff plan with the same meter: the new plan, the day it starts, and the meter's values that
day in the old plan's zones and in the new plan's zones (from the supplier's act or the bill)."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.journal_service import JournalService
from journal.errors import JournalError
from journal.zones import TariffPlan
from ui import operations
from ui.account_form import FieldForm, after_current_meter
from ui.date_field import DateField
from ui.dialog_buttons import ok_cancel
from ui.i18n import render
from ui.screen_fit import ScreenFitBody
from ui.texts import plan_name
from ui.zone_fields import ZoneFields


class ChangePlanDialog(QDialog):
    def __init__(self, service: JournalService, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.number = service, number
        self.current = service.account(number).plan
        today = service.today()
        self.setWindowTitle(self.tr("Change the tariff plan"))
        intro = QLabel(self.tr(
            "Now: {plan}. The supplier changes the plan from a day and writes down the meter's readings on that "
            "day, in the old zones and in the new ones. Copy them from the act or the bill. The history keeps "
            "both plans.").format(plan=plan_name(self.current)))
        intro.setWordWrap(True)
        self.form = FieldForm()
        self.plan = QComboBox()
        for plan in TariffPlan:
            if plan is not self.current:
                self.plan.addItem(plan_name(plan), plan.value)
        self.on = DateField(today, today)
        after_current_meter(self.on, service, number)
        self.old_final = ZoneFields(self.tr("Readings in the old plan"))
        self.old_final.set_plan(self.current)
        self.initial = ZoneFields(self.tr("Readings in the new plan"))
        self.form.add("plan", self.tr("New tariff plan:"), self.plan, self.tr("New tariff plan"))
        self.form.add("on", self.tr("From (date):"), self.on, self.tr("The day the new plan starts"))
        self.form.add("old-final", self.tr("Readings that day, old plan:"), self.old_final,
                      self.tr("Readings in the old plan"))
        self.form.add("initial", self.tr("Readings that day, new plan:"), self.initial,
                      self.tr("Readings in the new plan"))
        self.plan.currentIndexChanged.connect(self._plan_chosen)
        self._plan_chosen()
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # its size follows the content (an error line)
        self.body = ScreenFitBody.of(intro, self.form)  # on a small screen the fields scroll, the buttons stay
        layout.addWidget(self.body)
        layout.addWidget(ok_cancel(self, self.tr("Change the plan"), self.save))
        self.plan.setFocus()

    def _plan_chosen(self) -> None:
        self.initial.set_plan(TariffPlan(self.plan.currentData()))
        # Tab order follows the reading order: the plan, the date, the old zones, then the new ones.
        chain = [self.plan, self.on, *self.old_final.fields, *self.initial.fields]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def changed_on(self) -> date | None:
        """The day typed; None, with the reason beside the field, when it is refused."""
        return self.on.checked()

    def save(self) -> None:
        on = self.changed_on()
        if on is None:  # a refused date: nothing written
            return
        values = (self.number, self.plan.currentData(), on, self.old_final.values(), self.initial.values())
        change = self.service.change_plan
        try:
            saved = operations.write(self, operations.runner(self), lambda confirmed: change(
                *values, rollover=confirmed.rollover, confirm=confirmed.jump))
        except JournalError as exc:
            plan = self.current if (exc.field or "").startswith("old-final") else TariffPlan(self.plan.currentData())
            message = render(exc, plan.zones)  # the zones of the values it is about
            field = "on" if exc.field == "installed" else exc.field  # the new plan's start is its "installation"
            if not self.form.show_error(field, message):
                QMessageBox.warning(self, self.tr("Not saved"), message)
            return
        if saved is not None:
            self.changes = saved.changes
            self.accept()
