"""Excel's Russian CSV: `export --excel` writes what a Russian Excel opens as a table, and `import` reads back what
Excel saves — semicolons, Windows-1251 or UTF-16 or UTF-8 with a BOM, dates as 20.02.2025, numbers that lost
their leading zeros, thousands separators, «1200,00». The round trip gives the same journal. A file that is not
text is refused in plain words, exit 2, the journal unchanged."""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

import pytest

from tests.desktop_app.test_cli import run

TWO_ZONE, SINGLE, THREE_ZONE = "050900691990", "123456789012", "000012345678"
HOUSEHOLDS = [  # number, plan, serial, act values, readings (date, values)
    (TWO_ZONE, "two-zone", "11712434", "1000,500", [("2025-02-20", "1200,600"), ("2025-03-20", "1350,640")]),
    (SINGLE, "single", "0012345", "5000", [("2025-02-18", "5150"), ("2025-03-19", "5290")]),
    (THREE_ZONE, "three-zone", "S-7/2", "10,20,30", [("2025-02-21", "110,70,60"), ("2025-03-21", "210,120,95")]),
]


def household(capsys: pytest.CaptureFixture[str], folder: Path, *, readings: bool) -> list[str]:
    d = ["--data-dir", str(folder)]
    for number, plan, serial, act, rows in HOUSEHOLDS:
        assert run(capsys, "account", "add", number, "--holder", "Иванова Мария", "--address", "Самара", "--plan",
                   plan, "--category", "urban-gas", *d)[0] == 0
        assert run(capsys, "meter", "add", "--account", number, "--serial", serial, "--digits", "6", "--installed",
                   "2025-01-10", "--initial", act, *d)[0] == 0
        for day, values in rows if readings else []:
            assert run(capsys, "reading", "add", "--account", number, "--date", day, values, *d)[0] == 0
    return d


def plain_export(capsys: pytest.CaptureFixture[str], d: list[str], out: Path) -> str:
    assert run(capsys, "export", "--out", str(out), *d)[0] == 0
    return out.read_text(encoding="utf-8")


