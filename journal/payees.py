"""The payee's bank details printed on payment receipts: checked, stored once per supplier.

The details come from the user's paper bill (source "bill") or, once the portal sync exists, from the
supplier (source "portal"). Nothing here invents a real number: the journal ships no payee details at all.
The only built-in details are `sample_payee()`, made of zeros so that they pass the checks but are
obviously not real; they are marked source "sample" and every receipt printed from them carries a large
«ОБРАЗЕЦ» mark.

Checks (docs/DOMAIN.md, Bank of Russia rules), each failure an InvalidInput naming the field:

* name (≤160 characters) and bank (≤45) must be filled in;
* INN: 10 digits for an organisation, 12 for a person, with their check digits;
* KPP: 9 characters, digits, positions 5–6 may be letters A–Z;
* BIC: 9 digits starting with 04, the code of Russia;
* settlement account: 20 digits; its control key over the BIC's last 3 digits followed by the account
  (weights 7, 1, 3 repeated) must end in 0;
* correspondent account: 20 digits starting with 30101, the same key over "0" + the BIC's digits 5–6
  followed by the account, and its last 3 digits equal to the BIC's last 3 (the Bank of Russia numbers a
  bank's correspondent account after its BIC).

What a single wrong digit does: in either account, in the BIC's digits 5–9 or in the BIC's "04" it is
always caught (each weight 7, 1, 3 is prime to 10, so one changed digit changes the key). A wrong BIC digit
7–9 breaks both accounts, so the BIC is named; a wrong digit 5–6 only breaks the correspondent account's
key, so that field is named and the message asks to compare the BIC too. The BIC's digits 3–4 (the region)
are covered by no key; the receipt prints the BIC for the person to compare with the bill. An INN's
single wrong digit is caught unless the weighted sum moves between remainders 0 and 10 (both give check
digit 0) — rare, and never for an INN whose remainder is 1–9.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal import validation
from journal.errors import InvalidInput
from journal.messages import Label, msg
from journal.storage.models import Payee
from journal.supplier import DEFAULT_SUPPLIER, SUPPLIERS

SOURCES = ("bill", "portal", "sample")
NAME_LIMIT = 160
BANK_LIMIT = 45

_KEY_WEIGHTS = (7, 1, 3)
_INN10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_WEIGHTS_11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_WEIGHTS_12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_KPP_RE = re.compile(r"^\d{4}[0-9A-Z]{2}\d{3}$")
_SPACES_RE = re.compile(r"[\s\u00a0]+")


@dataclass(frozen=True, slots=True)
class PayeeDetails:
    """A supplier's bank details as plain, checked data (safe to hand to another thread)."""

    supplier: str
    name: str
    inn: str
    kpp: str
    account: str  # settlement account (расчётный счёт)
    bank: str
    bic: str
    corr: str  # the bank's correspondent account
    source: str = "bill"  # bill, portal, sample
    updated_at: datetime | None = None

    @property
    def is_sample(self) -> bool:
        return self.source == "sample"


# --- the checks ---------------------------------------------------------------------------------------


def _digits(text: str) -> str:
    """Spaces (as printed on bills: "4070 2810 ...") are dropped before checking."""
    return _SPACES_RE.sub("", text or "")


def _text(text: str, field: str, label: Label, limit: int) -> str:
    value = validation.one_line(text, field, label)
    if not value:
        raise InvalidInput(msg("Please fill in the {label}, as printed on your bill.", label=label), field=field)
    if len(value) > limit:
        raise InvalidInput(msg(
            "The {label} is too long: at most {limit} characters, got {length}.",
            label=label,
            limit=limit,
            length=len(value),
        ), field=field)
    return value


def control_key_ok(prefix: str, number: str) -> bool:
    """The Bank of Russia control key: prefix + number weighted 7, 1, 3, ... sums to a multiple of 10."""
    digits = prefix + number
    return sum(int(d) * _KEY_WEIGHTS[i % 3] for i, d in enumerate(digits)) % 10 == 0


