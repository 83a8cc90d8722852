"""The start's moments, printed for the bundle's benchmark (ui/start_marks.py): in order, with the real start on a
real journal, and only when asked for."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from desktop_app.services.journal_service import JournalService
from tests.conftest import ACCOUNT, make_household
from tests.ui.conftest import MID_MONTH
from tests.ui.test_start import ROOT
from ui import start_marks

MARKS = ["start: window painted", "start: history painted", "start: journal ready"]


@pytest.mark.skipif(sys.platform != "linux", reason="the settings are kept apart with XDG_CONFIG_HOME")
def test_the_start_says_its_moments_in_order(tmp_path: Path) -> None:
    data = tmp_path / "data"
    service = JournalService(data / "journal.sqlite3", today=lambda: MID_MONTH)
    make_household(service)
    service.add_reading(ACCOUNT, date(2026, 10, 20), "1700,780")
    service.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", METER_JOURNAL_START_MARKS="1",
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    child = subprocess.Popen([sys.executable, "-m", "desktop_app", "--data-dir", str(data)], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    said: list[str] = []
    watchdog = threading.Timer(30, child.kill)  # a start that never says them: ended, and the test fails
    watchdog.start()
    try:
        assert child.stdout is not None
        for line in child.stdout:
            said.append(line.strip())
            if len(said) == len(MARKS):
                break
    finally:
        watchdog.cancel()
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()  # type: ignore[union-attr]
    assert said == MARKS


def test_a_persons_start_prints_nothing(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(start_marks, "ENABLED", False)
    start_marks.mark("window painted")
    monkeypatch.setattr(start_marks, "ENABLED", True)
    start_marks.mark("journal ready")
    assert capsys.readouterr().out == "start: journal ready\n"
