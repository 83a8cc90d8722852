"""Every day argument of the command line reads a day as people write it (05.11.2026, 5.11.2026, 05112026,
05.11.26) as well as ISO 2026-11-05 — the same rule as the window's day field (journal.validation) — and prints
days in ISO. A day that is not one: one line on stderr, exit code 2, the journal unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.desktop_app.test_cli import ACCOUNT, run
from tests.desktop_app.test_cli_billing import d, ok  # noqa: F401 (the fixture: today is 2026-11-28)
from tests.journal.test_billing import snapshot


def household(capsys: pytest.CaptureFixture[str], d: list[str]) -> None:  # noqa: F811
    ok(capsys, "account", "add", ACCOUNT, "--holder", "Иванова Мария Петровна", "--address", "Самара",
       "--plan", "two-zone", "--category", "urban-gas", *d)
    ok(capsys, "meter", "add", "--account", ACCOUNT, "--serial", "11712434", "--digits", "6", "--installed",
       "10.01.2025", "--initial", "1000,500", *d)


def test_every_day_argument_takes_the_day_as_people_write_it(capsys: pytest.CaptureFixture[str],
                                                               d: list[str]) -> None:  # noqa: F811
    household(capsys, d)
    first = json.loads(ok(capsys, "reading", "add", "--account", ACCOUNT, "--date", "20.02.2025", "1200,600",
                          "--json", *d))
    assert first["taken_on"] == "2025-02-20"  # printed in ISO
    ok(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2025-03-20", "1300,650", *d)  # ISO still
    ok(capsys, "reading", "edit", "--account", ACCOUNT, "--id", str(first["id"]), "--date", "21.2.2025", "1210,600",
       *d)
    assert ok(capsys, "payment", "add", "--account", ACCOUNT, "--date", "05032025", "100", *d) == (
        f"Payment recorded for account {ACCOUNT}: 2025-03-05  100.00 ₽  (period 2025-03).\n")
    assert "from 2025-07-01:" in ok(capsys, "tariff", "set", "--category", "urban-gas", "--plan", "two-zone",
                                    "--from", "01.07.25", "7,18", "3,56", *d)
    assert "opening balance 250.00 ₽ to pay on 2025-02-01" in ok(
        capsys, "balance", "--account", ACCOUNT, "--opening", "250", "--opening-date", "1.2.2025", *d)
    assert "is single from 2025-04-05" in ok(
        capsys, "account", "change-plan", "--account", ACCOUNT, "--plan", "single", "--on", "05.04.2025 г.",
        "--old-final", "1400,700", "--initial", "2100", *d)
    ok(capsys, "meter", "replace", "--account", ACCOUNT, "--old-final", "2200", "--serial", "22", "--digits", "6",
       "--installed", "10 05 2025", "--initial", "0", *d)
    history = json.loads(ok(capsys, "history", "--account", ACCOUNT, "--json", *d))["readings"]
    assert [(r["taken_on"], r["status"]) for r in history if r["period"] == "2025-02"] == [
        ("2025-02-20", "edited"), ("2025-02-21", "active")]
    meters = ok(capsys, "meter", "list", "--account", ACCOUNT, *d).splitlines()
    assert [line.split("installed ")[1][:10] for line in meters] == ["2025-01-10", "2025-04-05", "2025-05-10"]


@pytest.mark.parametrize(("typed", "says"), [
    ("31.02.2025", "There is no such date: '31.02.2025'."),
    ("2025-02-30", "There is no such date: '2025-02-30'."),
    ("20.13.2025", "There is no such date: '20.13.2025'."),
    ("вчера", "A date is written as 05.11.2026 or 2026-11-05; got 'вчера'."),
    ("20.02", "A date is written as 05.11.2026 or 2026-11-05; got '20.02'."),
])
def test_a_wrong_day_is_one_line_exit_2_and_changes_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                            d: list[str], typed: str, says: str) -> None:  # noqa: F811
    household(capsys, d)
    before = snapshot(tmp_path / "journal.sqlite3")
    for command in (["reading", "add", "--account", ACCOUNT, "--date", typed, "1200,600"],
                    ["payment", "add", "--account", ACCOUNT, "--date", typed, "100"],
                    ["tariff", "set", "--category", "urban-gas", "--plan", "single", "--from", typed, "7"],
                    ["balance", "--account", ACCOUNT, "--opening", "100", "--opening-date", typed],
                    ["account", "change-plan", "--account", ACCOUNT, "--plan", "single", "--on", typed,
                     "--old-final", "1400,700", "--initial", "2100"],
                    ["meter", "add", "--account", ACCOUNT, "--serial", "33", "--digits", "6", "--installed", typed,
                     "--initial", "0"]):
        code, out, err = run(capsys, *command, *d)
        assert (code, out) == (2, ""), command
        assert err.endswith(says + "\n") and err.count("\n") == 1, err
    assert snapshot(tmp_path / "journal.sqlite3") == before
