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
        QApplication.instance().focusChanged.connect(self._follow_focus)

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
        screen = window.screen() or self.screen()
        self.limit = None
        self.updateGeometry()
        if window.layout() is not None:
            window.layout().activate()
        others = window.sizeHint().height() - self.sizeHint().height()
        room = screen.availableGeometry().height() - TITLE_BAR - others
        if self._body_size().height() > room:
            self.limit = max(room, 4 * self.fontMetrics().height())
            self.updateGeometry()
            if window.layout() is not None:
                window.layout().activate()

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Tab to a field below the fold: the whole field comes into view, not only its inner text line."""
        if self.limit is None or new is None or not self.widget().isAncestorOf(new):
            return
        while isinstance(new.parentWidget(), QAbstractSpinBox | QComboBox):
            new = new.parentWidget()
        self.reveal(new)

    def reveal(self, widget: QWidget) -> None:
        """Scroll so that the whole of `widget` (a field or its error line) is in view. (`ensureWidgetVisible`
        would bring only a spin box's text cursor into view.)"""
        top = widget.mapTo(self.widget(), QPoint(0, 0)).y()
        bottom = top + widget.height()
        margin = self.fontMetrics().height() // 2
        bar = self.verticalScrollBar()
        if top - margin < bar.value():
            bar.setValue(top - margin)
        elif bottom + margin > bar.value() + self.viewport().height():
            bar.setValue(bottom + margin - self.viewport().height())
