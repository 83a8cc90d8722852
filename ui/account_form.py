"""Fields of an account and of a meter's installation act, with errors shown next to each field."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from desktop_app.services.journal_service import JournalService
from desktop_app.services.reading_form import reading_form
from journal.errors import JournalError
from journal.zones import ConsumerCategory, TariffPlan
from ui.date_field import DateField, after_meter_day
from ui.screen_fit import ScreenFitBody, TypicalLineEdit
from ui.texts import category_name, day_text, plan_name
from ui.theme import show_hint
from ui.zone_fields import ZoneFields


def _error_label() -> QLabel:
    label = QLabel("")
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


class FieldForm(QWidget):
    """A form whose fields have names matching the journal's error `field` values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.errors: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

    def add(self, field: str, label: str, widget: QWidget, accessible: str, *, before: str | None = None) -> None:
        """A row for `field` (and its error line under it), at the end or above the row of `before`."""
        widget.setAccessibleName(accessible)
        error = _error_label()
        error.setAccessibleName(accessible + " — " + QCoreApplication.translate("common", "error"))
        row = self.layout_.rowCount() if before is None else self.layout_.getWidgetPosition(self.widgets[before])[0]
        self.layout_.insertRow(row, label, widget)
        self.layout_.insertRow(row + 1, "", error)
        self.errors[field] = error
        self.widgets[field] = widget

    def _place(self, field: str | None) -> tuple[str, int | None]:
        """The form's field for a journal error's `field`, and the zone it names: "initial-t2" and "price-t2"
        are the second zone of "initial" and "price"; a bare "t2" or "values" is the act's readings."""
        if field in self.errors:
            return field, None  # type: ignore[return-value]
        values = "initial" if "initial" in self.errors else "values"  # a form of one zone-fields group
        zone = re.fullmatch(r"(?:(.+)-)?t(\d)", field or "")
        if zone:
            return zone.group(1) or values, int(zone.group(2))
        return (values if field == "values" else ""), None

    def show_error(self, field: str | None, message: str) -> bool:
        """Show `message` next to `field`; False if the form has no such field."""
        for error in self.errors.values():
            error.hide()
        key, zone = self._place(field)
        if key not in self.errors:
            return False
        error = self.errors[key]
        error.setText(message)
        error.show()
        # A wrapped line's height is not in the form's minimum (height-for-width); give it, and let the window
        # grow to show it whole.
        error.setMinimumHeight(error.heightForWidth(max(self.widgets[key].width(), 200)))
        widget = self.widgets[key]
        if isinstance(widget, ZoneFields) and zone:  # the zone the message is about, ready to type over
            widget.focus_zone(zone)
        else:
            widget.setFocus()
        area = ScreenFitBody.around(self)
        if area is not None:  # the fields scroll: the field and its error line come into view
            area.reveal(self.widgets[key])
            area.reveal(error)
        window = self.window()
        if window is not self and window.layout() is not None:
            window.layout().activate()
            needed = window.minimumSizeHint().expandedTo(window.sizeHint())
            if window.height() < needed.height():
                window.resize(window.width(), needed.height())
        return True


TYPICAL_ADDRESS = "г. Самара, ул. Ленина, д. 1, кв. 2"  # measured for the address line's width, never shown


class AccountForm(FieldForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = QLineEdit()
        show_hint(self.number, "050900691990")
        self.holder = QLineEdit()
        self.address = TypicalLineEdit(TYPICAL_ADDRESS)  # a whole address in view when the screen has room
        self.plan = QComboBox()
        for plan in TariffPlan:
            self.plan.addItem(plan_name(plan), plan.value)
        self.category = QComboBox()
        for category in ConsumerCategory:
            self.category.addItem(category_name(category), category.value)
        self.add("account", self.tr("Personal account number:"), self.number,
                 self.tr("Personal account number, as printed on the bill"))
        self.add("holder", self.tr("Full name:"), self.holder, self.tr("Account holder's full name"))
        self.add("address", self.tr("Address:"), self.address, self.tr("Address"))
        self.add("plan", self.tr("Tariff plan:"), self.plan, self.tr("Tariff plan"))
        self.add("category", self.tr("Home:"), self.category, self.tr("Consumer category"))


EARLIEST_INSTALLATION = date(1950, 1, 1)  # as the verification years: earlier is a typing slip
ACT_EXAMPLE = date(2025, 1, 10)  # the day shown as an example of how to type the act's day


class MeterForm(FieldForm):
    def __init__(self, today: date, plan: TariffPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.serial = QLineEdit()
        self.digits = QSpinBox()
        self.digits.setRange(4, 9)
        self.digits.setValue(6)
        # Empty, not today: the act's day is copied from the paper, and Enter on a day filled in for the person
        # stored a wrong one. The same for a replacement: the new meter's act is often recorded days later (the
        # reading dialog's «Счётчик заменили…»), and its day decides which meter each reading and price is of.
        self.installed = DateField(today)
        self.installed.require(self.tr("Type the meter's installation date from the act, for example {example}.")
                               .format(example=day_text(ACT_EXAMPLE)))
        self.installed.set_range(EARLIEST_INSTALLATION, today)
        self.initial = ZoneFields(self.tr("Reading in the installation act"))
        self.initial.set_plan(plan)
        self.next_verification = QSpinBox()
        self.next_verification.setRange(0, 2100)
        self.next_verification.setSpecialValueText(self.tr("not known"))
        self.add("serial", self.tr("Meter number:"), self.serial, self.tr("Meter serial number"))
        self.add("digits", self.tr("Black digits before the comma:"), self.digits,
                 self.tr("Number of digits before the comma"))
        self.add("installed", self.tr("Installed on (from the act):"), self.installed,
                 self.tr("Installation date from the act"))
        self.add("initial", self.tr("Readings in the act, by zone:"), self.initial,
                 self.tr("Initial readings from the installation act, one field per zone"))
        self.add("next-verification", self.tr("Next verification year:"), self.next_verification,
                 self.tr("Year of the next verification"))

    def installed_on(self) -> date | None:
        """The installation day typed; None, with the reason beside the field, when it is refused."""
        return self.installed.checked()

    def next_year(self) -> int | None:
        return self.next_verification.value() or None


def after_current_meter(field: DateField, service: JournalService, number: str) -> None:
    """A new meter or plan starts after the current meter's last reading (or its installation), up to today."""
    try:
        form = reading_form(service, number, field.today)
    except JournalError:  # no meter in use: the journal will say what is wrong
        return
    after_meter_day(field, form.previous_date, installation=form.previous_from_act)
