"""The charts tab: consumption per zone and money per month over the last 12 or 24 months."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from journal.billing import BalanceInfo
from journal.history import monthly_consumption
from journal.records import HistoryRow, PeriodConsumption
from journal.zones import Zone
from ui.button_row import ButtonRow
from ui.charts import BarChart, Series
from ui.texts import month_name, zone_name


class ChartsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zones: tuple[Zone, ...] = ()
        self.months_kwh: list[PeriodConsumption] = []
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
        top = ButtonRow()  # on two lines when the window is narrow for them
        top.addWidget(label)
        top.addWidget(self.kind)
        top.addWidget(self.months)
        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(self.chart, 1)

    def load(self, zones: tuple[Zone, ...], rows: list[HistoryRow]) -> None:
        """The history the history tab already read: consumption per month is summed from it, not read again.
        `zones` are the current plan's; months before a plan change bring their own zones."""
        self.months_kwh, self.balance = monthly_consumption(rows), None
        self.zones = tuple(dict.fromkeys((*zones, *(z for month in self.months_kwh for z in month.zones))))
        self.redraw()

    def set_balance(self, balance: BalanceInfo) -> None:
        self.balance = balance
        self.redraw()

    def redraw(self) -> None:
        count = int(self.months.currentData())
        if self.kind.currentData() == "kwh":
            months = self.months_kwh[-count:]
            shown = [z for z in self.zones if any(z in m.zones for m in months)] if months else list(self.zones)
            per_zone = [dict(zip(m.zones, m.consumption, strict=True)) for m in months]
            series = tuple(Series(zone_name(zone), tuple(kwh.get(zone, 0) for kwh in per_zone)) for zone in shown)
            self.chart.set_data(_labels(m.period for m in months), series, self.tr("kWh"))
        else:
            rows = [r for r in (self.balance.rows if self.balance else ()) if r.charge is not None][-count:]
            self.chart.set_data(
                _labels(r.period for r in rows),
                (Series(self.tr("Charge"), tuple(r.charge or 0 for r in rows)),
                 Series(self.tr("Paid"), tuple(r.payments for r in rows))),
                self.tr("₽"))


def _labels(periods: Iterable[str]) -> tuple[str, ...]:
    """Each month under its bar in two short lines: «нояб.» over «2026»."""
    return tuple(month_name(period, short=True).replace(" ", "\n", 1) for period in periods)
