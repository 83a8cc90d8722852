"""The release workflow, docs/INSTALLERS.md, the lock file and the README stay in step.

GitHub's runners cannot be run here; actionlint (in .ci/run) checks the workflows' syntax, expressions and
shell scripts, and these tests check what actionlint cannot know: that the commands the workflow runs are the
ones the manual documents (and back), that the lock it installs pins every runtime dependency for every
system that needs it, that signing steps are skipped without a certificate, and that tests.yml runs the
README's test command in a Cyrillic profile.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ROOT / ".github" / "workflows" / "release.yml"
TESTS = ROOT / ".github" / "workflows" / "tests.yml"
MANUAL = ROOT / "docs" / "INSTALLERS.md"
LOCK = ROOT / "requirements" / "release.lock"

# The commands that make an installer: each such line of the workflow is in the manual, and back.
BUILD_COMMANDS = ("python -m pip install", "python -m ui.translations_update", "pyinstaller ",
                  "python resources/installers/check_bundle.py", "iscc ", "& $signtool sign", "codesign ",
                  "hdiutil create", "xcrun notarytool", "xcrun stapler",
                  "sh resources/installers/make-linux-tarball.sh",
                  "dist/meter-journal/meter-journal --self-test",
                  '"dist/Meter Journal.app/Contents/MacOS/meter-journal" --self-test',
                  "$test = Start-Process -FilePath dist\\meter-journal\\meter-journal.exe")
SYSTEMS = {"win32": {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
           "darwin": {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"},
           "linux": {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"}}


@dataclass
class Step:
    text: str  # the step's lines as written

    def field(self, name: str) -> str:
        found = re.search(rf"^\s*(?:- )?{name}: (.*)$", self.text, re.MULTILINE)
        return found.group(1).strip() if found else ""

    def commands(self) -> list[str]:
        """The lines of its `run:` script (a block, a folded block or a single, possibly quoted, line)."""
        lines = self.text.splitlines()
        for number, line in enumerate(lines):
            found = re.match(r"^(\s*)run: (.*)$", line)
            if not found:
                continue
            indent, value = len(found.group(1)), found.group(2).strip()
            if value in ("|", ">-", ">"):
                return [x.strip() for x in lines[number + 1:] if x.strip() and len(x) - len(x.lstrip()) > indent]
            if value.startswith("'") and value.endswith("'"):
                value = value[1:-1].replace("''", "'")
            return [value]
        return []


def steps(workflow: Path) -> list[Step]:
    """Every step of every job: blocks starting with `- ` at the steps' indentation."""
    text = workflow.read_text(encoding="utf-8")
    blocks = re.split(r"^(?=      - )", text, flags=re.MULTILINE)[1:]
    return [Step(re.split(r"^(?=\S|  \S)", block, flags=re.MULTILINE)[0]) for block in blocks]


def build_commands(lines: list[str]) -> set[str]:
    return {line.removesuffix(" && break") for line in lines if line.startswith(BUILD_COMMANDS)}


def manual_lines() -> list[str]:
    blocks = re.findall(r"```(?:sh|powershell)\n(.*?)```", MANUAL.read_text(encoding="utf-8"), re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines()]


def test_the_workflow_runs_the_manuals_build_commands_and_no_others() -> None:
    in_workflow = build_commands([c for step in steps(RELEASE) for c in step.commands()])
    in_manual = build_commands(manual_lines())
    assert len(in_workflow) >= 15  # the parser found the build, self-tests, installers and signing
    assert in_workflow - in_manual == set(), "run by the workflow but not in docs/INSTALLERS.md"
    assert in_manual - in_workflow == set(), "in docs/INSTALLERS.md but not run by the workflow"
    for command in ("pyinstaller --noconfirm --clean build_installer.spec",
                    "python -m pip install --require-hashes -r requirements/release.lock",
                    "iscc /DAppVersion=$env:VERSION resources\\installers\\meter-journal.iss",
                    "dist/meter-journal/meter-journal --self-test"):
        assert command in in_workflow


