"""Billing periods: a reading belongs to the month of its date, unless it is taken after the
supplier's cut-off day, when it counts for the next month (docs/DOMAIN.md: the 25th; journal.supplier)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from journal.errors import InvalidInput
from journal.messages import msg
from journal.supplier import DEFAULT_PROFILE

DEFAULT_CUTOFF_DAY = DEFAULT_PROFILE.cutoff_day
# The days readings are due, the supplier's data beside its cut-off day: from the 15th until the cut-off day the
# journal reminds a household whose period has no reading yet (the supplier's own SMS and app remind around then).
READINGS_FROM_DAY = DEFAULT_PROFILE.readings_from_day
_PERIOD_RE = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True, slots=True)
class Period:
    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def parse(cls, text: str) -> Period:
        match = _PERIOD_RE.match(text.strip())
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise InvalidInput(msg("A period is written as YYYY-MM, e.g. 2026-03; got {text!r}.", text=text),
                               field="period")
        return cls(int(match.group(1)), int(match.group(2)))

    def next(self) -> Period:
        return Period(self.year + 1, 1) if self.month == 12 else Period(self.year, self.month + 1)

    def previous(self) -> Period:
        return Period(self.year - 1, 12) if self.month == 1 else Period(self.year, self.month - 1)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)


def period_of(taken_on: date, cutoff_day: int = DEFAULT_CUTOFF_DAY) -> Period:
    """The billing period a reading taken on `taken_on` counts for."""
    period = Period(taken_on.year, taken_on.month)
    return period.next() if taken_on.day > cutoff_day else period


def readings_due_days(period: Period, cutoff_day: int = DEFAULT_CUTOFF_DAY) -> tuple[date, date]:
    """The first and the last day of `period` on which its readings are due (the supplier's window)."""
    return date(period.year, period.month, READINGS_FROM_DAY), date(period.year, period.month, cutoff_day)
