"""Checks of what the user typed. Each failure is an InvalidInput naming the field, in plain words."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from journal.errors import InvalidInput
from journal.messages import Label, ZoneNumber, msg
from journal.zones import ConsumerCategory, TariffPlan

_ACCOUNT_RE = re.compile(r"^\d{6,14}$")
_VALUE_RE = re.compile(r"^\d+$")
# Thousands set apart as people write them (and a copied number carries): 12 504, with a space, a no-break or a
# narrow no-break space; the groups of three keep a typo like «12 50» from passing
_GROUPED_RE = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$")
_GROUP_SPACES = str.maketrans("", "", " \u00a0\u202f")

MIN_DIGITS, MAX_DIGITS = 4, 9


def account_number(text: str) -> str:
    number = text.strip()
    if not _ACCOUNT_RE.match(number):
        raise InvalidInput(
            msg("An account number is 6 to 14 digits, as printed on the bill; {text!r} is not.", text=text),
            field="account",
        )
    return number


# Characters that change how the text after them is shown (terminal escape sequences, bidirectional overrides):
# never part of a name, an address or a note.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def one_line(text: str, field: str, label: Label) -> str:
    """Text typed into one field: runs of spaces, tabs and line breaks become one space; any other control
    character (ESC and its terminal sequences, C0, DEL, C1, bidirectional overrides) is refused."""
    value = " ".join((text or "").split())
    bad = next((c for c in value if unicodedata.category(c) == "Cc" or c in _BIDI_CONTROLS), None)
    if bad is not None:
        code = f"U+{ord(bad):04X}"
        raise InvalidInput(
            msg(
                "The {label} contains an invisible control character ({code}), perhaps pasted with it. Type it again "
                "without it.",
                label=label,
                code=code,
            ), field=field,
        )
    return value


def required_text(text: str, field: str, label: Label, limit: int) -> str:
    value = one_line(text, field, label)
    if not value:
        raise InvalidInput(msg("Please fill in the {label}.", label=label), field=field)
    if len(value) > limit:
        raise InvalidInput(msg("The {label} is too long (at most {limit} characters).", label=label, limit=limit),
                           field=field)
    return value


def plan(text: str) -> TariffPlan:
    try:
        return TariffPlan(text.strip())
    except ValueError:
        options = ", ".join(p.value for p in TariffPlan)
        raise InvalidInput(msg("Unknown tariff plan {text!r}; choose one of: {options}.", text=text, options=options),
                           field="plan") from None


def category(text: str) -> ConsumerCategory:
    try:
        return ConsumerCategory(text.strip())
    except ValueError:
        options = ", ".join(c.value for c in ConsumerCategory)
        raise InvalidInput(
            msg("Unknown consumer category {text!r}; choose one of: {options}.", text=text, options=options),
            field="category",
        ) from None


def digits(value: int | str) -> int:
    text = str(value).strip()
    if not _VALUE_RE.match(text) or not MIN_DIGITS <= int(text) <= MAX_DIGITS:
        raise InvalidInput(
            msg(
                "A meter shows {min_digits} to {max_digits} whole digits (before the comma); {value!r} is not that.",
                min_digits=MIN_DIGITS,
                max_digits=MAX_DIGITS,
                value=value,
            ),
            field="digits",
        )
    return int(text)


def serial(text: str) -> str:
    value = text.strip().lstrip("№").strip()
    if not value or len(value) > 40 or not re.match(r"^[\w\-/. ]+$", value):
        raise InvalidInput(msg("The meter's serial number {text!r} is not valid.", text=text), field="serial")
    return value


# Day, month and year with separators people use (point, comma, space, slash, dash), or eight or six digits.
_SEPARATED = re.compile(r"(\d{1,2})\s*[.,/\s-]\s*(\d{1,2})\s*[.,/\s-]\s*(\d{4}|\d{2})")
_DIGITS = re.compile(r"(\d{2})(\d{2})(\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_YEAR_WORD = re.compile(r"\s*(г|год|года)$", re.IGNORECASE)  # «10.01.2025 г.»


def read_typed_date(text: str, today: date, *, short_year: bool = True) -> tuple[int, int, int] | None:
    """The day, month and year written in `text` as people write them — 10.01.2025, 10.1.2025, 10 01 2025,
    10012025, 10,01,2025, 10.01.25, or ISO 2025-01-10 — not yet checked to exist; None when it is not written as a
    date. A two-digit year is this century's unless that would be more than ten years ahead (95 → 1995); with
    `short_year=False` it is not read (while typing, «10.01.20» may yet become 10.01.2025). The one rule of every
    front end: the window's day field and the command line's day arguments."""
    cleaned = _YEAR_WORD.sub("", text.strip().rstrip(".").strip()).strip()
    match = _ISO.fullmatch(cleaned)
    if match is not None:
        return int(match[3]), int(match[2]), int(match[1])
    match = _SEPARATED.fullmatch(cleaned) or _DIGITS.fullmatch(cleaned)
    if match is None:
        return None
    day, month, year = int(match[1]), int(match[2]), int(match[3])
    if len(match[3]) == 2:
        if not short_year:
            return None
        year += 2000 if 2000 + year <= today.year + 10 else 1900
    return day, month, year


def typed_day(text: str, today: date, field: str = "date") -> date:
    """A day typed by a person (see `read_typed_date`); InvalidInput naming `field` when it is not one."""
    parts = read_typed_date(text, today)
    if parts is None:
        raise InvalidInput(msg("A date is written as 05.11.2026 or 2026-11-05; got {text!r}.", text=text),
                           field=field)
    day, month, year = parts
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidInput(msg("There is no such date: {text!r}.", text=text), field=field) from None


def file_date(text: str, field: str = "date") -> date:
    """A date in a file: ours (2025-02-20) or a spreadsheet's (20.02.2025, also 20.2.2025)."""
    value = text.strip()
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", value)
    try:
        if match:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            msg("A date is written as 20.02.2025 or 2025-02-20; got {text!r}.", text=text), field=field
        ) from None