@pytest.fixture
def source(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> list[str]:
    return household(capsys, tmp_path / "source", readings=True)


def excel_export(capsys: pytest.CaptureFixture[str], d: list[str], out: Path) -> bytes:
    code, output, err = run(capsys, "export", "--excel", "--out", str(out), *d)
    assert code == 0 and "6 readings exported" in output, err
    return out.read_bytes()


def test_export_excel_writes_what_a_russian_excel_opens_as_a_table(capsys: pytest.CaptureFixture[str],
                                                                   source: list[str], tmp_path: Path) -> None:
    data = excel_export(capsys, source, tmp_path / "excel.csv")
    assert data.startswith(codecs.BOM_UTF8)  # Excel reads UTF-8 only with its BOM
    lines = data[3:].decode("utf-8").split("\r\n")
    assert lines[0] == "account;meter;date;t1;t2;t3"
    assert '="050900691990";="11712434";20.02.2025;1200;600;' in lines  # text kept as text: the leading zero
    assert '="000012345678";S-7/2;21.02.2025;110;70;60' in lines  # a serial with letters needs no help
    assert '="123456789012";="0012345";18.02.2025;5150;;' in lines  # …and no 1,23457E+11
    assert lines[-1] == ""


def as_excel_saves(data: bytes, *, encoding: str, separator: str = ";", zeros_lost: bool = False,
                   spaced: bool = False) -> bytes:
    """What Excel writes back after opening the `export --excel` file and saving it: formulas as their values,
    or — for a file opened without them — numbers without leading zeros; values with thousands separators."""
    text = data.decode("utf-8-sig")
    text = re.sub(r'="(\d+)"', (lambda m: m.group(1).lstrip("0")) if zeros_lost else (lambda m: m.group(1)), text)
    if spaced:
        text = re.sub(r";(\d)(\d{3});", r";\1 \2,00;", text)  # «1 200,00» in a number-formatted column
    return text.replace(";", separator).encode(encoding)  # utf-16 and utf-8-sig write their byte-order mark


@pytest.mark.parametrize("saved", ["as exported", "CSV (cp1251)", "CSV UTF-8", "Unicode text (UTF-16, tabs)",
                                   "zeros lost, 1 200,00", "our plain CSV through Excel"])
def test_what_excel_saves_imports_as_the_same_journal(capsys: pytest.CaptureFixture[str], source: list[str],
                                                      tmp_path: Path, saved: str) -> None:
    exported = excel_export(capsys, source, tmp_path / "excel.csv")
    if saved == "as exported":
        data = exported
    elif saved == "CSV (cp1251)":
        data = as_excel_saves(exported, encoding="cp1251")
    elif saved == "CSV UTF-8":
        data = as_excel_saves(exported, encoding="utf-8-sig")
    elif saved == "Unicode text (UTF-16, tabs)":
        data = as_excel_saves(exported, encoding="utf-16", separator="\t")
        assert data.startswith(codecs.BOM_UTF16_LE)
    elif saved == "zeros lost, 1 200,00":
        data = as_excel_saves(exported, encoding="cp1251", zeros_lost=True, spaced=True)
        assert b"\r\n50900691990;11712434;20.02.2025;1 200,00;600;" in data
    else:  # our comma file, opened by Excel in its columns: numbers lose their zeros, dates turn Russian
        plain = plain_export(capsys, source, tmp_path / "plain.csv")
        text = re.sub(r"(\d{4})-(\d{2})-(\d{2})", r"\3.\2.\1", plain)
        text = "\r\n".join(";".join(c.lstrip("0") if c.isdigit() else c for c in line.split(","))
                           for line in text.splitlines()) + "\r\n"
        data = text.encode("cp1251")
        assert b"50900691990;11712434;20.02.2025" in data and b"12345;18.02.2025" in data
    saved_file = tmp_path / "saved.csv"
    saved_file.write_bytes(data)
    target = household(capsys, tmp_path / "target", readings=False)
    code, out, err = run(capsys, "import", str(saved_file), *target)
    assert code == 0 and "6 readings imported" in out, err
    assert plain_export(capsys, target, tmp_path / "again.csv") == plain_export(capsys, source, tmp_path / "b.csv")


def journal_digest(d: list[str]) -> str:
    return hashlib.sha256((Path(d[1]) / "journal.sqlite3").read_bytes()).hexdigest()


@pytest.mark.parametrize(("content", "message"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "not text"),
    (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 100, "not text"),  # an .xlsx saved with a .csv name
    (codecs.BOM_UTF8 + b"account;meter;date;t1;t2;t3\r\n" + b"\xff\xfe\x98", "not text"),
    ("account;meter;date;t1;t2;t3\r\n050900691990;11712434;20.02.2025;1200;600;\r\n".encode("cp1251") + b"\x98",
     "not text"),
    (codecs.BOM_UTF16_LE + "account\tmeter\tdate\tt1\tt2\tt3\r\n".encode("utf-16-le") + b"\x00\xd8",
     "not text"),  # UTF-16 cut in the middle of a character
    (b"account;meter;date\x1b[2J;t1;t2;t3\r\n", "not text"),
    ("счёт;счётчик;дата\r\n".encode("cp1251"), "Line 1: the file must start with the header"),
    (b"account;meter;date;t1;t2;t3\r\n1,23457E+11;0012345;18.02.2025;5150;;\r\n", "turned into a rounded number"),
    (b"account;meter;date;t1;t2;t3\r\n123456789012;0012345;18.02.2025;5150,5;;\r\n", "digits before the comma"),
    (b"account;meter;date;t1;t2;t3\r\n123456789012;0012345;2/18/2025;5150;;\r\n", "20.02.2025 or 2025-02-20"),
])
def test_a_file_that_is_not_a_table_of_readings_is_refused_clearly(capsys: pytest.CaptureFixture[str],
                                                                   tmp_path: Path, content: bytes,
                                                                   message: str) -> None:
    d = household(capsys, tmp_path / "j", readings=False)
    bad = tmp_path / "readings.csv"
    bad.write_bytes(content)
    before = journal_digest(d)
    code, _, err = run(capsys, "import", str(bad), *d)
    assert code == 2 and message in err, err
    assert err.count("\n") == 1 and "Traceback" not in err and "\x1b" not in err
    assert journal_digest(d) == before


def test_a_sep_line_and_padded_rows_are_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    d = household(capsys, tmp_path / "j", readings=False)
    padded = tmp_path / "padded.csv"
    padded.write_bytes(b'sep=;\r\n"account";"meter";"date";"t1";"t2";"t3";;\r\n;;;;;;;\r\n'
                       b"123456789012;0012345;18.02.2025;5150\r\n"
                       b"123456789012;12345;19.03.2025;5290;;;;\r\n")
    code, out, err = run(capsys, "import", str(padded), *d)
    assert code == 0 and "2 readings imported" in out, err
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"sep=;\r\naccount;meter;date;t1;t2;t3\r\n123456789012;12345;20.04.2025;abc;;\r\n")
    code, _, err = run(capsys, "import", str(bad), *d)
    assert code == 2 and err.startswith("error: Line 3:"), err  # the line as the file counts it
