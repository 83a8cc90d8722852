"""Price book, shipped tariff table and the prices of a plan's zones as typed (one number: test_amounts.py)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from journal.errors import InvalidInput, JournalError
from journal.tariffs import (
    VOLUME_BANDS,
    PriceBook,
    PriceEntry,
    UnknownPrice,
    load_price_csv,
    shipped_entries,
    unknown_price_message,
)
from journal.typed_prices import check_price_date, parse_prices
from journal.zones import ConsumerCategory, TariffPlan, Zone

GAS = ConsumerCategory.URBAN_GAS
ELECTRIC = ConsumerCategory.URBAN_ELECTRIC
RURAL = ConsumerCategory.RURAL
SINGLE = TariffPlan.SINGLE
TWO = TariffPlan.TWO_ZONE
THREE = TariffPlan.THREE_ZONE

# docs/DOMAIN.md, urban housing with gas stoves, band I:
# valid from: single, day, night (2-zone), peak, semi-peak, night (3-zone)
GAS_TABLE = {
    date(2016, 7, 1): ("3.67", "3.85", "1.90", None, None, None),  # in force until 2017-06-30
    date(2017, 7, 1): ("3.84", "4.08", "2.01", "4.10", "3.84", "2.01"),
    date(2021, 1, 1): ("4.32", "4.82", "2.37", "4.84", "4.32", "2.37"),
    date(2021, 7, 1): ("4.46", "5.08", "2.50", "5.10", "4.46", "2.50"),
    date(2022, 7, 1): ("4.62", None, None, None, None, None),
    date(2022, 12, 1): ("5.04", "5.61", "2.80", "6.21", "4.83", "2.80"),
    date(2024, 7, 1): ("5.48", "6.42", "3.21", "6.79", "5.33", "3.21"),
    date(2025, 7, 1): ("6.16", "7.18", None, "8.37", "6.16", "3.56"),
    date(2026, 1, 1): ("6.25", "7.29", "3.76", "8.50", "6.26", "3.61"),
    date(2026, 10, 1): ("6.95", "8.20", "4.17", "9.57", "6.95", "4.07"),
}
GAS_COLUMNS = (
    (SINGLE, Zone.SINGLE),
    (TWO, Zone.DAY),
    (TWO, Zone.NIGHT),
    (THREE, Zone.PEAK),
    (THREE, Zone.SEMI_PEAK),
    (THREE, Zone.NIGHT),
)
# docs/DOMAIN.md, urban with electric stove / heating and rural (factor 0.7): (plan, zone) -> price.
REDUCED_TABLE = {
    date(2016, 7, 1): {(SINGLE, Zone.SINGLE): "2.57"},  # in force until 2017-06-30
    date(2017, 7, 1): {(SINGLE, Zone.SINGLE): "2.69"},
    date(2021, 1, 1): {(SINGLE, Zone.SINGLE): "3.02", (TWO, Zone.DAY): "3.36", (TWO, Zone.NIGHT): "1.66"},
    date(2021, 7, 1): {(SINGLE, Zone.SINGLE): "3.12", (TWO, Zone.DAY): "3.54", (TWO, Zone.NIGHT): "1.75"},
    date(2026, 1, 1): {(SINGLE, Zone.SINGLE): "4.38"},
    date(2026, 10, 1): {(SINGLE, Zone.SINGLE): "4.87"},
}


@pytest.fixture(scope="module")
def book() -> PriceBook:
    return PriceBook.shipped()


def _price(book: PriceBook, category, plan, zone, day) -> Decimal | None:
    return book.price_on(category, plan, zone, day).price


# --- the shipped table reproduces docs/DOMAIN.md -------------------------------------------------------


@pytest.mark.parametrize("valid_from", sorted(GAS_TABLE))
def test_shipped_gas_prices_reproduce_the_published_ones(book: PriceBook, valid_from: date) -> None:
    for (plan, zone), expected in zip(GAS_COLUMNS, GAS_TABLE[valid_from], strict=True):
        if expected is None:
            with pytest.raises(UnknownPrice):
                book.price_on(GAS, plan, zone, valid_from)
        else:
            entry = book.price_on(GAS, plan, zone, valid_from)
            assert entry.price == Decimal(expected), (plan, zone, valid_from)
            assert entry.valid_from == valid_from
            assert not entry.user


def test_shipped_2026_prices_exactly() -> None:
    book = PriceBook.shipped()
    # 2026-01-01: single 6.25, day 7.29, night 3.76, peak 8.50, semi-peak 6.26, night (3-zone) 3.61
    assert _price(book, GAS, SINGLE, Zone.SINGLE, date(2026, 3, 15)) == Decimal("6.25")
    assert _price(book, GAS, TWO, Zone.DAY, date(2026, 3, 15)) == Decimal("7.29")
    assert _price(book, GAS, TWO, Zone.NIGHT, date(2026, 3, 15)) == Decimal("3.76")
    assert _price(book, GAS, THREE, Zone.PEAK, date(2026, 3, 15)) == Decimal("8.50")
    assert _price(book, GAS, THREE, Zone.SEMI_PEAK, date(2026, 3, 15)) == Decimal("6.26")
    assert _price(book, GAS, THREE, Zone.NIGHT, date(2026, 9, 30)) == Decimal("3.61")
    # 2026-10-01: single 6.95, day 8.20, night 4.17, peak 9.57, semi-peak 6.95, night (3-zone) 4.07
    assert _price(book, GAS, SINGLE, Zone.SINGLE, date(2026, 10, 1)) == Decimal("6.95")
    assert _price(book, GAS, TWO, Zone.DAY, date(2026, 10, 1)) == Decimal("8.20")
    assert _price(book, GAS, TWO, Zone.NIGHT, date(2026, 10, 1)) == Decimal("4.17")
    assert _price(book, GAS, THREE, Zone.PEAK, date(2026, 10, 1)) == Decimal("9.57")
    assert _price(book, GAS, THREE, Zone.SEMI_PEAK, date(2026, 10, 1)) == Decimal("6.95")
    assert _price(book, GAS, THREE, Zone.NIGHT, date(2026, 11, 28)) == Decimal("4.07")
    for category in (ELECTRIC, RURAL):
        assert _price(book, category, SINGLE, Zone.SINGLE, date(2026, 1, 1)) == Decimal("4.38")
        assert _price(book, category, SINGLE, Zone.SINGLE, date(2026, 10, 1)) == Decimal("4.87")


@pytest.mark.parametrize("category", [ELECTRIC, RURAL])
def test_shipped_reduced_prices_reproduce_the_published_ones(book: PriceBook, category) -> None:
    for valid_from, prices in REDUCED_TABLE.items():
        for (plan, zone), expected in prices.items():
            assert _price(book, category, plan, zone, valid_from) == Decimal(expected)


def test_prices_hold_until_the_next_entry(book: PriceBook) -> None:
    assert _price(book, GAS, SINGLE, Zone.SINGLE, date(2018, 6, 30)) == Decimal("3.84")
    assert _price(book, GAS, TWO, Zone.DAY, date(2022, 6, 30)) == Decimal("5.08")
    assert _price(book, GAS, SINGLE, Zone.SINGLE, date(2022, 11, 30)) == Decimal("4.62")
    # No change on 2023-07-01: the prices of 2022-12-01 hold until 2024-06-30.
    assert _price(book, GAS, THREE, Zone.PEAK, date(2023, 7, 1)) == Decimal("6.21")
    assert _price(book, GAS, SINGLE, Zone.SINGLE, date(2024, 6, 30)) == Decimal("5.04")
    assert _price(book, GAS, TWO, Zone.DAY, date(2025, 6, 30)) == Decimal("6.42")
    assert _price(book, GAS, SINGLE, Zone.SINGLE, date(2025, 12, 31)) == Decimal("6.16")
    assert _price(book, RURAL, TWO, Zone.NIGHT, date(2022, 6, 30)) == Decimal("1.75")


@pytest.mark.parametrize(
    ("category", "plan", "zone", "day"),
    [
        (GAS, SINGLE, Zone.SINGLE, date(2019, 5, 15)),  # 2018–2020 unknown
        (GAS, THREE, Zone.PEAK, date(2020, 12, 31)),
        (GAS, TWO, Zone.NIGHT, date(2025, 7, 1)),  # the 2025 two-zone night price is unknown
        (GAS, TWO, Zone.DAY, date(2022, 8, 1)),  # the zone prices of 2022-07-01 are unknown
        (GAS, THREE, Zone.SEMI_PEAK, date(2022, 11, 30)),
        (RURAL, TWO, Zone.NIGHT, date(2022, 7, 1)),  # 0.7 prices of 2022-07-01 unknown
        (GAS, THREE, Zone.PEAK, date(2017, 6, 30)),  # three zones before 2017-07-01 not published
        (ELECTRIC, SINGLE, Zone.SINGLE, date(2023, 5, 1)),  # 0.7 single unknown 2022-12..2025
        (RURAL, SINGLE, Zone.SINGLE, date(2025, 12, 31)),
        (RURAL, TWO, Zone.DAY, date(2026, 2, 1)),  # 0.7 zone prices unknown after 2022-12-01
        (ELECTRIC, THREE, Zone.SEMI_PEAK, date(2021, 8, 1)),  # never published
        (GAS, SINGLE, Zone.SINGLE, date(2016, 6, 30)),  # before the first entry
    ],
)
def test_unknown_periods_raise(book: PriceBook, category, plan, zone, day) -> None:
    with pytest.raises(UnknownPrice):
        book.price_on(category, plan, zone, day)


def test_unknown_price_message_names_date_category_plan_zone(book: PriceBook) -> None:
    with pytest.raises(UnknownPrice) as caught:
        book.price_on(GAS, TWO, Zone.NIGHT, date(2025, 8, 1))
    error = caught.value
    assert (error.day, error.category, error.plan, error.zone) == (date(2025, 8, 1), GAS, TWO, Zone.NIGHT)
    assert error.field == "price"
    assert error.message == (
        "No price is known for 2025-08-01, category urban-gas, plan two-zone, zone night. "
        "Enter the price printed on your bill: "
        "tariff set --category urban-gas --plan two-zone --from 2025-07-01 DAY NIGHT"
    )
    assert str(error) == error.message


def test_unknown_price_in_2019_suggests_the_tariff_year_start(book: PriceBook) -> None:
    with pytest.raises(UnknownPrice) as caught:
        book.price_on(RURAL, THREE, Zone.NIGHT, date(2019, 3, 10))
    message = caught.value.message
    for part in ("2019-03-10", "rural", "three-zone", "zone night", "--from 2018-07-01 PEAK NIGHT SEMI-PEAK"):
        assert part in message
    # After 1 July the suggestion moves to that year's 1 July.
    with pytest.raises(UnknownPrice) as caught:
        book.price_on(GAS, SINGLE, Zone.SINGLE, date(2020, 8, 1))
    assert caught.value.start == date(2020, 7, 1)


def test_unknown_price_suggests_the_latest_change_date(book: PriceBook) -> None:
    # 0.7 zone prices are unknown in 2026, but prices changed on 2026-01-01.
    with pytest.raises(UnknownPrice) as caught:
        book.price_on(ELECTRIC, TWO, Zone.NIGHT, date(2026, 2, 1))
    assert caught.value.start == date(2026, 1, 1)


def test_message_builder_is_reusable() -> None:
    text = str(unknown_price_message(date(2025, 8, 14), GAS, TWO, Zone.DAY, date(2025, 7, 1)))
    assert text.startswith("No price is known for 2025-08-14, category urban-gas, plan two-zone, zone day.")
    assert text.endswith("--from 2025-07-01 DAY NIGHT")


# --- user prices ---------------------------------------------------------------------------------


def _user(plan, zone, day: date, price: str, category=GAS, band: int = 1) -> PriceEntry:
    return PriceEntry(category, plan, zone, day, Decimal(price), "my bill", band=band)


def test_user_price_fills_the_unknown_and_shipped_later_entry_takes_over(book: PriceBook) -> None:
    mine = book.with_user_prices(
        [_user(TWO, Zone.DAY, date(2025, 7, 1), "7.01"), _user(TWO, Zone.NIGHT, date(2025, 7, 1), "3.52")]
    )
    entry = mine.price_on(GAS, TWO, Zone.DAY, date(2025, 8, 1))
    assert entry.price == Decimal("7.01") and entry.user
    assert mine.price_on(GAS, TWO, Zone.NIGHT, date(2025, 12, 31)).price == Decimal("3.52")
    assert mine.price_on(GAS, TWO, Zone.DAY, date(2026, 1, 1)).price == Decimal("7.29")  # shipped again
    assert mine.price_on(GAS, TWO, Zone.DAY, date(2025, 6, 30)).price == Decimal("6.42")
    # The original book is unchanged.
    with pytest.raises(UnknownPrice):
        book.price_on(GAS, TWO, Zone.NIGHT, date(2025, 8, 1))


def test_user_price_wins_over_shipped_at_the_same_date(book: PriceBook) -> None:
    mine = book.with_user_prices([_user(SINGLE, Zone.SINGLE, date(2026, 1, 1), "6.30")])
    assert mine.price_on(GAS, SINGLE, Zone.SINGLE, date(2026, 1, 1)).price == Decimal("6.30")
    assert mine.price_on(GAS, SINGLE, Zone.SINGLE, date(2026, 9, 30)).price == Decimal("6.30")
    assert mine.price_on(GAS, SINGLE, Zone.SINGLE, date(2026, 10, 1)).price == Decimal("6.95")


def test_user_price_inside_a_known_period_wins_from_its_start_date(book: PriceBook) -> None:
    mine = book.with_user_prices([_user(SINGLE, Zone.SINGLE, date(2026, 3, 1), "6.27")])
    assert mine.price_on(GAS, SINGLE, Zone.SINGLE, date(2026, 2, 28)).price == Decimal("6.25")
    assert mine.price_on(GAS, SINGLE, Zone.SINGLE, date(2026, 3, 1)).price == Decimal("6.27")
    assert mine.price_on(GAS, SINGLE, Zone.SINGLE, date(2026, 10, 1)).price == Decimal("6.95")


def test_segments_split_the_interval_at_price_changes(book: PriceBook) -> None:
    # Days after 2026-09-20 through 2026-10-20: 09-21..09-30 (10) at 6.25, 10-01..10-20 (20) at 6.95.
    segments = book.segments(GAS, SINGLE, Zone.SINGLE, date(2026, 9, 20), date(2026, 10, 20))
    assert [(s.first_day, s.last_day, s.days, s.price) for s in segments] == [
        (date(2026, 9, 21), date(2026, 9, 30), 10, Decimal("6.25")),
        (date(2026, 10, 1), date(2026, 10, 20), 20, Decimal("6.95")),
    ]


def test_segments_name_the_first_day_without_a_price(book: PriceBook) -> None:
    with pytest.raises(UnknownPrice) as caught:
        book.segments(GAS, TWO, Zone.NIGHT, date(2025, 6, 20), date(2025, 7, 20))
    assert caught.value.day == date(2025, 7, 1)
    with pytest.raises(InvalidInput):
        book.segments(GAS, TWO, Zone.DAY, date(2025, 6, 20), date(2025, 6, 20))


def test_entries_lists_the_timeline_sorted_and_filtered(book: PriceBook) -> None:
    mine = book.with_user_prices([_user(SINGLE, Zone.SINGLE, date(2026, 1, 1), "6.30")])
    singles = mine.entries(GAS, SINGLE)
    assert [e.valid_from for e in singles] == sorted(e.valid_from for e in singles)
    assert {e.zone for e in singles} == {Zone.SINGLE}
    at_2026 = [e for e in singles if e.valid_from == date(2026, 1, 1)]
    assert len(at_2026) == 1 and at_2026[0].user and at_2026[0].price == Decimal("6.30")
    two_zone = book.entries(RURAL, TWO)
    assert [e.zone for e in two_zone][:3] == [Zone.DAY, Zone.DAY, Zone.DAY]
    assert len(book.entries()) == len(shipped_entries())


def test_volume_bands() -> None:
    assert VOLUME_BANDS == (Decimal(1200), Decimal(6000))


def test_shipped_table_rows_are_well_formed() -> None:
    entries = shipped_entries()
    assert shipped_entries() is entries  # parsed once
    assert all(e.band == 1 for e in entries)
    assert all(e.source for e in entries)
    unknown = [e for e in entries if e.price is None]
    assert all(e.source == "не найдено в открытых источниках" for e in unknown)
    # A known price names its publication: the site, and the article's number or date.
    for entry in (e for e in entries if e.price is not None):
        assert re.search(r"\b[a-z0-9-]+\.(ru|news)\b", entry.source), entry
        assert re.search(r"статья \d+|от \d\d\.\d\d\.\d{4}|с \d\d\.\d\d\.\d{4}|проект приказа", entry.source), entry
    # Every key with a 2017 price becomes unknown on 2018-07-01.
    keys_2017 = {e.key for e in entries if e.valid_from == date(2017, 7, 1)}
    keys_2018 = {e.key for e in unknown if e.valid_from == date(2018, 7, 1)}
    assert keys_2017 == keys_2018


def test_damaged_price_table_is_reported() -> None:
    header = "category,plan,zone,band,valid_from,price,source\n"
    with pytest.raises(JournalError, match="line 2"):
        load_price_csv(header + "urban-gas,single,day,1,2026-01-01,6.25,x\n")
    with pytest.raises(JournalError, match="columns"):
        load_price_csv("category,plan\nurban-gas,single\n")


# --- parsing what the user types ---------------------------------------------------------------


def test_parse_prices_one_per_zone_in_order() -> None:
    assert parse_prices(["8,20", "4,17"], TWO) == (Decimal("8.20"), Decimal("4.17"))
    assert parse_prices(["9.57", "4,07", " 6,95 ₽ "], THREE) == (Decimal("9.57"), Decimal("4.07"), Decimal("6.95"))
    assert parse_prices(["6,95"], SINGLE) == (Decimal("6.95"),)
    assert parse_prices("6,95", SINGLE) == (Decimal("6.95"),)  # one text is one price


@pytest.mark.parametrize(
    ("prices", "plan", "words", "field"),
    [
        (["7,18"], TWO, "'7,18' could be read two ways", "price"),  # day 7.18 alone, or day 7 and night 18?
        ("7,18", TWO, "'7,18' could be read two ways, as one price with a decimal comma or as prices separated by "
                      "commas. Plan two-zone needs 2 prices, one per zone (day, night), separated by spaces, "
                      "e.g. 8,20 4,17.", "price"),
        (["8.20,4.17"], TWO, "could be read two ways", "price"),
        (["8,20"] * 3, TWO, "needs 2 prices, one per zone (day, night), separated by spaces; got 3", "price"),
        (["9,57", "4,07"], THREE, "needs 3 prices, one per zone (peak, night, semi-peak)", "price"),
        (["6,95", "1"], SINGLE, "Plan single needs one price; got 2", "price"),
        (["8,20", "-4,17"], TWO, "Zone night: A price cannot be negative", "price-t2"),
        (["8,20", "0"], TWO, "Zone night: A price must be greater than zero", "price-t2"),
        (["9,57", "x", "6,95"], THREE, "Zone night: The text 'x' is not a price", "price-t2"),
        (["9,57", "4,07", "6,95001"], THREE, "Zone semi-peak: A price has at most 4 decimal places", "price-t3"),
        (["nan", "1"], TWO, "Zone day", "price-t1"),
        (["6,9x"], SINGLE, "'6,9x' is not a price", "price-t1"),
    ],
)
def test_parse_prices_refuses(prices: list[str], plan: TariffPlan, words: str, field: str) -> None:
    with pytest.raises(InvalidInput, match=re.escape(words)) as caught:
        parse_prices(prices, plan)
    assert caught.value.field == field
    assert "\n" not in caught.value.message


def test_check_price_date() -> None:
    today = date(2026, 11, 28)
    check_price_date(date(2000, 1, 1), today)
    check_price_date(date(2027, 11, 28), today)  # 365 days ahead
    with pytest.raises(InvalidInput, match="2000-01-01 or later") as caught:
        check_price_date(date(1999, 12, 31), today)
    assert caught.value.field == "from"
    with pytest.raises(InvalidInput, match="one year ahead, up to 2027-11-28") as caught:
        check_price_date(date(2027, 11, 29), today)
    assert caught.value.field == "from"
