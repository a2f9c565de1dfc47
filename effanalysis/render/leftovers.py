"""What a killed render leaves behind, and removing it on the next run.

A process killed with SIGKILL cleans nothing. So everything a render writes
outside its output lives where the next run can tell it is orphaned:

- a scratch directory `effanalysis-<pid>-<random>` in the temp directory, owned by
  the process `<pid>`, holding the kernel's connection file (its HMAC key lets
  anyone who reads it run code in the kernel) and a batch worker's stand-in files;
- the temporary page `.<name>.<pid>.<random>.tmp` beside the page being written
  (`write_atomic`).

`sweep_temp` and `sweep_output` remove those whose process no longer exists;
a living process's files are never touched, so concurrent runs are safe.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

PREFIX = "effanalysis-"
_SCRATCH = re.compile(rf"^{PREFIX}(\d+)-")
_TMP_PAGE = re.compile(r"^\..+\.(\d+)\.[A-Za-z0-9_]{8}\.tmp$")


def alive(pid: int) -> bool:
    """Whether process `pid` exists on this machine."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:   # someone else's process
        return True
    return True


@contextmanager
def scratch_dir() -> Iterator[Path]:
    """A private directory for one render, removed afterwards (or by a later sweep)."""
    path = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _orphans(folder: Path, pattern: re.Pattern) -> list[Path]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    out = []
    for e in entries:
        m = pattern.match(e.name)
        if m and not alive(int(m.group(1))):
            try:
                if e.stat(follow_symlinks=False).st_uid == os.getuid():
                    out.append(Path(e.path))
            except OSError:
                pass
    return out


def sweep_temp(folder: str | Path | None = None) -> list[Path]:
    """Remove the scratch directories of processes that no longer exist."""
    found = _orphans(Path(folder or tempfile.gettempdir()), _SCRATCH)
    for path in found:
        shutil.rmtree(path, ignore_errors=True)
    return found


def sweep_own(folder: str | Path | None = None) -> list[Path]:
    """Remove this process's scratch directories, once its renders are stopped (an interrupted
    kernel start-up may write its connection file again after its directory was removed)."""
    found = sorted(Path(folder or tempfile.gettempdir()).glob(f"{PREFIX}{os.getpid()}-*"))
    for path in found:
        shutil.rmtree(path, ignore_errors=True)
    return found


def sweep_output(out_dir: str | Path) -> list[Path]:
    """Remove temporary pages (and their kin in failed/) of processes that no longer exist."""
    found = []
    for folder in (Path(out_dir), Path(out_dir) / "failed"):
        for path in _orphans(folder, _TMP_PAGE):
            path.unlink(missing_ok=True)
            found.append(path)
    return found


def write_atomic(path: Path, data: str | bytes) -> Path:
    """Write `path` through a temporary file in the same directory and rename:
    readers see the old file or the new one, never half of one. The temporary
    file's name carries our pid, so `sweep_output` can remove it if we are killed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
