"""The supplier: everything the product knows about the company that sells the electricity, in one place.

Pure data (no Qt, no network). Each fact is cited in docs/DOMAIN.md. An account names its supplier by `code`
(Account.supplier); everything else — the SMS text, the phones, the portal and calculator addresses, the
calculator's form codes, the zone names on the supplier's registers, the readings cut-off day — is read from the
profile of that code. Adding a supplier means adding a profile here (and its prices to resources/tariffs.csv).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from journal.zones import ConsumerCategory, TariffPlan, Zone


@dataclass(frozen=True, slots=True)
class ZoneWords:
    """How the supplier writes a zone on its meters' registers: the zone's text (lower case, without spaces and
    punctuation) contains one of `contains` or is one of `exact`."""

    zone: Zone
    contains: tuple[str, ...]
    exact: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SupplierProfile:
    code: str  # stored in Account.supplier and Payee.supplier
    name: str  # as printed on its bills
    inn: str
    call_centre: str  # free: readings, bills, questions
    sms_number: str  # readings by SMS from the phone bound to the account
    sms_readings: str  # the readings command; {values} are the zones' values in the journal's zone order
    sms_separator: str
    sms_readings_info: str  # information on the meter readings ({account} when the phone has several accounts)
    sms_last_payment: str  # the date of the last payment
    portal_origin: str | None  # the personal account on the web; None: the supplier has no portal we can use
    portal_hotline: str | None  # help with the portal
    calculator_url: str | None  # the public online price calculator; None: none
    # The calculator form's codes (docs/DOMAIN.md) of each consumer category, tariff plan and zone.
    calculator_categories: Mapping[ConsumerCategory, Mapping[str, str]]
    calculator_plans: Mapping[TariffPlan, str]
    calculator_zones: Mapping[Zone, str]
    # The zones as the supplier names its meters' registers, in the order they are tried (semi-peak before peak).
    register_zones: tuple[ZoneWords, ...]
    cutoff_day: int  # readings given after this day of the month count for the next month
    readings_from_day: int  # readings are due from this day until the cut-off day

    @property
    def has_portal(self) -> bool:
        return self.portal_origin is not None

    @property
    def portal_host(self) -> str:
        return urlsplit(self.portal_origin or "").hostname or ""

    @property
    def keyring_service(self) -> str:
        """The name the portal password is kept under in the OS keyring (it must never change)."""
        return f"Meter Journal: {self.portal_host}"

    @property
    def calculator_host(self) -> str:
        """The calculator's site without "www.", as the source of its prices names it (e.g. «калькулятор X»)."""
        host = urlsplit(self.calculator_url or "").hostname or ""
        return host.removeprefix("www.")

    def readings_sms(self, values: Sequence[int | str]) -> str:
        """The SMS submitting readings, e.g. 001#1200;600."""
        return self.sms_readings.format(values=self.sms_separator.join(str(v) for v in values))


SAMARAENERGO = SupplierProfile(
    code="samaraenergo",
    name="ПАО «Самараэнерго»",
    inn="6315222985",
    call_centre="8-800-775-83-37",
    sms_number="1163",
    sms_readings="001#{values}",
    sms_separator=";",
    sms_readings_info="003#{account}",
    sms_last_payment="004#{account}",
    portal_origin="https://lk.samaraenergo.ru",
    portal_hotline="8 800 1000 763",
    calculator_url="https://www.samaraenergo.ru/fiz-licam/online-kalkulyator/",
    # Urban housing with an electric stove and urban housing with electric heating have the same (0.7) prices;
    # the journal's "urban-electric" asks as the former.
    calculator_categories={
        ConsumerCategory.URBAN_GAS: {"UF_POSITION": "1", "UF_TYPE_HOUSE": "4", "UF_TYPE_STOVE": "5"},
        ConsumerCategory.URBAN_ELECTRIC: {"UF_POSITION": "1", "UF_TYPE_HOUSE": "4", "UF_TYPE_STOVE": "6"},
        ConsumerCategory.RURAL: {"UF_POSITION": "2"},
    },
    calculator_plans={TariffPlan.SINGLE: "7", TariffPlan.TWO_ZONE: "8", TariffPlan.THREE_ZONE: "9"},
    # The form's reading fields of each zone: the first zone (single, day, peak), the night, the semi-peak.
    calculator_zones={Zone.SINGLE: "PIK", Zone.DAY: "PIK", Zone.PEAK: "PIK", Zone.NIGHT: "NOCH",
                      Zone.SEMI_PEAK: "POLUPIK"},
    # Texts seen or expected: "День"/"Ночь", "Пик"/"Полупик"/"Ночь", "Дневная зона", "Ночная", "П/пик",
    # "Круглосуточно", "Общий"... (T1/T2/T3 are read by their number, for every supplier.)
    register_zones=(
        ZoneWords(Zone.SEMI_PEAK, ("полупик",), ("пп", "ппик", "полу")),
        ZoneWords(Zone.PEAK, ("пик",)),
        ZoneWords(Zone.NIGHT, ("ноч",), ("н", "night")),
        ZoneWords(Zone.DAY, ("ден", "дне"), ("д", "day")),
        ZoneWords(Zone.SINGLE, ("сут", "кругл", "одностав", "однотар", "общ", "весь", "single", "tot")),
    ),
    cutoff_day=25,
    readings_from_day=15,
)

SUPPLIERS: dict[str, SupplierProfile] = {SAMARAENERGO.code: SAMARAENERGO}
DEFAULT_PROFILE = SAMARAENERGO
DEFAULT_SUPPLIER = DEFAULT_PROFILE.code


def profile_of(code: str) -> SupplierProfile | None:
    """The profile of the supplier `code`, or None for a code the journal does not know."""
    return SUPPLIERS.get(code)


def supplier_name(code: str) -> str:
    """The supplier's name as printed on its bills; "" for a code the journal does not know."""
    profile = SUPPLIERS.get(code)
    return profile.name if profile is not None else ""


def has_portal(code: str) -> bool:
    """Whether readings of an account of the supplier `code` go to a portal (the outbox queues them)."""
    profile = SUPPLIERS.get(code)
    return profile is not None and profile.has_portal
