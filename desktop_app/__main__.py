"""Bootstrap, in a fixed order: arguments → paths → logging → journal → command or window."""

from __future__ import annotations

import os
import sys

from desktop_app import __version__

CONFIRM_FLAGS = {"replace": "--replace", "rollover": "--rollover", "jump": "--confirm"}


def _window_only(argv: list[str]) -> tuple[bool, str | None]:
    """Is this a plain start of the window (no subcommand)? Then the command line's modules are not needed."""
    if not argv:
        return True, None
    if len(argv) == 2 and argv[0] == "--data-dir":
        return True, argv[1]
    if len(argv) == 1 and argv[0].startswith("--data-dir="):
        return True, argv[0].split("=", 1)[1]
    return False, None


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


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    window, folder_option = _window_only(arguments)
    if window:
        # The window's fast path: its frame shows before the journal's libraries load (ui/launch.py).
        from ui.launch import launch

        return launch(folder_option)  # logging starts once the frame is on screen
    _utf8_output()
    import logging

    from desktop_app import paths
    from desktop_app.cli.commands import HANDLERS
    from desktop_app.cli.parser import USER_ERROR, build_parser
    from desktop_app.logging_setup import setup_logging
    from desktop_app.services.journal_service import JournalService
    from journal.errors import ConfirmationRequired, JournalError

    args = build_parser().parse_args(arguments)
    if args.version:
        print(f"meter-journal {__version__}")
        return 0
    if args.self_test:
        from desktop_app.self_test import run_self_test

        return run_self_test()
    folder = paths.data_dir(getattr(args, "data_dir", None))
    log_file = setup_logging(folder)
    if args.command is None:  # e.g. `--json` alone: still the window
        # The bootstrap composes the layers: the only place desktop_app reaches up to the window.
        from ui.launch import launch

        return launch(getattr(args, "data_dir", None))
    try:
        service = JournalService(paths.journal_path(folder))
        try:
            code = HANDLERS[(args.command, getattr(args, "action", None))](service, args)  # sync: 0 or 3
        finally:
            service.close()
    except ConfirmationRequired as exc:
        flag = CONFIRM_FLAGS.get(exc.kind, "--confirm")
        print(f"error: {exc.message} (to go ahead, repeat with {flag})", file=sys.stderr)
        return USER_ERROR
    except JournalError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return USER_ERROR
    except OSError as exc:
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return USER_ERROR
    except Exception:
        logging.getLogger("desktop_app").exception("Unexpected error in the command %s", args.command)
        print(f"internal error: something went wrong; the details are in {log_file}", file=sys.stderr)
        return 1
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    sys.exit(main())
