"""What a batch has rendered, kept so that an interrupted batch resumes.

- `DIR/manifest.json`: one entry per page (key, status, summary …), written
  atomically at the end of a batch;
- `DIR/manifest.journal`: one JSON line appended as each page is finished, so
  a batch killed half-way (SIGKILL, power cut of the terminal, disk full) still
  records every page it wrote. Reading the manifest replays the journal over it;
  the end of a batch folds the journal into manifest.json and removes it. A line
  cut by the kill is ignored. No fsync: what a killed process wrote is in the
  page cache and survives it, the same guarantee the pages themselves have.
- `DIR/.effanalysis-batch.lock`: held (flock) for the whole batch, with the
  holder's pid in it, so two batches never write one directory at once. The
  kernel releases the lock of a process that dies, so a stale lock file of a
  dead process is simply taken over.
"""
from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import InputError

MANIFEST = "manifest.json"
JOURNAL = "manifest.journal"
LOCK = ".effanalysis-batch.lock"


def read_manifest(out_dir: Path) -> dict:
    """The manifest with the journal of an unfinished batch replayed over it."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        if not (isinstance(data, dict) and isinstance(data.get("pages"), dict)):
            data = {"pages": {}}
    except (OSError, ValueError):
        data = {"pages": {}}
    try:
        with open(out_dir / JOURNAL, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    record = json.loads(line)
                except ValueError:   # the line a kill cut short
                    continue
                if isinstance(record, dict) and isinstance(record.get("name"), str):
                    data["pages"][record.pop("name")] = record
    except OSError:
        pass
    return data


def write_manifest(out_dir: Path, manifest: dict) -> None:
    from ..render.leftovers import write_atomic

    write_atomic(out_dir / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1, default=str))
    (out_dir / JOURNAL).unlink(missing_ok=True)


class Journal:
    """Appends one line per finished page; `seconds` is the time spent doing so."""

    def __init__(self, out_dir: Path):
        self.fh = open(out_dir / JOURNAL, "a", encoding="utf-8")
        self.seconds = 0.0

    def record(self, name: str, entry: dict) -> None:
        t0 = time.perf_counter()
        self.fh.write(json.dumps({"name": name, **entry}, ensure_ascii=False, default=str) + "\n")
        self.fh.flush()
        self.seconds += time.perf_counter() - t0

    def close(self) -> None:
        try:
            self.fh.close()
        except OSError:   # a full disk: what was flushed is kept
            pass


def _holder(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8").split()
    except OSError:
        return "another process"
    if not text:
        return "another process"
    return f"pid {text[0]}" + (f" on {text[1]}" if len(text) > 1 and text[1] != socket.gethostname() else "")


@contextmanager
def output_lock(out_dir: Path) -> Iterator[Path]:
    """Hold DIR's batch lock, or raise InputError naming the batch that holds it."""
    path = out_dir / LOCK
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise InputError(out_dir, f"cannot be written to ({exc.strerror})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise InputError(out_dir, f"is in use by another batch ({_holder(path)}); wait for it to finish "
                                      "or write to another directory") from None
        try:   # the holder before us may have removed the file we opened: lock the one in place
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
        yield path
    finally:
        try:
            path.unlink(missing_ok=True)   # before unlocking: a waiting batch then re-checks the inode
        finally:
            os.close(fd)
