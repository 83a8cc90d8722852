"""Money and prices as people type them (journal.amounts): one number however it is written, or a clear refusal."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.amounts import MAX_MONEY, parse_money, parse_price, parse_signed_money
from journal.errors import InvalidInput

SPACES = [" ", "\u00a0", "\u202f"]  # a space, a no-break space, a narrow no-break space


@pytest.mark.parametrize(
    "text",
    ["1250,50", "1250.50", "1 250,50", "1\u00a0250,50", "1\u202f250,50", "1\u2009250,50", "1250,50 ₽", "1250,50₽",
     "1250,50 руб.", "1 250,50 руб", "1250,50 р.", "1 250.50", "1,250.50", "1.250,50", " 1 250,50 "],
)
def test_one_amount_however_it_is_written(text: str) -> None:
    assert str(parse_money(text)) == "1250.50"
    assert str(parse_signed_money(text)) == "1250.50"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("6,95", "6.95"), ("6.95", "6.95"), (" 4,1700 ", "4.1700"), ("7", "7"), ("0,5", "0.5"), ("6,95 ₽", "6.95"),
     ("6,95 руб.", "6.95"), ("6,95 ₽/кВт·ч", "6.95"), ("6.95 руб./кВтч", "6.95"), ("+6,95", "6.95")],
)
def test_a_price_is_kept_as_typed(text: str, expected: str) -> None:
    value = parse_price(text)
    assert isinstance(value, Decimal) and str(value) == expected  # 4,1700 stays 4.1700, as printed on the bill


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1500", "1500.00"), ("0,01", "0.01"), ("99,9", "99.90"), ("1 250 000", "1250000.00"),
     ("1.250.000", "1250000.00"), ("1,250,000", "1250000.00"), ("10 000 000", "10000000.00")],
)
def test_parse_money_accepts(text: str, expected: str) -> None:
    assert str(parse_money(text)) == expected


REFUSED_MONEY = [
    ("0", "greater than zero"),
    ("0,00", "greater than zero"),
    ("-5", "cannot be negative"),
    ("−1 250,50", "cannot be negative"),
    ("12.345", "at most 2 decimal places"),
    ("1,234", "at most 2 decimal places"),  # a Russian 1,234 is one rouble and 234 thousandths
    ("1 250,505", "at most 2 decimal places"),
    ("1,2,3", "'1,2,3' has more than one comma, and they do not separate thousands"),
    ("1.25.50", "'1.25.50' has more than one point, and they do not separate thousands"),
    ("1 250,50,00", "has more than one comma"),
    ("1,250.000,5", "mixes points and commas"),
    ("1 250.000,50", "mixes points and commas"),
    ("12 34", "'12 34' is not an amount"),
    ("1  250", "is not an amount"),
    ("1250,", "is not an amount"),
    (",50", "is not an amount"),
    ("abc", "'abc' is not an amount"),
    ("сто", "is not an amount"),
    ("12р50", "is not an amount"),
    ("1250 рублей", "is not an amount"),
    ("NaN", "is not an amount"),
    ("1e3", "is not an amount"),
    ("--5", "is not an amount"),
    ("10 000 000,01", "above 10 000 000 ₽"),
    ("", "Enter the amount"),
    ("   ", "Enter the amount"),
]


@pytest.mark.parametrize(("text", "words"), REFUSED_MONEY)
def test_parse_money_refuses(text: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=re.escape(words)) as caught:
        parse_money(text)
    assert caught.value.field == "amount"
    assert "\n" not in caught.value.message


@pytest.mark.parametrize(
    ("text", "words"),
    [("-6,95", "cannot be negative"), ("0", "greater than zero"), ("0,0000", "greater than zero"),
     ("abc", "'abc' is not a price"), ("6,9x", "is not a price"), ("1.2.3", "has more than one point"),
     ("6,12345", "at most 4 decimal places"), ("", "Enter the price"), ("100", "far above"),
     ("695", "far above"), ("1 250,50", "far above")],
)
def test_parse_price_refuses(text: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=re.escape(words)) as caught:
        parse_price(text)
    assert caught.value.field == "price"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0", "0.00"), ("-0", "0.00"), ("1 250,40", "1250.40"), ("-312,5", "-312.50"), ("−312,50 ₽", "-312.50"),
     ("– 312.5", "-312.50"), ("+12", "12.00")],
)
def test_parse_signed_money(text: str, expected: str) -> None:
    assert str(parse_signed_money(text)) == expected


def test_parse_signed_money_refuses() -> None:
    with pytest.raises(InvalidInput, match="at most 2 decimal places") as caught:
        parse_signed_money("-1,234")
    assert caught.value.field == "balance"
    with pytest.raises(InvalidInput, match="not an amount"):
        parse_signed_money("--5")
    with pytest.raises(InvalidInput, match="above 10 000 000"):
        parse_signed_money("-10 000 001")


# --- round trips: whatever way the product or a person writes a value, it reads back as the same value ---------

kopecks = st.integers(min_value=1, max_value=int(MAX_MONEY * 100)).map(lambda k: Decimal(k).scaleb(-2))
prices = st.builds(lambda units, places: Decimal(units).scaleb(-places),
                   st.integers(min_value=1, max_value=999_999), st.integers(min_value=0, max_value=4)
                   ).filter(lambda p: p < 100)


def russian(value: Decimal, space: str, unit: str) -> str:
    """As a Russian writes it: thousands grouped by `space`, a decimal comma, then maybe ₽ or руб."""
    whole, _, fraction = f"{value:,.2f}".partition(".")
    return whole.replace(",", space) + "," + fraction + unit


@given(kopecks)
def test_the_command_lines_own_output_reads_back(value: Decimal) -> None:
    assert parse_money(f"{value:.2f}") == value  # payment list, balance: 1250.50
    assert parse_signed_money(f"{-value:.2f}") == -value


@given(kopecks, st.sampled_from(SPACES), st.sampled_from(["", " ₽", "₽", " руб.", " руб", " р."]))
def test_money_written_the_russian_way_reads_back(value: Decimal, space: str, unit: str) -> None:
    text = russian(value, space, unit)
    assert parse_money(text) == value, text
    assert str(parse_money(text)) == f"{value:.2f}"
    assert parse_signed_money("−" + text) == -value


@given(kopecks)
def test_money_written_the_english_way_reads_back(value: Decimal) -> None:
    assert parse_money(f"{value:,.2f}") == value  # 1,250.50, as some bank apps show it


@given(prices, st.sampled_from([".", ","]), st.sampled_from(["", " ₽", " ₽/кВт·ч"]))
def test_a_price_reads_back_with_its_decimals(value: Decimal, mark: str, unit: str) -> None:
    text = format(value, "f").replace(".", mark) + unit  # tariff list prints 4.1700; a bill prints 4,17
    parsed = parse_price(text)
    assert parsed == value and str(parsed) == format(value, "f")


@given(kopecks, st.integers(min_value=1, max_value=9))
def test_a_third_decimal_is_always_refused_for_money(value: Decimal, extra: int) -> None:
    with pytest.raises(InvalidInput, match="at most 2 decimal places"):
        parse_money(f"{value:.2f}".replace(".", ",") + str(extra))


@given(kopecks, st.text(alphabet="abcxyzабвгдеёжзийклмнопстуфхцчшщъыьэюяeE%$#", min_size=1, max_size=3))
def test_letters_are_always_refused(value: Decimal, letters: str) -> None:
    with pytest.raises(InvalidInput):
        parse_money(f"{value:.2f}".replace(".", ",") + letters)
    with pytest.raises(InvalidInput):
        parse_money(letters + f"{value:.2f}")
