"""The portal password in the operating system's keyring, never anywhere else.

Where the OS offers no usable keyring (keyring's `fail` backend, or a chainer with no backends), the app says
so and asks for the password each time: there is no plain-text fallback. For scripted use the environment
variables METER_JOURNAL_PORTAL_LOGIN and METER_JOURNAL_PORTAL_PASSWORD are read (and never written).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from desktop_app.portal.errors import CredentialsRequired
from desktop_app.portal.redaction import register_secret
from desktop_app.portal.transport import Login
from journal.messages import msg
from journal.supplier import DEFAULT_PROFILE

log = logging.getLogger(__name__)

KEYRING_SERVICE = DEFAULT_PROFILE.keyring_service  # "Meter Journal: " + the portal's host name
LOGIN_ENV = "METER_JOURNAL_PORTAL_LOGIN"
PASSWORD_ENV = "METER_JOURNAL_PORTAL_PASSWORD"
NO_KEYRING = msg("This computer offers no password store (keyring) the app can use, so the portal password cannot be "
                 "remembered: it will be asked for each time. It is never stored in a file.")


def _usable(backend: KeyringBackend) -> bool:
    from keyring.backends import chainer, fail

    if isinstance(backend, fail.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return bool(backend.backends)
    try:
        return backend.priority > 0  # type: ignore[operator]
    except Exception:
        return True


@dataclass(frozen=True)
class KeyringStatus:
    available: bool
    backend: str
    message: str  # for a person, in English (NO_KEYRING); empty when available


class CredentialStore:
    """Passwords per portal login in the OS keyring."""

    def __init__(self, backend: KeyringBackend | None = None, service: str = KEYRING_SERVICE) -> None:
        self._backend = backend
        self.service = service

    @property
    def backend(self) -> KeyringBackend:
        return self._backend or keyring.get_keyring()

    def status(self) -> KeyringStatus:
        backend = self.backend
        name = type(backend).__module__ + "." + type(backend).__name__
        ok = _usable(backend)
        return KeyringStatus(ok, name, "" if ok else str(NO_KEYRING))

    @property
    def available(self) -> bool:
        return self.status().available

    def get(self, login: str) -> str | None:
        if not self.available:
            return None
        try:
            password = self.backend.get_password(self.service, login)
        except keyring.errors.KeyringError as exc:
            log.warning("The keyring could not be read (%s)", type(exc).__name__)
            return None
        register_secret(password)
        return password

    def set(self, login: str, password: str) -> None:
        register_secret(password)
        if not self.available:
            raise CredentialsRequired(NO_KEYRING, login=login, keyring_available=False)
        try:
            self.backend.set_password(self.service, login, password)
        except keyring.errors.KeyringError as exc:
            raise CredentialsRequired(msg(
                "The keyring refused to store the password ({kind}).",
                kind=type(exc).__name__,
            ),
                                      login=login, keyring_available=False) from None
        log.info("Portal password stored in the keyring for login %s", login)

    def delete(self, login: str) -> bool:
        if not self.available:
            return False
        try:
            self.backend.delete_password(self.service, login)
        except keyring.errors.PasswordDeleteError:
            return False
        except keyring.errors.KeyringError:
            return False
        return True


def env_login(environ: Mapping[str, str] | None = None) -> str | None:
    value = (environ if environ is not None else os.environ).get(LOGIN_ENV, "").strip()
    return value or None


def resolve(login: str, store: CredentialStore, *, password: str | None = None,
            environ: Mapping[str, str] | None = None) -> Login:
    """The password for `login`: given, else the environment (scripted use), else the keyring.
    Raises CredentialsRequired when there is none."""
    env = environ if environ is not None else os.environ
    if password:
        register_secret(password)
        return Login(login, password)
    env_password = env.get(PASSWORD_ENV)
    if env_password:
        register_secret(env_password)
        return Login(login, env_password)
    stored = store.get(login)
    if stored:
        return Login(login, stored)
    status = store.status()
    if status.available:
        message = (msg(
            "No portal password is stored for {login}. Enter it (meter-journal portal login --login {login}), or set "
            "{password_env} for scripted use.",
            login=login,
            password_env=PASSWORD_ENV,
        ))
    else:
        message = msg(
            "{no_keyring} Enter it now, or set {password_env} for scripted use.",
            no_keyring=NO_KEYRING,
            password_env=PASSWORD_ENV,
        )
    raise CredentialsRequired(message, login=login, keyring_available=status.available)
