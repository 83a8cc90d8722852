"""The windows fit the screen: at 200 % text, at 150 % display scale, on a 1366×768 laptop; their fields scroll,
their buttons stay in view."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT
from tests.ui import laptop_screen
from tests.ui.conftest import MID_MONTH, estimated
from tests.ui.test_quality import screens
from ui.account_dialogs import NewAccountDialog
from ui.dialog_buttons import ok_button
from ui.screen_fit import TITLE_BAR, ScreenFitBody
from ui.theme import apply_theme

SCREEN_1080 = 1080 - 40  # a full-HD screen less a task bar
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def large_text(qapp: QApplication, russian: None) -> Iterator[None]:
    apply_theme(qapp, 200, False)
    yield
    apply_theme(qapp, 100, False)


shown_rect = laptop_screen.shown_rect


def test_at_200_percent_every_dialog_fits_a_full_hd_screen(qtbot, window, home, settings, large_text) -> None:  # type: ignore[no-untyped-def]
    tall = [f"{type(s).__name__}: {s.height()} px" for s in screens(qtbot, window, home, settings)
            if s is not window and s.height() + TITLE_BAR > SCREEN_1080]
    assert tall == []


def test_the_new_account_form_scrolls_on_a_small_screen_and_keeps_its_buttons(  # type: ignore[no-untyped-def]
        qtbot, data_dir: Path, large_text) -> None:
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    dialog = NewAccountDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    screen = dialog.screen().availableGeometry()
    fields = dialog.body.widget()
    assert fields.height() + dialog.height() - dialog.body.height() + TITLE_BAR > screen.height()  # needs it
    assert dialog.height() + TITLE_BAR <= screen.height()
    assert dialog.body.verticalScrollBar().isVisible()
    create = ok_button(dialog.findChild(QDialogButtonBox))
    assert shown_rect(create, dialog).size() == create.size()  # the button is whole in view

    a, m = dialog.account_form, dialog.meter_form
    last = m.next_verification
    assert shown_rect(last, dialog).height() < last.height()  # below the fold at first
    a.number.setFocus()
    qtbot.keyClicks(a.number, "0509006919")
    visited = []
    while not (last.hasFocus() or last.lineEdit().hasFocus()) and len(visited) < 20:  # as a keyboard user does
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget().accessibleName())
    assert visited[-1] == last.accessibleName() and len(visited) == 9  # reading order; the date is one stop
    assert shown_rect(last, dialog).size() == last.size()  # Tab scrolled the field into view

    qtbot.keyClicks(m.serial, "11712434")
    m.installed.set_date(MID_MONTH.replace(year=MID_MONTH.year - 1))
    dialog.body.verticalScrollBar().setValue(dialog.body.verticalScrollBar().maximum())
    dialog.create()  # no holder's name: the error under the top field is scrolled into view
    for form, field in ((a, "holder"), (m, "initial")):
        error = form.errors[field]
        assert error.isVisibleTo(dialog) and error.text()
        assert shown_rect(error, dialog).size() == error.size()
        assert shown_rect(form.widgets[field], dialog).size() == form.widgets[field].size()
        assert dialog.height() + TITLE_BAR <= screen.height()  # the error line did not push the buttons off
        assert shown_rect(create, dialog).size() == create.size()
        a.holder.setText("Иванова Мария Петровна")  # QTest types Latin-1 only
        a.address.setText("Самара, ул. Ленина, 1")
        dialog.create()  # then no readings from the act: the error below is scrolled into view
    assert dialog.result() != QDialog.DialogCode.Accepted
    qtbot.keyClicks(m.initial.fields[0], "1000")
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    connection = sqlite3.connect(service.path)
    try:
        assert connection.execute("SELECT number FROM accounts").fetchall() == [("0509006919",)]
        assert connection.execute("SELECT serial, initial_t1 FROM meters").fetchall() == [("11712434", 1000)]
    finally:
        connection.close()
    service.close()


@pytest.mark.parametrize("scale", ["1", "1.25", "1.5"])
def test_every_window_fits_a_laptop_screen_at_every_display_scale_and_text_size(tmp_path: Path, scale: str) -> None:
    """On 1366×768 less the task bar and a title bar, at 100/125/150 % display scale and 100/150/200 % text: the
    main window's first and minimum size, the history never squeezed, and every dialog (also with an error line or
    a rollover's box shown) fit the screen, every button whole; at 100 % only the new account scrolls. No dialog's
    drop-down list shows its chosen item cut, nor a line its text (a typical address, the bank's name), when the
    screen had room for the dialog to be that much wider. A child process per scale: Qt reads the scale once, before
    the application starts (tests/ui/laptop_screen.py)."""
    env = dict(os.environ, QT_SCALE_FACTOR=scale,
               QT_QPA_PLATFORM=f"offscreen:configfile={laptop_screen.screen_config(tmp_path)}")
    env.pop("METER_JOURNAL_DATA_DIR", None)
    result = subprocess.run([sys.executable, "-m", "tests.ui.laptop_screen", str(tmp_path)], capture_output=True,
                            text=True, timeout=300, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    width, height = laptop_screen.LAPTOP
    assert report["screen"] == [round(width / float(scale)), round(height / float(scale))]  # the laptop's, scaled
    assert report["problems"] == []


def test_a_refused_date_and_its_message_are_scrolled_into_view(qtbot, data_dir: Path, large_text) -> None:  # type: ignore[no-untyped-def]
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    dialog = NewAccountDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert dialog.body.verticalScrollBar().isVisible()
    field = dialog.meter_form.installed
    field.setFocus()
    qtbot.keyClicks(field.edit, "01.01.2027")
    dialog.body.verticalScrollBar().setValue(0)  # the date below the fold
    dialog.create()
    qtbot.waitUntil(lambda: shown_rect(field.error, dialog).size() == field.error.size())
    assert field.error.text() == "Дата не может быть позже сегодняшнего дня, 20.11.2026."
    assert shown_rect(field.edit, dialog).size() == field.edit.size()
    service.close()


def test_a_dialog_an_error_line_widens_stays_whole_on_the_screen(qtbot, data_dir: Path, large_text) -> None:  # type: ignore[no-untyped-def]
    """A long refusal under the payee dialog's first button widens it (at 1366×768, 150 %, 200 % text: from 781 to
    895 px, past the right edge where it was): the dialog moves back to be whole, as no window manager moves a
    window that resized itself. Here it stands 40 px past the edge when the line appears."""
    from ui.payee_dialog import PayeeDialog

    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    dialog = PayeeDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    area = dialog.screen().availableGeometry()
    dialog.move(area.right() + 1 - dialog.frameGeometry().width() + 40, area.top())
    QApplication.processEvents()
    assert not area.contains(dialog.frameGeometry())
    dialog.bill_error.setText("Этот счёт не от ПАО «Самараэнерго»: в его QR-коде получатель — ПАО Сбербанк, ИНН "
                              "7707083893 (у ПАО «Самараэнерго» ИНН 6315222985). Реквизиты не сохранены.")
    dialog.bill_error.show()
    qtbot.waitUntil(lambda: area.contains(dialog.frameGeometry()), timeout=3000)
    assert dialog.from_bill.isVisible() and dialog.bill_error.isVisible()
    service.close()


def test_the_estimate_line_comes_into_view_below_the_fields_as_it_arrives(  # type: ignore[no-untyped-def]
        qtbot, home: JournalService, large_text) -> None:
    """At 200 % text the reading dialog's fields scroll; the estimate line arrives below the last field, out of
    sight: it is scrolled into view with the field being typed in."""
    from ui.reading_dialog import ReadingDialog

    dialog = ReadingDialog(home, ACCOUNT, MID_MONTH)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert dialog.body.verticalScrollBar().isVisible()
    day, night = dialog.fields
    qtbot.keyClicks(day, "1850")
    qtbot.keyClick(day, Qt.Key.Key_Tab)
    dialog.body.verticalScrollBar().setValue(0)  # the estimate line below the fold
    qtbot.keyClicks(night, "830")
    assert estimated(qtbot, dialog)  # the charge, or why it cannot be counted yet
    qtbot.waitUntil(lambda: shown_rect(dialog.preview, dialog).size() == dialog.preview.size())
    assert shown_rect(night, dialog).size() == night.size()


def test_a_long_error_under_the_last_field_of_a_scrolling_form_is_whole_in_view(  # type: ignore[no-untyped-def]
        qtbot, window, home, settings, large_text, monkeypatch) -> None:
    """FieldForm.show_error on the laptop at 150 % display scale and 200 % text (the room is monkeypatched: the
    display scale is read once per process): the prices' form scrolls; a price refused shows four lines under the
    last field. The scroll bar that appears with them narrows the lines and moves the error down: it stays whole in
    view, not its last line cut until the person scrolls."""
    import ui.screen_fit
    from ui.settings_dialog import SettingsDialog

    width, height = laptop_screen.LAPTOP
    laptop = QSize(round(width / 1.5) - ui.screen_fit.FRAME, round(height / 1.5) - TITLE_BAR)
    monkeypatch.setattr(ui.screen_fit, "room", lambda _widget: laptop)
    dialog = SettingsDialog(settings, home, ACCOUNT, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.prices_page)
    QApplication.processEvents()
    day, night = dialog.prices.fields
    qtbot.keyClicks(day, "999999")  # far above any price: refused with a long message
    qtbot.keyClicks(night, "3,56")
    qtbot.mouseClick(dialog.save_price, Qt.MouseButton.LeftButton)
    error = dialog.price_form.errors["price"]
    assert error.isVisible() and "999999" in error.text()
    assert error.height() >= 3 * error.fontMetrics().height()  # several lines
    qtbot.wait(300)  # the layouts settle: the fields' scroll bar appears, the lines wrap narrower
    body = ScreenFitBody.around(error)
    assert body is not None and body.verticalScrollBar().isVisible()
    assert shown_rect(error, dialog).size() == error.size()
    assert dialog.height() <= laptop.height()
