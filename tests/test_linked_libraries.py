"""The Linux bundle leaves out the libraries only left-out Qt plugins link (GTK's, when the build machine has
it), whatever the build machine has installed; what a kept binary links, or what no binary links (a library
found through ctypes), stays."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from tests.test_installers import INSTALLERS, Recorder, run_spec

sys.path.insert(0, str(INSTALLERS))
import linked_libraries

sys.path.remove(str(INSTALLERS))

# What each binary links (as ldd lists it: not only directly).
LINKS = {
    "PySide6/Qt/plugins/platforms/libqxcb.so": ["libQt6XcbQpa.so.6", "libxcb-cursor.so.0", "libX11.so.6"],
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so": ["libgtk-3.so.0", "libgdk-3.so.0", "libepoxy.so.0",
                                                      "libatk-bridge-2.0.so.0", "libX11.so.6", "libXi.so.6"],
    "libgtk-3.so.0": ["libgdk-3.so.0", "libepoxy.so.0", "libatk-bridge-2.0.so.0", "libX11.so.6", "libXi.so.6"],
    "libgdk-3.so.0": ["libepoxy.so.0", "libX11.so.6", "libXi.so.6"],
    "libQt6XcbQpa.so.6": ["libxcb-cursor.so.0", "libX11.so.6", "libXi.so.6"],
}
LIBRARIES = ["libQt6XcbQpa.so.6", "libxcb-cursor.so.0", "libX11.so.6", "libXi.so.6", "libgtk-3.so.0",
             "libgdk-3.so.0", "libepoxy.so.0", "libatk-bridge-2.0.so.0", "libuuid.so.1"]  # libuuid: for ctypes


def _entries(folder: Path) -> list[tuple[str, str, str]]:
    entries = []
    for name in [*LINKS, *LIBRARIES]:
        if any(entry[0] == name for entry in entries):
            continue
        source = folder / name.replace("/", "_")
        source.write_bytes(b"\x7fELF")
        entries.append((name, str(source), "BINARY"))
    return entries


def _links(entries: list[tuple[str, str, str]]) -> dict[str, list[str]]:
    return {source: LINKS.get(name, []) for name, source, _ in entries}


EXPECTED_GONE = ["libatk-bridge-2.0.so.0", "libepoxy.so.0", "libgdk-3.so.0", "libgtk-3.so.0"]


def test_only_what_left_out_binaries_link_goes(tmp_path: Path) -> None:
    entries = _entries(tmp_path)
    links = _links(entries)
    theme = [e for e in entries if "libqgtk3" in e[0]]
    kept = [e for e in entries if e not in theme]
    gone = linked_libraries.only_for_left_out(kept, theme, lambda source: links[source])
    assert sorted(e[0] for e in gone) == EXPECTED_GONE  # libX11 and libXi stay: the xcb plugin links them too


def test_the_spec_leaves_them_out_on_linux(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entries = _entries(tmp_path)
    links = _links(entries)
    original = Recorder.__init__

    def with_binaries(self: Recorder, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)
        if type(self).__name__ == "Analysis":
            self.binaries = list(entries)

    bindepend = types.ModuleType("PyInstaller.depend.bindepend")
    bindepend.get_imports = lambda path: {(name, None) for name in links[path]}  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "PyInstaller.depend", types.ModuleType("PyInstaller.depend"))
    monkeypatch.setitem(sys.modules, "PyInstaller.depend.bindepend", bindepend)
    monkeypatch.setattr(Recorder, "__init__", with_binaries)
    made = run_spec("linux", monkeypatch)
    collected = {entry[0] for entry in made["COLLECT"].args[1]}
    assert "PySide6/Qt/plugins/platformthemes/libqgtk3.so" not in collected  # left out by name
    assert not collected & set(EXPECTED_GONE)
    assert {"libX11.so.6", "libXi.so.6", "libxcb-cursor.so.0", "libuuid.so.1", "libQt6XcbQpa.so.6"} <= collected
