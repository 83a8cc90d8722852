"""Bootstrap, in a fixed order: arguments → paths → logging → journal → command or window."""

from __future__ import annotations

import os
import sys

from desktop_app import __version__

# By ConfirmationKind's values (a StrEnum: journal is not imported before a command needs it).
CONFIRM_FLAGS = {"replace": "--replace", "rollover": "--rollover", "jump": "--confirm", "duplicate": "--confirm"}


WINDOW_OPTIONS = ("--data-dir", "--open", "--account")  # a window opened at a dialog: `--open reading --account N`
OPENINGS = ("reading", "sync", "payments")


def _window_only(argv: list[str]) -> tuple[bool, str | None, tuple[str, str | None] | None]:
    """Is this a plain start of the window (no subcommand)? Then the command line's modules are not needed.
    Also: the data folder given, and the dialog to open at start (what a reminder's notification asks for)."""
    options: dict[str, str] = {}
    rest = list(argv)
    while rest:
        name, equals, value = rest.pop(0).partition("=")
        if name not in WINDOW_OPTIONS or name in options:
            return False, None, None
        if not equals:
            if not rest:
                return False, None, None
            value = rest.pop(0)
        options[name] = value
    opening = options.get("--open")
    if (opening is not None and opening not in OPENINGS) or ("--account" in options and opening is None):
        return False, None, None
    return True, options.get("--data-dir"), (opening, options.get("--account")) if opening else None


def _subcommand(argv: list[str]) -> str | None:
    """The subcommand, found without the parser (the options every command has may come before it)."""
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token == "--data-dir":
            rest = rest[1:]
        elif not token.startswith("-"):
            return token
    return None


