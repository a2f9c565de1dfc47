"""Many documents at once: one page per document, an index page and a corpus page.

`run_batch` narrates the steps:

1. collect  — every document of every input file (a corpus file gives one per
   row, addressed by its position), with the hash of its text; a row that
   cannot be read is a failed document, the others go on (batch.documents);
2. plan     — a page whose key (text hash + notebook hash + package version +
   parameters) is in the manifest of the output folder with its file on disk
   is skipped, unless `force`; the corpus page's key is made of the document
   keys, so it is rebuilt when the set of documents changes;
3. render   — the others, and the corpus page, as independent tasks on worker
   processes (a lost worker's task is tried again on a fresh one) or on a Dask
   cluster (`scheduler`). A task returns its page as text, so workers need no
   shared folder with us (batch.tasks, batch.pool);
4. write    — each page written atomically as its task finishes and recorded
   in the manifest's journal at once, so an interrupted batch resumes; at the
   end the manifest and index.html (one row per document, failures with their
   error). The output directory is locked for the whole batch (batch.manifest).

SIGTERM, SIGINT or SIGHUP stops the batch cleanly (batch.signals): the workers
and their kernels are stopped, nothing temporary is left, the pages finished
are in the journal, and `Interrupted` is raised.
"""
from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .. import __version__
from ..errors import InputError
from .documents import Document, collect, repeated_ids
from .manifest import JOURNAL, MANIFEST, Journal, output_lock, read_manifest, write_manifest
from .pool import DaskPool, LocalPool, pool_for
from .progress import Progress
from .signals import Interrupted, stop_renders, stopping
from .tasks import render_task, summarize

__all__ = ["run_batch", "BatchResult", "collect", "Document", "render_task", "summarize", "Progress", "LocalPool",
           "DaskPool", "MANIFEST", "JOURNAL", "INDEX", "read_manifest", "Interrupted"]

INDEX = "index.html"
CORPUS_PAGE = "corpus"
COMBINED = "batch-documents.jsonl"     # the corpus page's input when several files are given


