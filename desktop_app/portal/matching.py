"""Matching the journal to the portal: our accounts ↔ the portal's contract accounts (by Vkona, with or without
leading zeros), our meters ↔ its devices (by serial number), our zones ↔ a device's registers (by the register's
zone text, desktop_app.portal.zones). The matches are stored as links (journal.portal_sync) in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.portal import odata
from desktop_app.portal.api import ContractAccount, Device, PortalAccount
from desktop_app.portal.delivery import Target
from desktop_app.portal.sync_run import SyncRun, words_of
from desktop_app.portal.zones import ZoneMismatch, match_registers
from journal import portal_sync
from journal.messages import msg
from journal.portal_data import PulledRegister
from journal.portal_sync import AccountMatch, DeviceMatch, SyncAccount


@dataclass(frozen=True)
class AccountLink:
    """One of our accounts and its contract account on the portal; `device`: the device of its meter (the one in
    use when several are linked), None when none was found."""

    account: SyncAccount
    portal_account: PortalAccount
    contract_account: ContractAccount
    device: Device | None = None


@dataclass
class Matches:
    accounts: dict[str, AccountLink] = field(default_factory=dict)  # by our account number
    targets: dict[int, Target] = field(default_factory=dict)  # by our meter id: where its readings go


def contract_accounts(portal_accounts: list[PortalAccount]) -> dict[str, tuple[PortalAccount, ContractAccount]]:
    """The portal's contract accounts by every number they may be known by (Vkona, its id; with and without
    leading zeros)."""
    index: dict[str, tuple[PortalAccount, ContractAccount]] = {}
    for pa in portal_accounts:
        for ca in pa.contract_accounts:
            for key in {ca.vkona, ca.vkona.lstrip("0"), ca.contract_account_id, ca.contract_account_id.lstrip("0")}:
                if key:
                    index.setdefault(key, (pa, ca))
    return index


def _registers(device: Device, meter: portal_sync.SyncMeter, run: SyncRun, number: str) -> list[PulledRegister]:
    try:  # by the meter's own plan: after a plan change, the old record's zones no longer match
        mapping = {r.register_id: z for z, r in match_registers(device.registers, meter.plan).items()}
    except ZoneMismatch as exc:
        mapping = {}
        if meter.in_use:  # the meter in use: the plans disagree now
            run.warn(words_of(exc), number)
    return [PulledRegister(r.register_id, r.zone_text, mapping[r.register_id].value if r.register_id in mapping
                           else None, r.previous_value, r.previous_date) for r in device.registers]


def match(run: SyncRun, portal_accounts: list[PortalAccount], accounts: list[SyncAccount]) -> Matches:
    """Our accounts and meters found on the portal (a warning for an account that is not), stored as links."""
    index = contract_accounts(portal_accounts)
    found = Matches()
    stored: list[AccountMatch] = []
    for account in accounts:
        number = account.number
        pair = index.get(number) or index.get(number.lstrip("0"))
        if pair is None:
            run.warn(msg("The account {number} is not among the portal's accounts for this login.", number=number))
            continue
        pa, ca = pair
        contracts = [c for c in ca.contracts if c.move_out is None] or list(ca.contracts)
        devices = {odata.normalize_serial(d.serial): d for c in ca.contracts for d in c.devices}
        matched: list[DeviceMatch] = []
        current: Device | None = None
        for meter in account.meters:
            device = devices.get(odata.normalize_serial(meter.serial))
            if device is None:
                continue
            matched.append(DeviceMatch(
                meter.id, device_id=device.device_id, contract_id=device.contract_id, serial=device.serial,
                integer_places=device.integer_places, decimal_places=device.decimal_places,
                verified_year=device.verified_year, next_verification_year=device.next_verification_year,
                verification_interval=device.verification_interval,
                registers=_registers(device, meter, run, number)))
            found.targets[meter.id] = Target(device.device_id, device.serial, number)
            if meter.in_use or current is None:
                current = device
        found.accounts[number] = AccountLink(account, pa, ca, current)
        stored.append(AccountMatch(account.id, portal_account_id=pa.account_id,
                                   contract_account_id=ca.contract_account_id,
                                   contract_id=contracts[0].contract_id if contracts else None,
                                   tariff_type=ca.tariff_type, devices=tuple(matched)))
    with run.journal.write() as session:
        portal_sync.store_matches(session, stored, run.now())
    return found
