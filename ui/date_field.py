"""The one field for a day a person types: the date typed is the date stored, or it is refused next to the field.

It reads dates as people write them — 10.01.2025, 10.1.2025, 10 01 2025, 10012025, 10,01,2025, 10.01.25 — by the
rule the command line's day arguments follow too (journal.validation.read_typed_date), and changes nothing while
they type (QDateEdit's sections silently turned a typed day into another). Focus — Tab, Shift+Tab or a click —
selects the whole text, so typing replaces it; Up and Down step the day; the calendar button (or Alt+Down, F4)
opens a calendar for the mouse. A day that does not exist, or lies outside the field's range, is refused with a
message beside the field naming the range; a dialog asks `checked()` before it writes anything.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QPoint, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFocusEvent, QIcon, QKeyEvent, QMouseEvent, QPainter, QPen, QPixmap, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.validation import read_typed_date
from ui.screen_fit import ScreenFitBody
from ui.texts import day_text
from ui.theme import show_hint


def _calendar_icon(size: int, ratio: float, colour: QColor) -> QIcon:
    """A small wall calendar: a frame, its top band with two rings, and a grid of days — drawn in the text's colour,
    so it follows high contrast."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    line = max(1.5, size / 14)
    painter.setPen(QPen(colour, line))
    body = QRectF(line, size * 0.16, size - 2 * line, size * 0.84 - line)
    painter.drawRoundedRect(body, line, line)
    painter.fillRect(QRectF(body.left(), body.top(), body.width(), body.height() * 0.24), colour)
    for x in (0.3, 0.7):
        painter.drawLine(QPoint(round(size * x), round(line)), QPoint(round(size * x), round(size * 0.28)))
    cell = body.width() / 4
    for row in range(3):
        for column in range(3):
            painter.fillRect(QRectF(body.left() + cell * (column + 0.5), body.top() + body.height() * 0.34
                                    + row * body.height() * 0.22, cell * 0.55, body.height() * 0.13), colour)
    painter.end()
    return QIcon(pixmap)


def after_meter_day(field: DateField, day: date, *, installation: bool) -> None:
    """Accept the days after `day` — the meter's installation (the act gives that day's values) or its last
    reading — up to today, and say so when a day is earlier."""
    too_early = (QCoreApplication.translate("DateField", "The date must be after the meter's installation day, {date}.")
                 if installation else
                 QCoreApplication.translate("DateField", "The date must be after the meter's last reading, {date}."))
    field.set_range(day + timedelta(days=1), field.today, too_early=too_early.format(date=day_text(day)))


class _DayLine(QLineEdit):
    """The text of the day. Focus by Tab, Shift+Tab, a shortcut or a click selects it all; a click-and-drag on
    entering does not undo that."""

    def __init__(self, field: DateField) -> None:
        super().__init__(field)
        self.field = field
        self._select_on_click = False
        self._ignore_drag = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() == Qt.FocusReason.MouseFocusReason:
            self._select_on_click = True  # the press that follows would put the cursor where it is
        elif event.reason() != Qt.FocusReason.ActiveWindowFocusReason:  # back to the window: leave the text be
            self.selectAll()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._select_on_click = False
        super().focusOutEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        if self._select_on_click and event.button() == Qt.MouseButton.LeftButton:
            self._select_on_click, self._ignore_drag = False, True
            self.selectAll()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self._ignore_drag:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._ignore_drag = False
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.field.open_calendar()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.field.step(1 if key == Qt.Key.Key_Up else -1)
        else:
            super().keyPressEvent(event)


