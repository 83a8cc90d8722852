"""What a frozen bundle carries for the system it was built on, checked after PyInstaller and before packing.

    python resources/installers/check_bundle.py dist/meter-journal           # Windows, Linux
    python resources/installers/check_bundle.py "dist/Meter Journal.app"     # macOS

Each system keeps the portal password in its own store through keyring: Windows' Credential Manager
(pywin32-ctypes), the macOS Keychain (ctypes), the Secret Service on Linux (SecretStorage, jeepney,
cryptography). Every system reads the bill's payment QR code with pdfium and zxing-cpp (Windows also prints
through pdfium). A bundle must carry its own system's parts, pdfium's library, zxing-cpp, keyring's entry
points (it finds its backends through them), and nothing of another system's store. Reads the archive with
PyInstaller's own reader (run it with the Python that built the bundle). Exit 1 with the problems listed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

BILL_READING = ["pypdfium2", "pypdfium2_raw", "zxingcpp"]  # the bill's QR code, on every system
REQUIRED = {
    "win32": ["keyring.backends.Windows", "win32ctypes.pywin32.win32cred", *BILL_READING],
    "darwin": ["keyring.backends.macOS", "keyring.backends.macOS.api", *BILL_READING],
    "linux": ["keyring.backends.SecretService", "secretstorage", "jeepney", "cryptography", *BILL_READING],
}
FOREIGN = {
    "win32": ["secretstorage", "jeepney", "cryptography"],
    "darwin": ["secretstorage", "jeepney", "cryptography", "win32ctypes"],
    "linux": ["win32ctypes"],
}
PDFIUM_LIBRARY = {"win32": "pdfium.dll", "darwin": "libpdfium.dylib", "linux": "libpdfium.so"}
# The X11 libraries of Qt's xcb platform plugin that desktops often lack (a fresh Ubuntu 22.04 has no
# libxcb-cursor0): PyInstaller only warns when the build machine lacks one, and the window then cannot open.
# The release workflow installs them before building (apt packages libxcb-cursor0, libxcb-icccm4, …).
CARRIED_LIBRARIES = {"linux": ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1",
                               "libxcb-image.so.0", "libxcb-render-util.so.0", "libxkbcommon-x11.so.0"]}
# Python modules PyInstaller's analysis finds but nothing imports when the program runs (build_installer.spec
# excludes them; checked against the modules the program and the whole test suite import): SQLAlchemy's dialects
# and connectors of other databases (the journal is SQLite; Alembic names the others' compilers for type checking
# only) and its asyncio extension; charset_normalizer (only reportlab's XML parser of bytes, which nothing here
# uses, imports it, inside a function: 0.4 MB of compiled code); the pure-Python decimal (the C one is used).
LEFT_OUT_MODULES = ["sqlalchemy.dialects.mysql", "sqlalchemy.dialects.oracle", "sqlalchemy.dialects.mssql",
                    "sqlalchemy.connectors.pyodbc", "sqlalchemy.connectors.aioodbc", "sqlalchemy.ext.asyncio",
                    "charset_normalizer", "_pydecimal"]
# Files the spec leaves out that PyInstaller would collect again (parts of the bundle's paths, '/'-separated).
# Qt's JPEG plugin: the window shows PNG icons (built into Qt) and the receipt's preview as raw pixels; photos of
# bills are read by Pillow. On Linux the D-Bus client library (libQt6DBus links it) is the system's own, as on
# every desktop that runs a session bus, and with it go what only it linked: systemd's library and gcrypt,
# gpg-error, lz4, lzma and cap under it (3 MB of the build machine's libraries).
LEFT_OUT_FILES = {
    "linux": ["imageformats/libqjpeg", "charset_normalizer/", "libdbus-1.so", "libsystemd.so", "libgcrypt.so",
              "libgpg-error.so", "liblz4.so", "liblzma.so", "libcap.so"],
    "win32": ["imageformats/qjpeg", "charset_normalizer/"],
    "darwin": ["imageformats/libqjpeg", "charset_normalizer/"],
}


def system(platform: str) -> str:
    return "linux" if platform.startswith("linux") else platform


def problems(modules: Iterable[str], files: Iterable[str], platform: str) -> list[str]:
    """Everything wrong with a bundle holding these Python modules and these files (relative, '/'-separated)."""
    own = system(platform)
    modules, files = set(modules), list(files)
    found = []
    for module in REQUIRED[own]:
        if module not in modules:
            found.append(f"missing module {module}")
    for package in FOREIGN[own]:
        if any(m == package or m.startswith(package + ".") for m in modules):
            found.append(f"carries {package}, which belongs to another system's password store or printing")
    for package in LEFT_OUT_MODULES:
        if any(m == package or m.startswith(package + ".") for m in modules):
            found.append(f"carries {package}, which nothing imports")
    for part in LEFT_OUT_FILES[own]:
        found += [f"carries {f}, which build_installer.spec leaves out" for f in files if part in f]
    if not any(f.endswith("/entry_points.txt") and f.split("/")[-2].startswith("keyring-") for f in files):
        found.append("missing keyring's entry points (keyring-*.dist-info/entry_points.txt)")
    for library in CARRIED_LIBRARIES.get(own, []):
        if not any(f.split("/")[-1] == library for f in files):
            found.append(f"missing {library} (Qt's xcb platform plugin needs it; install it before building)")
    library = PDFIUM_LIBRARY.get(own)
    if library and not any(f.endswith("pypdfium2_raw/" + library) for f in files):
        found.append(f"missing the pdfium library (pypdfium2_raw/{library})")
    return found


def icu_problems(bundle: Path) -> list[str]:
    """On Linux, Qt's ICU data is cut to the items the program uses (resources/installers/icu_data.py): they must
    all be there (Qt's file dialog sorts with the collation), and ICU's full data not shipped again."""
    from icu_data import KEEP, NotIcuData, exported_data, items

    found = []
    for library in bundle.rglob("libicudata.so*"):
        if library.is_symlink():
            continue
        try:
            held = items(exported_data(library.read_bytes())[1])
        except NotIcuData as exc:
            found.append(f"{library.name}: not ICU data as expected ({exc})")
            continue
        found += [f"{library.name} lacks ICU's {item}" for item in KEEP if item not in held]
        if len(held) > len(KEEP):
            found.append(f"{library.name} holds all of ICU's data ({len(held)} items): the spec did not cut it")
    return found


def executable(bundle: Path) -> Path:
    if bundle.suffix == ".app":
        return bundle / "Contents" / "MacOS" / "meter-journal"
    return bundle / ("meter-journal.exe" if (bundle / "meter-journal.exe").exists() else "meter-journal")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    args = parser.parse_args(argv)
    from PyInstaller.archive.readers import pkg_archive_contents

    modules = pkg_archive_contents(str(executable(args.bundle)), recursive=True)
    files = [p.relative_to(args.bundle).as_posix() for p in args.bundle.rglob("*")]
    found = problems(modules, files, sys.platform)
    if system(sys.platform) == "linux":
        found += icu_problems(args.bundle)
    for problem in found:
        print(f"bundle: {problem}", file=sys.stderr)
    if not found:
        print(f"bundle: {len(modules)} modules, {len(files)} files; the {system(sys.platform)} password store's "
              "parts and nothing of another system's")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
