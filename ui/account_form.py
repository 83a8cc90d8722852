"""Fields of an account and of a meter's installation act, with errors shown next to each field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from desktop_app.services.journal_service import JournalService
from desktop_app.services.reading_form import reading_form
from journal.errors import JournalError
from journal.zones import ConsumerCategory, TariffPlan
from ui.date_field import DateField, after_meter_day
from ui.screen_fit import ScreenFitBody
from ui.texts import category_name, plan_name


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

    def add(self, field: str, label: str, widget: QWidget, accessible: str) -> None:
        widget.setAccessibleName(accessible)
        self.layout_.addRow(label, widget)
        error = _error_label()
        error.setAccessibleName(accessible + " — " + QCoreApplication.translate("common", "error"))
        self.layout_.addRow("", error)
        self.errors[field] = error
        self.widgets[field] = widget

    def show_error(self, field: str | None, message: str) -> bool:
        """Show `message` next to `field`; False if the form has no such field."""
        for error in self.errors.values():
            error.hide()
        key = field if field in self.errors else {"values": "initial", "t1": "initial", "t2": "initial",
                                                   "t3": "initial"}.get(field or "", "")
        if key not in self.errors:
            return False
        error = self.errors[key]
        error.setText(message)
        error.show()
        # A wrapped line's height is not in the form's minimum (height-for-width); give it, and let the window
        # grow to show it whole.
        error.setMinimumHeight(error.heightForWidth(max(self.widgets[key].width(), 200)))
        self.widgets[key].setFocus()
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


class AccountForm(FieldForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = QLineEdit()
        self.number.setPlaceholderText("050900691990")
        self.holder = QLineEdit()
        self.address = QLineEdit()
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


class MeterForm(FieldForm):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.serial = QLineEdit()
        self.digits = QSpinBox()
        self.digits.setRange(4, 9)
        self.digits.setValue(6)
        self.installed = DateField(today, today)
        self.installed.set_range(EARLIEST_INSTALLATION, today)
        self.initial = QLineEdit()
        self.initial.setPlaceholderText(self.tr("e.g. 1250 or 1250,630"))
        self.next_verification = QSpinBox()
        self.next_verification.setRange(0, 2100)
        self.next_verification.setSpecialValueText(self.tr("not known"))
        self.add("serial", self.tr("Meter number:"), self.serial, self.tr("Meter serial number"))
        self.add("digits", self.tr("Black digits before the comma:"), self.digits,
                 self.tr("Number of digits before the comma"))
        self.add("installed", self.tr("Installed on (from the act):"), self.installed,
                 self.tr("Installation date from the act"))
        self.add("initial", self.tr("Readings in the act, by zone:"), self.initial,
                 self.tr("Initial readings from the installation act, separated by commas"))
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
    except (JournalError, StopIteration):  # no meter in use: the journal will say what is wrong
        return
    after_meter_day(field, form.previous_date, installation=form.previous_from_act)