class _CalendarPopup(QFrame):
    """The calendar under the field; a click or Enter on a day chooses it, Esc closes it."""

    def __init__(self, field: DateField) -> None:
        super().__init__(field, Qt.WindowType.Popup)
        self.field = field
        self.setFrameShape(QFrame.Shape.Box)
        self.calendar = QCalendarWidget(self)
        self.calendar.setAccessibleName(QCoreApplication.translate("DateField", "Calendar"))
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self._chosen)
        self.calendar.activated.connect(self._chosen)

    def _chosen(self, day: QDate) -> None:
        self.close()
        self.field.set_date(date(day.year(), day.month(), day.day()))
        self._back()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            self._back()
            return
        super().keyPressEvent(event)

    def _back(self) -> None:
        """The focus back in the field, its text selected: typing still replaces it."""
        self.field.edit.setFocus(Qt.FocusReason.PopupFocusReason)
        self.field.edit.selectAll()

    def show_for(self, selected: date, earliest: date | None, latest: date | None) -> None:
        calendar = self.calendar
        calendar.setDateRange(QDate(1900, 1, 1), QDate(2199, 12, 31))
        if earliest is not None:
            calendar.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
        if latest is not None:
            calendar.setMaximumDate(QDate(latest.year, latest.month, latest.day))
        calendar.setSelectedDate(QDate(selected.year, selected.month, selected.day))
        weekend = QTextCharFormat()  # red on white; yellow on black in high contrast
        dark = self.palette().color(self.backgroundRole()).lightness() < 80
        weekend.setForeground(QColor("#ffff00" if dark else "#a40000"))
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            calendar.setWeekdayTextFormat(day, weekend)
        self.adjustSize()
        edit = self.field.edit
        screen = (edit.screen() or self.screen()).availableGeometry()
        below = edit.mapToGlobal(QPoint(0, edit.height()))
        x = max(screen.left(), min(below.x(), screen.right() - self.width()))
        y = below.y() if below.y() + self.height() <= screen.bottom() else edit.mapToGlobal(QPoint(0, 0)).y() \
            - self.height()
        self.move(x, max(screen.top(), y))
        self.show()
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)


