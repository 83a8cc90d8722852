"""A command starts with what it needs: a command of the journal itself imports neither the portal's libraries
(httpx, keyring) nor the documents' (reportlab) nor Alembic, nor declares the portal's or the billing's tables;
every command still finds its handler."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli.commands import handler
from desktop_app.cli.parser import build_parser
from tests.desktop_app.test_cli import ACCOUNT, run, setup_household

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("httpx", "keyring", "reportlab", "alembic", "mako", "pygments", "desktop_app.portal.sync",
         "desktop_app.services.receipt_service")


def _choices(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse keeps its subcommands there
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _subcommands_of(parser: argparse.ArgumentParser) -> list[tuple[tuple[str, str | None], argparse.ArgumentParser]]:
    return [((name, action), parser) for name, sub in _choices(parser).items()
            for action, parser in (_choices(sub) or {None: sub}).items()]


def _subcommands() -> list[tuple[str, str | None]]:
    return [key for key, _ in _subcommands_of(build_parser())]


def test_every_command_has_its_handler() -> None:
    commands = _subcommands()
    assert len(commands) > 30 and ("history", None) in commands and ("portal", "status") in commands
    for command, action in commands:
        if command == "remind":  # its own quick path in desktop_app.__main__, before any handler
            continue
        assert callable(handler(command, action)), (command, action)


def _modules_after(arguments: list[str]) -> list[str]:
    code = ("import sys\n"
            "from desktop_app.__main__ import main\n"
            "code = main(sys.argv[1:])\n"
            f"heavy = sorted(m for m in {HEAVY!r} if m in sys.modules)\n"
            "models = sys.modules.get('journal.storage.models')\n"
            "if models and 'portal_accounts' in models.Base.metadata.tables:\n"
            "    heavy.append('the portal tables')\n"
            "if models and 'payments' in models.Base.metadata.tables:\n"
            "    heavy.append('the billing tables')\n"
            "print(code, heavy)\n")
    result = subprocess.run([sys.executable, "-c", code, *arguments], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1].split(" ", 1)


@pytest.mark.parametrize("arguments", [
    ["history", "--account", ACCOUNT],
    ["reading", "add", "--account", ACCOUNT, "--date", "2025-02-20", "1200,600"],
    ["--json", "history", "--account", ACCOUNT],
])
def test_a_journal_command_imports_only_what_it_needs(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                      arguments: list[str]) -> None:
    setup_household(capsys, tmp_path)
    assert _modules_after([*arguments, "--data-dir", str(tmp_path)]) == ["0", "[]"]


def test_bill_leaves_the_portal_and_the_documents_out(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    setup_household(capsys, tmp_path)
    d = ["--data-dir", str(tmp_path)]
    for day, values in (("2025-02-20", "1200,600"), ("2025-03-20", "1300,650")):
        assert run(capsys, "reading", "add", "--account", ACCOUNT, "--date", day, values, *d)[0] == 0
    assert _modules_after(["bill", "--account", ACCOUNT, "--period", "2025-03", *d]) == ["0", "[]"]


@pytest.mark.parametrize("arguments", [["history", "--account", ACCOUNT], ["--json", "history", "--account", ACCOUNT],
                                       ["bill", "--account", ACCOUNT, "--period", "2025-03"],
                                       ["--json", "bill", "--account", ACCOUNT, "--period", "2025-03"]])
def test_the_read_only_commands_read_without_sqlalchemy(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                        arguments: list[str]) -> None:
    setup_household(capsys, tmp_path)
    d = ["--data-dir", str(tmp_path)]
    for day, values in (("2025-02-20", "1200,600"), ("2025-03-20", "1300,650")):
        assert run(capsys, "reading", "add", "--account", ACCOUNT, "--date", day, values, *d)[0] == 0
    code = ("import sys\n"
            "from desktop_app.__main__ import main\n"
            "code = main(sys.argv[1:])\n"
            "print(code, sorted(m for m in ('sqlalchemy', 'journal.storage.models') if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code, *arguments, *d], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert ACCOUNT in result.stdout and ("1300" in result.stdout or "Total: " in result.stdout
                                         or '"total": ' in result.stdout)
    assert result.stdout.strip().splitlines()[-1] == "0 []"


def test_a_subcommand_s_own_parser_is_the_full_parser_s() -> None:
    full = dict(_subcommands_of(build_parser()))
    for name in {command for command, _ in full}:
        own = dict(_subcommands_of(build_parser(name)))
        assert {key for key in own if key[0] == name} == {key for key in full if key[0] == name}, name
        for key, sub in own.items():
            if key[0] == name:
                assert sub.format_help() == full[key].format_help(), key
    assert dict(_subcommands_of(build_parser("no-such-command"))).keys() == full.keys()
