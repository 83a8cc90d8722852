"""Property tests of consumption: random valid histories saved in a real SQLite journal.

A history: a tariff plan with 1–3 zones, a meter of 4–7 digits with random act values, monthly
increments per zone (some wrap the drum and are saved as confirmed rollovers; some readings are first
saved with a typo and then replaced for the same period), a replacement by a meter of 4–7 digits
with random act values at a random point, then more monthly readings. Whatever the history, the
monthly consumption adds up to the total counted independently from the increments.

Hypothesis runs many examples in one test call, so each example opens its own journal in a fresh
temporary folder (function-scoped fixtures would not be reset between examples).
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from desktop_app.services.journal_service import JournalService
from journal.consumption import consumption, zone_consumption
from journal.errors import ConfirmationRequired
from journal.periods import period_of
from journal.records import ReadingInfo
from tests.conftest import ACCOUNT, TODAY

PLANS = {1: "single", 2: "two-zone", 3: "three-zone"}
INSTALLED = date(2015, 1, 10)
MAX_READINGS = 12  # per meter

PROPERTY_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@dataclass(frozen=True)
class Step:
    """One reading: the increment per zone since the previous value, its day of the month (1–25, so
    the reading counts for its own month) and whether a typo was saved first for the same period."""

    increments: tuple[int, ...]
    day: int
    typo_first: bool


@dataclass(frozen=True)
class Scenario:
    zones: int
    old_digits: int
    old_initial: tuple[int, ...]
    before: list[Step]  # readings of the old meter
    final: tuple[int, ...]  # the old meter's increment up to its final reading
    replaced_day: int  # day of the month after the old meter's last reading
    new_digits: int
    new_initial: tuple[int, ...]
    same_month: bool  # the new meter's first reading is in the replacement's month
    after: list[Step]  # readings of the new meter


def _increments(zones: int, digits: int) -> st.SearchStrategy[tuple[int, ...]]:
    # Mostly ordinary months, often a big jump: from a random value a big increment often wraps.
    one = st.one_of(st.integers(0, 400), st.integers(0, 10**digits - 1))
    return st.tuples(*[one] * zones)


def _values(zones: int, digits: int) -> st.SearchStrategy[tuple[int, ...]]:
    near_the_end = st.integers(10**digits - 300, 10**digits - 1)  # close to all nines: wraps are likely
    return st.tuples(*[st.one_of(st.integers(0, 10**digits - 1), near_the_end)] * zones)


def _steps(zones: int, digits: int) -> st.SearchStrategy[list[Step]]:
    step = st.builds(Step, _increments(zones, digits), st.integers(1, 25), st.booleans())
    return st.lists(step, max_size=MAX_READINGS)


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    zones = draw(st.integers(1, 3))
    old_digits = draw(st.integers(4, 7))
    new_digits = draw(st.integers(4, 7))
    return Scenario(
        zones=zones,
        old_digits=old_digits,
        old_initial=draw(_values(zones, old_digits)),
        before=draw(_steps(zones, old_digits)),
        final=draw(_increments(zones, old_digits)),
        replaced_day=draw(st.integers(1, 24)),
        new_digits=new_digits,
        new_initial=draw(_values(zones, new_digits)),
        same_month=draw(st.booleans()),
        after=draw(_steps(zones, new_digits)),
    )


def _advance(values: tuple[int, ...], increments: tuple[int, ...], digits: int) -> tuple[tuple[int, ...], bool]:
    """The meter's display after the increments, and whether a drum wrapped."""
    raw = [v + i for v, i in zip(values, increments, strict=True)]
    return tuple(r % 10**digits for r in raw), any(r >= 10**digits for r in raw)


def _month(year: int, month: int, offset: int) -> tuple[int, int]:
    y, m0 = divmod(month - 1 + offset, 12)
    return year + y, m0 + 1


def _text(values: tuple[int, ...]) -> str:
    return ",".join(map(str, values))