# --- 2. plan -------------------------------------------------------------------------------------
def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def document_key(d: Document, notebook_hash: str, params: dict) -> str:
    blob = json.dumps([d.text_hash, d.doc, notebook_hash, __version__, params], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def corpus_key(doc_keys: list[str], notebook_hash: str, params: dict) -> str:
    blob = json.dumps([sorted(doc_keys), notebook_hash, __version__, params], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _unchanged(entry: dict | None, key: str, out_dir: Path, name: str) -> bool:
    return bool(entry and entry.get("key") == key and entry.get("status") == "ok"
                and (out_dir / f"{name}.html").is_file())


def _declares(notebook: str, name: str) -> bool:
    """Whether the notebook's parameters cell declares `name` (read as JSON: nbformat's
    import alone costs a rerun with nothing to do seconds)."""
    from ..render import notebook_path, parameters

    cells = json.loads(notebook_path(notebook).read_text(encoding="utf-8")).get("cells", [])
    for cell in cells:
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            source = cell.get("source", "")
            return name in parameters.spec("".join(source) if isinstance(source, list) else source)
    return False


def _tasks(docs: list[Document], notebook: str, nb_hash: str, params: dict, timeout: float,
           text_column: str | None, id_column: str | None) -> list[dict]:
    from ..render import shown_path

    by_row = _declares(notebook, "row")   # else (a notebook of one's own) the id picks the row
    tasks = []
    for d in docs:
        p = {**params, "row": d.row} if by_row and d.row is not None else dict(params)
        tasks.append({"kind": "document", "name": d.name, "key": document_key(d, nb_hash, p),
                      "source": d.source, "shown_source": shown_path(d.given), "doc": d.doc,
                      "rows": [d.row_dict()], "notebook": notebook,
                      "document": {"doc": d.doc, "text": d.text, "meta": d.meta},
                      "params": p, "timeout": timeout, "text_column": text_column, "id_column": id_column})
    return tasks


def _corpus_source(docs: list[Document], out_dir: Path) -> tuple[str, str]:
    """(source, shown source) of the corpus page: the input itself when there is
    only one (its unreadable rows are left out by the corpus notebook), else
    DIR/batch-documents.jsonl holding every readable document."""
    from ..render import shown_path
    from ..render.leftovers import write_atomic

    readable = [d for d in docs if d.error is None]
    sources = sorted({d.source for d in readable})
    if len(sources) == 1:
        return sources[0], shown_path(next(d.given for d in readable))
    lines = "".join(json.dumps(d.row_dict(), ensure_ascii=False) + "\n" for d in readable)
    return str(write_atomic(out_dir / COMBINED, lines)), COMBINED


def _corpus_task(docs, tasks, old, out_dir, force, corpus_notebook, corpus_params, timeout,
                 text_column, id_column) -> tuple[dict | None, str | None]:
    """(task or None when the page is up to date, the corpus page's key)."""
    from ..render import notebook_path

    readable = [d for d in docs if d.error is None]
    if not (corpus_notebook and readable):
        return None, None
    c_hash = file_hash(notebook_path(corpus_notebook))
    c_params = dict(corpus_params or {})
    ckey = corpus_key([t["key"] for t in tasks], c_hash, c_params)
    if not force and _unchanged(old.get(CORPUS_PAGE), ckey, out_dir, CORPUS_PAGE):
        return None, ckey
    source, shown = _corpus_source(docs, out_dir)
    multi = len({d.source for d in readable}) > 1
    c_params.setdefault("source", source)
    if not multi and corpus_notebook == "corpus":   # it loads the same file: its slugs are our page names
        c_params.setdefault("link_pages", True)
    return {"kind": "corpus", "name": CORPUS_PAGE, "key": ckey, "source": source, "shown_source": shown,
            "doc": None, "rows": [d.row_dict() for d in readable], "notebook": corpus_notebook,
            "params": c_params, "timeout": timeout,
            "text_column": None if multi else text_column, "id_column": None if multi else id_column}, ckey


# --- 4. write -----------------------------------------------------------------------------------
class OutputError(InputError):
    """A page, the manifest or the index could not be written (disk full, read-only)."""


def _write(path: Path, data: str) -> None:
    from ..render import leftovers

    try:
        leftovers.write_atomic(path, data)
    except OSError as exc:
        raise OutputError(path.parent, f"cannot write {path.name} ({exc.strerror or exc})") from None


def _base(d: Document) -> dict:
    return {"doc": d.doc, "source": d.source, "row": d.row, "line": d.line, "kind": "document",
            "text_hash": d.text_hash if d.error is None else None}


def _fallback_summary(d: Document) -> dict:
    meta = d.meta
    year = meta.get("year")
    try:
        year = int(year) if year not in (None, "") else None
    except (TypeError, ValueError):
        year = None
    return {"title": meta.get("title") or d.doc, "year": year, "date": meta.get("date"),
            "chars": len(d.text) if d.text else None}


def index_rows(docs: list[Document], entries: dict) -> list[dict]:
    rows = []
    for d in docs:
        e = entries[d.name]
        s = e.get("summary") or {}
        rows.append({"name": d.name, "doc": d.doc, "source": d.source, "file": Path(d.source).name, "row": d.row,
                     "line": d.line, "title": s.get("title") or d.doc, "year": s.get("year"), "date": s.get("date"),
                     "chars": s.get("chars"), "claims": s.get("claims"), "concreteness": s.get("concreteness"),
                     "era": s.get("era"), "status": e.get("status"), "error": e.get("error"),
                     "href": f"{d.name}.html" if e.get("status") == "ok" else None})
    return rows


def _recorded(done: int) -> str:
    return f"the {done} page{'s' if done != 1 else ''} finished before are recorded, run the batch again to render the rest"


# --- the run ------------------------------------------------------------------------------------
@dataclass
class BatchResult:
    out_dir: Path
    index_path: Path
    corpus_path: Path | None
    pages: list[dict]            # one row per document (the index rows)
    rendered: list[str]          # page names rendered in this run
    skipped: list[str]           # unchanged since the last run
    failed: list[dict]           # {name, doc, source, error, unreadable}
    workers: set = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    lost_workers: int = 0        # local workers that died holding a task (their tasks were retried)
    journal_seconds: float = 0.0  # time spent recording pages in the journal

    @property
    def exit_status(self) -> int:
        """2 when a document could not be read (bad input), 1 when a page failed, else 0."""
        if any(f.get("unreadable") for f in self.failed):
            return 2
        return 1 if self.failed else 0


def run_batch(files: Iterable[str | Path], out_dir: str | Path = "reports", jobs: int | None = None,
              force: bool = False, scheduler=None, text_column: str | None = None, id_column: str | None = None,
              *, notebook: str = "report", corpus_notebook: str | None = "corpus", params: dict | None = None,
              corpus_params: dict | None = None, timeout: float = 600, progress: bool | None = None,
              stream=None) -> BatchResult:
    """Render every document of `files` to OUT_DIR/<slug>.html, the corpus page to
    OUT_DIR/corpus.html (skip with corpus_notebook=None) and OUT_DIR/index.html."""
    from ..render import check_output_dir, leftovers, notebook_path

    out_dir = Path(out_dir)
    params = dict(params or {})
    docs = collect(files, text_column, id_column)
    if not docs:
        raise InputError(None, "no documents to render")
    if all(d.error for d in docs):  # bad input, not a batch with some failures: nothing is written
        more = f" (and {len(docs) - 1} more unreadable)" if len(docs) > 1 else ""
        raise InputError(None, docs[0].error + more)
    warnings = repeated_ids(docs)
    for w in warnings:
        print(f"effanalysis: warning: {w}", file=stream or sys.stderr)
    nb_hash = file_hash(notebook_path(notebook))
    check_output_dir(out_dir)   # read-only or full: found before any kernel starts
    with stopping(), output_lock(out_dir):
        leftovers.sweep_output(out_dir)
        leftovers.sweep_temp()
        old = read_manifest(out_dir)["pages"]
        readable = [d for d in docs if d.error is None]
        tasks = _tasks(readable, notebook, nb_hash, params, timeout, text_column, id_column)
        todo = [t for t in tasks if force or not _unchanged(old.get(t["name"]), t["key"], out_dir, t["name"])]
        corpus_task, ckey = _corpus_task(docs, tasks, old, out_dir, force, corpus_notebook, corpus_params, timeout,
                                         text_column, id_column)
        queue = ([corpus_task] if corpus_task else []) + todo   # the longest task first
        by_name = {d.name: d for d in docs}
        labels = {d.name: d.meta.get("title") or d.doc for d in docs}
        labels[CORPUS_PAGE] = "corpus page"

        pages: dict[str, dict] = {}
        rendered, workers = [], set()
        pool, journal, lost, stopped = None, None, 0, False
        bar = Progress(len(queue), stream, progress)
        try:
            if queue:
                journal = Journal(out_dir)
                pool = pool_for(scheduler, jobs, len(queue))
                for outcome in pool.run(queue):
                    name = outcome["name"]
                    workers.add(outcome.get("worker"))
                    if outcome["status"] == "ok":
                        _write(out_dir / f"{name}.html", outcome["html"])
                        (out_dir / "failed" / f"{name}.ipynb").unlink(missing_ok=True)
                        rendered.append(name)
                    elif outcome.get("failed_notebook"):
                        _write(out_dir / "failed" / f"{name}.ipynb", outcome["failed_notebook"])
                    entry = {k: outcome.get(k) for k in ("key", "status", "error", "summary", "seconds")}
                    entry = {**(_base(by_name[name]) if name in by_name else {"kind": "corpus"}), **entry}
                    pages[name] = entry
                    try:
                        journal.record(name, entry)
                    except OSError as exc:
                        raise OutputError(out_dir, f"cannot write {JOURNAL} ({exc.strerror or exc})") from None
                    bar.update(outcome, labels.get(name, name))
        except OutputError as exc:
            raise OutputError(out_dir, f"{exc.problem}; {_recorded(len(pages))}") from None
        except Interrupted as exc:
            stopped = True
            exc.message = f"stopped by {exc}; {_recorded(len(pages))}"
            raise
        finally:
            bar.close()
            if pool is not None:
                lost = pool.lost
                pool.close()
            if journal is not None:
                journal.close()
            leftovers.sweep_temp()   # a lost worker's scratch directory
            if stopped:
                stop_renders()   # jobs=1: the render stopped here

        entries: dict[str, dict] = {}
        skipped = []
        for d in docs:
            if d.error is not None:
                entries[d.name] = {**_base(d), "key": None, "status": "failed", "error": d.error,
                                   "summary": {"title": d.meta.get("title") or d.doc}}
            elif d.name in pages:
                entries[d.name] = pages[d.name]
            else:
                entries[d.name] = {**_base(d), **old[d.name]}
                skipped.append(d.name)
            entries[d.name]["summary"] = {**_fallback_summary(d), **(entries[d.name].get("summary") or {})}
        if ckey:
            entries[CORPUS_PAGE] = {"kind": "corpus", **(pages.get(CORPUS_PAGE) or old.get(CORPUS_PAGE) or {})}
        try:
            write_manifest(out_dir, {"version": __version__, "notebook": notebook, "pages": entries})
        except OSError as exc:
            raise OutputError(out_dir, f"cannot write {MANIFEST} ({exc.strerror or exc}); the finished pages are "
                                       f"recorded in {JOURNAL}") from None

        from .index import render_index

        rows = index_rows(docs, entries)
        corpus_entry = entries.get(CORPUS_PAGE)
        index = out_dir / INDEX
        _write(index, render_index(rows, corpus_entry, lang=params.get("lang")))
    failed = [{"name": r["name"], "doc": r["doc"], "source": r["source"], "error": r["error"],
               "unreadable": by_name[r["name"]].error is not None} for r in rows if r["status"] != "ok"]
    if corpus_entry and corpus_entry.get("status") == "failed":
        failed.append({"name": CORPUS_PAGE, "doc": None, "source": None, "error": corpus_entry.get("error"),
                       "unreadable": False})
    corpus_path = out_dir / f"{CORPUS_PAGE}.html"
    return BatchResult(out_dir, index, corpus_path if corpus_path.is_file() else None, rows, rendered, skipped,
                       failed, workers - {None}, warnings, lost, journal.seconds if journal else 0.0)
