"""Benchmark: the SQL statements one reading costs in the window, and which thread sends them.

Usage (from the project's root, with the project's virtualenv)::

    python benchmarks/bench_reading_sql.py [--json]

One process, Qt offscreen, a household of one two-zone account with three readings in a temporary folder. The
real MainWindow is shown and left to finish its first load; then every statement the journal's engine sends
(SQLAlchemy's ``before_cursor_execute``) is counted, with the thread that sends it, for three steps:

1. opening «Передать показания» (the window's ``submit_readings``, up to the dialog shown);
2. typing the next reading in it, key by key, until the estimate of the values typed is shown;
3. pressing Enter, until the window has refreshed the tabs it shows (the history's background pass included).

A statement is a "write" when it starts with INSERT, UPDATE or DELETE (the ``BEGIN IMMEDIATE`` and ``COMMIT``
around a write are not counted: SQLAlchemy sends them as DBAPI calls). Lookups the portal's password store
would need are avoided: no password is stored, so the quiet send after a save does not run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 20)
ACCOUNT = "123456789012"


class StatementCount:
    """Statements sent on an engine while `counting`, by kind and by thread."""

    def __init__(self) -> None:
        self.counting = False
        self.statements: list[tuple[str, bool]] = []  # (first word, sent on the UI thread)
        self.transactions: list[bool] = []  # each one begun: on the UI thread?
        self.ui_thread = threading.get_ident()

    def listen(self, engine: object) -> None:
        from sqlalchemy import event

        event.listen(engine, "before_cursor_execute", self._sent)
        event.listen(engine, "begin", self._begun)

    def _begun(self, _conn: object) -> None:
        if self.counting:
            self.transactions.append(threading.get_ident() == self.ui_thread)

    def _sent(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if self.counting:
            self.statements.append((statement.lstrip().split(None, 1)[0].upper(),
                                    threading.get_ident() == self.ui_thread))

    def figures(self) -> dict[str, int]:
        writes = sum(1 for word, _ui in self.statements if word in ("INSERT", "UPDATE", "DELETE"))
        return {"writes": writes, "reads": len(self.statements) - writes,
                "on_ui_thread": sum(1 for _word, ui in self.statements if ui),
                "transactions": len(self.transactions), "transactions_on_ui_thread": sum(self.transactions)}

    def reset(self) -> None:
        self.statements, self.transactions = [], []


def measure() -> dict[str, dict[str, int]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop_app.services.journal_service import JournalService
    from ui.i18n import install_language
    from ui.main_window import MainWindow
    from ui.reading_dialog import ReadingDialog
    from ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    install_language("ru")
    folder = Path(tempfile.mkdtemp(prefix="meter-journal-sql-"))
    os.environ["METER_JOURNAL_PORTAL_URL"] = "http://127.0.0.1:9"  # never reached: no password is stored
    service = JournalService(folder / "journal.sqlite3", today=lambda: TODAY)
    service.add_account(ACCOUNT, "Иванова Мария Петровна", "Самара, ул. Ленина, 1", "two-zone", "urban-gas")
    service.add_meter(ACCOUNT, "11712434", 6, date(2025, 1, 10), "1000,500")
    for day, values in ((date(2026, 8, 20), "1300,600"), (date(2026, 9, 20), "1500,700")):
        service.add_reading(ACCOUNT, day, values)
    count = StatementCount()
    count.listen(service.journal.engine)
    window = MainWindow(service, Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)))
    window.show()

    def settle(until: Callable[[], bool], seconds: float = 10) -> None:
        deadline = QTest.qWait  # events processed while waiting
        waited = 0
        while not until() and waited < seconds * 1000:
            deadline(20)
            waited += 20
        window.tasks.wait(int(seconds * 1000))  # background passes done, their results delivered
        for _ in range(5):
            app.processEvents()

    settle(lambda: window.balance_label.text() != "")
    results: dict[str, dict[str, int]] = {}

    dialogs: list[ReadingDialog] = []

    def opened() -> None:
        dialog = app.activeModalWidget()
        if not isinstance(dialog, ReadingDialog):
            QTest.qWait(10)
            from PySide6.QtCore import QTimer

            QTimer.singleShot(10, opened)
            return
        dialogs.append(dialog)
        results["open"] = count.figures()
        count.reset()
        for field, value in zip(dialog.fields, ("1700", "780"), strict=True):
            for key in value:
                QTest.keyClicks(field, key)
                app.processEvents()  # a person's keys come one by one
        while getattr(dialog, "estimating", False):  # (the estimate counted in a worker)
            QTest.qWait(5)
        results["typing"] = count.figures()
        count.reset()
        QTest.keyClick(dialog.fields[1], Qt.Key.Key_Return)

    from PySide6.QtCore import QTimer

    count.counting = True
    QTimer.singleShot(0, opened)
    window.submit_readings()  # returns when the dialog has closed
    settle(lambda: not window.tasks._tasks)
    count.counting = False
    results["enter"] = count.figures()
    window.close()
    service.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = measure()
    if args.json:
        print(json.dumps(results))
    else:
        for step, title in (("open", "Opening the reading dialog"), ("typing", "Typing a reading"),
                            ("enter", "Enter in the reading dialog")):
            figures = results[step]
            print(f"{title}: {figures['writes']} writes, {figures['reads']} reads, "
                  f"{figures['on_ui_thread']} statements on the UI thread; {figures['transactions']} transactions, "
                  f"{figures['transactions_on_ui_thread']} on the UI thread")
    return 0


if __name__ == "__main__":
    sys.exit(main())
