"""The window's own settings (text size, contrast, language, data folder, backups), in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ui.i18n import DEFAULT_LANGUAGE


class Settings:
    """Typed access to the window's keys in `store`. (A plain class: importing dataclasses costs 1.4 ms before
    the first paint.)"""

    def __init__(self, store: QSettings) -> None:
        self.store = store

    def _get(self, key: str, default: object, kind: type) -> object:
        value = self.store.value(key, default)
        try:
            return kind(value) if kind is not bool else str(value).lower() in {"1", "true", "yes"}
        except (TypeError, ValueError):
            return default

    @property
    def text_scale(self) -> int:
        return max(100, min(200, int(self._get("view/text_scale", 100, int))))  # type: ignore[call-overload]

    @text_scale.setter
    def text_scale(self, value: int) -> None:
        self.store.setValue("view/text_scale", int(value))

    @property
    def high_contrast(self) -> bool:
        return bool(self._get("view/high_contrast", False, bool))

    @high_contrast.setter
    def high_contrast(self, value: bool) -> None:
        self.store.setValue("view/high_contrast", bool(value))

    @property
    def language(self) -> str:
        return str(self._get("view/language", DEFAULT_LANGUAGE, str))

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("view/language", value)

    @property
    def data_folder(self) -> str:
        return str(self._get("journal/data_folder", "", str))

    @data_folder.setter
    def data_folder(self, value: str) -> None:
        self.store.setValue("journal/data_folder", value)

    @property
    def auto_backup(self) -> bool:
        return bool(self._get("backup/daily", True, bool))

    @auto_backup.setter
    def auto_backup(self, value: bool) -> None:
        self.store.setValue("backup/daily", bool(value))

    @property
    def keep_backups(self) -> int:
        from desktop_app.services.backup_service import DEFAULT_KEEP

        return max(1, int(self._get("backup/keep", DEFAULT_KEEP, int)))  # type: ignore[call-overload]

    @keep_backups.setter
    def keep_backups(self, value: int) -> None:
        self.store.setValue("backup/keep", int(value))

    @property
    def current_account(self) -> str:
        return str(self._get("journal/current_account", "", str))

    @current_account.setter
    def current_account(self, value: str) -> None:
        self.store.setValue("journal/current_account", value)

    def sync(self) -> None:
        self.store.sync()

    @property
    def last_folder(self) -> str:
        """The folder a file was last chosen in (a copy saved, a receipt, a file opened): the next file dialog's."""
        return str(self._get("files/last_folder", "", str))

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self.store.setValue("files/last_folder", value)

    @property
    def prices_asked_on(self) -> str:
        """The day (ISO) the supplier's calculator was last asked quietly after a sync: at most once a day."""
        return str(self._get("prices/asked_on", "", str))

    @prices_asked_on.setter
    def prices_asked_on(self, value: str) -> None:
        self.store.setValue("prices/asked_on", value)
