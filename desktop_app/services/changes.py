"""What a write changed: every write of the services returns `Done(result, changes)`.

The front ends decide from the `Changes` alone what to show again (Anki's OpChanges): the window hands them to
each view once, and a view reads again only what it shows of them. A write knows what it touched, so nothing is
read back to find out. `Changes` says kinds of data and, for an account's own data, which accounts:
`EVERY_ACCOUNT` stands for all of them (an import, an undo, a restore).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:  # the sync's and the calculator's reports: only their fields are read here
    from desktop_app.portal.sync import SyncReport
    from desktop_app.services.price_service import PriceLookupReport

T = TypeVar("T")
EVERY_ACCOUNT = "*"
Accounts = frozenset[str]
NONE: Accounts = frozenset()


@dataclass(frozen=True)
class Changes:
    accounts: bool = False  # the accounts, their meters and tariff plans
    readings: Accounts = NONE  # the readings of these accounts (and what follows from them: charges, reminders)
    prices: bool = False  # shipped, typed, the calculator's or the portal's prices accepted
    payments: Accounts = NONE  # payments and opening balances of these accounts
    outbox: bool = False  # readings queued for the portal, or their submissions' states
    portal: Accounts = NONE  # what the supplier's personal account brought: bills, its payments, price offers
    payee: bool = False  # the payee's bank details
    settings: bool = False  # the portal's address and login (portal.json)

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) | getattr(other, f.name) for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    @classmethod
    def everything(cls) -> Changes:
        """A journal replaced whole (restored from a copy)."""
        every = frozenset({EVERY_ACCOUNT})
        return cls(True, every, True, every, True, every, True, True)

    def of_readings(self, number: str | None) -> bool:
        return _touches(self.readings, number)

    def of_payments(self, number: str | None) -> bool:
        return _touches(self.payments, number)

    def of_portal(self, number: str | None) -> bool:
        return _touches(self.portal, number)

    def as_dict(self) -> dict[str, object]:
        """For `--json` and logs: sets as sorted lists."""
        return {f.name: sorted(value) if isinstance(value := getattr(self, f.name), frozenset) else value
                for f in fields(self)}


def _touches(accounts: Accounts, number: str | None) -> bool:
    return bool(accounts) and (number is None or number in accounts or EVERY_ACCOUNT in accounts)


def readings_of(*numbers: str, outbox: bool = True) -> Changes:
    """A reading saved, corrected, deleted or undone: its account's readings and (queued or cancelled with it) the
    outbox."""
    return Changes(readings=frozenset(numbers), outbox=outbox)


def meters_of(number: str, *, outbox: bool = True) -> Changes:
    """A meter added or replaced, a plan changed, an act corrected (`outbox=False`: the act is never sent): the
    account, its readings (the act's) and the outbox."""
    return Changes(accounts=True, readings=frozenset({number}), outbox=outbox)


ACCOUNTS = Changes(accounts=True)
PRICES = Changes(prices=True)
PAYEE = Changes(payee=True)
SETTINGS = Changes(settings=True)
NOTHING = Changes()


def payments_of(number: str) -> Changes:
    return Changes(payments=frozenset({number}))


@dataclass(frozen=True)
class Done(Generic[T]):
    """A write's result (what the service returned before: the record saved, a count, …) and what it changed."""

    result: T
    changes: Changes


def after_sync(report: SyncReport, numbers: Accounts = frozenset({EVERY_ACCOUNT})) -> Changes:
    """What a sync of `numbers` changed, from its report: the submissions' states the portal gave (sent, accepted,
    rejected, withdrawn, being checked) and what it pulled (bills, its payments, price offers, the payee) are the
    portal's news, `portal`. `outbox` stays for the journal's own writes, which queue or withdraw readings: an
    outbox change starts a send, and a send must not start another."""
    moved = bool(report.sent or report.accepted or report.rejected or report.withdrawn or report.checking)
    pulled = report.pulled
    brought = pulled is not None and any(value for value in vars(pulled).values())
    return Changes(portal=numbers if (moved or brought) else NONE,
                   payee=bool(pulled is not None and getattr(pulled, "payee", False)))


def after_price_lookup(report: PriceLookupReport) -> Changes:
    """The calculator's answers (refusals too) are stored only when the run ended well and brought some."""
    return PRICES if report.reached and (report.answered or report.refused) else NOTHING
