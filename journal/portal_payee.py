"""The payee's bank details as the supplier's portal gives them: taken only when complete and valid by the Bank of
Russia's check keys, and never over the details the person took from their own bill."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal.storage.models import Payee


@dataclass(frozen=True)
class PulledPayee:
    name: str
    inn: str
    kpp: str
    account: str
    bank: str
    bic: str
    corr: str


def _weights_ok(digits: str, weights: tuple[int, ...]) -> bool:
    total = sum(int(d) * weights[i % len(weights)] for i, d in enumerate(digits))
    return total % 10 == 0


def payee_valid(p: PulledPayee) -> bool:
    """Bank of Russia checks (docs/DOMAIN.md): BIC 9 digits, accounts 20 digits with their control keys, INN 10."""
    if not (p.bic.isdigit() and len(p.bic) == 9 and p.account.isdigit() and len(p.account) == 20
            and p.corr.isdigit() and len(p.corr) == 20 and p.corr.startswith("30101")
            and p.inn.isdigit() and len(p.inn) == 10 and len(p.kpp) == 9 and p.name and p.bank):
        return False
    weights = (7, 1, 3)
    if not _weights_ok(p.bic[-3:] + p.account, weights) or not _weights_ok("0" + p.bic[4:6] + p.corr, weights):
        return False
    inn_weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return sum(int(p.inn[i]) * w for i, w in enumerate(inn_weights)) % 11 % 10 == int(p.inn[9])


def store_payee(session: Session, supplier: str, payee: PulledPayee, now: datetime) -> bool:
    """Take the portal's payee details when they pass the bank checks and the user has not entered their own."""
    if not payee_valid(payee):
        return False
    row = session.scalar(select(Payee).where(Payee.supplier == supplier))
    if row is not None and row.source == "bill":
        return False
    if row is None:
        row = Payee(supplier=supplier)
        session.add(row)
    row.name, row.inn, row.kpp, row.account = payee.name[:160], payee.inn, payee.kpp, payee.account
    row.bank, row.bic, row.corr = payee.bank[:45], payee.bic, payee.corr
    row.source, row.updated_at = "portal", now
    session.flush()
    return True
