"""Small pieces: OData formats, zone texts, redaction."""

from __future__ import annotations

import logging
from datetime import date, datetime
from decimal import Decimal

import pytest

from desktop_app.portal import odata
from desktop_app.portal.address import checked_origin
from desktop_app.portal.api import Register, reading_body
from desktop_app.portal.errors import InsecurePortalAddress
from desktop_app.portal.redaction import RedactingFilter, redact, register_secret
from desktop_app.portal.transport import PortalTransport
from desktop_app.portal.zones import ZoneMismatch, match_registers, zone_of_text
from journal.zones import TariffPlan, Zone


def test_odata_dates_and_decimals() -> None:
    assert odata.parse_date("/Date(1764806400000)/") == date(2025, 12, 4)
    assert odata.odata_date(date(2025, 12, 4)) == "/Date(1764806400000)/"
    assert odata.parse_date("/Date(253402214400000)/") is None  # year 9999: none
    assert odata.parse_datetime("2026-11-20T00:00:00") == datetime(2026, 11, 20)
    assert odata.parse_decimal("3211.00000000000000") == Decimal("3211")
    assert odata.results({"d": {"results": [{"a": 1}]}}) == [{"a": 1}]
    assert odata.results({"__deferred": {"uri": "x"}}) == []
    assert odata.normalize_serial("№ 0117-12434") == odata.normalize_serial("11712434")


def test_the_deep_insert_body() -> None:
    body = reading_body("11712434", [("001", 12345), ("002", 6789)], date(2025, 12, 4))
    assert body["RegisterID"] == "001" and body["ReadingResult"] == "12345"
    assert body["ReadingDateTime"] == "/Date(1764806400000)/" and body["MeterReadingNoteID"] == "920"
    (dependent,) = body["DependentMeterReadingResults"]
    assert dependent["RegisterID"] == "002" and dependent["DependentMeterReadingResults"] == []


@pytest.mark.parametrize(("text", "plan", "zone"), [
    ("День", TariffPlan.TWO_ZONE, Zone.DAY), ("Ночная зона", TariffPlan.TWO_ZONE, Zone.NIGHT),
    ("Т1", TariffPlan.TWO_ZONE, Zone.DAY), ("T1", TariffPlan.THREE_ZONE, Zone.PEAK),
    ("Пик", TariffPlan.THREE_ZONE, Zone.PEAK), ("Полупик", TariffPlan.THREE_ZONE, Zone.SEMI_PEAK),
    ("П/пик", TariffPlan.THREE_ZONE, Zone.SEMI_PEAK), ("т3", TariffPlan.THREE_ZONE, Zone.SEMI_PEAK),
    ("Круглосуточно", TariffPlan.SINGLE, Zone.SINGLE), ("Пик", TariffPlan.TWO_ZONE, None),
])
def test_zone_texts(text: str, plan: TariffPlan, zone: Zone | None) -> None:
    assert zone_of_text(text, plan) == zone


def reg(register_id: str, text: str) -> Register:
    return Register("D", register_id, text, None, None)


def test_registers_are_matched_by_text_not_position() -> None:
    mapping = match_registers([reg("001", "Ночь"), reg("002", "Полупик"), reg("003", "Пик")], TariffPlan.THREE_ZONE)
    assert {z: r.register_id for z, r in mapping.items()} == {Zone.NIGHT: "001", Zone.SEMI_PEAK: "002",
                                                              Zone.PEAK: "003"}
    assert match_registers([reg("001", "")], TariffPlan.SINGLE)[Zone.SINGLE].register_id == "001"
    with pytest.raises(ZoneMismatch, match="2 zone"):
        match_registers([reg("001", "День")], TariffPlan.TWO_ZONE)
    with pytest.raises(ZoneMismatch, match="cannot be matched"):
        match_registers([reg("001", "Зона А"), reg("002", "Зона Б")], TariffPlan.TWO_ZONE)