MAX_RECORD_NUMBER = 2**63 - 1  # SQLite's largest row number


def record_number(text: str | int) -> int:
    """The number of a reading (or a tariff offer) as Meter Journal lists it: a whole number SQLite can hold."""
    value = str(text).strip()
    if not _VALUE_RE.match(value) or not 1 <= int(value) <= MAX_RECORD_NUMBER:
        shown = value if len(value) <= 30 else value[:30] + "…"
        raise InvalidInput(
            msg(
                "There is no number {shown} in the journal: Meter Journal numbers its records with whole numbers "
                "such as 12.",
                shown=shown,
            ), field="id",
        )
    return int(value)


def not_in_future(day: date, today: date, field: str = "date") -> date:
    if day > today:
        raise InvalidInput(msg("The date {day} is in the future.", day=day), field=field)
    return day


def verification_year(value: int | None, field: str) -> int | None:
    if value is None:
        return None
    if not 1950 <= value <= 2100:
        raise InvalidInput(msg("The verification year {value} is not plausible.", value=value), field=field)
    return value


def zone_values(values: str | list[str] | tuple[int, ...], zones: int, digit_count: int) -> tuple[int, ...]:
    """Parse the integer value of each zone ("12345,6789" or a list). Digits after the comma are not
    entered; leading zeros are allowed as the meter shows them (its drums), no more: «0012504» on a meter of six
    digits is its red digit typed too, not 12,504 kWh."""
    if isinstance(values, list) and len(values) == zones:  # as a file's rows give them: most are digits only
        try:
            plain = all(map(str.isdecimal, values))  # what the checks below let through: `\d+` (any Unicode digit)
        except TypeError:  # not text
            plain = False
        if plain:
            numbers = tuple(map(int, values))
            if max(map(len, values), default=0) <= digit_count:
                return numbers
    items = [str(v) for v in values] if isinstance(values, list | tuple) else str(values).split(",")
    items = [item.strip() for item in items]
    items = [item.translate(_GROUP_SPACES) if _GROUPED_RE.match(item) else item for item in items]
    if len(items) != zones:
        if zones == 1 and isinstance(values, str):  # "1200,6": a reading with its tenths, not two zones
            raise InvalidInput(
                msg(
                    "A single-rate meter has one value: type only the digits before the comma (whole kWh), e.g. "
                    "1200; got {text!r}.",
                    text=values.strip(),
                ),
                field="values",
            )
        needs = {1: Label("one value"), 2: Label("two values (day, night)"),
                 3: Label("three values (peak, night, semi-peak)")}
        raise InvalidInput(msg("This tariff plan needs {values}, separated by commas; got {count}.",
                               values=needs[zones], count=len(items)), field="values")
    result: list[int] = []
    for index, item in enumerate(items, start=1):
        field = f"t{index}"
        if not item:
            raise InvalidInput(msg(
                "The value for {zone} is missing: type the digits before the comma.",
                zone=ZoneNumber(index),
            ), field=field)
        if item.startswith("-") and _VALUE_RE.match(item[1:]):
            raise InvalidInput(msg(
                "A meter reading cannot be negative; got {item} for {zone}.",
                item=item,
                zone=ZoneNumber(index),
            ), field=field)
        if not _VALUE_RE.match(item):
            raise InvalidInput(
                msg(
                    "Type only the digits before the comma, without letters or symbols; got {item!r} for {zone}.",
                    item=item,
                    zone=ZoneNumber(index),
                ),
                field=field,
            )
        number = int(item)
        if number >= 10**digit_count or len(item) > digit_count:
            raise InvalidInput(
                msg(
                    "The meter has {digit_count} digits before the comma, but {item} for {zone} has more. Leave "
                    "out the digits after the comma (often red).",
                    digit_count=digit_count,
                    item=item,
                    zone=ZoneNumber(index),
                ),
                field=field,
            )
        result.append(number)
    return tuple(result)
