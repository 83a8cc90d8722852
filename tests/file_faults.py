"""Real file-system faults for tests: a read-only file or folder, a full disk.

Read-only: for an ordinary user, the permission bits (chmod a-w). Root ignores those, so under root a read-only
bind mount of the file or folder is used instead (writes then fail with EROFS, for root too); where neither is
possible the test is skipped.

A full disk, two ways: `RLIMIT_FSIZE` in a child process (any user, POSIX: every write past the limit fails with
EFBIG, as on a full disk for that process; Python ignores SIGXFSZ), and — for root — a real small tmpfs, where
writes fail with ENOSPC.
"""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextmanager
def read_only(path: Path) -> Iterator[str]:
    """Make the file or folder at `path` read-only for this process and its children; yields how."""
    if sys.platform == "win32":
        pytest.skip("POSIX permissions")
    if not IS_ROOT:
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        try:
            yield "chmod"
        finally:
            path.chmod(mode)
        return
    if not (_mount("--bind", str(path), str(path)) and _mount("-o", "remount,bind,ro", str(path))):
        subprocess.run(["umount", str(path)], capture_output=True)
        pytest.skip("root without permission to mount: cannot make a read-only place")
    try:
        yield "read-only bind mount"
    finally:
        subprocess.run(["umount", str(path)], check=True)


@contextmanager
def small_disk(folder: Path, size_kb: int) -> Iterator[Path]:
    """A real file system of `size_kb` KiB mounted at `folder` (root only: skipped otherwise)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not IS_ROOT or sys.platform != "linux" or not _mount("-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs",
                                                           str(folder)):
        pytest.skip("a small real disk needs root on Linux (tmpfs)")
    try:
        yield folder
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if str(getattr(h, "baseFilename", "")).startswith(str(folder))]:
            root.removeHandler(handler)  # a command run in this process logs into the disk: let it go
            handler.close()
        subprocess.run(["umount", str(folder)], check=True)


def fill(folder: Path, leave_kb: int) -> None:
    """Fill the file system of `folder` until about `leave_kb` KiB are left (a file `filler`, grown)."""
    usage = os.statvfs(folder)
    with (folder / "filler").open("ab") as handle:
        handle.write(b"\0" * max(usage.f_bavail * usage.f_frsize - leave_kb * 1024, 0))


def run_cli(*args: str, file_size_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m desktop_app ARGS` in a child process; `file_size_limit` (bytes) is its RLIMIT_FSIZE."""

    def limit() -> None:
        if file_size_limit is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    if file_size_limit is not None and sys.platform == "win32":
        pytest.skip("RLIMIT_FSIZE is POSIX")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, env=env, preexec_fn=limit if file_size_limit is not None else None)
