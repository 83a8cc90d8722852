"""Errors the journal raises for the user's mistakes.

Every error carries a plain-words message meant for a person. `field` names the input that is
wrong, so a form can show the message next to it. Messages are English source texts: the UI
translates them through its catalogue; the CLI prints them as they are.
"""

from __future__ import annotations


class JournalError(Exception):
    """A user-level error: the action was refused and nothing changed."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidInput(JournalError):
    """A value the user typed cannot be accepted."""


class NotFound(JournalError):
    """An account, meter or reading the user named does not exist."""


class ConfirmationRequired(JournalError):
    """The action is possible but needs the user's explicit confirmation.

    `kind` is one of: "replace" (a reading for the period exists), "rollover" (a value is below the
    previous one), "jump" (an implausible consumption).
    """

    def __init__(self, kind: str, message: str, *, field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.kind = kind


class JournalFileError(JournalError):
    """A file cannot be used: the journal or a backup copy is corrupt, empty, foreign or from a newer version;
    a folder is read-only; the disk is full; a name is too long."""


class JournalBusy(JournalError):
    """Another program (a Meter Journal window or command, or another program) is writing to the journal and
    did not finish within the busy timeout. Nothing was changed; trying again later will work."""
