"""The reminder's notification (`meter-journal remind` when something is due): a small window in the corner of the
screen, above the others, in large text, that stays until the person answers it. «Открыть журнал» starts the
window at the dialog for the first thing due — the reading, the sync, the payments; «Напомнить завтра» puts it off
until tomorrow. Either answer means the person has seen today's reminders (desktop_app.services.reminders).

A frameless always-on-top window rather than QSystemTrayIcon.showMessage: that needs a tray, which not every
desktop has, and its bubble goes away by itself. This works the same on Windows, macOS and Linux.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QBoxLayout, QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop_app.services.reminders import INVOICE, READING, WAITING, Due, mark_seen
from ui.texts import day_text, money, month_name

OPENING = {READING: "reading", WAITING: "sync", INVOICE: "payments"}  # the window's --open for each kind
MAX_LINES = 4  # more than this, and the rest is «…and N more in the journal»
MARGIN = 16  # px from the screen's edges


class ReminderNotice(QWidget):
    def __init__(self, due: list[Due], folder: Path, today: date,
                 start_window: Callable[[list[str]], object] | None = None) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.due, self.folder, self.today = due, Path(folder), today
        self.start_window = start_window or _start_program
        self.answer: str | None = None  # "open" or "tomorrow" once answered
        self.setWindowTitle(self.tr("Meter Journal reminds you"))
        self.setAccessibleName(self.windowTitle())
        frame = QFrame()
        frame.setObjectName("banner")  # the window's reminder banner's frame
        self.title = QLabel(self.tr("Meter Journal reminds you"))
        self.title.setProperty("role", "big")
        self.message = QLabel("\n\n".join(self.lines()))
        self.message.setWordWrap(True)
        larger = self.message.font()
        larger.setPointSizeF(larger.pointSizeF() * 1.15)  # the window's text, a size larger: a glance tells it
        self.message.setFont(larger)
        self.message.setAccessibleName(self.tr("Reminder"))
        self.open_button = QPushButton(self.tr("Open the journal"))
        self.open_button.setObjectName("primary")
        self.open_button.setAccessibleName(self.tr("Open the journal"))
        self.open_button.setDefault(True)
        self.open_button.setAutoDefault(True)
        self.later_button = QPushButton(self.tr("Remind me tomorrow"))
        self.later_button.setAccessibleName(self.tr("Remind me tomorrow"))
        self.later_button.setAutoDefault(True)
        self.open_button.clicked.connect(self.open_journal)
        self.later_button.clicked.connect(self.remind_tomorrow)
        self.buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.buttons.addWidget(self.open_button)
        self.buttons.addWidget(self.later_button)
        self.body = QScrollArea()  # a long list on a small screen scrolls; the buttons stay in view
        self.body.setWidget(self.message)
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QVBoxLayout(frame)
        inner.addWidget(self.title)
        inner.addWidget(self.body, 1)
        inner.addLayout(self.buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

    def lines(self) -> list[str]:
        lines = [self._line(d) for d in self.due[:MAX_LINES]]
        if len(self.due) > MAX_LINES:
            lines.append(self.tr("…and %n more in the journal.", "", len(self.due) - MAX_LINES))
        return lines

    def _line(self, due: Due) -> str:
        if due.kind == READING:
            return self.tr("Submit the readings for {month} (account {account}): the supplier takes them until "
                           "{day}.").format(month=month_name(due.period or ""), account=due.account,
                                            day=day_text(due.until) if due.until else "")
        if due.kind == WAITING:
            parts = []
            if due.waiting:
                parts.append(self.tr("%n reading(s) of account {account} have not reached the supplier yet.", "",
                                     due.waiting).format(account=due.account))
            if due.checking:
                parts.append(self.tr("%n reading(s) of account {account} are being checked with the supplier.", "",
                                     due.checking).format(account=due.account))
            return " ".join(parts)
        overdue = due.until is not None and due.until < self.today
        if due.amount is None:
            text = (self.tr("The bill of account {account} was due on {day}; no payment is recorded.") if overdue
                    else self.tr("The bill of account {account} is to be paid by {day}; no payment is recorded."))
        else:
            text = (self.tr("The bill of account {account} for {amount} was due on {day}; no payment is recorded.")
                    if overdue else self.tr("The bill of account {account} for {amount} is to be paid by {day}; no "
                                            "payment is recorded."))
        return text.format(account=due.account, amount=money(due.amount) if due.amount is not None else "",
                           day=day_text(due.until) if due.until else "")

    def window_command(self) -> list[str]:
        """The window, opened at the dialog of the first thing due."""
        from desktop_app.autostart import program_command

        first = self.due[0]
        return [*program_command(), "--open", OPENING[first.kind], "--account", first.account,
                "--data-dir", str(self.folder)]

    def open_journal(self) -> None:
        self._answer("open")
        self.start_window(self.window_command())

    def remind_tomorrow(self) -> None:
        self._answer("tomorrow")

    def _answer(self, answer: str) -> None:
        self.answer = answer
        mark_seen(self.folder, self.today)
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # the safe answer: later
            self.remind_tomorrow()
            return
        super().keyPressEvent(event)

    def place(self) -> None:
        """In the bottom right corner of the screen's free area, as wide as about 56 characters of its text (and its
        title), the buttons side by side when both fit, else one above the other. Its height follows once it is laid
        out (`showEvent`)."""
        screen = self._screen()
        for widget in (self, self.title, self.open_button, self.later_button):
            widget.ensurePolished()  # measured in the theme's fonts (the primary button's is larger)
        wanted = max(self.fontMetrics().averageCharWidth() * 56, self.title.sizeHint().width()) + 4 * MARGIN
        width = min(screen.width() - 2 * MARGIN, wanted)
        self.setFixedWidth(width)
        side_by_side = (self.open_button.sizeHint().width() + self.later_button.sizeHint().width()
                        + 2 * self.buttons.spacing() + 4 * MARGIN) <= width
        self.buttons.setDirection(QBoxLayout.Direction.LeftToRight if side_by_side
                                  else QBoxLayout.Direction.TopToBottom)
        self.body.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing())  # on a small screen: it scrolls
        self._to_corner()

    def showEvent(self, event: QShowEvent) -> None:
        """Laid out at its width, before it reaches the screen: as tall as its text, up to the screen's height (then
        the text scrolls above the buttons)."""
        super().showEvent(event)
        screen = self._screen()
        others = self.height() - self.body.height()
        needed = self.message.heightForWidth(self.body.width())
        self.setFixedHeight(min(others + needed, screen.height() - 2 * MARGIN))
        self._to_corner()

    def _screen(self) -> QRect:
        return (self.screen() or QApplication.primaryScreen()).availableGeometry()

    def _to_corner(self) -> None:
        screen = self._screen()
        self.move(screen.right() - self.width() - MARGIN + 1, screen.bottom() - self.height() - MARGIN + 1)


def _start_program(command: list[str]) -> object:
    from desktop_app.autostart import start_program

    return start_program(command)


def show_notice(due: list[Due], folder: Path, today: date | None = None) -> int:
    """Show the notification until it is answered (the process of `meter-journal remind`)."""
    import sys

    from ui.i18n import install_language
    from ui.launch import make_settings, prepare
    from ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    collector = prepare(app)  # type: ignore[arg-type]  # noqa: F841 (as the window: the same name and icon)
    settings = make_settings()
    install_language(settings.language)
    apply_theme(app, settings.text_scale, settings.high_contrast)  # type: ignore[arg-type]
    notice = ReminderNotice(due, folder, today or date.today())
    notice.place()
    notice.show()
    notice.raise_()
    notice.activateWindow()
    return app.exec()