class DateField(QWidget):
    """A day typed as text, with a calendar button and its own error line; `checked()` gives the day or says why
    not. The accessible name given to it goes to the text line (the label's words)."""

    dateChanged = Signal(object)  # a day the field accepts, as soon as it is typed or chosen

    def __init__(self, today: date, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.earliest: date | None = None
        self.latest: date | None = None
        self._too_early: str | None = None
        self._too_late: str | None = None
        self._when_empty: str | None = None  # what to say of an empty field; None: how to type a date
        self._accepted: date | None = None  # the last day the field accepted (typed, chosen or set)
        self.edit = _DayLine(self)
        self.edit.setMaxLength(24)
        show_hint(self.edit, self.tr("DD.MM.YYYY"))
        self.edit.setInputMethodHints(Qt.InputMethodHint.ImhPreferNumbers)
        self.edit.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.button = QToolButton(self)
        self.button.setAccessibleName(self.tr("Choose the date in a calendar"))
        self.button.setToolTip(self.tr("Choose the date in a calendar (Alt+Down)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field; Alt+Down opens it too
        self.button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.error = QLabel("", self)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFocusProxy(self.edit)
        self._popup: _CalendarPopup | None = None
        self._reveal_later = QTimer(self)  # a child: it goes with the field
        self._reveal_later.setSingleShot(True)
        self._reveal_later.setInterval(0)
        self._reveal_later.timeout.connect(self._reveal)
        self._draw_icon()
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._finished)
        self.button.clicked.connect(self.open_calendar)
        if value is not None:
            self.set_date(value)

    # --- what the field accepts ------------------------------------------------------------------------
    def set_range(self, earliest: date | None, latest: date | None, *, too_early: str | None = None,
                  too_late: str | None = None) -> None:
        """The first and last day accepted, and what to say outside them (default: «not earlier than …», «not
        later than today, …» or «not later than …»)."""
        self.earliest, self.latest, self._too_early, self._too_late = earliest, latest, too_early, too_late

    def require(self, message: str) -> None:
        """A field that starts empty and must be typed in: `message` beside it when it is left empty (a day
        copied from a paper, which no default would know)."""
        self._when_empty = message

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
        self.error.setAccessibleName(name + " — " + QCoreApplication.translate("common", "error"))

    def value(self) -> date | None:
        """The day typed, if the field accepts it (no message)."""
        return self._judge()[0]

    def checked(self) -> date | None:
        """The day typed; or None, with the reason shown beside the field and the focus on it."""
        day, message = self._judge()
        if day is None:
            self.show_error(message)
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.edit.selectAll()  # typing replaces it
        return day

    def set_date(self, day: date) -> None:
        self.edit.setText(day_text(day))
        self.clear_error()
        self._accept(day)

    def show_error(self, message: str) -> None:
        """A message beside the field: its own refusals, or the journal's about this day."""
        self.error.setText(message)
        self.error.show()
        self.edit.setAccessibleDescription(message)
        # A wrapped line's height is not in a form's minimum (height-for-width): give it.
        self.error.setMinimumHeight(self.error.heightForWidth(max(self.width(), self.sizeHint().width())))
        self.updateGeometry()
        self._reveal_later.start()  # once the forms around have given the line its place

    def _reveal(self) -> None:
        """In a dialog whose fields scroll, the field and its message come into view."""
        area = ScreenFitBody.around(self)
        if area is not None and self.error.isVisible():
            area.reveal(self)

    def clear_error(self) -> None:
        if self.error.isVisibleTo(self):
            self.error.hide()
            self.error.setMinimumHeight(0)
            self.edit.setAccessibleDescription("")
            self.updateGeometry()

    def _judge(self, *, short_year: bool = True) -> tuple[date | None, str]:
        example = self.tr("Type the date like this: {example}.").format(example=day_text(self.today))
        if self._when_empty is not None and not self.edit.text().strip():
            return None, self._when_empty
        parts = read_typed_date(self.edit.text(), self.today, short_year=short_year)
        if parts is None:
            return None, example
        day_number, month, year = parts
        try:
            day = date(year, month, day_number)
        except ValueError:
            return None, self.tr("There is no such date: {date}.").format(
                date=f"{day_number:02d}.{month:02d}.{year:04d}")
        if self.latest is not None and day > self.latest:
            if self._too_late is not None:
                return None, self._too_late
            if self.latest == self.today:
                return None, self.tr("The date cannot be later than today, {date}.").format(date=day_text(self.today))
            return None, self.tr("The date cannot be later than {date}.").format(date=day_text(self.latest))
        if self.earliest is not None and day < self.earliest:
            return None, self._too_early or self.tr("The date cannot be earlier than {date}.").format(
                date=day_text(self.earliest))
        return day, ""

    def _accept(self, day: date) -> None:
        if day != self._accepted:
            self._accepted = day
            self.dateChanged.emit(day)

    def _typed(self, _text: str) -> None:
        """While typing nothing is corrected or refused; a day the field accepts is passed on at once (a live
        estimate follows it), and an old message goes once the person types again."""
        self.clear_error()
        day = self._judge(short_year=False)[0]  # a two-digit year counts once the person leaves the field
        if day is not None:
            self._accept(day)

    def _finished(self) -> None:
        """Enter or leaving the field: the accepted day is written plainly (10012025 → 10.01.2025), a refused one
        explained."""
        day, message = self._judge()
        if day is None:
            self.show_error(message)
            return
        if self.edit.text() != day_text(day):
            self.edit.setText(day_text(day))
        self._accept(day)

    # --- stepping and the calendar ---------------------------------------------------------------------
    def step(self, days: int) -> None:
        """Up and Down: the next or previous day, within the range."""
        start = self.value() or self._accepted or self.today
        day = start + timedelta(days=days)
        if (self.earliest is not None and day < self.earliest) or (self.latest is not None and day > self.latest):
            return
        self.set_date(day)
        self.edit.selectAll()

    def open_calendar(self) -> None:
        if self._popup is None:
            self._popup = _CalendarPopup(self)
        selected = self.value() or self._accepted or self.today
        self._popup.show_for(selected, self.earliest, self.latest)

    def calendar(self) -> QCalendarWidget | None:
        """The calendar, once opened (for tests and accessibility tools)."""
        return self._popup.calendar if self._popup is not None else None

    def _draw_icon(self) -> None:
        size = round(self.fontMetrics().height() * 1.1)
        self.button.setIconSize(QSize(size, size))
        self.button.setIcon(_calendar_icon(size, self.devicePixelRatioF(), self.palette().color(
            self.button.foregroundRole())))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange) \
                and hasattr(self, "button"):  # (not while the field is being built)
            self._draw_icon()  # the text's colour and size: high contrast, a larger text
