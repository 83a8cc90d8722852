"""The accounts tab: accounts and their meters, verification years, add/edit, the act corrected, meter replacement,
plan change."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from desktop_app.services.changes import Changes
from desktop_app.services.overview import AccountOverview
from ui.button_row import ButtonRow
from ui.texts import category_name, day_text, plan_name, zone_values


class AccountsView(QWidget):
    add_requested = Signal()
    edit_requested = Signal()
    replace_requested = Signal()
    plan_change_requested = Signal()
    act_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number: str | None = None
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Account and meter details"))
        add = QPushButton(self.tr("Add an account…"))
        add.setAccessibleName(self.tr("Add an account"))
        edit = QPushButton(self.tr("Edit this account…"))
        edit.setAccessibleName(self.tr("Edit this account"))
        replace = QPushButton(self.tr("Replace the meter…"))
        replace.setAccessibleName(self.tr("Record a meter replacement"))
        add.clicked.connect(self.add_requested)
        edit.clicked.connect(self.edit_requested)
        plan = QPushButton(self.tr("Change the tariff plan…"))
        plan.setAccessibleName(self.tr("Change the tariff plan, keeping the meter"))
        replace.clicked.connect(self.replace_requested)
        plan.clicked.connect(self.plan_change_requested)
        act = QPushButton(self.tr("Correct the act's data…"))
        act.setAccessibleName(self.tr("Correct the installation act typed wrong"))
        act.clicked.connect(self.act_requested)
        buttons = ButtonRow()  # on as many lines as the width needs: their texts stay whole at 200 % text size
        for button in (add, edit, act, replace, plan):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Account and meters:")))
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def show_overview(self, overview: AccountOverview, changes: Changes | None = None) -> None:
        """The account and its meters; drawn again only when they changed (or another account is shown)."""
        if changes is not None and overview.number == self.number and not changes.accounts:
            return
        self.number = overview.number
        account = overview.account
        lines = [
            "<h3>" + self.tr("Personal account {number}").format(number=account.number) + "</h3>",
            f"<p>{account.holder}<br>{account.address}</p>",
            "<p>" + self.tr("Tariff plan: {plan}").format(plan=plan_name(account.plan)) + "<br>"
            + self.tr("Home: {category}").format(category=category_name(account.category)) + "</p>",
        ]
        year = overview.today.year
        for meter in reversed(overview.meters):
            state = self.tr("in use") if meter.active else self.tr("until {date}").format(
                date=day_text(meter.removed_on) if meter.removed_on else "")
            due = ""
            if meter.active and meter.next_verification_year:
                due = self.tr("next verification: {year}").format(year=meter.next_verification_year)
                if meter.next_verification_year <= year:
                    due = "<b>⚠ " + due + " — " + self.tr("it is due: call the supplier") + "</b>"
            lines.append(
                "<p><b>" + self.tr("Meter {serial}").format(serial=meter.serial) + f"</b> ({state})<br>"
                + self.tr("Tariff plan: {plan}").format(plan=plan_name(meter.plan)) + "<br>"
                + (self.tr("{digits} digits before the comma; this plan from {date}, readings that day {values}")
                   if (meter.serial, meter.installed_on) in overview.plan_changes else
                   self.tr("{digits} digits before the comma; installed {date}; act readings {values}")).format(
                    digits=meter.digits, date=day_text(meter.installed_on),
                    values=zone_values(meter.initial, meter.plan.zones))
                + (f"<br>{due}" if due else "") + "</p>")
        self.details.setHtml("".join(lines))
