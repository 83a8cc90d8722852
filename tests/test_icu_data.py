"""Qt's ICU data cut to the items the program uses (resources/installers/icu_data.py, build_installer.spec on
Linux): the items kept are ICU's own bytes in a package ICU reads, exported by a library as ICU's own is."""

from __future__ import annotations

import shutil
import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INSTALLERS = ROOT / "resources" / "installers"
sys.path.insert(0, str(INSTALLERS))
import check_bundle  # noqa: E402
import icu_data  # noqa: E402

sys.path.remove(str(INSTALLERS))

ITEMS = {"coll/root.res": b"R" * 40, "coll/ru.res": b"ru" * 9, "coll/ucadata.icu": b"U" * 33,
         "curr/de.res": b"D" * 20_000, "zoneinfo64.res": b"Z" * 17}


def package(items: dict[str, bytes], prefix: str = "icudt73l") -> bytes:
    """An ICU common data package as ICU's tools lay it out: header, table of contents, names, 16-byte items."""
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + struct.pack("<HHBBBB", 20, 0, 0, 0, 2, 0) + b"CmnD"
    header += bytes([1, 0, 0, 0, 0, 0, 0, 0]) + b"\0" * (32 - len(header) - 8)
    names = [f"{prefix}/{n}".encode() + b"\0" for n in sorted(items)]
    toc_size = 4 + 8 * len(items)
    head = b"".join(names)
    data_at = toc_size + len(head) + (-(toc_size + len(head)) % 16)
    entries, name_at, bodies = [], toc_size, b""
    for name, full in zip(sorted(items), names, strict=True):
        entries.append(struct.pack("<II", name_at, data_at + len(bodies)))
        name_at += len(full)
        body = items[name]
        bodies += body + b"\xaa" * (-len(body) % 16)
    toc = struct.pack("<I", len(items)) + b"".join(entries) + head
    return header + toc + b"\xaa" * (-len(toc) % 16) + bodies


def test_the_items_kept_are_icus_own_bytes_and_the_rest_goes() -> None:
    data = package(ITEMS)
    assert {name: body[:len(ITEMS[name])] for name, body in icu_data.items(data).items()} == ITEMS
    cut = icu_data.cut(data, icu_data.KEEP)
    held = icu_data.items(cut)
    assert sorted(held) == sorted(icu_data.KEEP)
    assert all(held[name][:len(ITEMS[name])] == ITEMS[name] for name in held)
    assert icu_data.package_name(cut) == "icudt73l" and cut[:32] == data[:32] and len(cut) < len(data)
    header_size = 32
    count, = struct.unpack_from("<I", cut, header_size)
    offsets = [struct.unpack_from("<II", cut, header_size + 4 + 8 * i)[1] for i in range(count)]
    assert all((header_size + at) % 16 == 0 for at in offsets)  # ICU reads items at 16-byte boundaries
    assert icu_data.cut(data, ITEMS) == data  # every item kept: the package as it was, byte for byte


def test_an_item_missing_or_foreign_data_is_refused() -> None:
    with pytest.raises(icu_data.NotIcuData, match=r"coll/ru\.res"):
        icu_data.cut(package({"coll/root.res": b"x"}), icu_data.KEEP)
    with pytest.raises(icu_data.NotIcuData):
        icu_data.items(b"\x20\x00\xda\x27" + b"\0" * 28)
    with pytest.raises(icu_data.NotIcuData):
        icu_data.exported_data(b"MZ" + b"\0" * 100)


@pytest.mark.skipif(not (shutil.which("as") and shutil.which("ld")), reason="binutils' as and ld are needed")
def test_the_library_exports_the_data_as_icus_own_does(tmp_path: Path) -> None:
    data = package(ITEMS)
    library = tmp_path / "libicudata.so.73"
    icu_data.build_library(data, "icudt73_dat", library.name, library)
    assert icu_data.exported_data(library.read_bytes()) == ("icudt73_dat", data)
    cut = tmp_path / "cut" / "libicudata.so.73"
    cut.parent.mkdir()
    assert icu_data.cut_library(library, cut) > 0
    assert sorted(icu_data.items(icu_data.exported_data(cut.read_bytes())[1])) == sorted(icu_data.KEEP)
    # the bundle check: the cut library passes, the whole one and one lacking an item do not
    assert check_bundle.icu_problems(cut.parent) == []
    assert "did not cut it" in check_bundle.icu_problems(tmp_path)[0]
    icu_data.build_library(icu_data.cut(data, icu_data.KEEP[:2]), "icudt73_dat", cut.name, cut)
    assert check_bundle.icu_problems(cut.parent) == [f"libicudata.so.73 lacks ICU's {icu_data.KEEP[2]}"]