def _remind(arguments: list[str]) -> int:
    """`remind`, on its quick path: its own light parser and imports, none of the other commands'."""
    _utf8_output()
    from desktop_app.cli import remind_command

    args = remind_command.parse(arguments)
    folder = None
    try:
        outcome = remind_command.run(args)
        folder = outcome.folder
        if not outcome.notify:
            return outcome.code
        # The bootstrap composes the layers: the notification is the window's part.
        from ui.reminder_notice import show_notice

        show_notice(outcome.due, outcome.folder)
        return outcome.code
    except OSError as exc:
        print(f"error: {exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""), file=sys.stderr)
        return 2
    except Exception:
        from desktop_app import paths
        from desktop_app.logging_setup import setup_logging

        return _internal_error("remind", setup_logging(folder or paths.data_dir(getattr(args, "data_dir", None))))


def _utf8_output() -> None:
    """Commands print in UTF-8 wherever their output goes. A Windows console takes any text, but a redirected
    or piped stdout gets the ANSI code page (cp1252 on an English Windows), where a holder's Cyrillic name
    raised UnicodeEncodeError; UTF-8 is what Python 3.15 makes the default (PEP 686). PYTHONIOENCODING wins."""
    if os.environ.get("PYTHONIOENCODING"):
        return
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if stream is not None and encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def _internal_error(command: str, log_file: object) -> int:
    """A bug, not the person's mistake: logged in full, one line on stderr, exit code 1."""
    import logging

    logging.getLogger("desktop_app").exception("Unexpected error in the command %s", command)
    where = f"the details are in {log_file}" if log_file else "the log file could not be written"
    print(f"internal error: something went wrong; {where}", file=sys.stderr)
    return 1


def _sqlalchemy_error(exc: BaseException) -> bool:
    """Is this SQLAlchemy's wrapping of a database error? (Asked without importing SQLAlchemy: a command that did
    not import it cannot have raised one.)"""
    errors = sys.modules.get("sqlalchemy.exc")
    return errors is not None and isinstance(exc, errors.DBAPIError)


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    window, folder_option, opening = _window_only(arguments)
    if window:
        # The window's fast path: its frame shows before the journal's libraries load (ui/launch.py).
        from ui.launch import launch

        return launch(folder_option, opening)  # logging starts once the frame is on screen
    if _subcommand(arguments) == "remind":  # run at every login: quick, nothing due (docs/PERFORMANCE.md)
        return _remind(arguments)
    _utf8_output()
    if arguments == ["--self-test"]:  # what the installers run: without the command line's parser and modules
        from desktop_app.self_test import run_self_test

        return run_self_test()
    import gc

    collecting = gc.isenabled()
    gc.disable()  # importing makes some 300,000 objects, all kept: a third of the import time went to collecting
    import sqlite3
    from pathlib import Path

    from desktop_app import paths
    from desktop_app.cli.commands import handler, restore_unusable, service_for
    from desktop_app.cli.output import PrintableOutput
    from desktop_app.cli.parser import BUSY, USER_ERROR, build_parser
    from desktop_app.logging_setup import setup_logging
    from journal.errors import ConfirmationRequired, JournalBusy, JournalError, JournalFileError
    from journal.storage.files import database_error, file_error

    args = build_parser(_subcommand(arguments)).parse_args(arguments)
    service_class = service_for(args.command) if args.command else None  # its modules, still without collecting
    action = getattr(args, "action", None)
    run = handler(args.command, action) if service_class else None  # and the command's own module
    # What the imports made stays to the end. Made while not collecting, it all sits in the youngest generation:
    # the first collections after enabling would walk it again generation by generation (0.2–0.3 s of a
    # command's 0.5–0.8 s here). Frozen, no collection looks at it again.
    gc.freeze()
    if collecting:
        gc.enable()
    if args.version:
        print(f"meter-journal {__version__}")
        return 0
    if args.self_test:
        from desktop_app.self_test import run_self_test

        return run_self_test()
    folder = paths.data_dir(getattr(args, "data_dir", None))
    log_file = setup_logging(folder)
    if service_class is None:  # e.g. `--json` alone: still the window
        # The bootstrap composes the layers: the only place desktop_app reaches up to the window.
        from ui.launch import launch

        return launch(getattr(args, "data_dir", None))
    journal = paths.journal_path(folder)
    stdout, sys.stdout = sys.stdout, PrintableOutput(sys.stdout)  # no control character reaches the terminal
    try:
        try:
            service = service_class(journal, command=" ".join(filter(None, [args.command, action])))
        except JournalFileError:
            if args.command != "restore":
                raise
            restore_unusable(journal, args)  # the advice of that very error: restore a backup copy
            return 0
        try:
            code = run(service, args)  # type: ignore[misc]  # sync: 0 or 3
        finally:
            service.close()
    except ConfirmationRequired as exc:
        flag = CONFIRM_FLAGS.get(exc.kind, "--confirm")
        print(f"error: {exc.message} (to go ahead, repeat with {flag})", file=sys.stderr)
        return USER_ERROR
    except JournalBusy as exc:  # another program's work: nothing changed, and later it will work
        print(f"error: {exc.message}", file=sys.stderr)
        return BUSY
    except JournalError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return USER_ERROR
    except OSError as exc:
        if exc.filename:
            print(f"error: {file_error(exc, Path(exc.filename)).message}", file=sys.stderr)
        else:
            print(f"error: {exc.strerror or exc}", file=sys.stderr)
        return USER_ERROR
    except Exception as exc:  # an SQLite error is the file's fault (mostly JournalErrors already: a last net)
        orig = getattr(exc, "orig", None) if _sqlalchemy_error(exc) else exc  # `history` runs without SQLAlchemy
        mapped = database_error(orig, journal) if isinstance(orig, sqlite3.Error) else None
        if mapped is None:
            return _internal_error(args.command, log_file)
        print(f"error: {mapped.message}", file=sys.stderr)
        return BUSY if isinstance(mapped, JournalBusy) else USER_ERROR
    finally:
        sys.stdout = stdout
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    sys.exit(main())
