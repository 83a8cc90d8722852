"""Run in a child process (the display scale, QT_SCALE_FACTOR, is read once, before QApplication): opens the main
window and every dialog at 100, 150 and 200 % text on a virtual laptop screen and prints, as JSON, what does not
fit it. See tests/ui/test_screen_fit.py.

    QT_SCALE_FACTOR=1.5 QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python -m tests.ui.laptop_screen DIR
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabBar,
    QWidget,
)

from desktop_app.portal.errors import AuthError
from desktop_app.services.journal_service import JournalService
from journal.errors import ConfirmationRequired
from journal.records import HistoryRow
from journal.tariffs import UnknownPrice
from journal.zones import ConsumerCategory, TariffPlan, Zone
from tests.conftest import ACCOUNT, make_household
from ui import file_dialogs
from ui.account_dialogs import EditAccountDialog, NewAccountDialog, ReplaceMeterWizard
from ui.confirmations import Choice, RiskyQuestion, journal_question
from ui.correct_reading_dialog import CorrectReadingDialog
from ui.help_dialogs import ContactsDialog, FallbackDialog, ReadingHelpDialog
from ui.history_view import HistoryView
from ui.i18n import install_language, render
from ui.main_window import MainWindow
from ui.payee_dialog import PayeeDialog
from ui.plan_change_dialog import ChangePlanDialog
from ui.reading_dialog import ReadingDialog
from ui.receipt_dialog import ReceiptDialog
from ui.screen_fit import FRAME, ScreenFitBody
from ui.settings import Settings
from ui.settings_dialog import SettingsDialog
from ui.sync_controller import PasswordDialog
from ui.theme import apply_theme
from ui.welcome_dialog import WelcomeDialog

LAPTOP = (1366, 698)  # 1366×768 less a 40 px task bar and a 30 px title bar
TEXT_SIZES = (100, 150, 200)


def screen_config(folder: Path) -> Path:
    """The offscreen platform's description of one laptop screen (its size in device pixels)."""
    path = folder / "laptop-screen.json"
    path.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": LAPTOP[0],
                                             "height": LAPTOP[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                             "dpr": 1}]}))
    return path


