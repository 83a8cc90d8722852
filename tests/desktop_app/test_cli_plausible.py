"""The command line on a new journal: a consumption no home reaches is refused with one line on stderr naming
the consumption, the days and the value to check, exit 2 and nothing stored; `--confirm` stores it. The same for
`reading edit`, `import`, `meter replace` and `account change-plan`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.desktop_app.test_cli import ACCOUNT, run, setup_household


def _readings(folder: Path) -> list[tuple]:
    connection = sqlite3.connect(folder / "journal.sqlite3")
    try:
        return connection.execute("SELECT id, taken_on, t1, t2, status, is_final FROM readings ORDER BY id").fetchall()
    finally:
        connection.close()


def _refused(capsys: pytest.CaptureFixture[str], folder: Path, *args: str) -> str:
    before = _readings(folder)
    code, out, err = run(capsys, *args, "--data-dir", str(folder))
    assert code == 2 and out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert "--confirm" in err
    assert _readings(folder) == before
    return err


def test_reading_add_asks_about_an_extra_digit_on_a_new_journal(capsys: pytest.CaptureFixture[str],
                                                                tmp_path: Path) -> None:
    setup_household(capsys, tmp_path)  # the act: 1000,500 of 2025-01-10
    err = _refused(capsys, tmp_path, "reading", "add", "--account", ACCOUNT, "--date", "20.02.2025", "11000,540")
    assert "T1: 10000 kWh from 2025-01-10 to 2025-02-20 (41 days) is far more than a home uses." in err
    assert "Perhaps a digit too many: please check the reading 11000." in err
    code, _, _ = run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "20.02.2025", "11000,540", "--confirm",
                     "--data-dir", str(tmp_path))
    assert code == 0 and [r[2:4] for r in _readings(tmp_path)] == [(11000, 540)]


def test_reading_edit_and_a_rollover_ask_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    setup_household(capsys, tmp_path)
    d = ["--data-dir", str(tmp_path)]
    assert run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "20.02.2025", "1100,540", *d)[0] == 0
    err = _refused(capsys, tmp_path, "reading", "edit", "--account", ACCOUNT, "--id", "1", "--date", "20.02.2025",
                   "1100,11000")
    assert "T2: 10500 kWh from 2025-01-10 to 2025-02-20 (41 days)" in err
    # 910 for 1910 with --rollover: 999,810 kWh since 1100, a digit missing
    err = _refused(capsys, tmp_path, "reading", "add", "--account", ACCOUNT, "--date", "20.03.2025", "910,560",
                   "--rollover")
    assert "999810 kWh" in err and "Perhaps a digit is missing: please check the reading 910." in err


def test_an_import_is_refused_whole_with_its_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    setup_household(capsys, tmp_path)
    table = tmp_path / "readings.csv"
    table.write_text("account,meter,date,t1,t2,t3\n"
                     f"{ACCOUNT},11712434,2025-02-20,1100,540,\n"
                     f"{ACCOUNT},11712434,2025-03-20,12000,560,\n", encoding="utf-8")
    err = _refused(capsys, tmp_path, "import", str(table))
    assert "Line 3: T1: 10900 kWh" in err and _readings(tmp_path) == []
    code, out, _ = run(capsys, "import", str(table), "--confirm", "--data-dir", str(tmp_path))
    assert code == 0 and "2 readings imported" in out


def test_a_replaced_meters_final_reading_and_a_plan_change_ask_too(capsys: pytest.CaptureFixture[str],
                                                                    tmp_path: Path) -> None:
    setup_household(capsys, tmp_path)
    err = _refused(capsys, tmp_path, "meter", "replace", "--account", ACCOUNT, "--old-final", "11000,540",
                   "--serial", "NEW-7", "--digits", "7", "--installed", "20.02.2025", "--initial", "0,0")
    assert "T1: 10000 kWh" in err
    err = _refused(capsys, tmp_path, "account", "change-plan", "--account", ACCOUNT, "--plan", "single", "--on",
                   "20.02.2025", "--old-final", "1100,5500", "--initial", "6600")
    assert "T2: 5000 kWh" in err
    assert run(capsys, "meter", "replace", "--account", ACCOUNT, "--old-final", "11000,540", "--serial", "NEW-7",
               "--digits", "7", "--installed", "20.02.2025", "--initial", "0,0", "--confirm",
               "--data-dir", str(tmp_path))[0] == 0
    assert [(r[2], r[3], r[5]) for r in _readings(tmp_path)] == [(11000, 540, 1)]
