"""Checks of what the user typed. Each failure is an InvalidInput naming the field, in plain words."""

from __future__ import annotations

import re
from datetime import date

from journal.errors import InvalidInput
from journal.zones import ConsumerCategory, TariffPlan

_ACCOUNT_RE = re.compile(r"^\d{6,14}$")
_VALUE_RE = re.compile(r"^\d+$")

MIN_DIGITS, MAX_DIGITS = 4, 9


def account_number(text: str) -> str:
    number = text.strip()
    if not _ACCOUNT_RE.match(number):
        raise InvalidInput(
            f"An account number is 6 to 14 digits, as printed on the bill; {text!r} is not.", field="account"
        )
    return number


def required_text(text: str, field: str, label: str, limit: int) -> str:
    value = " ".join(text.split())
    if not value:
        raise InvalidInput(f"Please fill in the {label}.", field=field)
    if len(value) > limit:
        raise InvalidInput(f"The {label} is too long (at most {limit} characters).", field=field)
    return value


def plan(text: str) -> TariffPlan:
    try:
        return TariffPlan(text.strip())
    except ValueError:
        options = ", ".join(p.value for p in TariffPlan)
        raise InvalidInput(f"Unknown tariff plan {text!r}; choose one of: {options}.", field="plan") from None


def category(text: str) -> ConsumerCategory:
    try:
        return ConsumerCategory(text.strip())
    except ValueError:
        options = ", ".join(c.value for c in ConsumerCategory)
        raise InvalidInput(
            f"Unknown consumer category {text!r}; choose one of: {options}.", field="category"
        ) from None


def digits(value: int | str) -> int:
    text = str(value).strip()
    if not _VALUE_RE.match(text) or not MIN_DIGITS <= int(text) <= MAX_DIGITS:
        raise InvalidInput(
            f"A meter shows {MIN_DIGITS} to {MAX_DIGITS} whole digits (before the comma); {value!r} is not that.",
            field="digits",
        )
    return int(text)


def serial(text: str) -> str:
    value = text.strip().lstrip("№").strip()
    if not value or len(value) > 40 or not re.match(r"^[\w\-/. ]+$", value):
        raise InvalidInput(f"The meter's serial number {text!r} is not valid.", field="serial")
    return value


def iso_date(text: str, field: str = "date") -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"A date is written as YYYY-MM-DD, e.g. 2026-03-20; got {text!r}.", field=field) from None


def not_in_future(day: date, today: date, field: str = "date") -> date:
    if day > today:
        raise InvalidInput(f"The date {day.isoformat()} is in the future.", field=field)
    return day


def verification_year(value: int | None, field: str) -> int | None:
    if value is None:
        return None
    if not 1950 <= value <= 2100:
        raise InvalidInput(f"The verification year {value} is not plausible.", field=field)
    return value


def zone_values(values: str | list[str] | tuple[int, ...], zones: int, digit_count: int) -> tuple[int, ...]:
    """Parse the integer value of each zone ("12345,6789" or a list). Digits after the comma are not
    entered; leading zeros are allowed and ignored."""
    items = [str(v) for v in values] if isinstance(values, list | tuple) else str(values).split(",")
    items = [item.strip() for item in items]
    if len(items) != zones:
        names = {1: "one value", 2: "two values (day, night)", 3: "three values (peak, night, semi-peak)"}
        raise InvalidInput(
            f"This tariff plan needs {names[zones]}, separated by commas; got {len(items)}.", field="values"
        )
    result: list[int] = []
    for index, item in enumerate(items, start=1):
        field = f"t{index}"
        if item.startswith("-") and _VALUE_RE.match(item[1:]):
            raise InvalidInput(f"A meter reading cannot be negative; got {item} for T{index}.", field=field)
        if not _VALUE_RE.match(item):
            raise InvalidInput(
                f"Type only the digits before the comma, without letters or symbols; got {item!r} for T{index}.",
                field=field,
            )
        number = int(item)
        if number >= 10**digit_count:
            raise InvalidInput(
                f"The meter has {digit_count} digits before the comma, but {item} for T{index} has more. "
                "Leave out the digits after the comma (often red).",
                field=field,
            )
        result.append(number)
    return tuple(result)
