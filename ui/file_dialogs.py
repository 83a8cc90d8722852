"""Every file dialog the window opens: a file to save, a file to open, a folder.

On Windows and macOS Qt shows the system's own dialog, as it always has here. Elsewhere it shows its own, in the
window's style and text size, and that one is fitted to the screen: at 200 % text Qt's dialog is 983×550 px at the
least (its tool buttons, fields and buttons 44 px targets twice over), taller and wider than a 1366×768 laptop at
150 % display scale (911×465 px for Qt), «Отмена» off the screen. Fitted, its file lists give up their height (they
scroll), the buttons that only switch the list's look give up their room when it is too narrow, and the dialog is
no larger than the screen's available area and on it, whole.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, QStandardPaths, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QLayout,
    QSplitter,
    QToolButton,
    QWidget,
)

from ui.screen_fit import FRAME, TITLE_BAR, keep_on_screen, narrow_drop_down, room

if TYPE_CHECKING:
    from ui.settings import Settings

NATIVE = sys.platform in ("win32", "darwin")  # where Qt shows the system's own file dialog
_settings: list[Settings] = []  # where the folder last chosen is kept (remember_in)
VIEW_MODE_BUTTONS = ("listModeButton", "detailModeButton")  # Qt's names for its list/details switches
FILE_LISTS = ("sidebar", "listView", "treeView")  # the places beside, and the folder's files as list or details


def _invalidate(layout: QLayout) -> None:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        inner = item.layout()
        if inner is not None:
            _invalidate(inner)
        item.invalidate()  # (a widget's item keeps its sizes until told)
    layout.invalidate()


def _measure(dialog: QFileDialog) -> None:
    """The dialog's layouts measured again now (its minimum size with them), not at the next turn of events: each
    layout and the ones inside it, and the splitter between the places and the files, which measures its own at a
    layout request."""
    for splitter in dialog.findChildren(QSplitter):
        QApplication.sendEvent(splitter, QEvent(QEvent.Type.LayoutRequest))
    for widget in dialog.findChildren(QWidget):  # the layouts' cached sizes of each widget measured again
        widget.updateGeometry()
    for widget in (*dialog.findChildren(QWidget), dialog):
        if widget.layout() is not None:
            _invalidate(widget.layout())
    dialog.layout().activate()


def fit(dialog: QFileDialog) -> None:
    """Qt's own file dialog `dialog`, shown, made no larger than the screen's available area and placed on it
    whole (its lists' and splitter's sizes are only right once it is shown)."""
    lines = dialog.fontMetrics().height()
    for name in FILE_LISTS:  # at least two lines of files in view; they scroll
        view = dialog.findChild(QAbstractItemView, name)
        if view is not None:
            view.setMinimumHeight(2 * lines)
            view.setMinimumWidth(min(view.minimumSizeHint().width(), 6 * lines))
    most = room(dialog)
    _measure(dialog)
    if dialog.minimumSizeHint().width() > most.width():
        for name in VIEW_MODE_BUTTONS:  # the files shown as they are; a narrow screen has no room for switching
            button = dialog.findChild(QToolButton, name)
            if button is not None:
                button.hide()
        for button in dialog.findChildren(QToolButton):  # back, forward, up, new folder: square, large targets
            if button.isVisibleTo(dialog) and button.sizeHint().width() > button.sizeHint().height():
                button.setFixedWidth(button.sizeHint().height())
        kinds = dialog.findChild(QComboBox, "fileTypeCombo")  # the kinds of file: «Копии журнала (*.sqlite3)»
        if kinds is not None:
            narrow_drop_down(kinds)
        _measure(dialog)
    if dialog.size().height() > most.height():  # short of height: the files' names in the lines left, without
        dialog.setViewMode(QFileDialog.ViewMode.List)  # the details' column titles taking them
        _measure(dialog)
    least = dialog.minimumSizeHint()
    dialog.setMinimumSize(least)  # (the minimum it measured before the lists gave up their height is kept else)
    path = dialog.findChild(QComboBox, "lookInCombo")  # Qt gives the folder's path 50 px: room for a name too
    wide = least.width() + (path.fontMetrics().averageCharWidth() * 16 if path is not None else 0)
    size = dialog.size().expandedTo(QSize(wide, least.height())).boundedTo(most)
    parent = dialog.parentWidget()
    area = (dialog.screen() or QApplication.primaryScreen()).availableGeometry()
    centre = parent.window().frameGeometry().center() if parent is not None else area.center()
    x = max(area.left(), min(centre.x() - size.width() // 2, area.right() + 1 - size.width() - FRAME))
    y = max(area.top(), min(centre.y() - size.height() // 2, area.bottom() + 1 - size.height() - TITLE_BAR))
    dialog.setGeometry(x, y, size.width(), size.height())
    QTimer.singleShot(0, dialog, lambda: keep_on_screen(dialog))  # once the frame is drawn: counted too


class _FitWhenShown(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog):
            watched.removeEventFilter(self)
            fit(watched)
        return False


def qt_dialog(parent: QWidget | None, title: str, start: str, filters: str = "") -> QFileDialog:
    """Qt's own file dialog (never the system's), in the window's style, fitted to the screen when shown."""
    dialog = QFileDialog(parent, title, start, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.installEventFilter(_FitWhenShown(dialog))
    return dialog


def remember_in(settings: Settings) -> None:
    """Keep the folder a file is chosen in in `settings`: the next dialog opens there, in this session or the next
    (a copy saved to «Документы» today is restored from there after a new computer)."""
    _settings[:] = [settings]


def start_path(name: str = "") -> str:
    """Where a file dialog opens, with `name` offered as the file's: the folder last chosen in, else the person's
    Documents, else their home folder."""
    last = _settings[0].last_folder if _settings else ""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for folder in (last, documents, str(Path.home())):
        if folder and Path(folder).is_dir():
            return str(Path(folder) / name) if name else folder
    return name


def _remember(path: str) -> None:
    if path and _settings:
        _settings[0].last_folder = str(Path(path).parent)


def _chosen(dialog: QFileDialog) -> tuple[str, str]:
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return "", ""
        return dialog.selectedFiles()[0], dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()


def _ask(native: Callable[..., tuple[str, str]], configure: Callable[[QFileDialog], object], parent: QWidget,
         title: str, start: str, filters: str) -> tuple[str, str]:
    """The system's dialog (`native`, Qt's static function) or Qt's own made ready by `configure`; the folder of
    the file chosen remembered."""
    if NATIVE:
        chosen = native(parent, title, start, filters)
    else:
        dialog = qt_dialog(parent, title, start, filters)
        configure(dialog)
        chosen = _chosen(dialog)
    _remember(chosen[0])
    return chosen


def save_file_name(parent: QWidget, title: str, start: str, filters: str) -> tuple[str, str]:
    """The file to save into (its path, and the filter chosen), or ("", "") when the person cancelled. `start`: a
    folder, or a file in it offered as the name."""
    return _ask(QFileDialog.getSaveFileName, lambda d: d.setAcceptMode(QFileDialog.AcceptMode.AcceptSave),
                parent, title, start, filters)


def open_file_name(parent: QWidget, title: str, start: str, filters: str) -> tuple[str, str]:
    """An existing file to open (its path, and the filter chosen), or ("", "") when the person cancelled."""
    return _ask(QFileDialog.getOpenFileName, lambda d: d.setFileMode(QFileDialog.FileMode.ExistingFile),
                parent, title, start, filters)


def existing_folder(parent: QWidget, title: str, start: str) -> str:
    """An existing folder, or "" when the person cancelled."""
    if NATIVE:
        return QFileDialog.getExistingDirectory(parent, title, start)
    dialog = qt_dialog(parent, title, start)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    return _chosen(dialog)[0]