def _add(service: JournalService, day: date, values: tuple[int, ...], **options: bool) -> ReadingInfo:
    """Save a reading as a user would: confirm it only when the journal asks about a big jump."""
    try:
        return service.add_reading(ACCOUNT, day, _text(values), **options).result
    except ConfirmationRequired as exc:
        assert exc.kind == "jump", exc.message
        return service.add_reading(ACCOUNT, day, _text(values), confirm=True, **options).result


def _save_steps(service: JournalService, steps: list[Step], start: tuple[int, ...], digits: int,
                first_month: tuple[int, int], expected: dict[str, list[int]]) -> tuple[int, ...]:
    """Save the readings of one meter, one per month from `first_month`; return the last values."""
    values = start
    for offset, step in enumerate(steps):
        year, month = _month(*first_month, offset)
        day = date(year, month, step.day)
        if step.typo_first:
            # A typo that passes every check (no consumption at all), then the right value replaces it.
            _add(service, day, values)
        values, wrapped = _advance(values, step.increments, digits)
        info = _add(service, day, values, rollover=wrapped, replace=step.typo_first)
        assert info.rollover == wrapped
        for zone, kwh in enumerate(step.increments):
            expected[str(period_of(day))][zone] += kwh
    return values


def _independent_total(initial: tuple[int, ...], last: tuple[int, ...], increments: list[tuple[int, ...]],
                       digits: int) -> list[int]:
    """last − initial + wraps × 10^digits per zone, counting the wraps from the increments."""
    totals = []
    for zone, (first, end) in enumerate(zip(initial, last, strict=True)):
        value, wraps = first, 0
        for inc in increments:
            wraps += (value + inc[zone]) // 10**digits
            value = (value + inc[zone]) % 10**digits
        totals.append(end - first + wraps * 10**digits)
    return totals


def _run(scenario: Scenario, folder: Path) -> None:
    zones = scenario.zones
    service = JournalService(folder / "journal.sqlite3", today=lambda: TODAY)
    try:
        service.add_account(ACCOUNT, "Иванова Мария Петровна", "Самара, ул. Ленина, 1", PLANS[zones], "urban-gas")
        service.add_meter(ACCOUNT, "OLD-1", scenario.old_digits, INSTALLED, _text(scenario.old_initial))
        expected: dict[str, list[int]] = defaultdict(lambda: [0] * zones)

        old_last = _save_steps(service, scenario.before, scenario.old_initial, scenario.old_digits,
                               _month(INSTALLED.year, INSTALLED.month, 1), expected)
        replaced_on = date(*_month(INSTALLED.year, INSTALLED.month, len(scenario.before) + 1), scenario.replaced_day)
        old_final, wrapped = _advance(old_last, scenario.final, scenario.old_digits)
        service.replace_meter(ACCOUNT, _text(old_final), "NEW-2", scenario.new_digits, replaced_on,
                              _text(scenario.new_initial), rollover=wrapped, confirm=True)  # as asked, said yes
        for zone, kwh in enumerate(scenario.final):
            expected[str(period_of(replaced_on))][zone] += kwh

        after = scenario.after
        if scenario.same_month and after:  # the new meter's first reading in the replacement's month
            after = [Step(after[0].increments, max(after[0].day, scenario.replaced_day + 1), after[0].typo_first),
                     *after[1:]]
        first_new = _month(replaced_on.year, replaced_on.month, 0 if scenario.same_month else 1)
        new_last = _save_steps(service, after, scenario.new_initial, scenario.new_digits, first_new, expected)

        monthly = service.monthly(ACCOUNT)
        rows = service.history(ACCOUNT, include_retired=False)
    finally:
        service.close()

    old_increments = [s.increments for s in scenario.before] + [scenario.final]
    new_increments = [s.increments for s in after]
    total = [
        sum(inc[zone] for inc in old_increments + new_increments) for zone in range(zones)
    ]
    independent = [
        a + b for a, b in zip(
            _independent_total(scenario.old_initial, old_final, old_increments, scenario.old_digits),
            _independent_total(scenario.new_initial, new_last, new_increments, scenario.new_digits),
            strict=True,
        )
    ]
    assert total == independent  # the test's own two ways of counting agree
    event(f"wraps: {'some' if any(row.rollover for row in rows) else 'none'}")
    event(f"readings per meter: {'both' if scenario.before and after else 'one or none'}")

    summed = [sum(period.consumption[zone] for period in monthly) for zone in range(zones)]
    assert summed == total
    assert {p.period: list(p.consumption) for p in monthly} == dict(expected)
    assert all(kwh >= 0 for p in monthly for kwh in p.consumption)
    assert [p.period for p in monthly] == sorted({p.period for p in monthly})
    assert len(rows) == len(scenario.before) + 1 + len(after)
    assert sum(row.is_final for row in rows) == 1


