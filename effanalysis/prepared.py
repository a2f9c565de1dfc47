"""A report analysed by the rendering process while the notebook's kernel starts.

`effanalysis render` reads and cleans the report before any kernel starts (to name
the page and fail early on bad input). It then runs the analyses the report
notebook shows (claims, audit, targets, outline, sentences, the language profile)
in a thread while papermill starts the kernel and the kernel imports pandas: on the
machine's second core, the work the kernel would otherwise do after its imports
(0.4 s of CPU for the seed, bench/bench_render.py). The analysed Report is pickled
into the render's private scratch directory, and the kernel's `effanalysis.load`
takes it when, and only when, it is asked for the same document of the same file,
unchanged since; otherwise, or if the
rendering process's analysis failed, the kernel computes the report itself, as it
does under `papermill` or in JupyterLab. Same code, same input: the same page.

The kernel learns of the file through its environment (ENV), set by the engine for
that kernel only; the pickle is written by this package into a directory only its
user can read (leftovers.scratch_dir), so the kernel unpickles nothing from elsewhere.
"""
from __future__ import annotations

import json
import os
import pickle
import threading
import time
from pathlib import Path

ENV = "EFFANALYSIS_PREPARED"
WAIT = 120.0   # seconds the kernel waits for an announced report before computing it itself


def key(path, doc=None, text_column=None, id_column=None, row=None) -> str | None:
    """What identifies a loaded report: the file (resolved, its size and modification
    time) and the load arguments. None when the file is not there. (The kernel is this
    interpreter with this package: effanalysis.engine.ThisInterpreter.)"""
    try:
        p = Path(path).expanduser().resolve()
        st = p.stat()
    except (OSError, RuntimeError):
        return None
    return json.dumps([str(p), st.st_size, st.st_mtime_ns, None if doc is None else str(doc), text_column,
                       id_column, None if row is None else int(row)], ensure_ascii=False)


def analyse(report) -> None:
    """Compute, and keep on the report, every analysis the report notebook shows."""
    for name in ("cleaning_log", "related", "outline", "sections", "sentences", "claims", "audit", "targets"):
        getattr(report, name)
    report.profile()


class Preparation:
    """The rendering process's side: `start()` analyses `report` in a thread and writes it
    to `directory`; `env` is what the kernel's environment needs to find it."""

    def __init__(self, report, report_key: str, directory: Path):
        self.report, self.key = report, report_key
        self.path = Path(directory) / "prepared-report.pickle"
        self.thread = threading.Thread(target=self._run, name="effanalysis-prepare", daemon=True)

    @property
    def env(self) -> dict[str, str]:
        return {ENV: json.dumps({"path": str(self.path), "key": self.key}, ensure_ascii=False)}

    def start(self) -> "Preparation":
        self.thread.start()
        return self

    def _run(self) -> None:
        partial = self.path.with_name(self.path.name + ".partial")
        try:
            analyse(self.report)
            partial.write_bytes(pickle.dumps(self.report, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(partial, self.path)   # the kernel sees the whole file or none
        except Exception:   # noqa: BLE001 (the kernel computes the report itself and meets the error there)
            partial.unlink(missing_ok=True)
            self._failed().write_bytes(b"")

    def _failed(self) -> Path:
        return self.path.with_name(self.path.name + ".failed")

    def join(self) -> None:
        self.thread.join()


def take(report_key: str | None, source: str):
    """The kernel's side: the prepared Report for `report_key`, or None (nothing announced,
    another document, the file changed, or the preparation failed). `source`: the file as the
    kernel names it (the same file; the page's names are made from its spelling, Report.slug)."""
    announced = os.environ.get(ENV)
    if not announced or report_key is None:
        return None
    try:
        where = json.loads(announced)
        path, wanted = Path(where["path"]), where["key"]
    except (ValueError, KeyError, TypeError):
        return None
    if wanted != report_key:
        return None
    failed = path.with_name(path.name + ".failed")
    deadline = time.monotonic() + WAIT
    while not path.exists():
        if failed.exists() or time.monotonic() > deadline:
            return None
        time.sleep(0.005)
    try:
        report = pickle.loads(path.read_bytes())
    except Exception:   # noqa: BLE001 (unreadable: compute it instead)
        return None
    if report.source != source:
        report.source = source
        report.__dict__.pop("slug", None)   # a cached_property: made again from this spelling
    return report