def test_the_manual_points_at_the_workflow_as_the_way_installers_are_made() -> None:
    manual = MANUAL.read_text(encoding="utf-8")
    assert "## How installers are made: `.github/workflows/release.yml`" in manual
    assert manual.index("release.yml") < manual.index("## By hand")
    for runner in re.findall(r"^\s+os: (\S+)$", RELEASE.read_text(encoding="utf-8"), re.MULTILINE):
        assert f"`{runner}`" in manual, f"the manual does not say why {runner}"


def test_every_system_builds_tests_and_uploads_an_installer() -> None:
    text = RELEASE.read_text(encoding="utf-8")
    runners = re.findall(r"^\s+os: (\S+)$", text, re.MULTILINE)
    assert any(r.startswith("windows") for r in runners) and any(r.startswith("ubuntu-22.04") for r in runners)
    assert sorted(re.findall(r"^\s+arch: (\S+)$", text, re.MULTILINE)) == ["arm64", "x86_64"]
    names = [s.field("name") for s in steps(RELEASE)]
    for system in ("Windows", "macOS", "Linux"):
        assert f"Self-test ({system})" in names
    (upload,) = [s for s in steps(RELEASE) if "actions/upload-artifact" in s.text]
    for pattern in ("dist/meter-journal-*-setup.exe", "dist/meter-journal-*.dmg", "dist/meter-journal-*.tar.xz"):
        assert pattern in upload.text
    assert "if-no-files-found: error" in upload.text
    iss = (ROOT / "resources" / "installers" / "meter-journal.iss").read_text(encoding="utf-8")
    assert "OutputBaseFilename=meter-journal-{#AppVersion}-windows-x64-setup" in iss  # what the upload takes


def test_a_tag_publishes_the_installers_with_their_checksums() -> None:
    text = RELEASE.read_text(encoding="utf-8")
    assert re.search(r"^  push:\n    tags: \[\"v\*\"\]$", text, re.MULTILINE)
    publish = text[text.index("\n  publish:"):]
    assert "if: startsWith(github.ref, 'refs/tags/v')" in publish and "contents: write" in publish
    assert "sha256sum meter-journal-* > SHA256SUMS" in publish
    assert "gh release create" in publish and "release/SHA256SUMS" in publish


def test_signing_is_skipped_without_a_certificate_and_secrets_reach_only_the_signing_steps() -> None:
    signing = [s for s in steps(RELEASE) if re.search(r"(?i)signtool sign|codesign --(deep|force)|notarytool", s.text)]
    assert len(signing) == 4  # the Windows program and setup, the macOS app and disk image
    for step in signing:
        assert re.search(r"env\.(WINDOWS|MACOS)_SIGNING != ''", step.field("if")), step.field("name")
    for step in steps(RELEASE):
        assert "secrets." not in step.field("if")
        if "secrets." in step.text:
            assert step in signing, f"{step.field('name')} sees a secret"
    job_env = RELEASE.read_text(encoding="utf-8").split("    defaults:")[0]
    for flag in re.findall(r"^      (\w+_SIGNING|\w+_NOTARISING): (.*)$", job_env, re.MULTILINE):
        assert flag[1].endswith("!= '' && 'yes' || '' }}"), flag  # whether a secret is set, never its value


def test_actions_are_pinned_at_least_by_major_version() -> None:
    for workflow in (RELEASE, TESTS):
        for action in re.findall(r"uses: (\S+)", workflow.read_text(encoding="utf-8")):
            assert re.fullmatch(r"[\w-]+/[\w-]+@(v\d+(\.\d+)*|[0-9a-f]{40})", action), action


def lock_entries() -> dict[str, tuple[Requirement, int]]:
    """Each pinned distribution of the lock: its requirement (with its marker) and how many hashes it has."""
    text = re.sub(r"\\\n", " ", LOCK.read_text(encoding="utf-8"))
    entries = {}
    for line in text.splitlines():
        line = line.split("#")[0].strip()
        if not line:
            continue
        hashes = len(re.findall(r"--hash=sha256:[0-9a-f]{64}", line))
        requirement = Requirement(re.sub(r"\s--hash=\S+", "", line).strip())
        entries[canonicalize_name(requirement.name)] = (requirement, hashes)
    return entries


