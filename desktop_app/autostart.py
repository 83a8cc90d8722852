"""The reminder started at login, for the current user only (no administrator rights), one entry per system:

- Windows: the value «MeterJournalReminder» of HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run. The Run key
  needs only winreg (the standard library); a shortcut in the Startup folder would need COM to write its .lnk.
  The registry sits behind `RunKey` (get, set, delete), so the Windows logic is tested anywhere with a fake one.
- macOS: a LaunchAgent, ~/Library/LaunchAgents/ru.meterjournal.MeterJournal.reminder.plist (RunAtLoad).
- Linux and other freedesktop systems: an XDG autostart entry, $XDG_CONFIG_HOME/autostart (~/.config/autostart)
  /meter-journal-reminder.desktop.

Each starts `meter-journal remind --wait --data-dir FOLDER` (desktop_app.reminder_waiter): it checks the journal
at once, then once a day while the person is logged in. The program is the bundle's executable when frozen, else
this Python with the package (pythonw on Windows: no console window). Where the entries go comes from the
parameters and the environment (HOME, XDG_CONFIG_HOME), so tests put them in a temporary folder.
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

ENTRY_NAME = "meter-journal-reminder"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "MeterJournalReminder"
AGENT_LABEL = "ru.meterjournal.MeterJournal.reminder"  # the bundle's identifier (build_installer.spec) + .reminder


def program_command(*, frozen: bool | None = None, executable: str | None = None,
                    platform: str | None = None) -> list[str]:
    """How to start this program again: the bundle's executable when frozen, else this Python with the package."""
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    python = Path(executable or sys.executable)
    if frozen:
        return [str(python)]
    if (platform or sys.platform) == "win32" and python.name.lower() == "python.exe":
        windowless = python.with_name("pythonw.exe")  # a console window would flash open at every login
        if windowless.is_file():
            python = windowless
    return [str(python), "-m", "desktop_app"]


def reminder_command(folder: Path, program: list[str] | None = None) -> list[str]:
    """What the autostart entry runs: the daily reminder of the journal in `folder`."""
    return [*(program or program_command()), "remind", "--wait", "--data-dir", str(folder)]


class Autostart(Protocol):
    def entry(self) -> str | None:
        """The entry as written (a file's text, the registry value), None when there is none."""

    def enable(self, command: list[str]) -> bool:
        """Write the entry running `command` (True when it was missing or different)."""

    def disable(self) -> bool:
        """Remove the entry (True when there was one)."""


