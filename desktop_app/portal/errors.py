"""Errors of the portal. Messages are for people and never carry a password or a URL with one: every text,
including the portal's own words (which may quote the request), is redacted when the error is made.

User errors (a wrong password, no password, an unknown account) are JournalErrors, so the command line
prints them in one line and exits with 2, like any mistake the user can correct.
"""

from __future__ import annotations

from desktop_app.portal.redaction import redact
from journal.errors import JournalError
from journal.messages import Message, as_message, msg

DEADLINE_MESSAGE = msg("The sync reached its time limit and stopped: the portal answers too slowly. Nothing is lost; "
                       "what is left waits for the next sync.")


def redacted(message: Message) -> Message:
    """The message with every text among its values redacted (the portal's own words may quote the request)."""
    return Message(message.template, tuple((name, redact(value) if isinstance(value, str) else
                                            redacted(value) if isinstance(value, Message) else value)
                                           for name, value in message.values))


class PortalError(Exception):
    """Something went wrong talking to the portal. `portal_message` is the portal's own (Russian) text."""

    def __init__(self, message: Message | str, *, status: int | None = None, portal_message: str | None = None,
                 code: str | None = None) -> None:
        self.text = redacted(as_message(message))  # for people, as data; `message` its English
        self.message = redact(str(self.text))
        super().__init__(self.message)
        self.status = status
        self.portal_message = None if portal_message is None else redact(portal_message)
        self.code = code


class PortalUnreachable(PortalError):
    """The request did not reach the portal (no connection, DNS, refused, connect timeout): nothing was sent."""


class SyncDeadline(PortalUnreachable):
    """The sync's time limit passed (a portal answering a byte at a time): the run stops, nothing more is sent."""

    def __init__(self, message: Message | str = DEADLINE_MESSAGE, **kwargs: object) -> None:
        super().__init__(message, **kwargs)  # type: ignore[arg-type]


class AmbiguousOutcome(PortalError):
    """The request may have reached the portal, and no answer shows that it was stored: a timeout or a lost
    connection after it went out, a 5xx, a redirect, an empty or foreign page (a proxy's), a truncated or too slow
    answer, an answer that is not the stored reading. Whether a write took effect is checked — after the settle
    time, as the server may still be working on it — before anything is sent again. `timed_out`: no answer in
    time."""

    def __init__(self, message: Message | str, *, timed_out: bool = False, **kwargs: object) -> None:
        super().__init__(message, **kwargs)  # type: ignore[arg-type]
        self.timed_out = timed_out


class PortalRefused(PortalError):
    """The portal answered with an error about the request itself (4xx with an error body)."""


class CsrfRejected(PortalError):
    """The portal refused the CSRF token twice; the request was not processed."""


class AuthError(JournalError):
    """The portal did not accept the login and password (401): ask the person for the password again."""

    def __init__(self, message: Message | str | None = None, *, login: str | None = None) -> None:
        again = msg("Please enter the password again (registration and password recovery are on the portal's site).")
        refused = (msg("The portal did not accept the login and password of {login}.", login=login) if login
                   else msg("The portal did not accept the login and password."))
        super().__init__(message or msg("{refused} {again}", refused=refused, again=again), field="password")
        self.login = login


class CredentialsRequired(JournalError):
    """No password is at hand (none stored, none given): ask the person for it."""

    def __init__(self, message: Message | str, *, login: str, keyring_available: bool) -> None:
        super().__init__(message, field="password")
        self.login = login
        self.keyring_available = keyring_available


class InsecurePortalAddress(JournalError):
    """A portal address the password must not be sent to: plain http:// to another computer, or not a web address."""

    def __init__(self, message: str) -> None:
        super().__init__(message, field="portal_url")


class PasswordBlocked(JournalError):
    """PasswordStatSet says the password cannot be used (blocked): only the portal's site can fix it."""
