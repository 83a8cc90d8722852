"""None's references, kept from running out under PySide6 6.12 on Python 3.10 and 3.11.

PySide6 6.12's wheels (abi3, built with CPython headers whose limited-API `Py_RETURN_NONE` took None for immortal)
return None from every void method without a reference of its own on Python older than 3.12: each call such as
`widget.update()` takes one reference away from None, and when none are left the interpreter aborts ("Fatal Python
error: none_dealloc: deallocating None"), at any moment of a long session. Python 3.12 makes None immortal; on an
older one `keep_none_alive` gives None, once, more references than any session could take.
"""

from __future__ import annotations

import sys

RESERVE = 1 << 40  # a million void calls a second for twelve days


def keep_none_alive() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or getattr(keep_none_alive, "done", False):
        return
    import ctypes  # only here: 3 ms, after the window's first paint

    ctypes.c_ssize_t.from_address(id(None)).value += RESERVE  # ob_refcnt, the first field of every object
    keep_none_alive.done = True  # type: ignore[attr-defined]
