"""A window on a small screen: its fields scroll, its buttons stay in view.

On a 1366×768 laptop at 150 % display scale the screen is 911×485 px for Qt, less the task bar; at 200 % text the
new-account form alone is about 1,600×1,100 px. Every dialog keeps its fields in a `ScreenFitBody` and its buttons
outside it. When the dialog is shown (`fit_window`), each body is fitted so that the whole dialog, with its title
bar and frame, fits the screen's available area:
- too wide: forms put their labels above their fields, drop-down lists give up the width of their longest item
  (their lists still show it whole), and the lines wrap at the screen's width; the fields then take as much of the
  width they had before as the screen gives, so that a list shows its chosen item whole when the screen has room;
- a line for a long value (an address, a bank's name: `TypicalLineEdit`) asks for the width of a typical one, and
  gets it when the screen has room;
- too tall: the fields get a vertical scroll bar and the dialog the screen's height.
A dialog that grows while shown (an error line) moves back into the screen if it went past its edge.
A dialog with several bodies (a tab or a wizard page each) is fitted as a whole. The main window's tab pages use
`scrolling` (any height, the person resizes the window) and its first size comes from `first_size`.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QLayout,
    QLineEdit,
    QScrollArea,
    QStyle,
    QStyleOptionFrame,
    QVBoxLayout,
    QWidget,
)

TITLE_BAR = 48  # px a window manager's title bar and frame take above and around a window
FRAME = 16  # px its frame takes on the left and right


def room(widget: QWidget) -> QSize:
    """The largest window (without its title bar and frame) the screen of `widget` shows whole."""
    screen = widget.screen() or QApplication.primaryScreen()
    area = screen.availableGeometry()
    return QSize(area.width() - FRAME, area.height() - TITLE_BAR)


def first_size(widget: QWidget, width: int, height: int) -> QSize:
    """A main window's first size: `width`×`height`, or less on a small screen."""
    return QSize(width, height).boundedTo(room(widget))


