"""The printable documents' subcommands: receipt (PD-4), payee, slip, report — their parsers and handlers."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from desktop_app.cli.output import dumps, owed_lines
from desktop_app.services.journal_service import JournalService
from journal.errors import InvalidInput
from journal.messages import msg
from journal.payees import PayeeDetails
from journal.supplier import DEFAULT_SUPPLIER, SUPPLIERS

SOURCE_WORDS = {"bill": "entered from the bill", "portal": "from the supplier's portal",
                "sample": "SAMPLE details, not real: receipts are marked ОБРАЗЕЦ"}


def receipt_parsers(command: Callable[[str, str], argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    """Add receipt, payee, slip and report to the parser (called from desktop_app.cli.parser)."""
    receipt = command("receipt", "a payment receipt (form PD-4 with a payment QR code) as PDF")
    receipt.add_argument("--account", required=True)
    receipt.add_argument("--period", required=True, metavar="YYYY-MM")
    receipt.add_argument("--out", required=True, metavar="FILE.pdf")
    receipt.add_argument("--amount", metavar="AMOUNT",
                         help="the sum to pay in roubles (default: the period's charge plus debt or minus advance)")

    payee_parser = command("payee", "the payee's bank details for receipts, from your paper bill")
    payee = payee_parser.add_subparsers(dest="action", required=True, parser_class=type(payee_parser))
    pset = payee.add_parser("set", parents=[common], help="enter or correct the payee's bank details")
    pset.add_argument("--supplier", default=DEFAULT_SUPPLIER, choices=sorted(SUPPLIERS))
    pset.add_argument("--name", required=True, help="the payee's name, as on the bill")
    pset.add_argument("--inn", required=True, help="the payee's INN (10 digits)")
    pset.add_argument("--kpp", required=True, help="the payee's KPP (9 characters)")
    pset.add_argument("--account", required=True, help="the payee's settlement account (20 digits)")
    pset.add_argument("--bank", required=True, help="the bank's name")
    pset.add_argument("--bic", required=True, help="the bank's BIC (9 digits)")
    pset.add_argument("--corr", required=True, help="the bank's correspondent account (20 digits, 30101…)")
    pbill = payee.add_parser("from-bill", parents=[common],
                             help="take the payee's bank details from the payment QR code of the supplier's bill")
    pbill.add_argument("file", metavar="FILE", help="the bill as PDF, or a scan or photo of it (PNG, JPEG)")
    pbill.add_argument("--supplier", default=DEFAULT_SUPPLIER, choices=sorted(SUPPLIERS))
    payee.add_parser("show", parents=[common], help="show the payee's bank details").add_argument(
        "--supplier", default=DEFAULT_SUPPLIER, choices=sorted(SUPPLIERS))
    payee.add_parser("sample", parents=[common],
                     help="use obviously fake sample details to try receipts (printed with ОБРАЗЕЦ)").add_argument(
        "--supplier", default=DEFAULT_SUPPLIER, choices=sorted(SUPPLIERS))

    slip = command("slip", "a readings slip for the supplier's box at the post office, as PDF")
    slip.add_argument("--account", required=True)
    slip.add_argument("--period", required=True, metavar="YYYY-MM")
    slip.add_argument("--out", required=True, metavar="FILE.pdf")

    report = command("report", "a yearly report of an account (PDF with charts; CSV of the same table)")
    report.add_argument("--account", required=True)
    report.add_argument("--year", required=True, metavar="YYYY")
    report.add_argument("--out", required=True, metavar="FILE.pdf")
    report.add_argument("--csv", metavar="FILE.csv", help="also write the table as CSV")


def _json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def _payee_text(details: PayeeDetails) -> str:
    lines = [
        f"Payee of {details.supplier} ({SOURCE_WORDS.get(details.source, details.source)}):",
        f"  name      {details.name}",
        f"  INN/KPP   {details.inn} / {details.kpp}",
        f"  account   {details.account}",
        f"  bank      {details.bank}",
        f"  BIC       {details.bic}",
        f"  corr.     {details.corr}",
    ]
    if details.updated_at is not None:
        lines.append(f"  updated   {details.updated_at:%Y-%m-%d %H:%M}")
    return "\n".join(lines)


def _field_named(error: InvalidInput) -> InvalidInput:
    """The option to correct, in front of the message: "--corr: The correspondent account …"."""
    option = f"--{error.field}: " if error.field else ""
    return InvalidInput(msg("{option}{reason}", option=option, reason=error.text), field=error.field)


def payee_set(s: JournalService, a: argparse.Namespace) -> None:
    try:
        details = s.receipts.set_payee(a.name, a.inn, a.kpp, a.account, a.bank, a.bic, a.corr,
                                       supplier=a.supplier).result
    except InvalidInput as error:
        raise _field_named(error) from None
    print(dumps(details) if _json(a) else "Payee details saved; every check passed.\n" + _payee_text(details))


def payee_from_bill(s: JournalService, a: argparse.Namespace) -> None:
    details = s.receipts.payee_from_bill(Path(a.file), a.supplier).result
    print(dumps(details) if _json(a) else
          f"Payee details taken from the bill's QR code ({a.file}) and saved; every check passed.\n"
          + _payee_text(details))


def payee_show(s: JournalService, a: argparse.Namespace) -> None:
    details = s.receipts.payee(a.supplier)
    if _json(a):
        problem = s.receipts.payee_problem(a.supplier) if details else None
        print(dumps({"payee": details, "problem": problem.message if problem else None,
                     "field": problem.field if problem else None}))
        return
    if details is None:
        print(f"No payee details for {a.supplier} yet. Enter them from your paper bill: payee set --name NAME "
              "--inn INN --kpp KPP --account ACCOUNT --bank BANK --bic BIC --corr CORR")
        return
    print(_payee_text(details))
    problem = s.receipts.payee_problem(a.supplier)
    if problem is not None:
        print(f"warning: --{problem.field}: {problem.message}")


def payee_sample(s: JournalService, a: argparse.Namespace) -> None:
    details = s.receipts.use_sample_payee(a.supplier).result
    print(dumps(details) if _json(a) else "Sample payee details saved (not real; receipts are marked ОБРАЗЕЦ).\n"
          + _payee_text(details))


def receipt(s: JournalService, a: argparse.Namespace) -> None:
    data = s.receipts.write_receipt(a.account, a.period, Path(a.out), a.amount)
    if _json(a):
        print(dumps({"file": a.out, "account": data.account, "period": data.period, "charge": data.charge,
                     "owed": data.owed, "amount": data.amount, "amount_given": not data.amount_is_default,
                     "sample": data.is_sample, "qr": data.qr_payload}))
        return
    how = "the amount you gave" if not data.amount_is_default else f"owed on {data.owed.as_of}"  # type: ignore[union-attr]
    sample = " SAMPLE payee details: the receipt is marked ОБРАЗЕЦ and cannot be paid." if data.is_sample else ""
    lines = [f"Receipt for account {data.account}, period {data.period}: {data.amount:.2f} ₽ ({how}) written to "
             f"{a.out}.{sample}"]
    if data.owed is not None:
        lines += owed_lines(data.owed)
    print("\n".join(lines))


def slip(s: JournalService, a: argparse.Namespace) -> None:
    data = s.receipts.write_slip(a.account, a.period, Path(a.out))
    values = ", ".join(f"{label} {value}" for label, _, value in data.zones)
    print(dumps({"file": a.out, "slip": data}) if _json(a) else
          f"Readings slip for account {data.account}, period {data.period} ({values}) written to {a.out}.")


def _year(text: str) -> int:
    if not text.strip().isdigit():
        raise InvalidInput(msg("A year is written as YYYY, e.g. 2026; got {text!r}.", text=text), field="year")
    return int(text)


def report(s: JournalService, a: argparse.Namespace) -> None:
    data = s.receipts.write_report(a.account, _year(a.year), Path(a.out), Path(a.csv) if a.csv else None)
    kwh = sum(data.total_kwh)
    if _json(a):
        print(dumps({"file": a.out, "csv": a.csv, "account": data.account, "year": data.year, "kwh": kwh,
                     "charge": data.total_charge, "paid": data.total_paid, "balance": data.closing,
                     "complete": data.complete}))
        return
    files = f"{a.out} and {a.csv}" if a.csv else a.out
    incomplete = " Some prices are unknown: the sums are incomplete." if not data.complete else ""
    print(f"Report {data.year} for account {data.account}: {kwh} kWh, charged {data.total_charge:.2f} ₽, paid "
          f"{data.total_paid:.2f} ₽; written to {files}.{incomplete}")


RECEIPT_HANDLERS: dict[tuple[str, str | None], Callable[[JournalService, argparse.Namespace], None]] = {
    ("receipt", None): receipt,
    ("payee", "set"): payee_set,
    ("payee", "from-bill"): payee_from_bill,
    ("payee", "show"): payee_show,
    ("payee", "sample"): payee_sample,
    ("slip", None): slip,
    ("report", None): report,
}
