"""What the supplier's personal account brings to the window: the sync's report in the status line, a bill's
bank details offered in the banner, the supplier's new prices to accept or ignore; forgetting the password."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from desktop_app.services.changes import NOTHING
from journal.errors import JournalError
from ui import operations
from ui.i18n import render

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate  # the name Qt Linguist's lupdate looks for; the window's own context


def after_sync(window: MainWindow, report: object) -> None:
    """The report in the status line (its Changes reach the window through the controller's `changed`, nothing is
    read again for it); after a sync that reached the portal, the prices still unknown are looked up and a new
    bill's bank details offered."""
    r = report
    window.show_status(window.sync.report_text(r), 30000)  # type: ignore[arg-type]
    if r.unreachable or r.cancelled or getattr(r, "expired", False) or window.sample:  # type: ignore[attr-defined]
        return
    window.prices.after_sync()  # the months still unknown, at most once a day
    pulled = r.pulled  # type: ignore[attr-defined]
    if pulled is not None and pulled.pdfs and window.number:
        _offer_invoice_payee(window, window.number)


def _offer_invoice_payee(window: MainWindow, number: str) -> None:
    """A new invoice PDF came with the sync: when its QR code holds other bank details than the journal's (or
    the journal has none), offer them in the banner."""
    receipts, folder = window.service.receipts, window.service.path.parent  # type: ignore[union-attr]

    def done(found: object) -> None:
        if found is None or number != window.number:
            return
        window._invoice_offer = (number, found)  # kept in the banner until taken, over the usual reminders
        window.refresh(NOTHING)

    window.tasks.run(lambda _t, _p: receipts.invoice_payee(number, folder), done, lambda error: None)


def take_invoice_payee(window: MainWindow, found: object) -> None:
    from ui.confirmations import ask_risky
    from ui.payee_dialog import payee_summary, replace_allowed

    details = found.details  # type: ignore[attr-defined]
    current = window.payee
    if current is None or current.is_sample:  # type: ignore[attr-defined]
        chosen = ask_risky(window, translate("MainWindow", "The payee's bank details"), translate(
            "MainWindow", "Take these bank details from the bill for your receipts?\n\n{details}").format(
            details=payee_summary(details)), translate("MainWindow", "&Take them"),
            name=translate("MainWindow", "Take the bill's bank details"), safe=translate("MainWindow", "Not now"))
    else:
        chosen = replace_allowed(window, current, details)  # type: ignore[arg-type]
    if not chosen:
        return
    window._invoice_offer = None
    store = window.service.receipts.store_payee  # type: ignore[union-attr]
    try:
        done = operations.write_once(window.tasks, lambda: store(details))
    except JournalError as exc:
        QMessageBox.warning(window, translate("MainWindow", "The payee's bank details"), render(exc))
        return
    window.apply_changes(done.changes)
    window.statusBar().showMessage(translate("MainWindow", "The bank details were taken from the bill and saved."),
                                   15000)


def review_offer(window: MainWindow, offer: object) -> None:
    """Accept the prices the portal reported from a date the person confirms, or dismiss them."""
    number = window.number
    if number is None:
        return
    from ui.confirmations import Choice, risky_question

    choice = risky_question(window, translate("MainWindow", "New prices from the supplier"), translate(
        "MainWindow", "Use these prices from the first day of this month? If your bill shows another date, enter "
                      "the prices in Settings → Prices instead."), [
        Choice(translate("MainWindow", "&Use them"), translate("MainWindow", "Use the supplier's prices")),
        Choice(translate("MainWindow", "&Ignore them"), translate("MainWindow", "Ignore the supplier's prices")),
    ], safe=translate("MainWindow", "Decide later"))
    if choice is None:
        return
    first, decide = window.service.today().replace(day=1), window.sync.decide_offer  # type: ignore[union-attr]
    offer_id = offer.id  # type: ignore[attr-defined]
    try:
        done = operations.write_once(window.tasks, lambda: decide(number, offer_id, choice == 0, first))
    except JournalError as exc:
        QMessageBox.warning(window, translate("MainWindow", "New prices from the supplier"), render(exc))
        return
    window.apply_changes(done.changes)


def forget_password(window: MainWindow) -> None:
    from ui.confirmations import ask_risky, leave_it

    if window.sync.password_stored(window.number) and not ask_risky(
            window, translate("MainWindow", "Forget the password?"), translate(
                "MainWindow", "Remove the saved password of the personal account? The next time readings are "
                              "sent, the program will ask for it again."),
            translate("MainWindow", "&Yes, remove"), name=translate("MainWindow", "Yes, remove the saved password"),
            safe=leave_it()):
        return
    forgotten = window.sync.forget_password(window.number)
    window.statusBar().showMessage(translate("MainWindow", "The saved password was removed.") if forgotten
                                   else translate("MainWindow", "No password was saved."), 10000)
