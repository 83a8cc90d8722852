"""An emulator of the supplier's public online price calculator (docs/DOMAIN.md): a real HTTP server on 127.0.0.1
that takes the calculator's form and answers as the site does — JSON sent as text/html, the cost with a decimal
comma — with its refusals and scripted faults. For the tests and for demos:

    python -m tests.calculator_emulator --port 8766
    # then: meter-journal tariff update --calculator-url http://127.0.0.1:8766/fiz-licam/online-kalkulyator/

The supplier's prices it knows (PRICES) are its own truth, in the form's codes: (UF_POSITION, UF_TYPE_HOUSE,
UF_TYPE_STOVE, UF_TARIF) → reading field (PIK, NOCH, POLUPIK) → prices by date. They fill what the shipped table
leaves unknown and contradict one disputed shipped figure (2024-07-01: day 6.38, night 3.30).

Refusals ({"Status": false}): three zones when `refuse_three_zones` (what the service is reported to do), dates
before `earliest` (2022-01-01: what an open-source client assumes), and any day it has no price for.
Faults (`emulator.fail(kind, times=...)`), taken by the next POSTs:
    "html"   a web page instead of JSON (status 200, as a site that changed or a busy page)
    "500"    a server error page
    "slow"   answer after `seconds` (longer than the client waits: a timeout)
    "drop"   close the connection without an answer
"""

from __future__ import annotations

import argparse
import json
import socket
import threading
import time
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.loopback_server import LoopbackServer

PATH = "/fiz-licam/online-kalkulyator/"
FAULT_KINDS = ("html", "500", "slow", "drop")
D = Decimal

GAS, STOVE, RURAL = ("1", "4", "5"), ("1", "4", "6"), ("2", "", "")
SINGLE, TWO, THREE = "7", "8", "9"


def _gas() -> dict[str, dict[str, list[tuple[date, Decimal]]]]:
    """Urban housing with gas stoves: what the supplier's calculator says, by plan and reading field."""
    def timeline(*points: tuple[date, str]) -> list[tuple[date, Decimal]]:
        return [(day, D(price)) for day, price in points]

    return {
        SINGLE: {"PIK": timeline((date(2021, 7, 1), "4.46"), (date(2022, 7, 1), "4.62"), (date(2022, 12, 1), "5.04"),
                                 (date(2024, 7, 1), "5.48"), (date(2025, 7, 1), "6.16"), (date(2026, 1, 1), "6.25"),
                                 (date(2026, 10, 1), "6.95"))},
        TWO: {
            "PIK": timeline((date(2021, 7, 1), "5.08"), (date(2022, 7, 1), "5.28"), (date(2022, 12, 1), "5.61"),
                            (date(2024, 7, 1), "6.38"), (date(2025, 7, 1), "7.18"), (date(2026, 1, 1), "7.29"),
                            (date(2026, 10, 1), "8.20")),
            "NOCH": timeline((date(2021, 7, 1), "2.50"), (date(2022, 7, 1), "2.60"), (date(2022, 12, 1), "2.80"),
                             (date(2024, 7, 1), "3.30"), (date(2025, 7, 1), "3.59"), (date(2026, 1, 1), "3.76"),
                             (date(2026, 10, 1), "4.17")),
        },
        THREE: {
            "PIK": timeline((date(2022, 7, 1), "5.30"), (date(2022, 12, 1), "6.21"), (date(2025, 7, 1), "8.37")),
            "NOCH": timeline((date(2022, 7, 1), "2.60"), (date(2022, 12, 1), "2.80"), (date(2025, 7, 1), "3.56")),
            "POLUPIK": timeline((date(2022, 7, 1), "4.62"), (date(2022, 12, 1), "4.83"), (date(2025, 7, 1), "6.16")),
        },
    }


def default_prices() -> dict[tuple[str, str, str, str], dict[str, list[tuple[date, Decimal]]]]:
    gas = _gas()
    reduced = {plan: {name: [(day, (price * D("0.7")).quantize(D("0.01"), ROUND_HALF_UP)) for day, price in points]
                      for name, points in fields.items()} for plan, fields in gas.items()}
    prices = {}
    for plan in (SINGLE, TWO, THREE):
        prices[(*GAS, plan)] = gas[plan]
        for codes in (STOVE, ("1", "3", "5"), ("1", "3", "6"), RURAL):
            prices[(*codes, plan)] = reduced[plan]
    return prices


@dataclass
class Fault:
    kind: str
    times: int
    seconds: float
    after: int  # POSTs answered normally before it


