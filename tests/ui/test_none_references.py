"""A long session's void calls do not use up None's references (ui/none_references.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# More void calls than None has references in a fresh interpreter (a few thousand): with PySide6 6.12 on Python
# 3.11 the interpreter aborts at exit, or before, unless the window's start gave None its reserve.
SESSION = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
from ui.none_references import keep_none_alive
app = QApplication([])
widget = QWidget()
calls = 4 * sys.getrefcount(None)
if sys.argv[1] == "guarded":
    keep_none_alive()
for _ in range(calls):
    widget.update()
print("done", flush=True)
"""


def session(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SESSION, mode], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


def test_void_calls_do_not_use_up_nones_references() -> None:
    guarded = session("guarded")
    assert guarded.returncode == 0 and guarded.stdout.strip() == "done", guarded.stderr[-2000:]
    if sys.version_info < (3, 12):  # what the reserve prevents, where PySide6 takes the references
        bare = session("bare")
        assert bare.returncode != 0 and "deallocating None" in bare.stderr, bare.stderr[-2000:]
