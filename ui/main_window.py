"""The main window: the account at the top, the big «Передать показания» button, and the tabs."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journal.errors import JournalError
from ui import operations
from ui.banner import BannerBar, show_banner
from ui.first_screen import account_label
from ui.headline import Headline
from ui.i18n import render
from ui.screen_fit import first_size, scrolling
from ui.settings import Settings
from ui.tasks import TaskRunner
from ui.wheel_guard import never_by_wheel
from ui.window_menus import build_menus

# The window is shown before its journal is opened (ui/launch.py), so this module imports nothing that loads
# SQLAlchemy, httpx, reportlab or keyring: the tabs' views, the dialogs and the services are imported where
# they are used, once the journal is attached.
if TYPE_CHECKING:
    from desktop_app.services.changes import Changes, Done
    from desktop_app.services.first_screen import FirstScreen
    from desktop_app.services.journal_service import JournalService
    from desktop_app.services.overview import AccountOverview
    from journal.records import ReadingInfo
    from journal.zones import Zone
    from ui.accounts_view import AccountsView
    from ui.charts_view import ChartsView
    from ui.history_view import HistoryView
    from ui.payments_view import PaymentsView
    from ui.price_lookup import PriceLookupController
    from ui.sync_controller import SyncController

CONFIRMED_SECONDS = 10  # a saved reading's or payment's confirmation stays this long at least in the status line


def run_dialog(dialog: QDialog) -> int:
    """Show a modal dialog and free it afterwards (a dialog with a parent would otherwise live as long as
    the window)."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


