"""The main window: the account at the top, the big «Передать показания» button, and the tabs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QSystemTrayIcon,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journal.errors import JournalError
from journal.messages import message_of
from ui.headline import Headline
from ui.i18n import render
from ui.screen_fit import first_size, scrolling
from ui.settings import Settings
from ui.tasks import TaskRunner

# The window is shown before its journal is opened (ui/launch.py), so this module imports nothing that loads
# SQLAlchemy, httpx, reportlab or keyring: the tabs' views, the dialogs and the services are imported where
# they are used, once the journal is attached.
if TYPE_CHECKING:
    from desktop_app.services.journal_service import JournalService
    from ui.accounts_view import AccountsView
    from ui.charts_view import ChartsView
    from ui.history_view import HistoryView
    from ui.payments_view import PaymentsView
    from ui.price_lookup import PriceLookupController
    from ui.sync_controller import SyncController

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
        self._journal_actions: list[QAction] = []  # enabled once the journal is attached
        self.setWindowTitle(self.tr("Meter Journal") + (" — " + self.tr("SAMPLE") if sample else ""))
        larger = 0.75 + settings.text_scale / 400  # 1 at 100 % text, 1.25 at 200 %; less on a small screen
        self.resize(first_size(self, round(1200 * larger), round(760 * larger)))

        self.account_box = QComboBox()
        self.account_box.setAccessibleName(self.tr("Personal account"))
        self.account_box.setMinimumContentsLength(16)  # the number and the start of the address
        account_label = QLabel(self.tr("Account:"))
        account_label.setBuddy(self.account_box)
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
        headline = Headline(account_label, self.account_box, self.balance_label, self.submit_button)

        self.banner = QFrame()
        self.banner.setObjectName("banner")
        self.banner_text = QLabel("")
        self.banner_text.setWordWrap(True)
        self.banner_text.setAccessibleName(self.tr("Reminder"))
        self.banner_button = QPushButton("")
        self._banner_action: Callable[[], object] = lambda: None
        self.banner_button.clicked.connect(lambda: self._banner_action())
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.banner_button)
        self.banner.hide()

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
        self._menus()

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
        and the account bar enabled, the accounts loaded and the current one shown."""
        from ui.accounts_view import AccountsView
        from ui.charts_view import ChartsView
        from ui.history_view import HistoryView
        from ui.payments_view import PaymentsView
        from ui.price_lookup import PriceLookupController
        from ui.sync_controller import SyncController

        if self.service is not None:
            raise RuntimeError("the window already shows a journal")
        self.service = service
        self.sync = SyncController(service, self.tasks, self)
        self.sync.finished.connect(self._sync_finished)
        self.sync.status.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.prices = PriceLookupController(service, self.tasks, self.settings, self)
        self.prices.changed.connect(self.refresh)
        self.prices.status.connect(lambda text: self.statusBar().showMessage(text, 30000))
        self.history = HistoryView(service, self.tasks, portal_info=self._portal_info)
        self.charts = ChartsView()
        self.payments = PaymentsView(service, portal=self.sync.sync_service)  # the portal's bills and payments too
        self.accounts = AccountsView(service)
        # The payments form is taller than the others at 200 % text: it scrolls rather than making the window
        # taller than the screen.
        self._set_pages([self.history, self.charts, scrolling(self.payments), scrolling(self.accounts)])
        self.opening = None  # deleted with its placeholder page

        self.history.changed.connect(self.refresh)
        self.history.balance_loaded.connect(self._balance_ready)
        self.history.price_requested.connect(self.open_prices)
        self.history.price_lookup_requested.connect(lambda: self.prices.look_up(self.number))
        self.payments.changed.connect(self.refresh)
        self.payments.receipt_button.clicked.connect(self.open_receipt)
        self.accounts.add_requested.connect(self.add_account)
        self.accounts.edit_requested.connect(self.edit_account)
        self.accounts.replace_requested.connect(self.replace_meter)
        self.accounts.plan_change_requested.connect(self.change_plan)
        for action in self._journal_actions:
            action.setEnabled(True)
        self.account_box.setEnabled(True)
        if self.focusWidget() in (None, self.tabs.tabBar()):  # where the focus went while the bar was disabled
            self.account_box.setFocus()
        self.reload_accounts()

    def _set_pages(self, pages: list[QWidget]) -> None:
        """The tabs' real pages in place of the placeholders, with the same titles; every tab enabled."""
        current = self.tabs.currentIndex()
        self.tabs.setUpdatesEnabled(False)
        for index, (page, title) in enumerate(zip(pages, self._tab_titles, strict=True)):
            old = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, title)
            old.deleteLater()
        self.tabs.setCurrentIndex(current)
        self.tabs.setUpdatesEnabled(True)

    # --- menus ----------------------------------------------------------------------------------------
    def _action(self, menu: object, text: str, slot: Callable[[], object], shortcut: str | None = None, *,
                needs_journal: bool = True) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcuts([QKeySequence(shortcut)])  # not setShortcut: see the submit button
        action.triggered.connect(slot)
        if needs_journal:  # until attach
            action.setEnabled(False)
            self._journal_actions.append(action)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _menus(self) -> None:
        bar = self.menuBar()
        journal = bar.addMenu(self.tr("&Journal"))
        self._action(journal, self.tr("Submit readings…"), self.submit_readings)
        self._action(journal, self.tr("Add an account…"), self.add_account)
        self._action(journal, self.tr("Change the tariff plan…"), self.change_plan)
        self._action(journal, self.tr("Export readings to CSV…"), self.export_csv)
        self._action(journal, self.tr("Import readings from CSV…"), self.import_csv)
        self._action(journal, self.tr("Settings…"), self.open_settings, "Ctrl+,")
        if self.sample:
            self._action(journal, self.tr("Leave the sample and start my journal"), self.own_journal_requested.emit)
        self._action(journal, self.tr("Quit"), self.close, "Ctrl+Q", needs_journal=False)
        documents = bar.addMenu(self.tr("&Documents"))
        self._action(documents, self.tr("Payment receipt…"), self.open_receipt, "Ctrl+P")
        self._action(documents, self.tr("Readings slip for the post office box…"), self.save_slip)
        self._action(documents, self.tr("Yearly report…"), self.save_report)
        self._action(documents, self.tr("Payee's bank details…"), self.edit_payee)
        portal = bar.addMenu(self.tr("&Personal account"))
        self._action(portal, self.tr("Send readings and fetch bills"), lambda: self.sync.sync_now(None), "F5")
        self._action(portal, self.tr("Open the personal account in the browser"), lambda: self.sync.open_portal())
        self._action(portal, self.tr("Forget the saved password"), self.forget_password)
        edit = bar.addMenu(self.tr("&Edit"))
        self._action(edit, self.tr("Undo last change"), lambda: self.history.undo(), "Ctrl+Z")
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("How to read a meter"), self.show_reading_help, "F1", needs_journal=False)
        self._action(help_menu, self.tr("Other ways to submit (SMS, phone, e-mail)"),
                     lambda: self.show_fallbacks([]), needs_journal=False)
        self._action(help_menu, self.tr("Samaraenergo contacts and website"), self.show_contacts,
                     needs_journal=False)
        self._action(help_menu, self.tr("About Meter Journal"), self.about, needs_journal=False)

    # --- accounts ---------------------------------------------------------------------------------------
    def reload_accounts(self, select: str | None = None) -> None:
        accounts = self.service.list_accounts()
        wanted = select or self.number or self.settings.current_account
        self.account_box.blockSignals(True)
        self.account_box.clear()
        for account in accounts:
            self.account_box.addItem(f"{account.number} — {account.address}", account.number)
        index = max(0, self.account_box.findData(wanted))
        self.account_box.setCurrentIndex(index)
        self.account_box.blockSignals(False)
        self.submit_button.setEnabled(bool(accounts))
        self._account_changed()

    def _account_changed(self) -> None:
        number = self.account_box.currentData()
        self.number = number
        if number:
            if not self.sample:
                self.settings.current_account = number
            self.refresh()

    def refresh(self) -> None:
        if not self.number:
            return
        number = self.number
        self.history.load(number)  # the one read of the history per refresh; the other tabs share its rows
        self.accounts.load(number)
        self.charts.load(self.history.model.zones, self.history.model.rows, self.service.today())
        self.payments.load(number, None)  # the balance follows from the history's background pass
        self.show_reminders()

    def _balance_ready(self, info: object) -> None:
        if info.account != self.number:  # type: ignore[attr-defined]
            return
        self.payments.load(self.number, info)  # type: ignore[arg-type]
        self.charts.set_balance(info)  # type: ignore[arg-type]
        self.balance_label.setText(self.payments.balance_label.text())

    # --- actions ------------------------------------------------------------------------------------------
    def submit_readings(self) -> None:
        if not self.number:
            return
        from ui.reading_dialog import ReadingDialog

        try:
            dialog = ReadingDialog(self.service, self.number, self.service.today(), self)
        except JournalError as exc:
            QMessageBox.warning(self, self.tr("Submit readings"), render(exc))
            return
        dialog.saved.connect(lambda _info: self.refresh())
        dialog.saved.connect(lambda _info: self.sync.background_sync())  # sent at once when a password is at hand
        dialog.fallback_requested.connect(self.show_fallbacks)
        dialog.replace_meter_requested.connect(self.replace_meter)
        run_dialog(dialog)

    def open_receipt(self) -> None:
        if self.number:
            from ui.receipt_dialog import ReceiptDialog

            run_dialog(ReceiptDialog(self.service, self.number, self.tasks, self))

    def edit_payee(self) -> None:
        from ui.payee_dialog import PayeeDialog

        run_dialog(PayeeDialog(self.service, self))

    def save_slip(self) -> None:
        if not self.number:
            return
        number, receipts = self.number, self.service.receipts
        rows = self.service.history(number, include_retired=False)
        if not rows:
            QMessageBox.information(self, self.tr("Readings slip"), self.tr("There are no readings yet."))
            return
        period = rows[-1].period
        self._save_document(self.tr("Save the readings slip"), f"pokazaniya-{number}-{period}.pdf",
                            lambda path: receipts.write_slip(number, period, path))

    def save_report(self) -> None:
        if not self.number:
            return
        number, receipts, year = self.number, self.service.receipts, self.service.today().year
        self._save_document(self.tr("Save the yearly report"), f"otchet-{number}-{year}.pdf",
                            lambda path: receipts.write_report(number, year, path, path.with_suffix(".csv")))

    def _save_document(self, title: str, name: str, write: Callable[[Path], object]) -> None:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), "PDF (*.pdf)")
        if not path:
            return
        progress = QProgressDialog(self.tr("Preparing the document…"), self.tr("Cancel"), 0, 0, self)
        from PySide6.QtCore import Qt

        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(200)

        def done(_result: object) -> None:
            progress.close()
            self.statusBar().showMessage(self.tr("Saved: {path}").format(path=path), 10000)

        def failed(error: BaseException) -> None:
            progress.close()
            message = render(message_of(error))
            QMessageBox.warning(self, title, message)

        token = self.tasks.run(lambda _t, _p: write(Path(path)), done, failed)
        progress.canceled.connect(token.cancel)

    def _portal_info(self, number: str) -> tuple[dict[int, str], dict[str, object]]:
        from journal.submissions import SubmissionState
        from ui.texts import submission_state_name

        statuses = {}
        for reading_id, info in self.sync.sync_service.submission_by_reading(number).items():
            text = submission_state_name(info.state)
            if info.state is SubmissionState.REJECTED and info.portal_message:
                text += f": {info.portal_message}"
            if text:
                statuses[reading_id] = text
        billed = {c.period: c for c in self.sync.sync_service.billed_comparison(number)}
        return statuses, billed

    def _sync_finished(self, report: object) -> None:
        self.statusBar().showMessage(self.sync.report_text(report), 30000)  # type: ignore[arg-type]
        self.refresh()
        r = report
        if r.unreachable or r.cancelled or getattr(r, "expired", False) or self.sample:  # type: ignore[attr-defined]
            return
        self.prices.after_sync()  # the months still unknown, at most once a day
        pulled = r.pulled  # type: ignore[attr-defined]
        if pulled is not None and pulled.pdfs and self.number:
            self._offer_invoice_payee(self.number)

    def _offer_invoice_payee(self, number: str) -> None:
        """A new invoice PDF came with the sync: when its QR code holds other bank details than the journal's (or
        the journal has none), offer them in the banner."""
        receipts, folder = self.service.receipts, self.service.path.parent

        def done(found: object) -> None:
            if found is None or number != self.number:
                return
            self._invoice_offer = (number, found)  # kept in the banner until taken, over the usual reminders
            self.show_reminders()

        self.tasks.run(lambda _t, _p: receipts.invoice_payee(number, folder), done,
                       lambda error: None)

    def _invoice_banner(self, found: object) -> None:
        from ui.texts import day_text

        has = self.service.receipts.payee()
        text = (self.tr("The bill of {date} from the personal account shows other bank details of the payee "
                        "than the journal's.") if has is not None and not has.is_sample else
                self.tr("The bill of {date} from the personal account holds the payee's bank details: the "
                        "program can take them for your receipts.")).format(
            date=day_text(found.invoice_date) if found.invoice_date else "—")  # type: ignore[attr-defined]
        self._banner(text, self.tr("Take the bill's bank details…"), lambda: self._take_invoice_payee(found))

    def _take_invoice_payee(self, found: object) -> None:
        from ui.confirmations import ask_risky
        from ui.payee_dialog import payee_summary, replace_allowed

        details = found.details  # type: ignore[attr-defined]
        current = self.service.receipts.payee()
        if current is None or current.is_sample:
            chosen = ask_risky(self, self.tr("The payee's bank details"), self.tr(
                "Take these bank details from the bill for your receipts?\n\n{details}").format(
                details=payee_summary(details)), self.tr("&Take them"), name=self.tr("Take the bill's bank details"),
                safe=self.tr("Not now"))
        else:
            chosen = replace_allowed(self, current, details)
        if not chosen:
            return
        self._invoice_offer = None
        try:
            self.service.receipts.store_payee(details)
        except JournalError as exc:
            QMessageBox.warning(self, self.tr("The payee's bank details"), render(exc))
            return
        self.show_reminders()
        self.statusBar().showMessage(self.tr("The bank details were taken from the bill and saved."), 15000)

    def review_offer(self, offer: object) -> None:
        """Accept the prices the portal reported from a date the person confirms, or dismiss them."""
        number = self.number
        if number is None:
            return
        from ui.confirmations import Choice, risky_question

        choice = risky_question(self, self.tr("New prices from the supplier"), self.tr(
            "Use these prices from the first day of this month? If your bill shows another date, enter the prices "
            "in Settings → Prices instead."), [
            Choice(self.tr("&Use them"), self.tr("Use the supplier's prices")),
            Choice(self.tr("&Ignore them"), self.tr("Ignore the supplier's prices")),
        ], safe=self.tr("Decide later"))
        today = self.service.today()
        try:
            if choice == 0:
                self.sync.sync_service.accept_tariff_offer(number, offer.id, today.replace(day=1))  # type: ignore[attr-defined]
            elif choice == 1:
                self.sync.sync_service.dismiss_tariff_offer(number, offer.id)  # type: ignore[attr-defined]
            else:
                return
        except JournalError as exc:
            QMessageBox.warning(self, self.tr("New prices from the supplier"), render(exc))
            return
        self.refresh()

    def forget_password(self) -> None:
        from ui.confirmations import ask_risky, leave_it

        service = self.sync.sync_service
        login = service.login_for(self.number)
        if service.credential_info(login).stored and not ask_risky(self, self.tr("Forget the password?"), self.tr(
                "Remove the saved password of the personal account? The next time readings are sent, the program "
                "will ask for it again."), self.tr("&Yes, remove"), name=self.tr("Yes, remove the saved password"),
                safe=leave_it()):
            return
        forgotten = service.forget_password(login)
        self.statusBar().showMessage(self.tr("The saved password was removed.") if forgotten
                                     else self.tr("No password was saved."), 10000)

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
            self.reload_accounts(dialog.number)

    def edit_account(self) -> None:
        from ui.account_dialogs import EditAccountDialog

        if self.number and run_dialog(EditAccountDialog(self.service, self.number, self)):
            self.reload_accounts(self.number)

    def replace_meter(self) -> None:
        from ui.account_dialogs import ReplaceMeterWizard

        if self.number and run_dialog(ReplaceMeterWizard(self.service, self.number, self)):
            self.refresh()

    def change_plan(self) -> None:
        from ui.plan_change_dialog import ChangePlanDialog

        if self.number and run_dialog(ChangePlanDialog(self.service, self.number, self)):
            self.reload_accounts(self.number)

    def open_prices(self, missing: object) -> None:
        """Settings on the prices page at a missing price (journal.tariffs.MissingPrice), ready to type."""
        self.open_settings(missing)

    def open_settings(self, missing: object = None) -> None:
        from journal.tariffs import MissingPrice
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.service, self.number, self)
        if isinstance(missing, MissingPrice):
            dialog.open_prices(missing)
        dialog.restore_requested.connect(self.restore_backup)
        dialog.prices_changed.connect(self.refresh)
        dialog.lookup_requested.connect(lambda: self.prices.look_up(self.number, dialog))
        if run_dialog(dialog):
            self.settings_applied.emit()

    def restore_backup(self, path: Path) -> None:
        try:
            self.service.restore(Path(path))
        except JournalError as exc:
            QMessageBox.warning(self, self.tr("Not restored"), render(exc))
            return
        self.reload_accounts()
        QMessageBox.information(self, self.tr("Restored"), self.tr("The journal was restored from the copy."))

    def export_csv(self) -> None:
        excel, plain = self.tr("CSV for Excel (*.csv)"), self.tr("CSV, comma-separated (*.csv)")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export readings"), "readings.csv",
                                                   f"{excel};;{plain}")
        if not path:
            return
        try:
            count = self.service.export_csv(Path(path), excel=chosen == excel)
        except JournalError as exc:
            QMessageBox.warning(self, self.tr("Not exported"), render(exc))
            return
        QMessageBox.information(self, self.tr("Exported"), self.tr("{count} readings saved to {path}.").format(
            count=count, path=path))

    def import_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import readings"), "", "CSV (*.csv)")
        if not path:
            return
        try:
            count = self.service.import_csv(Path(path))
        except (JournalError, OSError) as exc:
            message = render(message_of(exc))
            QMessageBox.warning(self, self.tr("Nothing was imported"), message)
            return
        self.refresh()
        QMessageBox.information(self, self.tr("Imported"), self.tr("{count} readings imported.").format(count=count))

    def about(self) -> None:
        from desktop_app import __version__

        QMessageBox.about(self, self.tr("About Meter Journal"), self.tr(
            "Meter Journal {version}: a journal of electricity meter readings for Samaraenergo households.\n"
            "Your data: {path}").format(version=__version__, path=self.service.path if self.service else "—"))

    # --- reminders ------------------------------------------------------------------------------------------
    def show_reminders(self) -> None:
        if not self.number:
            return
        from ui.texts import day_text, month_name, zone_name

        if self.sample:
            self._banner(self.tr("This is a sample household with made-up numbers. Look around freely."),
                         self.tr("Start my journal"), self.own_journal_requested.emit)
            return
        deadline = [w for w in self.sync.sync_service.deadline_warnings() if w.account == self.number]
        if deadline:
            warning = deadline[0]
            self._banner(self.tr("The reading of {date} has not reached the supplier yet, and readings are accepted "
                                 "until the 25th. Send it by SMS {sms} to {number} or by phone {phone}.").format(
                date=day_text(warning.taken_on), sms=warning.sms_text, number=warning.sms_number,
                phone=warning.phone), self.tr("SMS and phone"),
                lambda: self.show_fallbacks([str(v) for v in warning.values]))
            return
        if self._invoice_offer is not None and self._invoice_offer[0] == self.number:
            self._invoice_banner(self._invoice_offer[1])
            return
        offers = [o for o in self.sync.sync_service.tariff_offers(self.number) if o.status == "offered"]
        if offers:
            offer = offers[0]
            prices = ", ".join(f"{zone_name(zone)} {price}" for zone, price in offer.prices.items()
                               if price is not None)
            self._banner(self.tr("The supplier's personal account shows new prices (₽/kWh): {prices}. They are not "
                                 "used until you accept them.").format(prices=prices), self.tr("Review the prices…"),
                         lambda: self.review_offer(offer))
            return
        from desktop_app.services.reminders import due_reminders

        reminders = due_reminders(self.service, self.number, self.history.model.rows)
        if not reminders:
            self.banner.hide()
            return
        first = reminders[0]
        texts = {
            "submit": self.tr("Time to submit the readings for {period}: the supplier accepts them until the "
                              "25th."),
            "verification": self.tr("The meter's verification is due in {year}: call the supplier."),
        }
        text = " ".join(texts[r.kind].format(**{k: month_name(v) if k == "period" else v for k, v in r.values.items()})
                        for r in reminders)
        if first.kind == "submit":
            self._banner(text, self.tr("Submit readings"), self.submit_readings)
            if QSystemTrayIcon.isSystemTrayAvailable() and self.windowIcon() and not getattr(self, "_tray", None):
                self._tray = QSystemTrayIcon(self.windowIcon(), self)
                self._tray.show()
                self._tray.showMessage(self.tr("Meter Journal"), text)
        else:
            self._banner(text, self.tr("Contacts"), self.show_contacts)

    def _banner(self, text: str, button: str, action: Callable[[], object]) -> None:
        self.banner_text.setText(text)
        self.banner_button.setText(button)
        self.banner_button.setAccessibleName(button)
        self._banner_action = action
        self.banner.show()

    def closeEvent(self, event: object) -> None:
        self.tasks.wait(5000)
        super().closeEvent(event)  # type: ignore[arg-type]


