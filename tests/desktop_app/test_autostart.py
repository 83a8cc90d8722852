"""The reminder's autostart entry written and removed, per system, in temporary places (HOME and XDG_CONFIG_HOME
given to `system_autostart`). The Windows registry cannot run here: the Run key is a fake object behind the same
three calls as winreg's (tests.conftest.FakeRunKey); the real one is exercised on Windows only."""

from __future__ import annotations

import configparser
import json
import plistlib
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import desktop_app.autostart as autostart_module
from desktop_app.autostart import (
    AGENT_LABEL,
    LaunchAgent,
    WindowsRun,
    XdgAutostart,
    desktop_exec,
    program_command,
    reminder_command,
    start_program,  # the real ones: tests.conftest points the module's names at a temporary place
    system_autostart,
)
from tests.conftest import FakeRunKey, ReminderPlace

FOLDER = Path("/home/Мария Петровна/Мой журнал")
PROGRAM = ["/opt/meter journal/meter-journal"]


def environment(tmp_path: Path) -> dict[str, str]:
    return {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config")}


def desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.RawConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_linux_writes_an_xdg_autostart_entry_and_removes_it(tmp_path: Path) -> None:
    entry = system_autostart("linux", environment(tmp_path))
    assert isinstance(entry, XdgAutostart)
    path = tmp_path / "config" / "autostart" / "meter-journal-reminder.desktop"
    assert entry.entry() is None
    assert entry.enable(reminder_command(FOLDER, PROGRAM)) is True
    fields = desktop_entry(path)
    assert fields["Exec"] == ('"/opt/meter journal/meter-journal" remind --wait --data-dir '
                              '"/home/Мария Петровна/Мой журнал"')
    assert fields["Type"] == "Application" and fields["Terminal"] == "false"
    assert fields["X-GNOME-Autostart-enabled"] == "true"
    assert entry.enable(reminder_command(FOLDER, PROGRAM)) is False  # the same entry: not written again
    assert entry.enable(reminder_command(Path("/elsewhere"), PROGRAM)) is True  # the journal moved
    assert desktop_entry(path)["Exec"].endswith("--data-dir /elsewhere")
    assert entry.disable() is True
    assert not path.exists() and entry.entry() is None
    assert entry.disable() is False
    assert list(path.parent.iterdir()) == []  # no temporary file left behind


def test_linux_takes_its_config_folder_from_the_home_when_xdg_config_home_is_unset_or_relative(
        tmp_path: Path) -> None:
    for env in ({"HOME": str(tmp_path)}, {"HOME": str(tmp_path), "XDG_CONFIG_HOME": "relative/config"}):
        entry = system_autostart("linux", env)
        entry.enable(["meter-journal", "remind", "--wait"])
        assert (tmp_path / ".config" / "autostart" / "meter-journal-reminder.desktop").is_file()
        entry.disable()


@pytest.mark.parametrize("argument, written", [
    ("plain", "plain"),
    ("with space", '"with space"'),
    ('say "hi"', r'"say \\"hi\\""'),
    ("$HOME", r'"\\$HOME"'),
    ("back\\slash", r'"back\\\\slash"'),
    ("100%", "100%%"),
    ("", '""'),
])
def test_the_exec_line_quotes_as_the_desktop_entry_specification_says(argument: str, written: str) -> None:
    assert desktop_exec(["prog", argument]) == f"prog {written}"


def test_macos_writes_a_launch_agent_and_removes_it(tmp_path: Path) -> None:
    entry = system_autostart("darwin", environment(tmp_path))
    assert isinstance(entry, LaunchAgent)
    command = reminder_command(FOLDER, ["/Applications/Meter Journal.app/Contents/MacOS/meter-journal"])
    assert entry.enable(command) is True
    path = tmp_path / "home" / "Library" / "LaunchAgents" / f"{AGENT_LABEL}.plist"
    agent = plistlib.loads(path.read_bytes())
    assert agent["Label"] == AGENT_LABEL and agent["ProgramArguments"] == command
    assert agent["RunAtLoad"] is True and agent["LimitLoadToSessionType"] == "Aqua"
    assert entry.enable(command) is False
    assert entry.disable() is True and not path.exists()


def test_windows_writes_the_run_key_value_and_removes_it() -> None:
    registry = FakeRunKey()
    entry = system_autostart("win32", {}, run_key=registry)
    assert isinstance(entry, WindowsRun)
    command = reminder_command(Path(r"C:\Users\Мария Петровна\AppData\Local\MeterJournal"),
                               [r"C:\Users\Мария Петровна\AppData\Local\Programs\MeterJournal\meter-journal.exe"])
    assert entry.enable(command) is True
    value = registry.values["MeterJournalReminder"]
    assert value == ('"C:\\Users\\Мария Петровна\\AppData\\Local\\Programs\\MeterJournal\\meter-journal.exe" '
                     'remind --wait --data-dir "C:\\Users\\Мария Петровна\\AppData\\Local\\MeterJournal"')
    assert entry.entry() == value and entry.enable(command) is False
    assert entry.disable() is True and registry.values == {}
    assert entry.disable() is False


def test_the_program_is_the_bundle_when_frozen_else_this_python_with_the_package(tmp_path: Path) -> None:
    assert program_command(frozen=True, executable="/opt/mj/meter-journal") == ["/opt/mj/meter-journal"]
    assert program_command(frozen=False, executable="/usr/bin/python3", platform="linux") == [
        "/usr/bin/python3", "-m", "desktop_app"]
    python = tmp_path / "python.exe"
    assert program_command(frozen=False, executable=str(python), platform="win32") == [
        str(python), "-m", "desktop_app"]  # no pythonw.exe beside it
    (tmp_path / "pythonw.exe").write_bytes(b"")
    assert program_command(frozen=False, executable=str(python), platform="win32") == [
        str(tmp_path / "pythonw.exe"), "-m", "desktop_app"]  # no console window at login
    assert program_command() == [sys.executable, "-m", "desktop_app"]  # this test run: not frozen


def test_turning_the_reminders_on_writes_the_entry_and_starts_the_waiter_off_removes_it(
        reminder_place: ReminderPlace, data_dir: Path) -> None:
    folder = Path("/journal folder")
    assert not autostart_module.reminders_enabled()
    autostart_module.reminders_on(folder)
    assert autostart_module.reminders_enabled()
    assert reminder_place.started == [[*program_command(), "remind", "--wait", "--data-dir", str(folder)]]
    assert reminder_place.autostart.entry() is not None
    assert autostart_module.reminders_off() is True
    assert not autostart_module.reminders_enabled() and reminder_place.autostart.entry() is None
    assert autostart_module.reminders_off() is False


@pytest.mark.skipif(sys.platform == "win32", reason="sessions are POSIX's; Windows detaches the process instead")
def test_a_program_started_on_its_own_has_a_session_of_its_own_and_no_inherited_output(tmp_path: Path) -> None:
    marker = tmp_path / "session.txt"
    child = start_program([sys.executable, "-c", f"import os; open({str(marker)!r}, 'w').write(str(os.getsid(0)))"])
    assert child.wait(timeout=60) == 0
    assert marker.read_text() == str(child.pid)  # the leader of its own session: the window's end does not end it
    assert child.stdin is None and child.stdout is None and child.stderr is None


@pytest.mark.skipif(shutil.which("gio") is None, reason="needs GLib's gio, which launches desktop entries")
def test_glib_launches_the_entry_with_the_arguments_as_written(tmp_path: Path) -> None:
    """The Exec line read back by a real desktop's launcher (GLib: GNOME, Cinnamon, MATE, Xfce use it)."""
    out = tmp_path / "arguments.json"
    script = tmp_path / "arguments.py"
    script.write_text(f"import json, sys\nopen({str(out)!r}, 'w', encoding='utf-8').write(json.dumps(sys.argv[1:]))\n",
                      encoding="utf-8")
    arguments = ["remind", "--data-dir", "/home/Мария Петровна/Мой журнал", 'say "hi"', "$HOME", "back\\slash",
                 "100%", "a`b"]
    entry = XdgAutostart(tmp_path)
    entry.enable([sys.executable, str(script), *arguments])
    subprocess.run(["gio", "launch", str(entry.path)], check=True, timeout=60, capture_output=True)
    deadline = time.monotonic() + 30
    while not out.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert json.loads(out.read_text(encoding="utf-8")) == arguments
