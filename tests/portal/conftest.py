"""Fixtures of the portal tests: the emulator on a free port, an in-memory keyring holding the password."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop_app.portal.credentials import CredentialStore
from tests.conftest import ACCOUNT
from tests.portal.support import PASSWORD, MemoryKeyring
from tests.portal_emulator import PortalEmulator, PortalState, household


@pytest.fixture
def emulator() -> Iterator[PortalEmulator]:
    with PortalEmulator(PortalState([household(password=PASSWORD)])) as emu:
        yield emu


@pytest.fixture
def keyring_store() -> CredentialStore:
    store = CredentialStore(MemoryKeyring())
    store.set(ACCOUNT, PASSWORD)
    return store
