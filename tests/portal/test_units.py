"""Small pieces: OData formats, zone texts, redaction."""

from __future__ import annotations

import logging
from datetime import date, datetime
from decimal import Decimal

import pytest

from desktop_app.portal import odata
from desktop_app.portal.api import Register, reading_body
from desktop_app.portal.redaction import RedactingFilter, redact, register_secret
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
