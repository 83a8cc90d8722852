"""Electricity prices by consumer category, tariff plan, zone and volume band, over time.

The shipped prices live in resources/tariffs.csv and hold the figures of docs/DOMAIN.md only. A row with
an empty price means "unknown from this date on": the app then asks the supplier's online calculator, or the
person for the price printed on their bill, instead of guessing. Three layers make up a PriceBook: the
shipped prices, the supplier's own answers (its online calculator, journal.supplier_prices) over them, and
the user's prices from their bills over both.
"""

from __future__ import annotations

import csv
import functools
import io
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from importlib.resources import files

from journal.amounts import parse_price
from journal.errors import InvalidInput, JournalError
from journal.messages import Message, message_of, msg
from journal.supplier import DEFAULT_SUPPLIER
from journal.zones import PLAN_ZONES, ConsumerCategory, TariffPlan, Zone

VOLUME_BANDS = (Decimal(1200), Decimal(6000))
"""Monthly kWh limits of the volume bands: band I up to 1,200, band II 1,200–6,000, band III above."""

BAND_NAMES = {1: "I", 2: "II", 3: "III"}
EARLIEST_PRICE_DATE = date(2000, 1, 1)
MAX_DAYS_AHEAD = 365
# Usual practice: household prices change once a year on 1 July (some years differ, see the CSV).
TARIFF_YEAR_START = (7, 1)
# Each row names its supplier (journal.supplier's code): a table without that column is the default supplier's.
CSV_COLUMNS = ("supplier", "category", "plan", "zone", "band", "valid_from", "price", "source")

PriceKey = tuple[ConsumerCategory, TariffPlan, Zone, int]


@dataclass(frozen=True)
class PriceEntry:
    """A price in force from `valid_from` until the next entry of the same key; None = unknown."""

    category: ConsumerCategory
    plan: TariffPlan
    zone: Zone
    valid_from: date
    price: Decimal | None
    source: str
    band: int = 1
    user: bool = False
    supplier: bool = False  # the supplier's own word: an answer of its online calculator

    def __post_init__(self) -> None:
        object.__setattr__(self, "category", ConsumerCategory(self.category))
        object.__setattr__(self, "plan", TariffPlan(self.plan))
        object.__setattr__(self, "zone", Zone(self.zone))
        if self.zone not in PLAN_ZONES[self.plan]:
            raise ValueError(msg("Zone {zone} is not part of plan {plan}.", zone=self.zone, plan=self.plan))
        if self.band not in BAND_NAMES:
            raise ValueError(msg("Volume band {band} does not exist; bands are 1, 2 and 3.", band=self.band))
        if self.price is not None and (
            not isinstance(self.price, Decimal) or not self.price.is_finite() or self.price <= 0
        ):
            raise ValueError(msg("A price must be a positive Decimal or None; got {price!r}.", price=self.price))

    @property
    def key(self) -> PriceKey:
        return (self.category, self.plan, self.zone, self.band)

    @property
    def rank(self) -> int:
        """Which entry wins at an equal date: the user's (2), the supplier's calculator (1), the shipped one (0)."""
        return 2 if self.user else 1 if self.supplier else 0

    @property
    def origin(self) -> str:
        return "user" if self.user else "calculator" if self.supplier else "shipped"


@dataclass(frozen=True)
class ListedPrice:
    """A row of the price list: an entry, whether it is used, and the entry that replaces it when it is not
    (another layer's price for the same key and date: the user's, or the supplier's calculator's)."""

    entry: PriceEntry
    replaced_by: PriceEntry | None = None

    @property
    def used(self) -> bool:
        return self.replaced_by is None


@dataclass(frozen=True)
class PriceSegment:
    """A run of consecutive days, first_day..last_day inclusive, under one known price."""

    entry: PriceEntry
    price: Decimal
    first_day: date
    last_day: date

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1


