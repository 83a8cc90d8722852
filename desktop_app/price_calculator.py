"""The supplier's public online price calculator (docs/DOMAIN.md): one form POST per zone and day, no login.

    POST <the supplier profile's calculator_url>   (application/x-www-form-urlencoded)
    action=calculate  UF_DATE=01.07.2025  UF_POSITION=1  UF_TARIF=8  UF_TYPE_HOUSE=4  UF_TYPE_STOVE=5
    START_PIK=0 END_PIK=1  START_NOCH=0 END_NOCH=0
    → {"Status": true, "Value": "7,18"}   (JSON sent as text/html; the cost in roubles with a decimal comma)

A zone's price is the cost of 1 kWh in that zone and 0 in the others. `Status` false is a refusal (the service is
reported to refuse three zones, and dates before 2022): the price stays unknown. Anything else — a web page
instead of JSON, an HTTP error, a timeout, no connection — is a fault (CalculatorError): the caller stops and
stores nothing.

Transport, as the portal's (desktop_app/portal/transport.py): httpx with timeouts, no redirects followed, httpx's
own request logging kept quiet, a log line per request with the address only, and httpx's exceptions replaced by
ours with a message for people. Plain http:// goes only to this computer (the emulator): a price read over the
network unprotected could be altered on its way into the person's bills.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

import httpx

from desktop_app import __version__
from desktop_app.portal.address import NOT_PROTECTED, NOT_WEB, address_fault, is_loopback
from desktop_app.portal.redaction import quiet_http_loggers
from journal.amounts import MAX_PRICE
from journal.errors import InvalidInput
from journal.messages import Message, msg
from journal.supplier import DEFAULT_PROFILE, SupplierProfile
from journal.zones import ConsumerCategory, TariffPlan, Zone

log = logging.getLogger(__name__)

DEFAULT_URL = DEFAULT_PROFILE.calculator_url or ""
URL_ENV = "METER_JOURNAL_CALCULATOR_URL"
TIMEOUT = httpx.Timeout(connect=10.0, read=30.0, write=10.0, pool=10.0)
KWH = 1  # a zone's price is the cost of 1 kWh in it



class CalculatorError(Exception):
    """The calculator could not be asked, or answered with something that is not its answer. `text` is for people
    (`message` its English); it never carries more than the calculator's address."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.text = message
        self.message = str(message)


def calculator_url(given: str | None = None, environ: dict[str, str] | None = None) -> str:
    """The calculator's address: given (--calculator-url), else METER_JOURNAL_CALCULATOR_URL, else the supplier's.
    InvalidInput (a user error) for an address that is not https:// (plain http:// only to this computer)."""
    env = os.environ if environ is None else environ
    url = (given or env.get(URL_ENV) or DEFAULT_URL).strip()
    _shown, fault = address_fault(url)
    if fault == NOT_WEB:
        raise InvalidInput(msg(
            "The calculator address {url} is not a web address; give one like {example}.",
            url=url,
            example=DEFAULT_URL,
        ),
                           field="calculator-url")
    if fault == NOT_PROTECTED:
        raise InvalidInput(
            msg(
                "The calculator address {url} is not protected (http://): prices read over it could be altered on "
                "the way. Use the https:// address; plain http:// is allowed only for this computer (127.0.0.1, ::1, "
                "localhost).",
                url=url,
            ), field="calculator-url")
    return url


def is_local(url: str) -> bool:
    return is_loopback(urlsplit(url).hostname or "")


def form(category: ConsumerCategory, plan: TariffPlan, zone: Zone, day: date,
         codes: SupplierProfile = DEFAULT_PROFILE) -> dict[str, str]:
    """The form asking the cost of KWH kWh in `zone` and none in the plan's other zones on `day`, in the codes of
    the supplier's calculator (its categories, plans and zones: journal.supplier)."""
    if zone not in plan.zones:
        raise ValueError(msg("Zone {zone} is not part of plan {plan}.", zone=zone, plan=plan))
    fields = {"action": "calculate", "UF_DATE": day.strftime("%d.%m.%Y"), **codes.calculator_categories[category],
              "UF_TARIF": codes.calculator_plans[plan]}
    for other in plan.zones:
        name = codes.calculator_zones[other]
        fields[f"START_{name}"] = "0"
        fields[f"END_{name}"] = str(KWH if other == zone else 0)
    return fields


