"""An account's history: every reading with the consumption since the one before it, and the
consumption per billing period across meter replacements.

Built in one query from plain rows (no ORM objects), already in history order, so the whole
journal's history is computed in a single pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal.consumption import stored_zone_consumption
from journal.records import HistoryRow, PeriodConsumption
from journal.storage.models import Account, ReadingStatus
from journal.zones import TariffPlan, Zone

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
    params: dict[str, object] = {}
    account_filter = ""
    if account_ids is not None:
        marks = ", ".join(f":a{i}" for i in range(len(account_ids)))
        account_filter = f"WHERE m.account_id IN ({marks})"
        params = {f"a{i}": aid for i, aid in enumerate(account_ids)}
    reading_filter = "" if include_retired else "AND r.status = 'active'"
    sql = _HISTORY_SQL.format(reading_filter=reading_filter, account_filter=account_filter)
    result: dict[int, list[HistoryRow]] = {aid: [] for aid in account_ids} if account_ids is not None else {}
    if account_ids is None:
        result.update((aid, []) for aid in session.scalars(select(Account.id)))
    rows_out: list[HistoryRow] = []
    meter_id = None
    plan = TariffPlan.SINGLE
    zones = 1
    serial, digits = "", 0
    previous: tuple[int, ...] = ()
    previous_date: date | None = None
    fromiso = date.fromisoformat
    for (aid, m_plan, mid, m_serial, m_digits, installed_on, i1, i2, i3,
         rid, period, taken_on, t1, t2, t3, rollover, is_final, status) in session.connection().exec_driver_sql(
            sql, params):
        if mid != meter_id:
            meter_id, serial, digits = mid, m_serial, m_digits
            plan = TariffPlan(m_plan)
            zones = plan.zone_count
            rows_out = result.setdefault(aid, [])
            previous = (i1, i2, i3)[:zones]
            previous_date = fromiso(installed_on)
        if rid is None:
            continue
        values = (t1, t2, t3)[:zones]
        day = fromiso(taken_on)
        if status != _ACTIVE:
            rows_out.append(HistoryRow(rid, mid, serial, plan, period, day, values, None, None, bool(rollover),
                                       bool(is_final), status))
            continue
        used = tuple(stored_zone_consumption(b, a, digits) for b, a in zip(previous, values, strict=True))
        rows_out.append(HistoryRow(rid, mid, serial, plan, period, day, values, used, previous_date, bool(rollover),
                                   bool(is_final), status))
        previous, previous_date = values, day
    return result


def monthly_consumption(rows: Iterable[HistoryRow]) -> list[PeriodConsumption]:
    """Sum the consumption of the readings in force per billing period and zone (all meters of the account).

    A period of a plan change has the zones of both plans, in the order the readings bring them.
    """
    totals: dict[str, dict[Zone, int]] = {}
    first: dict[str, date] = {}
    last: dict[str, date] = {}
    for row in rows:
        if row.consumption is None or row.previous_date is None:
            continue
        total = totals.setdefault(row.period, {})
        for zone, kwh in zip(row.plan.zones, row.consumption, strict=True):
            total[zone] = total.get(zone, 0) + kwh
        if row.period not in first or row.previous_date < first[row.period]:
            first[row.period] = row.previous_date
        if row.period not in last or row.taken_on > last[row.period]:
            last[row.period] = row.taken_on
    return [PeriodConsumption(p, tuple(totals[p]), tuple(totals[p].values()), first[p], last[p])
            for p in sorted(totals)]


def account_history(session: Session, account: Account, *, include_retired: bool = True) -> list[HistoryRow]:
    return histories(session, [account.id], include_retired=include_retired)[account.id]
