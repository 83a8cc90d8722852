"""OData V2 value formats of SAP Gateway, read tolerantly (docs/PORTAL_API.md, "Formats")."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

_DATE_RE = re.compile(r"^/Date\((-?\d+)([+-]\d{4})?\)/$")
_NO_DATE_YEAR = 9999
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def results(payload: Any) -> list[dict[str, Any]]:
    """The entities of a collection: `{"d": {"results": [...]}}`, `{"results": [...]}`, `{"d": [...]}`, or a list.
    A deferred (not expanded) navigation gives an empty list."""
    if isinstance(payload, dict) and "d" in payload:
        payload = payload["d"]
    if isinstance(payload, dict) and "results" in payload:
        payload = payload["results"]
    if isinstance(payload, list):
        return [item for item in payload if isinstance(item, dict)]
    return []


def entity(payload: Any) -> dict[str, Any]:
    """A single entity: `{"d": {...}}` or the dict itself."""
    if isinstance(payload, dict) and isinstance(payload.get("d"), dict):
        payload = payload["d"]
        if "results" in payload and isinstance(payload["results"], dict):  # some gateways wrap even singles
            payload = payload["results"]
    return payload if isinstance(payload, dict) else {}


def text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def parse_datetime(value: Any) -> datetime | None:
    """`/Date(ms)/` (UTC) or `yyyy-MM-ddTHH:mm:ss`; year 9999 means "none"."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    raw = str(value).strip()
    match = _DATE_RE.match(raw)
    if match:
        moment = EPOCH + timedelta(milliseconds=int(match.group(1)))
        if match.group(2):  # /Date(ms+0300)/: the offset is informative; ms are UTC already
            pass
        result = moment.replace(tzinfo=None)
    else:
        try:
            result = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            return None
        if result.tzinfo is not None:
            result = result.astimezone(UTC).replace(tzinfo=None)
    return None if result.year >= _NO_DATE_YEAR else result


def parse_date(value: Any) -> date | None:
    moment = parse_datetime(value)
    return None if moment is None else moment.date()


def odata_date(day: date) -> str:
    """A day as `/Date(ms)/`, midnight UTC (what the existing clients send)."""
    moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return f"/Date({int((moment - EPOCH).total_seconds()) * 1000})/"


def parse_decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        result = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None
    return result if result.is_finite() else None


def money(value: Any) -> Decimal | None:
    amount = parse_decimal(value)
    return None if amount is None else amount.quantize(Decimal("0.01"))


def parse_int(value: Any) -> int | None:
    number = parse_decimal(value)
    if number is None or number != number.to_integral_value():
        return None
    return int(number)


def quote_key(value: str) -> str:
    """An OData string key literal: quotes doubled."""
    return "'" + value.replace("'", "''") + "'"


def normalize_serial(value: Any) -> str:
    """Serial numbers compared without "№", spaces, dashes, case and leading zeros."""
    raw = text(value).upper().replace("№", "").replace("N°", "")
    raw = re.sub(r"[\s\-_/.]", "", raw)
    return raw.lstrip("0") or raw
