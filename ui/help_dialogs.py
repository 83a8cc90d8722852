"""Help for people: how to read a meter, other ways to submit (SMS, phone, e-mail), the supplier's contacts."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

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
    """A drawing of a meter's drums: black digits to write down, the red one after the comma to leave out. Its
    captions wrap (under the one red digit «этого не пишите» takes two lines at large text) and the drawing is as
    tall as they need at its width (height for width)."""

    MARGIN = 20  # px left of the drums, and at least as much right of them

    def __init__(self, digits: str = "012345", red: str = "7", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.digits, self.red = digits, red
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(self.tr("Picture of a meter's digits"))
        self.setAccessibleDescription(self.tr("Black digits 012345, then a comma and a red digit 7: write 12345."))

    def _cell(self, width: int) -> float:
        """A drum's width (and height) in a drawing `width` px wide: as the text grows, never wider than the
        drawing allows."""
        return min((width - 2 * self.MARGIN) / (len(self.digits) + 1.5), 2.6 * self.fontMetrics().height())

    def _red_middle(self, cell: float) -> float:
        return self.MARGIN + cell * (len(self.digits) + 0.5) + (cell - 4) / 2

    def _red_half(self, cell: float) -> float:
        """Half the width «not this» would like under the red drum: its one line, or at least 1.6 drums."""
        return max(cell * 1.6, QFontMetricsF(self.font()).horizontalAdvance(self.tr("not this")) / 2 + 2)

    def captions(self, width: int | None = None) -> list[tuple[QRectF, str]]:
        """Where each caption is written (its rectangle as tall as the wrapped text needs) and its text: «write
        these» under the black drums, «not this» under the red one, as wide as the room beside it allows."""
        width = self.width() if width is None else width
        cell = self._cell(width)
        top = 10 + cell + 6
        red_middle = self._red_middle(cell)
        half = min(self._red_half(cell), width - 4 - red_middle)  # centred under the red drum, within the drawing
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        metrics = QFontMetricsF(self.font())
        placed = []
        for left, right, text in ((self.MARGIN, red_middle - half, self.tr("write these")),
                                  (red_middle - half, red_middle + half, self.tr("not this"))):
            room = QRectF(left, top, right - left, 10_000)
            placed.append((QRectF(left, top, right - left, metrics.boundingRect(room, flags, text).height()), text))
        return placed

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return math.ceil(max(rect.bottom() for rect, _text in self.captions(width))) + 8

    def sizeHint(self) -> QSize:
        cell = 2.6 * self.fontMetrics().height()  # the drums as large as the text allows, «not this» on one line
        width = max(420, math.ceil(self._red_middle(cell) + self._red_half(cell) + 4))
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = 320
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#dddddd"))
        cell = self._cell(self.width())
        font = QFont(self.font())
        font.setPointSizeF(cell * 0.45)
        font.setBold(True)
        painter.setFont(font)
        x = float(self.MARGIN)
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
        painter.setFont(self.font())
        painter.setPen(QColor("#111111"))
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        for place, text in self.captions():
            painter.drawText(place, flags, text)


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
