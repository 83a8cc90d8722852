"""The subcommands: each parses its arguments, calls one service method and prints the result."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.cli.output import dumps, history_table, write_history_json
from desktop_app.cli.overview_command import overview
from journal import validation

if TYPE_CHECKING:  # the service is made by desktop_app.__main__ (service_for)
    from desktop_app.services.journal_reader import JournalReader
    from desktop_app.services.journal_service import JournalService


def _print(args: argparse.Namespace, value: object, text: str) -> None:
    print(dumps(value) if getattr(args, "json", False) else text)


def account_add(s: JournalService, a: argparse.Namespace) -> None:
    info = s.add_account(a.number, a.holder, a.address, a.plan, a.category).result
    _print(a, info, f"Account {info.number} added.")


def account_list(s: JournalService, a: argparse.Namespace) -> None:
    items = s.list_accounts()
    text = "\n".join(f"{i.number}  {i.plan.value:<10}  {i.category.value:<14}  {i.holder}, {i.address}"
                     for i in items) or "No accounts yet."
    _print(a, items, text)


def meter_add(s: JournalService, a: argparse.Namespace) -> None:
    installed = validation.typed_day(a.installed, s.today(), "installed")
    info = s.add_meter(a.account, a.serial, a.digits, installed, a.initial,
                       verified_year=a.verified, next_verification_year=a.next_verification).result
    _print(a, info, f"Meter {info.serial} added to account {a.account}.")


def meter_replace(s: JournalService, a: argparse.Namespace) -> None:
    installed = validation.typed_day(a.installed, s.today(), "installed")
    info = s.replace_meter(a.account, a.old_final, a.serial, a.digits, installed,
                           a.initial, rollover=a.rollover, confirm=a.confirm, verified_year=a.verified,
                           next_verification_year=a.next_verification, plan=a.plan).result
    _print(a, info, f"Meter replaced: {info.serial} is now in use on account {a.account}.")


def meter_edit(s: JournalService, a: argparse.Namespace) -> None:
    installed = validation.typed_day(a.installed, s.today(), "installed") if a.installed is not None else None
    info = s.correct_act(a.account, serial=a.serial, digits=a.digits, installed_on=installed,
                         initial=a.initial).result
    _print(a, info, f"Installation act of meter {info.serial} corrected: {info.digits} digits, installed "
                    f"{info.installed_on.isoformat()}, act {','.join(map(str, info.initial))} ('undo' takes it back).")


def account_change_plan(s: JournalService, a: argparse.Namespace) -> None:
    info = s.change_plan(a.account, a.plan, validation.typed_day(a.on, s.today(), "on"), a.old_final, a.initial,
                         rollover=a.rollover, confirm=a.confirm).result
    _print(a, info, f"Tariff plan of account {a.account} is {info.plan} from {info.installed_on.isoformat()}; "
                    f"meter {info.serial} counts from {','.join(map(str, info.initial))}.")


def meter_list(s: JournalService, a: argparse.Namespace) -> None:
    items = s.meters(a.account)
    text = "\n".join(
        f"{m.serial}  {m.plan:<10}  {m.digits} digits  installed {m.installed_on}  act {','.join(map(str, m.initial))}"
        + (f"  removed {m.removed_on}" if m.removed_on else "  in use")
        for m in items
    )
    _print(a, items, text)


def reading_add(s: JournalService, a: argparse.Namespace) -> None:
    day = validation.typed_day(a.date, s.today())
    info = s.add_reading(a.account, day, a.values, serial=a.meter, replace=a.replace,
                         rollover=a.rollover, confirm=a.confirm).result
    _print(a, info, f"Reading {info.id} saved for period {info.period}.")


def reading_edit(s: JournalService, a: argparse.Namespace) -> None:
    day = validation.typed_day(a.date, s.today())
    info = s.edit_reading(a.account, a.id, day, a.values, rollover=a.rollover, confirm=a.confirm).result
    _print(a, info, f"Reading corrected; the corrected version is {info.id}, period {info.period}.")


def reading_delete(s: JournalService, a: argparse.Namespace) -> None:
    info = s.delete_reading(a.account, a.id).result
    _print(a, info, f"Reading {info.id} of {info.period} deleted (it stays in the history; 'undo' restores it).")


# What `undo` says it took back, by the change log's action (journal/records.py ChangeInfo)
UNDONE = {"add": "reading added", "replace": "reading that replaced another", "edit": "correction of a reading",
          "delete": "deletion of a reading", "replace-meter": "meter replacement", "change-plan": "change of plan",
          "correct-act": "correction of a meter's installation act"}


def undo(s: JournalService, a: argparse.Namespace) -> None:
    action = s.undo().result
    _print(a, {"undone": action}, f"Undone: the last {UNDONE.get(action, 'change')}.")


def history(s: JournalService | JournalReader, a: argparse.Namespace) -> None:
    if getattr(a, "json", False):
        with s.history_rows(a.account) as (info, history_rows):
            write_history_json(sys.stdout, info, history_rows, lambda: s.monthly(a.account))
        return
    account = s.account(a.account)
    rows = s.history(a.account)
    print(f"Account {account.number}, {account.plan.value}: {account.holder}, {account.address}")
    print(history_table(rows) if rows else "No readings yet.")


def export(s: JournalService, a: argparse.Namespace) -> None:
    count = s.export_csv(Path(a.out), excel=a.excel)
    _print(a, {"exported": count, "file": a.out}, f"{count} readings exported to {a.out}.")


def import_(s: JournalService, a: argparse.Namespace) -> None:
    count = s.import_csv(Path(a.file), replace=a.replace, rollover=a.rollover, confirm=a.confirm).result
    _print(a, {"imported": count}, f"{count} readings imported.")


def backup(s: JournalService, a: argparse.Namespace) -> None:
    path = s.backup(Path(a.out))
    _print(a, {"backup": str(path)}, f"Journal copied to {path}.")


def restore_unusable(journal: Path, a: argparse.Namespace) -> None:
    """`restore` when the journal itself cannot be opened (empty, damaged): the copy takes its place."""
    from journal.storage.database import replace_unusable

    kept = replace_unusable(journal, Path(a.file))
    _print(a, {"restored": a.file, "previous": str(kept)},
           f"Journal restored from {a.file}. The journal that could not be opened was kept as {kept}.")


def restore(s: JournalService, a: argparse.Namespace) -> None:
    kept = s.restore(Path(a.file)).result
    _print(a, {"restored": a.file, "previous": str(kept)},
           f"Journal restored from {a.file}. The previous journal was kept as {kept}.")


HANDLERS: dict[tuple[str, str | None], Callable[[JournalService, argparse.Namespace], None]] = {
    ("account", "add"): account_add,
    ("account", "list"): account_list,
    ("account", "change-plan"): account_change_plan,
    ("meter", "add"): meter_add,
    ("meter", "replace"): meter_replace,
    ("meter", "edit"): meter_edit,
    ("meter", "list"): meter_list,
    ("reading", "add"): reading_add,
    ("reading", "edit"): reading_edit,
    ("reading", "delete"): reading_delete,
    ("undo", None): undo,
    ("history", None): history,
    ("overview", None): overview,
    ("export", None): export,
    ("import", None): import_,
    ("backup", None): backup,
    ("restore", None): restore,
}

# The other commands' handlers, in modules imported for their own commands only: bills and payments, documents
# (reportlab), the portal (httpx, keyring). A command of the journal itself starts without them.
HANDLER_MODULES = {
    **dict.fromkeys(("tariff", "bill", "estimate", "payment", "balance", "forecast"),
                    ("desktop_app.cli.billing_commands", "BILLING_HANDLERS")),
    **dict.fromkeys(("receipt", "payee", "slip", "report"), ("desktop_app.cli.receipt_commands", "RECEIPT_HANDLERS")),
    **dict.fromkeys(("sync", "portal"), ("desktop_app.cli.portal_commands", "PORTAL_HANDLERS")),
}


# Commands that only read the history and the prices: served with sqlite3 alone (desktop_app.services.journal_reader).
READ_WITHOUT_ORM = {"history", "bill"}


def service_for(command: str) -> type[JournalService] | type[JournalReader]:
    """The service a command runs on: JournalReader for the commands that need nothing else, starting without
    SQLAlchemy; JournalService for the others."""
    if command in READ_WITHOUT_ORM:
        from desktop_app.services.journal_reader import JournalReader

        return JournalReader
    from desktop_app.services.journal_service import JournalService

    return JournalService


def handler(command: str, action: str | None) -> Callable[[JournalService, argparse.Namespace], int | None]:
    """The function that runs a command (sync returns its exit code)."""
    place = HANDLER_MODULES.get(command)
    if place is None:
        return HANDLERS[(command, action)]
    module, name = place
    return getattr(import_module(module), name)[(command, action)]  # type: ignore[no-any-return]
