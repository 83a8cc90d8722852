"""Money and prices as people type them: one reading of a typed number for the window and the command line.

A Russian writes 6,95 and 1 250,50 ₽; a bank's app may show 1,250.50. Each of these is one number:
- the decimal mark is a comma or a point, written once;
- thousands may be grouped by a space (also a no-break, narrow no-break or thin space), or, when the other mark
  is the decimal one or the mark repeats, by points or commas — always in groups of three digits;
- a rouble sign or word may follow (₽, руб., р.), for a price also «/кВт·ч»; a minus or plus may lead.
Anything else is refused with a sentence saying how to write it: letters, a mark that is neither a decimal nor a
thousands group (1,2,3), more decimals than the kind allows, a minus where none is allowed. Each sentence begins
with words, not with the text typed, so that one inside another ("Zone night: …") is still translated whole.

Meter readings are not read here: they are whole kWh, one per zone, and on the command line "1200,600" means
day 1200 and night 600 (journal.validation.zone_values).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from journal.errors import InvalidInput
from journal.messages import Message, msg

MAX_PRICE = Decimal("99.9999")
MAX_PRICE_DECIMALS = 4
MAX_MONEY = Decimal(10_000_000)
MONEY_STEP = Decimal("0.01")

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " "})
_SIGNS = {"-": True, "−": True, "–": True, "+": False}
_UNIT = re.compile(r"\s*(?:₽|руб\.?|р\.?)(?:\s*/\s*квт\s*[·⋅.*]?\s*ч\.?)?\s*$", re.IGNORECASE)
_BODY = re.compile(r"[\d .,]+")
_GROUPED = re.compile(r"\d{1,3}(?:(?P<mark>[ .,])\d{3})(?:(?P=mark)\d{3})*")


@dataclass(frozen=True)
class NumberRules:
    """What a kind of number allows, and the sentences that refuse it ({raw} is what was typed)."""

    decimals: int
    maximum: Decimal
    example: str
    empty: Message
    not_a_number: Message
    too_many_decimals: Message
    too_large: Message
    negative: Message | None = None  # None: a minus is allowed
    zero: Message | None = None  # None: zero is allowed


PRICE = NumberRules(
    decimals=MAX_PRICE_DECIMALS,
    maximum=MAX_PRICE,
    example="6,95",
    empty=msg("Enter the price per kWh printed on your bill, e.g. 6,95."),
    not_a_number=msg("The text {raw!r} is not a price. Write the price per kWh in roubles, e.g. 6,95."),
    too_many_decimals=msg("A price has at most 4 decimal places, e.g. 6,95 or 4,1700; got {raw}."),
    too_large=msg(
        "A price of {raw} per kWh is far above any household tariff. Enter the price per kWh printed on your bill, "
        "e.g. 6,95.",
    ),
    negative=msg("A price cannot be negative; got {raw}. Enter the price printed on your bill, e.g. 6,95."),
    zero=msg("A price must be greater than zero; got {raw}. Enter the price printed on your bill."),
)
PAYMENT = NumberRules(
    decimals=2,
    maximum=MAX_MONEY,
    example="1 250,50",
    empty=msg("Enter the amount in roubles, e.g. 1 250,50."),
    not_a_number=msg("The text {raw!r} is not an amount. Write roubles and kopecks, e.g. 1 250,50."),
    too_many_decimals=msg("An amount has at most 2 decimal places (kopecks); got {raw}. Write it like 1 250,50."),
    too_large=msg("An amount of {raw} is above 10 000 000 ₽; check the figure."),
    negative=msg("An amount paid cannot be negative; got {raw}. Enter the sum you paid."),
    zero=msg("An amount paid must be greater than zero; got {raw}."),
)
BALANCE = NumberRules(
    decimals=2,
    maximum=MAX_MONEY,
    example="1 250,50",
    empty=msg("Enter the opening balance in roubles: positive for a debt, negative for an advance, or 0."),
    not_a_number=PAYMENT.not_a_number,
    too_many_decimals=PAYMENT.too_many_decimals,
    too_large=PAYMENT.too_large,
)


def _grouping_ok(integer: str) -> bool:
    return integer.isdigit() or _GROUPED.fullmatch(integer) is not None


def _split(raw: str, body: str, rules: NumberRules, field: str) -> tuple[str, str]:
    """The digits before and after the decimal mark; thousands marks removed."""
    marks = [c for c in body if c in ".,"]
    kinds = set(marks)
    if len(kinds) == 2:  # 1,250.50 or 1.250,50: the last mark is the decimal one, the other groups thousands
        decimal_mark = marks[-1]
        if marks.count(decimal_mark) > 1 or " " in body:
            raise InvalidInput(
                msg(
                    "The text {raw!r} mixes points and commas in a way that is not one number. Write it like "
                    "{example}.",
                    raw=raw,
                    example=rules.example,
                ),
                field=field)
        integer, fraction = body.rsplit(decimal_mark, 1)
    elif len(marks) == 1:
        integer, fraction = body.split(marks[0])
    elif marks:  # the same mark twice or more: only thousands groups (1.250.000) are one number
        if " " in body or _GROUPED.fullmatch(body) is None:
            raise InvalidInput(
                msg(
                    "The number {raw!r} has more than one comma, and they do not separate thousands. Write one comma "
                    "before the decimals, e.g. {example}.",
                    raw=raw,
                    example=rules.example,
                ) if marks[0] == "," else
                msg(
                    "The number {raw!r} has more than one point, and they do not separate thousands. Write one comma "
                    "before the decimals, e.g. {example}.",
                    raw=raw,
                    example=rules.example,
                ),
                field=field)
        integer, fraction = body, ""
    else:
        integer, fraction = body, ""
    if not integer or not _grouping_ok(integer) or (fraction == "" and len(marks) == 1):
        raise InvalidInput(rules.not_a_number.with_values(raw=raw), field=field)
    if fraction and not fraction.isdigit():
        raise InvalidInput(rules.not_a_number.with_values(raw=raw), field=field)
    return re.sub(r"\D", "", integer), fraction


def parse_number(text: str, rules: NumberRules, *, field: str) -> Decimal:
    """The number typed in `text` under `rules`, as a Decimal with the decimals typed (never a float)."""
    raw = text.translate(_SPACES).strip()
    if not raw:
        raise InvalidInput(rules.empty, field=field)
    body = _UNIT.sub("", raw)
    negative = False
    if body[:1] in _SIGNS:
        negative, body = _SIGNS[body[0]], body[1:].strip()
    if not body or _BODY.fullmatch(body) is None:
        raise InvalidInput(rules.not_a_number.with_values(raw=raw), field=field)
    integer, fraction = _split(raw, body, rules, field)
    if negative and rules.negative is not None:
        raise InvalidInput(rules.negative.with_values(raw=raw), field=field)
    if len(fraction) > rules.decimals:
        raise InvalidInput(rules.too_many_decimals.with_values(raw=raw), field=field)
    value = Decimal(f"{integer}.{fraction}" if fraction else integer)
    if value > rules.maximum:
        raise InvalidInput(rules.too_large.with_values(raw=raw), field=field)
    if value == 0:
        if rules.zero is not None:
            raise InvalidInput(rules.zero.with_values(raw=raw), field=field)
        negative = False
    return -value if negative else value


def parse_price(text: str, *, field: str = "price") -> Decimal:
    """A price in ₽/kWh: positive, below 100, up to 4 decimals, kept as typed ("4,1700" stays 4.1700)."""
    return parse_number(text, PRICE, field=field)


def parse_money(text: str, *, field: str = "amount") -> Decimal:
    """A sum paid or to pay, in ₽: positive, at most 2 decimals, up to 10 000 000; in kopecks (1500 → 1500.00)."""
    return parse_number(text, PAYMENT, field=field).quantize(MONEY_STEP)


def parse_signed_money(text: str, *, field: str = "balance") -> Decimal:
    """An opening balance in ₽: positive = debt, negative = advance (overpayment), zero allowed."""
    return parse_number(text, BALANCE, field=field).quantize(MONEY_STEP)
