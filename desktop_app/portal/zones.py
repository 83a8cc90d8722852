"""Our zones matched to a device's registers by the register's zone text (Zwarttxt), never by position.

The supplier's words for its zones are in its profile (journal.supplier: "День"/"Ночь", "Пик"/"Полупик"/"Ночь",
"Дневная зона", "П/пик", "Круглосуточно"...); "Т1"/"Т2"/"Т3" (Cyrillic or Latin T) mean the zone of that number in the
account's plan (docs/DOMAIN.md: two-zone T1 day, T2 night; three-zone T1 peak, T2 night, T3 semi-peak).
A single-rate account with a single register needs no text.
"""

from __future__ import annotations

import re

from desktop_app.portal.api import Register
from journal.messages import Message, msg
from journal.supplier import DEFAULT_PROFILE, SupplierProfile
from journal.zones import TariffPlan, Zone


class ZoneMismatch(Exception):
    """The device's registers cannot be matched to the account's zones; `message` says why, for a person."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.text = message
        self.message = str(message)


def _normal(text: str) -> str:
    return re.sub(r"[\s\-_./()«»\"'#№:]", "", text.lower().replace("ё", "е"))


def zone_of_text(text: str, plan: TariffPlan, supplier: SupplierProfile = DEFAULT_PROFILE) -> Zone | None:
    """Our zone for a register's zone text in the account's plan, or None when the text says nothing we know.
    The zones' words are the supplier's (its profile's register_zones, tried in order); T1/T2/T3 by number."""
    t = _normal(text)
    zones = plan.zones
    if not t:
        return None
    found = next((words.zone for words in supplier.register_zones
                  if t in words.exact or any(part in t for part in words.contains)), None)
    if found is None:
        number = re.fullmatch(r"(?:t|т|тариф|зона|z)?0*([123])(?:зона|тариф)?", t)  # Т1 (Cyrillic) or T1
        if not number:
            return None
        index = int(number.group(1)) - 1
        return zones[index] if index < len(zones) else None
    if found not in zones:
        # "День" on a single-rate meter, etc.: not one of this plan's zones.
        return Zone.SINGLE if plan is TariffPlan.SINGLE and found in (Zone.DAY, Zone.SINGLE) else None
    return found


def match_registers(registers: list[Register] | tuple[Register, ...], plan: TariffPlan) -> dict[Zone, Register]:
    """Each of the plan's zones → its register. Raises ZoneMismatch when that cannot be done without guessing."""
    zones = plan.zones
    names = ", ".join(f"{r.register_id} «{r.zone_text}»" for r in registers) or "none"
    if len(registers) != len(zones):
        raise ZoneMismatch(
            msg(
                "The portal's meter has {registers} register(s) ({names}) but the account's plan is {plan} with "
                "{zones} zone(s). If the supplier changed the plan, record the plan change (account change-plan); "
                "otherwise check the account's tariff plan against your bill.",
                registers=len(registers),
                names=names,
                plan=plan,
                zones=len(zones),
            ))
    if plan is TariffPlan.SINGLE:
        return {Zone.SINGLE: registers[0]}
    matched: dict[Zone, Register] = {}
    for register in registers:
        zone = zone_of_text(register.zone_text, plan)
        if zone is None or zone in matched:
            raise ZoneMismatch(
                msg(
                    "The portal's registers ({names}) cannot be matched to the zones of a {plan} plan by their "
                    "names. Submit this reading on the portal's site or by phone.",
                    names=names,
                    plan=plan,
                ))
        matched[zone] = register
    return matched
