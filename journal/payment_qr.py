"""The payment QR code's text per GOST R 56042-2014 (docs/DOMAIN.md): a pure function, no drawing.

    ST00012|Name=...|PersonalAcc=...|BankName=...|BIC=...|CorrespAcc=...|PayeeINN=...|KPP=...|Purpose=...
    |Sum=<kopecks>|lastName=...|firstName=...|middleName=...|payerAddress=...|persAcc=...|paymPeriod=MMYYYY
    |techCode=02

`ST0001` + `2` (UTF-8) + the separator `|`; the five mandatory fields first, in the standard's order (some
bank apps need it), then the optional ones. Values are cut to the standard's lengths; a `|` inside a value
is replaced by `/` (some bank parsers ignore the standard's alternative-separator rule) and line breaks
by spaces. Empty optional values are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from journal.errors import InvalidInput
from journal.messages import msg

HEADER = "ST00012"
SEPARATOR = "|"
SEPARATOR_REPLACEMENT = "/"
TECH_CODE_HOUSING = "02"  # housing and utilities

# The lengths the standard allows (in characters); fields not listed are not cut.
LIMITS = {
    "Name": 160, "PersonalAcc": 20, "BankName": 45, "BIC": 9, "CorrespAcc": 20,
    "PayeeINN": 12, "KPP": 9, "Purpose": 160, "Sum": 18,
}
MANDATORY = ("Name", "PersonalAcc", "BankName", "BIC", "CorrespAcc")
_PERIOD_RE = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, slots=True)
class PayerName:
    last: str
    first: str = ""
    middle: str = ""


def split_full_name(full_name: str) -> PayerName:
    """«Иванова Мария Петровна» → last, first, middle; a longer patronymic (…оглы) stays in `middle`."""
    parts = full_name.split()
    if not parts:
        return PayerName("")
    return PayerName(parts[0], parts[1] if len(parts) > 1 else "", " ".join(parts[2:]))


def clean_value(value: str, limit: int | None = None) -> str:
    text = " ".join(str(value).replace(SEPARATOR, SEPARATOR_REPLACEMENT).split())
    return text[:limit] if limit is not None else text


def kopecks(amount: Decimal) -> int:
    """Roubles (Decimal, at most 2 decimals) → whole kopecks."""
    value = amount * 100
    if value != value.to_integral_value() or value < 0:
        raise InvalidInput(msg("An amount to pay is roubles and kopecks, zero or more; got {amount}.", amount=amount),
                           field="amount")
    return int(value)


def payment_period(period: str) -> str:
    """"2026-10" → "102026" (MMYYYY)."""
    match = _PERIOD_RE.match(period)
    if not match:
        raise InvalidInput(msg("A period is written as YYYY-MM; got {period!r}.", period=period), field="period")
    return match.group(2) + match.group(1)


def payment_payload(
    *,
    name: str,
    personal_acc: str,
    bank_name: str,
    bic: str,
    corresp_acc: str,
    payee_inn: str = "",
    kpp: str = "",
    purpose: str = "",
    amount: Decimal | None = None,
    payer: PayerName | None = None,
    payer_address: str = "",
    pers_acc: str = "",
    period: str = "",
    tech_code: str = TECH_CODE_HOUSING,
) -> str:
    """The QR code's text. `amount` in roubles becomes `Sum` in kopecks; `period` (YYYY-MM) `paymPeriod`."""
    payer = payer or PayerName("")
    fields: list[tuple[str, str]] = [
        ("Name", name), ("PersonalAcc", personal_acc), ("BankName", bank_name), ("BIC", bic),
        ("CorrespAcc", corresp_acc), ("PayeeINN", payee_inn), ("KPP", kpp), ("Purpose", purpose),
        ("Sum", "" if amount is None else str(kopecks(amount))),
        ("lastName", payer.last), ("firstName", payer.first), ("middleName", payer.middle),
        ("payerAddress", payer_address), ("persAcc", pers_acc),
        ("paymPeriod", payment_period(period) if period else ""), ("techCode", tech_code),
    ]
    pairs = []
    for key, value in fields:
        text = clean_value(value, LIMITS.get(key))
        if not text:
            if key in MANDATORY:
                raise InvalidInput(msg("The payment QR code needs the payee's {key}.", key=key), field=key)
            continue
        pairs.append(f"{key}={text}")
    return SEPARATOR.join([HEADER, *pairs])


def parse_payload(text: str) -> dict[str, str]:
    """The fields of a payload (for tests and for reading a code back); keys as written."""
    header, _, rest = text.partition(SEPARATOR)
    if header != HEADER:
        raise ValueError(f"not a GOST R 56042 UTF-8 payload: {header!r}")
    return dict(item.split("=", 1) for item in rest.split(SEPARATOR) if item)
