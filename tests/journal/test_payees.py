"""Payee bank details: the Bank of Russia control keys, INN and KPP, sample details, storage.

How the valid examples were chosen and verified. Public facts: INN 6315222985 is Samaraenergo's
(docs/DOMAIN.md), 7707083893 Sberbank's and 7702070139 VTB's; BIC 043601607 with correspondent account
30101810200000000607 is Sberbank's Povolzhsky bank (Samara), and 044525225 with 30101810400000000225 is
Sberbank in Moscow, as the banks publish them. Each is checked below twice: by hand-written arithmetic in
the test (the weighted sums, written out) and by journal.payees. Constructed numbers, nobody's: the
settlement account 40702810?54400012345 (its key digit computed by the rule, see receipt_fixtures) and the
12-digit INN 631500001232 (check digits 3 and 2 computed with the two weight rows).
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.services.journal_service import JournalService
from journal import payees
from journal.errors import InvalidInput
from journal.payees import check_accounts, check_bic, check_inn, check_kpp, control_key_ok, sample_payee, validate_payee
from journal.storage.models import Payee
from tests.desktop_app.receipt_fixtures import VALID_ACCOUNT, VALID_BIC, VALID_CORR, VALID_PAYEE

PUBLIC_BANKS = [("043601607", "30101810200000000607"), ("044525225", "30101810400000000225")]
PUBLIC_INNS = ["6315222985", "7707083893", "7702070139"]


def weighted(digits: str, weights: list[int]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True))


def payee_args(**changes: str) -> dict[str, str]:
    return {**VALID_PAYEE, **changes}


def validate(**changes: str) -> payees.PayeeDetails:
    args = payee_args(**changes)
    return validate_payee("samaraenergo", args["name"], args["inn"], args["kpp"], args["account"], args["bank"],
                          args["bic"], args["corr"])


def field_of(**changes: str) -> str | None:
    with pytest.raises(InvalidInput) as error:
        validate(**changes)
    return error.value.field


def one_digit_changes(number: str, positions: range | None = None) -> list[tuple[int, str]]:
    return [(i, number[:i] + d + number[i + 1:]) for i in (positions or range(len(number)))
            for d in "0123456789" if d != number[i]]


# --- the public examples, by hand and by the module --------------------------------------------------------


@pytest.mark.parametrize(("bic", "corr"), PUBLIC_BANKS)
def test_public_correspondent_accounts_pass_the_key_written_out_by_hand(bic: str, corr: str) -> None:
    digits = "0" + bic[4:6] + corr  # 23 digits
    total = weighted(digits, [7, 1, 3] * 7 + [7, 1])
    assert total % 10 == 0
    assert control_key_ok("0" + bic[4:6], corr)
    assert corr[-3:] == bic[-3:]


@pytest.mark.parametrize("inn", PUBLIC_INNS)
def test_public_inns_pass_their_check_digit_written_out_by_hand(inn: str) -> None:
    assert weighted(inn[:9], [2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11 % 10 == int(inn[9])
    assert check_inn(inn) == inn


def test_the_constructed_settlement_account_and_twelve_digit_inn() -> None:
    assert VALID_ACCOUNT == "40702810154400012345"
    assert weighted(VALID_BIC[-3:] + VALID_ACCOUNT, [7, 1, 3] * 7 + [7, 1]) % 10 == 0
    inn = "631500001232"
    assert weighted(inn[:10], [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11 % 10 == int(inn[10])
    assert weighted(inn[:11], [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11 % 10 == int(inn[11])
    assert check_inn(inn) == inn
    with pytest.raises(InvalidInput) as error:
        check_inn("631500001233")
    assert error.value.field == "inn"


def test_valid_details_pass_and_are_normalised() -> None:
    details = validate(account="4070 2810 1544 0001 2345", bic=" 043601607 ", kpp="6315 01 001",
                       name="  ПАО  «Самараэнерго» ")
    assert (details.account, details.bic, details.kpp, details.name) == (
        VALID_ACCOUNT, VALID_BIC, "631501001", "ПАО «Самараэнерго»")
    assert details.source == "bill" and not details.is_sample


# --- a single wrong digit ----------------------------------------------------------------------------------


def test_every_single_wrong_digit_of_the_settlement_account_is_caught() -> None:
    changes = one_digit_changes(VALID_ACCOUNT)
    assert len(changes) == 180
    for _, wrong in changes:
        assert field_of(account=wrong) == "account", wrong


def test_every_single_wrong_digit_of_the_correspondent_account_is_caught() -> None:
    for _, wrong in one_digit_changes(VALID_CORR):
        assert field_of(corr=wrong) == "corr", wrong


def test_a_wrong_bic_digit_is_caught() -> None:
    """Digits 7–9 break both accounts: the BIC is named. Digits 5–6 break the correspondent account's key:
    that field is named and its message points at the BIC too. Digits 1–2 must be 04. (Digits 3–4, the
    region, are in no key: see journal.payees.)"""
    for position, wrong in one_digit_changes(VALID_BIC, range(6, 9)):
        assert field_of(bic=wrong) == "bic", (position, wrong)
    for position, wrong in one_digit_changes(VALID_BIC, range(4, 6)):
        with pytest.raises(InvalidInput) as error:
            validate(bic=wrong)
        assert error.value.field == "corr" and "BIC" in error.value.message, (position, wrong)
    for position, wrong in one_digit_changes(VALID_BIC, range(0, 2)):
        assert field_of(bic=wrong) == "bic", (position, wrong)
    with pytest.raises(InvalidInput) as error:
        validate(bic="043601608")
    assert "043601608" in error.value.message and "mistyped" in error.value.message


@pytest.mark.parametrize("inn", ["6315222985", "7707083893"])
def test_every_single_wrong_digit_of_an_inn_is_caught(inn: str) -> None:
    for _, wrong in one_digit_changes(inn):
        assert field_of(inn=wrong) == "inn", wrong


# --- formats and plain-words messages ----------------------------------------------------------------------


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"name": "  "}, "name", "Please fill in the payee's name"),
    ({"name": "Я" * 161}, "name", "at most 160"),
    ({"bank": ""}, "bank", "Please fill in the bank's name"),
    ({"bank": "Б" * 46}, "bank", "at most 45"),
    ({"inn": "63152229"}, "inn", "10 digits"),
    ({"inn": "63152229AB"}, "inn", "10 digits"),
    ({"inn": "6315222986"}, "inn", "check digit"),
    ({"kpp": "63150100"}, "kpp", "9 characters"),
    ({"kpp": "631A01001"}, "kpp", "9 characters"),
    ({"bic": "04360160"}, "bic", "9 digits"),
    ({"bic": "143601607"}, "bic", "starts with 04"),
    ({"account": "4070281015440001234"}, "account", "20 digits"),
    ({"account": "4070281015440001234X"}, "account", "20 digits"),
    ({"corr": "3010181020000000060"}, "corr", "20 digits"),
    ({"corr": "30102810200000000607"}, "corr", "starts with 30101"),
])
def test_each_failure_names_its_field_in_plain_words(changes: dict[str, str], field: str, words: str) -> None:
    with pytest.raises(InvalidInput) as error:
        validate(**changes)
    assert error.value.field == field
    assert words in error.value.message


def test_kpp_letters_in_positions_five_and_six() -> None:
    assert check_kpp("7736AB001") == "7736AB001"
    assert check_kpp("7736ab001") == "7736AB001"
    assert check_bic("044525225") == "044525225"
    assert check_accounts(VALID_ACCOUNT, VALID_CORR, VALID_BIC) == (VALID_ACCOUNT, VALID_CORR)


def test_an_unknown_supplier_or_source_is_refused() -> None:
    with pytest.raises(InvalidInput) as error:
        validate_payee("mosenergo", *list(VALID_PAYEE.values()))
    assert error.value.field == "supplier"
    with pytest.raises(InvalidInput) as error:
        validate_payee("samaraenergo", *list(VALID_PAYEE.values()), source="guess")
    assert error.value.field == "source"


# --- sample details and storage ------------------------------------------------------------------------------


def test_sample_details_are_valid_obviously_fake_and_marked() -> None:
    sample = sample_payee()
    assert sample.is_sample and sample.source == "sample"
    assert "ОБРАЗЕЦ" in sample.name and "ОБРАЗЕЦ" in sample.bank
    assert sample.inn == "0000000000" and sample.kpp == "000000000" and sample.bic == "040000000"
    assert set(sample.account[9:]) == {"0"} and set(sample.corr[9:]) == {"0"}
    assert payees.check_details(sample) == sample


def test_a_new_journal_has_no_payee_details(service: JournalService) -> None:
    assert service.receipts.payee() is None
    with service.journal.read() as session:
        assert session.query(Payee).count() == 0


def test_set_and_get_payee_per_supplier(service: JournalService) -> None:
    first = service.receipts.set_payee(**VALID_PAYEE).result
    assert first.updated_at is not None
    stored = service.receipts.payee()
    assert stored is not None and stored.account == VALID_ACCOUNT and stored.source == "bill"
    service.receipts.set_payee(**payee_args(bank="ПАО Сбербанк", bic="044525225", corr="30101810400000000225",
                                            account=_account_for("044525225")))
    stored = service.receipts.payee()
    assert stored is not None and stored.bic == "044525225"
    with service.journal.read() as session:
        assert session.query(Payee).count() == 1


def test_a_refused_payee_changes_nothing(service: JournalService) -> None:
    service.receipts.set_payee(**VALID_PAYEE)
    before = service.receipts.payee()
    with pytest.raises(InvalidInput):
        service.receipts.set_payee(**payee_args(corr="30101810200000000617"))
    assert service.receipts.payee() == before


def test_sample_details_never_replace_real_ones(service: JournalService) -> None:
    assert service.receipts.use_sample_payee().result.is_sample
    service.receipts.set_payee(**VALID_PAYEE)
    with pytest.raises(InvalidInput) as error:
        service.receipts.use_sample_payee()
    assert error.value.field == "payee"
    stored = service.receipts.payee()
    assert stored is not None and stored.source == "bill"


def _account_for(bic: str) -> str:
    body = "40702810054400012345"
    return body[:8] + payees.control_digit(bic[-3:], body, 8) + body[9:]


def test_stored_details_are_checked_again(service: JournalService) -> None:
    """Details written by another program (or the portal) are checked before use."""
    from datetime import datetime

    with service.journal.write() as session:
        session.add(Payee(supplier="samaraenergo", name="X", inn="6315222985", kpp="631501001",
                          account=VALID_ACCOUNT, bank="Банк", bic=VALID_BIC, corr="30101810200000000617",
                          source="portal", updated_at=datetime(2026, 11, 1)))
    problem = service.receipts.payee_problem()
    assert problem is not None and problem.field == "corr"
    assert date(2026, 11, 1) == service.receipts.payee().updated_at.date()  # type: ignore[union-attr]
