"""`journal` imports and works with Qt (and httpx, and the upper layers) not installed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import importlib, pkgutil, sys
    from datetime import date
    from pathlib import Path

    BLOCKED = ("PySide6", "shiboken6", "httpx", "ui", "desktop_app")

    class Blocker:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{name} is not installed")
            return None

    sys.meta_path.insert(0, Blocker())
    import journal
    for module in pkgutil.walk_packages(journal.__path__, "journal."):
        if ".migrations." not in module.name:
            importlib.import_module(module.name)
    from journal import accounts, history, meters, readings
    from journal.storage import open_journal

    j = open_journal(Path(sys.argv[1]) / "journal.sqlite3")
    with j.write() as s:
        accounts.add_account(s, "123456", "Иванов", "Самара", "single", "rural")
        account = accounts.find_account(s, "123456")
        meters.add_meter(s, account, "S1", 5, date(2025, 1, 1), "100", today=date(2026, 1, 1))
        readings.add_reading(s, account, date(2025, 2, 1), "150", today=date(2026, 1, 1))
    with j.read() as s:
        rows = history.account_history(s, accounts.find_account(s, "123456"))
    assert rows[0].consumption == (50,), rows
    assert not any(m.split(".")[0] in BLOCKED for m in sys.modules), sorted(sys.modules)
    print("journal works without Qt")
    """
)


def test_journal_works_without_qt_or_httpx(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], capture_output=True, text=True,
                            cwd=root, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "journal works without Qt" in result.stdout
