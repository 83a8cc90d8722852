"""The portal's subcommands. `sync` exits 0 when every reading reached the supplier (or was settled otherwise),
3 while a reading waits — queued (the portal unreachable, a reading that could not be sent yet) or unconfirmed
(a request without a confirming answer, checked with the portal later) — or the run stopped at its time limit,
2 on a user error (wrong password, a plain http:// address...)."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from desktop_app.cli.output import dumps
from desktop_app.portal.address import checked_origin
from desktop_app.portal.credentials import NO_KEYRING
from desktop_app.portal.errors import CredentialsRequired
from desktop_app.portal.lock import SyncBusy
from desktop_app.portal.sync import SyncReport
from desktop_app.services.journal_service import JournalService
from desktop_app.services.sync_service import SyncService
from journal import validation
from journal.errors import InvalidInput
from journal.messages import msg
from journal.outbox import SubmissionInfo

QUEUED_REMAIN = 3


def _json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def _service(s: JournalService, a: argparse.Namespace) -> SyncService:
    sync = SyncService(s)
    portal = sync.portal.with_origin(getattr(a, "portal_url", None))
    if getattr(a, "service_version", None):
        portal = replace(portal, service_version=a.service_version)
    sync._portal = portal
    return sync


def _money(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _reading(s: SubmissionInfo) -> str:
    return f"{s.account}  {s.taken_on.isoformat()}  {', '.join(map(str, s.values))}"


def _check_time(s: SubmissionInfo) -> str:
    when = s.next_attempt_at
    return f" — asked from {when:%Y-%m-%d %H:%M} on" if when else ""


def _report_text(report: SyncReport, origin: str) -> str:
    lines = [f"Portal {origin}"]
    lines.append(f"Sent: {len(report.sent)}")
    lines += [f"  {_reading(s)}: {s.text}" for s in report.sent]
    lines.append(f"Accepted for billing: {len(report.accepted)}")
    lines.append(f"Rejected: {len(report.rejected)}")
    lines += [f"  {_reading(s)}: {s.portal_message or s.last_error}" for s in report.rejected]
    p = report.pulled
    if p is None:
        lines.append("Pulled: nothing")
    else:
        lines.append(f"Pulled: {p.accounts} account(s), {p.invoices} invoice(s) ({p.new_invoices} new, {p.pdfs} PDF), "
                     f"{p.payments} payment(s), {p.billed_periods} billed period(s)"
                     + (", payee bank details" if p.payee else ""))
        for offer in p.tariff_offers:
            prices = ", ".join(f"{zone} {'—' if v is None else format(v, 'f')}" for zone, v in offer.prices.items())
            lines.append(f"Tariff update offered (not applied): {prices} ₽/kWh"
                         + (f" — {offer.tariff_type}" if offer.tariff_type else "")
                         + f". Accept: portal offer --account {offer.account} --accept {offer.id} --from YYYY-MM-DD")
    if report.withdrawn:
        lines.append(f"Not sent, withdrawn in the journal: {len(report.withdrawn)}")
        lines += [f"  {_reading(s)}" for s in report.withdrawn]
    if report.checking:
        lines.append(f"Not confirmed yet, being checked with the supplier: {len(report.checking)}")
        lines += [f"  {_reading(s)}: {s.text}" + _check_time(s) for s in report.checking]
    lines.append(f"Waiting: {len(report.queued)}")
    lines += [f"  {_reading(s)}: {s.text}" for s in report.queued]
    lines += [f"warning: {w}" for w in report.warnings]
    return "\n".join(lines)


def sync(s: JournalService, a: argparse.Namespace) -> int:
    service = _service(s, a)
    kwargs = {"login": a.login, "anonymous": a.anonymous, "pull": False if a.no_pull else True}
    try:
        try:
            report = service.sync(a.account, **kwargs)  # type: ignore[arg-type]
        except CredentialsRequired as exc:
            if not sys.stdin.isatty():
                raise
            print(exc.message, file=sys.stderr)
            password = getpass.getpass(f"Portal password for {exc.login}: ")
            report = service.sync(a.account, password=password, **kwargs)  # type: ignore[arg-type]
    except SyncBusy as exc:
        print(f"error: {exc}", file=sys.stderr)
        return QUEUED_REMAIN if service.waiting_count(a.account) else 0
    if _json(a):
        # The warnings as the command line says them (their English), not as data.
        fields = {name: value for name, value in report.__dict__.items() if name != "messages"}
        print(dumps({"portal": service.portal.origin, **fields, "ok": report.ok}))
    else:
        print(_report_text(report, service.portal.origin))
    for warning in service.deadline_warnings():
        print(f"warning: {warning.message}", file=sys.stderr)
    return QUEUED_REMAIN if report.waiting or report.expired else 0


def portal_login(s: JournalService, a: argparse.Namespace) -> None:
    service = _service(s, a)
    checked_origin(service.portal.origin)  # before the password is asked for
    status = service.store.status()
    if not status.available:
        raise CredentialsRequired(NO_KEYRING, login=a.login, keyring_available=False)
    if sys.stdin.isatty():
        password = getpass.getpass(f"Portal password for {a.login}: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    service.save_password(a.login, password)
    if a.portal_url:
        service.save_portal_settings(service.portal)
    print(f"The portal password for {a.login} is stored in the system keyring ({status.backend}).")


def portal_logout(s: JournalService, a: argparse.Namespace) -> None:
    removed = _service(s, a).forget_password(a.login)
    print(f"The portal password for {a.login} was removed from the keyring." if removed
          else f"No portal password was stored for {a.login}.")


def portal_status(s: JournalService, a: argparse.Namespace) -> None:
    service = _service(s, a)
    items = service.submissions(a.account)
    warnings = service.deadline_warnings()
    if _json(a):
        print(dumps({"submissions": [dumps_fields(i) for i in items], "deadline": warnings}))
        return
    print("\n".join(f"reading {i.reading_id}  {_reading(i)}  {i.text}" for i in items) or "No submissions yet.")
    for warning in warnings:
        print(f"warning: {warning.message}")


def dumps_fields(info: SubmissionInfo) -> dict[str, object]:
    return {name: getattr(info, name) for name in info.__slots__} | {"state": info.state}  # type: ignore[attr-defined]


def portal_bills(s: JournalService, a: argparse.Namespace) -> None:
    service = _service(s, a)
    invoices, payments = service.invoices(a.account), service.portal_payments(a.account)
    comparison = service.billed_comparison(a.account)
    if _json(a):
        print(dumps({"invoices": invoices, "payments": payments, "comparison": comparison}))
        return
    print("Invoices:" if invoices else "No invoices pulled yet (run sync).")
    for i in invoices:
        pdf = f"  PDF {service.invoice_pdf(i)}" if service.invoice_pdf(i) else ""
        print(f"  {i.invoice_id}  {i.invoice_date}  due {i.due_date}  {_money(i.amount_due)} ₽  "
              f"{'settled' if i.settled else f'{_money(i.amount_remaining)} ₽ open'}{pdf}")
    if payments:
        print("Payments on the portal:")
        for p in payments:
            print(f"  {p.paid_on}  {_money(p.amount)} ₽  {p.method}")
    if comparison:
        print("period   ours ₽    billed ₽  difference")
        for c in comparison:
            mark = "  ! over 1 %" if c.flag else ""
            note = f"  ({c.note})" if c.note and not c.flag else ""
            print(f"{c.period}  {_money(c.estimate):>8}  {_money(c.billed):>8}  {_money(c.difference):>8}{mark}{note}")


def portal_offer(s: JournalService, a: argparse.Namespace) -> None:
    service = _service(s, a)
    if a.accept is not None:
        if not a.valid_from:
            raise InvalidInput(msg("Accepting a tariff offer needs --from DD.MM.YYYY, the day its prices apply from."),
                               field="from")
        valid_from = validation.typed_day(a.valid_from, s.today(), "from")
        entries = service.accept_tariff_offer(a.account, a.accept, valid_from).result
        print(dumps(entries) if _json(a) else
              f"Your prices from {valid_from.isoformat()}: "
              + ", ".join(f"{e.zone} {format(e.price, 'f')}" for e in entries) + " ₽/kWh.")
        return
    if a.dismiss is not None:
        service.dismiss_tariff_offer(a.account, a.dismiss)
        print(f"Tariff offer {a.dismiss} dismissed.")
        return
    offers = service.tariff_offers(a.account)
    if _json(a):
        print(dumps(offers))
        return
    for o in offers:
        prices = ", ".join(f"{zone} {format(v, 'f') if v is not None else '—'}" for zone, v in o.prices.items())
        print(f"offer {o.id}  {o.offered_at:%Y-%m-%d}  {prices} ₽/kWh  {o.tariff_type or ''}".rstrip())
    if not offers:
        print("No tariff offers.")


PORTAL_HANDLERS: dict[tuple[str, str | None], Callable[[JournalService, argparse.Namespace], int | None]] = {
    ("sync", None): sync,
    ("portal", "login"): portal_login,
    ("portal", "logout"): portal_logout,
    ("portal", "status"): portal_status,
    ("portal", "bills"): portal_bills,
    ("portal", "offer"): portal_offer,
}
