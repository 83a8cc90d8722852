"""The history tab: the table, with edit, delete and undo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
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

from desktop_app.services.journal_service import JournalService
from journal.billing import BalanceInfo
from journal.errors import JournalError
from journal.messages import message_of
from journal.tariffs import MissingPrice
from ui.button_row import ButtonRow
from ui.confirmations import Confirmed, ask_risky, leave_it, save_with_confirmations
from ui.history_model import HistoryModel
from ui.i18n import render
from ui.tasks import TaskRunner
from ui.texts import day_text, plan_name, zone_name


class HistoryView(QWidget):
    changed = Signal()
    balance_loaded = Signal(object)  # the BalanceInfo, for the other tabs
    price_requested = Signal(object)  # the first MissingPrice: open Settings → Prices there
    price_lookup_requested = Signal()  # «Узнать цены на сайте поставщика», beside «Ввести цену из квитанции…»

    def __init__(self, service: JournalService, tasks: TaskRunner, parent: QWidget | None = None,
                 portal_info: Callable[[str], tuple[dict[int, str], dict[str, object]]] | None = None) -> None:
        super().__init__(parent)
        self.service, self.tasks, self.portal_info = service, tasks, portal_info
        self.number: str | None = None
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
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(price_row)
        layout.addLayout(lookup_row)

    def load(self, number: str) -> None:
        """Readings at once; money, submissions and the supplier's bills from a worker thread."""
        self.number = number
        account = self.service.account(number)
        meters = self.service.meters(number)
        # A record that ends where another of the same meter starts: the tariff plan changed that day.
        plan_changes = {(m.serial, m.removed_on) for m in meters for n in meters
                        if n.serial == m.serial and n.installed_on == m.removed_on}
        self.model.set_history(account.zones, self.service.history(number), plan_changes)
        # The meter's number only when there were several (a replacement): its column leaves room for the note.
        self.table.setColumnHidden(2, len({row.meter_serial for row in self.model.rows}) <= 1)
        row = int(self.fontMetrics().height() * 1.7)
        self.table.verticalHeader().setDefaultSectionSize(row)
        # Never squeezed to nothing: the column titles (two lines) and three readings stay in view.
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() + 3 * row
                                    + self.table.horizontalScrollBar().sizeHint().height() + 4)
        self.table.resizeColumnsToContents()
        self.status.setText(self.tr("Counting charges…") if self.model.rows else self.tr("No readings yet."))
        billing, portal_info = self.service.billing, self.portal_info

        def work(_token: object, _progress: object) -> tuple[object, object]:
            return billing.balance(number), portal_info(number) if portal_info is not None else None

        self.tasks.run(work, self._extras_ready, self._balance_failed)

    def _extras_ready(self, result: tuple[BalanceInfo, object]) -> None:
        balance, portal = result
        if balance.account != self.number:
            return  # another account was chosen meanwhile
        if portal is not None:
            self.model.set_portal(*portal)  # type: ignore[misc]
        self._balance_ready(balance)
        self.table.resizeColumnsToContents()
        self.balance_loaded.emit(balance)

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

    def _balance_failed(self, error: BaseException) -> None:
        message = render(message_of(error))
        self.status.setText(message)

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
                self.changed.emit()
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
            self._apply(lambda _confirmed: self.service.delete_reading(self.number, row.reading_id))  # type: ignore

    def undo(self) -> None:
        """Undo the last change; one that would take back a reading in force asks first."""
        change = self.service.last_change()
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
        self._apply(lambda _confirmed: self.service.undo(expected))

    def _apply(self, action: Callable[[Confirmed], object]) -> None:
        try:
            if not save_with_confirmations(self, action):
                return
        except JournalError as exc:
            QMessageBox.warning(self, self.tr("Nothing was changed"), render(exc))
            return
        self.changed.emit()