def tariff_set_command(category: ConsumerCategory, plan: TariffPlan, start: date) -> str:
    """The CLI command that records the user's prices for a plan: a placeholder per zone (DAY NIGHT), one argument
    each."""
    zones = PLAN_ZONES[plan]
    prices = "PRICE" if len(zones) == 1 else " ".join(zone.upper() for zone in zones)
    return f"tariff set --category {category} --plan {plan} --from {start.isoformat()} {prices}"


def unknown_price_text(day: date, category: ConsumerCategory, plan: TariffPlan, zone: Zone, band: int = 1) -> Message:
    """The first sentence of the unknown-price message: what is missing."""
    if band != 1:
        return msg("No price is known for {day}, category {category}, plan {plan}, zone {zone}, volume band {band}.",
                   day=day, category=category, plan=plan, zone=zone, band=BAND_NAMES[band])
    return msg("No price is known for {day}, category {category}, plan {plan}, zone {zone}.", day=day,
               category=category, plan=plan, zone=zone)


def unknown_price_message(
    day: date, category: ConsumerCategory, plan: TariffPlan, zone: Zone, start: date, band: int = 1
) -> Message:
    """The whole message: what is missing and how to enter the price from the bill."""
    return msg("{missing} {advice}", missing=unknown_price_text(day, category, plan, zone, band),
               advice=enter_price_text(category, plan, start))


def enter_price_text(category: ConsumerCategory, plan: TariffPlan, start: date) -> Message:
    return msg("Enter the price printed on your bill: {command}", command=tariff_set_command(category, plan, start))


@dataclass(frozen=True)
class MissingPrice:
    """What an unknown price is, as data for the window: the first day that needs it (`day`) and the day the
    user's price most likely starts (`start`, from the tariff year and the book's changes; on or before `day`)."""

    day: date
    start: date
    category: ConsumerCategory
    plan: TariffPlan
    zone: Zone
    band: int = 1


class UnknownPrice(JournalError):
    """No price is in force for a day; `start` is the suggested first day of the user's price."""

    def __init__(
        self,
        day: date,
        category: ConsumerCategory,
        plan: TariffPlan,
        zone: Zone,
        *,
        band: int = 1,
        start: date | None = None,
    ) -> None:
        self.day = day
        self.category = category
        self.plan = plan
        self.zone = zone
        self.band = band
        self.start = start or day
        super().__init__(unknown_price_message(day, category, plan, zone, self.start, band), field="price")

    @property
    def missing(self) -> MissingPrice:
        return MissingPrice(self.day, self.start, self.category, self.plan, self.zone, self.band)


def _tariff_year_start(day: date) -> date:
    month, first = TARIFF_YEAR_START
    start = date(day.year, month, first)
    return start if day >= start else date(day.year - 1, month, first)


def _sort_key(entry: PriceEntry) -> tuple[int, int, int, int, date, int]:
    return (
        list(ConsumerCategory).index(entry.category),
        list(TariffPlan).index(entry.plan),
        PLAN_ZONES[entry.plan].index(entry.zone),
        entry.band,
        entry.valid_from,
        entry.rank,
    )


