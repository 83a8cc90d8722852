"""A tall dialog on a small screen: its fields scroll, its buttons stay in view.

At 200 % text the new-account form is about 1,250 px tall: on a 1080-line screen its «Create» button would be
below the screen's edge. `ScreenFitBody` holds the dialog's fields; when the dialog is shown and the whole of it
would not fit the screen, the fields get a vertical scroll bar and the dialog the screen's height.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QFrame, QScrollArea, QWidget

TITLE_BAR = 48  # px a window manager's title bar and frame take above and around a dialog


class ScreenFitBody(QScrollArea):
    def __init__(self, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.limit: int | None = None  # the height the screen leaves for the fields, once they do not fit
        body.installEventFilter(self)

    def _body_size(self) -> QSize:
        body = self.widget()
        hint = body.sizeHint().expandedTo(body.minimumSizeHint())
        if body.hasHeightForWidth():
            hint.setHeight(max(hint.height(), body.heightForWidth(hint.width())))
        return hint

    def sizeHint(self) -> QSize:
        body = self._body_size()
        if self.limit is None or body.height() <= self.limit:
            return body
        return QSize(body.width() + self.verticalScrollBar().sizeHint().width(), self.limit)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # an error line appeared under a field: the dialog grows, up to the screen
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_screen()

    def fit_screen(self) -> None:
        """Limit the fields' height so that the whole dialog, with its title bar, fits the screen."""
        window = self.window()
        self._set_limit(None)
        others = window.sizeHint().height() - self.sizeHint().height()
        room = (window.screen() or self.screen()).availableGeometry().height() - TITLE_BAR - others
        if self._body_size().height() > room:
            self._set_limit(max(room, 4 * self.fontMetrics().height()))

    def _set_limit(self, limit: int | None) -> None:
        self.limit = limit
        self.updateGeometry()
        if self.window().layout() is not None:
            self.window().layout().activate()

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab to a field below the fold: the whole field comes into view, not only its inner text line."""
        if not super().focusNextPrevChild(forward):
            return False
        field = QApplication.focusWidget()
        if self.limit is not None and field is not None and self.widget().isAncestorOf(field):
            while isinstance(field.parentWidget(), QAbstractSpinBox | QComboBox):
                field = field.parentWidget()
            self.reveal(field)
        return True

    def reveal(self, widget: QWidget) -> None:
        """Scroll so that the whole of `widget` (a field or its error line) is in view. (`ensureWidgetVisible`
        would bring only a spin box's text cursor into view.)"""
        self.widget().layout().activate()  # a line just shown has its place
        top = widget.mapTo(self.widget(), QPoint(0, 0)).y()
        bottom = top + widget.height()
        margin = self.fontMetrics().height() // 2
        bar = self.verticalScrollBar()
        if top - margin < bar.value():
            bar.setValue(top - margin)
        elif bottom + margin > bar.value() + self.viewport().height():
            bar.setValue(bottom + margin - self.viewport().height())

    @staticmethod
    def around(widget: QWidget) -> ScreenFitBody | None:
        """The scrolling body `widget` is in, if any."""
        parent = widget.parentWidget()
        while parent is not None and not isinstance(parent, ScreenFitBody):
            parent = parent.parentWidget()
        return parent
