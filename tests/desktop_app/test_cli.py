"""The command line: readable text, JSON, exit 0 on success and 2 with one line on a user error."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.__main__ import main

ACCOUNT = "050900691990"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's own errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def setup_household(capsys: pytest.CaptureFixture[str], folder: Path, plan: str = "two-zone") -> None:
    d = ["--data-dir", str(folder)]
    assert run(capsys, "account", "add", ACCOUNT, "--holder", "Иванова Мария Петровна", "--address",
               "Самара, ул. Ленина, 1", "--plan", plan, "--category", "urban-gas", *d)[0] == 0
    assert run(capsys, "meter", "add", "--account", ACCOUNT, "--serial", "11712434", "--digits", "6",
               "--installed", "2025-01-10", "--initial", "1000,500", *d)[0] == 0


def test_a_household_from_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    setup_household(capsys, tmp_path)
    d = ["--data-dir", str(tmp_path)]
    code, out, _ = run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2025-02-20", "1200,600", *d)
    assert code == 0 and "period 2025-02" in out
    code, out, _ = run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2025-03-20", "1450,640",
                       "--json", *d)
    assert code == 0 and json.loads(out)["period"] == "2025-03"
    code, out, _ = run(capsys, "history", "--account", ACCOUNT, *d)
    assert code == 0
    assert "2025-03-20" in out and "250" in out and "40" in out
    code, out, _ = run(capsys, "--json", "history", "--account", ACCOUNT, *d)
    data = json.loads(out)
    assert [p["consumption"] for p in data["periods"]] == [[200, 100], [250, 40]]
    code, out, _ = run(capsys, "account", "list", "--json", *d)
    assert json.loads(out)[0]["number"] == ACCOUNT


def test_superseded_readings_are_marked_in_the_history(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    setup_household(capsys, tmp_path)
    d = ["--data-dir", str(tmp_path)]
    run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2025-02-10", "1100,550", *d)
    code, _, err = run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2025-02-20", "1200,600", *d)
    assert code == 2 and "--replace" in err and err.count("\n") == 1
    assert run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2025-02-20", "1200,600", "--replace",
               *d)[0] == 0
    _, out, _ = run(capsys, "history", "--account", ACCOUNT, *d)
    assert "superseded" in out
    # undo says in words what it took back, each time
    assert run(capsys, "undo", *d)[1].strip() == "Undone: the last reading that replaced another."
    assert run(capsys, "undo", *d)[1].strip() == "Undone: the last reading added."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["reading", "add", "--account", ACCOUNT, "--date", "2025-02-20", "12x0,600"], "letters or symbols"),
        (["reading", "add", "--account", ACCOUNT, "--date", "2025-02-20", "1200"], "two values"),
        (["reading", "add", "--account", ACCOUNT, "--date", "2030-02-20", "1200,600"], "in the future"),
        (["reading", "add", "--account", ACCOUNT, "--date", "20 февраля", "1200,600"], "05.11.2026 or 2026-11-05"),
        (["reading", "add", "--account", "777777", "--date", "2025-02-20", "1200,600"], "no account 777777"),
        (["reading", "add", "--account", ACCOUNT, "--date", "2025-02-20", "900,600"], "--rollover"),
        (["account", "add", "12345", "--holder", "X", "--address", "Y", "--plan", "single", "--category",
          "rural"], "6 to 14 digits"),
        (["account", "add", "123456", "--holder", "X", "--address", "Y", "--plan", "double", "--category",
          "rural"], "invalid choice"),
        (["reading", "frobnicate"], "invalid choice"),
        (["import", "missing.csv"], "There is no file or folder missing.csv"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    setup_household(capsys, tmp_path)
    code, _, err = run(capsys, *args, "--data-dir", str(tmp_path))
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_export_and_import_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "a"
    d = ["--data-dir", str(source)]
    run(capsys, "account", "add", ACCOUNT, "--holder", "Иванова", "--address", "Самара", "--plan", "three-zone",
        "--category", "urban-gas", *d)
    run(capsys, "meter", "add", "--account", ACCOUNT, "--serial", "S-1", "--digits", "6", "--installed",
        "2025-01-10", "--initial", "10,20,30", *d)
    for month, values in [(2, "110,70,60"), (3, "210,120,95"), (4, "300,170,130")]:
        assert run(capsys, "reading", "add", "--account", ACCOUNT, "--date", f"2025-{month:02d}-20", values, *d)[0] == 0
    out_csv = tmp_path / "readings.csv"
    assert run(capsys, "export", "--out", str(out_csv), *d)[0] == 0
    lines = out_csv.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "account,meter,date,t1,t2,t3"
    assert lines[1] == f"{ACCOUNT},S-1,2025-02-20,110,70,60"
    target = tmp_path / "b"
    t = ["--data-dir", str(target)]
    run(capsys, "account", "add", ACCOUNT, "--holder", "Иванова", "--address", "Самара", "--plan", "three-zone",
        "--category", "urban-gas", *t)
    run(capsys, "meter", "add", "--account", ACCOUNT, "--serial", "S-1", "--digits", "6", "--installed",
        "2025-01-10", "--initial", "10,20,30", *t)
    code, out, _ = run(capsys, "import", str(out_csv), *t)
    assert code == 0 and "3 readings imported" in out
    again = tmp_path / "again.csv"
    run(capsys, "export", "--out", str(again), *t)
    assert again.read_text(encoding="utf-8") == out_csv.read_text(encoding="utf-8")


def test_import_is_all_or_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    setup_household(capsys, tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text("account,meter,date,t1,t2,t3\n"
                   f"{ACCOUNT},11712434,2025-02-20,1200,600,\n"
                   f"{ACCOUNT},11712434,2025-03-20,1300,650,\n"
                   f"{ACCOUNT},11712434,2025-04-20,13x0,700,\n", encoding="utf-8")
    code, _, err = run(capsys, "import", str(bad), "--data-dir", str(tmp_path))
    assert code == 2 and "Line 4" in err and err.count("\n") == 1
    connection = sqlite3.connect(tmp_path / "journal.sqlite3")
    assert connection.execute("SELECT COUNT(*) FROM readings").fetchone()[0] == 0
    connection.close()


def test_backup_and_restore(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    setup_household(capsys, tmp_path)
    d = ["--data-dir", str(tmp_path)]
    run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2025-02-20", "1200,600", *d)
    copy = tmp_path / "copy.sqlite3"
    assert run(capsys, "backup", "--out", str(copy), *d)[0] == 0
    run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2025-03-20", "1300,650", *d)
    code, out, _ = run(capsys, "restore", str(copy), *d)
    assert code == 0 and "kept as" in out
    _, out, _ = run(capsys, "--json", "history", "--account", ACCOUNT, *d)
    assert [r["taken_on"] for r in json.loads(out)["readings"]] == ["2025-02-20"]
    kept = list((tmp_path / "backups").glob("journal-before-restore-*.sqlite3"))
    assert len(kept) == 1
    connection = sqlite3.connect(kept[0])
    assert connection.execute("SELECT COUNT(*) FROM readings").fetchone()[0] == 2
    connection.close()


def test_restore_refuses_a_foreign_file_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    setup_household(capsys, tmp_path)
    foreign = tmp_path / "photo.jpg"
    foreign.write_bytes(b"\xff\xd8\xff" + b"0" * 1000)
    journal = tmp_path / "journal.sqlite3"
    code, _, err = run(capsys, "restore", str(foreign), "--data-dir", str(tmp_path))
    assert code == 2 and "not a Meter Journal" in err
    assert not (tmp_path / "backups").exists()
    connection = sqlite3.connect(journal)
    assert connection.execute("SELECT COUNT(*) FROM accounts").fetchone()[0] == 1
    connection.close()


def test_a_corrupt_journal_gives_one_line_and_exit_2_in_a_real_process(tmp_path: Path) -> None:
    (tmp_path / "journal.sqlite3").write_bytes(b"not a database" * 100)
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--data-dir", str(tmp_path), "account", "list"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "not a Meter Journal" in result.stderr


def test_data_dir_from_the_environment(tmp_path: Path) -> None:
    env_dir = tmp_path / "usb"
    env = {**os.environ, "METER_JOURNAL_DATA_DIR": str(env_dir)}
    result = subprocess.run([sys.executable, "-m", "desktop_app", "account", "add", "123456", "--holder", "Иванов",
                             "--address", "Сызрань", "--plan", "single", "--category", "rural"],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert (env_dir / "journal.sqlite3").is_file()


def test_a_tariff_plan_change_from_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    setup_household(capsys, tmp_path)  # two-zone, act 1000,500 on 2025-01-10
    d = ["--data-dir", str(tmp_path)]
    run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2025-02-20", "1200,600", *d)
    code, _, err = run(capsys, "account", "change-plan", "--account", ACCOUNT, "--plan", "single", "--on",
                       "2025-02-20", "--old-final", "1200,600", "--initial", "1800", *d)
    assert code == 2 and err.count("\n") == 1 and "must start after" in err
    code, out, _ = run(capsys, "account", "change-plan", "--account", ACCOUNT, "--plan", "single", "--on",
                       "2025-03-01", "--old-final", "1250,620", "--initial", "1870", *d)
    assert code == 0 and out.strip() == (f"Tariff plan of account {ACCOUNT} is single from 2025-03-01; "
                                         "meter 11712434 counts from 1870.")
    run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2025-03-20", "1990", *d)
    code, out, _ = run(capsys, "history", "--account", ACCOUNT, *d)
    lines = out.splitlines()
    assert lines[1].split() == ["#", "period", "date", "meter", "day", "night", "single", "day", "kWh", "night",
                                "kWh", "single", "kWh", "note"]
    assert lines[-2].split()[4:] == ["1250", "620", "50", "20", "final", "(meter", "replaced", "or", "plan",
                                     "changed)"]
    assert lines[-1].split()[2:] == ["2025-03-20", "11712434", "1990", "120"]  # single column, single kWh
    code, out, _ = run(capsys, "--json", "history", "--account", ACCOUNT, *d)
    periods = json.loads(out)["periods"]
    assert [(p["period"], p["zones"], p["consumption"]) for p in periods] == [
        ("2025-02", ["day", "night"], [200, 100]), ("2025-03", ["day", "night", "single"], [50, 20, 120])]
    code, out, _ = run(capsys, "meter", "list", "--account", ACCOUNT, *d)
    assert [line.split()[:2] for line in out.splitlines()] == [["11712434", "two-zone"], ["11712434", "single"]]


@pytest.mark.parametrize("how", ["option", "environment"])
def test_a_relative_data_folder_works_every_time(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """The README's quick start: `--data-dir my-journal` (or METER_JOURNAL_DATA_DIR=my-journal) from any folder,
    the first time and every time after."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("METER_JOURNAL_DATA_DIR", raising=False)
    option: list[str] = []
    if how == "option":
        option = ["--data-dir", "my-journal"]
    else:
        monkeypatch.setenv("METER_JOURNAL_DATA_DIR", "my-journal")
    for _ in range(3):
        code, out, err = run(capsys, "account", "list", *option)
        assert (code, err) == (0, ""), err
        assert "No accounts yet." in out
    assert (tmp_path / "my-journal" / "journal.sqlite3").is_file()
    # A later start from another folder with the same relative name is another folder, resolved at the entry.
    other = tmp_path / "elsewhere"
    other.mkdir()
    monkeypatch.chdir(other)
    assert run(capsys, "account", "list", *option)[0] == 0
    assert (other / "my-journal" / "journal.sqlite3").is_file()
