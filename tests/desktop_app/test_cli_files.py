"""Files and their errors on the command line: backups checked before a restore, copies and exports written whole
or not at all, full disks, read-only places, empty journals, unusable names and numbers — each a clear line on
stderr and exit code 2 (never 1, never a traceback), with the journal unchanged and nothing left behind."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from journal.storage.schema import APPLICATION_ID
from tests.desktop_app.test_cli import ACCOUNT, run, setup_household
from tests.file_faults import fill, read_only, run_cli, small_disk


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if "logs" not in p.parts)


def one_clean_line(err: str) -> None:
    assert err.count("\n") == 1, err
    assert "Traceback" not in err and "Logging error" not in err and "internal error" not in err, err


@pytest.fixture
def home(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    """A household with two readings, in tmp_path/data."""
    folder = tmp_path / "data"
    setup_household(capsys, folder)
    d = ["--data-dir", str(folder)]
    assert run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2025-02-20", "1200,600", *d)[0] == 0
    assert run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2025-03-20", "1300,650", *d)[0] == 0
    return folder


def good_copy(capsys: pytest.CaptureFixture[str], home: Path, out: Path) -> Path:
    assert run(capsys, "backup", "--out", str(out), "--data-dir", str(home))[0] == 0
    return out


# --- 7: a backup is checked before anything is replaced --------------------------------------------------------


def _empty(path: Path, _copy: Path) -> None:
    path.write_bytes(b"")


def _text(path: Path, _copy: Path) -> None:
    path.write_text("account,meter,date\n", encoding="utf-8")


def _truncated(path: Path, copy: Path) -> None:
    path.write_bytes(copy.read_bytes()[:8192])  # an interrupted copy: the header is right, the pages are missing


def _damaged(path: Path, copy: Path) -> None:
    data = bytearray(copy.read_bytes())
    for page in range(2, len(data) // 4096):
        data[page * 4096: page * 4096 + 12] = b"\xff" * 12
    path.write_bytes(bytes(data))


def _foreign(path: Path, _copy: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")  # as another program leaves it: WAL, no -wal/-shm beside
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.commit()
    connection.close()


def _newer(path: Path, copy: Path) -> None:
    path.write_bytes(copy.read_bytes())
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()


@pytest.mark.parametrize(("make", "message"), [
    (_empty, "is empty (0 bytes)"), (_text, "not a Meter Journal"), (_truncated, "is damaged"),
    (_damaged, "is damaged"), (_foreign, "not a Meter Journal"), (_newer, "newer version"),
])
def test_restore_refuses_a_copy_that_is_not_a_sound_journal_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path, make, message: str,  # type: ignore[no-untyped-def]
) -> None:
    copy = good_copy(capsys, home, tmp_path / "good.sqlite3")
    offered = tmp_path / "offered" / "copy.sqlite3"
    offered.parent.mkdir()
    make(offered, copy)
    journal = home / "journal.sqlite3"
    before, files, beside = digest(journal), listing(home), listing(offered.parent)
    code, _, err = run(capsys, "restore", str(offered), "--data-dir", str(home))
    assert code == 2 and message in err and str(offered) in err, err
    one_clean_line(err)
    assert digest(journal) == before and listing(home) == files  # no journal-before-restore either
    assert listing(offered.parent) == beside  # the copy was only read: no -wal or -shm appeared beside it


def test_a_backup_on_a_full_disk_fails_cleanly_and_leaves_nothing_to_restore(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path,
) -> None:
    out = tmp_path / "copies" / "journal-copy.sqlite3"
    out.parent.mkdir()
    log = home / "logs" / "meter-journal.log"
    log.write_text(log.read_text(encoding="utf-8") + "x" * 70_000, encoding="utf-8")  # the log is full, too
    result = run_cli("backup", "--out", str(out), "--data-dir", str(home), file_size_limit=64_000)
    assert result.returncode == 2, result.stderr
    assert "disk is full" in result.stderr and str(out) in result.stderr
    one_clean_line(result.stderr)
    assert list(out.parent.iterdir()) == []  # neither the copy nor a temporary file
    code, _, err = run(capsys, "restore", str(out), "--data-dir", str(home))
    assert code == 2 and "There is no file" in err


def test_an_export_on_a_full_disk_leaves_no_part_file(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "export" / "readings.csv"
    out.parent.mkdir()
    result = run_cli("export", "--out", str(out), "--data-dir", str(home), file_size_limit=60)
    assert result.returncode == 2 and "disk is full" in result.stderr, result.stderr
    one_clean_line(result.stderr)
    assert list(out.parent.iterdir()) == []


def test_a_restore_on_a_full_disk_keeps_the_journal_and_leaves_no_empty_copy(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path,
) -> None:
    copy = good_copy(capsys, home, tmp_path / "good.sqlite3")
    journal = home / "journal.sqlite3"
    before, files = digest(journal), listing(home)
    result = run_cli("restore", str(copy), "--data-dir", str(home), file_size_limit=64_000)
    assert result.returncode == 2 and "disk is full" in result.stderr, result.stderr
    one_clean_line(result.stderr)
    assert digest(journal) == before
    assert [f for f in listing(home) if f not in files] in ([], ["backups"])  # no journal-before-restore file


def test_on_a_real_full_disk_every_write_fails_cleanly(capsys: pytest.CaptureFixture[str], home: Path,
                                                       tmp_path: Path) -> None:
    """ENOSPC on a small tmpfs (root only): backup, export, restore, a reading — exit 2, nothing left behind."""
    copy = good_copy(capsys, home, tmp_path / "good.sqlite3")
    with small_disk(tmp_path / "disk", 512) as disk:
        data = disk / "data"
        subprocess.run(["cp", "-r", str(home), str(data)], check=True)
        fill(disk, 40)
        before = digest(data / "journal.sqlite3")
        files = listing(disk)
        d = ["--data-dir", str(data)]
        for args in (["backup", "--out", str(disk / "copy.sqlite3")], ["restore", str(copy)], "no room at all",
                     ["export", "--out", str(disk / "r.csv")],
                     ["reading", "add", "--account", ACCOUNT, "--date", "2025-04-20", "1400,700"]):
            if args == "no room at all":
                fill(disk, 0)
                files = listing(disk)
                continue
            code, _, err = run(capsys, *args, *d)
            assert code == 2 and ("disk is full" in err or "could not write" in err), (args, err)
            one_clean_line(err)
            new = [f for f in listing(disk) if f not in files and not f.endswith(("sqlite3-wal", "sqlite3-shm"))]
            assert new in ([], ["data/backups"]), args  # SQLite's own WAL files of the open journal aside
            assert digest(data / "journal.sqlite3") == before
        (disk / "filler").unlink()
        assert json.loads(run(capsys, "--json", "history", "--account", ACCOUNT, *d)[1])["readings"][-1][
            "taken_on"] == "2025-03-20"


# --- 11: names, numbers and files that are not what they should be ------------------------------------------


def test_backup_out_refuses_a_file_that_is_not_a_journal_copy(capsys: pytest.CaptureFixture[str], home: Path,
                                                              tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    code, _, err = run(capsys, "backup", "--out", str(notes), "--data-dir", str(home))
    assert code == 2 and "not a copy of a Meter Journal" in err
    one_clean_line(err)
    assert notes.read_text(encoding="utf-8") == "my notes\n"
    code, _, err = run(capsys, "backup", "--out", str(home / "journal.sqlite3"), "--data-dir", str(home))
    assert code == 2 and "the journal itself" in err
    copy = good_copy(capsys, home, tmp_path / "copy.sqlite3")
    run(capsys, "reading", "add", "--account", ACCOUNT, "--date", "2025-04-20", "1400,700", "--data-dir", str(home))
    assert run(capsys, "backup", "--out", str(copy), "--data-dir", str(home))[0] == 0  # a copy is refreshed
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT COUNT(*) FROM readings").fetchone()[0] == 3
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite3", "data", "notes.txt"]


def test_a_name_too_long_and_a_number_too_large_are_user_errors(capsys: pytest.CaptureFixture[str], home: Path,
                                                                tmp_path: Path) -> None:
    d = ["--data-dir", str(home)]
    long_name = tmp_path / ("x" * 300 + ".sqlite3")
    code, _, err = run(capsys, "backup", "--out", str(long_name), *d)
    assert code == 2 and "too long" in err
    one_clean_line(err)
    code, _, err = run(capsys, "export", "--out", str(tmp_path / ("y" * 300 + ".csv")), *d)
    assert code == 2 and "too long" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
    before = digest(home / "journal.sqlite3")
    for action in (["edit", "--date", "2025-03-20", "1,2"], ["delete"]):
        code, _, err = run(capsys, "reading", action[0], "--account", ACCOUNT, "--id", "99999999999999999999",
                           *action[1:], *d)
        assert code == 2 and "There is no number 99999999999999999999" in err, err
        one_clean_line(err)
    assert digest(home / "journal.sqlite3") == before


# --- 10: read-only places -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("target", "message"), [("journal.sqlite3", "journal file"), (".", "data folder")])
def test_a_read_only_journal_or_folder_is_named_as_such(capsys: pytest.CaptureFixture[str], home: Path,
                                                        target: str, message: str) -> None:
    place = (home / target).resolve()
    before, files = digest(home / "journal.sqlite3"), listing(home)
    with read_only(place):
        for args in (["history", "--account", ACCOUNT],
                     ["reading", "add", "--account", ACCOUNT, "--date", "2025-04-20", "1400,700"]):
            code, _, err = run(capsys, *args, "--data-dir", str(home))
            assert code == 2 and "read-only" in err and "damaged" not in err, err
            assert f"{message} {place}" in err or "journal file" in err  # the whole folder read-only: the file too
            one_clean_line(err)
        assert listing(home) == files  # no -wal, -shm or writer note appeared
    assert digest(home / "journal.sqlite3") == before


# --- 12: an empty journal is not a new one ------------------------------------------------------------------


def test_an_empty_journal_file_is_refused_untouched_and_a_copy_restores_it(capsys: pytest.CaptureFixture[str],
                                                                          home: Path, tmp_path: Path) -> None:
    copy = good_copy(capsys, home, tmp_path / "copy.sqlite3")
    folder = tmp_path / "emptied"
    folder.mkdir()
    journal = folder / "journal.sqlite3"
    journal.write_bytes(b"")
    d = ["--data-dir", str(folder)]
    for args in (["history", "--account", ACCOUNT], ["account", "list"]):
        code, _, err = run(capsys, *args, *d)
        assert code == 2 and "is empty (0 bytes)" in err and str(journal) in err, err
        one_clean_line(err)
    assert journal.read_bytes() == b"" and listing(folder) == ["journal.sqlite3"]  # no -wal/-shm beside it
    code, out, err = run(capsys, "restore", str(copy), *d)  # what the refusal advises
    assert code == 0, err
    kept = folder / "backups" / Path(out.split("kept as ")[1].strip().rstrip(".")).name
    assert kept.read_bytes() == b""  # the empty file kept, not deleted
    history = json.loads(run(capsys, "--json", "history", "--account", ACCOUNT, *d)[1])
    assert [r["taken_on"] for r in history["readings"]] == ["2025-02-20", "2025-03-20"]


def test_refused_journals_get_nothing_beside_them(capsys: pytest.CaptureFixture[str], home: Path,
                                                  tmp_path: Path) -> None:
    copy = good_copy(capsys, home, tmp_path / "copy.sqlite3")
    for number, make in enumerate((_foreign, _newer, _damaged)):
        folder = tmp_path / f"refused-{number}"
        folder.mkdir()
        make(folder / "journal.sqlite3", copy)
        before = digest(folder / "journal.sqlite3")
        code, _, err = run(capsys, "account", "list", "--data-dir", str(folder))
        assert code == 2 and "untouched" in err, err
        assert listing(folder) == ["journal.sqlite3"] and digest(folder / "journal.sqlite3") == before


def test_a_database_without_tables_is_not_taken_for_a_new_journal(capsys: pytest.CaptureFixture[str],
                                                                  tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite3"
    connection = sqlite3.connect(journal)
    connection.execute("PRAGMA user_version = 1")  # a database file with a header and no tables
    connection.commit()
    connection.close()
    code, _, err = run(capsys, "account", "list", "--data-dir", str(tmp_path))
    assert code == 2 and "holds no journal" in err
    assert listing(tmp_path) == ["journal.sqlite3"]


def test_the_first_start_creates_the_journal_and_nothing_else(capsys: pytest.CaptureFixture[str],
                                                              tmp_path: Path) -> None:
    folder = tmp_path / "new"
    assert run(capsys, "account", "list", "--data-dir", str(folder))[0] == 0
    assert listing(folder) == ["journal.sqlite3"]
    with sqlite3.connect(folder / "journal.sqlite3") as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


# --- 13: an imported reading of the current period is queued for the portal, as a typed one is ---------------


def test_import_queues_readings_for_the_portal_by_the_same_rule_as_reading_add(
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    recent, old = date.today() - timedelta(days=3), date(2025, 2, 20)
    typed, imported = tmp_path / "typed", tmp_path / "imported"
    for folder in (typed, imported):
        setup_household(capsys, folder)
    for day, values in ((old, "1200,600"), (recent, "1900,900")):
        assert run(capsys, "reading", "add", "--account", ACCOUNT, "--date", day.isoformat(), values,
                   "--data-dir", str(typed))[0] == 0
    csv_file = tmp_path / "readings.csv"
    assert run(capsys, "export", "--out", str(csv_file), "--data-dir", str(typed))[0] == 0
    assert run(capsys, "import", str(csv_file), "--data-dir", str(imported))[0] == 0

    def outbox(folder: Path) -> list[tuple[str, str, list[int]]]:
        code, out, _ = run(capsys, "--json", "portal", "status", "--data-dir", str(folder))
        assert code == 0
        return [(s["taken_on"], s["status"], s["values"]) for s in json.loads(out)["submissions"]]

    assert outbox(typed) == [(recent.isoformat(), "queued", [1900, 900])]  # the old reading is not sent
    assert outbox(imported) == outbox(typed)


# --- 14: control characters -----------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["account", "add", "050900691991", "--holder", "\x1b[31mИванов\x1b[0m", "--address", "Самара", "--plan", "single",
     "--category", "rural"],
    ["account", "add", "050900691991", "--holder", "Иванов", "--address", "Самара\x9b2J", "--plan", "single",
     "--category", "rural"],
    ["payment", "add", "--account", ACCOUNT, "--date", "2025-03-01", "100", "--note", "за март\x07"],
    ["payee", "set", "--supplier", "samaraenergo", "--name", "ПАО \x1b]0;x\x07«Самараэнерго»", "--inn",
     "6315222985", "--kpp", "631501001", "--account", "40702810254400000001", "--bank", "Банк", "--bic",
     "043601607", "--corr", "30101810200000000607"],
])
def test_control_characters_are_refused_in_every_text_field(capsys: pytest.CaptureFixture[str], home: Path,
                                                            args: list[str]) -> None:
    before = digest(home / "journal.sqlite3")
    code, _, err = run(capsys, *args, "--data-dir", str(home))
    assert code == 2 and "invisible control character" in err, err
    one_clean_line(err)
    assert "\x1b" not in err and "\x07" not in err and "\x9b" not in err
    assert digest(home / "journal.sqlite3") == before


def test_line_breaks_in_a_pasted_address_become_spaces_and_old_control_characters_are_not_printed(
    capsys: pytest.CaptureFixture[str], home: Path,
) -> None:
    d = ["--data-dir", str(home)]
    assert run(capsys, "account", "add", "050900691991", "--holder", "Петров\tИван", "--address", "Самара,\nул. Мира",
               "--plan", "single", "--category", "rural", *d)[0] == 0
    with sqlite3.connect(home / "journal.sqlite3") as connection:  # as stored by an older version
        connection.execute("UPDATE accounts SET holder = ? WHERE number = ?", ("\x1b[2J\x1b[31mИванова", ACCOUNT))
    code, out, _ = run(capsys, "account", "list", *d)
    assert code == 0 and "\x1b" not in out and "\ufffd[2J" in out
    assert "Петров Иван, Самара, ул. Мира" in out


def test_a_log_file_that_cannot_be_written_stays_off_the_terminal(home: Path) -> None:
    """The disk is full for the log (its file is past the limit), not for the journal's WAL: the reading is saved
    and the log's own error («--- Logging error ---», a traceback) never reaches stderr."""
    log = home / "logs" / "meter-journal.log"
    log.write_text(log.read_text(encoding="utf-8") + "x" * 70_000, encoding="utf-8")
    result = run_cli("reading", "add", "--account", ACCOUNT, "--date", "2025-04-20", "1400,700", "--data-dir",
                     str(home), file_size_limit=64_000)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert "Reading 3 saved" in result.stdout and "period 2025-04 saved" not in log.read_text(encoding="utf-8")
    with sqlite3.connect(home / "journal.sqlite3") as connection:
        assert connection.execute("SELECT COUNT(*) FROM readings").fetchone()[0] == 3
