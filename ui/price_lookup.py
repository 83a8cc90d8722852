"""«Узнать цены на сайте поставщика»: the supplier's online calculator asked from the window, off the UI thread, with
progress and cancel; then the prices and where each comes from («Цены и их источники»). After a successful portal
sync the months still unknown are asked quietly, at most once a day (and never for the sample household)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.changes import after_price_lookup
from desktop_app.services.journal_service import JournalService
from desktop_app.services.price_service import PriceLookupReport, PriceLookupService
from journal.errors import JournalError
from journal.messages import message_of
from journal.tariffs import ListedPrice
from journal.zones import TariffPlan
from ui.dialog_buttons import close_button
from ui.i18n import render
from ui.settings import Settings
from ui.tasks import TaskRunner
from ui.texts import day_text, zone_name

log = logging.getLogger(__name__)


def price_text(value: object) -> str:
    """A price per kWh as written: all its decimals, in the language's decimal sign (3,59 in Russian)."""
    return format(value, "f").replace(".", QLocale().decimalPoint())


class PriceListDialog(QDialog):
    """What the calculator said (when it was just asked) and the prices of the account's category and plan, each
    with its source and whether it is used."""

    def __init__(self, rows: list[ListedPrice], report: PriceLookupReport | None, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prices and their sources"))
        layout = QVBoxLayout(self)
        screen = (parent.screen() if parent is not None else QApplication.primaryScreen()).availableGeometry()
        self.summary = QLabel("\n\n".join(self._summary(report)) if report is not None else "")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("What the supplier's calculator said"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if report is not None:  # a long summary scrolls: the table and «Закрыть» stay on a small screen
            area = QScrollArea()
            area.setWidget(self.summary)
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setMaximumHeight(screen.height() // 3)
            layout.addWidget(area)
        self.table = QTableWidget(len(rows), 4)
        self.table.setAccessibleName(self.tr("Prices and their sources"))
        self.table.setHorizontalHeaderLabels([self.tr("From"), self.tr("Zone"), self.tr("₽ per kWh"),
                                              self.tr("Source")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        zones = {zone: i for plan in TariffPlan for i, zone in enumerate(plan.zones)}
        # The newest first; at one date the zones in the journal's order, the price used before the one it replaces.
        rows = sorted(rows, key=lambda r: (-r.entry.valid_from.toordinal(), zones[r.entry.zone], not r.used))
        for index, row in enumerate(rows):
            entry = row.entry
            price = self.tr("unknown") if entry.price is None else price_text(entry.price)
            source = self.tr("your bill") if entry.user else entry.source
            if row.replaced_by is not None:
                replacement = row.replaced_by
                whose = self.tr("your price") if replacement.user else self.tr("the supplier's calculator")
                source = self.tr("{source} — not used: {whose} is used").format(source=source, whose=whose)
            for column, text in enumerate((day_text(entry.valid_from), zone_name(entry.zone), price, source)):
                item = QTableWidgetItem(text)
                if row.replaced_by is not None:
                    font = item.font()
                    font.setStrikeOut(column == 2)
                    item.setFont(font)
                self.table.setItem(index, column, item)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())  # wrapped sources whole
        layout.addWidget(self.table, 1)
        layout.addWidget(close_button(self))
        self.resize(min(900, screen.width() - 40), min(560, screen.height() - 60))

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.table.resizeRowsToContents()  # now that the source column has its width

    def _summary(self, report: PriceLookupReport) -> list[str]:
        parts = []
        if report.error is not None:
            parts.append(self.tr("The supplier's site could not be asked: {error} Nothing was changed.").format(
                error=render(report.error)))
        elif report.cancelled:
            parts.append(self.tr("Stopped: nothing was changed."))
        elif not report.requests:
            parts.append(self.tr("Nothing to ask: every price was already asked or is known."))
        else:
            parts.append(self.tr("The supplier's calculator was asked on {day} (requests: {count}); its prices are "
                                 "saved and used.").format(day=day_text(report.asked_on), count=report.requests))
        for row in report.differing:
            if row.replaced_by is None or row.entry.price is None or row.replaced_by.price is None:
                continue
            parts.append(self.tr("{zone} from {day}: the supplier says {new} ₽, the program had {old} ₽ "
                                 "({source}). The supplier's price is used.").format(
                zone=zone_name(row.entry.zone), day=day_text(row.entry.valid_from),
                new=price_text(row.replaced_by.price), old=price_text(row.entry.price), source=row.entry.source))
        if report.unknown:
            runs = "; ".join(self.tr("{zone} from {first} to {last}").format(
                zone=zone_name(run.zone).lower(), first=day_text(run.first_day), last=day_text(run.last_day))
                for run in report.unknown)
            parts.append(self.tr("Still unknown: {runs}. Enter these prices from your bill in Settings → Prices.")
                         .format(runs=runs))
        elif report.reached:
            parts.append(self.tr("Every price the journal needs is known."))
        return parts


class PriceLookupController(QObject):
    """Runs the calculator in a worker thread; `changed` tells the window to recount when prices were saved."""

    changed = Signal(object)  # the Changes of the answers stored (desktop_app.services.changes)
    status = Signal(str)

    def __init__(self, service: JournalService, tasks: TaskRunner, settings: Settings, parent: QWidget,
                 lookup: Callable[[], PriceLookupService] | None = None) -> None:
        super().__init__(parent)
        self.service, self.tasks, self.settings, self.window = service, tasks, settings, parent
        self.lookup = lookup or (lambda: PriceLookupService(self.service))
        self.running = False

    def look_up(self, number: str | None, parent: QWidget | None = None) -> None:
        """Asked by the person: a progress dialog with «Отмена», then the result and the account's prices."""
        if self.running:
            return
        owner = parent or self.window
        try:
            lookup = self.lookup()
            lookup.url  # noqa: B018  # an address that is not https:// is refused before anything starts
        except JournalError as exc:
            QMessageBox.warning(owner, self.tr("Prices from the supplier's site"), render(exc))
            return
        progress = QProgressDialog(self.tr("Asking the supplier's site for the prices…"), self.tr("Cancel"), 0, 0,
                                   owner)
        progress.setWindowTitle(self.tr("Prices from the supplier's site"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAccessibleName(self.tr("Asking the supplier's site for the prices"))
        stop = progress.findChild(QPushButton)  # Qt's own Cancel (it also answers Esc), sized for its text
        if stop is not None:
            stop.setAccessibleName(self.tr("Stop asking: nothing is changed"))
            stop.setMinimumWidth(stop.sizeHint().width() + stop.fontMetrics().horizontalAdvance("MM"))
        cancel = threading.Event()
        progress.canceled.connect(cancel.set)

        def on_progress(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            progress.setLabelText(self.tr("Asking the supplier's site for the prices: {done} of {total}…").format(
                done=done, total=total))

        def dismiss() -> None:
            progress.reset()  # stops its show timer too: it never pops up again over the result
            progress.close()
            progress.deleteLater()

        def done(report: PriceLookupReport) -> None:
            dismiss()
            if report.reached and report.requests:
                self.changed.emit(after_price_lookup(report))
            self.show_prices(number, report, owner)

        def failed(error: BaseException) -> None:
            dismiss()
            message = render(message_of(error))
            QMessageBox.warning(owner, self.tr("Prices from the supplier's site"), message)

        self._run(lookup, number, cancel, done, failed, on_progress)

    def after_sync(self) -> None:
        """Quietly, at most once a day: the months still unknown (never asked before) are asked."""
        today = self.service.today()
        if self.running or self.settings.prices_asked_on == today.isoformat():
            return
        try:
            lookup = self.lookup()
            if not lookup.questions():
                return
        except JournalError:
            return
        self.settings.prices_asked_on = today.isoformat()

        def done(report: PriceLookupReport) -> None:
            if report.reached and report.found:
                self.status.emit(self.tr("Prices found on the supplier's site and saved (prices: {count}).").format(
                    count=len(report.found)))
                self.changed.emit(after_price_lookup(report))

        def failed(error: BaseException) -> None:
            log.info("The quiet price lookup did not run: %s", type(error).__name__)

        self._run(lookup, None, threading.Event(), done, failed, None)

    def _run(self, lookup: PriceLookupService, number: str | None, cancel: threading.Event,
             done: Callable[[PriceLookupReport], None], failed: Callable[[BaseException], None],
             on_progress: Callable[[int, int], None] | None) -> None:
        self.running = True

        def work(_token: object, report: Callable[[int, str], None]) -> PriceLookupReport:
            return lookup.update(number, cancel=cancel, progress=lambda d, t, _x: report(d, str(t)))

        def finish(handler: Callable[[object], None]) -> Callable[[object], None]:
            def call(value: object) -> None:
                self.running = False
                handler(value)
            return call

        progress = None if on_progress is None else (lambda d, t: on_progress(d, int(t)))
        self.tasks.run(work, finish(done), finish(failed), progress)  # type: ignore[arg-type]

    def show_prices(self, number: str | None, report: PriceLookupReport | None = None,
                    parent: QWidget | None = None) -> None:
        rows: list[ListedPrice] = []
        if number:
            account = self.service.account(number)
            rows = self.service.billing.price_list(account.category.value, account.plan.value)
        dialog = PriceListDialog(rows, report, parent or self.window)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