@dataclass(frozen=True)
class Answer:
    price: Decimal | None  # ₽/kWh; None when the calculator refused (Status false, or no cost)


def parse_answer(status: int, body: bytes) -> Answer:
    """The calculator's answer, or CalculatorError when it is not one (a web page, an HTTP error, a broken value)."""
    if status != 200:
        raise CalculatorError(msg("The supplier's calculator answered with an error ({status}).", status=status))
    text = body.decode("utf-8", errors="replace").strip().lstrip("\ufeff")
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if not isinstance(data, dict) or "Status" not in data:
        if text[:1] == "<":
            raise CalculatorError(msg(
                "The supplier's calculator sent a web page instead of a price: its site may have changed or be busy.",
            ))
        raise CalculatorError(msg(
            "The supplier's calculator sent something else instead of a price: its site may have changed or be busy.",
        ))
    if not data["Status"]:
        return Answer(None)
    raw = str(data.get("Value", "")).replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        cost = Decimal(raw)
    except InvalidOperation:
        raise CalculatorError(msg(
            "The supplier's calculator gave a cost that is not a number: {cost!r}.",
            cost=raw[:20],
        )) from None
    if not cost.is_finite() or cost < 0 or cost / KWH > MAX_PRICE:
        raise CalculatorError(msg("The supplier's calculator gave an impossible cost: {cost}.", cost=raw[:20]))
    if cost == 0:
        return Answer(None)  # no cost for a kWh: no price
    return Answer(cost / KWH)


class CalculatorClient:
    """One HTTP session with the calculator; `zone_price` is one request."""

    def __init__(self, url: str, *, timeout: httpx.Timeout | float = TIMEOUT,
                 http_transport: httpx.BaseTransport | None = None) -> None:
        quiet_http_loggers()
        self.url = url
        self.requests = 0
        self.client = httpx.Client(timeout=timeout, transport=http_transport, follow_redirects=False,
                                   headers={"User-Agent": f"MeterJournal/{__version__}",
                                            "X-Requested-With": "XMLHttpRequest",
                                            "Accept": "application/json, text/html;q=0.9"})

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> CalculatorClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def zone_price(self, category: ConsumerCategory, plan: TariffPlan, zone: Zone, day: date) -> Decimal | None:
        """The zone's price on `day`, None when the calculator refuses; CalculatorError on a fault."""
        self.requests += 1
        try:
            response = self.client.post(self.url, data=form(category, plan, zone, day))
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol) as exc:
            log.info("Calculator unreachable: POST %s (%s)", self.url, type(exc).__name__)
            raise CalculatorError(msg(
                "The supplier's calculator cannot be reached ({kind}): no connection to its site.",
                kind=type(exc).__name__,
            )) from None
        except httpx.TimeoutException as exc:
            log.info("Calculator did not answer in time: POST %s (%s)", self.url, type(exc).__name__)
            raise CalculatorError(msg(
                "The supplier's calculator did not answer in time ({kind}).",
                kind=type(exc).__name__,
            )) from None
        except httpx.HTTPError as exc:
            log.info("Calculator request failed: POST %s (%s)", self.url, type(exc).__name__)
            raise CalculatorError(msg(
                "The request to the supplier's calculator failed ({kind}).",
                kind=type(exc).__name__,
            )) from None
        log.info("Calculator POST %s %s %s %s %s -> %s", self.url, category, plan, zone, day.isoformat(),
                 response.status_code)
        return parse_answer(response.status_code, response.content).price
