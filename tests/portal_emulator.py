"""A portal emulator: a real HTTP server on 127.0.0.1 speaking the docs/PORTAL_API.md subset of the supplier's
SAP OData V2 service, with state and scripted faults. For the integration tests and for demos:

    python -m tests.portal_emulator --port 8765            # then: meter-journal sync --portal-url http://127.0.0.1:8765

Faults (`emulator.fail(kind, method=..., path=..., times=...)`), taken by the next matching requests:
    "401"               wrong password
    "csrf"              the CSRF token has expired: 403 with `x-csrf-token: Required` (tokens are forgotten)
    "500", "503"        a server error before anything is done (`message`, "{request}" replaced as for "reject")
    "slow"              wait `seconds` before handling the request
    "slow_after_store"  handle the request (a reading is stored), then wait `seconds` before answering
    "drop"              close the connection without handling the request
    "drop_after_store"  store the reading, then close the connection without an answer
    "reject"            refuse a reading: 400 with an error body in Russian (`message`; "{request}" in it is replaced
                        by the request line as received, credentials and all, as some servers quote it)
    "html"              answer 200 with an HTML page (a proxy's or a captive portal's) instead of the entity
    "empty"             answer 200 with an empty body
    "redirect"          answer 307 (to a logon page)
                        — for a POST these three store the reading first when `store=True` (the default: the portal
                        got it, the answer was lost on the way back), or answer without handling it (`store=False`)
    "drip"              handle the request, then send the whole answer a byte every `seconds`
    "truncated"         handle the request, then send the headers and half the body, and close the connection
Each POST that arrives sets `post_arrived` and is counted in `posts` (before anything else is done with it).
`delay` (constructor or --delay) slows every answer, for the UI fluidity benchmark.
"""

from __future__ import annotations

import argparse
import base64
import json
import re
import secrets
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from tests.loopback_server import LoopbackServer

SERVICE = "/sap/opu/odata/sap/Z_ERP_UTILITIES_UMC_SRV_01"
PUBLIC = "/sap/opu/odata/SAP/ZERP_UTILITIES_UMC_PUBLIC_SRV_SRV"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
ANSWER_FAULTS = ("html", "empty", "redirect")
FAULT_KINDS = ("401", "csrf", "500", "503", "slow", "slow_after_store", "drop", "drop_after_store", "reject",
               *ANSWER_FAULTS, "drip", "truncated")
PROXY_PAGE = ("<!DOCTYPE html><html><head><title>Вход в сеть</title></head><body><h1>Доступ в Интернет</h1>"
              "<p>Для продолжения войдите в сеть провайдера.</p></body></html>").encode()
REJECT_MESSAGE = "Показания не приняты: показания по прибору учёта уже переданы в текущем расчётном периоде"


def odate(day: date | None) -> str | None:
    if day is None:
        return None
    moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return f"/Date({int((moment - EPOCH).total_seconds()) * 1000})/"


def parse_odate(value: str) -> date:
    match = re.match(r"^/Date\((-?\d+)", str(value))
    if match:
        return (EPOCH + timedelta(milliseconds=int(match.group(1)))).date()
    return datetime.fromisoformat(str(value)).date()


def dec(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.14f}"


