"""The portal's subcommands: `sync` and `portal ...` (login, status, bills, offer)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from journal.supplier import DEFAULT_PROFILE


def add_portal_parsers(command: Callable[[str, str], argparse.ArgumentParser], common: argparse.ArgumentParser,
                       parser_class: type[argparse.ArgumentParser]) -> None:
    from desktop_app.cli.parser import record_number  # called by build_parser, once that module is complete

    sync = command("sync", "send the waiting readings to the supplier's portal and pull bills, payments and figures")
    sync.add_argument("--account", metavar="NUMBER", help="only this account (default: all)")
    sync.add_argument("--portal-url", metavar="URL", help=f"the portal's origin, e.g. {DEFAULT_PROFILE.portal_origin}")
    sync.add_argument("--service-version", metavar="NN", help="the service name's version suffix (default 01)")
    sync.add_argument("--anonymous", action="store_true",
                      help="send through the public form: account number and meter serial, no password, no pull")
    sync.add_argument("--login", metavar="LOGIN", help="the portal login (default: the account number)")
    sync.add_argument("--no-pull", action="store_true", help="only send; do not pull bills and payments")

    portal = command("portal", "the supplier's portal: password, submissions, bills, tariff offers").add_subparsers(
        dest="action", required=True, parser_class=parser_class)
    login = portal.add_parser("login", parents=[common],
                              help="store the portal password in the system keyring (read from the terminal or stdin)")
    login.add_argument("--login", required=True, metavar="LOGIN", help="the portal login (the account number)")
    login.add_argument("--portal-url", metavar="URL", help="remember this portal origin too")
    portal.add_parser("logout", parents=[common], help="remove the stored portal password").add_argument(
        "--login", required=True, metavar="LOGIN")
    status = portal.add_parser("status", parents=[common],
                               help="each reading's submission: waiting, sent, accepted or rejected")
    status.add_argument("--account", metavar="NUMBER")
    bills = portal.add_parser("bills", parents=[common],
                              help="the supplier's invoices, payments and billed amounts next to our estimates")
    bills.add_argument("--account", required=True, metavar="NUMBER")
    offer = portal.add_parser("offer", parents=[common], help="the portal's zone prices offered as a tariff update")
    offer.add_argument("--account", required=True, metavar="NUMBER")
    choice = offer.add_mutually_exclusive_group()
    choice.add_argument("--accept", type=record_number, metavar="ID", help="accept the offer: the prices become yours")
    choice.add_argument("--dismiss", type=record_number, metavar="ID")
    offer.add_argument("--from", dest="valid_from", metavar="DD.MM.YYYY", help="with --accept: valid from this day")
