"""The argument parser. Its errors are one line and exit code 2, like every user error."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from desktop_app.cli.arguments import BUSY, USER_ERROR, OneLineParser, common_options  # noqa: F401 (re-exported)
from desktop_app.cli.overview_command import add_overview_parser
from journal.zones import ConsumerCategory, TariffPlan

# The values (not the members: argparse's refusal names the choices by their repr).
PLANS = [plan.value for plan in TariffPlan]
CATEGORIES = [category.value for category in ConsumerCategory]


def record_number(text: str) -> int:
    """An --id: a reading's (or an offer's) number, refused in plain words when it cannot be one."""
    from journal import validation
    from journal.errors import InvalidInput

    try:
        return validation.record_number(text)
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser. With `only`, the subcommand found in the arguments, just that subcommand's parser
    is built (and just its modules imported): a command starts sooner. None, or a name that is no subcommand, builds
    them all, for the help and the error that lists them."""
    common = common_options()
    parser = OneLineParser(prog="meter-journal", parents=[common],
                           description="Meter Journal: an offline journal of electricity meter readings. "
                                       "Without a subcommand it opens the window.")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation end to end on a temporary journal and exit")
    sub = parser.add_subparsers(dest="command", parser_class=OneLineParser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[common], help=help_text, description=help_text)

    groups = GROUPS if only is None or not any(only in names for names, _ in GROUPS) else [
        (names, build) for names, build in GROUPS if only in names]
    for _names, build in groups:
        build(command, common)
    return parser


Command = Callable[[str, str], argparse.ArgumentParser]


def _accounts(command: Command, common: argparse.ArgumentParser) -> None:
    account = command("account", "accounts (лицевые счета)").add_subparsers(dest="action", required=True,
                                                                           parser_class=OneLineParser)
    add = account.add_parser("add", parents=[common], help="add an account")
    add.add_argument("number")
    add.add_argument("--holder", required=True)
    add.add_argument("--address", required=True)
    add.add_argument("--plan", required=True, choices=PLANS)
    add.add_argument("--category", required=True, choices=CATEGORIES)
    account.add_parser("list", parents=[common], help="list the accounts")
    cplan = account.add_parser("change-plan", parents=[common],
                               help="change the tariff plan from a date, keeping the meter")
    cplan.add_argument("--account", required=True)
    cplan.add_argument("--plan", required=True, choices=PLANS, help="the new plan")
    cplan.add_argument("--on", required=True, metavar="DD.MM.YYYY", help="the day the new plan starts")
    cplan.add_argument("--old-final", required=True, metavar="V[,V[,V]]",
                       help="the meter's values that day in the old plan's zones")
    cplan.add_argument("--initial", required=True, metavar="V[,V[,V]]",
                       help="the meter's values that day in the new plan's zones")
    cplan.add_argument("--rollover", action="store_true", help="an old plan's value wrapped past zero")
    cplan.add_argument("--confirm", action="store_true", help="accept an unusually large consumption")


