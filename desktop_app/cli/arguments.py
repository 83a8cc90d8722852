"""What every subcommand's parser shares — the options of every command and errors of one line, exit code 2 — in
a module of its own, light enough for the reminder's quick path (desktop_app.cli.remind_command)."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

USER_ERROR = 2
BUSY = 3  # the journal is busy with another program's work: nothing changed, trying again later works


class OneLineParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A value with a minus is a value, not an option: "--opening -120,50" (an advance with a decimal comma);
        # argparse's own pattern knows only "-120.50". No option of ours starts with a minus and a digit.
        self._negative_number_matcher = re.compile(r"^-\d")

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(USER_ERROR)


def common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, metavar="DIR",
                        help="the folder of the journal (default: the user data folder)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    return common
