"""Shared pieces of the portal tests: an in-memory keyring, the emulator, a sync service wired to both."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from desktop_app.portal.credentials import CredentialStore
from desktop_app.portal.settings import PortalSettings
from desktop_app.portal.sync import SyncOptions
from desktop_app.services.journal_service import JournalService
from desktop_app.services.sync_service import SyncService
from tests.portal_emulator import PortalEmulator

PASSWORD = "Пароль-s3cret!"  # the emulator household's
READING_DAY = date(2026, 11, 20)  # within 31 days of the tests' TODAY (2026-11-28)
FAST = SyncOptions(retry_delay=0.0, attempts_per_pass=3, settle=timedelta(0))


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.data.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.data[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.data:
            raise PasswordDeleteError("not found")
        del self.data[(service, username)]


class CrashAfterSend(BaseException):
    """The app 'dies' right after a request went out (BaseException: nothing in the app catches it)."""


class CrashingTransport(httpx.BaseTransport):
    """A real HTTP transport that can make the app die after the next POST reached the server."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.crash_after_post = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.method == "POST" and self.crash_after_post:
            self.crash_after_post = False
            response.read()
            response.close()
            raise CrashAfterSend
        return response

    def close(self) -> None:
        self.inner.close()


def make_sync(service: JournalService, emulator: PortalEmulator, store: CredentialStore, *,
              options: SyncOptions = FAST, timeout: float = 5.0, transport: httpx.BaseTransport | None = None
              ) -> SyncService:
    return SyncService(service, store=store, portal=PortalSettings(origin=emulator.url), options=options,
                       timeout=timeout, http_transport=transport)