def _meters(command: Command, common: argparse.ArgumentParser) -> None:
    meter = command("meter", "meters (приборы учёта)").add_subparsers(dest="action", required=True,
                                                                     parser_class=OneLineParser)
    madd = meter.add_parser("add", parents=[common], help="add an account's meter from its installation act")
    madd.add_argument("--account", required=True)
    madd.add_argument("--serial", required=True)
    madd.add_argument("--digits", required=True)
    madd.add_argument("--installed", required=True, metavar="DD.MM.YYYY")
    madd.add_argument("--initial", required=True, metavar="V[,V[,V]]")
    madd.add_argument("--verified", type=int, metavar="YEAR", help="year of the last verification")
    madd.add_argument("--next-verification", type=int, metavar="YEAR")
    mrep = meter.add_parser("replace", parents=[common], help="replace the account's meter")
    mrep.add_argument("--account", required=True)
    mrep.add_argument("--old-final", required=True, metavar="V[,V[,V]]")
    mrep.add_argument("--serial", required=True)
    mrep.add_argument("--digits", required=True)
    mrep.add_argument("--installed", required=True, metavar="DD.MM.YYYY")
    mrep.add_argument("--initial", required=True, metavar="V[,V[,V]]")
    mrep.add_argument("--rollover", action="store_true", help="the old meter's final value wrapped past zero")
    mrep.add_argument("--confirm", action="store_true", help="accept an unusually large consumption")
    mrep.add_argument("--plan", choices=PLANS, help="the new meter's tariff plan, when it changes with the meter")
    mrep.add_argument("--verified", type=int, metavar="YEAR")
    mrep.add_argument("--next-verification", type=int, metavar="YEAR")
    medit = meter.add_parser("edit", parents=[common],
                             help="correct the installation act of the meter in use (only what is given changes)")
    medit.add_argument("--account", required=True)
    medit.add_argument("--serial")
    medit.add_argument("--digits")
    medit.add_argument("--installed", metavar="DD.MM.YYYY")
    medit.add_argument("--initial", metavar="V[,V[,V]]")
    meter.add_parser("list", parents=[common], help="list an account's meters").add_argument("--account",
                                                                                             required=True)


def _readings(command: Command, common: argparse.ArgumentParser) -> None:
    reading = command("reading", "readings").add_subparsers(dest="action", required=True,
                                                            parser_class=OneLineParser)
    radd = reading.add_parser("add", parents=[common], help="add a reading")
    radd.add_argument("--account", required=True)
    radd.add_argument("--date", required=True, metavar="DD.MM.YYYY")
    radd.add_argument("values", metavar="V[,V[,V]]")
    radd.add_argument("--meter", metavar="SERIAL", help="the meter (default: the one in use on that date)")
    _confirmations(radd)
    redit = reading.add_parser("edit", parents=[common], help="correct a reading")
    redit.add_argument("--account", required=True)
    redit.add_argument("--id", required=True, type=record_number, help="the reading's number, as in the history")
    redit.add_argument("--date", required=True, metavar="DD.MM.YYYY")
    redit.add_argument("values", metavar="V[,V[,V]]")
    redit.add_argument("--rollover", action="store_true")
    redit.add_argument("--confirm", action="store_true")
    rdel = reading.add_parser("delete", parents=[common], help="delete a reading (it stays in the history)")
    rdel.add_argument("--account", required=True)
    rdel.add_argument("--id", required=True, type=record_number)
    command("undo", "undo the last change to readings")


def _files(command: Command, common: argparse.ArgumentParser) -> None:
    command("history", "an account's readings and consumption").add_argument("--account", required=True)
    add_overview_parser(command)
    export = command("export", "export all readings to CSV")
    export.add_argument("--out", required=True, metavar="FILE.csv")
    export.add_argument("--excel", action="store_true",
                        help="for Excel: semicolons, dates as 20.02.2025, UTF-8 with a BOM (import reads it back)")
    imp = command("import", "import readings from CSV, ours or saved by Excel (all or nothing)")
    imp.add_argument("file", metavar="FILE.csv")
    _confirmations(imp)
    command("backup", "copy the journal to a file").add_argument("--out", required=True, metavar="FILE")
    command("restore", "replace the journal by a backup copy").add_argument("file", metavar="FILE")


