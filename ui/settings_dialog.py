"""Settings: text size, contrast, language, data folder, backups and prices from the bill."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import paths
from desktop_app.services.backup_service import AUTO_PREFIX, list_backups
from desktop_app.services.changes import PRICES
from desktop_app.services.journal_service import JournalService
from journal.errors import JournalError
from journal.tariffs import EARLIEST_PRICE_DATE, MAX_DAYS_AHEAD, MissingPrice
from journal.zones import ConsumerCategory, TariffPlan
from ui import file_dialogs, operations
from ui.account_form import FieldForm
from ui.confirmations import ask_risky
from ui.date_field import DateField
from ui.dialog_buttons import ok_button, ok_cancel
from ui.i18n import LANGUAGES, render
from ui.screen_fit import ScreenFitBody, TypicalLineEdit, room
from ui.settings import Settings
from ui.texts import category_name, day_text, plan_name, price_text, zone_name
from ui.theme import set_role
from ui.zone_fields import ZoneFields


def _fitting(body: QWidget) -> QWidget:
    """A tab's page whose fields scroll on a small screen, the tabs and the dialog's buttons staying in view."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(ScreenFitBody(body))
    return page


class SettingsDialog(QDialog):
    restore_requested = Signal(object)  # the Path of a backup copy
    prices_changed = Signal(object)  # the Changes of prices stored
    lookup_requested = Signal()  # «Узнать цены на сайте поставщика»: then the prices and their sources

    def __init__(self, settings: Settings, service: JournalService, number: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings, self.service, self.number = settings, service, number
        self.setWindowTitle(self.tr("Settings"))
        self.tabs = tabs = QTabWidget()
        tabs.setAccessibleName(self.tr("Settings sections"))
        tabs.addTab(self._view_tab(), self.tr("Appearance"))
        tabs.addTab(self._data_tab(), self.tr("Data and backups"))
        self.prices_page = self._prices_tab()
        tabs.addTab(self.prices_page, self.tr("Prices"))
        # Every tab's title in view (Qt's scroll arrows would hide «Цены»), as far as the screen allows.
        tabs.setMinimumWidth(min(tabs.tabBar().sizeHint().width() + tabs.fontMetrics().horizontalAdvance("MM"),
                                 room(self).width() - 2 * tabs.fontMetrics().horizontalAdvance("M")))
        buttons = ok_cancel(self, self.tr("Apply"), self.apply, self.tr("Apply the settings"))
        self.apply_button = ok_button(buttons)
        # On the prices page Enter saves the price typed (the dialog's default button would close it instead).
        tabs.currentChanged.connect(self._default_button)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    def _default_button(self) -> None:
        on_prices = self.tabs.currentWidget() is self.prices_page
        self.save_price.setDefault(on_prices)
        self.apply_button.setDefault(not on_prices)

    def open_prices(self, missing: MissingPrice) -> None:
        """The prices page at a missing price: its category and plan, «Valid from» its first day, the focus in the
        first zone's field, ready to type."""
        self.tabs.setCurrentWidget(self.prices_page)
        self.price_category.setCurrentIndex(self.price_category.findData(missing.category.value))
        self.price_plan.setCurrentIndex(self.price_plan.findData(missing.plan.value))
        self.price_from.set_date(missing.start)
        self.prices.focus_zone(1)

    def _view_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.scale = QSpinBox()
        self.scale.setRange(100, 200)
        self.scale.setSingleStep(10)
        self.scale.setSuffix(" %")
        self.scale.setValue(self.settings.text_scale)
        self.scale.setAccessibleName(self.tr("Text size, percent"))
        self.contrast = QCheckBox(self.tr("High contrast"))
        self.contrast.setChecked(self.settings.high_contrast)
        self.contrast.setAccessibleName(self.tr("High contrast"))
        contrast_hint = QLabel(self.tr("White and yellow on black."))
        contrast_hint.setProperty("role", "hint")
        contrast_hint.setWordWrap(True)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language)))
        self.language.setAccessibleName(self.tr("Language"))
        form.addRow(self.tr("Text size:"), self.scale)
        form.addRow("", self.contrast)
        form.addRow("", contrast_hint)
        form.addRow(self.tr("Language:"), self.language)
        from desktop_app.autostart import reminders_enabled

        self.reminders_were_on = reminders_enabled()
        self.remind = QCheckBox(self.tr("Remind me about readings and payments"))
        self.remind.setChecked(self.reminders_were_on)
        self.remind.setAccessibleName(self.tr("Remind me about readings and payments"))
        self.remind.setEnabled(not getattr(self.parent(), "sample", False))  # the sample's journal is not watched
        remind_hint = QLabel(self.tr("A reminder appears in the corner of the screen even when the journal is "
                                     "closed."))
        remind_hint.setProperty("role", "hint")
        remind_hint.setWordWrap(True)
        form.addRow("", self.remind)
        form.addRow("", remind_hint)
        return _fitting(page)

    def _data_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        folder = self.settings.data_folder or str(self.service.path.parent)
        self.folder = TypicalLineEdit(folder)  # the whole path in view when the screen has room
        self.folder.setText(folder)
        self.folder.setAccessibleName(self.tr("Data folder"))
        choose = QPushButton(self.tr("Choose…"))
        choose.setAccessibleName(self.tr("Choose the data folder"))
        choose.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        form.addRow(self.tr("Data folder:"), row)
        hint = QLabel(self.tr("A new folder takes effect at the next start."))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.daily = QCheckBox(self.tr("Make a backup copy every day"))
        self.daily.setChecked(self.settings.auto_backup)
        self.daily.setAccessibleName(self.tr("Daily backup copy"))
        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        self.keep.setValue(self.settings.keep_backups)
        self.keep.setAccessibleName(self.tr("Number of daily copies to keep"))
        form.addRow("", self.daily)
        form.addRow(self.tr("Keep the last:"), self.keep)
        layout.addLayout(form)
        self.backups = QListWidget()
        self.backups.setAccessibleName(self.tr("Backup copies"))
        # Four copies in view, more when the dialog has room: the list scrolls, not the page.
        self.backups.setMinimumHeight(self.backups.fontMetrics().height() * 6)
        self.backups.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        for copy in list_backups(paths.backups_dir(self.service.path.parent)):
            item = QListWidgetItem(f"{day_text(copy.made_at)} {copy.made_at:%H:%M}   {self._copy_kind(copy.path.name)}")
            item.setData(256, copy.path)
            self.backups.addItem(item)
        self.restore = QPushButton(self.tr("Restore the selected copy…"))
        self.restore.setAccessibleName(self.tr("Restore the selected backup copy"))
        self.restore.clicked.connect(self._restore)
        self.restore.setEnabled(False)  # until a copy is chosen in the list
        self.backups.itemSelectionChanged.connect(
            lambda: self.restore.setEnabled(bool(self.backups.selectedItems())))
        layout.addWidget(QLabel(self.tr("Backup copies:")))
        layout.addWidget(self.backups, 1)
        if self.backups.count() == 0:
            none_yet = QLabel(self.tr("No copies yet. With the daily copy on, the program makes one each day "
                                      "it starts."))
            none_yet.setWordWrap(True)
            none_yet.setProperty("role", "hint")
            layout.addWidget(none_yet)
        layout.addWidget(self.restore)
        return _fitting(page)

    def _prices_tab(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        intro = QLabel(self.tr("If the program does not know a price, or your bill shows another one, enter the "
                               "price printed on the bill and the date it applies from."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.price_form = FieldForm()
        self.price_category = QComboBox()
        for category in ConsumerCategory:
            self.price_category.addItem(category_name(category), category.value)
        self.price_plan = QComboBox()
        for plan in TariffPlan:
            self.price_plan.addItem(plan_name(plan), plan.value)
        today = self.service.today()
        self.price_from = DateField(today, today.replace(day=1))
        self.price_from.set_range(EARLIEST_PRICE_DATE, today + timedelta(days=MAX_DAYS_AHEAD))
        self.prices = ZoneFields(self.tr("Price per kWh, roubles"), placeholder=self.tr("e.g. 6,95"))
        if self.number is not None:  # the account's own category and plan first
            account = self.service.account(self.number)
            self.price_category.setCurrentIndex(self.price_category.findData(account.category.value))
            self.price_plan.setCurrentIndex(self.price_plan.findData(account.plan.value))
        self.prices.follow(self.price_plan)
        self.price_form.add("category", self.tr("Home:"), self.price_category, self.tr("Consumer category"))
        self.price_form.add("plan", self.tr("Tariff plan:"), self.price_plan, self.tr("Tariff plan"))
        self.price_form.add("from", self.tr("Valid from:"), self.price_from, self.tr("Price valid from"))
        self.price_form.add("price", self.tr("₽ per kWh, by zone:"), self.prices,
                            self.tr("Prices per kWh, one field per zone"))
        layout.addWidget(self.price_form)
        self.price_saved = QLabel("")
        self.price_saved.setProperty("role", "hint")
        self.price_saved.setWordWrap(True)
        self.price_saved.setAccessibleName(self.tr("Saved prices"))
        self.save_price = QPushButton(self.tr("Save the price"))
        self.save_price.setAccessibleName(self.tr("Save the price"))
        self.save_price.clicked.connect(self._save_price)
        # Under «Сохранить цену»: the supplier's calculator, then the prices and their sources.
        self.lookup_button = QPushButton(self.tr("Look up the prices on the supplier's site"))
        self.lookup_button.setAccessibleName(self.tr("Look up the prices on the supplier's site and show their "
                                                     "sources"))
        self.lookup_button.clicked.connect(self.lookup_requested.emit)
        row = QHBoxLayout()
        row.addWidget(self.save_price)
        row.addStretch(1)
        layout.addLayout(row)
        lookup_row = QHBoxLayout()  # a row of its own: beside «Сохранить цену» both are cut at 200 % text
        lookup_row.addWidget(self.lookup_button)
        lookup_row.addStretch(1)
        layout.addLayout(lookup_row)
        layout.addWidget(self.price_saved)
        layout.addStretch(1)
        # The fields are never squeezed by the wrapped lines above them; at 200 % on a small screen they scroll.
        page = _fitting(body)
        page.setEnabled(self.number is not None)
        return page

    def _copy_kind(self, name: str) -> str:
        """What a copy is, in words (its file name carries an ISO day)."""
        if name.startswith(AUTO_PREFIX):
            return self.tr("daily copy")
        if "-before-upgrade-" in name:
            return self.tr("copy made before the program's update")
        if "-before-restore-" in name:
            return self.tr("copy made before a restore")
        return name

    def _choose_folder(self) -> None:
        folder = file_dialogs.existing_folder(self, self.tr("Data folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _restore(self) -> None:
        items = self.backups.selectedItems()
        if not items:
            return
        from ui.file_actions import restore_asked

        path = items[0].data(256)
        if restore_asked(self, self.tr("Restore a backup copy"), path, self._copy_kind(path.name)):
            self.restore_requested.emit(path)
            self.reject()

    def _save_price(self) -> bool:
        """Store the prices typed, one per zone; a wrong one is explained next to its field and nothing is
        stored. Afterwards the fields are empty and the line under them says what was stored."""
        valid_from = self.price_from.checked()
        if valid_from is None:  # a refused date: its message beside it, nothing written
            return False
        category, plan = self.price_category.currentData(), self.price_plan.currentData()
        if not self._may_replace_prices(category, plan, valid_from):
            return False  # back to typing, the prices kept in their fields
        typed, store = self.prices.values(), self.service.billing.set_price
        try:
            done = operations.write(self, operations.runner(self), lambda _confirmed: store(
                category, plan, valid_from, typed))
            entries = done.result if done is not None else []
        except JournalError as exc:
            self.price_saved.setText("")
            if not self.price_form.show_error(exc.field, render(exc)):
                QMessageBox.warning(self, self.tr("Not saved"), render(exc))
            return False
        self.price_form.show_error(None, "")  # hides any earlier error
        self.prices.clear()
        prices = ", ".join(f"{zone_name(e.zone)} {price_text(e.price)}" for e in entries)  # type: ignore[arg-type]
        set_role(self.price_saved, "success")
        self.price_saved.setText("✓ " + self.tr("Saved: from {day}, {prices}.").format(
            day=day_text(entries[0].valid_from), prices=prices))
        self.prices_changed.emit(done.changes if done is not None else PRICES)
        return True

    def _may_replace_prices(self, category: str, plan: str, day: date) -> bool:
        """Prices entered earlier for that very day are replaced only on a deliberate yes."""
        old = [p for p in self.service.billing.prices(category, plan)
               if p.user and p.band == 1 and p.valid_from == day and p.price is not None]
        if not old:
            return True
        return ask_risky(self, self.tr("Replace the prices?"), self.tr(
            "Prices from {date} are already entered: {prices}. Replace them with the new ones?").format(
            date=day_text(day), prices=", ".join(f"{zone_name(p.zone)} {price_text(p.price)}" for p in old)),
            self.tr("&Yes, replace"), name=self.tr("Yes, replace the prices"))

    def apply(self) -> None:
        if any(self.prices.values()) and not self._save_price():  # a price typed but not saved is not lost
            self.tabs.setCurrentWidget(self.prices_page)
            return
        self.settings.text_scale = self.scale.value()
        self.settings.high_contrast = self.contrast.isChecked()
        self.settings.language = self.language.currentData()
        self.settings.auto_backup = self.daily.isChecked()
        self.settings.keep_backups = self.keep.value()
        folder = self.folder.text().strip()
        if folder != str(self.service.path.parent):
            self.settings.data_folder = folder
        self.settings.sync()
        if self.remind.isEnabled() and self.remind.isChecked() != self.reminders_were_on:
            from ui.reminder_setting import set_reminders

            set_reminders(self, self.service.path.parent, self.remind.isChecked())
        self.accept()