def shown_rect(widget: QWidget, top: QWidget) -> QRect:
    """The part of `widget` the person sees inside `top` (clipped by every widget between them)."""
    rect = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        rect = rect.intersected(QRect(parent.mapTo(top, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect.intersected(top.rect())


def shown_across(widget: QWidget, top: QWidget) -> int:
    """How much of the width of `widget` is in view inside `top`, whatever is scrolled up or down."""
    left = widget.mapTo(top, QPoint(0, 0)).x()
    right = left + widget.width()
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        start = parent.mapTo(top, QPoint(0, 0)).x()
        left, right = max(left, start), min(right, start + parent.width())
        parent = parent.parentWidget()
    return max(0, min(right, top.width()) - max(left, 0))


def scroll_area_of(widget: QWidget, top: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea) and parent.widget() is not None and parent.widget().isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None


def buttons_cut(top: QWidget) -> Iterator[str]:
    """Buttons the person cannot see whole: outside a scroll area they must be in view; inside one they must be
    whole across (the fields scroll only up and down) and reachable by scrolling. A push button shows its whole
    text."""
    for button in top.findChildren(QAbstractButton):
        if not button.isVisibleTo(top) or isinstance(button.parentWidget(), QTabBar):
            continue  # the tab bar's own scroll arrows
        if isinstance(button.parentWidget(), QAbstractScrollArea) and not isinstance(button.parentWidget(),
                                                                                     QScrollArea):
            continue  # a table's corner button
        name = button.text().replace("&", "") or button.accessibleName() or type(button).__name__
        if isinstance(button, QPushButton) and button.width() < button.sizeHint().width():
            yield f"«{name}» {button.width()} px wide, its text needs {button.sizeHint().width()}"
        area = scroll_area_of(button, top)
        if area is None:
            if shown_rect(button, top).size() != button.size():
                yield f"«{name}» cut: {shown_rect(button, top)} of {button.size()}"
            continue
        if shown_across(button, top) < button.width():
            yield f"«{name}» cut across in a scroll area"


def history_cut(history: HistoryView) -> Iterator[str]:
    """What the history's table does not show whole across: it scrolls sideways, a column but the note is narrower
    than its title or a cell (a sum or a reading cut), the month, a reading or the balance left out, or a column
    left out without its words under the table."""
    table, model = history.table, history.model
    header = table.horizontalHeader()
    shown = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    if sum(header.sectionSize(c) for c in shown) > table.viewport().width():
        yield f"the history is {sum(header.sectionSize(c) for c in shown)} px wide in {table.viewport().width()}"
    note = model.columnCount() - 1
    for column in shown:
        needed = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        if column != note and header.sectionSize(column) < needed:
            title = str(model.headerData(column, Qt.Orientation.Horizontal)).replace("\n", " ")
            yield f"«{title}» {header.sectionSize(column)} px wide, its cells need {needed}"
    for column in (0, *range(3, 3 + len(model.zones)), model.money_column() + 2):
        if table.isColumnHidden(column):
            yield f"column {column} left out"
    left_out = [c for c in range(model.columnCount()) if table.isColumnHidden(c) and c != 2]
    if left_out and model.rowCount() and not (history.details.isVisibleTo(history) and history.details.text()):
        yield f"columns {left_out} left out, nothing said of them"


def whole_item_width(combo: QComboBox) -> int:
    """The width a drop-down list needs to show its chosen item whole: a list of that item alone, as wide as it."""
    alone = QComboBox()
    alone.setFont(combo.font())
    alone.setIconSize(combo.iconSize())
    alone.addItem(combo.itemIcon(combo.currentIndex()), combo.currentText())
    alone.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    alone.ensurePolished()
    width = alone.sizeHint().width()
    alone.deleteLater()
    return width


def whole_text_width(edit: QLineEdit) -> int:
    """The width a line needs to show its text whole: Qt's own size hint is 17 «x» with the frame and margins."""
    metrics = edit.fontMetrics()
    frame = QLineEdit.sizeHint(edit).width() - 17 * metrics.horizontalAdvance("x")
    return frame + metrics.horizontalAdvance(edit.text())


def cut_where_room(top: QWidget, room: QRect) -> Iterator[str]:
    """Drop-down lists showing their chosen item cut, and lines their text cut, where the screen had room for the
    window to be as much wider as they needed."""
    spare = room.width() - FRAME - top.width()
    for combo in top.findChildren(QComboBox):
        if combo.isVisibleTo(top) and combo.currentText():
            needed = whole_item_width(combo)
            if combo.width() < needed <= combo.width() + spare:
                yield f"«{combo.currentText()}» cut: {combo.width()} px of {needed}, the screen had room"
    for edit in top.findChildren(QLineEdit):
        if edit.isVisibleTo(top) and edit.text() and not isinstance(edit.parentWidget(), QAbstractSpinBox | QComboBox):
            needed = whole_text_width(edit)
            if edit.width() < needed <= edit.width() + spare:
                yield f"«{edit.text()}» cut: {edit.width()} px of {needed}, the screen had room"


def list_lines_cut(top: QWidget) -> Iterator[str]:
    """Lines of a list in view that are wider than the list (a list's lines do not wrap: their ends are cut)."""
    for view in top.findChildren(QListWidget):
        if not view.isVisibleTo(top):
            continue
        for row in range(view.count()):
            item = view.item(row)
            needed = view.visualItemRect(item).x() + view.fontMetrics().horizontalAdvance(item.text())
            if needed > view.viewport().width():
                yield f"«{item.text()}» needs {needed} px in a list {view.viewport().width()} px wide"


def too_big(widget: QWidget, room: QRect, what: str) -> Iterator[str]:
    if widget.width() > room.width() or widget.height() > room.height():
        yield f"{what} {widget.width()}×{widget.height()} on a screen of {room.width()}×{room.height()}"


def settle() -> None:
    """Let the layouts finish: a change (a text that wraps, a row that moves) may take a few rounds."""
    for _round in range(4):
        QApplication.processEvents()


def check(widget: QWidget, name: str, room: QRect, problems: list[str], *, cut_texts: bool = False) -> None:
    settle()
    cut = cut_where_room(widget, room) if cut_texts else iter(())
    for problem in (*too_big(widget, room, "size"), *buttons_cut(widget), *cut):
        problems.append(f"{name}: {problem}")


def dialogs(window: MainWindow, service: JournalService, settings: Settings, today: date,
            rollover: tuple[str, str, str], history_row: HistoryRow) -> dict[str, Callable[[], QWidget]]:
    """Every dialog of the window, by name, each made when called (some in a state: an error line shown)."""

    def reading_with_rollover() -> QWidget:
        dialog = ReadingDialog(service, ACCOUNT, today, window)
        dialog.fields[0].setText("20")  # below the previous value: the box to tick and the field's error
        dialog.fields[1].setText("840")
        return dialog

    def new_account_refused() -> QWidget:
        dialog = NewAccountDialog(service, window)
        dialog.show()
        dialog.create()  # every field empty: the account number's error under it
        return dialog

    def new_account_typed() -> QWidget:
        dialog = NewAccountDialog(service, window)  # the longest plan, a typical address
        dialog.account_form.plan.setCurrentIndex(dialog.account_form.plan.findData(TariffPlan.THREE_ZONE.value))
        dialog.account_form.address.setText("г. Самара, ул. Ленина, д. 1, кв. 2")
        return dialog

    def payee_typed() -> QWidget:
        dialog = PayeeDialog(service, window)
        dialog.edits["name"].setText("ПАО «Самараэнерго»")
        dialog.edits["bank"].setText("ПОВОЛЖСКИЙ БАНК ПАО СБЕРБАНК")
        return dialog

    def wizard_page(page: int) -> Callable[[], QWidget]:
        def make() -> QWidget:
            wizard = ReplaceMeterWizard(service, ACCOUNT, window)
            wizard.show()
            if page:
                wizard.next()
            return wizard
        return make

    def settings_tab(tab: int) -> Callable[[], QWidget]:
        def make() -> QWidget:
            dialog = SettingsDialog(settings, service, ACCOUNT, window)
            dialog.tabs.setCurrentIndex(tab)
            return dialog
        return make

    def files() -> QWidget:
        dialog = file_dialogs.qt_dialog(window, "Сохранить копию журнала", str(Path.home() / "kopiya.sqlite3"),
                                        "Копии журнала (*.sqlite3)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        return dialog

    def message() -> QWidget:
        error = UnknownPrice(date(2025, 8, 20), ConsumerCategory.URBAN_GAS, TariffPlan.TWO_ZONE, Zone.NIGHT,
                             start=date(2025, 7, 1))
        return QMessageBox(QMessageBox.Icon.Warning, "Показания не сохранены", render(error),
                           QMessageBox.StandardButton.Ok, window)

    return {
        "reading": lambda: ReadingDialog(service, ACCOUNT, today, window),
        "reading with a rollover": reading_with_rollover,
        **{f"settings, tab {tab}": settings_tab(tab) for tab in range(3)},
        "payee": lambda: PayeeDialog(service, window),
        "payee typed": payee_typed,
        "receipt": lambda: ReceiptDialog(service, ACCOUNT, window.tasks, window),
        "new account": lambda: NewAccountDialog(service, window),
        "new account refused": new_account_refused,
        "new account typed": new_account_typed,
        "account": lambda: EditAccountDialog(service, ACCOUNT, window),
        "meter replacement, page 1": wizard_page(0),
        "meter replacement, page 2": wizard_page(1),
        "plan change": lambda: ChangePlanDialog(service, ACCOUNT, window),
        "correction": lambda: CorrectReadingDialog(service, ACCOUNT, history_row, window),
        "sync progress": lambda: window.sync.progress_dialog(),
        "password": lambda: PasswordDialog(ACCOUNT, render(AuthError(login="050900691990")), False, window),
        "how to read a meter": lambda: ReadingHelpDialog(window),
        "other ways to submit": lambda: FallbackDialog(ACCOUNT, ["1850", "840"], window),
        "contacts": lambda: ContactsDialog(window),
        "welcome": lambda: WelcomeDialog(window),
        "message box": message,
        "file dialog (Qt's own)": files,
        "risky question": lambda: RiskyQuestion(window, rollover[0], rollover[1], [Choice(rollover[2])]),
    }


def main(folder: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    today = date(2026, 11, 20)  # a reminder to submit is shown: it takes room too
    service = JournalService(folder / "data" / "journal.sqlite3", today=lambda: today)
    make_household(service)
    for day, values in ((date(2025, 3, 20), "1100,550"), (date(2026, 9, 20), "1500,700"),
                        (date(2026, 10, 20), "1700,780")):  # a price unknown in 2025: its note and button
        service.add_reading(ACCOUNT, day, values)
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    install_language("ru")
    room = app.primaryScreen().availableGeometry()
    try:
        service.add_reading(ACCOUNT, today, "20,840")
    except ConfirmationRequired as exc:
        rollover = journal_question(exc)
    problems: list[str] = []
    for text in TEXT_SIZES:
        apply_theme(app, text, False)
        at = f"{text} % text"
        window = MainWindow(service, settings)
        window.show()
        window.tasks.wait()
        settle()
        minimum = window.minimumSizeHint()
        if minimum.width() > room.width() or minimum.height() > room.height():
            problems.append(f"{at}, main window: minimum {minimum.width()}×{minimum.height()}")
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            check(window, f"{at}, main window, tab {window.tabs.tabText(index)}", room, problems)
            problems.extend(f"{at}, main window, tab {window.tabs.tabText(index)}: {problem}"
                            for problem in list_lines_cut(window.tabs.currentWidget()))
        window.tabs.setCurrentIndex(0)
        QApplication.processEvents()
        table = window.history.table
        if table.height() < table.minimumHeight() or not window.history.price_button.isVisible():
            problems.append(f"{at}: the history is {table.height()} px tall")
        problems.extend(f"{at}, history: {problem}" for problem in history_cut(window.history))
        if shown_rect(window.submit_button, window).size() != window.submit_button.size():
            problems.append(f"{at}: «Передать показания» is not in view")

        history_row = next(r for r in service.history(ACCOUNT) if r.consumption is not None)
        for name, make in dialogs(window, service, settings, today, rollover, history_row).items():
            dialog = make()
            dialog.show()
            QApplication.processEvents()
            check(dialog, f"{at}, {name}", room, problems, cut_texts=True)
            # On the laptop as it comes only the new account's ten fields need more than its 768 lines.
            if text == 100 and os.environ.get("QT_SCALE_FACTOR", "1") == "1" and "new account" not in name:
                scrolled = [b for b in dialog.findChildren(ScreenFitBody) if b.verticalScrollBar().isVisible()]
                if scrolled:
                    problems.append(f"{at}, {name}: scrolls at 100 %")
            dialog.hide()
            dialog.deleteLater()  # gone before the next text size (Qt crashes restyling a hidden wizard)
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        window.hide()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    service.close()
    print(json.dumps({"screen": [room.width(), room.height()], "problems": problems}, ensure_ascii=False))
    sys.stdout.flush()
    os._exit(0)  # no teardown: the child only reports


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