def _write_whole(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    os.replace(part, path)


class _FileEntry:
    path: Path

    def entry(self) -> str | None:
        try:
            return self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def text(self, command: list[str]) -> str:
        raise NotImplementedError

    def enable(self, command: list[str]) -> bool:
        text = self.text(command)
        if self.entry() == text:
            return False
        _write_whole(self.path, text.encode("utf-8"))
        return True

    def disable(self) -> bool:
        try:
            self.path.unlink()
        except FileNotFoundError:
            return False
        return True


_EXEC_RESERVED = set(' \t\n"\'\\><~|&;$*?#()`')


def desktop_exec(command: list[str]) -> str:
    """An Exec= value (Desktop Entry Specification): an argument with a space or another reserved character in
    double quotes, a quote, backquote, dollar or backslash in it escaped by a backslash; a percent sign doubled;
    then every backslash escaped once more, as in any string value of the file."""
    def quoted(argument: str) -> str:
        if argument and not _EXEC_RESERVED & set(argument):
            return argument
        return '"' + "".join("\\" + c if c in '"`$\\' else c for c in argument) + '"'

    return " ".join(quoted(a).replace("%", "%%") for a in command).replace("\\", "\\\\")


class XdgAutostart(_FileEntry):
    """An XDG autostart entry in `folder` (~/.config/autostart): started by the desktop at login."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / f"{ENTRY_NAME}.desktop"

    def text(self, command: list[str]) -> str:
        return "\n".join([
            "[Desktop Entry]",
            "Type=Application",
            "Name=Журнал показаний: напоминания",
            "Name[en]=Meter Journal reminders",
            "Comment=Напоминает передать показания и оплатить счёт; выключается в настройках журнала",
            "Comment[en]=Reminds to submit the meter readings and to pay; turned off in the journal's settings",
            f"Exec={desktop_exec(command)}",
            "Icon=meter-journal",
            "Terminal=false",
            "NoDisplay=true",
            "X-GNOME-Autostart-enabled=true",
            "",
        ])


class LaunchAgent(_FileEntry):
    """A LaunchAgent in `folder` (~/Library/LaunchAgents): launchd starts it at login."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / f"{AGENT_LABEL}.plist"

    def text(self, command: list[str]) -> str:
        return plistlib.dumps({
            "Label": AGENT_LABEL,
            "ProgramArguments": command,
            "RunAtLoad": True,
            "ProcessType": "Interactive",
            "LimitLoadToSessionType": "Aqua",  # the person's graphical session only
            "AbandonProcessGroup": True,  # the window a reminder opens outlives the waiter
        }).decode("utf-8")


class RunKey(Protocol):
    """The values of HKCU\\...\\Run: the registry behind three calls."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> bool: ...


class WinregRunKey:  # pragma: no cover - Windows only; tested through RunKey with a fake registry
    def get(self, name: str) -> str | None:
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return str(value)

    def set(self, name: str, value: str) -> None:
        import winreg

        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> bool:
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            return False
        return True


class WindowsRun:
    """The Run key's value «MeterJournalReminder»: Windows starts its command line at login."""

    def __init__(self, key: RunKey) -> None:
        self.key = key

    def entry(self) -> str | None:
        return self.key.get(RUN_VALUE)

    def enable(self, command: list[str]) -> bool:
        text = subprocess.list2cmdline(command)
        if self.entry() == text:
            return False
        self.key.set(RUN_VALUE, text)
        return True

    def disable(self) -> bool:
        return self.key.delete(RUN_VALUE)


def system_autostart(platform: str | None = None, environ: Mapping[str, str] | None = None,
                     run_key: RunKey | None = None) -> Autostart:
    """The autostart of this system (or of `platform`), in the places `environ` gives."""
    platform = platform or sys.platform
    env = os.environ if environ is None else environ
    if platform == "win32":
        return WindowsRun(run_key or WinregRunKey())
    home = Path(env.get("HOME") or Path.home())
    if platform == "darwin":
        return LaunchAgent(home / "Library" / "LaunchAgents")
    config = env.get("XDG_CONFIG_HOME", "")
    return XdgAutostart((Path(config) if Path(config).is_absolute() else home / ".config") / "autostart")


# --- the reminder on and off ---------------------------------------------------------------------------------


def start_program(command: list[str]) -> subprocess.Popen[bytes]:
    """Start `command` on its own: no console, no inherited input or output, in a session of its own (it outlives
    the program that started it: the waiter a window starts, the window a notification opens)."""
    if os.name == "nt":  # pragma: no cover - Windows
        flags = subprocess.DETACHED_PROCESS | subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, creationflags=flags)
    return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def waiter_folder() -> Path:
    """Where the person's one waiter keeps its lock: the default data folder (METER_JOURNAL_DATA_DIR or the user
    data folder), whichever journal it watches, so that turning the reminder off finds it from anywhere."""
    from desktop_app import paths

    return paths.data_dir()


def reminders_enabled() -> bool:
    return system_autostart().entry() is not None


def reminders_on(folder: Path) -> None:
    """Remind about the journal in `folder`: the autostart entry written, and its waiter started now rather than
    at the next login (a waiter for another folder, or of another program, is replaced)."""
    from desktop_app.reminder_waiter import running_waiter, stop_waiter

    command = reminder_command(folder)
    if system_autostart().enable(command) and stop_waiter(waiter_folder()) is not None:
        for _ in range(40):  # the stopped waiter lets its lock go within moments
            if running_waiter(waiter_folder()) is None:
                break
            time.sleep(0.05)
    if running_waiter(waiter_folder()) is None:
        start_program(command)


def reminders_off() -> bool:
    """No more reminders: the autostart entry removed and the waiter stopped. True when either was there."""
    from desktop_app.reminder_waiter import stop_waiter

    removed = system_autostart().disable()
    return stop_waiter(waiter_folder()) is not None or removed
