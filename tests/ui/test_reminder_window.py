"""The reminder on screen: the notification (offscreen, in Russian, its buttons), the window it opens at the right
dialog, the first start's offer and the Settings checkbox that write and remove the autostart entry (kept in a
temporary place by tests.conftest)."""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QPushButton

from desktop_app.autostart import program_command, reminder_command
from desktop_app.services.journal_service import JournalService
from desktop_app.services.reminders import Due, due_now, seen_today
from journal import accounts, portal_data
from tests.conftest import ACCOUNT, ReminderPlace
from tests.portal.support import PASSWORD, MemoryKeyring
from tests.portal_emulator import PortalEmulator, PortalState, household
from tests.ui.conftest import MID_MONTH, click_in_next_modal
from tests.ui.test_quality import untranslated
from ui.main_window import MainWindow
from ui.reminder_notice import ReminderNotice
from ui.settings import Settings

SECOND = "050900000002"
NOVEMBER_DUE = [
    Due("reading", ACCOUNT, period="2026-11", until=date(2026, 11, 25)),
    Due("waiting", SECOND, waiting=2, checking=1),
    Due("invoice", ACCOUNT, until=date(2026, 11, 30), invoice="300000000102", amount=Decimal("1234.56")),
    Due("invoice", SECOND, until=date(2026, 11, 15), invoice="300000000201", amount=None),
]


def notice(qtbot, due: list[Due], folder: Path, started: list[list[str]] | None = None) -> ReminderNotice:  # type: ignore[no-untyped-def]
    shown = ReminderNotice(due, folder, MID_MONTH, start_window=(started if started is not None else []).append)
    qtbot.addWidget(shown)
    shown.place()
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_the_notification_says_what_is_due_in_russian_in_the_screen_s_corner(qtbot, tmp_path: Path, russian) -> None:  # type: ignore[no-untyped-def]
    shown = notice(qtbot, NOVEMBER_DUE, tmp_path)
    text = shown.message.text().replace("\u00a0", " ")
    assert text.split("\n\n") == [
        f"Передайте показания за ноябрь 2026 (лицевой счёт {ACCOUNT}): Самараэнерго принимает их до 25.11.2026.",
        f"2 показания по лицевому счёту {SECOND} ещё не дошли до Самараэнерго. 1 показание по лицевому счёту "
        f"{SECOND} отправлено без подтверждения: журнал проверит его у Самараэнерго.",
        f"Счёт по лицевому счёту {ACCOUNT} на 1 234,56 ₽ нужно оплатить до 30.11.2026; оплата в журнале не "
        "записана.",
        f"Счёт по лицевому счёту {SECOND} нужно было оплатить до 15.11.2026; оплата в журнале не записана.",
    ]
    assert shown.open_button.text() == "Открыть журнал" and shown.later_button.text() == "Напомнить завтра"
    assert shown.windowTitle() == "Журнал показаний напоминает"
    texts = [w.text() for w in shown.findChildren(QPushButton)] + [shown.message.text(), shown.windowTitle()]
    assert untranslated(iter(texts), set()) == []
    flags = shown.windowFlags()
    assert flags & Qt.WindowType.WindowStaysOnTopHint and flags & Qt.WindowType.FramelessWindowHint
    screen = shown.screen().availableGeometry()
    frame = shown.frameGeometry()
    assert screen.contains(frame)
    assert screen.right() - frame.right() <= 20 and screen.bottom() - frame.bottom() <= 20  # bottom right
    assert shown.open_button.height() >= 44 and shown.later_button.height() >= 44
    assert shown.open_button.hasFocus() or shown.open_button.isDefault()


def test_more_than_four_things_due_end_with_how_many_more(qtbot, tmp_path: Path, russian) -> None:  # type: ignore[no-untyped-def]
    many = [Due("reading", f"0509000000{n:02d}", period="2026-11", until=date(2026, 11, 25)) for n in range(7)]
    shown = notice(qtbot, many, tmp_path)
    assert shown.message.text().split("\n\n")[-1] == "…и ещё 3 в журнале."
    assert shown.message.text().count("Передайте показания") == 4


@pytest.mark.parametrize("first, opening", [(0, "reading"), (1, "sync"), (2, "payments")])
def test_open_the_journal_starts_the_window_at_the_right_dialog(qtbot, tmp_path: Path, russian, first: int,  # type: ignore[no-untyped-def]
                                                                 opening: str) -> None:
    started: list[list[str]] = []
    shown = notice(qtbot, NOVEMBER_DUE[first:], tmp_path / "Мой журнал", started)
    qtbot.mouseClick(shown.open_button, Qt.MouseButton.LeftButton)
    account = NOVEMBER_DUE[first].account
    assert started == [[*program_command(), "--open", opening, "--account", account, "--data-dir",
                        str(tmp_path / "Мой журнал")]]
    assert not shown.isVisible() and shown.answer == "open"
    assert not seen_today(tmp_path / "Мой журнал", MID_MONTH)  # no journal folder there: nothing written


