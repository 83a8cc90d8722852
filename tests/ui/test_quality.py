"""Quality of the interface: accessible names, large targets, complete translations, text size, contrast."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QStyleOptionSpinBox,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from desktop_app.services.journal_service import JournalService
from desktop_app.services.reminders import Due
from tests.conftest import ACCOUNT
from tests.ui.conftest import MID_MONTH
from ui import translations_update
from ui.account_dialogs import EditAccountDialog, NewAccountDialog, ReplaceMeterWizard
from ui.help_dialogs import ContactsDialog, FallbackDialog, ReadingHelpDialog
from ui.i18n import catalogue_entries
from ui.main_window import MainWindow
from ui.payee_dialog import PayeeDialog
from ui.plan_change_dialog import ChangePlanDialog
from ui.reading_dialog import ReadingDialog
from ui.reminder_notice import ReminderNotice
from ui.settings_dialog import SettingsDialog
from ui.theme import MIN_TARGET, apply_theme
from ui.welcome_dialog import RemindersOfferDialog, WelcomeDialog

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextBrowser, QTabWidget)
INNER = (QComboBox, QAbstractSpinBox)  # their inner line edits are part of them


def screens(qtbot, window: MainWindow, service: JournalService, settings) -> Iterator[QWidget]:  # type: ignore[no-untyped-def]
    """The main window and every dialog, shown."""
    yield window
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        yield window
    dialogs: list[QWidget] = [
        ReadingDialog(service, ACCOUNT, MID_MONTH), NewAccountDialog(service), EditAccountDialog(service, ACCOUNT),
        ReplaceMeterWizard(service, ACCOUNT), SettingsDialog(settings, service, ACCOUNT),
        FallbackDialog(ACCOUNT, ["1850", "840"]), ContactsDialog(), ReadingHelpDialog(), WelcomeDialog(),
        ChangePlanDialog(service, ACCOUNT), PayeeDialog(service), RemindersOfferDialog(), _notice(service),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        yield dialog
        dialog.close()


def _notice(service: JournalService) -> ReminderNotice:
    """The reminder's notification with one thing of each kind due, placed in the screen's corner."""
    due = [Due("reading", ACCOUNT, period="2026-11", until=date(2026, 11, 25)), Due("waiting", ACCOUNT, waiting=2),
           Due("invoice", ACCOUNT, until=date(2026, 11, 30), invoice="1", amount=Decimal("1500.00"))]
    notice = ReminderNotice(due, service.path.parent, MID_MONTH, start_window=lambda _command: None)
    notice.place()
    return notice


def visible_controls(top: QWidget) -> Iterator[QWidget]:
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(top):
            continue
        if isinstance(widget.parentWidget(), INNER) or type(widget).__name__ in {"QScrollBar"}:
            continue
        if widget.parentWidget() is not None and type(widget.parentWidget()).__name__ == "QTabBar":
            continue  # the tab bar's own scroll arrows
        yield widget


def test_every_control_has_an_accessible_name_and_a_large_target(qtbot, window, home, settings) -> None:  # type: ignore[no-untyped-def]
    unnamed, small = [], []
    for screen in screens(qtbot, window, home, settings):
        for widget in visible_controls(screen):
            label = f"{type(screen).__name__}/{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r}"
            if not widget.accessibleName():
                unnamed.append(label)
            too_narrow = not isinstance(widget, QCheckBox) and widget.width() < MIN_TARGET
            if isinstance(widget, QAbstractButton | QLineEdit | QComboBox | QAbstractSpinBox) and (
                    widget.height() < MIN_TARGET or too_narrow):
                small.append(f"{label} {widget.width()}×{widget.height()}")
    assert unnamed == [], "\n".join(unnamed)
    assert small == [], "\n".join(small)


def test_at_200_percent_every_dialog_shows_its_texts_and_fields_whole(  # type: ignore[no-untyped-def]
        qtbot, window, home, settings, qapp) -> None:
    apply_theme(qapp, 200, False)
    cut = []
    try:
        for screen in screens(qtbot, window, home, settings):
            if screen is window:
                continue  # the main window is resized by the person; the dialogs are not
            for widget in screen.findChildren(QWidget):
                if not widget.isVisibleTo(screen) or isinstance(widget.parentWidget(), INNER):
                    continue
                label = f"{type(screen).__name__}/{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r}"
                if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
                    if widget.height() < widget.heightForWidth(widget.width()):
                        cut.append(f"{label}: {widget.height()} < {widget.heightForWidth(widget.width())}")
                elif isinstance(widget, QPushButton | QLineEdit | QComboBox | QAbstractSpinBox):
                    # A button shows its whole text; a field is as wide as its minimum; both keep the 200 % target.
                    width = (widget.sizeHint() if isinstance(widget, QPushButton) else widget.minimumSizeHint()).width()
                    if widget.width() < width or widget.height() < 2 * MIN_TARGET:
                        cut.append(f"{label}: {widget.width()}×{widget.height()} < {width}×{2 * MIN_TARGET}")
    finally:
        apply_theme(qapp, 100, False)
    assert cut == [], "\n".join(cut)


def texts_of(top: QWidget) -> Iterator[str]:
    yield top.windowTitle()
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) and not isinstance(widget, QMainWindow):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            yield widget.text()
        if isinstance(widget, QLineEdit):
            yield widget.placeholderText()
        if isinstance(widget, QTabWidget):
            yield from (widget.tabText(i) for i in range(widget.count()))
        if widget.accessibleName():
            yield widget.accessibleName()
    if isinstance(top, QMainWindow):
        for menu_action in top.menuBar().actions():
            yield menu_action.text()
            yield from (a.text() for a in menu_action.menu().actions())
        model = top.history.model  # type: ignore[attr-defined]
        yield from (str(model.headerData(c, Qt.Orientation.Horizontal))
                    for c in range(model.columnCount()))


def untranslated(texts: Iterator[str], allowed: set[str]) -> list[str]:
    """Texts with Latin words that are not data (account, serial numbers) or the few allowed tokens."""
    bad = []
    for text in texts:
        plain = re.sub(r"<[^>]+>", " ", text)
        for token in allowed:
            plain = plain.replace(token, " ")
        if re.search(r"[A-Za-z]{2,}", plain):
            bad.append(text)
    return sorted(set(bad))


def test_russian_is_complete_on_every_screen(qtbot, window, home, settings) -> None:  # type: ignore[no-untyped-def]
    allowed = {"11712434", "Ctrl", "SMS", "MTS", "e-mail", "E-mail", "Enter", "Esc", "T1", "T2", "T3", "CSV", "PDF",
               "Fusion", "English", "lk.samaraenergo.ru", "QR"}
    texts = [t for screen in screens(qtbot, window, home, settings) for t in texts_of(screen)]
    assert untranslated(iter(texts), allowed) == []


def test_english_is_complete_on_every_screen(qtbot, data_dir: Path, settings, english) -> None:  # type: ignore[no-untyped-def]
    service = JournalService(data_dir / "journal.sqlite3", today=lambda: MID_MONTH)
    service.create_account_with_meter(ACCOUNT, "Ivanova Maria", "Samara, Lenin street 1", "two-zone", "urban-gas",
                                      "11712434", 6, date(2025, 1, 10), "1000,500")
    service.add_reading(ACCOUNT, date(2026, 10, 20), "1700,780")
    window = MainWindow(service, settings)
    qtbot.addWidget(window)
    window.show()
    texts = [t for screen in screens(qtbot, window, service, settings) for t in texts_of(screen)]
    cyrillic = sorted({t for t in texts if re.search(r"[А-Яа-яЁё]", t) and "Русский" not in t})
    assert cyrillic == []
    service.close()


def _ts_messages(path: Path) -> set[tuple[str, str]]:
    root = ET.parse(path).getroot()
    return {(c.findtext("name", ""), m.findtext("source", "")) for c in root.iter("context") for m in c.iter("message")}


def _translated_forms(message: ET.Element) -> list[str]:
    """A message's translation: its plural forms (Russian has three) for a message with a number, else the one."""
    translation = message.find("translation")
    if translation is None:
        return [""]
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms if message.get("numerus") == "yes" else [translation.text or ""]


