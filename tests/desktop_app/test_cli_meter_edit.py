"""`meter edit`: an installation act typed wrong corrected from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.desktop_app.test_cli import ACCOUNT, run, setup_household
from tests.journal.test_readings import snapshot


def test_meter_edit_corrects_only_what_is_given(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    setup_household(capsys, tmp_path)
    d = ["--data-dir", str(tmp_path)]
    code, out, _ = run(capsys, "meter", "edit", "--account", ACCOUNT, "--installed", "09.01.2025", "--initial",
                       "1000,400", *d)
    assert code == 0 and "corrected" in out
    code, out, _ = run(capsys, "meter", "list", "--account", ACCOUNT, "--json", *d)
    (meter,) = json.loads(out)
    assert (meter["serial"], meter["digits"], meter["installed_on"], meter["initial"]) == (
        "11712434", 6, "2025-01-09", [1000, 400])
    code, out, _ = run(capsys, "undo", *d)
    assert code == 0 and out.strip() == "Undone: the last correction of a meter's installation act."
    code, out, _ = run(capsys, "meter", "list", "--account", ACCOUNT, "--json", *d)
    assert json.loads(out)[0]["initial"] == [1000, 500]


@pytest.mark.parametrize(("args", "words"), [
    (["--initial", "1300,500"], "2025-02-20"),
    (["--installed", "21.02.2025"], "2025-02-20"),
    (["--installed", "31.02.2025"], "no such date"),
    (["--digits", "3"], "4 to 9"),
])
def test_a_refused_meter_edit_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                     args: list[str], words: str) -> None:
    setup_household(capsys, tmp_path)
    d = ["--data-dir", str(tmp_path)]
    assert run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2025-02-20", "1200,600", *d)[0] == 0

    class Journal:  # snapshot() reads every row of the journal's file
        path = tmp_path / "journal.sqlite3"

    assert Journal.path.exists()
    before = snapshot(Journal)  # type: ignore[arg-type]
    code, out, err = run(capsys, "meter", "edit", "--account", ACCOUNT, *args, *d)
    assert code == 2 and out == "" and err.count("\n") == 1 and words in err and "Traceback" not in err
    assert snapshot(Journal) == before  # type: ignore[arg-type]