def test_remind_tomorrow_starts_nothing_and_quiets_today(qtbot, tmp_path: Path, russian) -> None:  # type: ignore[no-untyped-def]
    started: list[list[str]] = []
    shown = notice(qtbot, NOVEMBER_DUE, tmp_path, started)
    qtbot.mouseClick(shown.later_button, Qt.MouseButton.LeftButton)
    assert started == [] and not shown.isVisible() and shown.answer == "tomorrow"
    assert seen_today(tmp_path, MID_MONTH) and not seen_today(tmp_path, MID_MONTH + timedelta(days=1))
    again = notice(qtbot, NOVEMBER_DUE, tmp_path / "other", started)
    (tmp_path / "other").mkdir()
    qtbot.keyClick(again, Qt.Key.Key_Escape)  # Esc: the safe answer, later
    assert started == [] and again.answer == "tomorrow" and seen_today(tmp_path / "other", MID_MONTH)


def link(service: JournalService, number: str = ACCOUNT) -> None:
    with service.journal.write() as session:
        portal_data.link_account(session, accounts.find_account(session, number), portal_account_id="BP1",
                                 contract_account_id=number, contract_id=None, tariff_type=None, now=datetime.now())


def test_the_reminder_run_shows_the_notification_and_opens_the_window(qtbot, data_dir: Path, home: JournalService,  # type: ignore[no-untyped-def]
                                                                      reminder_place: ReminderPlace, tmp_path: Path,
                                                                      monkeypatch, russian) -> None:
    """`meter-journal remind` in full: what is due found, the notification shown, «Открыть журнал» clicked."""
    import ui.launch
    from desktop_app.__main__ import main

    monkeypatch.setattr(ui.launch, "make_settings", lambda: Settings(QSettings(str(tmp_path / "s.ini"),
                                                                                QSettings.Format.IniFormat)))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    home.today = date.today
    home.add_reading(ACCOUNT, date.today(), "1900,900")  # this period's reading: only the sending is due
    link(home)
    clicked: list[str] = []

    def answer() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, ReminderNotice) and w.isVisible()]
        if not shown:
            QTimer.singleShot(20, answer)
            return
        clicked.append(shown[0].message.text())
        shown[0].open_button.click()

    QTimer.singleShot(0, answer)
    try:
        assert main(["remind", "--data-dir", str(data_dir)]) == 4
    finally:
        from ui.main_thread_gc import MainThreadGarbageCollector

        for collector in QApplication.instance().findChildren(MainThreadGarbageCollector):  # the run's own
            collector.timer.stop()
            collector.deleteLater()
    assert "ещё не дошли до Самараэнерго" in clicked[0]
    assert reminder_place.started == [[*program_command(), "--open", "sync", "--account", ACCOUNT, "--data-dir",
                                       str(data_dir)]]
    assert seen_today(data_dir, date.today())


def application(qapp, window: MainWindow, folder: Path):  # type: ignore[no-untyped-def]
    from ui.app import Application

    app = Application(qapp, window.settings, folder, window)
    app.service = window.service
    return app


def test_the_window_opens_the_reading_dialog_of_the_account_due(qtbot, qapp, window: MainWindow,  # type: ignore[no-untyped-def]
                                                                home: JournalService, data_dir: Path) -> None:
    home.add_account(SECOND, "Петров Пётр Петрович", "Самара, ул. Мира, 2", "single", "urban-gas")
    home.add_meter(SECOND, "22334455", 6, date(2025, 1, 10), "100")
    window.reload_accounts(ACCOUNT)
    seen: list[object] = []

    def look(dialog: QDialog) -> None:
        seen.append((type(dialog).__name__, getattr(dialog, "number", None)))
        dialog.reject()

    click_in_next_modal(qtbot, action=look)
    application(qapp, window, data_dir).open_at(("reading", SECOND))
    assert seen == [("ReadingDialog", SECOND)] and window.number == SECOND