def test_redaction_of_urls_headers_and_registered_secrets() -> None:
    url = "GET /S/Accounts?sap-user=1&sap-password=hunter2&x=1"
    assert redact(url) == "GET /S/Accounts?sap-user=1&sap-password=***&x=1"
    assert "QWxhZGRpbjpvcGVu" not in redact("Authorization: Basic QWxhZGRpbjpvcGVu")
    register_secret("Тайна-42 пароль")
    encoded = "%D0%A2%D0%B0%D0%B9%D0%BD%D0%B0-42%20%D0%BF%D0%B0%D1%80%D0%BE%D0%BB%D1%8C"
    assert "Тайна" not in redact(f"failed for 'Тайна-42 пароль' and {encoded}")
    assert encoded not in redact(encoded)


def test_the_log_filter_redacts_messages_and_tracebacks() -> None:
    register_secret("very-secret-pw")
    try:
        raise ValueError("url was ...?sap-password=very-secret-pw")
    except ValueError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom %s", ("very-secret-pw",), sys.exc_info())
    RedactingFilter().filter(record)
    text = record.getMessage() + (record.exc_text or "")
    assert "very-secret-pw" not in text and "boom ***" in text


@pytest.mark.parametrize("origin", ["http://127.0.0.1:8765", "http://127.8.9.10/", "http://[::1]:8765",
                                    "http://localhost:8765", "HTTP://LocalHost", "https://lk.samaraenergo.ru/",
                                    "https://10.0.0.5:8443"])
def test_plain_http_goes_only_to_this_computer(origin: str) -> None:
    assert checked_origin(origin) == origin.rstrip("/")
    with PortalTransport(origin) as transport:
        assert transport.origin == origin.rstrip("/")


@pytest.mark.parametrize("origin", ["http://lk.samaraenergo.ru", "http://10.0.0.5:8080", "http://127.0.0.1.example.com",
                                    "http://localhost.example.com", "http://[::2]", "http://user:hunter2@example.org",
                                    "ftp://lk.samaraenergo.ru", "lk.samaraenergo.ru", "http://"])
def test_any_other_address_is_refused_in_one_line(origin: str) -> None:
    with pytest.raises(InsecurePortalAddress) as error:
        checked_origin(origin)
    assert "\n" not in error.value.message and "hunter2" not in error.value.message
    assert error.value.field == "portal_url"
    with pytest.raises(InsecurePortalAddress):
        PortalTransport(origin)


def test_the_portals_words_are_redacted_in_every_error() -> None:
    from desktop_app.portal.errors import AmbiguousOutcome, PortalRefused

    register_secret("Пароль-42!")
    quoted = "Ошибка: POST /S/MeterReadingResults?sap-user=1&sap-password=Пароль-42!&sap-language=RU HTTP/1.1"
    for error in (PortalRefused(quoted, status=400, portal_message=quoted),
                  AmbiguousOutcome(f"The portal answered with an error (500): {quoted}.", portal_message=quoted)):
        assert "Пароль-42!" not in error.message + (error.portal_message or "") + str(error)
        assert "sap-password=***" in error.message and "sap-password=***" in (error.portal_message or "")


def test_the_answer_must_be_the_created_entity() -> None:
    from desktop_app.portal.api import ReadingResult
    from desktop_app.portal.sync import SyncEngine

    day = date(2026, 11, 20)

    def result(register: str, value: str, device: str = "D1", when: datetime | None = datetime(2026, 11, 20)
               ) -> ReadingResult:
        return ReadingResult("9", device, register, Decimal(value), when, None, "", "", False)

    sent = [("001", 1200), ("002", 600)]
    assert SyncEngine._confirms([result("001", "1200.000"), result("002", "600")], "D1", sent, day)
    assert SyncEngine._confirms([result("002", "600", when=None), result("001", "1200", "000D1")], "D1", sent, day)
    assert not SyncEngine._confirms([], "D1", sent, day)  # an empty answer
    assert not SyncEngine._confirms([result("001", "1200")], "D1", sent, day)  # a register missing
    assert not SyncEngine._confirms([result("001", "1200"), result("002", "601")], "D1", sent, day)
    assert not SyncEngine._confirms([result("001", "1200", "D2"), result("002", "600", "D2")], "D1", sent, day)
    assert not SyncEngine._confirms([result("001", "1200", when=datetime(2026, 11, 25)), result("002", "600")],
                                    "D1", sent, day)
