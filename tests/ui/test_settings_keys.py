"""Settings by the keyboard: Enter in a field applies what was chosen, as the dialog's default button does; Esc
cancels and keeps the settings as they were."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT
from tests.ui.test_date_field import active
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.settings_dialog import SettingsDialog


def test_enter_in_the_text_size_box_applies_the_size_typed(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, home: JournalService, settings: Settings) -> None:
    dialog = active(qtbot, SettingsDialog(settings, home, ACCOUNT, window))
    assert isinstance(dialog, SettingsDialog)
    dialog.scale.setFocus()
    dialog.scale.selectAll()
    qtbot.keyClicks(dialog.scale, "150")
    qtbot.keyClick(dialog.scale, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    assert settings.text_scale == 150


def test_esc_in_the_text_size_box_cancels(qtbot, window: MainWindow, home: JournalService,  # type: ignore[no-untyped-def]
                                          settings: Settings) -> None:
    before = settings.text_scale
    dialog = active(qtbot, SettingsDialog(settings, home, ACCOUNT, window))
    assert isinstance(dialog, SettingsDialog)
    dialog.scale.setFocus()
    dialog.scale.selectAll()
    qtbot.keyClicks(dialog.scale, "180")
    qtbot.keyClick(dialog.scale, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()
    assert settings.text_scale == before