def _billing(command: Command, common: argparse.ArgumentParser) -> None:
    """Prices, bills, estimates, payments, the balance and the forecast."""
    tariff = command("tariff", "electricity prices, shipped and your own").add_subparsers(
        dest="action", required=True, parser_class=OneLineParser)
    tlist = tariff.add_parser("list", parents=[common], help="list the prices and their sources")
    tlist.add_argument("--category", choices=CATEGORIES)
    tlist.add_argument("--plan", choices=PLANS)
    tset = tariff.add_parser("set", parents=[common], help="add or correct your price valid from a date")
    tset.add_argument("--category", required=True, choices=CATEGORIES)
    tset.add_argument("--plan", required=True, choices=PLANS)
    tset.add_argument("--from", required=True, dest="valid_from", metavar="DD.MM.YYYY")
    tset.add_argument("prices", nargs="+", metavar="PRICE",
                      help="₽/kWh, one argument per zone in zone order (day night; peak night semi-peak); a comma "
                           "or a point before the kopecks: 8,20 4,17")
    tupd = tariff.add_parser("update", parents=[common],
                             help="ask the supplier's online calculator for the prices the journal needs")
    tupd.add_argument("--account", metavar="NUMBER", help="only this account's months (default: every account)")
    tupd.add_argument("--calculator-url", metavar="URL",
                      help="the calculator's address (default: METER_JOURNAL_CALCULATOR_URL, else the supplier's)")
    tupd.add_argument("--force", action="store_true", help="ask again about months asked before")

    bill = command("bill", "a period's charge per zone")
    bill.add_argument("--account", required=True)
    bill.add_argument("--period", required=True, metavar="YYYY-MM")
    estimate = command("estimate", "the charge of values typed now, without saving them")
    estimate.add_argument("--account", required=True)
    estimate.add_argument("values", metavar="V[,V[,V]]")
    estimate.add_argument("--rollover", action="store_true", help="a lower value is a rollover past zero")

    payment = command("payment", "payments").add_subparsers(dest="action", required=True,
                                                            parser_class=OneLineParser)
    padd = payment.add_parser("add", parents=[common], help="record a payment")
    padd.add_argument("--account", required=True)
    padd.add_argument("--date", required=True, metavar="DD.MM.YYYY")
    padd.add_argument("amount", metavar="AMOUNT", help="roubles, e.g. 1250,50 or 1250.50")
    padd.add_argument("--note", default="", metavar="TEXT")
    padd.add_argument("--confirm", action="store_true",
                      help="record it although the same sum on the same day is already recorded")
    payment.add_parser("list", parents=[common], help="list an account's payments").add_argument("--account",
                                                                                                 required=True)
    balance = command("balance", "the balance per month: opening balance + charges − payments")
    balance.add_argument("--account", required=True)
    balance.add_argument("--opening", metavar="AMOUNT",
                         help="set the opening balance from your last bill: debt positive, advance negative")
    balance.add_argument("--opening-date", metavar="DD.MM.YYYY", help="the opening balance's date (default: today)")
    command("forecast", "average consumption per zone and the forecast for the current period").add_argument(
        "--account", required=True)


def _confirmations(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--replace", action="store_true", help="replace a reading for the same period")
    parser.add_argument("--rollover", action="store_true", help="a lower value is a rollover past zero")
    parser.add_argument("--confirm", action="store_true", help="accept an unusually large consumption")


def _receipts(command: Command, common: argparse.ArgumentParser) -> None:
    from desktop_app.cli.receipt_commands import receipt_parsers

    receipt_parsers(command, common)


def _portal(command: Command, common: argparse.ArgumentParser) -> None:
    from desktop_app.cli.portal_parser import add_portal_parsers

    add_portal_parsers(command, common, OneLineParser)


def _remind(command: Command, common: argparse.ArgumentParser) -> None:
    from desktop_app.cli.remind_command import add_remind_parser

    add_remind_parser(command)


# Each group of subcommands (their names) and what builds their parsers, in the order the help lists them.
GROUPS: list[tuple[tuple[str, ...], Callable[[Command, argparse.ArgumentParser], None]]] = [
    (("account",), _accounts),
    (("meter",), _meters),
    (("reading", "undo"), _readings),
    (("history", "export", "import", "backup", "restore"), _files),
    (("tariff", "bill", "estimate", "payment", "balance", "forecast"), _billing),
    (("receipt", "payee", "slip", "report"), _receipts),
    (("sync", "portal"), _portal),
    (("remind",), _remind),
]
