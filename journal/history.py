"""An account's history: every reading with the consumption since the one before it, and the
consumption per billing period across meter replacements.

Built in one query from plain rows (no ORM objects), already in history order, so the whole
journal's history is computed in a single pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from journal import validation
from journal.consumption import stored_zone_consumption
from journal.records import AccountInfo, HistoryRow, PeriodConsumption
from journal.storage.statuses import ReadingStatus
from journal.zones import ConsumerCategory, TariffPlan, Zone

if TYPE_CHECKING:  # this module reads with SQL alone: a read-only command starts without SQLAlchemy
    from sqlalchemy.orm import Session

    from journal.storage.models import Account

_ACTIVE = ReadingStatus.ACTIVE

# Meters with their readings, in the order of the history: by account, meter installation, date;
# a reading in force before retired ones of the same date. A LEFT JOIN keeps meters with no reading.
_HISTORY_SQL = """
SELECT m.account_id, m.plan, m.id, m.serial, m.digits, m.installed_on, m.initial_t1, m.initial_t2, m.initial_t3,
       r.id, r.period, r.taken_on, r.t1, r.t2, r.t3, r.rollover, r.is_final, r.status
FROM meters AS m
LEFT JOIN readings AS r ON r.meter_id = m.id {reading_filter}
{account_filter}
ORDER BY m.account_id, m.installed_on, m.id, r.taken_on, r.status != 'active', r.id
"""


def histories(
    session: Session, account_ids: list[int] | None = None, *, include_retired: bool = True
) -> dict[int, list[HistoryRow]]:
    """The history of each account (all accounts when `account_ids` is None)."""
    result: dict[int, list[HistoryRow]] = {aid: [] for aid in account_ids} if account_ids is not None else {}
    connection = session.connection().connection  # the DBAPI connection, in the session's transaction
    if account_ids is None:
        result.update((aid, []) for (aid,) in connection.execute("SELECT accounts.id FROM accounts"))
    for aid, rows in _history_rows(connection, account_ids, include_retired):
        result.setdefault(aid, []).extend(rows)
    return result


# A DBAPI connection: sqlite3's own (journal.storage.read_only) or a session's (`session.connection().connection`).
DBConnection = Any


def history_rows(connection: DBConnection, account_id: int, *, include_retired: bool = True) -> Iterator[HistoryRow]:
    """An account's history, one row at a time as the database gives them: a long history is never held whole."""
    for _aid, rows in _history_rows(connection, [account_id], include_retired):
        yield from rows


_ACCOUNT_SQL = "SELECT id, number, holder, address, supplier, plan, category FROM accounts WHERE number = ?"


def account_by_number(connection: DBConnection, number: str) -> AccountInfo | None:
    """The account with this number (checked as journal.accounts.find_account checks it), read with SQL alone;
    None when the journal has none (find_account then says so in its words)."""
    row = connection.execute(_ACCOUNT_SQL, (validation.account_number(number),)).fetchone()
    if row is None:
        return None
    aid, number, holder, address, supplier, plan, category = row
    return AccountInfo(id=aid, number=number, holder=holder, address=address, supplier=supplier,
                       plan=TariffPlan(plan), category=ConsumerCategory(category))


_ACCOUNTS_SQL = "SELECT id, number, holder, address, supplier, plan, category FROM accounts ORDER BY number"


def all_accounts(connection: DBConnection) -> list[AccountInfo]:
    """Every account, in journal.accounts.list_accounts' order (by number), read with SQL alone."""
    return [AccountInfo(id=aid, number=number, holder=holder, address=address, supplier=supplier,
                        plan=TariffPlan(plan), category=ConsumerCategory(category))
            for aid, number, holder, address, supplier, plan, category in connection.execute(_ACCOUNTS_SQL)]


# A meter record that ends on the day another record of the same meter starts: the tariff plan changed that day.
_METER_DAYS_SQL = "SELECT serial, installed_on, removed_on FROM meters WHERE account_id = ?"


def plan_change_days(meters: Iterable[tuple[str, date, date | None]]) -> frozenset[tuple[str, date]]:
    """(serial, day) of each tariff plan change among an account's meter records (serial, installed, removed): a
    record of the meter that starts the day another record of the same meter ends (a replacement brings another
    meter, with another serial)."""
    records = list(meters)
    ends = {(serial, removed) for serial, _installed, removed in records if removed is not None}
    return frozenset((serial, installed) for serial, installed, _removed in records if (serial, installed) in ends)


def plan_changes(connection: DBConnection, account_id: int) -> frozenset[tuple[str, date]]:
    """The account's tariff plan changes (`plan_change_days`), read with SQL alone."""
    return plan_change_days(
        (serial, date.fromisoformat(installed), date.fromisoformat(removed) if removed else None)
        for serial, installed, removed in connection.execute(_METER_DAYS_SQL, (account_id,)))


_BATCH = 1000  # history rows handed on at a time


