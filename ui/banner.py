"""The banner over the tabs: the first of the overview's banners (desktop_app/services/overview.py decides their
order), in words, with its one button."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSystemTrayIcon

if TYPE_CHECKING:  # the overview (SQLAlchemy) is loaded once the journal is attached
    from desktop_app.services.overview import Banner
    from ui.main_window import MainWindow

translate = QCoreApplication.translate  # the name Qt Linguist's lupdate looks for; the window's own context


class BannerBar(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("banner")
        self.text = QLabel("")
        self.text.setWordWrap(True)
        self.text.setAccessibleName(translate("MainWindow", "Reminder"))
        self.button = QPushButton("")
        self.action: Callable[[], object] = lambda: None
        self.button.clicked.connect(lambda: self.action())
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.hide()

    def say(self, text: str, button: str, action: Callable[[], object]) -> None:
        self.text.setText(text)
        self.button.setText(button)
        self.button.setAccessibleName(button)
        self.action = action
        self.show()


def show_banner(window: MainWindow, banner: Banner | None) -> None:
    """Put `banner` in the window's bar (hide the bar when None); a reading due also shows in the tray."""
    from desktop_app.services.overview import BannerKind
    from ui.texts import day_text, month_name, zone_name

    bar = window.banner
    if banner is None:
        bar.hide()
        return
    if banner.kind is BannerKind.SAMPLE:
        bar.say(translate("MainWindow", "This is a sample household with made-up numbers. Look around freely."),
                translate("MainWindow", "Start my journal"), window.own_journal_requested.emit)
    elif banner.kind is BannerKind.DEADLINE and banner.deadline is not None:
        warning = banner.deadline
        bar.say(translate("MainWindow", "The reading of {date} has not reached the supplier yet, and readings are "
                                        "accepted until the 25th. Send it by SMS {sms} to {number} or by phone "
                                        "{phone}.").format(
            date=day_text(warning.taken_on), sms=warning.sms_text, number=warning.sms_number, phone=warning.phone),
            translate("MainWindow", "SMS and phone"), lambda: window.show_fallbacks([str(v) for v in warning.values]))
    elif banner.kind is BannerKind.INVOICE_PAYEE:
        found = banner.invoice
        has = window.payee
        text = (translate("MainWindow", "The bill of {date} from the personal account shows other bank details of "
                                        "the payee than the journal's.") if has is not None and not has.is_sample else
                translate("MainWindow", "The bill of {date} from the personal account holds the payee's bank "
                                        "details: the program can take them for your receipts.")).format(
            date=day_text(found.invoice_date) if found.invoice_date else "—")  # type: ignore[union-attr]
        bar.say(text, translate("MainWindow", "Take the bill's bank details…"),
                lambda: window.take_invoice_payee(found))
    elif banner.kind is BannerKind.TARIFF_OFFER and banner.offer is not None:
        offer = banner.offer
        prices = ", ".join(f"{zone_name(zone)} {price}" for zone, price in offer.prices.items() if price is not None)
        bar.say(translate("MainWindow", "The supplier's personal account shows new prices (₽/kWh): {prices}. They "
                                        "are not used until you accept them.").format(prices=prices),
                translate("MainWindow", "Review the prices…"), lambda: window.review_offer(offer))
    elif banner.kind is BannerKind.REMINDERS:
        texts = {
            "submit": translate("MainWindow", "Time to submit the readings for {period}: the supplier accepts them "
                                              "until the 25th."),
            "verification": translate("MainWindow", "The meter's verification is due in {year}: call the supplier."),
        }
        text = " ".join(texts[r.kind].format(**{k: month_name(v) if k == "period" else v  # type: ignore[arg-type]
                                                for k, v in r.values.items()}) for r in banner.reminders)
        if banner.reminders[0].kind == "submit":
            bar.say(text, translate("MainWindow", "Submit readings"), window.submit_readings)
            if QSystemTrayIcon.isSystemTrayAvailable() and window.windowIcon() and not getattr(window, "_tray", None):
                window._tray = QSystemTrayIcon(window.windowIcon(), window)
                window._tray.show()
                window._tray.showMessage(translate("MainWindow", "Meter Journal"), text)
        else:
            bar.say(text, translate("MainWindow", "Contacts"), window.show_contacts)