def installed_on(requirement: Requirement, system: str) -> bool:
    python = {"python_version": "3.11", "python_full_version": "3.11.9"}
    return requirement.marker is None or requirement.marker.evaluate(SYSTEMS[system] | python)


def test_the_workflow_installs_from_the_lock_which_pins_every_runtime_dependency_for_each_system() -> None:
    assert "-r requirements/release.lock" in RELEASE.read_text(encoding="utf-8") and LOCK.is_file()
    entries = lock_entries()
    assert all(hashes > 0 for _, hashes in entries.values())
    assert all(str(req.specifier).startswith("==") for req, _ in entries.values())
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    release_in = [line for line in (ROOT / "requirements" / "release.in").read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.startswith("#")]
    for dependency in [Requirement(d) for d in project["dependencies"] + release_in]:
        name = canonicalize_name(dependency.name)
        assert name in entries, f"{dependency.name} is not in the lock"
        pinned, _ = entries[name]
        assert dependency.specifier.contains(next(iter(pinned.specifier)).version), f"{pinned} outside {dependency}"
        for system in SYSTEMS:
            if installed_on(dependency, system):
                assert installed_on(pinned, system), f"{dependency.name} is not locked for {system}"


def test_keyrings_backends_are_locked_for_their_own_system_only() -> None:
    entries = lock_entries()
    own = {"pywin32-ctypes": {"win32"}, "secretstorage": {"linux"},
           "jeepney": {"linux"}, "cryptography": {"linux"}}
    for name, systems in own.items():
        requirement, _ = entries[name]
        assert {s for s in SYSTEMS if installed_on(requirement, s)} == systems, name
    assert Marker("sys_platform == 'darwin'").evaluate(SYSTEMS["darwin"])  # the table above is what it says


def test_tests_yml_runs_the_readmes_test_command_on_three_systems_and_in_a_cyrillic_profile() -> None:
    text = TESTS.read_text(encoding="utf-8")
    assert re.search(r"^on:\n  push:\n  pull_request:$", text, re.MULTILINE)
    assert "os: [ubuntu-latest, windows-latest, macos-latest]" in text
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (line,) = [x for x in readme.splitlines() if x.startswith("python3 -m venv .venv && .venv/bin/pip install -e")]
    install, run = line.split(" && ")[1:]
    (step,) = [s for s in steps(TESTS) if s.field("name") == "The README's test command"]
    commands = step.commands()
    assert f'"$bin/pip" {install.split("/pip ", 1)[1]}' in commands
    assert f'"$bin/python" {run.split("/python ", 1)[1]}' in commands
    profiles = [s for s in steps(TESTS) if "Мария" in s.field("name")]
    assert {s.field("if") for s in profiles} == {"runner.os == 'Windows'", "runner.os != 'Windows'"}
    for profile in profiles:
        assert "Мой журнал показаний" in profile.text and "METER_JOURNAL_DATA_DIR" in profile.text
        assert any("-m pytest" in c for c in profile.commands())
        assert any("--self-test" in c for c in profile.commands())
    windows = next(s for s in profiles if "== 'Windows'" in s.field("if"))
    for variable in ("USERPROFILE", "LOCALAPPDATA", "APPDATA", "HOME", "TEMP"):
        assert f"$env:{variable} = " in windows.text
    assert "'C:\\Users\\Мария'" in windows.text


def test_the_manual_refreshes_the_lock_with_the_command_that_made_it() -> None:
    made_by = LOCK.read_text(encoding="utf-8").splitlines()[1].lstrip("# ").strip()
    assert made_by.startswith("uv pip compile ") and "--generate-hashes" in made_by and "--universal" in made_by
    assert made_by in manual_lines()