@PROPERTY_SETTINGS
@given(scenarios())
# A wrap in the month of the replacement and in the old meter's final reading, with a typo fixed.
@example(Scenario(2, 4, (9990, 5), [Step((15, 3), 20, True)], (9996, 9995), 5, 6, (999_999, 0), True,
                  [Step((2, 7), 1, False), Step((0, 0), 25, True)]))
def test_monthly_consumption_adds_up_to_the_total(scenario: Scenario) -> None:
    with tempfile.TemporaryDirectory(prefix="meter-journal-prop-") as folder:
        _run(scenario, Path(folder))


# --- the pure function ------------------------------------------------------------------------------

@st.composite
def _meter_step(draw: st.DrawFn) -> tuple[int, int, int]:
    digits = draw(st.integers(4, 9))
    previous = draw(st.integers(0, 10**digits - 1))
    increment = draw(st.integers(0, 10**digits - 1))
    return digits, previous, increment


@settings(max_examples=200, deadline=None)
@given(_meter_step())
def test_zone_consumption_recovers_the_increment(step: tuple[int, int, int]) -> None:
    digits, previous, increment = step
    current = (previous + increment) % 10**digits
    wrapped = previous + increment >= 10**digits
    assert zone_consumption(previous, current, digits, wrapped) == increment
    assert zone_consumption(previous, current, digits, True) == increment  # a confirmation changes nothing more
    assert 0 <= zone_consumption(previous, current, digits, True) < 10**digits


@settings(max_examples=200, deadline=None)
@given(st.integers(4, 9).flatmap(lambda d: st.tuples(st.just(d), st.integers(0, 10**d - 1), st.integers(0, 10**d - 1))))
def test_zone_consumption_refuses_an_unconfirmed_lower_value(case: tuple[int, int, int]) -> None:
    digits, previous, current = case
    if current >= previous:
        assert zone_consumption(previous, current, digits, False) == current - previous
    else:
        try:
            zone_consumption(previous, current, digits, False)
        except ValueError:
            pass
        else:
            raise AssertionError("a lower value without a confirmed rollover was accepted")
        assert zone_consumption(previous, current, digits, True) == current + 10**digits - previous


@settings(max_examples=100, deadline=None)
@given(st.integers(4, 9).flatmap(
    lambda d: st.tuples(st.just(d), st.lists(st.integers(0, 10**d - 1), min_size=2, max_size=30))
))
def test_zone_consumption_adds_up_along_a_sequence(case: tuple[int, list[int]]) -> None:
    """Over a run of readings, the consumptions add up to last − first + wraps × 10^digits."""
    digits, values = case
    used = [zone_consumption(a, b, digits, b < a) for a, b in pairwise(values)]
    wraps = sum(b < a for a, b in pairwise(values))
    assert sum(used) == values[-1] - values[0] + wraps * 10**digits
    assert consumption(values[:-1], values[1:], digits, True) == tuple(used)
