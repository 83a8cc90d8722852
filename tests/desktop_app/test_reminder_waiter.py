"""`meter-journal remind --wait`: a check now, then one a day against the wall clock; one waiter at a time (a real
OS lock held by a real process); stopped when the reminders are turned off."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.reminder_waiter import (
    LOCK_FILE,
    PID_FILE,
    SLICE_SECONDS,
    DailyCheck,
    WaiterLock,
    WaiterRunning,
    rounds,
    running_waiter,
    stop_waiter,
)

ROOT = Path(__file__).resolve().parents[2]


class Clock:
    """The wall clock, moved by the sleeps (and by a jump: a night of suspend)."""

    def __init__(self, start: datetime) -> None:
        self.now = start
        self.slept: list[float] = []
        self.jumps: dict[int, timedelta] = {}

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += timedelta(seconds=seconds) + self.jumps.pop(len(self.slept), timedelta())


def test_the_waiter_checks_at_once_then_every_day_at_ten() -> None:
    clock = Clock(datetime(2026, 11, 20, 8, 5))  # logged in at 8:05
    checks: list[datetime] = []
    rounds(lambda: checks.append(clock()), now=clock, sleep=clock.sleep, days=3)
    assert checks == [datetime(2026, 11, 20, 8, 5), datetime(2026, 11, 21, 10, 0), datetime(2026, 11, 22, 10, 0)]
    assert max(clock.slept) <= SLICE_SECONDS  # short sleeps against the wall clock


def test_after_a_night_of_suspend_the_check_comes_as_soon_as_the_computer_wakes() -> None:
    clock = Clock(datetime(2026, 11, 20, 21, 0))
    clock.jumps[3] = timedelta(hours=14)  # asleep from about 21:15 to 11:15 the next day
    checks: list[datetime] = []
    rounds(lambda: checks.append(clock()), now=clock, sleep=clock.sleep, days=2)
    assert checks[1].date() == datetime(2026, 11, 21).date()
    assert checks[1] - datetime(2026, 11, 21, 11, 15) < timedelta(minutes=1)  # at wake-up, not a day later


class Shown:
    """A notification process: still on screen until `done`."""

    def __init__(self) -> None:
        self.done = False

    def poll(self) -> int | None:
        return 0 if self.done else None


def test_a_notification_still_on_screen_is_not_shown_twice() -> None:
    started: list[Shown] = []

    def start(command: list[str]) -> Shown:
        started.append(Shown())
        return started[-1]

    check = DailyCheck(["meter-journal", "remind"], start)  # type: ignore[arg-type]
    check()
    check()  # the next day, yesterday's notification still unanswered
    assert len(started) == 1
    started[0].done = True
    check()
    assert len(started) == 2


def test_one_lock_at_a_time_with_its_process_id_beside_it(tmp_path: Path) -> None:
    with WaiterLock(tmp_path):
        assert (tmp_path / PID_FILE).read_text() == str(os.getpid())
        with pytest.raises(WaiterRunning), WaiterLock(tmp_path):
            pass
    assert not (tmp_path / PID_FILE).exists() and (tmp_path / LOCK_FILE).exists()
    assert running_waiter(tmp_path) is None
    with WaiterLock(tmp_path):  # free again
        pass


def waiter(data: Path, journal: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "METER_JOURNAL_DATA_DIR": str(data), "XDG_CONFIG_HOME": str(data / "config"),
           "HOME": str(data / "home")}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)  # the check it runs has no screen: it only prints
    return subprocess.Popen([sys.executable, "-m", "desktop_app", "remind", "--wait", "--data-dir", str(journal)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_until(condition: object, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM ends a Windows process at once; the rest is the same")
def test_a_second_waiter_leaves_at_once_and_turning_off_stops_the_first(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = waiter(data, tmp_path / "journal")
    try:
        wait_until(lambda: running_waiter(data) == first.pid)
        second = waiter(data, tmp_path / "journal")
        assert second.wait(timeout=60) == 0  # another one runs: nothing to do
        assert first.poll() is None
        assert stop_waiter(data) == first.pid
        assert first.wait(timeout=60) == 0  # left through its clean-up
        assert running_waiter(data) is None and not (data / PID_FILE).exists()
        assert not (tmp_path / "journal" / "journal.sqlite3").exists()  # its check found no journal, made none
        assert "The reminder's waiter started" in (tmp_path / "journal" / "logs" / "meter-journal.log").read_text()
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
