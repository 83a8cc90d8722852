"""The mouse wheel scrolls a form; it never changes a choice the pointer passes over.

At large text a dialog's fields scroll, and the wheel turned to scroll them changed every drop-down list and number
field that passed under the pointer (Qt gives them the wheel): an account was stored with a tariff and meter digits
nobody chose. One filter for the whole application (installed at the start, ui/launch.py, before any window, so
every window and dialog opened later is covered):
- a drop-down list, a number or date field, or a slider takes the wheel only while it has the keyboard focus (a
  click or Tab put it there, as a person does to change it); otherwise the wheel scrolls the form around it (the
  nearest scrolling area that can still scroll);
- they take the focus by a click or Tab, not by the wheel (Qt's WheelFocus would give it to them under a passing
  wheel first, and then let it change them);
- tab bars, and the widgets marked with `never_by_wheel` (the account selector), never change by the wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QTabBar,
    QWidget,
)

CHOICES = (QComboBox, QAbstractSpinBox, QAbstractSlider)  # date and time fields are spin boxes; a scroll bar is
# a slider too, but it is what scrolls
NEVER = "neverByWheel"  # the property `never_by_wheel` sets
_WHEEL, _POLISH = QEvent.Type.Wheel, QEvent.Type.Polish


def never_by_wheel(widget: QWidget) -> None:
    """`widget` never changes by the wheel, not even with the focus (what it switches is too much to switch by a
    wheel turned to scroll): the wheel scrolls what is around it."""
    widget.setProperty(NEVER, True)


def _a_choice(widget: QObject) -> bool:
    return isinstance(widget, CHOICES) and not isinstance(widget, QScrollBar)


class WheelGuard(QObject):
    """The application's event filter (see the module)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == _WHEEL:
            if isinstance(watched, QTabBar) or (isinstance(watched, QWidget) and watched.property(NEVER)) \
                    or (_a_choice(watched) and not watched.hasFocus()):  # type: ignore[attr-defined]
                scroll_around(watched, event)  # type: ignore[arg-type]
                event.accept()
                return True  # the choice never sees it
        elif kind == _POLISH and _a_choice(watched) \
                and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:  # type: ignore[attr-defined]
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # type: ignore[attr-defined]
        return False


def scroll_around(widget: QWidget, wheel: QWheelEvent) -> bool:
    """Scroll the nearest scrolling area around `widget` (in its window) that can still scroll the wheel's way, as
    the wheel over its empty space would; False when none can."""
    area = widget.parentWidget()
    while area is not None:
        if isinstance(area, QAbstractScrollArea) and area.viewport().isAncestorOf(widget):
            viewport = area.viewport()
            forwarded = QWheelEvent(viewport.mapFromGlobal(wheel.globalPosition()), wheel.globalPosition(),
                                    wheel.pixelDelta(), wheel.angleDelta(), wheel.buttons(), wheel.modifiers(),
                                    wheel.phase(), wheel.inverted(), wheel.source(), wheel.pointingDevice())
            QApplication.sendEvent(viewport, forwarded)  # to its scroll bar, which takes it if it moved
            if forwarded.isAccepted():
                return True
        if area.isWindow():
            break
        area = area.parentWidget()
    return False


_installed: list[WheelGuard] = []


def install_wheel_guard(app: QCoreApplication) -> WheelGuard:
    """The application's wheel guard, installed once (a child of the application: it lives as long)."""
    if not _installed:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
        _installed.append(guard)
    return _installed[0]
