"""Pulling what the supplier's portal knows of each matched account (hourly at most in the background, or on
demand): invoices with their PDFs, payment documents, billed consumption per contract, the current zone prices
as a tariff OFFER, the payee's bank details when the portal has them. Stored through journal.portal_sync; nothing
of the person's own changes."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from desktop_app.portal import odata
from desktop_app.portal.api import ContractAccount, Device, PortalApi
from desktop_app.portal.matching import AccountLink
from desktop_app.portal.sync_report import PullSummary
from desktop_app.portal.sync_run import SyncRun
from desktop_app.portal.zones import ZoneMismatch, match_registers
from journal import portal_data, portal_sync
from journal.messages import msg
from journal.portal_payee import PulledPayee
from journal.portal_sync import AccountPull
from journal.supplier import DEFAULT_SUPPLIER
from journal.zones import TariffPlan, Zone

SUPPLIER = DEFAULT_SUPPLIER  # the supplier whose portal this is (journal.supplier)


def pull_wanted(run: SyncRun, account_ids: list[int]) -> bool:
    if run.options.pull is not None:
        return run.options.pull
    with run.journal.read() as session:
        return portal_data.pull_due(session, account_ids, run.now(), run.options.pull_interval)


def pull(run: SyncRun, api: PortalApi, accounts: dict[str, AccountLink], data_dir: Path) -> PullSummary:
    """Each account in turn; a fault of the portal's skips that account with a warning."""
    summary = PullSummary()
    payments_cache: dict[str, list[portal_data.PulledPayment]] = {}
    for index, number in enumerate(sorted(accounts), start=1):
        run.check()
        run.progress("pull", msg("Bills and payments of account {number}", number=number), index, len(accounts))
        with run.exchange(number):
            _pull_account(run, api, summary, accounts[number], payments_cache, data_dir)
    return summary


def _pull_account(run: SyncRun, api: PortalApi, summary: PullSummary, link: AccountLink,
                  payments_cache: dict[str, list[portal_data.PulledPayment]], data_dir: Path) -> None:
    pa, ca, account = link.portal_account, link.contract_account, link.account
    if pa.account_id not in payments_cache:
        run.check()
        payments_cache[pa.account_id] = api.payment_documents(pa.account_id)
    consumption: dict[str, list[portal_data.PulledConsumption]] = {}
    for contract in ca.contracts:
        run.check()
        consumption[contract.contract_id] = api.billed_consumption(contract.contract_id)
    pulled = AccountPull(list(ca.invoices), payments_cache[pa.account_id], consumption, ca.tariff_type,
                         zone_prices(ca, link.device, account.plan), payee_from(ca.raw) or payee_from(pa.raw))
    with run.journal.write() as session:
        stored = portal_sync.store_pull(session, account.id, pulled, supplier=SUPPLIER,
                                        want_pdfs=run.options.download_pdfs, today=run.today(), now=run.now())
    if stored is None:
        return
    summary.accounts += 1
    summary.devices += stored.devices
    summary.invoices += len(pulled.invoices)
    summary.new_invoices += stored.new_invoices
    summary.payments += len(pulled.payments)
    summary.new_payments += stored.new_payments
    summary.billed_periods += stored.billed_periods
    if stored.offer is not None:
        summary.tariff_offers.append(stored.offer)
    summary.payee = summary.payee or stored.payee
    for invoice_id in stored.without_pdf:
        run.check()
        content = api.invoice_pdf(invoice_id)
        if not content.startswith(b"%PDF"):
            run.warn(msg("Account {number}: the invoice {invoice} came without a PDF.", number=account.number,
                         invoice=invoice_id))
            continue
        relative = Path("invoices") / _safe(account.number) / f"{_safe(invoice_id)}.pdf"
        path = data_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(content)
        tmp.replace(path)
        with run.journal.write() as session:
            portal_data.set_invoice_pdf(session, account.id, invoice_id, relative.as_posix())
        summary.pdfs += 1
    with run.journal.write() as session:
        portal_data.mark_pulled(session, account.id, run.now())


def zone_prices(ca: ContractAccount, device: Device | None, plan: TariffPlan) -> dict[Zone, Decimal]:
    """Preisbtr1..3 → our zones through the registers 001..003 and their zone texts."""
    prices = [p if p is not None and p > 0 else None for p in ca.prices]
    if plan is TariffPlan.SINGLE:
        return {Zone.SINGLE: prices[0]} if prices[0] is not None else {}
    if device is None:
        return {}
    try:
        mapping = match_registers(device.registers, plan)
    except ZoneMismatch:
        return {}
    result: dict[Zone, Decimal] = {}
    for zone, register in mapping.items():
        digits = re.sub(r"\D", "", register.register_id)
        index = int(digits) - 1 if digits else -1
        if 0 <= index < len(prices) and prices[index] is not None:
            result[zone] = prices[index]  # type: ignore[assignment]
    return result if len(result) == len(plan.zones) else {}


def _safe(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z_-]", "_", text) or "_"


_PAYEE_KEYS = {
    "name": ("PayeeName", "RecipientName", "Poluchatel", "PayeeFullName"),
    "inn": ("PayeeINN", "PayeeInn", "RecipientINN", "Inn"),
    "kpp": ("PayeeKPP", "PayeeKpp", "RecipientKPP", "Kpp"),
    "account": ("PayeeAccount", "PayeeBankAccount", "SettlementAccount", "Rschet"),
    "bank": ("PayeeBankName", "BankName", "Bank"),
    "bic": ("PayeeBIC", "PayeeBic", "BIC", "Bik"),
    "corr": ("PayeeCorrAccount", "CorrAccount", "CorrespondentAccount", "Kschet"),
}


def payee_from(raw: dict[str, object]) -> PulledPayee | None:
    """Payee bank details, when the portal's entity carries them. No field name is confirmed for this portal
    (docs/PORTAL_API.md lists none), so several plausible ones are read; the details are stored only when complete
    and valid by the Bank of Russia's check keys."""
    values: dict[str, str] = {}
    for name, keys in _PAYEE_KEYS.items():
        for key in keys:
            if odata.text(raw.get(key)):
                values[name] = odata.text(raw.get(key))
                break
        else:
            return None
    return PulledPayee(**values)
