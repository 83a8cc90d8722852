"""Prices as a person types them: one per zone of the plan, a decimal comma a decimal; the day they start."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from journal.amounts import parse_price
from journal.errors import InvalidInput
from journal.messages import msg
from journal.tariffs import EARLIEST_PRICE_DATE, MAX_DAYS_AHEAD
from journal.zones import PLAN_ZONES, TariffPlan

PRICE_EXAMPLES = {
    TariffPlan.SINGLE: "6,95",
    TariffPlan.TWO_ZONE: "8,20 4,17",
    TariffPlan.THREE_ZONE: "9,57 4,07 6,95",
}


def parse_prices(prices: str | Sequence[str], plan: TariffPlan) -> tuple[Decimal, ...]:
    """One price per zone of the plan, in zone order, each typed on its own ("8,20", "4,17").

    A decimal comma is a decimal: "7,18" is one price. So a single text for a plan of several zones is
    refused rather than split at its commas — "7,18" could be day 7 and night 18 or a day price of 7.18.
    """
    plan = TariffPlan(plan)
    zones = PLAN_ZONES[plan]
    items = [prices] if isinstance(prices, str) else list(prices)
    example = PRICE_EXAMPLES[plan]
    if len(items) != len(zones):
        if len(items) == 1 and len(zones) > 1 and "," in items[0]:
            raise InvalidInput(
                msg("The argument {argument!r} could be read two ways, as one price with a decimal comma or as prices "
                    "separated by commas. Plan {plan} needs {count} prices, one per zone ({names}), separated by "
                    "spaces, e.g. {example}.", argument=items[0], plan=plan, count=len(zones), names=zones,
                    example=example),
                field="price",
            )
        if len(zones) == 1:
            raise InvalidInput(msg("Plan {plan} needs one price; got {count}. Write it like {example}.", plan=plan,
                                   count=len(items), example=example), field="price")
        raise InvalidInput(
            msg("Plan {plan} needs {count} prices, one per zone ({names}), separated by spaces; got {got}. Write them "
                "like {example}.", plan=plan, count=len(zones), names=zones, got=len(items), example=example),
            field="price",
        )
    result = []
    for index, (zone, item) in enumerate(zip(zones, items, strict=True), start=1):
        field = f"price-t{index}"
        try:
            result.append(parse_price(item, field=field))
        except InvalidInput as error:
            if len(zones) == 1:
                raise
            raise InvalidInput(msg("Zone {zone}: {reason}", zone=zone, reason=error.text), field=field) from error
    return tuple(result)


def check_price_date(day: date, today: date) -> None:
    """A price's start date must be from 2000-01-01 up to one year after today."""
    if day < EARLIEST_PRICE_DATE:
        raise InvalidInput(
            msg("A price start date must be {earliest} or later; got {day}.", earliest=EARLIEST_PRICE_DATE, day=day),
            field="from",
        )
    latest = today + timedelta(days=MAX_DAYS_AHEAD)
    if day > latest:
        raise InvalidInput(
            msg("A price start date can be at most one year ahead, up to {latest}; got {day}. Check the date on your "
                "bill.", latest=latest, day=day),
            field="from",
        )
