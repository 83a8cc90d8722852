"""The OData calls of docs/PORTAL_API.md, returning plain records. Unknown fields are ignored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from desktop_app.portal import odata
from desktop_app.portal.transport import PortalTransport
from journal.portal_data import PulledConsumption as ConsumptionValue
from journal.portal_data import PulledInvoice as Invoice
from journal.portal_data import PulledPayment as PaymentDocument
from journal.supplier import DEFAULT_PROFILE

DEFAULT_ORIGIN = DEFAULT_PROFILE.portal_origin or ""
SERVICE_PATH = "/sap/opu/odata/sap/"
SERVICE_NAME = "Z_ERP_UTILITIES_UMC_SRV"
SERVICE_VERSION = "01"
PUBLIC_SERVICE_PATH = "/sap/opu/odata/SAP/ZERP_UTILITIES_UMC_PUBLIC_SRV_SRV"
WEB_UI_PATH = "/sap/bc/ui5_ui5/sap/z_umcui5_v03"
CUSTOMER_NOTE = "920"  # MeterReadingNoteID: entered by the customer in the personal account
EVERYTHING = "ContractAccounts/Contracts/Devices/RegistersToRead,ContractAccounts/Invoices"


@dataclass(frozen=True)
class PortalConfig:
    """Where the portal is. `origin` is e.g. DEFAULT_ORIGIN (the supplier profile's); the service paths are appended."""

    origin: str = DEFAULT_ORIGIN
    service_name: str = SERVICE_NAME
    service_version: str = SERVICE_VERSION  # the suffix: Z_ERP_UTILITIES_UMC_SRV_01
    public_service_path: str = PUBLIC_SERVICE_PATH

    @property
    def service_root(self) -> str:
        suffix = f"_{self.service_version}" if self.service_version else ""
        return f"{SERVICE_PATH}{self.service_name}{suffix}"

    @property
    def public_root(self) -> str:
        return self.public_service_path.rstrip("/")

    @property
    def web_url(self) -> str:
        """The portal's site, for registration and password recovery in the browser."""
        return self.origin.rstrip("/") + WEB_UI_PATH


@dataclass(frozen=True)
class Register:
    device_id: str
    register_id: str
    zone_text: str
    previous_value: Decimal | None
    previous_date: date | None
    integer_places: int | None = None
    decimal_places: int | None = None
    serial: str = ""  # the public service's registers carry the serial


@dataclass(frozen=True)
class ReadingResult:
    result_id: str
    device_id: str
    register_id: str
    value: Decimal | None
    taken_at: datetime | None
    consumption: Decimal | None
    zone_text: str
    source: str
    accepted: bool  # Prkrasch non-empty: accepted for billing


@dataclass(frozen=True)
class Device:
    device_id: str
    serial: str
    integer_places: int | None
    decimal_places: int | None
    verified_year: int | None
    next_verification_year: int | None
    verification_interval: int | None
    registers: tuple[Register, ...] = ()
    contract_id: str | None = None


@dataclass(frozen=True)
class Contract:
    contract_id: str
    move_in: date | None
    move_out: date | None
    devices: tuple[Device, ...] = ()


@dataclass(frozen=True)
class ContractAccount:
    contract_account_id: str
    vkona: str
    tariff_type: str | None
    prices: tuple[Decimal | None, Decimal | None, Decimal | None]  # Preisbtr1..3
    contracts: tuple[Contract, ...] = ()
    invoices: tuple[Invoice, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class PortalAccount:
    account_id: str
    contract_accounts: tuple[ContractAccount, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


# --- parsing --------------------------------------------------------------------------------------------------


def _register(item: dict[str, Any], device_id: str = "") -> Register:
    return Register(
        device_id=odata.text(item.get("DeviceID")) or device_id,
        register_id=odata.text(item.get("RegisterID")),
        zone_text=odata.text(item.get("Zwarttxt")),
        previous_value=odata.parse_decimal(item.get("PreviousMeterReadingResult")),
        previous_date=odata.parse_date(item.get("PreviousMeterReadingDate")),
        integer_places=odata.parse_int(item.get("IntegerPlaces")),
        decimal_places=odata.parse_int(item.get("DecimalPlaces")),
        serial=odata.text(item.get("SerialNumber")),
    )


def _result(item: dict[str, Any]) -> ReadingResult:
    return ReadingResult(
        result_id=odata.text(item.get("MeterReadingResultID")),
        device_id=odata.text(item.get("DeviceID")),
        register_id=odata.text(item.get("RegisterID")),
        value=odata.parse_decimal(item.get("ReadingResult")),
        taken_at=odata.parse_datetime(item.get("ReadingDateTime")),
        consumption=odata.parse_decimal(item.get("Consumption")),
        zone_text=odata.text(item.get("Zwarttxt")),
        source=odata.text(item.get("Text40")),
        accepted=bool(odata.text(item.get("Prkrasch"))),
    )


def results_with_dependents(payload: dict[str, Any]) -> list[ReadingResult]:
    """A deep-insert answer: the top entity and its DependentMeterReadingResults, flattened."""
    out: list[ReadingResult] = []
    stack = [odata.entity(payload)]
    while stack:
        item = stack.pop(0)
        if not item:
            continue
        out.append(_result(item))
        stack.extend(odata.results(item.get("DependentMeterReadingResults")))
    return out


def _device(item: dict[str, Any], contract_id: str | None = None) -> Device:
    device_id = odata.text(item.get("DeviceID"))
    return Device(
        device_id=device_id,
        serial=odata.text(item.get("SerialNumber")),
        integer_places=odata.parse_int(item.get("Stanzvor")),
        decimal_places=odata.parse_int(item.get("Stanznac")),
        verified_year=odata.parse_int(item.get("Bgljahr")),
        next_verification_year=odata.parse_int(item.get("LvProv")),
        verification_interval=odata.parse_int(item.get("Vlzeitt")),
        registers=tuple(_register(r, device_id) for r in odata.results(item.get("RegistersToRead"))),
        contract_id=contract_id,
    )


def _invoice(item: dict[str, Any]) -> Invoice:
    return Invoice(
        invoice_id=odata.text(item.get("InvoiceID")),
        invoice_date=odata.parse_date(item.get("InvoiceDate")),
        due_date=odata.parse_date(item.get("DueDate")),
        amount_due=odata.money(item.get("AmountDue")),
        amount_paid=odata.money(item.get("AmountPaid")),
        amount_remaining=odata.money(item.get("AmountRemaining")),
        status_id=odata.text(item.get("InvoiceStatusID")) or None,
    )


def _contract(item: dict[str, Any]) -> Contract:
    contract_id = odata.text(item.get("ContractID"))
    return Contract(
        contract_id=contract_id,
        move_in=odata.parse_date(item.get("MoveInDate")),
        move_out=odata.parse_date(item.get("MoveOutDate")),
        devices=tuple(_device(d, contract_id) for d in odata.results(item.get("Devices"))),
    )


def _contract_account(item: dict[str, Any]) -> ContractAccount:
    return ContractAccount(
        contract_account_id=odata.text(item.get("ContractAccountID")),
        vkona=odata.text(item.get("Vkona")),
        tariff_type=odata.text(item.get("Ttypbez")) or None,
        prices=(odata.parse_decimal(item.get("Preisbtr1")), odata.parse_decimal(item.get("Preisbtr2")),
                odata.parse_decimal(item.get("Preisbtr3"))),
        contracts=tuple(_contract(c) for c in odata.results(item.get("Contracts"))),
        invoices=tuple(_invoice(i) for i in odata.results(item.get("Invoices"))),
        raw={k: v for k, v in item.items() if not isinstance(v, dict | list)},
    )


def _account(item: dict[str, Any]) -> PortalAccount:
    return PortalAccount(
        account_id=odata.text(item.get("AccountID")),
        contract_accounts=tuple(_contract_account(c) for c in odata.results(item.get("ContractAccounts"))),
        raw={k: v for k, v in item.items() if not isinstance(v, dict | list)},
    )


def reading_body(device_id: str, values: list[tuple[str, int]], taken_on: date, *, note: str = CUSTOMER_NOTE,
                 extra: dict[str, str] | None = None) -> dict[str, Any]:
    """The deep-insert body: the first register at the top, the others in DependentMeterReadingResults."""
    when = odata.odata_date(taken_on)

    def one(register_id: str, value: int) -> dict[str, Any]:
        return {"DeviceID": device_id, "RegisterID": register_id, "ReadingResult": str(value),
                "ReadingDateTime": when, "MeterReadingNoteID": note}

    (first_id, first_value), *others = values
    body = {**one(first_id, first_value), **(extra or {})}
    body["DependentMeterReadingResults"] = [{**one(rid, v), "DependentMeterReadingResults": []} for rid, v in others]
    return body


# --- the calls --------------------------------------------------------------------------------------------------


class PortalApi:
    """The authenticated service S."""

    def __init__(self, transport: PortalTransport, config: PortalConfig) -> None:
        self.transport = transport
        self.config = config
        self.root = config.service_root

    def _url(self, path: str) -> str:
        return f"{self.root}/{path}"

    def password_status(self, login: str) -> str:
        """PassStat of PasswordStatSet: "1" or "2" = usable, anything else = blocked."""
        data = self.transport.get_json(self._url(f"PasswordStatSet({odata.quote_key(login)})"))
        return odata.text(odata.entity(data).get("PassStat"))

    def accounts(self, expand: str = EVERYTHING) -> list[PortalAccount]:
        data = self.transport.get_json(self._url("Accounts"), params={"$expand": expand} if expand else None)
        return [_account(item) for item in odata.results(data)]

    def registers(self, device_id: str) -> list[Register]:
        data = self.transport.get_json(self._url(f"Devices(DeviceID={odata.quote_key(device_id)})/RegistersToRead"))
        return [_register(item, device_id) for item in odata.results(data)]

    def reading_history(self, device_id: str) -> list[ReadingResult]:
        data = self.transport.get_json(self._url(f"Devices({odata.quote_key(device_id)})"),
                                       params={"$expand": "MeterReadingResults"})
        return [_result(item) for item in odata.results(odata.entity(data).get("MeterReadingResults"))]

    def submit(self, device_id: str, values: list[tuple[str, int]], taken_on: date) -> list[ReadingResult]:
        body = reading_body(device_id, values, taken_on)
        return results_with_dependents(self.transport.post_json(self.root, self._url("MeterReadingResults"), body))

    def invoices(self, account_id: str) -> list[Invoice]:
        data = self.transport.get_json(self._url(f"Accounts({odata.quote_key(account_id)})/Invoices"))
        return [_invoice(item) for item in odata.results(data)]

    def invoice_pdf(self, invoice_id: str) -> bytes:
        key = odata.quote_key(invoice_id)
        return self.transport.get_bytes(self._url(f"Invoices(InvoiceID={key})/InvoicePDF/$value"))

    def payment_documents(self, account_id: str) -> list[PaymentDocument]:
        data = self.transport.get_json(self._url(f"Accounts({odata.quote_key(account_id)})/PaymentDocuments"))
        return [PaymentDocument(document_id=odata.text(i.get("PaymentDocumentID")),
                                paid_on=odata.parse_date(i.get("ExecutionDate")), amount=odata.money(i.get("Amount")),
                                method=odata.text(i.get("PaymentMethodDescription")))
                for i in odata.results(data)]

    def billed_consumption(self, contract_id: str) -> list[ConsumptionValue]:
        key = odata.quote_key(contract_id)
        data = self.transport.get_json(self._url(f"Contracts({key})/ContractConsumptionValues"),
                                       params={"$filter": "ConsumptionPeriodTypeID eq 'BC'"})
        values = []
        for item in odata.results(data):
            start, end = odata.parse_date(item.get("StartDate")), odata.parse_date(item.get("EndDate"))
            if start is None or end is None:
                continue
            values.append(ConsumptionValue(start, end, odata.parse_decimal(item.get("ConsumptionValue")),
                                           odata.money(item.get("BilledAmount"))))
        return values


class PublicApi:
    """The anonymous service P: account number + meter serial, no password."""

    def __init__(self, transport: PortalTransport, config: PortalConfig) -> None:
        self.transport = transport
        self.root = config.public_root

    def registers(self, account_number: str, serial: str = "") -> list[Register]:
        data = self.transport.get_json(
            f"{self.root}/GetRegistersToRead",
            params={"ContractAccountID": odata.quote_key(account_number), "SerialNumber": odata.quote_key(serial)},
            authenticated=False,
        )
        return [_register(item) for item in odata.results(data)]

    def submit(self, account_number: str, device_id: str, values: list[tuple[str, int]],
               taken_on: date) -> list[ReadingResult]:
        body = reading_body(device_id, values, taken_on, note="",
                            extra={"ContractAccountID": account_number, "Email": ""})
        payload = self.transport.post_json(self.root, f"{self.root}/MeterReadingResults", body, authenticated=False)
        return results_with_dependents(payload)
