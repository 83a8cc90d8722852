"""What the installers are made of, per system: build_installer.spec's choices, check_bundle.py's rules, the
Inno Setup script, and the Linux archive with its install script.

PyInstaller is not part of the test extras and builds for its own system only, so the spec runs here with
PyInstaller's build classes replaced by recorders, once per platform; the real bundles are built and checked
by .ci/run (Linux) and the release workflow (every system).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import types
from pathlib import Path
from typing import Any, ClassVar

import pytest

ROOT = Path(__file__).resolve().parent.parent
INSTALLERS = ROOT / "resources" / "installers"
sys.path.insert(0, str(INSTALLERS))
import check_bundle  # noqa: E402

sys.path.remove(str(INSTALLERS))


class Recorder:
    """Stands for Analysis, PYZ, EXE, COLLECT and BUNDLE: keeps what the spec gives it."""

    made: ClassVar[list[Recorder]] = []
    names: ClassVar[dict[str, Any]] = {}  # the spec's own names, once it ran

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.binaries: list[tuple[str, ...]] = []
        self.datas: list[tuple[str, ...]] = []
        self.pure: list[Any] = []
        self.scripts: list[Any] = []
        Recorder.made.append(self)


def run_spec(platform: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: [f"{package}.collected"]  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))
    Recorder.made = []
    names: dict[str, Any] = {"SPECPATH": str(ROOT), "__file__": str(ROOT / "build_installer.spec")}
    names |= {kind: type(kind, (Recorder,), {}) for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    exec(compile((ROOT / "build_installer.spec").read_text(encoding="utf-8"), "build_installer.spec", "exec"), names)
    Recorder.names = names
    return {type(r).__name__: r for r in Recorder.made}


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux"])
def test_the_spec_leaves_out_other_systems_password_store_libraries(platform: str,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    made = run_spec(platform, monkeypatch)
    excludes = set(made["Analysis"].kwargs["excludes"])
    linux_store = {"secretstorage", "jeepney", "cryptography"}
    # the Keychain's ctypes bindings, which look for macOS's libraries as keyring loads its backends
    assert ("keyring.backends.macOS.api" in excludes) == (platform != "darwin")
    if platform == "linux":
        assert not linux_store & excludes and "win32ctypes" in excludes
    else:
        assert linux_store <= excludes
        assert ("win32ctypes" in excludes) == (platform != "win32")
    # Every system reads the bill's payment QR code with pdfium and zxing-cpp (Windows also prints through pdfium).
    assert not {"pypdfium2", "pypdfium2_raw", "zxingcpp"} & excludes
    assert "keyring.backends.collected" in made["Analysis"].kwargs["hiddenimports"]
    icon = Path(made["EXE"].kwargs["icon"])
    assert icon.is_file() and icon.suffix == {"win32": ".ico", "darwin": ".icns", "linux": ".png"}[platform]
    assert ("BUNDLE" in made) == (platform == "darwin")
    assert made["EXE"].kwargs["console"] is False


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux"])
def test_the_bundle_keeps_qts_own_russian_catalogue(platform: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt's file and print dialogs speak Russian from qtbase_ru, which ui.i18n loads from PySide6's folder."""
    run_spec(platform, monkeypatch)
    wanted = Recorder.names["wanted"]
    folder = "PySide6/Qt/translations/" if platform != "win32" else "PySide6\\translations\\"
    assert wanted((folder + "qtbase_ru.qm", "src", "DATA"))
    assert not wanted((folder + "qtbase_de.qm", "src", "DATA"))  # the other languages are left out


def test_check_bundle_accepts_each_systems_own_parts_only() -> None:
    keyring_entry_points = "_internal/keyring-25.7.0.dist-info/entry_points.txt"
    bill = ["pypdfium2", "pypdfium2_raw", "zxingcpp"]
    windows = ["keyring.backends.Windows", "win32ctypes.pywin32.win32cred", *bill]
    linux = ["keyring.backends.SecretService", "secretstorage", "jeepney", "cryptography",
             "cryptography.hazmat.bindings", *bill]
    macos = ["keyring.backends.macOS", "keyring.backends.macOS.api", *bill]
    linux_files = [keyring_entry_points, "_internal/pypdfium2_raw/libpdfium.so",
                   *[f"_internal/{x}" for x in check_bundle.CARRIED_LIBRARIES["linux"]]]
    windows_files = [keyring_entry_points, "_internal/pypdfium2_raw/pdfium.dll"]
    macos_files = [keyring_entry_points, "Contents/Frameworks/pypdfium2_raw/libpdfium.dylib"]
    assert check_bundle.problems(windows, windows_files, "win32") == []
    assert check_bundle.problems(linux, linux_files, "linux") == []
    assert check_bundle.problems(macos, macos_files, "darwin") == []

    assert check_bundle.problems([*windows, "secretstorage", "jeepney.io"], windows_files, "win32") == [
        "carries secretstorage, which belongs to another system's password store or printing",
        "carries jeepney, which belongs to another system's password store or printing"]
    assert check_bundle.problems(windows, [keyring_entry_points], "win32") == [
        "missing the pdfium library (pypdfium2_raw/pdfium.dll)"]
    assert check_bundle.problems(windows[1:], windows_files[:1], "win32")[0] == (
        "missing module keyring.backends.Windows")
    assert check_bundle.problems(linux, linux_files[1:], "linux") == [
        "missing keyring's entry points (keyring-*.dist-info/entry_points.txt)"]
    without_cursor = [f for f in linux_files if "cursor" not in f]
    assert check_bundle.problems(linux, without_cursor, "linux") == [
        "missing libxcb-cursor.so.0 (Qt's xcb platform plugin needs it; install it before building)"]
    assert check_bundle.problems([*macos, "win32ctypes"], macos_files, "darwin") == [
        "carries win32ctypes, which belongs to another system's password store or printing"]
    assert check_bundle.problems([m for m in linux if m != "zxingcpp"], linux_files[1:2] + linux_files, "linux") == [
        "missing module zxingcpp"]
    assert check_bundle.problems(linux, [f for f in linux_files if "pdfium" not in f], "linux") == [
        "missing the pdfium library (pypdfium2_raw/libpdfium.so)"]


