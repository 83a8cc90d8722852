"""An account's history: every reading with the consumption since the one before it, and the
consumption per billing period across meter replacements.

Built from plain rows (no ORM objects), so the whole journal's history is computed quickly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal.records import HistoryRow, PeriodConsumption
from journal.storage.models import Account, Meter, Reading, ReadingStatus
from journal.zones import TariffPlan


def _delta(before: int, after: int, digits: int) -> int:
    # Stored readings were checked when saved: a lower value is a confirmed rollover.
    return after - before if after >= before else after + 10**digits - before


def build_history(
    plan_zones: int,
    meters: Iterable[tuple[int, str, int, object, tuple[int, ...]]],
    readings: Iterable[tuple[int, int, str, object, int, int | None, int | None, bool, bool, str]],
) -> list[HistoryRow]:
    """Compute history rows from plain tuples.

    meters: (id, serial, digits, installed_on, initial values), in installation order.
    readings: (id, meter_id, period, taken_on, t1, t2, t3, rollover, is_final, status), in date order.
    """
    by_meter: dict[int, list[tuple]] = defaultdict(list)
    for row in readings:
        by_meter[row[1]].append(row)
    rows: list[HistoryRow] = []
    for meter_id, serial, digits, installed_on, initial in meters:
        previous = initial
        previous_date = installed_on
        for rid, _m, period, taken_on, t1, t2, t3, rollover, is_final, status in by_meter.get(meter_id, ()):
            values = (t1, t2, t3)[:plan_zones]
            if status != ReadingStatus.ACTIVE:
                rows.append(HistoryRow(rid, serial, period, taken_on, values, None, None,  # type: ignore[arg-type]
                                       rollover, is_final, status))
                continue
            used = tuple(_delta(b, a, digits) for b, a in zip(previous, values, strict=True))  # type: ignore[arg-type]
            rows.append(HistoryRow(rid, serial, period, taken_on, values, used, previous_date,  # type: ignore[arg-type]
                                   rollover, is_final, status))
            previous, previous_date = values, taken_on
    rows.sort(key=lambda r: (r.taken_on, r.status != ReadingStatus.ACTIVE, r.reading_id))
    return rows


def monthly_consumption(rows: Iterable[HistoryRow]) -> list[PeriodConsumption]:
    """Sum the consumption of the readings in force per billing period (all meters of the account)."""
    totals: dict[str, list[int]] = {}
    first: dict[str, object] = {}
    last: dict[str, object] = {}
    for row in rows:
        if row.consumption is None:
            continue
        total = totals.setdefault(row.period, [0] * len(row.consumption))
        for index, kwh in enumerate(row.consumption):
            total[index] += kwh
        if row.period not in first or row.previous_date < first[row.period]:  # type: ignore[operator]
            first[row.period] = row.previous_date
        if row.period not in last or row.taken_on > last[row.period]:  # type: ignore[operator]
            last[row.period] = row.taken_on
    return [
        PeriodConsumption(p, tuple(totals[p]), first[p], last[p])  # type: ignore[arg-type]
        for p in sorted(totals)
    ]


def _meter_rows(session: Session, account_ids: list[int] | None):  # type: ignore[no-untyped-def]
    query = select(
        Meter.id, Meter.account_id, Meter.serial, Meter.digits, Meter.installed_on,
        Meter.initial_t1, Meter.initial_t2, Meter.initial_t3,
    ).order_by(Meter.account_id, Meter.installed_on)
    if account_ids is not None:
        query = query.where(Meter.account_id.in_(account_ids))
    return session.execute(query).all()


def _reading_rows(session: Session, account_ids: list[int] | None, include_retired: bool):  # type: ignore[no-untyped-def]
    query = select(
        Reading.id, Reading.meter_id, Reading.period, Reading.taken_on, Reading.t1, Reading.t2, Reading.t3,
        Reading.rollover, Reading.is_final, Reading.status,
    ).order_by(Reading.meter_id, Reading.taken_on, Reading.id)
    if not include_retired:
        query = query.where(Reading.status == ReadingStatus.ACTIVE)
    if account_ids is not None:
        query = query.join(Meter, Meter.id == Reading.meter_id).where(Meter.account_id.in_(account_ids))
    return session.execute(query).all()


def histories(
    session: Session, account_ids: list[int] | None = None, *, include_retired: bool = True
) -> dict[int, list[HistoryRow]]:
    """The history of each account (all accounts when `account_ids` is None), in two queries."""
    plans = dict(session.execute(select(Account.id, Account.plan)).all())
    meters_by_account: dict[int, list[tuple]] = defaultdict(list)
    for mid, aid, serial, digits, installed_on, i1, i2, i3 in _meter_rows(session, account_ids):
        zones = TariffPlan(plans[aid]).zone_count
        meters_by_account[aid].append((mid, serial, digits, installed_on, (i1, i2, i3)[:zones]))
    readings_by_meter_account: dict[int, list[tuple]] = defaultdict(list)
    meter_account = {m[0]: aid for aid, ms in meters_by_account.items() for m in ms}
    for row in _reading_rows(session, account_ids, include_retired):
        readings_by_meter_account[meter_account[row[1]]].append(tuple(row))
    wanted = account_ids if account_ids is not None else list(plans)
    return {
        aid: build_history(TariffPlan(plans[aid]).zone_count, meters_by_account.get(aid, []),
                           readings_by_meter_account.get(aid, []))
        for aid in wanted
    }


def account_history(session: Session, account: Account, *, include_retired: bool = True) -> list[HistoryRow]:
    return histories(session, [account.id], include_retired=include_retired)[account.id]
