"""The charts tab: consumption per zone and money per month over the last 12 or 24 months."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from journal.billing import BalanceInfo
from journal.history import monthly_consumption
from journal.periods import Period, period_of
from journal.records import HistoryRow, PeriodConsumption
from journal.zones import Zone
from ui.button_row import ButtonRow
from ui.charts import BarChart, Series
from ui.texts import month_name, zone_name

ONE_MONTH_AT_MOST = 45  # days between a month's first and last reading: more is a gap of months, not a month


class ChartsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zones: tuple[Zone, ...] = ()
        self.months_kwh: list[PeriodConsumption] = []
        self.balance: BalanceInfo | None = None
        self.today: date | None = None
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

    def load(self, zones: tuple[Zone, ...], rows: list[HistoryRow], today: date | None = None) -> None:
        """The history the history tab already read: consumption per month is summed from it, not read again.
        `zones` are the current plan's; months before a plan change bring their own zones. The months shown end
        with the billing period of `today` (without it, with the last one that has readings)."""
        self.months_kwh, self.balance, self.today = monthly_consumption(rows), None, today
        self.zones = tuple(dict.fromkeys((*zones, *(z for month in self.months_kwh for z in month.zones))))
        self.redraw()

    def set_balance(self, balance: BalanceInfo) -> None:
        self.balance = balance
        self.redraw()

    def periods(self, count: int) -> list[str]:
        """The last `count` billing periods, every one of them, the current one last."""
        known = [m.period for m in self.months_kwh] + [r.period for r in (self.balance.rows if self.balance else ())]
        if self.today is not None:
            last = period_of(self.today)
        elif known:
            last = Period.parse(max(known))
        else:
            return []
        shown = [last]
        while len(shown) < count:
            shown.append(shown[-1].previous())
        return [str(period) for period in reversed(shown)]

    def redraw(self) -> None:
        periods = self.periods(int(self.months.currentData()))
        if self.kind.currentData() == "kwh":
            # A month's bar is its own consumption: a period whose readings span a gap of months has none (it is
            # not one month's), nor has a month without readings.
            months = {m.period: m for m in self.months_kwh
                      if (m.last_date - m.first_date).days <= ONE_MONTH_AT_MOST}
            per_zone = [dict(zip(months[p].zones, months[p].consumption, strict=True)) if p in months else None
                        for p in periods]
            shown = [z for z in self.zones if any(kwh is not None and z in kwh for kwh in per_zone)]
            series = tuple(Series(zone_name(zone), tuple(None if kwh is None else kwh.get(zone, 0)
                                                         for kwh in per_zone)) for zone in shown)
            self.chart.set_data(_labels(periods), series if shown else (), self.tr("kWh"))
        else:
            rows = {r.period: r for r in (self.balance.rows if self.balance else ()) if r.charge is not None}
            charged = any(p in rows for p in periods)
            self.chart.set_data(
                _labels(periods),
                (Series(self.tr("Charge"), tuple(rows[p].charge if p in rows else None for p in periods)),
                 Series(self.tr("Paid"), tuple(rows[p].payments if p in rows else None for p in periods)))
                if charged else (),
                self.tr("₽"))


def _labels(periods: Iterable[str]) -> tuple[str, ...]:
    """Each month under its bar in two short lines: «нояб.» over «2026»."""
    return tuple(month_name(period, short=True).replace(" ", "\n", 1) for period in periods)
