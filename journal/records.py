"""Plain, immutable records handed from the journal to the services, the CLI and the UI.

They carry no database session, so they can cross threads and outlive the unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from journal.zones import ConsumerCategory, TariffPlan, Zone


@dataclass(frozen=True, slots=True)
class AccountInfo:
    id: int
    number: str
    holder: str
    address: str
    supplier: str
    plan: TariffPlan
    category: ConsumerCategory

    @property
    def zones(self) -> tuple[Zone, ...]:
        return self.plan.zones


@dataclass(frozen=True, slots=True)
class MeterInfo:
    id: int
    account_id: int
    serial: str
    digits: int
    plan: TariffPlan  # the zones its readings have
    installed_on: date
    initial: tuple[int, ...]
    verified_year: int | None
    next_verification_year: int | None
    removed_on: date | None

    @property
    def active(self) -> bool:
        return self.removed_on is None


@dataclass(frozen=True, slots=True)
class ReadingInfo:
    id: int
    meter_id: int
    period: str
    taken_on: date
    values: tuple[int, ...]
    rollover: bool
    is_final: bool
    status: str
    created_at: datetime
    ended_at: datetime | None


@dataclass(frozen=True, slots=True)
class ChangeInfo:
    """The change an undo would take back: its action ("add", "replace", "edit", "delete", "replace-meter",
    "change-plan", "correct-act") and the reading in force it would retire (None when it retires none, as for a
    deletion)."""

    id: int
    action: str
    reading: ReadingInfo | None


class HistoryRow(NamedTuple):
    """One reading in an account's history, with the consumption since the one before it.

    A named tuple rather than a dataclass: a long history builds 100,000 of them, and a tuple is
    the cheapest immutable record Python has.
    """

    reading_id: int
    meter_id: int
    meter_serial: str
    plan: TariffPlan  # the meter's plan: `values` and `consumption` are in its zones
    period: str
    taken_on: date
    values: tuple[int, ...]
    consumption: tuple[int, ...] | None  # None for readings no longer in force
    previous_date: date | None  # the previous reading's (or the installation act's) date
    rollover: bool = False
    is_final: bool = False
    status: str = "active"


@dataclass(frozen=True, slots=True)
class PeriodConsumption:
    """An account's consumption per zone in one billing period, over all its meters.

    `zones` are the plan's zones; in the period of a plan change, the zones of both plans (old ones first).
    """

    period: str
    zones: tuple[Zone, ...]
    consumption: tuple[int, ...]  # kWh per zone of `zones`
    first_date: date  # the day after which the period's consumption is counted
    last_date: date  # the date of the period's last reading
