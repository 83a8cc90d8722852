"""Errors the journal raises for the user's mistakes.

Every error carries a plain-words message meant for a person, as data (`text`, a `journal.messages.Message`)
and as its English text (`message`, what the command line prints). `field` names the input that is wrong, so a
form can show the message next to it; the window renders `text` in its own language (`ui.i18n.render`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from journal.messages import Message, as_message
from journal.zones import Zone


class JournalError(Exception):
    """A user-level error: the action was refused and nothing changed."""

    def __init__(self, message: Message | str, *, field: str | None = None) -> None:
        self.text = as_message(message)  # the message as data, for a front end to put in its own words
        self.message = str(self.text)  # its English text (the command line's)
        super().__init__(self.message)
        self.field = field


class InvalidInput(JournalError):
    """A value the user typed cannot be accepted."""


class NotFound(JournalError):
    """An account, meter or reading the user named does not exist."""


@dataclass(frozen=True)
class ConsumptionFigures:
    """What saving the values would store, for a front end to put in its own words.

    `kwh` is the consumption per zone since `since` that saving would record (with the rollover applied
    where a value is below the previous one), over `days` days; `usual_monthly` is the meter's average kWh a
    month so far, None while its history is too short to tell; `likely_mistake` says the consumption fails the
    journal's own plausibility rule (journal.reading_checks): over JUMP_FACTOR usual months per month of the
    interval, or, while there is no usual month, more than a home can use in those days in a zone —
    `beyond_home` is that zone's index (0 for T1), None otherwise.
    """

    zones: tuple[Zone, ...]
    since: date
    previous: tuple[int, ...]
    values: tuple[int, ...]
    kwh: tuple[int, ...]
    usual_monthly: Decimal | None
    likely_mistake: bool
    days: int = 0
    beyond_home: int | None = None

    @property
    def total(self) -> int:
        return sum(self.kwh)

    @property
    def slip(self) -> DigitSlip | None:
        """The likely slip of the finger in the value of the zone `beyond_home` (None when no zone is)."""
        if self.beyond_home is None:
            return None
        return digit_slip(self.previous[self.beyond_home], self.values[self.beyond_home])

    @property
    def usual_months(self) -> Decimal | None:
        """How many of the usual months the consumption equals (None without a usual month)."""
        if not self.usual_monthly:
            return None
        return Decimal(self.total) / self.usual_monthly


class DigitSlip(StrEnum):
    """How a value far off the previous one was most likely mistyped."""

    EXTRA = "extra"  # a digit too many: 11000 for 1100
    MISSING = "missing"  # a digit left out: 910 for 1910, which reads as a rollover
    WRONG = "wrong"  # as many digits, one of them wrong: 9100 for 1100


def digit_slip(previous: int, value: int) -> DigitSlip:
    """The likely slip in `value`, by its digits against the previous value's."""
    longer = len(str(value)) - len(str(previous))
    return DigitSlip.EXTRA if longer > 0 else DigitSlip.MISSING if longer < 0 else DigitSlip.WRONG


class ConfirmationKind(StrEnum):
    """What a question asks the user to confirm (its value is also the confirmation's keyword)."""

    REPLACE = "replace"  # a reading for the period exists: replace it?
    ROLLOVER = "rollover"  # a value is below the previous one: did the meter go past its largest value?
    JUMP = "jump"  # the consumption is implausibly large for this household
    DUPLICATE = "duplicate"  # the same payment (sum and day) is already recorded


class ConfirmationRequired(JournalError):
    """The action is possible but needs the user's explicit confirmation, of `kind`. A rollover or a jump carries
    its `figures`."""

    def __init__(self, kind: ConfirmationKind | str, message: Message | str, *, field: str | None = None,
                 figures: ConsumptionFigures | None = None) -> None:
        super().__init__(message, field=field)
        self.kind = ConfirmationKind(kind)
        self.figures = figures


class JournalFileError(JournalError):
    """A file cannot be used: the journal or a backup copy is corrupt, empty, foreign or from a newer version;
    a folder is read-only; the disk is full; a name is too long."""


class Cancelled(JournalError):
    """The person stopped a long action (a restore) before it changed anything."""


class JournalBusy(JournalError):
    """Another program (a Meter Journal window or command, or another program) is writing to the journal and
    did not finish within the busy timeout. Nothing was changed; trying again later will work."""