def control_digit(prefix: str, number: str, position: int) -> str:
    """The digit at `position` (0-based, usually 8) of `number` that makes the control key right."""
    for digit in "0123456789":
        candidate = number[:position] + digit + number[position + 1:]
        if control_key_ok(prefix, candidate):
            return digit
    raise AssertionError("unreachable: weight 7, 1 or 3 always reaches every remainder")


def _inn_check(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def check_inn(text: str) -> str:
    inn = _digits(text)
    if not inn.isdigit() or len(inn) not in (10, 12):
        raise InvalidInput(
            msg("The payee's INN is 10 digits for an organisation (12 for a person); {text!r} is not.", text=text),
            field="inn",
        )
    if len(inn) == 10:
        ok = _inn_check(inn, _INN10_WEIGHTS) == int(inn[9])
    else:
        ok = _inn_check(inn, _INN12_WEIGHTS_11) == int(inn[10]) and _inn_check(inn, _INN12_WEIGHTS_12) == int(inn[11])
    if not ok:
        raise InvalidInput(
            msg(
                "The payee's INN {inn} fails its check digit: a digit is mistyped. Compare it with your bill.",
                inn=inn,
            ),
            field="inn",
        )
    return inn


def check_kpp(text: str) -> str:
    kpp = _digits(text).upper()
    if not _KPP_RE.match(kpp):
        raise InvalidInput(
            msg(
                "The payee's KPP is 9 characters, digits (the 5th and 6th may be Latin letters A–Z); {text!r} is not.",
                text=text,
            ),
            field="kpp",
        )
    return kpp


def check_bic(text: str) -> str:
    bic = _digits(text)
    if not bic.isdigit() or len(bic) != 9:
        raise InvalidInput(msg("The bank's BIC is 9 digits; {text!r} is not.", text=text), field="bic")
    if not bic.startswith("04"):
        raise InvalidInput(
            msg("A Russian bank's BIC starts with 04; {bic} does not. Compare it with your bill.", bic=bic), field="bic"
        )
    return bic


def _account_format(text: str, field: str, label: Label) -> str:
    number = _digits(text)
    if not number.isdigit() or len(number) != 20:
        raise InvalidInput(msg("The {label} is 20 digits; {text!r} is not.", label=label, text=text), field=field)
    return number


def check_accounts(account: str, corr: str, bic: str) -> tuple[str, str]:
    """The settlement and correspondent accounts against the BIC (already checked by check_bic)."""
    account = _account_format(account, "account", Label("payee's settlement account"))
    corr = _account_format(corr, "corr", Label("bank's correspondent account"))
    if not corr.startswith("30101"):
        raise InvalidInput(msg("A bank's correspondent account starts with 30101; {corr} does not.", corr=corr),
                           field="corr")
    account_ok = control_key_ok(bic[-3:], account)
    corr_ok = control_key_ok("0" + bic[4:6], corr) and corr[-3:] == bic[-3:]
    if not account_ok and not corr_ok:
        raise InvalidInput(
            msg(
                "The BIC {bic} matches neither the settlement account nor the correspondent account: most likely a "
                "digit of the BIC is mistyped. Compare the BIC with your bill.",
                bic=bic,
            ),
            field="bic",
        )
    if not account_ok:
        raise InvalidInput(
            msg(
                "The settlement account {account} fails its control key with the BIC {bic}: a digit of the account "
                "is mistyped. Compare it with your bill.",
                account=account,
                bic=bic,
            ),
            field="account",
        )
    if not corr_ok:
        raise InvalidInput(
            msg(
                "The correspondent account {corr} does not match the BIC {bic}: a digit of the correspondent account "
                "(or the BIC's 5th–6th digit) is mistyped. Compare both with your bill.",
                corr=corr,
                bic=bic,
            ),
            field="corr",
        )
    return account, corr


def validate_payee(
    supplier: str, name: str, inn: str, kpp: str, account: str, bank: str, bic: str, corr: str,
    *, source: str = "bill", updated_at: datetime | None = None,
) -> PayeeDetails:
    """Check every field (in the order of the form) and return them normalised (spaces dropped from numbers)."""
    if supplier not in SUPPLIERS:
        raise InvalidInput(msg(
            "Unknown supplier {supplier!r}; choose one of: {suppliers}.",
            supplier=supplier,
            suppliers=", ".join(SUPPLIERS),
        ), field="supplier")
    if source not in SOURCES:
        raise InvalidInput(msg("Unknown source {source!r} of payee details.", source=source), field="source")
    name = _text(name, "name", Label("payee's name"), NAME_LIMIT)
    inn = check_inn(inn)
    kpp = check_kpp(kpp)
    bank = _text(bank, "bank", Label("bank's name"), BANK_LIMIT)
    bic = check_bic(bic)
    account, corr = check_accounts(account, corr, bic)
    return PayeeDetails(supplier, name, inn, kpp, account, bank, bic, corr, source, updated_at)


def check_details(details: PayeeDetails) -> PayeeDetails:
    """Check details read back (the portal, an older version or another program may have stored them)."""
    return validate_payee(details.supplier, details.name, details.inn, details.kpp, details.account, details.bank,
                          details.bic, details.corr, source=details.source, updated_at=details.updated_at)


# --- sample details -------------------------------------------------------------------------------------


def sample_payee(supplier: str = DEFAULT_SUPPLIER) -> PayeeDetails:
    """Details for the sample household only: NOT REAL. Built from zeros so that they pass every check and
    are obviously fake: INN 0000000000 (its check digit is 0), KPP 000000000, BIC 040000000 (the code of
    Russia, then zeros), a settlement account 40702810K00000000000 and a correspondent account
    30101810K00000000000 whose key digits K are computed here. The name and bank say «ОБРАЗЕЦ»; source is
    "sample", so every receipt drawn from them carries a large «ОБРАЗЕЦ» mark."""
    bic = "040000000"
    account = "40702810000000000000"
    account = account[:8] + control_digit(bic[-3:], account, 8) + account[9:]
    corr = "30101810000000000" + bic[-3:]
    corr = corr[:8] + control_digit("0" + bic[4:6], corr, 8) + corr[9:]
    return validate_payee(
        supplier, "ОБРАЗЕЦ — получатель для примера, не для оплаты", "0000000000", "000000000", account,
        "ОБРАЗЕЦ — банк для примера", bic, corr, source="sample",
    )


# --- storage ----------------------------------------------------------------------------------------------


def _details(row: Payee) -> PayeeDetails:
    return PayeeDetails(row.supplier, row.name, row.inn, row.kpp, row.account, row.bank, row.bic, row.corr,
                        row.source, row.updated_at)


def get_payee(session: Session, supplier: str = DEFAULT_SUPPLIER) -> PayeeDetails | None:
    """The stored details as they are (not re-checked; see check_details), or None."""
    row = session.scalar(select(Payee).where(Payee.supplier == supplier))
    return None if row is None else _details(row)


def set_payee(session: Session, details: PayeeDetails) -> PayeeDetails:
    """Check and store a supplier's details, replacing earlier ones."""
    checked = replace(check_details(details), updated_at=datetime.now())
    row = session.scalar(select(Payee).where(Payee.supplier == checked.supplier))
    if row is None:
        row = Payee(supplier=checked.supplier)
        session.add(row)
    row.name, row.inn, row.kpp, row.account = checked.name, checked.inn, checked.kpp, checked.account
    row.bank, row.bic, row.corr, row.source = checked.bank, checked.bic, checked.corr, checked.source
    row.updated_at = checked.updated_at  # type: ignore[assignment]
    session.flush()
    return checked
