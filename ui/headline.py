"""The top of the main window: the account, what is owed, and «Передать показания» — on one line when the window
is wide enough; else the account on a line of its own and the sum beside the button under it; on a narrow window
(large text, a small screen) the sum and the button each on a line of their own."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


class Headline(QWidget):
    def __init__(self, label: QLabel, account: QWidget, balance: QLabel, submit: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label, self.account, self.balance, self.submit = label, account, balance, submit
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows = [QHBoxLayout(), QHBoxLayout(), QHBoxLayout()]
        self.rows[0].addWidget(label)
        self.rows[0].addWidget(account, 1)
        for row in self.rows:
            layout.addLayout(row)
        self.lines = 0
        self._wrap_key: tuple[str, str, int, int] | None = None
        self._wrap_widths = (0, 0)
        self._place()

    def _widths(self) -> tuple[int, int, int]:
        """The widths needed on one, two and three lines: beside the account the sum wraps onto two lines at most,
        beside the button onto three (as tall as the button)."""
        gap = self.rows[0].spacing()
        account = self.label.sizeHint().width() + gap + self.account.minimumSizeHint().width()
        balance, submit = self.balance.sizeHint().width(), self.submit.sizeHint().width()
        least = self.balance.minimumSizeHint().width()

        two_lines, three_lines = self._wrapped_widths(least, balance)
        return (account + two_lines + submit + 2 * gap, max(account, three_lines + gap + submit),
                max(account, least, submit))

    def _wrapped_widths(self, least: int, balance: int) -> tuple[int, int]:
        """The narrowest widths at which the sum takes at most two and three lines, as its words really wrap (a sum
        with a note in brackets breaks unevenly: a third of its width would take five lines). Measured once per
        text and font, not at every resize of the window."""
        key = (self.balance.text(), self.balance.font().key(), least, balance)
        if self._wrap_key != key:
            self._wrap_key, self._wrap_widths = key, (self._narrowest(2, least, balance),
                                                      self._narrowest(3, least, balance))
        return self._wrap_widths

    def _narrowest(self, lines: int, least: int, balance: int) -> int:
        most = (lines + 0.5) * self.balance.fontMetrics().lineSpacing()
        narrow, wide = least, max(balance, least)
        while narrow < wide:
            middle = (narrow + wide) // 2
            if self.balance.heightForWidth(middle) <= most:
                wide = middle
            else:
                narrow = middle + 1
        return narrow

    def _place(self, *, again: bool = False) -> None:
        one, two, three = self._widths()
        width = self.width() if self.lines else two  # before it is shown: on two lines
        lines = 1 if width >= one else 2 if width >= two else 3
        if lines == self.lines and not again:
            return
        self.lines = lines
        for row in self.rows:
            row.removeWidget(self.balance)
            row.removeWidget(self.submit)
        if lines == 1:
            self.rows[0].addWidget(self.balance, 1)
            self.rows[0].addWidget(self.submit, 0, Qt.AlignmentFlag.AlignTop)
        else:
            self.rows[1].addWidget(self.balance, 1)
            self.rows[lines - 1].addWidget(self.submit, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        # It may always go to more lines: its minimum is the one of three lines.
        self.setMinimumWidth(three)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.lines:  # the sum's text changed, say
            self._place()
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):  # another text size
            self._place(again=True)
