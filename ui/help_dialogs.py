"""Help for people: how to read a meter, other ways to submit (SMS, phone, e-mail), the supplier's contacts."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QFont, QGuiApplication, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QDialog, QLabel, QLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from journal.supplier import DEFAULT_PROFILE as SUPPLIER
from ui.button_row import ButtonRow
from ui.dialog_buttons import close_button
from ui.screen_fit import ScreenFitBody


def _fitting(dialog: QDialog, *parts: QWidget) -> QVBoxLayout:
    """The dialog's layout, as big as its texts need at any text size, with `parts` one under the other in a body
    that scrolls on a small screen; the buttons added after it stay in view."""
    layout = QVBoxLayout(dialog)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
    body = QWidget()
    inner = QVBoxLayout(body)
    inner.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        inner.addWidget(part, alignment=Qt.AlignmentFlag.AlignLeft if isinstance(part, QPushButton) else
                        Qt.AlignmentFlag(0))
    layout.addWidget(ScreenFitBody(body))
    return layout


class MeterFace(QWidget):
    """A drawing of a meter's drums: black digits to write down, the red one after the comma to leave out."""

    def __init__(self, digits: str = "012345", red: str = "7", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.digits, self.red = digits, red
        self.setMinimumSize(420, 130)
        self.setAccessibleName(self.tr("Picture of a meter's digits"))
        self.setAccessibleDescription(self.tr("Black digits 012345, then a comma and a red digit 7: write 12345."))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#dddddd"))
        cell = min((self.width() - 40) / (len(self.digits) + 1.5), self.height() * 0.55)
        font = QFont(self.font())
        font.setPointSizeF(cell * 0.45)
        font.setBold(True)
        painter.setFont(font)
        x = 20.0
        for digit in self.digits:
            rect = QRectF(x, 10, cell - 4, cell)
            painter.fillRect(rect, QColor("#111111"))
            painter.setPen(QColor("#ffffff"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, digit)
            x += cell
        painter.setPen(QPen(QColor("#111111"), 3))
        painter.drawText(QRectF(x, 10, cell * 0.5, cell), Qt.AlignmentFlag.AlignCenter, ",")
        x += cell * 0.5
        rect = QRectF(x, 10, cell - 4, cell)
        painter.fillRect(rect, QColor("#c00000"))
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.red)
        small = QFont(self.font())
        painter.setFont(small)
        painter.setPen(QColor("#111111"))
        painter.drawText(QRectF(20, cell + 16, x - 20, self.height() - cell - 16),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), self.tr("write these"))
        painter.drawText(QRectF(x - cell, cell + 16, cell * 2.2, self.height() - cell - 16),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), self.tr("not this"))


class ReadingHelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("How to read a meter"))
        text = QLabel(self.tr(
            "<ol><li>Write down the black digits before the comma.</li>"
            "<li>Leave out the red digit after the comma (on some meters it is in a red frame).</li>"
            "<li>Zeros at the start do not matter: 012345 is written 12345.</li>"
            "<li>A two- or three-zone meter shows each zone in turn (T1, T2, T3): wait for each one, or press "
            "the meter's button, and write each zone in its own field.</li></ol>"))
        text.setWordWrap(True)
        layout = _fitting(self, MeterFace(), text)
        layout.addWidget(close_button(self), alignment=Qt.AlignmentFlag.AlignRight)


class FallbackDialog(QDialog):
    """When the portal is out of reach: the exact SMS, the call centre, a ready e-mail text."""

    def __init__(self, number: str, values: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Other ways to submit readings"))
        shown = [v for v in values if v] or ["…"]
        digits = all(v.isdigit() for v in shown)
        self.sms = SUPPLIER.readings_sms([int(v) for v in shown] if digits else shown)
        sms_label = QLabel(self.tr("SMS to <b>{number}</b> (Megafon, Beeline, MTS; the phone must be linked to "
                                   "the account):").format(number=SUPPLIER.sms_number))
        sms_label.setWordWrap(True)
        self.sms_field = QLabel(f"<big><b>{self.sms}</b></big>")
        self.sms_field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sms_field.setAccessibleName(self.tr("SMS text"))
        copy = QPushButton(self.tr("Copy the SMS text"))
        copy.setAccessibleName(self.tr("Copy the SMS text"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.sms))
        self.email = self.tr("Personal account {account}. Meter readings: {values}.").format(
            account=number, values=", ".join(shown))
        email = QTextBrowser()
        email.setPlainText(self.email)
        email.setAccessibleName(self.tr("E-mail text"))
        email.setMaximumHeight(90)
        copy_email = QPushButton(self.tr("Copy the e-mail text"))
        copy_email.setAccessibleName(self.tr("Copy the e-mail text"))
        copy_email.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.email))
        phone = QLabel(self.tr("Or call the free call centre <b>{phone}</b> and dictate the account number and the "
                               "readings.").format(phone=SUPPLIER.call_centre))
        phone.setWordWrap(True)
        sms = ButtonRow()  # the SMS text and its button, one under the other when narrow
        sms.addWidget(self.sms_field)
        sms.addWidget(copy)
        email_label = QLabel(self.tr("A ready text for an e-mail to your branch:"))
        email_label.setWordWrap(True)
        layout = _fitting(self, sms_label, sms, phone, email_label, email, copy_email)
        layout.addWidget(close_button(self), alignment=Qt.AlignmentFlag.AlignRight)


class ContactsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Samaraenergo: contacts and the website"))
        text = QLabel(self.tr(
            "<p>Call centre (free): <b>{centre}</b> — readings, bills, questions.</p>"
            "<p>Help with the website's personal account: <b>{hotline}</b>.</p>"
            "<p>On the website you register, recover a forgotten password and pay by card.</p>"
        ).format(centre=SUPPLIER.call_centre, hotline=SUPPLIER.portal_hotline))
        text.setWordWrap(True)
        portal = QPushButton(self.tr("Open the supplier's website"))
        portal.setAccessibleName(self.tr("Open the supplier's website in the browser"))
        portal.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(SUPPLIER.portal_origin)))
        layout = _fitting(self, text, portal)
        layout.addWidget(close_button(self), alignment=Qt.AlignmentFlag.AlignRight)
