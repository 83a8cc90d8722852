"""Text size and contrast for the whole window: text 100–200 %, a high-contrast theme, large targets."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QStyleFactory, QWidget

from resources import FOLDER as RESOURCES

BASE_POINT_SIZE = 12  # at 100 %: larger than the usual desktop default, for older eyes
MIN_SCALE, MAX_SCALE = 100, 200
MIN_TARGET = 44  # px at 100 %: the smallest button or field height


def apply_theme(app: QApplication, scale_percent: int, high_contrast: bool) -> None:
    """Style, text size, colours and the controls' sizes (about 1 ms: done before the first paint)."""
    scale = max(MIN_SCALE, min(MAX_SCALE, scale_percent))
    app.setStyle(QStyleFactory.create("Fusion"))
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * scale / 100)
    app.setFont(font)
    palette = _high_contrast_palette() if high_contrast else _calm_palette()
    app.setPalette(palette)
    target = round(MIN_TARGET * scale / 100)
    focus = "#ffff00" if high_contrast else "#1f5fbf"
    # The sum owed and «Передать показания» larger than the rest; less so at large text, where the rest is large
    # already and the top of the window must leave room on a small screen for the history.
    larger = (scale - MIN_SCALE) / (MAX_SCALE - MIN_SCALE)
    big = BASE_POINT_SIZE * scale / 100 * (1.3 - 0.2 * larger)
    bigger = BASE_POINT_SIZE * scale / 100 * (1.4 - 0.3 * larger)
    app.setStyleSheet(
        f"""
        QPushButton, QToolButton, QComboBox, QLineEdit, QSpinBox, QDoubleSpinBox {{
            min-height: {target}px; padding: 2px 10px;
        }}
        QPushButton, QToolButton {{ min-width: {target}px; }}
        QToolButton#qt_menubar_ext_button {{ min-width: 0; min-height: 0; padding: 0; }}  /* » the other menus */
        QAbstractSpinBox {{ border: 1px solid #8a8a86; border-radius: 2px; }}
        QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: {target}px; }}
        QComboBox::drop-down {{ width: {target}px; }}
        QScrollBar {{ background: {"#000000" if high_contrast else "#e2e2dc"}; margin: 0; }}
        QScrollBar:vertical {{ width: {target // 2}px; }}
        QScrollBar:horizontal {{ height: {target // 2}px; }}
        QScrollBar::handle {{ background: {"#ffffff" if high_contrast else "#6e6e6a"}; border-radius: 4px;
                              margin: 3px; }}
        QScrollBar::handle:vertical {{ min-height: {target}px; }}
        QScrollBar::handle:horizontal {{ min-width: {target}px; }}
        QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
        QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
        QCheckBox::indicator, QRadioButton::indicator {{ width: {target // 2}px; height: {target // 2}px; }}
        QCheckBox, QRadioButton {{ min-height: {target}px; }}
        QTabBar::tab {{ min-height: {target}px; padding: 0 16px; }}
        QTabBar::tab:focus {{ border: 3px solid {focus}; padding: 0 13px; }}  /* the frame inside the padding */
        QTabBar:focus {{ outline: none; }}
        *:focus {{ outline: 3px solid {focus}; }}
        QPushButton:focus, QLineEdit:focus, QComboBox:focus {{ border: 3px solid {focus}; }}
        QPushButton:focus, QToolButton:focus {{ outline: none; }}  /* the frame around it, not one through its text */
        QPushButton#primary {{ font-weight: bold; padding: 8px 20px; font-size: {bigger:.1f}pt; }}
        QLabel[role="big"] {{ font-weight: bold; font-size: {big:.1f}pt; }}
        QLabel[role="error"] {{ color: {"#ffff00" if high_contrast else "#a40000"}; font-weight: bold; }}
        QLabel[role="hint"] {{ color: {"#ffffff" if high_contrast else "#404040"}; }}
        QLabel[role="success"] {{ color: {"#00ff66" if high_contrast else "#1b5e20"}; font-weight: bold; }}
        QFrame#banner {{ border: 2px solid {focus}; padding: 6px; }}
        """ + _message_box_width(scale) + (_high_contrast_frames() if high_contrast else "")
    )