class MainWindow(QMainWindow):
    """Built in two steps: the window itself (title, menus, account bar, tabs) needs no journal and is shown at
    once, with «Opening the journal…» where the history will be; `attach` then gives it the journal, builds the
    tabs' views and loads the accounts. `MainWindow(service, …)` does both at once."""

    settings_applied = Signal()
    sample_requested = Signal()
    own_journal_requested = Signal()

    # Set by attach: the journal and what shows it.
    service: JournalService | None
    sync: SyncController
    prices: PriceLookupController
    history: HistoryView
    charts: ChartsView
    payments: PaymentsView
    accounts: AccountsView

    def __init__(self, service: JournalService | None, settings: Settings, *, sample: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.settings, self.sample = None, settings, sample
        self.tasks = TaskRunner(self)
        self.number: str | None = None
        self._invoice_offer: tuple[str, object] | None = None  # (account, InvoicePayee) offered in the banner
        self.journal_actions: list[QAction] = []  # enabled once the journal is attached
        self.overview: AccountOverview | None = None  # what the top and the tabs show
        self.first_history: HistoryView | None = None  # the first screen's, built before it is shown
        self._filling: list[Callable[[], object]] | None = None  # while attach builds the views: what waits for it
        self._refreshing, self._pending = False, False
        self._confirmed_until = 0.0  # time.monotonic() until which a confirmation stays in the status line
        self._confirmed: tuple[str, str | None] | None = None  # the confirmation's words and the account it is of
        self._restoring: str | None = None  # while a restore runs: what to say once it has replaced the journal
        self.setWindowTitle(self.tr("Meter Journal") + (" — " + self.tr("SAMPLE") if sample else ""))
        larger = 0.75 + settings.text_scale / 400  # 1 at 100 % text, 1.25 at 200 %; less on a small screen
        self.resize(first_size(self, round(1200 * larger), round(760 * larger)))

        self.account_box = QComboBox()
        self.account_box.setAccessibleName(self.tr("Personal account"))
        self.account_box.setMinimumContentsLength(16)  # the number and the start of the address
        never_by_wheel(self.account_box)  # another account's journal by a wheel turned to scroll: never
        account_title = QLabel(self.tr("Account:"))
        account_title.setBuddy(self.account_box)
        self.submit_button = QPushButton(self.tr("Submit readings"))
        self.submit_button.setObjectName("primary")
        self.submit_button.setAccessibleName(self.tr("Submit readings"))
        # The shortcut set as a property: setShortcut's overloads import Qt's whole enum namespace (11 ms) before
        # the first paint.
        self.submit_button.setProperty("shortcut", QKeySequence("Ctrl+Return"))
        self.submit_button.setToolTip(self.tr("Ctrl+Enter"))
        self.balance_label = QLabel("")
        self.balance_label.setAccessibleName(self.tr("Balance"))
        self.balance_label.setProperty("role", "big")
        self.balance_label.setWordWrap(True)  # a long balance note wraps instead of widening the window
        self.submit_button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
        # All on one line when it fits; else the account on its own line, the balance and the big button under it:
        # at 200 % text the button keeps its whole label beside a long address.
        headline = Headline(account_title, self.account_box, self.balance_label, self.submit_button)

        self.banner = BannerBar()
        self.banner_text, self.banner_button = self.banner.text, self.banner.button

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Sections"))
        self._tab_titles = [self.tr("History"), self.tr("Charts"), self.tr("Payments"), self.tr("Account and meter")]
        self.opening: QLabel | None = self._opening_label()  # until the journal is attached
        for index, title in enumerate(self._tab_titles):
            self.tabs.addTab(self.opening if index == 0 else QWidget(), title)
            self.tabs.setTabEnabled(index, index == 0)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(headline)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        # On a small screen at large text the window is shorter than all of it needs: it scrolls as a whole,
        # the history never squeezed to nothing.
        self.setCentralWidget(scrolling(central))
        build_menus(self)

        self.account_box.setEnabled(False)
        self.submit_button.setEnabled(False)
        self.account_box.currentIndexChanged.connect(self._account_changed)
        self.submit_button.clicked.connect(self.submit_readings)
        self.setTabOrder(self.account_box, self.submit_button)
        self.setTabOrder(self.submit_button, self.tabs)
        if service is not None:
            self.attach(service)

    @staticmethod
    def _opening_label() -> QLabel:
        """What the history tab shows while the journal opens (the text the start has always shown)."""
        label = QLabel(QApplication.translate("launch", "Opening the journal…"))
        label.setObjectName("opening")
        label.setStyleSheet("qproperty-alignment: AlignCenter;")  # Qt's enum namespace costs 11 ms to import
        label.setAccessibleName(label.text())
        return label

    @staticmethod
    def preload() -> None:
        """Import what `attach` needs — the tabs' views and the sync (httpx, keyring) — so that the start can do it
        off the UI thread while the journal opens."""
        import ui.accounts_view
        import ui.charts_view
        import ui.history_view
        import ui.payments_view
        import ui.price_lookup
        import ui.sync_controller  # noqa: F401

    def attach(self, service: JournalService) -> None:
        """Give the window its journal: the tabs' views in place of the «Opening the journal…» page, the menus
        and the account bar enabled, the accounts loaded and the current one shown. At the start, while the first
        screen shows the account (ui/first_screen.py), the hidden tabs' views are built one per turn of the event
        loop and the accounts read after them: each step is short, and the window answers between them."""
        from ui import file_dialogs
        from ui.first_screen import adopt_history, after_a_breath
        from ui.history_view import HistoryView
        from ui.price_lookup import PriceLookupController
        from ui.sync_controller import SyncController

        if self.service is not None:
            raise RuntimeError("the window already shows a journal")
        self.service = service
        file_dialogs.remember_in(self.settings)  # the file dialogs open where the person last chose a file
        self.sync = SyncController(service, self.tasks, self)
        self.sync.finished.connect(self._sync_finished)
        self.sync.changed.connect(self.apply_changes)
        self.sync.status.connect(lambda text: self.show_status(text, 15000))
        self.prices = PriceLookupController(service, self.tasks, self.settings, self)
        self.prices.changed.connect(self.apply_changes)
        self.prices.status.connect(lambda text: self.show_status(text, 30000))
        first_screen = adopt_history(self, service)  # the first screen's history view, kept with its rows
        self.history = first_screen or HistoryView(service, self.tasks)
        self._set_page(0, self.history)
        self.opening = None  # deleted with its placeholder page
        steps = [self._build_charts, self._build_payments, self._build_accounts]
        if first_screen is None:
            for step in steps:
                step()
            self._attached()
            self.reload_accounts()
            return
        self._filling = []

        def next_step() -> None:
            if steps:
                steps.pop(0)()
                after_a_breath(next_step, self)
                return
            self._attached()
            after_a_breath(self._fill, self)

        after_a_breath(next_step, self)

    def _build_charts(self) -> None:
        from ui.charts_view import ChartsView

        self.charts = ChartsView()
        self._set_page(1, self.charts)

    def _build_payments(self) -> None:
        from ui.payments_view import PaymentsView

        self.payments = PaymentsView(self.service, self.tasks, pdf_of=self.sync.invoice_pdf)  # the portal's bills too
        # The payments form is taller than the others at 200 % text: it scrolls rather than making the window
        # taller than the screen.
        self._set_page(2, scrolling(self.payments))

    def _build_accounts(self) -> None:
        from ui.accounts_view import AccountsView

        self.accounts = AccountsView()
        self._set_page(3, scrolling(self.accounts))

    def _attached(self) -> None:
        """The tabs' views built: their signals connected, every tab, the menus and the account bar enabled."""
        self.history.changed.connect(self.apply_changes)
        self.history.price_requested.connect(self.open_prices)
        self.history.price_lookup_requested.connect(lambda: self.prices.look_up(self.number))
        self.payments.confirmed.connect(self.confirm)
        self.history.told.connect(self.confirm)
        self.payments.changed.connect(self.apply_changes)
        self.payments.receipt_button.clicked.connect(self.open_receipt)
        self.accounts.add_requested.connect(self.add_account)
        self.accounts.edit_requested.connect(self.edit_account)
        self.accounts.replace_requested.connect(self.replace_meter)
        self.accounts.plan_change_requested.connect(self.change_plan)
        self.accounts.act_requested.connect(self.correct_act)
        for index in range(self.tabs.count()):
            self.tabs.setTabEnabled(index, True)
        for action in self.journal_actions:
            action.setEnabled(True)
        self.account_box.setEnabled(True)
        if self.focusWidget() in (None, self.tabs.tabBar()):  # where the focus went while the bar was disabled
            self.account_box.setFocus()

    def _fill(self) -> None:
        """The start's last step: the accounts and the current one's overview, read once the window has answered
        again; then what waited for the window to be filled (`when_filled`)."""
        from ui.first_screen import after_a_breath

        waiting, self._filling = self._filling or [], None
        self.reload_accounts()
        for then in waiting:  # each in its own pass, after the overview's
            after_a_breath(then, self)

    def when_filled(self, then: Callable[[], object]) -> None:
        """`then()` once the window shows its journal's accounts (at the start, after its last step), on a later
        turn of the event loop."""
        from ui.first_screen import after_a_breath

        if self._filling is not None:
            self._filling.append(then)
        else:
            after_a_breath(then, self)

    def show_first_screen(self, screen: FirstScreen) -> None:
        """While the journal opens: the accounts in the bar and the shown account's history, read ahead without
        the journal's libraries (ui/first_screen.py); nothing can be changed until `attach`."""
        from ui.first_screen import show_first_screen

        show_first_screen(self, screen)

    def prepare_first_screen(self, screen: FirstScreen, then: Callable[[], object]) -> None:
        """The first screen's history built off screen, a step per turn of the event loop, then `then()`
        (which calls `show_first_screen`)."""
        from ui.first_screen import prepare_first_screen

        prepare_first_screen(self, screen, then)

    def _set_page(self, index: int, page: QWidget) -> None:
        """The tab's real page in place of its placeholder, with the same title; the current tab stays."""
        tabs, old = self.tabs, self.tabs.widget(index)
        if old is page:  # the first screen's history stays
            return
        current, enabled = tabs.currentIndex(), tabs.isTabEnabled(index)
        shown = index == current  # a hidden tab's page changes nothing on screen: the tabs are not all repainted
        if shown:
            tabs.setUpdatesEnabled(False)
        tabs.removeTab(index)
        tabs.insertTab(index, page, self._tab_titles[index])
        tabs.setTabEnabled(index, enabled)
        tabs.setCurrentIndex(current)
        if shown:
            tabs.setUpdatesEnabled(True)
        old.deleteLater()

    # --- accounts ---------------------------------------------------------------------------------------
    def reload_accounts(self, select: str | None = None, changes: Changes | None = None) -> None:
        accounts = operations.read(self.tasks, self.service.list_accounts)  # type: ignore[union-attr]
        wanted = select or self.number or self.settings.current_account
        self.account_box.blockSignals(True)
        self.account_box.clear()
        for account in accounts:
            self.account_box.addItem(account_label(account), account.number)
        index = max(0, self.account_box.findData(wanted))
        self.account_box.setCurrentIndex(index)
        self.account_box.blockSignals(False)
        self.submit_button.setEnabled(bool(accounts))
        self._account_changed(changes)

    def _account_changed(self, changes: Changes | None = None) -> None:
        number = self.account_box.currentData()
        if number != self.number:
            self.take_back_confirmation()  # said of the account shown before
        self.number = number
        if number:
            if not self.sample:
                self.settings.current_account = number
            self.refresh(None if isinstance(changes, int | None) else changes)  # int: the box's index

    def apply_changes(self, changes: Changes) -> None:
        """The one slot every write's Changes reach: the accounts' list read again when accounts changed, the
        shown account's overview when anything it shows changed, each view drawing only what changed of it; a
        reading queued for the portal is sent at once when a password is at hand. A confirmation in the status
        line that these changes may make untrue (its account's readings or payments changed since, by an undo, a
        correction, a deletion, a restore) is taken back; a restore's changes say what happened instead."""
        if self._confirmed is not None:
            number = self._confirmed[1]
            if changes.accounts or changes.of_readings(number) or changes.of_payments(number):
                self.take_back_confirmation()
        if self._filling is not None:  # the start still builds the views: its last step reads everything
            return
        if changes.accounts:
            self.reload_accounts(self.number, changes)
        elif self._shows(changes):
            self.refresh(changes)
        if changes.outbox and not self.sample:
            self.sync.background_sync(self.number)  # quietly, only with a stored password (never asks)
        if self._restoring is not None and changes == type(changes).everything():
            self.confirm(self._restoring)

    def _shows(self, changes: Changes) -> bool:
        number = self.number
        return bool(changes.prices or changes.outbox or changes.payee or changes.of_readings(number)
                    or changes.of_payments(number) or changes.of_portal(number))

    def refresh(self, changes: Changes | None = None) -> None:
        """Read the account's overview in a worker (one transaction, no SQL on the UI thread) and draw it; with
        `changes`, each view draws only what changed of what it shows."""
        if not self.number or self.service is None:
            return
        if self._refreshing:  # asked again while one is read: read once more after it
            self._pending = True
            return
        from desktop_app.services.overview import account_overview

        service, number, sample = self.service, self.number, self.sample
        invoice = self._invoice_offer[1] if self._invoice_offer and self._invoice_offer[0] == number else None
        self._refreshing = True
        try:
            overview = operations.read(self.tasks, lambda: account_overview(
                service.journal, number, service.today(), sample=sample, invoice=invoice))
        finally:
            self._refreshing = False
        if number == self.number:
            self.overview = overview
            self.history.show_overview(overview, changes)
            self.accounts.show_overview(overview, changes)
            self.charts.show_overview(overview, changes)
            self.payments.show_overview(overview, changes)
            # The headline once the event loop is back: what is owed follows the tabs, as the window is shown.
            QTimer.singleShot(0, lambda: self.balance_label.setText(self.payments.balance_label.text()))
            self.show_reminders()
        if self._pending:
            self._pending = False
            self.refresh()

    # --- actions ------------------------------------------------------------------------------------------
    def submit_readings(self) -> None:
        if not self.number:
            return
        from ui.reading_dialog import ReadingDialog

        try:
            dialog = ReadingDialog(self.service, self.number, self.service.today(), self, tasks=self.tasks)
        except JournalError as exc:
            QMessageBox.warning(self, self.tr("Submit readings"), render(exc))
            return
        # Said in the window once stored, and sent at once with a password at hand.
        dialog.saved.connect(lambda done: self.reading_saved(done, tuple(f.zone for f in dialog.form.fields)))
        dialog.fallback_requested.connect(self.show_fallbacks)
        dialog.replace_meter_requested.connect(self.replace_meter)
        run_dialog(dialog)

    def reading_saved(self, done: Done[ReadingInfo], zones: tuple[Zone, ...]) -> None:
        """A reading saved from «Передать показания»: said in the status line and above the history, its row
        selected there, from what the save returned (nothing is read for it); then its Changes drawn."""
        from ui.texts import month_name, zone_values

        info = done.result
        words = self.tr("The reading for {month} is saved: {values}.").format(
            month=month_name(info.period), values=zone_values(info.values, zones))
        self.history.saved(info.id, words)
        self.tabs.setCurrentIndex(0)  # the history, where the new row is
        self.apply_changes(done.changes)
        self.confirm(words)  # after its own Changes, which take back a confirmation said before
        self.bring_into_view(self.history.confirmation)

    def confirm(self, words: str) -> None:
        """`words` in the status line for CONFIRMED_SECONDS at least: a sync's report coming meanwhile (a reading
        saved is sent at once) waits until they have been read. Said of the account shown, after the Changes of
        what they confirm: a later change of its readings or payments takes them back (`apply_changes`)."""
        self.statusBar().showMessage(words, CONFIRMED_SECONDS * 3000)
        self._confirmed_until = time.monotonic() + CONFIRMED_SECONDS
        self._confirmed = (words, self.number)

    def take_back_confirmation(self) -> None:
        """A confirmation no longer true (what it said was undone, restored away, corrected, or another account is
        shown) leaves the status line, and other messages need not wait for it."""
        if self._confirmed is not None and self.statusBar().currentMessage() == self._confirmed[0]:
            self.statusBar().clearMessage()
        self._confirmed, self._confirmed_until = None, 0.0

    def bring_into_view(self, widget: QWidget) -> None:
        """On a small screen at large text the window scrolls as a whole: `widget` (a confirmation) and what
        follows it scrolled into view, once laid out."""
        area = self.centralWidget()
        if isinstance(area, QScrollArea):
            margin = widget.fontMetrics().height() * 2
            QTimer.singleShot(0, self, lambda: area.ensureWidgetVisible(widget, 0, margin))

    def show_status(self, text: str, milliseconds: int) -> None:
        """A message in the status line, after a confirmation still being read."""
        wait = self._confirmed_until - time.monotonic()
        if wait > 0:
            QTimer.singleShot(round(wait * 1000), self, lambda: self.statusBar().showMessage(text, milliseconds))
        else:
            self.statusBar().showMessage(text, milliseconds)

    def open_receipt(self) -> None:
        if self.number:
            from ui.receipt_dialog import ReceiptDialog

            run_dialog(ReceiptDialog(self.service, self.number, self.tasks, self))

    def edit_payee(self) -> None:
        from ui.payee_dialog import PayeeDialog

        if run_dialog(PayeeDialog(self.service, self)):
            from desktop_app.services.changes import PAYEE

            self.apply_changes(PAYEE)

    def _sync_finished(self, report: object) -> None:
        from ui.portal_news import after_sync

        after_sync(self, report)

    @property
    def payee(self) -> object | None:
        """The journal's payee details (read in a worker)."""
        return operations.read(self.tasks, self.service.receipts.payee)  # type: ignore[union-attr]

    def take_invoice_payee(self, found: object) -> None:
        from ui.portal_news import take_invoice_payee

        take_invoice_payee(self, found)

    def review_offer(self, offer: object) -> None:
        from ui.portal_news import review_offer

        review_offer(self, offer)

    def forget_password(self) -> None:
        from ui.portal_news import forget_password

        forget_password(self)

    def show_fallbacks(self, values: list[str]) -> None:
        from ui.help_dialogs import FallbackDialog

        run_dialog(FallbackDialog(self.number or "", values, self))

    def show_reading_help(self) -> None:
        from ui.help_dialogs import ReadingHelpDialog

        run_dialog(ReadingHelpDialog(self))

    def show_contacts(self) -> None:
        from ui.help_dialogs import ContactsDialog

        run_dialog(ContactsDialog(self))

    def add_account(self) -> None:
        from ui.account_dialogs import NewAccountDialog

        dialog = NewAccountDialog(self.service, self)
        if run_dialog(dialog):
            self.reload_accounts(dialog.number, dialog.changes)

    def edit_account(self) -> None:
        from ui.account_dialogs import EditAccountDialog

        dialog = EditAccountDialog(self.service, self.number, self) if self.number else None
        if dialog is not None and run_dialog(dialog):
            self.apply_changes(dialog.changes)

    def replace_meter(self) -> None:
        from ui.account_dialogs import ReplaceMeterWizard

        dialog = ReplaceMeterWizard(self.service, self.number, self) if self.number else None
        if dialog is not None and run_dialog(dialog):
            self.apply_changes(dialog.changes)

    def correct_act(self) -> None:
        from ui.act_correction_dialog import CorrectActDialog

        try:
            dialog = CorrectActDialog(self.service, self.number, self) if self.number else None
        except JournalError as exc:  # no meter yet
            QMessageBox.information(self, self.tr("Correct the installation act"), render(exc))
            return
        if dialog is not None and run_dialog(dialog):
            self.apply_changes(dialog.changes)

    def change_plan(self) -> None:
        from ui.plan_change_dialog import ChangePlanDialog

        dialog = ChangePlanDialog(self.service, self.number, self) if self.number else None
        if dialog is not None and run_dialog(dialog):
            self.apply_changes(dialog.changes)

    def open_prices(self, missing: object) -> None:
        """Settings on the prices page at a missing price (journal.tariffs.MissingPrice), ready to type."""
        self.open_settings(missing)

    def open_settings(self, missing: object = None) -> None:
        from journal.tariffs import MissingPrice
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.service, self.number, self)
        if isinstance(missing, MissingPrice):
            dialog.open_prices(missing)
        restore: list[Path] = []  # once the settings have closed: the restore's progress over the window alone
        dialog.restore_requested.connect(restore.append)
        dialog.prices_changed.connect(self.apply_changes)
        dialog.lookup_requested.connect(lambda: self.prices.look_up(self.number, dialog))
        if run_dialog(dialog):
            self.settings_applied.emit()
        if restore:
            self.restore_backup(restore[-1])

    def restore_backup(self, path: Path) -> None:
        """The journal replaced by the copy at `path` (ui/file_actions.py); once it is, the status line says from
        which copy, in place of any confirmation said before."""
        from desktop_app.services.backup_service import describe_copy
        from ui.file_actions import restore_backup
        from ui.texts import day_text

        moment = operations.read(self.tasks, lambda: describe_copy(path)).as_of
        self._restoring = (self.tr("The journal is restored from the copy of {when}.").format(
            when=f"{day_text(moment)} {moment:%H:%M}") if moment is not None else
            self.tr("The journal is restored from the copy «{name}».").format(name=Path(path).name))
        try:
            restore_backup(self, path)
        finally:
            self._restoring = None

    def import_csv(self) -> None:
        from ui.file_actions import import_csv

        import_csv(self)

    def about(self) -> None:
        from desktop_app import __version__

        QMessageBox.about(self, self.tr("About Meter Journal"), self.tr(
            "Meter Journal {version}: a journal of electricity meter readings for Samaraenergo households.\n"
            "Your data: {path}").format(version=__version__, path=self.service.path if self.service else "—"))

    # --- reminders ------------------------------------------------------------------------------------------
    def show_reminders(self) -> None:
        """The first of the overview's banners (their order is the overview's rule)."""
        banners = self.overview.banners if self.overview is not None else ()
        show_banner(self, banners[0] if banners else None)

    def closeEvent(self, event: object) -> None:
        if operations.close_when_idle(self):  # a read or a write in flight: closed once it has ended
            event.ignore()  # type: ignore[attr-defined]
            return
        self.tasks.wait(5000)
        super().closeEvent(event)  # type: ignore[arg-type]