def _history_rows(
    connection: DBConnection, account_ids: list[int] | None, include_retired: bool
) -> Iterator[tuple[int, list[HistoryRow]]]:
    """The history rows in history order, in lists of at most _BATCH rows of one account."""
    params: dict[str, object] = {}
    account_filter = ""
    if account_ids is not None:
        marks = ", ".join(f":a{i}" for i in range(len(account_ids)))
        account_filter = f"WHERE m.account_id IN ({marks})"
        params = {f"a{i}": aid for i, aid in enumerate(account_ids)}
    reading_filter = "" if include_retired else "AND r.status = 'active'"
    sql = _HISTORY_SQL.format(reading_filter=reading_filter, account_filter=account_filter)
    rows_out: list[HistoryRow] = []
    account_id = meter_id = None
    plan = TariffPlan.SINGLE
    zones = 1
    serial, digits = "", 0
    previous: tuple[int, ...] = ()
    previous_date: date | None = None
    fromiso = date.fromisoformat
    for (aid, m_plan, mid, m_serial, m_digits, installed_on, i1, i2, i3,
         rid, period, taken_on, t1, t2, t3, rollover, is_final, status) in connection.execute(
            sql, params):
        if mid != meter_id:
            if aid != account_id:
                if rows_out:
                    yield account_id, rows_out  # type: ignore[misc]
                rows_out, account_id = [], aid
            meter_id, serial, digits = mid, m_serial, m_digits
            plan = TariffPlan(m_plan)
            zones = plan.zone_count
            previous = (i1, i2, i3)[:zones]
            previous_date = fromiso(installed_on)
        if rid is None:
            continue
        values = (t1, t2, t3)[:zones]
        day = fromiso(taken_on)
        if status != _ACTIVE:
            rows_out.append(HistoryRow(rid, mid, serial, plan, period, day, values, None, None, bool(rollover),
                                       bool(is_final), status))
        else:
            used = tuple(stored_zone_consumption(b, a, digits) for b, a in zip(previous, values, strict=True))
            rows_out.append(HistoryRow(rid, mid, serial, plan, period, day, values, used, previous_date,
                                       bool(rollover), bool(is_final), status))
            previous, previous_date = values, day
        if len(rows_out) >= _BATCH:
            yield aid, rows_out
            rows_out = []
    if rows_out:
        yield account_id, rows_out  # type: ignore[misc]


class _PeriodSum:
    """One billing period's consumption per zone, summed reading by reading."""

    __slots__ = ("first", "last", "period", "total")

    def __init__(self, period: str) -> None:
        self.period = period
        self.total: dict[Zone, int] = {}
        self.first: date | None = None
        self.last: date | None = None

    def add(self, row: HistoryRow) -> None:
        total = self.total
        for zone, kwh in zip(row.plan.zones, row.consumption, strict=True):  # type: ignore[arg-type]
            total[zone] = total.get(zone, 0) + kwh
        if self.first is None or row.previous_date < self.first:  # type: ignore[operator]
            self.first = row.previous_date
        if self.last is None or row.taken_on > self.last:
            self.last = row.taken_on

    def result(self) -> PeriodConsumption:
        if self.first is None or self.last is None:
            raise ValueError(f"the period {self.period} has no reading")
        return PeriodConsumption(self.period, tuple(self.total), tuple(self.total.values()), self.first, self.last)


def monthly_consumption(rows: Iterable[HistoryRow]) -> list[PeriodConsumption]:
    """Sum the consumption of the readings in force per billing period and zone (all meters of the account).

    A period of a plan change has the zones of both plans, in the order the readings bring them.
    """
    sums: dict[str, _PeriodSum] = {}
    for row in rows:
        if row.consumption is None or row.previous_date is None:
            continue
        period_sum = sums.get(row.period)
        if period_sum is None:
            period_sum = sums[row.period] = _PeriodSum(row.period)
        period_sum.add(row)
    return [sums[p].result() for p in sorted(sums)]


class NotInHistoryOrder(ValueError):
    """A reading in force of an earlier period came after a later period's (see `periods_in_order`)."""


def periods_in_order(rows: Iterable[HistoryRow]) -> Iterator[PeriodConsumption]:
    """`monthly_consumption` of rows in history order, one period at a time, each as soon as a later one
    starts: a long history is summed without holding it. In history order (`history_rows`) the periods of
    readings in force never go back — a meter's readings are dated between its installation and its removal,
    the next meter's after it — so this gives what `monthly_consumption` gives; should they go back,
    NotInHistoryOrder is raised."""
    current: _PeriodSum | None = None
    for row in rows:
        if row.consumption is None or row.previous_date is None:
            continue
        if current is None or row.period != current.period:
            if current is not None:
                if row.period < current.period:
                    raise NotInHistoryOrder(f"{row.period} after {current.period}")
                yield current.result()
            current = _PeriodSum(row.period)
        current.add(row)
    if current is not None:
        yield current.result()


def account_history(session: Session, account: Account, *, include_retired: bool = True) -> list[HistoryRow]:
    return histories(session, [account.id], include_retired=include_retired)[account.id]