class CalculatorEmulator(LoopbackServer):
    def __init__(self, *, host: str = "127.0.0.1", port: int = 0, refuse_three_zones: bool = True,
                 earliest: date | None = date(2022, 1, 1),
                 prices: dict[tuple[str, str, str, str], dict[str, list[tuple[date, Decimal]]]] | None = None) -> None:
        self.refuse_three_zones = refuse_three_zones
        self.earliest = earliest
        self.prices = prices if prices is not None else default_prices()
        self.requests: list[dict[str, str]] = []  # every POSTed form, in order
        self.times: list[float] = []  # when each arrived (time.monotonic)
        self.faults: list[Fault] = []
        self._lock = threading.Lock()
        emulator = self

        class Handler(_Handler):
            calculator = emulator

        super().__init__(Handler, host=host, port=port, name="calculator-emulator")

    @property
    def url(self) -> str:
        return f"{self.origin}{PATH}"

    def fail(self, kind: str, *, times: int = 1, seconds: float = 0.0, after: int = 0) -> None:
        """The next `times` POSTs (after `after` answered normally) meet the fault `kind`."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; known: {', '.join(FAULT_KINDS)}")
        with self._lock:
            self.faults.append(Fault(kind, times, seconds, after))

    def take_fault(self) -> Fault | None:
        with self._lock:
            if not self.faults:
                return None
            fault = self.faults[0]
            if fault.after > 0:
                fault.after -= 1
                return None
            fault.times -= 1
            if fault.times <= 0:
                self.faults.pop(0)
            return fault

    def price(self, codes: tuple[str, str, str, str], field: str, day: date) -> Decimal | None:
        points = self.prices.get(codes, {}).get(field, [])
        found = [price for start, price in points if start <= day]
        return found[-1] if found else None

    def cost(self, form: dict[str, str]) -> Decimal | None:
        """The cost of the form's kWh, or None for a refusal."""
        try:
            day = datetime.strptime(form.get("UF_DATE", ""), "%d.%m.%Y").date()
        except ValueError:
            return None
        position, tarif = form.get("UF_POSITION", ""), form.get("UF_TARIF", "")
        codes = (position, form.get("UF_TYPE_HOUSE", ""), form.get("UF_TYPE_STOVE", ""), tarif) if position == "1" \
            else (position, "", "", tarif)
        if (self.earliest is not None and day < self.earliest) or (self.refuse_three_zones and tarif == THREE):
            return None
        fields = {SINGLE: ("PIK",), TWO: ("PIK", "NOCH"), THREE: ("PIK", "NOCH", "POLUPIK")}.get(tarif)
        if fields is None:
            return None
        total = D(0)
        for field in fields:
            try:
                kwh = D(form[f"END_{field}"]) - D(form[f"START_{field}"])
            except (KeyError, ArithmeticError):
                return None
            if not kwh:
                continue
            price = self.price(codes, field, day)
            if price is None:
                return None
            total += kwh * price
        return total.quantize(D("0.01"), ROUND_HALF_UP)


class _Handler(BaseHTTPRequestHandler):
    calculator: CalculatorEmulator
    protocol_version = "HTTP/1.1"
    server_version = "nginx"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _send(self, status: int, body: bytes, content_type: str = "text/html; charset=UTF-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _page(self, status: int, title: str) -> None:
        self._send(status, f"<!DOCTYPE html><html><head><title>{title}</title></head><body><h1>{title}</h1>"
                           "</body></html>".encode())

    def do_GET(self) -> None:
        self._page(200, "Онлайн-калькулятор") if urlsplit(self.path).path == PATH else self._page(404, "Не найдено")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8") if length else ""
        form = {key: values[-1] for key, values in parse_qs(raw, keep_blank_values=True).items()}
        with self.calculator._lock:
            self.calculator.requests.append(form)
            self.calculator.times.append(time.monotonic())
        if urlsplit(self.path).path != PATH:
            return self._page(404, "Не найдено")
        fault = self.calculator.take_fault()
        try:
            if fault is not None:
                if fault.kind == "html":
                    return self._page(200, "Сайт на обслуживании")
                if fault.kind == "500":
                    return self._page(500, "Внутренняя ошибка сервера")
                if fault.kind == "drop":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return None
                if fault.kind == "slow":
                    time.sleep(fault.seconds)
            if form.get("action") != "calculate":
                return self._page(200, "Онлайн-калькулятор")
            cost = self.calculator.cost(form)
            answer = {"Status": False} if cost is None else {"Status": True, "Value": f"{cost:.2f}".replace(".", ",")}
            return self._send(200, json.dumps(answer).encode())
        except (BrokenPipeError, ConnectionResetError, OSError):
            self.close_connection = True
            return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The supplier's online price calculator emulator.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8766, help="0 picks a free port")
    parser.add_argument("--three-zones", action="store_true", help="answer for three zones too (default: refuse)")
    args = parser.parse_args(argv)
    emulator = CalculatorEmulator(host=args.host, port=args.port, refuse_three_zones=not args.three_zones)
    print(f"Calculator emulator on {emulator.url}; Ctrl+C stops it.", flush=True)
    return emulator.serve_until_interrupted()


if __name__ == "__main__":
    raise SystemExit(main())
