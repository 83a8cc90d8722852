"""`meter-journal remind [--json] [--wait | --off]`: what is due now, for every account of the journal — a period
without a reading while its readings are due, readings waiting to be sent, an invoice near its due date with no
payment recorded (desktop_app.services.reminders). Exit code 0: nothing is due; 4: something is.

It runs at every login, so it is quick: the bootstrap comes here before loading the rest of the command line
(desktop_app.__main__); a glance with the standard library's sqlite3 comes first, and only when something may be
due are the journal's storage and queries loaded (docs/PERFORMANCE.md). Something due, without --json, and not yet
seen today: the bootstrap then shows the notification (ui.reminder_notice). `--wait` is the daily waiter the
autostart entry starts (desktop_app.reminder_waiter); `--off` turns the reminder off.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.cli.arguments import BUSY, USER_ERROR, OneLineParser, common_options

if TYPE_CHECKING:
    from desktop_app.services.reminders import Due

SOMETHING_DUE = 4


def add_remind_parser(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    remind = command("remind", "what is due now: readings to submit or to send, an invoice to pay (exit code 4 "
                               "when something is); as the reminder, a notification")
    how = remind.add_mutually_exclusive_group()
    how.add_argument("--wait", action="store_true",
                     help="stay running and check now and every day (what the autostart entry runs)")
    how.add_argument("--off", action="store_true",
                     help="turn the reminder off: remove its autostart entry and stop its waiter")


def parse(argv: list[str]) -> argparse.Namespace:
    """The command line of `remind`, read without the rest of the command line's parser."""
    common = common_options()
    parser = OneLineParser(prog="meter-journal", parents=[common])
    sub = parser.add_subparsers(dest="command", parser_class=OneLineParser)
    add_remind_parser(lambda name, text: sub.add_parser(name, parents=[common], help=text, description=text))
    return parser.parse_args(argv)


@dataclass
class Outcome:
    code: int
    folder: Path
    due: list[Due] = field(default_factory=list)
    notify: bool = False  # show the notification (the bootstrap does)


def display_available() -> bool:
    """A screen to show the notification on: always on Windows and macOS; on Linux an X or Wayland display."""
    if sys.platform in ("win32", "darwin"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run(args: argparse.Namespace, today: date | None = None) -> Outcome:
    from desktop_app import paths

    folder = paths.data_dir(getattr(args, "data_dir", None))
    if args.off:
        from desktop_app.autostart import reminders_off

        was_on = reminders_off()
        print("The reminder is off: its autostart entry removed, its waiter stopped." if was_on
              else "The reminder was not on.")
        return Outcome(0, folder)
    if args.wait:
        from desktop_app.autostart import waiter_folder
        from desktop_app.logging_setup import setup_logging
        from desktop_app.reminder_waiter import wait

        setup_logging(folder)
        return Outcome(wait(folder, waiter_folder()), folder)
    from journal.errors import JournalBusy, JournalError

    today = today or date.today()
    try:
        due = look(folder, today)
    except JournalError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return Outcome(BUSY if isinstance(exc, JournalBusy) else USER_ERROR, folder)
    as_json = getattr(args, "json", False)
    if as_json:
        from desktop_app.cli.output import dumps

        print(dumps({"today": today, "due": due}))
    else:
        print("\n".join(describe(d) for d in due) if due else "Nothing is due.")
    notify = bool(due) and not as_json and display_available()
    if notify:
        from desktop_app.services.reminders import seen_today

        if seen_today(folder, today):
            notify = False
            print("(Already seen today: the notification comes again tomorrow.)")
    return Outcome(SOMETHING_DUE if due else 0, folder, due, notify)


def look(folder: Path, today: date) -> list[Due]:
    """What is due in the journal of `folder`: a glance first, then, if anything may be, the exact look. Nothing
    when there is no journal yet (none is created)."""
    from desktop_app import paths
    from desktop_app.services.reminders import may_be_due

    journal_file = paths.journal_path(folder)
    if not journal_file.exists() or not may_be_due(journal_file, today):
        return []
    from desktop_app.services.reminders import due_now
    from journal.storage.database import open_journal

    with open_journal(journal_file, command="remind") as journal:
        return due_now(journal, today)


def describe(due: Due) -> str:
    """One line of the command's text output."""
    if due.kind == "reading":
        return (f"Account {due.account}: no reading for {due.period} yet; the supplier takes readings until "
                f"{due.until}.")
    if due.kind == "waiting":
        parts = []
        if due.waiting:
            parts.append(f"{due.waiting} reading(s) waiting to be sent to the supplier")
        if due.checking:
            parts.append(f"{due.checking} reading(s) sent without a confirmation, being checked with the supplier")
        return f"Account {due.account}: " + "; ".join(parts) + " (the sync sends and checks them)."
    amount = f" for {due.amount}" if due.amount is not None else ""
    return f"Account {due.account}: invoice {due.invoice}{amount} is due on {due.until}; no payment is recorded."
