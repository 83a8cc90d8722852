"""Where the journal lives on each system, and the command line in a profile with a Cyrillic name.

platformdirs picks its Windows or macOS rules by sys.platform when it is imported; these tests import it
again with the platform set, so its own rules run (only the Windows shell's folder lookup is replaced, by a
table of a user's folders). The command line runs as a real process in a home folder named «Мария», with a
journal folder that has spaces, its output going to a pipe in Windows' ANSI code page. tests.yml runs the
whole suite so on real Windows and macOS runners too.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import platformdirs.windows
import pypdf
import pytest

from desktop_app import paths
from tests.conftest import ACCOUNT
from tests.desktop_app.receipt_fixtures import VALID_PAYEE

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def platform_rules(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """platformdirs imported again for the platform a test sets; its own rules restored afterwards."""
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)

    def use(platform: str) -> None:
        monkeypatch.setattr(sys, "platform", platform)
        importlib.reload(platformdirs)

    yield use
    monkeypatch.undo()
    importlib.reload(platformdirs)


def windows_folders(profile: Path) -> dict[str, Path]:
    """What the Windows shell answers for a user whose Documents folder is synced by OneDrive."""
    return {
        "CSIDL_LOCAL_APPDATA": profile / "AppData" / "Local",
        "CSIDL_APPDATA": profile / "AppData" / "Roaming",
        "CSIDL_PERSONAL": profile / "OneDrive" / "Документы",
    }


def test_on_windows_the_journal_is_in_local_appdata_not_in_onedrive_documents(
        platform_rules, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    profile = tmp_path / "Users" / "Мария"
    folders = windows_folders(profile)
    asked: list[str] = []

    def shell_folder(csidl: str) -> str:
        asked.append(csidl)
        return str(folders[csidl])

    monkeypatch.setattr(platformdirs.windows, "_RESOLVE_WIN_FOLDER", shell_folder)
    platform_rules("win32")
    assert platformdirs.PlatformDirs is platformdirs.windows.Windows
    folder = paths.data_dir()
    assert asked == ["CSIDL_LOCAL_APPDATA"]  # %LOCALAPPDATA%: not roaming, not Documents
    assert folder == folders["CSIDL_LOCAL_APPDATA"] / "MeterJournal"  # no author folder above it
    assert "OneDrive" not in folder.parts and "Roaming" not in folder.parts
    assert paths.journal_path(folder) == folder / "journal.sqlite3"
    assert paths.log_dir(folder).parent == paths.backups_dir(folder).parent == folder


def test_on_macos_the_journal_is_in_application_support(platform_rules, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    home = tmp_path / "Мария"
    for variable in ("HOME", "USERPROFILE"):  # "~" is USERPROFILE when these tests run on Windows
        monkeypatch.setenv(variable, str(home))
    platform_rules("darwin")
    assert paths.data_dir() == home / "Library" / "Application Support" / "MeterJournal"


def test_on_linux_the_journal_is_in_the_xdg_data_folder(platform_rules, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    home = tmp_path / "Мария"
    for variable in ("HOME", "USERPROFILE"):
        monkeypatch.setenv(variable, str(home))
    platform_rules("linux")
    assert paths.data_dir() == home / ".local" / "share" / "MeterJournal"


def cyrillic_profile(tmp_path: Path) -> dict[str, str]:
    """The environment of a user «Мария» (every system's names for the home and its folders), with a journal
    folder that has spaces."""
    profile = tmp_path / "Мария"
    local, roaming, temp = profile / "AppData" / "Local", profile / "AppData" / "Roaming", profile / "Temp"
    for folder in (local, roaming, temp):
        folder.mkdir(parents=True)
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    return env | {"HOME": str(profile), "USERPROFILE": str(profile), "LOCALAPPDATA": str(local),
                  "APPDATA": str(roaming), "TEMP": str(temp), "TMP": str(temp), "TMPDIR": str(temp),
                  paths.DATA_DIR_ENV: str(profile / "Мой журнал показаний"), "QT_QPA_PLATFORM": "offscreen"}


# A redirected or piped stdout on Windows is a text stream in the ANSI code page (cp1252 on an English
# Windows, cp1251 on a Russian one: neither has the rouble sign), whatever the console shows. The same
# streams, set up before the program starts, on any system:
ANSI_PIPES = ("import io, sys\n"
              "sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding='cp1252', line_buffering=True)\n"
              "sys.stderr = io.TextIOWrapper(sys.stderr.buffer, encoding='cp1252', line_buffering=True)\n"
              "from desktop_app.__main__ import main\n"
              "sys.exit(main())\n")


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-c", ANSI_PIPES, *args], capture_output=True, env=env, cwd=ROOT,
                          timeout=120)


def test_the_command_line_in_a_cyrillic_profile_with_spaces_in_the_journal_folder(tmp_path: Path) -> None:
    env = cyrillic_profile(tmp_path)
    journal_folder = Path(env[paths.DATA_DIR_ENV])
    steps = [
        ["account", "add", ACCOUNT, "--holder", "Иванова Мария Петровна", "--address", "Самара, ул. Ленина, 1",
         "--plan", "two-zone", "--category", "urban-gas"],
        ["meter", "add", "--account", ACCOUNT, "--serial", "11712434", "--digits", "6", "--installed",
         "2025-01-10", "--initial", "1000,500"],
        ["reading", "add", "--account", ACCOUNT, "--date", "2025-02-20", "1200,600"],
        ["payee", "set", "--supplier", "samaraenergo", *[x for key, value in VALID_PAYEE.items()
                                                         for x in (f"--{key}", value)]],
    ]
    for step in steps:
        result = cli(env, *step)
        assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert (journal_folder / "journal.sqlite3").is_file()
    assert (journal_folder / "logs" / "meter-journal.log").is_file()

    # What a person reads: the holder's name and the rouble sign, in UTF-8 even through a pipe.
    listed = cli(env, "account", "list")
    assert listed.returncode == 0, listed.stderr.decode("utf-8", "replace")
    assert "Иванова Мария Петровна" in listed.stdout.decode("utf-8")

    receipt = Path(env["HOME"]) / "Мои документы" / "квитанция за февраль 2025.pdf"
    receipt.parent.mkdir()
    made = cli(env, "receipt", "--account", ACCOUNT, "--period", "2025-02", "--out", str(receipt))
    assert made.returncode == 0, made.stderr.decode("utf-8", "replace")
    assert "₽" in made.stdout.decode("utf-8") and str(receipt) in made.stdout.decode("utf-8")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(receipt).pages)
    assert ACCOUNT in text and "Иванова" in text
    assert [p.name for p in receipt.parent.iterdir()] == [receipt.name]  # no partial file left beside it