class PriceBook:
    """Price timelines per (category, plan, zone, band).

    On a day, the entry in force is the one with the latest valid_from on or before that day; at an
    equal valid_from the user's entry wins over the supplier's calculator's, which wins over the shipped
    one (and a later-given entry over an earlier-given one of the same kind). A user price therefore wins
    from its start date on, until the next later-dated entry of the key, of any layer. An entry with
    price None means unknown.
    """

    def __init__(self, entries: Iterable[PriceEntry] = ()) -> None:
        self._all = tuple(entries)
        resolved: dict[PriceKey, dict[date, PriceEntry]] = {}
        for entry in sorted(self._all, key=lambda e: e.rank):  # stable: higher layers applied last
            resolved.setdefault(entry.key, {})[entry.valid_from] = entry
        self._timelines: dict[PriceKey, tuple[list[date], list[PriceEntry]]] = {}
        for key, by_date in resolved.items():
            dates = sorted(by_date)
            self._timelines[key] = (dates, [by_date[d] for d in dates])
        self._change_dates = sorted({entry.valid_from for entry in self._all})

    @classmethod
    def shipped(cls, supplier: str = DEFAULT_SUPPLIER) -> PriceBook:
        """The supplier's prices shipped with the app (resources/tariffs.csv)."""
        return cls(shipped_entries(supplier))

    def with_user_prices(self, entries: Iterable[PriceEntry]) -> PriceBook:
        """A new book with the user's entries added (they are marked user=True)."""
        return PriceBook(self._all + tuple(replace(entry, user=True) for entry in entries))

    def with_supplier_prices(self, entries: Iterable[PriceEntry]) -> PriceBook:
        """A new book with the supplier calculator's answers added (marked supplier=True): over the shipped
        prices, under the user's."""
        return PriceBook(self._all + tuple(replace(entry, supplier=True, user=False) for entry in entries))

    def change_dates(self, key: PriceKey) -> list[date]:
        """The dates on which the key's price changes (or becomes unknown), in order."""
        return list(self._timelines.get(key, ([], []))[0])

    def unknown_ranges(self, category: ConsumerCategory, plan: TariffPlan, zone: Zone, after: date, through: date,
                       band: int = 1) -> list[tuple[date, date]]:
        """The runs of days after `after` through `through` (inclusive) without a known price."""
        key: PriceKey = (ConsumerCategory(category), TariffPlan(plan), Zone(zone), band)
        result: list[tuple[date, date]] = []
        day = after + timedelta(days=1)
        while day <= through:
            entry, next_change = self._locate(key, day)
            last = through if next_change is None else min(through, next_change - timedelta(days=1))
            if entry is None or entry.price is None:
                if result and result[-1][1] + timedelta(days=1) == day:
                    result[-1] = (result[-1][0], last)
                else:
                    result.append((day, last))
            day = last + timedelta(days=1)
        return result

    def _locate(self, key: PriceKey, day: date) -> tuple[PriceEntry | None, date | None]:
        """The entry in force on `day` (None if none) and the date of the next change after it."""
        dates, entries = self._timelines.get(key, ([], []))
        index = bisect_right(dates, day)
        in_force = entries[index - 1] if index else None
        return in_force, dates[index] if index < len(dates) else None

    def _unknown(self, key: PriceKey, day: date, in_force: PriceEntry | None) -> UnknownPrice:
        category, plan, zone, band = key
        return UnknownPrice(day, category, plan, zone, band=band, start=self.suggested_start(day, in_force))

    def suggested_start(self, day: date, unknown_since: PriceEntry | None = None) -> date:
        """The first day a price the user reads on a bill for `day` most likely applies from.

        The latest of: the tariff year's start (1 July), the latest date on which any price of the
        book changes, and the start of the unknown entry in force on `day`.
        """
        candidates = [_tariff_year_start(day)]
        index = bisect_right(self._change_dates, day)
        if index:
            candidates.append(self._change_dates[index - 1])
        if unknown_since is not None:
            candidates.append(unknown_since.valid_from)
        return max(candidates)

    def price_on(
        self, category: ConsumerCategory, plan: TariffPlan, zone: Zone, day: date, band: int = 1
    ) -> PriceEntry:
        """The entry in force on `day`; raises UnknownPrice when none or an unknown one is."""
        key: PriceKey = (ConsumerCategory(category), TariffPlan(plan), Zone(zone), band)
        entry, _ = self._locate(key, day)
        if entry is None or entry.price is None:
            raise self._unknown(key, day, entry)
        return entry

    def segments(
        self,
        category: ConsumerCategory,
        plan: TariffPlan,
        zone: Zone,
        after: date,
        through: date,
        band: int = 1,
    ) -> list[PriceSegment]:
        """The prices in force over the days after `after` up to and including `through`.

        Raises UnknownPrice naming the first day of the interval without a known price.
        """
        if through <= after:
            raise InvalidInput(
                msg("The end date {through} must be after the start date {after}.", through=through, after=after),
                field="date",
            )
        key: PriceKey = (ConsumerCategory(category), TariffPlan(plan), Zone(zone), band)
        result: list[PriceSegment] = []
        day = after + timedelta(days=1)
        while day <= through:
            entry, next_change = self._locate(key, day)
            if entry is None or entry.price is None:
                raise self._unknown(key, day, entry)
            last = through if next_change is None else min(through, next_change - timedelta(days=1))
            result.append(PriceSegment(entry, entry.price, day, last))
            day = last + timedelta(days=1)
        return result

    def entries(self, category: ConsumerCategory | None = None, plan: TariffPlan | None = None) -> list[PriceEntry]:
        """The entries that make up the timelines (user entries replace shipped ones of the same
        key and date), optionally filtered, sorted by category, plan, zone order, band, date."""
        found = [
            entry
            for _, entries in self._timelines.values()
            for entry in entries
            if (category is None or entry.category == category) and (plan is None or entry.plan == plan)
        ]
        return sorted(found, key=_sort_key)

    def listing(self, category: ConsumerCategory | None = None, plan: TariffPlan | None = None) -> list[ListedPrice]:
        """The entries in force (as `entries`) and, beside them, the ones replaced at the same date where the
        supplier's calculator is involved — a shipped price it contradicts, or its own answer under the user's
        price — so that both stay visible and the list says which is used. (A shipped price the user replaced
        is left out, as an earlier-given entry of the same layer is.)"""
        used = {id(entry) for _, entries in self._timelines.values() for entry in entries}
        supplier_dates = {(entry.key, entry.valid_from) for entry in self._all if entry.supplier}
        rows = []
        for entry in self._all:
            if (category is not None and entry.category != category) or (plan is not None and entry.plan != plan):
                continue
            if id(entry) in used:
                rows.append(ListedPrice(entry))
                continue
            winner, _ = self._locate(entry.key, entry.valid_from)
            if (winner is not None and winner.valid_from == entry.valid_from and winner.rank > entry.rank
                    and (entry.key, entry.valid_from) in supplier_dates):
                rows.append(ListedPrice(entry, winner))
        return sorted(rows, key=lambda row: _sort_key(row.entry))


