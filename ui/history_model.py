"""The history as a Qt model: readings at once, money per period when the background pass brings it.

Rows are plain records from the service; the model computes nothing but display text, so a history of
100,000 readings opens fast and scrolls smoothly.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from journal.records import HistoryRow
from journal.zones import Zone
from ui.texts import day_text, money, month_name, status_name, zone_name

if TYPE_CHECKING:  # the first screen shows the history before SQLAlchemy is imported (ui/first_screen.py)
    from journal.billing import BalanceInfo, BalanceRow

Index = QModelIndex | QPersistentModelIndex

# The roles `data` answers, as plain numbers: a table's delegate asks about eight roles of every cell it measures or
# paints, and Qt's enum members are slow to look up and compare (the first screen's column widths, ui/first_screen.py).
_DISPLAY, _FONT, _ALIGNMENT, _USER, _TOOLTIP = (int(role.value) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.UserRole, Qt.ItemDataRole.ToolTipRole))
_ANSWERED = frozenset((_DISPLAY, _FONT, _ALIGNMENT, _USER, _TOOLTIP))
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


def _two_lines(text: str) -> str:
    """«сентябрь 2026» as «сентябрь» over «2026»; «долг 10 236,55 ₽» as «долг» over the sum (kept whole)."""
    return text.replace(" ", "\n", 1)


class HistoryModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[HistoryRow] = []
        self.zones: tuple[Zone, ...] = ()
        self.balance: dict[str, BalanceRow] = {}
        self.portal_status: dict[int, str] = {}  # reading id → the submission's state, in words
        self.billed: dict[str, object] = {}  # period → BilledComparison from the supplier's data
        self.plan_changes: set[tuple[str, date | None]] = set()
        self._last_in_period: set[int] = set()
        self._italic = QFont()
        self._italic.setItalic(True)
        # Narrow (large text, a small screen): a month and a balance on two lines, readings titled by their zone.
        self.compact = False

    def set_compact(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.compact = compact
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1))

    def set_history(self, zones: tuple[Zone, ...], rows: list[HistoryRow],
                    plan_changes: set[tuple[str, date | None]] | None = None) -> None:
        """`zones` are the account's current plan's; after a plan change the older plan's zones follow them, and
        a reading fills only its own plan's columns. `plan_changes`: (serial, day) of each tariff plan change,
        whose final reading says so rather than "meter replaced"."""
        self.beginResetModel()
        self.plan_changes = plan_changes or set()
        self.zones = tuple(dict.fromkeys((*zones, *(zone for plan in {r.plan: None for r in rows}
                                                    for zone in plan.zones))))
        # Newest first; of the same date, the reading in force above the ones it replaced.
        self.rows = sorted(rows, key=lambda r: (r.taken_on, r.consumption is not None, r.reading_id), reverse=True)
        self.balance = {}
        last: dict[str, int] = {}
        for position, row in enumerate(self.rows):
            if row.consumption is not None and row.period not in last:
                last[row.period] = position
        self._last_in_period = set(last.values())
        self.endResetModel()

    def set_balance(self, info: BalanceInfo) -> None:
        self.balance = {row.period: row for row in info.rows}
        if self.rows:
            first = self.money_column()
            self.dataChanged.emit(self.index(0, first), self.index(len(self.rows) - 1, first + 2))

    def set_portal(self, statuses: dict[int, str], billed: dict[str, object]) -> None:
        self.portal_status, self.billed = statuses, billed
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1))

    def money_column(self) -> int:
        return 3 + 2 * len(self.zones)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.money_column() + 4

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        n = len(self.zones)
        if section == 0:
            return self.tr("Month")
        if section == 1:
            return self.tr("Date")
        if section == 2:
            return self.tr("Meter")
        if section < 3 + n:
            if self.compact:  # above the readings: the zone is enough, the kWh columns say «кВт·ч»
                return zone_name(self.zones[section - 3])
            return self.tr("Reading\n{zone}").format(zone=zone_name(self.zones[section - 3]))
        if section < 3 + 2 * n:
            return self.tr("kWh\n{zone}").format(zone=zone_name(self.zones[section - 3 - n]))
        return [self.tr("Charge"), self.tr("Paid"), self.tr("Balance"), self.tr("Note")][section - 3 - 2 * n]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        position = index.row()
        row = self.rows[position]
        column = index.column()
        if role == _DISPLAY:
            return self._text(position, row, column)
        if role == _FONT:
            return self._italic if row.consumption is None else None
        if role == _ALIGNMENT:
            return _RIGHT if 3 <= column < self.money_column() + 3 else None
        if role == _USER:
            return row
        if column == self.columnCount() - 1:  # the tool tip
            return self._note(row) or None  # the whole note, however narrow its column
        return None

    def _text(self, position: int, row: HistoryRow, column: int) -> str:
        n = len(self.zones)
        if column == 0:
            return _two_lines(month_name(row.period)) if self.compact else month_name(row.period)
        if column == 1:
            return day_text(row.taken_on)
        if column == 2:
            return row.meter_serial
        if column < 3 + 2 * n:
            zones = row.plan.zones
            zone = self.zones[(column - 3) % n]
            if zone not in zones:
                return ""  # a zone of the other plan, before or after a plan change
            if column < 3 + n:
                return str(row.values[zones.index(zone)])
            return "—" if row.consumption is None else str(row.consumption[zones.index(zone)])
        kind = column - 3 - 2 * n
        if kind == 3:
            return self._note(row)
        balance = self.balance.get(row.period)
        if balance is None or position not in self._last_in_period:
            return ""
        if kind == 0:
            return money(balance.charge) if balance.charge is not None else self.tr("price unknown")
        if kind == 1:
            return money(balance.payments) if balance.payments else ""
        amount = money(abs(balance.balance)).replace(" ", "\u00a0")  # a sum never broken across lines
        if balance.balance > 0:
            text = self.tr("{amount} due").format(amount=amount)
        elif balance.balance < 0:
            text = self.tr("{amount} ahead").format(amount=amount)
        else:
            text = amount
        text += "" if balance.complete else "\u00a0*"
        return _two_lines(text) if self.compact else text

    def _note(self, row: HistoryRow) -> str:
        notes = []
        if row.reading_id in self.portal_status and row.consumption is not None:
            notes.append(self.portal_status[row.reading_id])
        comparison = self.billed.get(row.period)
        if comparison is not None and row.consumption is not None and getattr(comparison, "billed", None) is not None:
            billed = money(comparison.billed)  # type: ignore[attr-defined]
            if comparison.flag:  # type: ignore[attr-defined]
                notes.append(self.tr("⚠ supplier's bill {amount}: differs by over 1 %").format(amount=billed))
            else:
                notes.append(self.tr("supplier's bill {amount}").format(amount=billed))
        if row.status != "active":
            notes.append(status_name(row.status))
        if row.rollover:
            notes.append(self.tr("rollover"))
        if row.is_final and (row.meter_serial, row.taken_on) in self.plan_changes:
            notes.append(self.tr("final reading, tariff plan changed"))
        elif row.is_final:
            notes.append(self.tr("final reading, meter replaced"))
        return ", ".join(notes)

    def row_at(self, position: int) -> HistoryRow | None:
        return self.rows[position] if 0 <= position < len(self.rows) else None
