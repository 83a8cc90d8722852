"""Reading a payment QR code's text (GOST R 56042-2014), the other way from journal.payment_qr: the payee's bank
details printed on the supplier's bill.

    ST0001 + the encoding digit (1 windows-1251, 2 UTF-8, 3 KOI8-R) + the separator (normally "|")
    + Key=Value pairs joined by the separator.

Keys are matched case-insensitively (readers do; bills write them in either case). The details are then checked
exactly as typed ones are (journal.payees: the BIC, both accounts' control keys, the INN's check digits, the KPP):
a code with a wrong digit, or without the INN or KPP, is refused with the reason, nothing is guessed. A code whose
payee is not the supplier (its INN is not the one of the supplier's profile, journal.supplier) is another company's
bill: it is refused too, naming the payee it holds.
"""

from __future__ import annotations

from typing import Any

from journal.errors import InvalidInput
from journal.messages import msg
from journal.payees import PayeeDetails, validate_payee
from journal.supplier import DEFAULT_SUPPLIER, profile_of

HEADER = "ST0001"
ENCODINGS = {"1": "cp1251", "2": "utf-8", "3": "koi8-r"}
# The standard's keys, for case-insensitive matching: lower-case → as written in the standard.
KEYS = {key.lower(): key for key in (
    "Name", "PersonalAcc", "BankName", "BIC", "CorrespAcc", "PayeeINN", "KPP", "Purpose", "Sum", "lastName",
    "firstName", "middleName", "payerAddress", "persAcc", "paymPeriod", "category", "serviceName", "counterId",
    "counterVal", "techCode", "PayerINN", "DocNo", "DocDate", "TaxPeriod", "CBC", "OKTMO")}
# The fields of the payee's details: the code's key, and what is said when it is missing.
PAYEE_KEYS = {
    "name": ("Name", msg(
        "The bill's payment code does not hold the payee's name, so its details cannot be taken from it. Type them "
        "from the paper bill instead.",
    )),
    "inn": ("PayeeINN", msg(
        "The bill's payment code does not hold the payee's INN, so its details cannot be taken from it. Type them "
        "from the paper bill instead.",
    )),
    "kpp": ("KPP", msg(
        "The bill's payment code does not hold the payee's KPP, so its details cannot be taken from it. Type them "
        "from the paper bill instead.",
    )),
    "account": ("PersonalAcc", msg(
        "The bill's payment code does not hold the settlement account, so its details cannot be taken from it. Type "
        "them from the paper bill instead.",
    )),
    "bank": ("BankName", msg(
        "The bill's payment code does not hold the bank's name, so its details cannot be taken from it. Type them "
        "from the paper bill instead.",
    )),
    "bic": ("BIC", msg(
        "The bill's payment code does not hold the bank's BIC, so its details cannot be taken from it. Type them "
        "from the paper bill instead.",
    )),
    "corr": ("CorrespAcc", msg(
        "The bill's payment code does not hold the correspondent account, so its details cannot be taken from it. "
        "Type them from the paper bill instead.",
    )),
}


def is_payment_code(raw: bytes) -> bool:
    return raw[:6] == HEADER.encode("ascii") and raw[6:7].decode("ascii", "replace") in ENCODINGS


def decode_payload(raw: bytes) -> str:
    """The text of a payment code's bytes, decoded by the encoding its header names."""
    if not is_payment_code(raw):
        raise InvalidInput(msg("The QR code is not a payment code (it does not start with ST0001)."), field="file")
    try:
        return raw.decode(ENCODINGS[raw[6:7].decode("ascii")])
    except UnicodeDecodeError:
        raise InvalidInput(msg("The payment code's text cannot be read in the encoding its header names."),
                           field="file") from None


def parse_fields(text: str) -> dict[str, str]:
    """The fields of a payment code's text, keys as the standard writes them (unknown keys as they are); the first
    of a repeated key counts."""
    if not text.startswith(HEADER) or len(text) < 8 or text[6] not in ENCODINGS:
        raise InvalidInput(msg("The QR code is not a payment code (it does not start with ST0001)."), field="file")
    separator = text[7]
    fields: dict[str, str] = {}
    for item in text[8:].split(separator):
        key, equals, value = item.partition("=")
        if not equals or not key.strip():
            continue
        name = KEYS.get(key.strip().lower(), key.strip())
        fields.setdefault(name, value.strip())
    return fields


def payee_from_fields(fields: dict[str, str], supplier: str = DEFAULT_SUPPLIER) -> PayeeDetails:
    """The payee's details in a payment code, checked like typed ones (InvalidInput naming the field)."""
    values: dict[str, Any] = {}
    for field, (key, missing) in PAYEE_KEYS.items():
        value = fields.get(key, "")
        if not value:
            raise InvalidInput(missing, field=field)
        values[field] = value
    try:
        details = validate_payee(supplier, source="bill", **values)
    except InvalidInput as error:
        raise InvalidInput(msg(
            "The bill's payment code holds details that fail the bank's checks: {reason} Nothing was stored.",
            reason=error.text,
        ), field=error.field) from None
    profile = profile_of(supplier)
    if profile is not None and details.inn != profile.inn:
        raise InvalidInput(msg(
            "This bill is not from {supplier}: its payment code is for {payee}, INN {inn} ({supplier} has INN "
            "{expected}). Nothing was stored; choose a bill of {supplier}, or type the details from its paper bill.",
            supplier=profile.name, payee=details.name, inn=details.inn, expected=profile.inn,
        ), field="inn")
    return details


def payee_from_payload(raw: bytes, supplier: str = DEFAULT_SUPPLIER) -> PayeeDetails:
    return payee_from_fields(parse_fields(decode_payload(raw)), supplier)