def test_the_inno_setup_script_needs_a_version_and_finds_its_files() -> None:
    iss = (INSTALLERS / "meter-journal.iss").read_text(encoding="utf-8")
    assert "#error" in iss.split("#ifndef AppVersion")[1].split("#endif")[0]  # never a stale default version
    for line in iss.splitlines():
        if line.startswith(("SetupIconFile=", "Source: ")):
            relative = line.split("=", 1)[1] if "=" in line.split(";")[0] else line.split('"')[1]
            target = (INSTALLERS / relative.replace("\\", "/").split("*")[0]).resolve()
            assert target.is_relative_to(ROOT), line
            if line.startswith("SetupIconFile="):
                assert target.is_file(), line
    assert "DefaultDirName={localappdata}\\Programs\\MeterJournal" in iss and "PrivilegesRequired=lowest" in iss
    assert 'MessagesFile: "compiler:Languages\\Russian.isl"' in iss  # shipped with Inno Setup
    assert "ArchitecturesInstallIn64BitMode=x64compatible" in iss


@pytest.mark.skipif(shutil.which("xz") is None or os.name != "posix", reason="needs a POSIX shell and xz")
def test_the_linux_archive_installs_for_a_user_with_a_cyrillic_name(tmp_path: Path) -> None:
    bundle = tmp_path / "dist" / "meter-journal"
    bundle.mkdir(parents=True)
    program = bundle / "meter-journal"
    program.write_text("#!/bin/sh\necho frozen\n", encoding="utf-8")
    program.chmod(0o755)
    (bundle / "_internal").mkdir()
    made = subprocess.run(["sh", str(INSTALLERS / "make-linux-tarball.sh"), str(bundle), "9.8.7", str(tmp_path)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=True)
    archive = Path(made.stdout.strip())
    machine = os.uname().machine
    assert archive == tmp_path / f"meter-journal-9.8.7-linux-{machine}.tar.xz"
    folder = f"meter-journal-9.8.7-linux-{machine}"
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        assert {f"{folder}/install.sh", f"{folder}/meter-journal.desktop", f"{folder}/meter-journal/meter-journal",
                f"{folder}/icons/meter-journal-256.png"} <= names
        assert all(member.uid == 0 and member.gid == 0 for member in tar.getmembers())
        tar.extractall(tmp_path / "unpacked", filter="tar")
    home = tmp_path / "Мария Петровна"
    env = {**os.environ, "HOME": str(home)}
    env.pop("XDG_DATA_HOME", None)
    subprocess.run(["sh", str(tmp_path / "unpacked" / folder / "install.sh")], env=env, timeout=120, check=True,
                   capture_output=True)
    installed = subprocess.run([str(home / ".local" / "bin" / "meter-journal")], capture_output=True, text=True,
                               timeout=60)
    assert installed.stdout == "frozen\n"
    entry = (home / ".local" / "share" / "applications" / "meter-journal.desktop").read_text(encoding="utf-8")
    assert f'Exec="{home}/.local/opt/meter-journal/meter-journal"' in entry  # quoted: the home has a space
    assert "Name=Журнал показаний" in entry
    assert (home / ".local" / "share" / "icons" / "hicolor" / "48x48" / "apps" / "meter-journal.png").is_file()


def test_the_inno_setup_uninstaller_turns_the_reminder_off_and_removes_its_run_key_value() -> None:
    iss = (INSTALLERS / "meter-journal.iss").read_text(encoding="utf-8")
    uninstall_run = iss.split("[UninstallRun]")[1].split("\n[")[0]
    assert 'Filename: "{app}\\{#AppExe}"; Parameters: "remind --off"' in uninstall_run
    assert "RunOnceId:" in uninstall_run and "waituntilterminated" in uninstall_run
    registry = iss.split("[Registry]")[1].split("\n[")[0]
    from desktop_app.autostart import RUN_KEY, RUN_VALUE

    line = next(line for line in registry.splitlines() if line.startswith("Root:"))
    assert f'Subkey: "{RUN_KEY}"' in line and f'ValueName: "{RUN_VALUE}"' in line and "Root: HKCU" in line
    assert "ValueType: none" in line  # Setup writes nothing there: the program does, when the person says so
    assert "uninsdeletevalue" in line and "dontcreatekey" in line


@pytest.mark.skipif(os.name != "posix", reason="needs a POSIX shell")
def test_the_linux_install_script_uninstalls_the_program_and_the_reminder_but_keeps_the_journal(
        tmp_path: Path) -> None:
    from desktop_app.autostart import XdgAutostart, reminder_command

    bundle = tmp_path / "dist" / "meter-journal"
    bundle.mkdir(parents=True)
    calls = tmp_path / "calls.txt"
    program = bundle / "meter-journal"
    program.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{calls}'\n", encoding="utf-8")
    program.chmod(0o755)
    home = tmp_path / "Мария Петровна"
    env = {**os.environ, "HOME": str(home)}
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env.pop(name, None)
    subprocess.run(["sh", str(INSTALLERS / "install-linux.sh"), str(bundle)], env=env, timeout=120, check=True,
                   capture_output=True)
    opt = home / ".local" / "opt" / "meter-journal"
    assert (opt / "install-linux.sh").is_file() and (home / ".local" / "bin" / "meter-journal").is_symlink()
    journal = home / ".local" / "share" / "MeterJournal" / "journal.sqlite3"
    journal.parent.mkdir(parents=True)
    journal.write_bytes(b"the person's journal")
    entry = XdgAutostart(home / ".config" / "autostart")  # as the installed program writes it
    entry.enable(reminder_command(journal.parent, [str(opt / "meter-journal")]))
    done = subprocess.run(["sh", str(opt / "install-linux.sh"), "--uninstall"], env=env, timeout=120, check=True,
                          capture_output=True, text=True)
    assert calls.read_text(encoding="utf-8") == "remind --off\n"  # the program turned its reminder off first
    assert not entry.path.exists()
    assert not opt.exists() and not (home / ".local" / "bin" / "meter-journal").exists()
    assert not (home / ".local" / "share" / "applications" / "meter-journal.desktop").exists()
    assert not (home / ".local" / "share" / "icons" / "hicolor" / "48x48" / "apps" / "meter-journal.png").exists()
    assert journal.read_bytes() == b"the person's journal" and "journal stays" in done.stdout


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux"])
def test_what_nothing_uses_stays_out_of_the_bundle(platform: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The spec leaves out what check_bundle.py names as unused, and check_bundle.py refuses a bundle carrying it."""
    made = run_spec(platform, monkeypatch)
    assert set(check_bundle.LEFT_OUT_MODULES) <= set(made["Analysis"].kwargs["excludes"])
    wanted = Recorder.names["wanted"]
    plugins = {"win32": "PySide6\\plugins\\imageformats\\", "darwin": "PySide6/Qt/plugins/imageformats/",
               "linux": "PySide6/Qt/plugins/imageformats/"}[platform]
    jpeg = {"win32": "qjpeg.dll", "darwin": "libqjpeg.dylib", "linux": "libqjpeg.so"}[platform]
    assert not wanted((plugins + jpeg, "src", "BINARY"))
    assert not wanted(("charset_normalizer/md.cpython-311.so", "src", "EXTENSION"))
    if platform == "linux":  # the system's D-Bus library, and what only it linked
        for library in ("libdbus-1.so.3", "libsystemd.so.0", "libgcrypt.so.20", "liblz4.so.1", "liblzma.so.5"):
            assert not wanted((library, "src", "BINARY")), library
        assert wanted(("pillow.libs/liblzma-de26b416.so.5.8.4", "src", "BINARY"))  # Pillow's own, which it links
        assert wanted(("libzstd.so.1", "src", "BINARY"))  # QtCore links it
    assert wanted((plugins.replace("imageformats", "platforms") + "qoffscreen", "src", "BINARY"))


def test_check_bundle_refuses_what_nothing_uses() -> None:
    bill = ["pypdfium2", "pypdfium2_raw", "zxingcpp"]
    linux = ["keyring.backends.SecretService", "secretstorage", "jeepney", "cryptography", *bill]
    files = ["_internal/keyring-25.7.0.dist-info/entry_points.txt", "_internal/pypdfium2_raw/libpdfium.so",
             *[f"_internal/{x}" for x in check_bundle.CARRIED_LIBRARIES["linux"]]]
    assert check_bundle.problems(linux, files, "linux") == []
    assert check_bundle.problems([*linux, "sqlalchemy.dialects.mysql.base", "charset_normalizer"], files, "linux") == [
        "carries sqlalchemy.dialects.mysql, which nothing imports", "carries charset_normalizer, which nothing imports"]
    assert check_bundle.problems(linux, [*files, "_internal/libdbus-1.so.3",
                                         "_internal/PySide6/Qt/plugins/imageformats/libqjpeg.so"], "linux") == [
        "carries _internal/PySide6/Qt/plugins/imageformats/libqjpeg.so, which build_installer.spec leaves out",
        "carries _internal/libdbus-1.so.3, which build_installer.spec leaves out"]
