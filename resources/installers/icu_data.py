"""Qt's ICU data library on Linux, cut to the items the program uses (used by build_installer.spec).

PySide6's QtCore links ICU, and ICU's data library (`libicudata.so.73`) is 32 MB: every locale's names,
currencies, units, time zones, collations, converters and break rules. Measured (docs/PERFORMANCE.md): with an
ICU data library holding no item at all, and ICU told to look for items as files, the frozen `--self-test`
(journal, bill, receipt, QR codes, the window, printing) and the window on a journal asked ICU for none; Qt's
own file dialog (saving a receipt) sorts its files with QCollator, which reads the collation items kept below.
Everything else Qt asks of ICU uses the code's own tables (case mapping, normalization) or none.

The data is ICU's "common data" format: a header, a table of contents (item names and offsets) and the items,
each aligned to 16 bytes. The items kept are copied unchanged into a new package with the same header, made a
shared library exporting the same symbol with binutils' `as` and `ld` (PyInstaller itself needs binutils on
Linux). Without them, or if anything does not look as expected, the spec keeps ICU's own library.
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

# QCollator's data for Russian (and the root collation every locale falls back to): Qt's file dialog sorts with it.
KEEP = ("coll/root.res", "coll/ru.res", "coll/ucadata.icu")

_SYMBOL = re.compile(rb"icudt\d+_dat")
_ALIGN = 16


class NotIcuData(ValueError):
    """The library or its data is not what this module knows how to cut."""


def exported_data(library: bytes) -> tuple[str, bytes]:
    """The name and bytes of the ICU data symbol (`icudt73_dat`) a 64-bit little-endian ELF library exports."""
    if library[:4] != b"\x7fELF" or library[4] != 2 or library[5] != 1:
        raise NotIcuData("not a 64-bit little-endian ELF file")
    section_offset, = struct.unpack_from("<Q", library, 0x28)
    entry_size, count, _names = struct.unpack_from("<HHH", library, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", library, section_offset + i * entry_size) for i in range(count)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, sym_size in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strings = sections[link]
        for start in range(offset, offset + size, sym_size):
            name_at, _st_info, _other, index, value, length = struct.unpack_from("<IBBHQQ", library, start)
            end = library.index(b"\0", strings[4] + name_at)
            name = library[strings[4] + name_at:end]
            if _SYMBOL.fullmatch(name) and 0 < index < len(sections):
                home = sections[index]
                begin = value - home[3] + home[4]
                return name.decode(), library[begin:begin + length]
    raise NotIcuData("no icudt*_dat symbol")


def items(data: bytes) -> dict[str, bytes]:
    """The items of an ICU common data package, by name without the package's prefix ("coll/ru.res")."""
    header_size, = struct.unpack_from("<H", data, 0)
    if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD":
        raise NotIcuData("not ICU common data")
    count, = struct.unpack_from("<I", data, header_size)
    entries = [struct.unpack_from("<II", data, header_size + 4 + 8 * i) for i in range(count)]
    starts = [header_size + data_at for _, data_at in entries] + [len(data)]
    result = {}
    for i, (name_at, _) in enumerate(entries):
        end = data.index(b"\0", header_size + name_at)
        name = data[header_size + name_at:end].decode("ascii")
        result[name.split("/", 1)[1]] = data[starts[i]:starts[i + 1]]
    return result


def package_name(data: bytes) -> str:
    """The package's own prefix of every item name ("icudt73l")."""
    header_size, = struct.unpack_from("<H", data, 0)
    name_at, _ = struct.unpack_from("<II", data, header_size + 4)
    return data[header_size + name_at:data.index(b"\0", header_size + name_at)].decode("ascii").split("/", 1)[0]


def _padded(block: bytes) -> bytes:
    return block + b"\xaa" * (-len(block) % _ALIGN)


def cut(data: bytes, keep: Iterable[str]) -> bytes:
    """The package with only the items named (each must be there), in ICU's order: sorted by name."""
    header_size, = struct.unpack_from("<H", data, 0)
    if header_size % _ALIGN:
        raise NotIcuData("header not aligned")
    every, prefix = items(data), package_name(data)
    names = sorted(set(keep))
    missing = [name for name in names if name not in every]
    if missing:
        raise NotIcuData(f"items not in the data: {', '.join(missing)}")
    toc_size = 4 + 8 * len(names)
    full_names = [f"{prefix}/{name}".encode("ascii") + b"\0" for name in names]
    bodies = [_padded(every[name]) for name in names]
    entries = []
    # the names follow the table of contents; the items start at the next multiple of 16
    name_at = toc_size
    data_at = len(_padded(b"\0" * toc_size + b"".join(full_names)))
    for full, body in zip(full_names, bodies, strict=True):
        entries.append(struct.pack("<II", name_at, data_at))
        name_at += len(full)
        data_at += len(body)
    toc = struct.pack("<I", len(names)) + b"".join(entries)
    return data[:header_size] + _padded(toc + b"".join(full_names)) + b"".join(bodies)


def build_library(data: bytes, symbol: str, soname: str, out: Path) -> None:
    """A shared library `soname` exporting `symbol` as the data, as ICU's own does (binutils' as and ld)."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        (folder / "data.bin").write_bytes(data)
        (folder / "data.s").write_text(
            f'    .section .rodata\n    .globl {symbol}\n    .type {symbol}, @object\n    .balign {_ALIGN}\n'
            f'{symbol}:\n    .incbin "data.bin"\n    .size {symbol}, . - {symbol}\n'
            '    .section .note.GNU-stack,"",@progbits\n', encoding="ascii")
        subprocess.run(["as", "-o", "data.o", "data.s"], cwd=folder, check=True)
        subprocess.run(["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(out), "data.o"],
                       cwd=folder, check=True)


def cut_library(source: Path, out: Path, keep: Iterable[str] = KEEP) -> int:
    """Write to `out` ICU's data library `source` with only the items `keep`; returns the bytes saved."""
    symbol, data = exported_data(source.read_bytes())
    build_library(cut(data, keep), symbol, source.name, out)
    return source.stat().st_size - out.stat().st_size