@pytest.mark.parametrize("catalogue", ["meter_journal_ru.ts", "journal_messages_ru.ts"])
def test_every_catalogue_entry_is_translated(catalogue: str) -> None:
    path = TRANSLATIONS / catalogue
    root = ET.parse(path).getroot()
    missing = [m.findtext("source") for m in root.iter("message")
               if not all(form.strip() for form in _translated_forms(m))
               or m.find("translation").get("type") in {"unfinished", "vanished", "obsolete"}]  # type: ignore[union-attr]
    assert missing == []
    for message in root.iter("message"):
        source, translation = message.findtext("source", ""), " ".join(_translated_forms(message))
        given, kept = set(re.findall(r"\{[^{}]+\}", source)), set(re.findall(r"\{[^{}]+\}", translation))
        # Every value is kept, except a command-line command: the window names its own menu instead.
        assert kept <= given and all("command" in left for left in given - kept), source


def test_the_catalogues_cover_every_text_in_the_code(tmp_path: Path) -> None:
    """lupdate over ui/ and the journal's message extraction find nothing the committed catalogues lack."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (translations_update.ROOT / "ui").glob("*.py"))
    lupdate = str(translations_update.qt_tool("lupdate"))
    subprocess.run([lupdate, "-silent", "-no-obsolete", *sources, "-ts", str(fresh)], check=True)
    assert _ts_messages(fresh) - _ts_messages(TRANSLATIONS / "meter_journal_ru.ts") == set()
    templates = set(translations_update.journal_templates())
    committed = {source for _, source in _ts_messages(TRANSLATIONS / "journal_messages_ru.ts")}
    assert templates - committed == set()
    assert set(translations_update.journal_labels()) - committed == set()
    assert catalogue_entries("ru")  # and the window's catalogue loads


def test_text_size_and_high_contrast_apply_to_the_whole_window(qtbot, window, qapp) -> None:  # type: ignore[no-untyped-def]
    apply_theme(qapp, 200, True)
    QApplication.processEvents()
    try:
        assert qapp.font().pointSizeF() == pytest.approx(24)
        assert window.submit_button.font().pointSizeF() > 24
        assert window.palette().window().color().name() == "#000000"
        assert window.palette().windowText().color().name() == "#ffffff"
        window.adjustSize()
        assert window.history.edit_button.sizeHint().height() >= 2 * MIN_TARGET - 4
    finally:
        apply_theme(qapp, 100, False)


def test_settings_dialog_stores_the_choices(qtbot, window, home, settings) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(settings, home, ACCOUNT, window)
    qtbot.addWidget(dialog)
    dialog.scale.setValue(150)
    dialog.contrast.setChecked(True)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.keep.setValue(5)
    dialog.apply()
    assert (settings.text_scale, settings.high_contrast, settings.language, settings.keep_backups) == (
        150, True, "en", 5)
    assert isinstance(dialog, QDialog)


def test_tab_order_follows_reading_order_in_the_reading_dialog(qtbot, home) -> None:  # type: ignore[no-untyped-def]
    dialog = ReadingDialog(home, ACCOUNT, MID_MONTH)
    qtbot.addWidget(dialog)
    dialog.show()
    chain, widget = [], dialog.date_edit.edit
    for _ in range(8):
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & widget.focusPolicy().TabFocus) or not widget.isVisibleTo(dialog) \
                or isinstance(widget.parentWidget(), INNER):
            widget = widget.nextInFocusChain()
    expected = [dialog.date_edit.edit, *dialog.fields, dialog.replace_button, dialog.fallback_button]
    assert chain[: len(expected)] == expected
    assert dialog.save_button in chain


def test_an_unexpected_error_shows_a_readable_message_with_the_log_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import sys

    from tests.ui.conftest import click_in_next_modal
    from ui.app import install_exception_hook

    log_file = tmp_path / "logs" / "meter-journal.log"
    previous = sys.excepthook
    install_exception_hook(log_file)
    try:
        seen = click_in_next_modal(qtbot, action=lambda box: box.accept())
        try:
            raise RuntimeError("boom")
        except RuntimeError as error:
            sys.excepthook(RuntimeError, error, error.__traceback__)
    finally:
        sys.excepthook = previous
    assert seen and str(log_file) in seen[0]
    assert "boom" not in seen[0]  # the person sees plain words; the details go to the log


def test_journal_messages_are_translated_with_their_values_even_when_nested(russian) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.portal.api import Register
    from desktop_app.portal.errors import AuthError
    from desktop_app.portal.zones import ZoneMismatch, match_registers
    from journal import validation
    from journal.errors import InvalidInput
    from journal.messages import msg
    from journal.zones import TariffPlan
    from ui.i18n import render

    with pytest.raises(InvalidInput) as inner:
        validation.zone_values("13x0", 1, 6)
    text = render(msg("Line {line}: {reason}", line=4, reason=inner.value.text))  # as journal.exchange says it
    assert str(inner.value.text) == ("Type only the digits before the comma, without letters or symbols; got '13x0' "
                                     "for T1.")
    assert text.startswith("Строка 4:") and "«13x0»" in text and "T1" in text
    assert not re.search(r"\b(Type|digits|letters)\b", text)
    two = render(AuthError(login="050900691990"))
    assert "050900691990" in two and not re.search(r"[A-Za-z]{4,}", two.replace("050900691990", ""))
    # A message of two sentences with a plan in it is translated whole, the plan named in Russian.
    with pytest.raises(ZoneMismatch) as mismatch:
        match_registers([Register("1", "001", "Сутки", None, None)], TariffPlan.TWO_ZONE)
    warning = render(mismatch.value.text)
    assert warning.startswith("У счётчика в личном кабинете шкал: 1 (001 «Сутки»)") and "«двухзонный»" in warning
    assert "«Сменить тариф…»" in warning and not re.search(r"[A-Za-z]{2,}", warning), warning


def test_the_window_frame_starts_without_the_journal_libraries() -> None:
    """The fast start: the entry point and ui.launch import Qt and light modules only (docs/PERFORMANCE.md)."""
    code = ("import sys, desktop_app.__main__, ui.launch; "
            "print(sorted(m for m in ('sqlalchemy', 'alembic', 'httpx', 'reportlab') if m in sys.modules))")
    result = subprocess.run([__import__("sys").executable, "-c", code], capture_output=True, text=True, timeout=120,
                            cwd=TRANSLATIONS.parents[1])
    assert result.stdout.strip() == "[]", result.stderr


def test_a_plain_start_goes_to_the_window() -> None:
    from desktop_app.__main__ import _window_only

    assert _window_only([]) == (True, None, None)
    assert _window_only(["--data-dir", "D"]) == (True, "D", None)
    assert _window_only(["--data-dir=D"]) == (True, "D", None)
    assert _window_only(["history", "--account", "1"])[0] is False


def test_the_rollover_question_is_all_russian(home, russian) -> None:  # type: ignore[no-untyped-def]
    from journal.errors import ConfirmationRequired
    from ui.confirmations import journal_question
    from ui.i18n import render

    try:
        home.add_reading(ACCOUNT, MID_MONTH, "20,840")
    except ConfirmationRequired as exc:
        text = render(exc)
        question = journal_question(exc)  # what the window asks, from the error's figures
    assert "20.10.2026" in text and "2026-10-20" not in text
    assert not re.search(r"[A-Za-z]{3,}", text), text
    assert "20.10.2026" in question[1] and "2026-10-20" not in question[1]
    assert not re.search(r"[A-Za-z]{3,}", " ".join(question)), question


def test_a_field_named_inside_a_message_is_named_in_russian(russian) -> None:  # type: ignore[no-untyped-def]
    from journal import validation
    from journal.errors import InvalidInput
    from journal.messages import Label
    from ui.i18n import render

    with pytest.raises(InvalidInput) as refused:
        validation.required_text(" ", "holder", Label("holder's full name"), 200)
    assert str(refused.value.text) == "Please fill in the holder's full name."
    assert render(refused.value) == (
        "Пожалуйста, заполните поле «фамилия, имя и отчество владельца счёта».")


@pytest.mark.parametrize("band", [1, 2])
def test_an_unknown_price_is_explained_in_russian_without_codes_or_commands(russian, band: int) -> None:  # type: ignore[no-untyped-def]
    from journal.tariffs import UnknownPrice
    from journal.zones import PLAN_ZONES, ConsumerCategory
    from ui.i18n import render

    for category in ConsumerCategory:
        for plan, zones in PLAN_ZONES.items():
            for zone in zones:
                error = UnknownPrice(date(2025, 8, 20), category, plan, zone, band=band, start=date(2025, 7, 1))
                text = render(error)
                assert text.startswith("Неизвестна цена на 20.08.2025") and "Журнал → Настройки… → Цены" in text
                assert not re.search(r"[A-Za-z]{2,}", text.replace("объёма II", "")), text


def test_window_messages_name_the_window_not_the_command_line(home, russian) -> None:  # type: ignore[no-untyped-def]
    from journal.errors import JournalError
    from ui.i18n import render

    texts = []
    for action in (lambda: home.account("123456"), lambda: home.billing.bill(ACCOUNT, "2026-11"),
                   lambda: home.receipts.receipt_pdf(ACCOUNT, "2026-10"),
                   lambda: home.update_account(ACCOUNT, "Иванова М. П.", "Самара", "single", "urban-gas")):
        with pytest.raises(JournalError) as error:
            action()
        texts.append(render(error.value))
    for text in texts:
        assert not re.search(r"[A-Za-z]{3,}", text), text
    assert "Журнал → Добавить лицевой счёт…" in texts[0]
    assert "«Сменить тариф…»" in texts[3]


def test_tab_order_follows_reading_order_in_the_plan_change(qtbot, home) -> None:  # type: ignore[no-untyped-def]
    dialog = ChangePlanDialog(home, ACCOUNT)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.plan.setCurrentIndex(dialog.plan.findData("three-zone"))  # the new plan's fields are made anew
    qtbot.waitUntil(lambda: dialog.initial.fields[-1].isVisible())
    chain, widget = [], dialog.plan
    for _ in range(9):
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & widget.focusPolicy().TabFocus) or not widget.isVisibleTo(dialog) \
                or isinstance(widget.parentWidget(), INNER):
            widget = widget.nextInFocusChain()
    assert chain == [dialog.plan, dialog.on.edit, *dialog.old_final.fields, *dialog.initial.fields, *chain[-2:]]
    assert [type(w).__name__ for w in chain[-2:]] == ["QPushButton", "QPushButton"]


def test_at_200_percent_the_main_window_fits_a_laptop_screen(qtbot, window, qapp) -> None:  # type: ignore[no-untyped-def]
    apply_theme(qapp, 200, False)
    try:
        window.resize(1100, 760)  # the first start's size
        QApplication.processEvents()
        assert window.banner.isVisibleTo(window)  # the reminder takes room too (MID_MONTH is the 20th)
        needed = window.minimumSizeHint()
        assert needed.width() <= 1280 and needed.height() <= 1000, needed  # a 1920×1080 screen, less its task bar
        assert window.submit_button.width() >= window.submit_button.sizeHint().width()  # «Передать показания» whole
    finally:
        apply_theme(qapp, 100, False)


def test_in_high_contrast_fields_and_buttons_have_a_visible_frame(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    apply_theme(qapp, 100, True)
    try:
        for widget in (QLineEdit(), QPushButton("OK"), QComboBox()):
            qtbot.addWidget(widget)
            widget.resize(200, 60)
            widget.show()
            image = widget.grab().toImage()
            edge = image.pixelColor(1, image.height() // 2)  # the left frame, away from the focus ring
            inside = image.pixelColor(image.width() // 2, image.height() // 2)
            assert edge.lightness() > 200 and inside.lightness() < 60, (type(widget).__name__, edge.name())
    finally:
        apply_theme(qapp, 100, False)


@pytest.mark.parametrize("high_contrast", [False, True])
def test_spin_box_arrows_and_scroll_bars_are_large_and_visible(qtbot, qapp, high_contrast: bool) -> None:  # type: ignore[no-untyped-def]
    apply_theme(qapp, 100, high_contrast)
    try:
        spin = QSpinBox()
        spin.setRange(0, 10)
        spin.setValue(5)
        qtbot.addWidget(spin)
        spin.show()
        option = QStyleOptionSpinBox()
        spin.initStyleOption(option)
        for arrow in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
            rect = spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, arrow, spin)
            assert rect.width() >= MIN_TARGET and rect.height() >= MIN_TARGET // 2 - 2, rect
        up = spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, QStyle.SubControl.SC_SpinBoxUp,
                                         spin)
        qtbot.mouseClick(spin, Qt.MouseButton.LeftButton, pos=up.center())
        assert spin.value() == 6  # the large arrow is the one that answers the click

        area = QScrollArea()
        content = QWidget()
        content.setMinimumSize(300, 3000)
        area.setWidget(content)
        area.resize(300, 300)
        qtbot.addWidget(area)
        area.show()
        bar = area.verticalScrollBar()
        assert bar.width() >= MIN_TARGET // 2
        image = bar.grab().toImage()
        handle = image.pixelColor(bar.width() // 2, 3 + MIN_TARGET // 2)  # the handle, at the top
        track = image.pixelColor(bar.width() // 2, bar.height() - 3)  # the empty track, at the bottom
        assert abs(handle.lightness() - track.lightness()) > 100, (handle.name(), track.name())
    finally:
        apply_theme(qapp, 100, False)
