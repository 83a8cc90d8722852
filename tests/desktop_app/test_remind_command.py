"""`meter-journal remind`: exit 0 at once when nothing is due (no Qt widgets loaded), 4 with what is due as text or
JSON, 2 with one line for a journal that cannot be read; `--off`. Run as the program is run, in a child process,
where it matters what gets imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.__main__ import _subcommand, _window_only, main
from desktop_app.cli import remind_command
from desktop_app.services.journal_service import JournalService
from desktop_app.services.reminders import cutoff_if_due, mark_seen
from journal import accounts, portal_data
from tests.conftest import ReminderPlace

ROOT = Path(__file__).resolve().parents[2]
ACCOUNT = "050900691990"
# Modules the quick path must not load: the window's, and the other commands' heavy libraries.
NOT_LOADED = ("PySide6.QtWidgets", "PySide6.QtGui", "reportlab", "httpx", "keyring", "alembic",
              "desktop_app.services.journal_service", "journal.billing")


def household(folder: Path, *, waiting: bool = False, invoice_due: date | None = None) -> None:
    """An account with a reading today (so its period has one, whatever today is); with `waiting`, its account
    uses the portal and the reading waits to be sent; with `invoice_due`, an unpaid invoice due that day."""
    today = date.today()
    service = JournalService(folder / "journal.sqlite3")
    try:
        service.add_account(ACCOUNT, "Иванова Мария Петровна", "Самара, ул. Ленина, 1", "two-zone", "urban-gas")
        service.add_meter(ACCOUNT, "11712434", 6, today - timedelta(days=400), "1000,500")
        service.add_reading(ACCOUNT, today, "1300,600")
        with service.journal.write() as session:
            account = accounts.find_account(session, ACCOUNT)
            if waiting:
                portal_data.link_account(session, account, portal_account_id="BP1", contract_account_id=ACCOUNT,
                                         contract_id=None, tariff_type=None, now=datetime.now())
            if invoice_due is not None:
                portal_data.store_invoices(session, account, [portal_data.PulledInvoice(
                    "700123", invoice_due - timedelta(days=20), invoice_due, Decimal("1234.56"), Decimal("0"),
                    Decimal("1234.56"), None)], datetime.now())
    finally:
        service.close()


def remind(folder: Path, *options: str, screen: bool = False) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """`python -m desktop_app remind` as a person's computer runs it, with the modules it imported."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    if screen:
        env["QT_QPA_PLATFORM"] = "offscreen"  # a screen to show a notification on, were anything due
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "desktop_app", "remind", "--data-dir",
                             str(folder), *options], cwd=ROOT, env=env, capture_output=True, text=True,
                            encoding="utf-8", timeout=120)
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    result.stderr = "\n".join(line for line in result.stderr.splitlines() if not line.startswith("import time:"))
    return result, imported


def test_nothing_due_exits_at_once_without_loading_the_window(tmp_path: Path) -> None:
    household(tmp_path)
    result, imported = remind(tmp_path, screen=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "Nothing is due.\n", "")
    assert "journal.glance" in imported  # it did look
    # Outside the days readings are due, the glance is enough; within them the journal is opened to look.
    assert ("sqlalchemy" in imported) == (cutoff_if_due(date.today()) is not None)
    assert not [m for m in imported if m.startswith(NOT_LOADED)]


def test_nothing_due_after_the_exact_look_exits_without_loading_the_window(tmp_path: Path) -> None:
    household(tmp_path, invoice_due=date.today() + timedelta(days=2))  # the glance: maybe...
    service = JournalService(tmp_path / "journal.sqlite3")
    service.billing.add_payment(ACCOUNT, date.today(), "1234.56")  # ...but it is paid
    service.close()
    result, imported = remind(tmp_path, screen=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "Nothing is due.\n", "")
    assert "sqlalchemy" in imported and "desktop_app.services.reminders" in imported
    assert not [m for m in imported if m.startswith(("PySide6.QtWidgets", "PySide6.QtGui", "reportlab", "httpx",
                                                      "keyring", "alembic"))]


