"""The charts tab: consumption per zone and money per month over the last 12 or 24 months."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from desktop_app.services.changes import Changes
from desktop_app.services.overview import AccountOverview, ChartMonth
from journal.billing import BalanceInfo
from journal.records import PeriodConsumption
from journal.zones import Zone
from ui.button_row import ButtonRow
from ui.charts import BarChart, Series
from ui.texts import day_text, month_name, zone_name


class ChartsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number: str | None = None
        self.zones: tuple[Zone, ...] = ()
        self.months_kwh: list[PeriodConsumption] = []
        self.chart_months: tuple[ChartMonth, ...] = ()
        self.balance: BalanceInfo | None = None
        self.months = QComboBox()
        self.months.addItem(self.tr("Last 12 months"), 12)
        self.months.addItem(self.tr("Last 24 months"), 24)
        self.months.setAccessibleName(self.tr("Months shown"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Consumption, kWh"), "kwh")
        self.kind.addItem(self.tr("Money, ₽"), "money")
        self.kind.setAccessibleName(self.tr("What the chart shows"))
        label = QLabel(self.tr("Show:"))
        label.setBuddy(self.kind)
        self.months.currentIndexChanged.connect(self.redraw)
        self.kind.currentIndexChanged.connect(self.redraw)
        self.chart = BarChart()
        self.chart.setAccessibleName(self.tr("Chart"))
        # Why a month read or paid has no bar, in plain words, under the chart.
        self.note = QLabel("")
        self.note.setProperty("role", "hint")
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Note under the chart"))
        self.note.hide()
        top = ButtonRow()  # on two lines when the window is narrow for them
        top.addWidget(label)
        top.addWidget(self.kind)
        top.addWidget(self.months)
        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.note)

    def show_overview(self, overview: AccountOverview, changes: Changes | None = None) -> None:
        """The overview's months (desktop_app/services/overview.py decides each bar); drawn again when readings,
        prices, payments or the account changed."""
        number = overview.number
        if (changes is not None and number == self.number and not changes.accounts and not changes.prices
                and not changes.of_readings(number) and not changes.of_payments(number)):
            return
        self.number, self.zones, self.chart_months = number, overview.chart_zones, overview.chart
        self.months_kwh, self.balance = list(overview.months), overview.balance
        self.redraw()

    def periods(self, count: int) -> list[str]:
        """The last `count` billing periods, every one of them, the current one last."""
        return [month.period for month in self.chart_months[-count:]]

    def redraw(self) -> None:
        months = self.chart_months[-int(self.months.currentData()):]
        periods = [month.period for month in months]
        if self.kind.currentData() == "kwh":
            shown = [z for z in self.zones if any(m.kwh is not None and z in m.kwh for m in months)]
            series = tuple(Series(zone_name(zone), tuple(None if m.kwh is None else m.kwh.get(zone, 0)
                                                         for m in months)) for zone in shown)
            self.chart.set_data(_labels(periods), series if shown else (), self.tr("kWh"))
            notes = [self.tr("The consumption for {month} is not shown: its reading of {day} counts the months since "
                             "{since}.").format(month=month_name(m.period), day=day_text(m.gap[1]),
                                                since=day_text(m.gap[0]))
                     for m in months if m.gap is not None]
        else:
            money = any(m.charge is not None or m.paid is not None for m in months)
            self.chart.set_data(
                _labels(periods),
                (Series(self.tr("Charge"), tuple(m.charge for m in months)),
                 Series(self.tr("Paid"), tuple(m.paid for m in months)))
                if money else (),
                self.tr("₽"))
            unknown = [month_name(m.period) for m in months if m.price_unknown]
            unread = [month_name(m.period) for m in months if m.paid is not None and not m.read]
            notes = []
            if unknown:
                notes.append(self.tr("The charge for {months} is not known: a price is missing.").format(
                    months=", ".join(unknown)))
            if unread:
                notes.append(self.tr("No reading for {months}: the charge comes with the next reading.").format(
                    months=", ".join(unread)))
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))


def _labels(periods: Iterable[str]) -> tuple[str, ...]:
    """Each month under its bar in two short lines: «нояб.» over «2026»."""
    return tuple(month_name(period, short=True).replace(" ", "\n", 1) for period in periods)
