"""`tariff update`: ask the supplier's online calculator for the prices the journal needs. Exits 0 when the run
finished (the prices still unknown are listed), 3 when the calculator could not be asked to the end (nothing was
changed), 2 on a user error (an unknown account, an address that is not https://)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from datetime import date

from desktop_app.cli.output import dumps
from desktop_app.services.journal_service import JournalService
from desktop_app.services.price_service import PriceLookupReport, PriceLookupService
from journal.supplier_prices import MonthQuestion, UnknownRun, next_month
from journal.tariffs import PriceEntry, tariff_set_command

NOT_REACHED = 3


def month_ranges(months: Iterable[date]) -> list[tuple[date, date]]:
    """Consecutive months as (first, last) runs."""
    runs: list[list[date]] = []
    for month in sorted(set(months)):
        if runs and next_month(runs[-1][1]) == month:
            runs[-1][1] = month
        else:
            runs.append([month, month])
    return [(first, last) for first, last in runs]


def _months_text(questions: Iterable[MonthQuestion]) -> list[str]:
    groups: dict[tuple[str, str], list[date]] = {}
    for q in questions:
        groups.setdefault((q.category.value, q.plan.value), []).append(q.month)
    return [f"  {category} {plan}: " + ", ".join(f"{a:%Y-%m}" if a == b else f"{a:%Y-%m} … {b:%Y-%m}"
                                                  for a, b in month_ranges(months))
            for (category, plan), months in groups.items()]


def _found_text(entries: Iterable[PriceEntry]) -> list[str]:
    rows: dict[tuple[str, str, date, str], list[str]] = {}
    for e in entries:
        rows.setdefault((e.category.value, e.plan.value, e.valid_from, e.source), []).append(
            f"{e.zone} {format(e.price, 'f')}")
    return [f"  {category} {plan} from {start.isoformat()}: {', '.join(zones)} ₽/kWh ({source})"
            for (category, plan, start, source), zones in rows.items()]


def unknown_lines(runs: Iterable[UnknownRun]) -> list[str]:
    return [f"  account {r.account} {r.plan} {r.zone}: {r.first_day.isoformat()} … {r.last_day.isoformat()} — "
            f"enter the price from your bill: {tariff_set_command(r.category, r.plan, r.first_day)}" for r in runs]


def report_text(report: PriceLookupReport) -> str:
    lines = [f"Supplier's calculator {report.url}: {report.requests} request(s) on {report.asked_on:%d.%m.%Y}."]
    if report.error is not None:
        lines.append(f"Not finished: {report.error} Nothing was changed.")
    elif report.cancelled:
        lines.append("Cancelled: nothing was changed.")
    elif not report.requests:
        lines.append("Nothing to ask: every price the journal needs is known or was asked before "
                     "(--force asks again).")
    if report.found:
        lines += ["Prices found:", *_found_text(report.found)]
    if report.differing:
        lines.append("The calculator differs from the shipped price; the calculator's is used:")
        lines += [f"  {r.entry.category} {r.entry.plan} {r.entry.zone} from {r.entry.valid_from.isoformat()}: "
                  f"{format(r.replaced_by.price, 'f')} (shipped {format(r.entry.price, 'f')}: {r.entry.source})"
                  for r in report.differing if r.replaced_by is not None and r.entry.price is not None]
    if report.refused:
        lines += ["Refused by the calculator (stays unknown):", *_months_text(report.refused)]
    if report.skipped:
        lines += ["Not asked, as the calculator refused the later months:", *_months_text(report.skipped)]
    if report.left:
        lines += ["Not asked yet (the run's limit of requests; the next run asks them):", *_months_text(report.left)]
    if report.unknown:
        lines += ["Prices still unknown:", *unknown_lines(report.unknown)]
    elif report.reached:
        lines.append("Every price the journal needs is known.")
    return "\n".join(lines)


def _json(report: PriceLookupReport) -> str:
    def months(questions: Iterable[MonthQuestion]) -> list[dict[str, str]]:
        return [{"category": q.category.value, "plan": q.plan.value, "month": f"{q.month:%Y-%m}"} for q in questions]

    return dumps({
        "calculator": report.url, "ok": report.reached, "error": report.error, "cancelled": report.cancelled,
        "asked_on": report.asked_on, "requests": report.requests,
        "found": [{"category": e.category, "plan": e.plan, "zone": e.zone, "from": e.valid_from,
                   "price": format(e.price, "f"), "source": e.source} for e in report.found if e.price is not None],
        "differing": [{"category": r.entry.category, "plan": r.entry.plan, "zone": r.entry.zone,
                       "from": r.entry.valid_from, "shipped": str(r.entry.price), "shipped_source": r.entry.source,
                       "calculator": str(r.replaced_by.price) if r.replaced_by else None}
                      for r in report.differing],
        "refused": months(report.refused), "skipped": months(report.skipped), "left": months(report.left),
        "unknown": report.unknown,
    })


def tariff_update(s: JournalService, a: argparse.Namespace) -> int:
    service = PriceLookupService(s, url=a.calculator_url)
    report = service.update(a.account, force=a.force)
    print(_json(report) if getattr(a, "json", False) else report_text(report))
    if not report.reached:
        print(f"error: {report.error or 'cancelled'}; nothing was changed", file=sys.stderr)
        return NOT_REACHED
    return 0