def tiny_pdf(text: str) -> bytes:
    """A small, valid one-page PDF (so that tests can check what was stored)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# --- state -------------------------------------------------------------------------------------------------------


@dataclass
class Register:
    register_id: str
    zone_text: str
    previous_value: Decimal | None = None
    previous_date: date | None = None


@dataclass
class Device:
    device_id: str
    serial: str
    registers: list[Register]
    integer_places: int = 6
    decimal_places: int = 1
    verified_year: int = 2024
    next_verification_year: int = 2040
    interval: int = 16
    results: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Invoice:
    invoice_id: str
    invoice_date: date
    due_date: date
    amount_due: Decimal
    amount_paid: Decimal = Decimal("0")
    status: str = "1"
    pdf: bytes = b""


@dataclass
class Contract:
    contract_id: str
    devices: list[Device]
    move_in: date = date(2020, 1, 1)
    consumption: list[tuple[date, date, Decimal, Decimal]] = field(default_factory=list)


@dataclass
class ContractAccount:
    contract_account_id: str
    vkona: str
    contracts: list[Contract]
    tariff_type: str = "Население городское, газовые плиты, 2 зоны"
    prices: tuple[str, str, str] = ("7.29", "3.76", "0")
    invoices: list[Invoice] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)  # e.g. payee fields


@dataclass
class Account:
    account_id: str
    login: str
    password: str
    full_name: str
    contract_accounts: list[ContractAccount]
    payments: list[tuple[str, date, Decimal, str]] = field(default_factory=list)


@dataclass
class Fault:
    kind: str
    method: str | None = None
    path: str | None = None
    times: int = 1
    seconds: float = 0.0
    message: str = ""  # the error text of reject / 500 / 503 instead of the usual one
    store: bool = True  # html/empty/redirect on a POST: the reading is stored before the answer


def household(login: str = "050900691990", password: str = "Пароль-s3cret!", *, vkona: str = "050900691990",
              serial: str = "11712434", zones: tuple[str, ...] = ("День", "Ночь"),
              previous: tuple[int, ...] = (1000, 500), previous_date: date = date(2025, 1, 10)) -> Account:
    """One account with one contract account, one contract, one meter; two invoices, payments, billed periods."""
    registers = [Register(f"{i:03d}", text, Decimal(previous[i - 1]), previous_date)
                 for i, text in enumerate(zones, start=1)]
    device = Device("11712434000", "№" + serial, registers)
    contract = Contract("4000123456", [device], consumption=[
        (date(2026, 9, 1), date(2026, 9, 30), Decimal("250"), Decimal("1234.50")),
        (date(2026, 10, 1), date(2026, 10, 31), Decimal("300"), Decimal("1500.00")),
    ])
    invoices = [
        Invoice("300000000101", date(2026, 10, 5), date(2026, 10, 15), Decimal("1234.50"), Decimal("1234.50"), "9",
                tiny_pdf("Invoice 300000000101")),
        Invoice("300000000102", date(2026, 11, 5), date(2026, 11, 15), Decimal("1500.00"), pdf=tiny_pdf("Invoice 102")),
    ]
    ca = ContractAccount("200000000777", vkona, [contract], invoices=invoices)
    return Account("1000012345", login, password, "Иванова Мария Петровна", [ca],
                   payments=[("5000000001", date(2026, 10, 10), Decimal("1234.50"), "Банковская карта")])


class PortalState:
    def __init__(self, accounts: list[Account] | None = None, *, accept_immediately: bool = True) -> None:
        self.accounts = accounts if accounts is not None else [household()]
        self.accept_immediately = accept_immediately
        self.lock = threading.RLock()
        self._counter = 0

    def next_id(self) -> str:
        self._counter += 1
        return f"{9000000000 + self._counter:020d}"

    def account_of(self, login: str, password: str) -> Account | None:
        for account in self.accounts:
            if account.login == login and account.password == password:
                return account
        return None

    def devices(self, account: Account | None = None) -> list[tuple[ContractAccount, Contract, Device]]:
        out = []
        for acc in [account] if account else self.accounts:
            for ca in acc.contract_accounts:
                for contract in ca.contracts:
                    out.extend((ca, contract, device) for device in contract.devices)
        return out

    def device(self, device_id: str) -> Device | None:
        return next((d for _ca, _c, d in self.devices() if d.device_id == device_id), None)

    def readings(self, device_id: str | None = None) -> list[dict[str, Any]]:
        with self.lock:
            return [r for _ca, _c, d in self.devices() for r in d.results
                    if device_id is None or d.device_id == device_id]

    def count(self, day: date, values: tuple[int, ...], device_id: str | None = None) -> int:
        """How many times the reading (day, values in register order) is held: each register's result counted, the
        smallest count returned (one submission = one result per register)."""
        results = self.readings(device_id)
        counts = []
        for index, value in enumerate(values, start=1):
            register_id = f"{index:03d}"
            counts.append(sum(1 for r in results if r["RegisterID"] == register_id and r["_date"] == day
                              and Decimal(r["ReadingResult"]) == value))
        return min(counts) if counts else 0

    def accept_all(self) -> None:
        with self.lock:
            for result in self.readings():
                result["Prkrasch"] = "X"


# --- the server --------------------------------------------------------------------------------------------------


class PortalEmulator(LoopbackServer):
    def __init__(self, state: PortalState | None = None, *, host: str = "127.0.0.1", port: int = 0,
                 delay: float = 0.0) -> None:
        self.state = state or PortalState()
        self.delay = delay
        self.faults: list[Fault] = []
        self.requests: list[tuple[str, str, int]] = []  # (method, path, status)
        self.tokens: dict[str, str] = {}  # token → login
        self.posts = 0
        self.post_arrived = threading.Event()
        self._lock = threading.Lock()
        emulator = self

        class Handler(_Handler):
            portal = emulator

        super().__init__(Handler, host=host, port=port, name="portal-emulator")

    @property
    def url(self) -> str:
        return self.origin

    def fail(self, kind: str, *, method: str | None = None, path: str | None = None, times: int = 1,
             seconds: float = 0.0, message: str = "", store: bool = True) -> None:
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; known: {', '.join(FAULT_KINDS)}")
        with self._lock:
            self.faults.append(Fault(kind, method, path, times, seconds, message, store))

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    def take_fault(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if (fault.method is None or fault.method == method) and (fault.path is None or fault.path in path):
                    fault.times -= 1
                    if fault.times <= 0:
                        self.faults.remove(fault)
                    return fault
        return None

    def count(self, day: date, values: tuple[int, ...], device_id: str | None = None) -> int:
        return self.state.count(day, values, device_id)


class _Drop(Exception):
    pass


class _Handler(BaseHTTPRequestHandler):
    portal: PortalEmulator
    protocol_version = "HTTP/1.1"
    server_version = "SAP NetWeaver Application Server (emulator)"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # headers and body: no Nagle delay

    # --- plumbing --------------------------------------------------------------------------------------------------

    shape: Fault | None = None  # drip / truncated: how this request's answer is sent

    def _send(self, status: int, body: bytes = b"", content_type: str = "application/json; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        if self.shape is not None:
            return self._send_shaped(status, body, content_type, headers or {})
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.portal.requests.append((self.command, urlsplit(self.path).path, status))

    def _send_shaped(self, status: int, body: bytes, content_type: str, headers: dict[str, str]) -> None:
        """The answer dripped a byte at a time, or cut off half-way through its body."""
        fault, self.shape = self.shape, None
        assert fault is not None
        lines = [f"HTTP/1.1 {status} {self.responses.get(status, ('',))[0]}", f"Content-Type: {content_type}",
                 f"Content-Length: {len(body)}", *(f"{k}: {v}" for k, v in headers.items()), "", ""]
        head = "\r\n".join(lines).encode("latin-1", "replace")
        self.close_connection = True
        if fault.kind == "truncated":
            self.wfile.write(head + body[: len(body) // 2])
            self._drop()
        self.portal.requests.append((self.command, urlsplit(self.path).path, status))
        for byte in head + body:
            self.wfile.write(bytes([byte]))
            time.sleep(fault.seconds)

    def _quoting(self, message: str) -> str:
        """An error text that quotes the request as received (credentials in the query and all)."""
        return message.replace("{request}", unquote(self.requestline))

    def _answer(self, fault: Fault) -> None:
        """What a proxy or a misconfigured server answers instead of the portal's entity."""
        if fault.kind == "html":
            return self._send(200, PROXY_PAGE, "text/html; charset=utf-8")
        if fault.kind == "empty":
            return self._send(200, b"", "text/plain")
        return self._send(307, b"", "text/plain", {"Location": "/sap/public/bc/icf/logoff"})

    def _json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"), headers=headers)

    def _error(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        self._json(status, {"error": {"code": code, "message": {"lang": "ru", "value": message},
                                      "innererror": {"transactionid": secrets.token_hex(8)}}}, headers)

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.portal.requests.append((self.command, urlsplit(self.path).path, 0))
        raise _Drop

    def _body(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        return json.loads(raw.decode("utf-8")) if raw else {}

    def do_GET(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    # --- dispatch ----------------------------------------------------------------------------------------------------

    def _dispatch(self) -> None:
        body = self._body() if self.command == "POST" else None
        self.shape = None
        if self.command == "POST":
            with self.portal._lock:
                self.portal.posts += 1
            self.portal.post_arrived.set()
        try:
            if self.portal.delay:
                time.sleep(self.portal.delay)
            parts = urlsplit(self.path)
            path, query = unquote(parts.path), {k: v[-1] for k, v in parse_qs(parts.query).items()}
            fault = self.portal.take_fault(self.command, path)
            after: Fault | None = None
            if fault is not None:
                if fault.kind == "slow":
                    time.sleep(fault.seconds)
                elif fault.kind == "401":
                    return self._error(401, "/IWFND/CM_CONSUMER/101", "Неверное имя пользователя или пароль")
                elif fault.kind in ("500", "503"):
                    return self._error(int(fault.kind), "/IWBEP/CM_MGW_RT/020",
                                       self._quoting(fault.message or "Сервис временно недоступен"))
                elif fault.kind == "drop":
                    return self._drop()
                elif fault.kind == "csrf":
                    self.portal.tokens.clear()
                elif fault.kind in ANSWER_FAULTS and (self.command != "POST" or not fault.store):
                    return self._answer(fault)
                elif fault.kind in ("drip", "truncated"):
                    self.shape = fault
                else:
                    after = fault
            if path.startswith(PUBLIC):
                return self._public(path[len(PUBLIC):], query, body, after)
            if path.startswith(SERVICE):
                return self._service(path[len(SERVICE):], query, body, after)
            return self._error(404, "/IWFND/MED/170", f"Нет сервиса по адресу {path}")
        except _Drop:
            return None
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout): nothing to answer
            self.close_connection = True
            return None

    def _login(self, query: dict[str, str]) -> Account | None:
        user, password = query.get("sap-user"), query.get("sap-password")
        header = self.headers.get("Authorization", "")
        if header.lower().startswith("basic "):
            try:
                user, _, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
            except ValueError:
                return None
        if not user or password is None:
            return None
        with self.portal.state.lock:
            return self.portal.state.account_of(user, password)

    def _csrf(self, login: str) -> tuple[bool, dict[str, str]]:
        """(token ok, headers to send)."""
        wanted = self.headers.get("x-csrf-token", "")
        if wanted.lower() == "fetch":
            token = secrets.token_urlsafe(16)
            self.portal.tokens[token] = login
            return True, {"x-csrf-token": token}
        return self.portal.tokens.get(wanted) == login, {}

    def _service(self, path: str, query: dict[str, str], body: Any, after: Fault | None) -> None:
        account = self._login(query)
        if account is None:
            return self._error(401, "/IWFND/CM_CONSUMER/101", "Неверное имя пользователя или пароль",
                               {"WWW-Authenticate": 'Basic realm="SAP NetWeaver Application Server"'})
        cookie = {"Set-Cookie": f"SAP_SESSIONID_UMC_100={secrets.token_hex(8)}; path=/; HttpOnly"}
        _ok, csrf_headers = self._csrf(account.login)
        if self.command in ("GET", "HEAD") and path in ("", "/"):
            return self._json(200, {"d": {"EntitySets": ["Accounts", "Devices", "MeterReadingResults"]}},
                              {**cookie, **csrf_headers})
        if self.command == "POST":
            if path.strip("/") != "MeterReadingResults":
                return self._error(405, "/IWBEP/CM_MGW_RT/002", "Метод не поддерживается")
            if not _ok:
                return self._send(403, b"CSRF token validation failed", "text/plain", {"x-csrf-token": "Required"})
            return self._submit(body, account, after, public=False)
        with self.portal.state.lock:
            payload = self._get(path.strip("/"), query, account)
        if payload is None:
            return self._error(404, "/IWBEP/CM_MGW_RT/021", "Ресурс не найден")
        if isinstance(payload, bytes):
            return self._send(200, payload, "application/pdf")
        return self._json(200, payload, cookie)

    # --- reads ----------------------------------------------------------------------------------------------------

    def _get(self, path: str, query: dict[str, str], account: Account) -> Any:
        state = self.portal.state
        expand = [e.strip() for e in query.get("$expand", "").split(",") if e.strip()]
        key = r"\((?:\w+=)?'([^']*)'\)"
        if match := re.fullmatch(r"PasswordStatSet" + key, path):
            return {"d": {"Login": match.group(1), "PassStat": "1"}}
        if path == "Accounts":
            return {"d": {"results": [self._account(account, expand)]}}
        if match := re.fullmatch(r"Accounts" + key + r"(?:/(\w+))?", path):
            if match.group(1) != account.account_id:
                return None
            nav = match.group(2)
            if nav is None:
                return {"d": self._account(account, expand)}
            if nav == "ContractAccounts":
                return {"d": {"results": [self._ca(ca, expand) for ca in account.contract_accounts]}}
            if nav == "Invoices":
                return {"d": {"results": [self._invoice(i) for ca in account.contract_accounts for i in ca.invoices]}}
            if nav == "PaymentDocuments":
                return {"d": {"results": [self._payment(p) for p in account.payments]}}
            return None
        if match := re.fullmatch(r"ContractAccounts" + key + r"/Invoices", path):
            cas = [ca for ca in account.contract_accounts if ca.contract_account_id == match.group(1)]
            return {"d": {"results": [self._invoice(i) for ca in cas for i in ca.invoices]}} if cas else None
        if match := re.fullmatch(r"Contracts" + key + r"/ContractConsumptionValues", path):
            for _ca, contract, _d in state.devices(account):
                if contract.contract_id == match.group(1):
                    return {"d": {"results": [self._consumption(contract, c) for c in contract.consumption]}}
            return None
        if match := re.fullmatch(r"Devices" + key + r"(?:/(\w+))?", path):
            found = [d for _ca, _c, d in state.devices(account) if d.device_id == match.group(1)]
            if not found:
                return None
            device, nav = found[0], match.group(2)
            if nav == "RegistersToRead":
                return {"d": {"results": [self._register(device, r) for r in device.registers]}}
            if nav == "MeterReadingResults":
                return {"d": {"results": [self._result(r) for r in device.results]}}
            if nav is None:
                return {"d": self._device(device, [e.split("/")[0] for e in expand])}
            return None
        if match := re.fullmatch(r"Invoices" + key + r"/InvoicePDF/\$value", path):
            for ca in account.contract_accounts:
                for invoice in ca.invoices:
                    if invoice.invoice_id == match.group(1):
                        return invoice.pdf
            return None
        return None

    def _deferred(self, uri: str) -> dict[str, Any]:
        return {"__deferred": {"uri": f"{self.portal.url}{SERVICE}/{uri}"}}

    @staticmethod
    def _sub(expand: list[str], nav: str) -> list[str] | None:
        """The expand paths under `nav`, or None when `nav` is not expanded."""
        subs = [e[len(nav) + 1:] for e in expand if e == nav or e.startswith(nav + "/")]
        return [s for s in subs if s] if subs else None

    def _account(self, account: Account, expand: list[str]) -> dict[str, Any]:
        out: dict[str, Any] = {"__metadata": {"type": "ERP_UTILITIES_UMC.Account"}, "AccountID": account.account_id,
                               "FullName": account.full_name, "FirstName": "", "LastName": ""}
        sub = self._sub(expand, "ContractAccounts")
        out["ContractAccounts"] = ({"results": [self._ca(ca, sub) for ca in account.contract_accounts]}
                                   if sub is not None else self._deferred(f"Accounts('{account.account_id}')/"
                                                                          "ContractAccounts"))
        out["PaymentDocuments"] = self._deferred(f"Accounts('{account.account_id}')/PaymentDocuments")
        return out

    def _ca(self, ca: ContractAccount, expand: list[str]) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ContractAccountID": ca.contract_account_id, "Vkona": ca.vkona, "Ttypbez": ca.tariff_type,
            "Preisbtr1": ca.prices[0], "Preisbtr2": ca.prices[1], "Preisbtr3": ca.prices[2],
            "Livecnt": "2", "Regcnt": "2", "Roomcnt": "2", "Homes": "1", "UnknownFutureField": {"x": 1}, **ca.extra,
        }
        sub = self._sub(expand, "Contracts")
        out["Contracts"] = ({"results": [self._contract(c, sub) for c in ca.contracts]} if sub is not None
                            else self._deferred(f"ContractAccounts('{ca.contract_account_id}')/Contracts"))
        inv = self._sub(expand, "Invoices")
        out["Invoices"] = ({"results": [self._invoice(i) for i in ca.invoices]} if inv is not None
                           else self._deferred(f"ContractAccounts('{ca.contract_account_id}')/Invoices"))
        return out

    def _contract(self, contract: Contract, expand: list[str]) -> dict[str, Any]:
        sub = self._sub(expand, "Devices")
        return {
            "ContractID": contract.contract_id, "MoveInDate": odate(contract.move_in),
            "MoveOutDate": "/Date(253402214400000)/",
            "Devices": ({"results": [self._device(d, sub) for d in contract.devices]} if sub is not None
                        else self._deferred(f"Contracts('{contract.contract_id}')/Devices")),
            "Premise": self._deferred(f"Contracts('{contract.contract_id}')/Premise"),
        }

    def _device(self, device: Device, expand: list[str]) -> dict[str, Any]:
        return {
            "DeviceID": device.device_id, "SerialNumber": device.serial, "Stanzvor": str(device.integer_places),
            "Stanznac": str(device.decimal_places), "Bgljahr": str(device.verified_year),
            "LvProv": str(device.next_verification_year), "Vlzeitt": str(device.interval),
            "RegistersToRead": ({"results": [self._register(device, r) for r in device.registers]}
                                if "RegistersToRead" in expand
                                else self._deferred(f"Devices('{device.device_id}')/RegistersToRead")),
            "MeterReadingResults": ({"results": [self._result(r) for r in device.results]}
                                    if "MeterReadingResults" in expand
                                    else self._deferred(f"Devices('{device.device_id}')/MeterReadingResults")),
        }

    @staticmethod
    def _register(device: Device, register: Register, *, public: bool = False) -> dict[str, Any]:
        previous = register.previous_value
        out = {
            "DeviceID": device.device_id, "RegisterID": register.register_id, "Zwarttxt": register.zone_text,
            "PreviousMeterReadingResult": (str(int(previous)) if public else dec(previous)) if previous is not None
            else None,
            "PreviousMeterReadingDate": odate(register.previous_date), "IntegerPlaces": str(device.integer_places),
            "DecimalPlaces": str(device.decimal_places),
        }
        if public:
            out["SerialNumber"] = device.serial
        return out

    @staticmethod
    def _result(result: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in result.items() if not k.startswith("_")}

    @staticmethod
    def _invoice(invoice: Invoice) -> dict[str, Any]:
        return {"InvoiceID": invoice.invoice_id, "InvoiceDate": odate(invoice.invoice_date),
                "DueDate": odate(invoice.due_date), "AmountDue": dec(invoice.amount_due),
                "AmountPaid": dec(invoice.amount_paid),
                "AmountRemaining": dec(invoice.amount_due - invoice.amount_paid),
                "InvoiceStatusID": invoice.status, "CurrencyID": "RUB"}

    @staticmethod
    def _payment(payment: tuple[str, date, Decimal, str]) -> dict[str, Any]:
        return {"PaymentDocumentID": payment[0], "ExecutionDate": odate(payment[1]), "Amount": dec(payment[2]),
                "PaymentMethodDescription": payment[3]}

    @staticmethod
    def _consumption(contract: Contract, value: tuple[date, date, Decimal, Decimal]) -> dict[str, Any]:
        return {"ContractID": contract.contract_id, "ConsumptionPeriodTypeID": "BC", "StartDate": odate(value[0]),
                "EndDate": odate(value[1]), "ConsumptionValue": dec(value[2]), "BilledAmount": dec(value[3])}

    # --- the public service -----------------------------------------------------------------------------------------

    def _public_device(self, account_number: str) -> tuple[ContractAccount, Device] | None:
        for ca, _c, device in self.portal.state.devices():
            if account_number in (ca.vkona, ca.contract_account_id):
                return ca, device
        return None

    def _public(self, path: str, query: dict[str, str], body: Any, after: Fault | None) -> None:
        _ok, csrf_headers = self._csrf("anonymous")
        path = path.strip("/")
        if self.command in ("GET", "HEAD") and path == "":
            return self._json(200, {"d": {"EntitySets": ["MeterReadingResults"]}}, csrf_headers)
        if self.command == "GET" and path == "GetRegistersToRead":
            number = query.get("ContractAccountID", "").strip("'")
            with self.portal.state.lock:
                found = self._public_device(number)
                if found is None:
                    return self._error(400, "ZISU_UMC_ODATA/033", "Лицевой счёт не найден")
                _ca, device = found
                return self._json(200, {"d": {"results": [self._register(device, r, public=True)
                                                          for r in device.registers]}})
        if self.command == "POST" and path == "MeterReadingResults":
            if not _ok:
                return self._send(403, b"CSRF token validation failed", "text/plain", {"x-csrf-token": "Required"})
            return self._submit(body, None, after, public=True)
        return self._error(404, "/IWBEP/CM_MGW_RT/021", "Ресурс не найден")

    # --- submitting ---------------------------------------------------------------------------------------------------

    def _submit(self, body: Any, account: Account | None, after: Fault | None, *, public: bool) -> None:
        if after is not None and after.kind == "reject":
            return self._error(400, "ZISU_UMC_ODATA/021", self._quoting(after.message or REJECT_MESSAGE))
        items = []
        stack = [body]
        while stack:
            item = stack.pop(0)
            items.append(item)
            dependents = item.get("DependentMeterReadingResults") or []
            stack.extend(dependents.get("results", []) if isinstance(dependents, dict) else dependents)
        state = self.portal.state
        with state.lock:
            if public:
                found = self._public_device(str(body.get("ContractAccountID", "")))
                device = found[1] if found and found[1].device_id == body.get("DeviceID") else None
            else:
                device = next((d for _ca, _c, d in state.devices(account) if d.device_id == body.get("DeviceID")), None)
            if device is None:
                return self._error(400, "ZISU_UMC_ODATA/033", "Прибор учёта не найден по указанному лицевому счёту")
            registers = {r.register_id: r for r in device.registers}
            seen = [i.get("RegisterID") for i in items]
            if sorted(seen) != sorted(registers) or any(i.get("DeviceID") != device.device_id for i in items):
                return self._error(400, "ZISU_UMC_ODATA/040", "Необходимо передать показания по всем регистрам прибора")
            parsed = []
            for item in items:
                register = registers[item["RegisterID"]]
                try:
                    value = Decimal(str(item["ReadingResult"]))
                    day = parse_odate(item["ReadingDateTime"])
                except (ValueError, ArithmeticError, KeyError):
                    return self._error(400, "ZISU_UMC_ODATA/041", "Неверный формат показаний")
                if register.previous_value is not None and value < register.previous_value:
                    return self._error(400, "ZISU_UMC_ODATA/042",
                                       f"Показания по зоне «{register.zone_text}» ({value}) меньше предыдущих "
                                       f"({int(register.previous_value)}). Передайте показания по телефону.")
                if register.previous_date is not None and day < register.previous_date:
                    return self._error(400, "ZISU_UMC_ODATA/043", "Дата показаний раньше даты предыдущих показаний")
                parsed.append((register, value, day))
            stored = []
            for register, value, day in parsed:
                result = {
                    "MeterReadingResultID": state.next_id(), "DeviceID": device.device_id,
                    "RegisterID": register.register_id, "ReadingResult": dec(value), "ReadingDateTime": odate(day),
                    "Consumption": dec(value - (register.previous_value or 0)), "Zwarttxt": register.zone_text,
                    "Text40": "Анонимная передача" if public else "Личный кабинет",
                    "Prkrasch": "X" if state.accept_immediately else "", "_date": day,
                }
                device.results.append(result)
                register.previous_value, register.previous_date = value, day
                stored.append(result)
        if after is not None and after.kind == "drop_after_store":
            return self._drop()
        if after is not None and after.kind == "slow_after_store":
            time.sleep(after.seconds)
        if after is not None and after.kind in ANSWER_FAULTS:
            return self._answer(after)
        top = {**self._result(stored[0]),
               "DependentMeterReadingResults": {"results": [self._result(r) for r in stored[1:]]}}
        return self._json(201, {"d": top})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The supplier's portal emulator, for tests and demos.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds before every answer (a slow portal)")
    parser.add_argument("--login", default="050900691990")
    parser.add_argument("--password", default="demo-password")
    parser.add_argument("--account", default="050900691990", help="the personal account number (Vkona)")
    parser.add_argument("--serial", default="11712434", help="the meter's serial number")
    parser.add_argument("--zones", default="День,Ночь", help="register zone texts, comma-separated")
    args = parser.parse_args(argv)
    zones = tuple(z.strip() for z in args.zones.split(",") if z.strip())
    previous = (1000, 500, 700)[:len(zones)]
    account = household(args.login, args.password, vkona=args.account, serial=args.serial, zones=zones,
                        previous=previous)
    emulator = PortalEmulator(PortalState([account]), host=args.host, port=args.port, delay=args.delay)
    print(f"Portal emulator on {emulator.url} (login {args.login}, password {args.password}); Ctrl+C stops it.",
          flush=True)
    return emulator.serve_until_interrupted()


if __name__ == "__main__":
    raise SystemExit(main())
