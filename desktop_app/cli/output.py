"""Printing records as readable text or JSON."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any, TextIO

from journal.messages import Message
from journal.records import AccountInfo, HistoryRow, PeriodConsumption

if TYPE_CHECKING:
    from journal.owed import Owed, OwedPart


def to_jsonable(value: Any) -> Any:
    if isinstance(value, Message):
        return str(value)  # a message for people: its English
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple) and hasattr(value, "_asdict"):  # a named tuple record
        return {k: to_jsonable(v) for k, v in value._asdict().items()}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal | Enum):
        return str(value.value if isinstance(value, Enum) else value)
    return value


# Unicode's control characters (category Cc: U+0000–U+001F and U+007F–U+009F), but line breaks and tabs.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text for the terminal: a control character stored before the journal refused them (an ESC sequence in a
    name) is shown as «�», never sent raw; line breaks and tabs stay."""
    return _CONTROL.sub("\ufffd", text)


class PrintableOutput:
    """The commands' standard output, passed through `printable`: whatever a command prints from the journal
    reaches the terminal without control characters."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(printable(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def dumps(value: Any) -> str:
    return json.dumps(to_jsonable(value), ensure_ascii=False, indent=2)


# A history row and a period as one line of JSON each: the objects `to_jsonable` gives, written field by field.
# Ten thousand readings and as many periods make 20,000 lines; json's encoder took 8 µs a line (dates called back
# into Python), these 2.5 µs. Strings go through json's own escaping; a test compares the output with `dumps`.
_text = json.encoder.encode_basestring  # type: ignore[attr-defined]  # a JSON string, non-ASCII kept (as dumps)


def _ints(values: tuple[int, ...]) -> str:
    return "[" + ", ".join(map(str, values)) + "]"


def _history_line(row: HistoryRow) -> str:
    rid, mid, serial, plan, period, taken_on, values, used, previous, rollover, final, status = row
    used_text = "null" if used is None else _ints(used)
    previous_text = "null" if previous is None else f'"{previous.isoformat()}"'
    return (f'{{"reading_id": {rid}, "meter_id": {mid}, "meter_serial": {_text(serial)}, "plan": {_text(plan)}, '
            f'"period": {_text(period)}, "taken_on": "{taken_on.isoformat()}", "values": {_ints(values)}, '
            f'"consumption": {used_text}, "previous_date": {previous_text}, '
            f'"rollover": {"true" if rollover else "false"}, "is_final": {"true" if final else "false"}, '
            f'"status": {_text(status)}}}')


def _period_line(period: PeriodConsumption) -> str:
    zones = "[" + ", ".join(map(_text, period.zones)) + "]"
    return (f'{{"period": {_text(period.period)}, "zones": {zones}, "consumption": {_ints(period.consumption)}, '
            f'"first_date": "{period.first_date.isoformat()}", "last_date": "{period.last_date.isoformat()}"}}')


HISTORY_BATCH = 500  # readings written at a time


def write_history_json(out: TextIO, account: AccountInfo, rows: Iterable[HistoryRow],
                       periods_again: Callable[[], list[PeriodConsumption]]) -> None:
    """`history --json`: the object `dumps` gave for {"account", "readings", "periods"}, one reading or period
    a line, written while the history is read, so a long history is never held whole. The periods, summed on
    the way (`periods_in_order`), wait in a temporary file (in memory while small) until the readings are
    written. Should the readings not come in history order, `periods_again()` gives the periods instead."""
    from journal.history import NotInHistoryOrder, periods_in_order  # `history`'s own: not every command's

    head = dumps({"account": account})
    out.write(head[: head.rindex("\n")] + ',\n  "readings": [')
    lines: list[str] = []
    separator = "\n    "

    def flush() -> None:
        nonlocal separator
        if lines:
            out.write(separator + ",\n    ".join(lines))
            separator = ",\n    "
            lines.clear()

    def written(rows: Iterable[HistoryRow]) -> Iterator[HistoryRow]:
        for row in rows:  # each reading is written as it passes on to the period sums
            lines.append(_history_line(row))
            if len(lines) == HISTORY_BATCH:
                flush()
            yield row

    with tempfile.SpooledTemporaryFile(max_size=2**18, mode="w+", encoding="utf-8") as periods:
        def keep(items: Iterable[PeriodConsumption]) -> None:
            mark = "\n    "
            for period in items:
                periods.write(mark + _period_line(period))
                mark = ",\n    "

        passing = written(rows)
        try:
            keep(periods_in_order(passing))
        except NotInHistoryOrder:
            for _row in passing:  # the rest of the readings are written all the same
                pass
            periods.seek(0)
            periods.truncate()
            keep(periods_again())
        flush()
        out.write("\n  ],\n  \"periods\": [")
        periods.seek(0)
        while chunk := periods.read(2**16):
            out.write(chunk)
        out.write("\n  ]\n}\n")


STATUS_MARK = {"superseded": "superseded", "edited": "edited", "deleted": "deleted", "undone": "undone"}


def history_table(rows: list[HistoryRow]) -> str:
    """The readings as a text table; after a plan change, the columns of both plans' zones (a reading has
    values only in its own plan's zones)."""
    zones = list(dict.fromkeys(zone for row in rows for zone in row.plan.zones))
    head = ["#", "period", "date", "meter", *[str(z) for z in zones], *[f"{z} kWh" for z in zones], "note"]
    lines = [head]
    for row in rows:
        values = dict(zip(row.plan.zones, row.values, strict=True))
        used = dict(zip(row.plan.zones, row.consumption, strict=True)) if row.consumption is not None else {}
        notes = []
        if row.status != "active":
            notes.append(STATUS_MARK.get(row.status, row.status))
        if row.rollover:
            notes.append("rollover")
        if row.is_final:
            notes.append("final (meter replaced or plan changed)")
        lines.append([str(row.reading_id), row.period, row.taken_on.isoformat(), row.meter_serial,
                      *[str(values[z]) if z in values else "" for z in zones],
                      *[str(used[z]) if z in used else ("—" if z in values else "") for z in zones],
                      ", ".join(notes)])
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
                     for line in lines)


@cache
def _owed_words() -> dict[OwedPart, tuple[str, str]]:
    """Each part of what is owed: its words and its sign (journal.owed is imported by the commands that show it)."""
    from journal.owed import OwedPart

    return {OwedPart.CHARGE: ("charge for {period}", ""), OwedPart.DEBT: ("debt at the period's start", ""),
            OwedPart.OVERPAYMENT: ("overpayment at the period's start", "−"),
            OwedPart.PAID_IN_PERIOD: ("paid in the period", "−"), OwedPart.PAID_AFTER: ("paid after the period", "−")}


def owed_lines(owed: Owed) -> list[str]:
    """What the balance is made of, one indented line per part (the receipt shows the same)."""
    words = _owed_words()
    parts = [(words[part][0].format(period=owed.period), words[part][1] + f"{value:.2f}")
             for part, value in owed.parts()]
    width = max((len(label) for label, _ in parts), default=0)
    amount = max((len(value) for _, value in parts), default=0)
    return [f"  {label.ljust(width)}  {value.rjust(amount)}" for label, value in parts]