# QMessageBox leaves a text unwrapped when the box would stay under its soft limit (500 px, less on a narrow
# screen), measuring the text by its label's minimum width when one is set: a wider label (fewer lines at large
# text) then cut a one-line text of 100–150 % («Журнал восстановлен из ре»). The wider label only where every box
# wraps anyway: when it and the icon's room are past the soft limit.
MESSAGE_BOX_SOFT_LIMIT, MESSAGE_BOX_ICON_ROOM = 500, 60


def _message_box_width(scale: int) -> str:
    width = round(20 * BASE_POINT_SIZE * scale / 100)
    if width + MESSAGE_BOX_ICON_ROOM <= MESSAGE_BOX_SOFT_LIMIT:
        return ""
    return f"QLabel#qt_msgbox_label {{ min-width: {width}px; }}  /* fewer lines at large text */\n"


# Fusion draws frames a shade darker than the window: on black, nothing. In high contrast every field, button
# and list gets a white frame (yellow with the focus, grey when disabled), and every check box its white box,
# yellow with a black tick when ticked.
def _high_contrast_frames() -> str:
    tick = (RESOURCES / "icons" / "check-mark.png").as_posix()
    return _HIGH_CONTRAST_FRAMES + f"""
    QCheckBox::indicator, QRadioButton::indicator {{ border: 2px solid #ffffff; background: #000000; }}
    QRadioButton::indicator {{ border-radius: 50%; }}
    QCheckBox::indicator:checked, QRadioButton::indicator:checked {{ background: #ffff00; image: url("{tick}"); }}
    QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{ border-color: #9a9a9a; }}
"""


_HIGH_CONTRAST_FRAMES = """
    QLineEdit, QAbstractSpinBox, QComboBox, QPushButton, QToolButton, QPlainTextEdit, QTextEdit,
    QAbstractItemView, QTabWidget::pane { border: 2px solid #ffffff; }
    QLineEdit:focus, QAbstractSpinBox:focus, QComboBox:focus, QPushButton:focus, QToolButton:focus,
    QPlainTextEdit:focus, QTextEdit:focus, QAbstractItemView:focus { border: 3px solid #ffff00; }
    QLineEdit:disabled, QAbstractSpinBox:disabled, QComboBox:disabled, QPushButton:disabled,
    QToolButton:disabled { border-color: #9a9a9a; }
"""


def _calm_palette() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f4f4f0"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#111111"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#ebebe6"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#111111"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#e2e2dc"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#111111"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#1f5fbf"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffe8"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor("#111111"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#6b6b6b"))  # a hint, greyer than a value
    _disabled_text(palette, QColor("#6e6e6e"))
    return palette


def _disabled_text(palette: QPalette, color: QColor) -> None:
    """A disabled control's text in a paler colour (setColor without a group sets every group, which made
    disabled controls look enabled) — as while the journal opens."""
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, color)


def _high_contrast_palette() -> QPalette:
    palette = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button,
                 QPalette.ColorRole.AlternateBase, QPalette.ColorRole.ToolTipBase):
        palette.setColor(role, black)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.ToolTipText):
        palette.setColor(role, white)
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#a6a6a6"))  # a hint in an empty field: grey
    palette.setColor(QPalette.ColorRole.Highlight, yellow)
    palette.setColor(QPalette.ColorRole.HighlightedText, black)
    palette.setColor(QPalette.ColorRole.Link, yellow)
    _disabled_text(palette, QColor("#a8a8a8"))
    return palette


def show_hint(edit: QLineEdit, text: str) -> None:
    """`text` as the hint of an empty field: grey (the theme's placeholder colour) and in italics, so that an
    empty field never looks filled in; what the person types is upright."""
    edit.setPlaceholderText(text)

    def slant(typed: str) -> None:
        font = QFont()  # only the slant: size and family still follow the window's text size
        font.setItalic(not typed)
        edit.setFont(font)

    edit.textChanged.connect(slant)
    slant(edit.text())


def set_role(label: QWidget, role: str) -> None:
    """Give a label another look of the theme (error, success, hint) at once."""
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)
