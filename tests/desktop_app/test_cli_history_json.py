"""`history --json`: written while the history is read (never held whole), and the same JSON as before."""

from __future__ import annotations

import io
import json
import sys
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from desktop_app.__main__ import main
from desktop_app.cli.output import dumps, printable, write_history_json
from desktop_app.services.journal_service import JournalService
from journal.history import NotInHistoryOrder, monthly_consumption, periods_in_order
from tests.conftest import TODAY
from tests.desktop_app.test_cli import ACCOUNT, run, setup_household


def _household_with_everything(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    """Readings replaced, corrected, deleted, a replaced meter and a tariff plan change."""
    setup_household(capsys, folder)
    d = ["--data-dir", str(folder)]
    for args in (["--date", "2025-02-20", "1200,600"], ["--date", "2025-03-20", "1400,650"],
                 ["--date", "2025-03-23", "1420,655", "--replace"], ["--date", "2025-04-20", "1600,700"],
                 ["--date", "2025-05-20", "1800,760"]):
        assert run(capsys, "reading", "add", "--account", ACCOUNT, *args, *d)[0] == 0
    assert run(capsys, "reading", "edit", "--account", ACCOUNT, "--id", "4", "--date", "2025-04-20", "1610,702",
               *d)[0] == 0
    assert run(capsys, "reading", "delete", "--account", ACCOUNT, "--id", "5", *d)[0] == 0
    assert run(capsys, "meter", "replace", "--account", ACCOUNT, "--old-final", "1900,800", "--serial", "NEW-2",
               "--digits", "5", "--installed", "2025-06-10", "--initial", "5,3", *d)[0] == 0
    assert run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2025-07-20", "300,120", *d)[0] == 0
    assert run(capsys, "account", "change-plan", "--account", ACCOUNT, "--plan", "three-zone", "--on", "2025-08-10",
               "--old-final", "500,200", "--initial", "500,100,100", *d)[0] == 0
    assert run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2025-09-20", "600,150,180", *d)[0] == 0


def test_history_json_is_what_it_was(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _household_with_everything(capsys, tmp_path)
    code, out, err = run(capsys, "--json", "history", "--account", ACCOUNT, "--data-dir", str(tmp_path))
    assert code == 0, err
    service = JournalService(tmp_path / "journal.sqlite3", today=lambda: TODAY)
    try:  # what the command printed before it wrote while reading
        rows = service.history(ACCOUNT)
        before = dumps({"account": service.account(ACCOUNT), "readings": rows, "periods": monthly_consumption(rows)})
    finally:
        service.close()
    assert json.loads(out) == json.loads(before)
    statuses = {r["status"] for r in json.loads(out)["readings"]}
    assert statuses == {"active", "superseded", "edited", "deleted"} and len(json.loads(out)["periods"]) == 7


def test_history_json_of_an_account_without_readings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    setup_household(capsys, tmp_path)
    code, out, _ = run(capsys, "--json", "history", "--account", ACCOUNT, "--data-dir", str(tmp_path))
    assert code == 0 and json.loads(out)["readings"] == [] and json.loads(out)["periods"] == []


def _long_history(folder: Path, months: int) -> None:
    """One account with `months` monthly readings (from the year 300: the journal does not limit a history)."""
    service = JournalService(folder / "journal.sqlite3", today=lambda: TODAY)
    try:
        service.add_account(ACCOUNT, "Иванова", "Самара", "single", "rural")
        service.add_meter(ACCOUNT, "S-1", 7, date(300, 1, 10), "0")
        lines = ["account,meter,date,t1,t2,t3"]
        for k in range(1, months + 1):
            year, month0 = divmod(k, 12)
            lines.append(f"{ACCOUNT},S-1,{date(300 + year, month0 + 1, 20).isoformat()},{(100 * k) % 10**7},,")
        (folder / "history.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert service.import_csv(folder / "history.csv", rollover=True).result == months
    finally:
        service.close()


def _peak_memory(folder: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    with out.open("w", encoding="utf-8") as stream:
        monkeypatch.setattr(sys, "stdout", stream)
        tracemalloc.start()
        try:
            assert main(["--json", "history", "--account", ACCOUNT, "--data-dir", str(folder)]) == 0
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            monkeypatch.undo()


def test_history_json_memory_does_not_grow_with_the_readings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    peaks = {}
    for months in (2_000, 20_000):
        folder = tmp_path / str(months)
        folder.mkdir()
        _long_history(folder, months)
        _peak_memory(folder, tmp_path / "warm-up.json", monkeypatch)  # caches of a first command: not the history's
        peaks[months] = _peak_memory(folder, tmp_path / f"{months}.json", monkeypatch)
        data = json.loads((tmp_path / f"{months}.json").read_text(encoding="utf-8"))
        assert len(data["readings"]) == len(data["periods"]) == months
    assert peaks[20_000] < 1.5 * peaks[2_000], peaks  # held whole, ten times the readings took ten times the memory


def test_periods_are_summed_in_order_as_all_at_once(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _household_with_everything(capsys, tmp_path)
    service = JournalService(tmp_path / "journal.sqlite3", today=lambda: TODAY)
    try:
        rows, account = service.history(ACCOUNT), service.account(ACCOUNT)
    finally:
        service.close()
    assert list(periods_in_order(rows)) == monthly_consumption(rows)
    shuffled = [*rows[6:], *rows[:6]]
    with pytest.raises(NotInHistoryOrder):
        list(periods_in_order(shuffled))
    out = io.StringIO()  # out of history order, the periods are summed again from the start
    write_history_json(out, account, shuffled, lambda: monthly_consumption(rows))
    expected = dumps({"account": account, "readings": shuffled, "periods": monthly_consumption(rows)})
    assert json.loads(out.getvalue()) == json.loads(expected)


def test_printable_replaces_exactly_the_control_characters() -> None:
    import unicodedata

    every = "".join(map(chr, range(0x2000))) + "\u2028\ufeff"
    slow = "".join("\ufffd" if unicodedata.category(c) == "Cc" and c not in "\n\t" else c for c in every)
    assert printable(every) == slow


def test_each_line_is_what_dumps_writes() -> None:
    """A reading's and a period's line, written field by field, are json's own text of the same records: strings
    escaped as json escapes them (quotes, backslashes, control characters; Cyrillic kept), None as null."""
    from desktop_app.cli.output import _history_line, _period_line
    from journal.records import HistoryRow, PeriodConsumption
    from journal.zones import TariffPlan, Zone

    rows = [HistoryRow(7, 2, 'Счётчик "А"\\1\t', TariffPlan.TWO_ZONE, "2025-03", date(2025, 3, 20), (1200, 600),
                       (200, 100), date(2025, 2, 20), True, False, "active"),
            HistoryRow(8, 2, "x", TariffPlan.SINGLE, "2025-04", date(2025, 4, 1), (5,), None, None, False, True,
                       "superseded")]
    for row in rows:
        assert _history_line(row) == json.dumps(json.loads(dumps(row)), ensure_ascii=False)
    period = PeriodConsumption("2025-03", (Zone.DAY, Zone.NIGHT), (200, 100), date(2025, 2, 20), date(2025, 3, 20))
    assert _period_line(period) == json.dumps(json.loads(dumps(period)), ensure_ascii=False)
