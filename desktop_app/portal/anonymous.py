"""The anonymous sync: readings sent through the portal's public service by account number and meter serial,
no password. The same exactly-once delivery, without the reading history (a `sending` one is checked against
the registers' previous readings); nothing is pulled."""

from __future__ import annotations

from contextlib import suppress

from desktop_app.portal import odata
from desktop_app.portal.api import PublicApi, Register
from desktop_app.portal.delivery import Channel, Delivery, Target
from desktop_app.portal.sync_report import SyncReport
from desktop_app.portal.sync_run import Stop, SyncRun
from journal import outbox, portal_sync
from journal.messages import msg


def _registers(api: PublicApi, number: str, serial: str) -> list[Register]:
    wanted = odata.normalize_serial(serial)
    return [r for r in api.registers(number, "") if not r.serial or odata.normalize_serial(r.serial) == wanted]


def run_anonymous(run: SyncRun, api: PublicApi, account_numbers: list[str]) -> SyncReport:
    with run.journal.read() as session:
        accounts = portal_sync.sync_accounts(session, account_numbers)
        account_ids = [a.id for a in accounts]
        pending = outbox.pending(session, account_ids)
    meters = {m.id: (m.serial, a.number) for a in accounts for m in a.meters}
    with suppress(Stop), run.exchange():
        run.progress("connect", msg("Connecting to the portal's public service"))
        targets: dict[int, Target] = {}
        for meter_id in dict.fromkeys(s.meter_id for s in pending):
            run.check()
            serial, number = meters[meter_id]
            registers = _registers(api, number, serial)
            if registers:
                targets[meter_id] = Target(registers[0].device_id, serial, number)

        def channel(target: Target) -> Channel:
            return Channel(lambda: _registers(api, target.account_number, target.serial), None,
                           lambda values, day: api.submit(target.account_number, target.device_id, values, day))

        Delivery(run).send_all(account_ids, targets, channel)
    run.progress("done", msg("Done"))
    return run.report(accounts, None)
