"""The history tab: the table, with edit, delete and undo. It draws the account's overview
(desktop_app/services/overview.py) and reads nothing itself; its writes run in a worker (ui/operations.py) and
report their Changes with `changed`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.errors import JournalError
from journal.records import HistoryRow
from journal.zones import Zone
from ui import operations
from ui.button_row import ButtonRow
from ui.confirmations import Confirmed, ask_risky, leave_it
from ui.history_model import HistoryModel
from ui.i18n import render
from ui.tasks import TaskRunner
from ui.texts import day_text, month_name, plan_name, zone_name, zone_values

if TYPE_CHECKING:  # the first screen shows this view before SQLAlchemy is imported (ui/first_screen.py)
    from desktop_app.services.changes import Changes, Done
    from desktop_app.services.journal_service import JournalService
    from desktop_app.services.overview import AccountOverview
    from journal.billing import BalanceInfo
    from journal.records import ReadingInfo
    from journal.tariffs import MissingPrice


class HistoryView(QWidget):
    changed = Signal(object)  # the Changes of a correction, a deletion or an undo
    balance_loaded = Signal(object)  # the BalanceInfo, for the other tabs
    price_requested = Signal(object)  # the first MissingPrice: open Settings → Prices there
    price_lookup_requested = Signal()  # «Узнать цены на сайте поставщика», beside «Ввести цену из квитанции…»
    told = Signal(str)  # what an undo did, in words, for the status line (after its Changes)

    def __init__(self, service: JournalService | None, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.tasks = service, tasks
        self.number: str | None = None
        self.left_out: list[int] = []  # the columns left out for the table's width
        self.model = HistoryModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("History of readings"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setAccessibleName(self.tr("Column titles"))
        self.table.verticalHeader().setAccessibleName(self.tr("Row numbers"))
        # Sized to the contents once per load, from the first 100 rows: re-measuring 100,000 rows at every
        # layout pass is what makes a long history slow.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setResizeContentsPrecision(100)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # What was just saved (a reading typed in «Передать показания»), in words, above the table; its row selected.
        self.confirmation = QLabel("")
        self.confirmation.setProperty("role", "success")
        self.confirmation.setWordWrap(True)
        self.confirmation.setAccessibleName(self.tr("Saved"))
        self.confirmation.hide()
        self._expected: int | None = None  # the reading saved, to select once the overview shows it
        # What the columns left out on a narrow window say of the row chosen (the newest, until one is chosen).
        self.details = QLabel("")
        self.details.setWordWrap(True)
        self.details.setAccessibleName(self.tr("The chosen row's columns not shown"))
        self.details.hide()
        self._widths: dict[bool, dict[int, int]] = {}  # natural column widths, plain and compact, per load
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.model.dataChanged.connect(lambda *_: self._show_details())
        self.status = QLabel("")
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Note under the history"))
        self.missing: MissingPrice | None = None
        self.price_button = QPushButton(self.tr("Enter the price from the bill…"))
        self.price_button.setAccessibleName(self.tr("Enter the missing price from the bill"))
        self.price_button.clicked.connect(lambda: self.price_requested.emit(self.missing))
        self.price_button.hide()
        self.lookup_button = QPushButton(self.tr("Look up the prices on the supplier's site"))
        self.lookup_button.setAccessibleName(self.tr("Look up the unknown prices on the supplier's site"))
        self.lookup_button.clicked.connect(self.price_lookup_requested.emit)
        self.lookup_button.hide()
        self.edit_button = QPushButton(self.tr("Correct…"))
        self.edit_button.setAccessibleName(self.tr("Correct the selected reading"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setAccessibleName(self.tr("Delete the selected reading"))
        self.undo_button = QPushButton(self.tr("Undo last change"))
        self.undo_button.setAccessibleName(self.tr("Undo the last change"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo)
        # Above the table, on as many lines as the width needs: on a small screen at large text they are in view
        # with the table's first rows.
        buttons = ButtonRow()
        for button in (self.edit_button, self.delete_button, self.undo_button):
            buttons.addWidget(button)
        price_row = QHBoxLayout()  # under the note about a missing price; takes no room while hidden
        price_row.addWidget(self.price_button)
        price_row.addStretch(1)
        lookup_row = QHBoxLayout()  # right under it: side by side the two are cut at 150 % text on a laptop
        lookup_row.addWidget(self.lookup_button)
        lookup_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(buttons)
        layout.addWidget(self.confirmation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.status)
        layout.addLayout(price_row)
        layout.addLayout(lookup_row)

    def show_overview(self, overview: AccountOverview, changes: Changes | None = None) -> None:
        """Draw the account's overview; with `changes`, the table is built again only when its readings or the
        account changed (money, submissions and the supplier's bills are filled into the rows it has)."""
        number = overview.number
        drawn = False
        if number != self.number or (changes is not None and changes.of_readings(number)
                                     and self._expected is None):
            self.confirmation.hide()  # another account, or its readings changed since: the line is no longer news
        if changes is None or number != self.number or changes.accounts or changes.of_readings(number):
            self.number = number
            drawn = self.show_rows(overview.account.zones, list(overview.rows), set(overview.plan_changes))
        self.model.set_portal(self._states(overview), {c.period: c for c in overview.billed})
        self._balance_ready(overview.balance)
        if not self.model.rows:
            self.status.setText(self._none_yet(overview))
        if drawn:
            self.fit_columns(measure=range(self.model.columnCount()))
        else:  # the readings' columns did not change: the money's alone measured again
            self.fit_columns(measure=range(self.model.money_column(), self.model.columnCount()))
        if self._expected is not None:
            self._select_reading(self._expected)
        self.balance_loaded.emit(overview.balance)

    def _none_yet(self, overview: AccountOverview) -> str:
        """An empty history says where the installation act's values are: they are the first readings, though not
        rows of the table."""
        meter = next((m for m in reversed(overview.meters) if m.active), None)
        if meter is None:
            return self.tr("No readings yet.")
        return self.tr("No readings yet. The starting readings from the installation act: {values} on {date}.").format(
            values=zone_values(meter.initial, meter.plan.zones), date=day_text(meter.installed_on))

    def saved(self, reading_id: int, words: str) -> None:
        """A reading was just saved: `words` say so above the table, and its row is selected and scrolled into
        view once the overview that holds it is drawn (the window reads it after the save's Changes)."""
        self.confirmation.setText("✓ " + words)
        self.confirmation.show()
        self._expected = reading_id

    def _select_reading(self, reading_id: int) -> None:
        for position, row in enumerate(self.model.rows):
            if row.reading_id == reading_id:
                self._expected = None
                self.table.selectRow(position)
                self.table.scrollTo(self.model.index(position, 0))
                return

    def show_rows(self, zones: tuple[Zone, ...], rows: list[HistoryRow],
                  plan_changes: set[tuple[str, date]]) -> bool:
        """The readings in the table (the money follows from the overview); False when the same rows were shown
        already, left as they are, column widths and all: the first screen's rows, read while the journal opened
        (ui/first_screen.py), are not painted again when the overview comes."""
        model = self.model
        if model.rows and (zones, plan_changes) == (model.zones[:len(zones)], model.plan_changes) \
                and sorted(rows) == sorted(model.rows):
            return False
        model.set_history(zones, rows, plan_changes)
        # The meter's number only when there were several (a replacement): its column leaves room for the note.
        self.table.setColumnHidden(2, len({row.meter_serial for row in self.model.rows}) <= 1)
        self._row_heights()
        return True

    def _row_heights(self) -> None:
        lines = 2 if self.model.compact else 1
        row = int(self.fontMetrics().height() * (lines + 0.7))
        self.table.verticalHeader().setDefaultSectionSize(row)
        # Never squeezed to nothing: the column titles (two lines) and three readings stay in view.
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() + 3 * row
                                    + self.table.horizontalScrollBar().sizeHint().height() + 4)

    # Left out, in this order, while the columns are wider than the table: the month, the readings and the balance
    # stay; what is left out is written under the table for the chosen row.
    LEFT_OUT_FIRST = ("note", "meter", "date", "paid", "kwh", "charge")

    def _columns(self) -> dict[str, list[int]]:
        n, money = len(self.model.zones), self.model.money_column()
        return {"date": [1], "meter": [2], "kwh": list(range(3 + n, money)), "charge": [money],
                "paid": [money + 1], "note": [money + 3]}

    def _natural(self, compact: bool) -> dict[int, int]:
        """Each column's width for its title and its cells (the first 100 rows, as resizeColumnsToContents measures
        them), plain or compact; measured once per load."""
        widths = self._widths.setdefault(compact, {})
        missing = [column for column in range(self.model.columnCount()) if column not in widths]
        if missing:
            self.model.set_compact(compact)
            header = self.table.horizontalHeader()
            for column in missing:
                widths[column] = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
        return widths

    def fit_columns(self, measure: Iterable[int] = ()) -> None:
        """The columns in the table's width, never a sum or a reading cut: first as they are, the note taking the
        width left (cut with «…», whole in its tool tip); else a month and a balance on two lines, the readings
        titled by their zone alone; else columns left out (LEFT_OUT_FIRST), what they say written under the table.
        `measure`: the columns whose cells changed, measured again."""
        model, header = self.model, self.table.horizontalHeader()
        for column in measure:
            for widths in self._widths.values():
                widths.pop(column, None)
        if not model.rows:
            self.details.hide()
            return
        several_meters = len({row.meter_serial for row in model.rows}) > 1
        room = (self.table.width() - 2 * self.table.frameWidth()
                - self.table.verticalScrollBar().sizeHint().width())
        note_least = 8 * self.table.fontMetrics().averageCharWidth()
        groups = self._columns()
        left_out: list[str] = [] if several_meters else ["meter"]
        compact = False
        for compact in (False, True):
            widths = self._natural(compact)
            left_out = [] if several_meters else ["meter"]
            for kind in (None, *self.LEFT_OUT_FIRST):
                if kind is not None and kind not in left_out:
                    left_out.append(kind)
                shown = [c for c in range(model.columnCount())
                         if not any(c in groups[k] for k in left_out)]
                needed = sum(widths[c] for c in shown if c not in groups["note"])
                needed += note_least if "note" not in left_out else 0
                if needed <= room:
                    break
                if not compact and kind is None:
                    break  # plain: all or nothing; compact leaves columns out
            if needed <= room:
                break
        model.set_compact(compact)
        widths = self._natural(compact)
        for column in range(model.columnCount()):
            hidden = any(column in groups[k] for k in left_out)
            self.table.setColumnHidden(column, hidden)
            if not hidden and column not in groups["note"]:
                header.resizeSection(column, widths[column])
        self._row_heights()
        self.left_out = [c for c in range(model.columnCount())
                         if self.table.isColumnHidden(c) and (several_meters or c not in groups["meter"])]
        self._show_details()

    def _show_details(self) -> None:
        """Under the table: the columns left out, for the chosen row (else the newest)."""
        left_out = [c for c in self.left_out if c < self.model.columnCount()]
        current = self.table.currentIndex()
        position = current.row() if current.isValid() else 0
        if not left_out or not 0 <= position < self.model.rowCount():
            self.details.hide()
            return
        parts = []
        for column in left_out:
            value = self.model.data(self.model.index(position, column))
            if value:
                title = str(self.model.headerData(column, Qt.Orientation.Horizontal)).replace("\n", " ")
                parts.append(f"{title} {str(value).replace(chr(10), ' ')}")
        month = month_name(self.model.rows[position].period)
        self.details.setText(self.tr("{month}: {columns}.").format(month=month, columns="; ".join(parts))
                             if parts else "")
        self.details.setVisible(bool(parts))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and self.model.rows:
            # Another text size (Settings): every column measured again, once the change has reached the cells.
            QTimer.singleShot(0, self, lambda: self.fit_columns(measure=range(self.model.columnCount())))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_columns()

    def _states(self, overview: AccountOverview) -> dict[int, str]:
        """Each reading's submission to the personal account, in words."""
        from journal.submissions import SubmissionState
        from ui.texts import submission_state_name

        statuses = {}
        for reading_id, info in overview.sync.by_reading.items():
            text = submission_state_name(info.state)
            if info.state is SubmissionState.REJECTED and info.portal_message:
                text += f": {info.portal_message}"
            if text:
                statuses[reading_id] = text
        return statuses

    def _balance_ready(self, info: BalanceInfo) -> None:
        self.model.set_balance(info)
        self.missing = info.missing_prices[0] if info.missing_prices else None
        self.price_button.setVisible(self.missing is not None)
        self.lookup_button.setVisible(self.missing is not None)
        if self.missing is None:
            self.status.setText("")
            return
        # The first day without a price, and which plan and zone lack it: what to look for on the bill.
        self.status.setText(self.tr("* No price is known from {day}: plan «{plan}», zone «{zone}». The balance "
                                    "counts the known charges only.").format(
            day=day_text(self.missing.start), plan=plan_name(self.missing.plan),
            zone=zone_name(self.missing.zone)))

    def selected(self) -> object | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def edit_selected(self) -> None:
        row = self.selected()
        if row is None or row.consumption is None or self.number is None:  # type: ignore[attr-defined]
            QMessageBox.information(self, self.tr("Correct a reading"), self.tr("Select a reading in force first."))
            return
        from ui.correct_reading_dialog import CorrectReadingDialog

        dialog = CorrectReadingDialog(self.service, self.number, row, self)  # type: ignore[arg-type]
        try:
            if dialog.exec():
                self.changed.emit(dialog.changes)
        finally:
            dialog.deleteLater()

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None or row.consumption is None or self.number is None:  # type: ignore[attr-defined]
            QMessageBox.information(self, self.tr("Delete a reading"), self.tr("Select a reading in force first."))
            return
        if ask_risky(
                self, self.tr("Delete a reading"),
                self.tr("Delete the reading of {date}? It stays in the history as deleted, and «Undo last change» "
                        "brings it back.").format(date=day_text(row.taken_on)),  # type: ignore[attr-defined]
                self.tr("&Yes, delete"), name=self.tr("Yes, delete the reading"), safe=leave_it()):
            number, delete = self.number, self.service.delete_reading
            self._apply(lambda _confirmed: delete(number, row.reading_id))  # type: ignore[attr-defined]

    def undo(self) -> None:
        """Undo the last change; one that would take back a reading in force asks first."""
        change = operations.read(self.tasks, self.service.last_change)
        reading = change.reading if change is not None else None
        if reading is not None:
            values = ", ".join(str(v) for v in reading.values)
            day = day_text(reading.taken_on)
            text = (self.tr("Take back the reading of {date} ({values})? It will no longer count; the history keeps "
                            "it marked as undone.") if change.action == "add" else  # type: ignore[union-attr]
                    self.tr("Take back the reading of {date} ({values})? The values it replaced count again; the "
                            "history keeps both."))
            if not ask_risky(self, self.tr("Undo last change"), text.format(date=day, values=values),
                             self.tr("&Yes, undo"), name=self.tr("Yes, undo the last change"), safe=leave_it()):
                return
        expected = change.id if change is not None else None
        undo = self.service.undo
        if self._apply(lambda _confirmed: undo(expected)) and change is not None:
            # Said where the confirmation of what it took back was (that is no longer true), and in the status line.
            words = self._undone_words(change.action, reading)
            self.confirmation.setText(words)
            self.confirmation.show()
            self.told.emit(words)

    def _undone_words(self, action: str, reading: ReadingInfo | None) -> str:
        """What an undo did, in words, from the change it took back."""
        from journal.meter_acts import ACTION as ACT_CORRECTED

        if reading is not None:
            zones = self.model.zones if len(self.model.zones) == len(reading.values) else ()
            what = self.tr("the reading of {date} ({values}) no longer counts").format(
                date=day_text(reading.taken_on), values=zone_values(reading.values, zones))
            if action != "add":
                what = self.tr("{what}; the values it replaced count again").format(what=what)
        elif action == "delete":
            what = self.tr("the deleted reading counts again")
        elif action == ACT_CORRECTED:
            what = self.tr("the installation act's data are as they were")
        else:
            return self.tr("The last change is undone.")
        return self.tr("The last change is undone: {what}.").format(what=what)

    def _apply(self, action: Callable[[Confirmed], Done[object]]) -> bool:
        """The write, its Changes reported; False when it was refused (said in a message) or not made."""
        try:
            done = operations.write(self, self.tasks, action)
        except JournalError as exc:
            QMessageBox.warning(self, self.tr("Nothing was changed"), render(exc))
            return False
        if done is not None:
            self.changed.emit(done.changes)
        return done is not None