def test_the_window_opens_the_payments_for_an_invoice(qtbot, qapp, window: MainWindow, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    application(qapp, window, data_dir).open_at(("payments", ACCOUNT))
    qtbot.waitUntil(lambda: window.payments.amount.hasFocus())
    assert window.tabs.currentIndex() == 2


def test_the_window_opens_the_sync_which_sends_and_pulls_the_invoice_the_reminder_then_sees(  # type: ignore[no-untyped-def]
        qtbot, qapp, window: MainWindow, home: JournalService, data_dir: Path, monkeypatch) -> None:
    from desktop_app.portal.credentials import CredentialStore

    home.add_reading(ACCOUNT, MID_MONTH, "1850,840")  # November's reading, waiting to be sent
    with PortalEmulator(PortalState([household(password=PASSWORD)])) as emulator:
        monkeypatch.setenv("METER_JOURNAL_PORTAL_URL", emulator.url)
        window.sync.sync_service.store = CredentialStore(MemoryKeyring())
        window.sync.ask_password = lambda login, message, can: (PASSWORD, False)
        with qtbot.waitSignal(window.sync.finished, timeout=30000):
            application(qapp, window, data_dir).open_at(("sync", ACCOUNT))
        assert emulator.state.count(MID_MONTH, (1850, 840)) == 1
    # The pulled invoice of 5 November, due on the 15th and unpaid: the reminder's next look finds it.
    assert [(d.kind, d.invoice, d.amount) for d in due_now(home.journal, MID_MONTH)] == [
        ("invoice", "300000000102", Decimal("1500.00"))]


def test_the_first_start_ends_with_the_reminders_on_unless_the_person_says_no(  # type: ignore[no-untyped-def]
        qtbot, qapp, window: MainWindow, data_dir: Path, reminder_place: ReminderPlace) -> None:
    def done(untick: bool) -> object:
        def press(dialog: QDialog) -> None:
            remind = dialog.findChild(QCheckBox)
            assert remind.isChecked() and remind.text() == "Напоминать мне о показаниях и оплате"
            if untick:
                remind.setFocus()
                qtbot.keyClick(remind, Qt.Key.Key_Space)
                assert not remind.isChecked()
            next(b for b in dialog.findChildren(QPushButton) if b.text() == "Готово").click()
        return press

    app = application(qapp, window, data_dir)
    click_in_next_modal(qtbot, action=done(untick=False))
    app.offer_reminders()
    assert reminder_place.autostart.entry() is not None
    assert str(data_dir) in reminder_place.autostart.entry()  # the journal it watches
    assert reminder_place.started == [reminder_command(data_dir)]
    click_in_next_modal(qtbot, action=done(untick=True))
    app.offer_reminders()
    assert reminder_place.autostart.entry() is None


def test_settings_turn_the_reminders_on_and_off(qtbot, window: MainWindow, home: JournalService, settings,  # type: ignore[no-untyped-def]
                                                data_dir: Path, reminder_place: ReminderPlace) -> None:
    from ui.settings_dialog import SettingsDialog

    def settings_dialog() -> SettingsDialog:
        dialog = SettingsDialog(settings, home, ACCOUNT, window)
        qtbot.addWidget(dialog)
        return dialog

    dialog = settings_dialog()
    assert not dialog.remind.isChecked() and dialog.remind.text() == "Напоминать мне о показаниях и оплате"
    dialog.remind.setChecked(True)
    dialog.apply()
    assert reminder_place.autostart.entry() is not None and reminder_place.started == [reminder_command(data_dir)]
    dialog = settings_dialog()
    assert dialog.remind.isChecked()
    dialog.apply()  # unchanged: nothing written or started again
    assert len(reminder_place.started) == 1
    dialog = settings_dialog()
    dialog.remind.setChecked(False)
    dialog.apply()
    assert reminder_place.autostart.entry() is None


def test_the_sample_household_leaves_the_reminders_alone(qtbot, data_dir: Path, settings, russian) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.services.sample import create_sample, sample_path
    from ui.settings_dialog import SettingsDialog

    service = create_sample(sample_path(data_dir), MID_MONTH)
    sample = MainWindow(service, settings, sample=True)
    qtbot.addWidget(sample)
    dialog = SettingsDialog(settings, service, None, sample)
    qtbot.addWidget(dialog)
    assert not dialog.remind.isEnabled()
    service.close()


def test_the_window_s_start_keeps_the_entry_on_its_journal_and_quiets_today(  # type: ignore[no-untyped-def]
        qtbot, qapp, home: JournalService, settings, data_dir: Path, reminder_place: ReminderPlace, monkeypatch,
        russian) -> None:
    from ui.app import start

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start installs the app's own
    reminder_place.autostart.enable(reminder_command(Path("/a folder it used before")))
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    assert start(qapp, settings, None, None, window) is not None  # the data folder: METER_JOURNAL_DATA_DIR
    entry = reminder_place.autostart.entry() or ""
    assert str(data_dir) in entry and "used before" not in entry
    assert reminder_place.started == [reminder_command(data_dir)]
    assert seen_today(data_dir, date.today())  # the window shows today's reminders itself
