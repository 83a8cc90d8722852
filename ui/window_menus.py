"""The main window's menus: Журнал, Документы, Личный кабинет, Правка, Справка, with their shortcuts. Actions
that need the journal stay disabled until it is attached."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate  # the name Qt Linguist's lupdate looks for; the window's own context


def _action(window: MainWindow, menu: object, text: str, slot: Callable[[], object], shortcut: str | None = None,
            *, needs_journal: bool = True) -> QAction:
    action = QAction(text, window)
    if shortcut:
        action.setShortcuts([QKeySequence(shortcut)])  # not setShortcut: see the window's submit button
    action.triggered.connect(slot)
    if needs_journal:  # until attach
        action.setEnabled(False)
        window.journal_actions.append(action)
    menu.addAction(action)  # type: ignore[attr-defined]
    return action


def build_menus(window: MainWindow) -> None:
    from ui import file_actions

    w, bar = window, window.menuBar()
    journal = bar.addMenu(translate("MainWindow", "&Journal"))
    _action(w, journal, translate("MainWindow", "Submit readings…"), w.submit_readings)
    _action(w, journal, translate("MainWindow", "Add an account…"), w.add_account)
    _action(w, journal, translate("MainWindow", "Change the tariff plan…"), w.change_plan)
    _action(w, journal, translate("MainWindow", "Export readings to CSV…"), lambda: file_actions.export_csv(w))
    _action(w, journal, translate("MainWindow", "Import readings from a file…"), lambda: file_actions.import_csv(w))
    if not w.sample:  # the sample's journal is made again each time: nothing to keep or bring back
        _action(w, journal, translate("MainWindow", "Save a copy of the journal…"), lambda: file_actions.save_copy(w))
        _action(w, journal, translate("MainWindow", "Restore from a copy…"), lambda: file_actions.restore_from_file(w))
    _action(w, journal, translate("MainWindow", "Settings…"), w.open_settings, "Ctrl+,")
    if w.sample:
        _action(w, journal, translate("MainWindow", "Leave the sample and start my journal"),
                w.own_journal_requested.emit)
    _action(w, journal, translate("MainWindow", "Quit"), w.close, "Ctrl+Q", needs_journal=False)
    documents = bar.addMenu(translate("MainWindow", "&Documents"))
    _action(w, documents, translate("MainWindow", "Payment receipt…"), w.open_receipt, "Ctrl+P")
    _action(w, documents, translate("MainWindow", "Readings slip for the post office box…"),
            lambda: file_actions.save_slip(w))
    _action(w, documents, translate("MainWindow", "Yearly report…"), lambda: file_actions.save_report(w))
    _action(w, documents, translate("MainWindow", "Payee's bank details…"), w.edit_payee)
    portal = bar.addMenu(translate("MainWindow", "&Personal account"))
    _action(w, portal, translate("MainWindow", "Send readings and fetch bills"), lambda: w.sync.sync_now(None), "F5")
    _action(w, portal, translate("MainWindow", "Open the personal account in the browser"),
            lambda: w.sync.open_portal())
    _action(w, portal, translate("MainWindow", "Forget the saved password"), w.forget_password)
    edit = bar.addMenu(translate("MainWindow", "&Edit"))
    _action(w, edit, translate("MainWindow", "Undo last change"), lambda: w.history.undo(), "Ctrl+Z")
    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    _action(w, help_menu, translate("MainWindow", "How to read a meter"), w.show_reading_help, "F1",
            needs_journal=False)
    _action(w, help_menu, translate("MainWindow", "Other ways to submit (SMS, phone, e-mail)"),
            lambda: w.show_fallbacks([]), needs_journal=False)
    _action(w, help_menu, translate("MainWindow", "Samaraenergo contacts and website"), w.show_contacts,
            needs_journal=False)
    _action(w, help_menu, translate("MainWindow", "About Meter Journal"), w.about, needs_journal=False)