# --- the shipped table -------------------------------------------------------------------------


def load_price_csv(text: str, *, name: str = "tariffs.csv", user: bool = False,
                   supplier: str = DEFAULT_SUPPLIER) -> tuple[PriceEntry, ...]:
    """Parse a price table with the columns of CSV_COLUMNS (or all but `supplier`); an empty price means unknown.
    Only the rows of `supplier` are kept: another supplier's prices never price this one's accounts."""
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) not in (CSV_COLUMNS, CSV_COLUMNS[1:]):
        raise JournalError(
            msg("The price table {name} does not have the columns {columns}. Reinstall Meter Journal or restore the "
                "file.", name=name, columns=",".join(CSV_COLUMNS))
        )
    entries = []
    for row in reader:
        if row.get("supplier", DEFAULT_SUPPLIER) != supplier:
            continue
        try:
            price_text = row["price"].strip()
            entries.append(
                PriceEntry(
                    category=ConsumerCategory(row["category"].strip()),
                    plan=TariffPlan(row["plan"].strip()),
                    zone=Zone(row["zone"].strip()),
                    valid_from=date.fromisoformat(row["valid_from"].strip()),
                    price=parse_price(price_text) if price_text else None,
                    source=row["source"].strip(),
                    band=int(row["band"].strip()),
                    user=user,
                )
            )
        except (ValueError, AttributeError, JournalError) as error:
            raise JournalError(
                msg("The price table {name} is damaged at line {line}: {reason}. Reinstall Meter Journal or restore "
                    "the file.", name=name, line=reader.line_num, reason=message_of(error))
            ) from error
    return tuple(entries)


@functools.cache
def shipped_entries(supplier: str = DEFAULT_SUPPLIER) -> tuple[PriceEntry, ...]:
    """The supplier's shipped prices, read and parsed on first use only."""
    text = files("resources").joinpath("tariffs.csv").read_text(encoding="utf-8")
    return load_price_csv(text, supplier=supplier)
