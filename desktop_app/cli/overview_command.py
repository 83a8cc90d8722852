"""`meter-journal overview [--account N] [--json]`: what the window shows for an account, from the same call
(desktop_app/services/overview.py), in English with ISO dates."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop_app.cli.output import dumps

if TYPE_CHECKING:
    from desktop_app.services.journal_service import JournalService


def add_overview_parser(command: object) -> None:
    parser = command(  # type: ignore[operator]
        "overview", "what the window shows for an account: owed, banners, plan periods, chart, sync")
    parser.add_argument("--account", help="the account number (default: the only one, else the first)")


def _banner(banner: object) -> dict[str, object]:
    kind = banner.kind  # type: ignore[attr-defined]
    text: dict[str, object] = {"kind": str(kind)}
    if banner.deadline is not None:  # type: ignore[attr-defined]
        text["reading_of"] = banner.deadline.taken_on  # type: ignore[attr-defined]
        text["sms"] = f"{banner.deadline.sms_text} to {banner.deadline.sms_number}"  # type: ignore[attr-defined]
    if banner.offer is not None:  # type: ignore[attr-defined]
        text["prices"] = {str(z): p for z, p in banner.offer.prices.items()}  # type: ignore[attr-defined]
    if banner.reminders:  # type: ignore[attr-defined]
        text["reminders"] = [{"kind": r.kind, **r.values} for r in banner.reminders]  # type: ignore[attr-defined]
    return text


def overview(s: JournalService, a: argparse.Namespace) -> None:
    from desktop_app.services.overview import account_overview

    number = a.account or next((i.number for i in s.list_accounts()), None)
    if number is None:
        print(dumps({"account": None}) if getattr(a, "json", False) else "No accounts yet.")
        return
    o = account_overview(s.journal, number, s.today())
    owed = o.owed
    periods = sorted(day for _serial, day in o.plan_changes)
    data = {
        "account": o.number, "today": o.today, "plan": o.account.plan.value,
        "owed": {"total": owed.total, "complete": owed.complete},
        "banners": [_banner(b) for b in o.banners],
        "plan_changes": periods,
        "chart": [{"period": m.period, "kwh": {str(z): v for z, v in (m.kwh or {}).items()} or None,
                   "charge": m.charge, "paid": m.paid} for m in o.chart],
        "sync": {"waiting": o.sync.waiting, "submissions": len(o.sync.by_reading)},
        "readings": sum(1 for r in o.rows if r.consumption is not None),
    }
    if getattr(a, "json", False):
        print(dumps(data))
        return
    lines = [f"Account {o.number} on {o.today.isoformat()}, plan {o.account.plan.value}",
             f"Owed: {'at least ' if not owed.complete else ''}{owed.total}",
             "Banners: " + (", ".join(str(b.kind) for b in o.banners) or "none"),
             "Tariff plan changes: " + (", ".join(d.isoformat() for d in periods) or "none"),
             f"Readings waiting for the portal: {o.sync.waiting}", "Chart (kWh per month):"]
    for m in o.chart:
        if m.kwh is not None:
            lines.append(f"  {m.period}: " + ", ".join(f"{z} {v}" for z, v in m.kwh.items()))
    print("\n".join(lines))
