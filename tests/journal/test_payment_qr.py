"""The GOST R 56042-2014 payload: header, order, kopecks, lengths, the separator inside values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from journal.errors import InvalidInput
from journal.payment_qr import (
    PayerName,
    kopecks,
    parse_payload,
    payment_payload,
    payment_period,
    split_full_name,
)

PAYEE = {
    "name": "ПАО «Самараэнерго»",
    "personal_acc": "40702810154400012345",
    "bank_name": "Поволжский банк ПАО Сбербанк",
    "bic": "043601607",
    "corresp_acc": "30101810200000000607",
}


def test_the_whole_payload() -> None:
    text = payment_payload(
        **PAYEE, payee_inn="6315222985", kpp="631501001",
        purpose="Оплата электроэнергии за октябрь 2026 г., лицевой счёт 050900691990", amount=Decimal("3089.10"),
        payer=split_full_name("Иванова Мария Петровна"), payer_address="Самара, ул. Ленина, 1",
        pers_acc="050900691990", period="2026-10",
    )
    assert text == (
        "ST00012|Name=ПАО «Самараэнерго»|PersonalAcc=40702810154400012345|BankName=Поволжский банк ПАО Сбербанк"
        "|BIC=043601607|CorrespAcc=30101810200000000607|PayeeINN=6315222985|KPP=631501001"
        "|Purpose=Оплата электроэнергии за октябрь 2026 г., лицевой счёт 050900691990|Sum=308910"
        "|lastName=Иванова|firstName=Мария|middleName=Петровна|payerAddress=Самара, ул. Ленина, 1"
        "|persAcc=050900691990|paymPeriod=102026|techCode=02"
    )
    fields = parse_payload(text)
    assert list(fields)[:5] == ["Name", "PersonalAcc", "BankName", "BIC", "CorrespAcc"]
    assert list(fields)[-1] == "techCode"


def test_mandatory_fields_only() -> None:
    assert payment_payload(**PAYEE, tech_code="") == (
        "ST00012|Name=ПАО «Самараэнерго»|PersonalAcc=40702810154400012345|BankName=Поволжский банк ПАО Сбербанк"
        "|BIC=043601607|CorrespAcc=30101810200000000607"
    )


@pytest.mark.parametrize("missing", ["name", "personal_acc", "bank_name", "bic", "corresp_acc"])
def test_a_missing_mandatory_field_is_refused(missing: str) -> None:
    with pytest.raises(InvalidInput):
        payment_payload(**{**PAYEE, missing: " "})


def test_the_separator_and_line_breaks_never_reach_a_value() -> None:
    text = payment_payload(**{**PAYEE, "name": "ООО «A|B»"}, purpose="за\nоктябрь | ноябрь",
                           payer_address="Самара,\r\nул. Ленина | 1")
    fields = parse_payload(text)
    assert fields["Name"] == "ООО «A/B»"
    assert fields["Purpose"] == "за октябрь / ноябрь"
    assert fields["payerAddress"] == "Самара, ул. Ленина / 1"
    assert text.count("|") == len(fields)


def test_values_are_cut_to_the_standards_lengths() -> None:
    fields = parse_payload(payment_payload(**{**PAYEE, "name": "Я" * 200, "bank_name": "Б" * 60},
                                           purpose="П" * 300, payee_inn="1" * 20, kpp="2" * 12))
    assert len(fields["Name"]) == 160 and len(fields["BankName"]) == 45 and len(fields["Purpose"]) == 160
    assert len(fields["PayeeINN"]) == 12 and len(fields["KPP"]) == 9


def test_sum_in_kopecks() -> None:
    assert kopecks(Decimal("3089.10")) == 308910
    assert kopecks(Decimal("0.5")) == 50
    assert kopecks(Decimal("1234567")) == 123456700
    for bad in (Decimal("1.005"), Decimal("-1")):
        with pytest.raises(InvalidInput):
            kopecks(bad)
    assert parse_payload(payment_payload(**PAYEE, amount=Decimal("12.3")))["Sum"] == "1230"


def test_payment_period_and_names() -> None:
    assert payment_period("2026-01") == "012026"
    with pytest.raises(InvalidInput):
        payment_period("2026-1")
    assert split_full_name("  Иванова   Мария Петровна ") == PayerName("Иванова", "Мария", "Петровна")
    assert split_full_name("Алиев Рустам Гасан оглы") == PayerName("Алиев", "Рустам", "Гасан оглы")
    assert split_full_name("Иванова") == PayerName("Иванова")
    fields = parse_payload(payment_payload(**PAYEE, payer=split_full_name("Иванова")))
    assert fields["lastName"] == "Иванова" and "firstName" not in fields and "middleName" not in fields


def test_parse_payload_refuses_another_header() -> None:
    with pytest.raises(ValueError):
        parse_payload("ST00011|Name=x")
