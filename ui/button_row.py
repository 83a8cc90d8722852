"""A row of buttons that wraps onto the next line when the window is too narrow for it (large text, a small
screen), instead of making the window wider than the screen.

A widget placing its children itself, not a QLayout subclass: a layout written in Python must return None from
`itemAt` past its last item, which PySide6 counts wrongly (the interpreter aborts at exit)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

GAP = 6  # px between two buttons, across and down


class ButtonRow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widgets: list[QWidget] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def addWidget(self, widget: QWidget) -> None:
        widget.setParent(self)
        widget.installEventFilter(self)
        self._widgets.append(widget)
        self._changed()

    def widgets(self) -> list[QWidget]:
        return list(self._widgets)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.LayoutRequest):
            self._changed()  # a button shown or hidden, or its text changed
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._changed()
        return super().event(event)

    def _changed(self) -> None:
        self.updateGeometry()
        self._arrange(self.width(), move=True)

    def _shown(self) -> list[QWidget]:
        return [w for w in self._widgets if not w.isHidden()]

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(width, move=False)

    def sizeHint(self) -> QSize:
        """All in one row."""
        shown = self._shown()
        width = sum(w.sizeHint().width() for w in shown) + GAP * max(len(shown) - 1, 0)
        return QSize(width, max((w.sizeHint().height() for w in shown), default=0))

    def minimumSizeHint(self) -> QSize:
        """As wide as the widest, one line tall: the lines it needs at a width come from `heightForWidth` (a
        minimum of one a line would make the window taller than it needs wherever they fit on one)."""
        shown = self._shown()
        return QSize(max((w.sizeHint().width() for w in shown), default=0),
                     max((w.sizeHint().height() for w in shown), default=0))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width(), move=True)

    def _arrange(self, width: int, *, move: bool) -> int:
        """Place the buttons at their own size, left to right, a new line when the next one would not fit;
        returns the height they take."""
        x = y = line = 0
        for widget in self._shown():
            size = widget.sizeHint()
            if x > 0 and x + size.width() > width:
                x, y, line = 0, y + line + GAP, 0
            if move:
                widget.setGeometry(QRect(QPoint(x, y), size))
            x += size.width() + GAP
            line = max(line, size.height())
        return y + line
