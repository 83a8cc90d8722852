"""Consumption between two readings of one meter, zone by zone."""

from __future__ import annotations

from collections.abc import Sequence


def zone_consumption(previous: int, current: int, digits: int, rollover: bool) -> int:
    """kWh between two values of one zone. A lower current value is a rollover of the drum only when
    the user confirmed it: current + 10^digits − previous."""
    if current >= previous:
        return current - previous
    if not rollover:
        raise ValueError(f"value {current} is below the previous {previous} and no rollover was confirmed")
    return current + int(10**digits) - previous


def zone_values(values: tuple[int | None, ...]) -> tuple[int, ...]:
    """A reading's values of its plan's zones (t1, t2, t3 cut to the zone count), every one stored."""
    stored = tuple(v for v in values if v is not None)
    if len(stored) != len(values):
        raise ValueError(f"a reading lacks a value of its zones: {values}")
    return stored


def consumption(
    previous: Sequence[int], current: Sequence[int], digits: int, rollover: bool
) -> tuple[int, ...]:
    return tuple(zone_consumption(p, c, digits, rollover) for p, c in zip(previous, current, strict=True))


def values_of(t1: int, t2: int | None, t3: int | None, zones: int) -> tuple[int, ...]:
    """The zone values stored in columns t1..t3, as a tuple as long as the plan has zones."""
    return (t1, t2, t3)[:zones]  # type: ignore[return-value]


def stored_zone_consumption(previous: int, current: int, digits: int) -> int:
    """Consumption between two stored values. Stored readings were checked when saved, so a lower value
    is a wrap of the drum (a confirmed rollover, or one left between two readings when the reading
    between them was deleted)."""
    return current - previous if current >= previous else current + 10**digits - previous


def stored_kwh(previous: Sequence[int], current: Sequence[int], digits: int) -> int:
    """`stored_zone_consumption` summed over the zones (written out: the checks of an import sum it per reading)."""
    wrap = 10**digits
    return sum([c - p if c >= p else c + wrap - p for p, c in zip(previous, current, strict=True)])