def scrolling(page: QWidget) -> QScrollArea:
    """A page of the main window that scrolls when the window is shorter than the page needs (it never scrolls
    sideways: the page's own lines wrap)."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setAccessibleName(page.accessibleName())
    return area


def narrow_drop_down(combo: QComboBox) -> None:
    """A drop-down list that gives up the width of its longest item (its list still shows it whole)."""
    if combo.sizeAdjustPolicy() != QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon:
        combo.view().setMinimumWidth(combo.sizeHint().width())
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        # Qt keeps the minimum it measured before: a style change makes it measure again.
        QApplication.sendEvent(combo, QEvent(QEvent.Type.StyleChange))


class TypicalLineEdit(QLineEdit):
    """A line for a long value: it asks for the width of `typical` (an address, a bank's name) in its own font, so a
    dialog is that wide when the screen has room; on a narrower screen it gives the width up (its minimum is Qt's)."""

    def __init__(self, typical: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typical = typical

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        margins = self.textMargins()
        # The text, Qt's 2 px on each side of it, the text margins and room for the cursor after the last letter.
        text = metrics.horizontalAdvance(self.typical) + 4 + margins.left() + margins.right()
        text += metrics.averageCharWidth()
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_LineEdit, option, QSize(text, hint.height()), self)
        return QSize(max(hint.width(), size.width()), hint.height())


class ScreenFitBody(QScrollArea):
    def __init__(self, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.limit: int | None = None  # the height the screen leaves for the fields, once they do not fit
        self.width_limit: int | None = None  # the width it leaves, once they are too wide
        # The width the fields had before their drop-down lists gave up their longest item: they take it again, as
        # far as the screen allows (a list narrowed for a screen too small for it is not cut more than it must be).
        self.wanted_width = 0
        self._fitting = False
        # What `reveal` brought into view while the focus was in one field (that field, its error line): kept in
        # view when the window is fitted again (a scroll bar that appears re-wraps the lines), until the focus moves.
        self._kept: list[weakref.ref[QWidget]] = []
        self._kept_for: weakref.ref[QWidget] | None = None
        body.installEventFilter(self)

    @classmethod
    def of(cls, *widgets: QWidget) -> ScreenFitBody:
        """The widgets one under another, as a dialog's scrolling fields (its buttons go below, outside)."""
        fields = QWidget()
        column = QVBoxLayout(fields)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            column.addWidget(widget)
        return cls(fields)

    def _body_size(self) -> QSize:
        body = self.widget()
        hint = body.sizeHint().expandedTo(body.minimumSizeHint())
        width = max(hint.width(), self.wanted_width)
        if self.width_limit is not None:
            width = max(min(width, self.width_limit), body.minimumSizeHint().width())
        height = hint.height()
        if body.hasHeightForWidth():  # (Qt's scroll area measures one pixel narrower whether it needs its bar)
            height = max(height, body.heightForWidth(width), body.heightForWidth(width - 1))
        return QSize(width, height)

    def sizeHint(self) -> QSize:
        body = self._body_size()
        if self.limit is None or body.height() <= self.limit:
            return body
        return QSize(body.width() + self.verticalScrollBar().sizeHint().width(), self.limit)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest and not self._fitting:
            # An error line appeared under a field: the dialog grows, up to the screen, then the fields scroll.
            self.updateGeometry()
            if self.isVisible():
                fit_window(self.window())
        elif watched is self.widget() and event.type() == QEvent.Type.Resize and not self._fitting \
                and self.limit is not None and self.kept_in_view():
            # A scroll bar that came or went re-wraps the lines: what was brought into view stays in view.
            QTimer.singleShot(0, self._keep_revealed)
        return super().eventFilter(watched, event)

    def _keep_revealed(self) -> None:
        if self._fitting or self.limit is None:
            return
        self._fitting = True
        try:
            for widget in self.kept_in_view():
                self._scroll_to(widget)
        finally:
            self._fitting = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_screen()

    def fit_screen(self) -> None:
        """Fit the window this body is in (and every other body in it) to the screen."""
        fit_window(self.window())

    def _set_limits(self, width: int | None, height: int | None) -> None:
        self.width_limit, self.limit = width, height
        self.updateGeometry()
        # A hidden tab's or wizard page's size is kept by the layouts above it: they measure it again.
        parent = self.parentWidget()
        while parent is not None and not parent.isWindow():
            parent.updateGeometry()
            parent = parent.parentWidget()

    def narrow(self, step: int) -> None:
        """Make the fields narrower: step 0, labels above their fields; step 1, drop-down lists as narrow as the
        width allows (their lists still show the longest item whole)."""
        body = self.widget()
        if step == 0:
            for form in body.findChildren(QFormLayout):
                form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        else:
            self.wanted_width = max(self.wanted_width, self._body_size().width())
            for combo in body.findChildren(QComboBox):
                narrow_drop_down(combo)
        # The layouts of a hidden page measure them again; and the window's layout this body (its size hint was
        # kept: the fields with their labels above them seemed as wide as beside them, and the drop-down lists were
        # narrowed on a screen with room for them).
        for widget in (*body.findChildren(QWidget), body, self):
            widget.updateGeometry()

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
        would bring only a spin box's text cursor into view.) The window is fitted first to what it shows now; while
        the focus stays where it is, fitting it again keeps `widget` in view."""
        focus = QApplication.focusWidget()
        if self._kept_for is None or self._kept_for() is not focus:
            self._kept, self._kept_for = [], weakref.ref(focus) if focus is not None else None
        self._kept = [kept for kept in self._kept if kept() is not None and kept() is not widget]
        self._kept.append(weakref.ref(widget))
        if not self._fitting and self.isVisible():
            fit_window(self.window())
        self._scroll_to(widget)

    def _scroll_to(self, widget: QWidget) -> None:
        body = self.widget()  # a line just shown has its place: the fields get their new height at once
        # The scroll bar shown or hidden now, not later (a window just fitted): the fields' width, and their
        # wrapped lines' height, are what they will be on screen.
        QApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))
        width = self.viewport().width()
        needed = body.heightForWidth(width) if body.hasHeightForWidth() else body.sizeHint().height()
        body.resize(width, max(self.viewport().height(), needed, body.minimumSizeHint().height()))
        body.layout().activate()
        top = widget.mapTo(self.widget(), QPoint(0, 0)).y()
        bottom = top + widget.height()
        margin = self.fontMetrics().height() // 2
        bar = self.verticalScrollBar()
        if top - margin < bar.value():
            bar.setValue(top - margin)
        elif bottom + margin > bar.value() + self.viewport().height():
            bar.setValue(bottom + margin - self.viewport().height())

    def kept_in_view(self) -> list[QWidget]:
        """What `reveal` showed since the focus came where it is, in that order (nothing once it moved)."""
        if self._kept_for is None or self._kept_for() is not QApplication.focusWidget():
            return []
        return [widget for widget in (kept() for kept in self._kept)
                if widget is not None and widget.isVisibleTo(self.widget())]

    @staticmethod
    def around(widget: QWidget) -> ScreenFitBody | None:
        """The scrolling body `widget` is in, if any."""
        parent = widget.parentWidget()
        while parent is not None and not isinstance(parent, ScreenFitBody):
            parent = parent.parentWidget()
        return parent


def _hint(window: QWidget) -> QSize:
    if window.layout() is not None:
        window.layout().invalidate()
        window.layout().activate()
    return window.sizeHint().expandedTo(window.minimumSizeHint())


def _shrink(window: QWidget, bodies: list[ScreenFitBody], along: str, most: int) -> None:
    """Limit the bodies' width or height so that the window's is at most `most`. Bodies side by side in a stack
    (tabs, wizard pages) are each limited by what the window has too much with it alone unlimited."""
    def limits(body: ScreenFitBody) -> tuple[int | None, int | None]:
        return body.width_limit, body.limit

    def set_limit(body: ScreenFitBody, value: int | None) -> None:
        width, height = limits(body)
        body._set_limits(value, height) if along == "width" else body._set_limits(width, value)

    def size(hint: QSize) -> int:
        return hint.width() if along == "width" else hint.height()

    least = {body: 4 * body.fontMetrics().height() for body in bodies}
    if along == "width":
        least = {body: body.widget().minimumSizeHint().width() for body in bodies}
    for _pass in range(2):  # the first pass may limit a body more than it needs; the second gives it back
        for body in bodies:
            set_limit(body, None)
            excess = size(_hint(window)) - most
            if excess > 0:
                own = size(body._body_size())
                set_limit(body, max(own - excess, least[body]))


def keep_on_screen(window: QWidget) -> None:
    """A shown window that grew past the screen's edge (an error line widened it) moves back into the screen's
    available area, whole: no window manager moves a window that resized itself."""
    if not window.isVisible() or not window.isWindow():
        return
    area = (window.screen() or QApplication.primaryScreen()).availableGeometry()
    frame = window.frameGeometry()
    size = window.size()  # the frame grows with the window only once the window manager has it drawn again
    width = max(frame.width(), size.width() + frame.width() - window.geometry().width())
    height = max(frame.height(), size.height() + frame.height() - window.geometry().height())
    x = max(area.left(), min(frame.x(), area.right() + 1 - width))
    y = max(area.top(), min(frame.y(), area.bottom() + 1 - height))
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


_fitted: weakref.WeakSet[QWidget] = weakref.WeakSet()  # resizable windows fitted once: the person's size counts


def fit_window(window: QWidget) -> None:
    """Fit every ScreenFitBody of `window` so that the window fits its screen (see the module's notes)."""
    bodies = [body for body in window.findChildren(ScreenFitBody) if body.window() is window]
    if not bodies or any(body._fitting for body in bodies):
        return
    scrolled = {body: body.verticalScrollBar().value() for body in bodies}
    for body in bodies:
        body._fitting = True
    try:
        most = room(window)
        for body in bodies:
            body._set_limits(None, None)
        for step in (0, 1):
            if _hint(window).width() <= most.width():
                break
            for body in bodies:
                body.narrow(step)
        for _round in range(2):  # a vertical scroll bar takes width: fit the width again with it
            _shrink(window, bodies, "width", most.width())
            _shrink(window, bodies, "height", most.height())
        hint = _hint(window)
        layout = window.layout()  # a wizard has none of its own
        if layout is None or layout.sizeConstraint() != QLayout.SizeConstraint.SetFixedSize:
            # A dialog the person may resize: first the size it needs, then never less, nor more than the screen.
            shown = window.size() if window in _fitted else hint
            _fitted.add(window)
            size = shown.expandedTo(hint).boundedTo(most)
            if layout is None:  # a wizard keeps the minimum of its first page, measured before the fit
                window.setMinimumSize(hint.boundedTo(most))
            if size != window.size():
                window.resize(size)
        keep_on_screen(window)
    finally:
        focus = QApplication.focusWidget()
        for body in bodies:
            body._fitting = False
            body.setWidgetResizable(True)  # Qt decides again whether the scroll bar is needed at the new size
            body.verticalScrollBar().setValue(scrolled[body])  # where the person was (or an error was shown)
            if focus is not None and body.limit is not None and body.widget().isAncestorOf(focus):
                while isinstance(focus.parentWidget(), QAbstractSpinBox | QComboBox):
                    focus = focus.parentWidget()
                body._scroll_to(focus)  # the field being typed in stays in view
            if body.limit is not None:
                for widget in body.kept_in_view():  # and what was brought into view for it: its error line
                    body._scroll_to(widget)