def test_without_a_journal_nothing_is_due_and_none_is_created(tmp_path: Path) -> None:
    result, imported = remind(tmp_path / "new", screen=True)
    assert (result.returncode, result.stdout) == (0, "Nothing is due.\n")
    assert not (tmp_path / "new").exists()
    assert "sqlalchemy" not in imported


def test_what_is_due_as_json_and_exit_code_4(tmp_path: Path) -> None:
    due_day = date.today() + timedelta(days=3)
    household(tmp_path, waiting=True, invoice_due=due_day)
    result, imported = remind(tmp_path, "--json", screen=True)
    assert result.returncode == 4, result.stderr
    data = json.loads(result.stdout)
    assert data["today"] == date.today().isoformat()
    assert [(d["kind"], d["account"]) for d in data["due"]] == [("waiting", ACCOUNT), ("invoice", ACCOUNT)]
    waiting, invoice = data["due"]
    assert (waiting["waiting"], waiting["checking"]) == (1, 0)
    assert (invoice["invoice"], invoice["amount"], invoice["until"]) == ("700123", "1234.56", due_day.isoformat())
    assert "PySide6.QtWidgets" not in imported  # --json never shows the notification


def test_what_is_due_as_text_and_no_notification_without_a_screen(tmp_path: Path) -> None:
    household(tmp_path, waiting=True)
    result, imported = remind(tmp_path)
    assert result.returncode == 4 and result.stderr == ""
    assert result.stdout == (f"Account {ACCOUNT}: 1 reading(s) waiting to be sent to the supplier (the sync sends "
                             "and checks them).\n")
    assert "PySide6.QtWidgets" not in imported


def test_options_before_the_subcommand_take_the_quick_path_too(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    household(tmp_path, waiting=True)
    assert _subcommand(["--data-dir", str(tmp_path), "--json", "remind"]) == "remind"
    assert main(["--data-dir", str(tmp_path), "--json", "remind"]) == 4
    assert json.loads(capsys.readouterr().out)["due"][0]["kind"] == "waiting"
    with pytest.raises(SystemExit) as refused:
        main(["remind", "--wait", "--off"])
    assert refused.value.code == 2 and "not allowed with argument" in capsys.readouterr().err


def test_a_journal_that_cannot_be_read_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "journal.sqlite3").write_bytes(b"not a database at all, but a journal's name" * 100)
    result, _ = remind(tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("error: The file ") and len(result.stderr.splitlines()) == 1


def test_the_notification_comes_once_a_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    household(tmp_path, waiting=True)
    args = remind_command.parse(["remind", "--data-dir", str(tmp_path)])
    outcome = remind_command.run(args, today=date.today())
    assert (outcome.code, outcome.notify, [d.kind for d in outcome.due]) == (4, True, ["waiting"])
    mark_seen(tmp_path, date.today())
    outcome = remind_command.run(args, today=date.today())
    assert (outcome.code, outcome.notify) == (4, False)
    assert "Already seen today" in capsys.readouterr().out
    assert remind_command.run(args, today=date.today() + timedelta(days=1)).notify is True
    json_args = remind_command.parse(["remind", "--json", "--data-dir", str(tmp_path)])
    assert remind_command.run(json_args, today=date.today() + timedelta(days=1)).notify is False


def test_remind_off_removes_the_entry(tmp_path: Path, reminder_place: ReminderPlace, data_dir: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    reminder_place.autostart.enable(["meter-journal", "remind", "--wait"])
    assert main(["remind", "--off"]) == 0
    assert reminder_place.autostart.entry() is None
    assert "off" in capsys.readouterr().out
    assert main(["remind", "--off"]) == 0
    assert capsys.readouterr().out == "The reminder was not on.\n"


def test_the_window_can_be_asked_to_open_a_dialog() -> None:
    assert _window_only([]) == (True, None, None)
    assert _window_only(["--open", "reading", "--account", ACCOUNT, "--data-dir", "D"]) == (
        True, "D", ("reading", ACCOUNT))
    assert _window_only(["--open=payments"]) == (True, None, ("payments", None))
    assert _window_only(["--open", "nonsense"])[0] is False
    assert _window_only(["--account", ACCOUNT])[0] is False
    assert _window_only(["--open"])[0] is False
