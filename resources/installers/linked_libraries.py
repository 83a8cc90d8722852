"""Which shared libraries a bundle needs, by what its binaries link (used by build_installer.spec on Linux).

PyInstaller collects every library the binaries it found link, directly or not — also those of Qt plugins the
spec then leaves out (the GTK platform theme drags GTK, GDK, ATK, cairo, pango and X extension libraries in,
when the build machine has them installed). So the bundle's size and contents depended on the build machine.
Here a library collected as a dependency goes when only left-out binaries link it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Entry = tuple[str, ...]  # PyInstaller's TOC entry: (destination name, source path, type code)


def top_level(entry: Entry) -> bool:
    """A library PyInstaller placed beside the program: a dependency it found, not a package's own file."""
    return "/" not in entry[0].replace("\\", "/")


def name_of(entry: Entry) -> str:
    return entry[0].replace("\\", "/").rsplit("/", 1)[-1]


def linked_names(entries: Iterable[Entry], imports: Callable[[str], Iterable[str]]) -> set[str]:
    """The names of the libraries these binaries link (`imports(source path)`: ldd's list, so not only the
    direct ones)."""
    return {name for entry in entries for name in imports(entry[1])}


def only_for_left_out(kept: list[Entry], left_out: list[Entry],
                      imports: Callable[[str], Iterable[str]]) -> list[Entry]:
    """The kept libraries to leave out as well: dependencies that only left-out binaries link. A library
    collected for another reason (ctypes, a hook) that no binary links stays."""
    dragged = linked_names(left_out, imports)
    candidates = [entry for entry in kept if top_level(entry) and name_of(entry) in dragged]
    roots = [entry for entry in kept if entry not in candidates]
    needed = linked_names(roots, imports)
    return [entry for entry in candidates if name_of(entry) not in needed]

