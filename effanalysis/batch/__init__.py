"""Many documents at once: one page per document, an index page and a corpus page.

`run_batch` narrates the steps:

1. collect  — every document of every input file (a corpus file gives one per
   row), with the hash of its text; a row that cannot be read becomes a failed
   document, the others go on;
2. plan     — a document whose key (text hash + notebook hash + package
   version + parameters) is in the manifest of the output folder with a page
   on disk is skipped, unless `force`;
3. render   — the others, and the corpus page, as independent tasks on a pool
   of worker processes, or on a Dask distributed cluster (`scheduler`). A task
   returns its page as text, so workers need no shared folder with us;
4. write    — pages written atomically as tasks finish, then the manifest,
   then index.html (one row per document, failures with their error).
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
import traceback
import uuid
from collections import Counter
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Iterable

from .. import __version__
from ..errors import InputError

MANIFEST = "manifest.json"
INDEX = "index.html"
CORPUS_PAGE = "corpus"
COMBINED = "batch-documents.jsonl"     # the corpus page's input when several files are given


# --- 1. collect -----------------------------------------------------------------------------------
@dataclass
class Document:
    source: str                 # absolute path of the input file
    doc: str                    # document id in that file
    row: int                    # 1-based row (1 for a single-document file)
    text: str = ""              # raw text as read
    meta: dict = field(default_factory=dict)
    name: str = ""              # page name (DIR/<name>.html): the Report's slug
    error: str | None = None    # could not be read

    @property
    def text_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def row_dict(self) -> dict:
        return {**self.meta, "id": self.doc, "content": self.text}


def collect(files: Iterable[str | Path], text_column: str | None = None, id_column: str | None = None) -> list[Document]:
    """The documents of the input files, in order. An unreadable file or an
    empty row is a Document with `error` set."""
    from .. import io as _io
    from ..report import Report

    out: list[Document] = []
    for f in files:
        path = Path(f).expanduser().resolve()
        source = str(path)
        try:
            for raw in _io.read(path, text_column, id_column):
                d = Document(source, raw["doc"], raw["row"], raw["text"], _jsonable(raw["meta"]))
                if not d.text.strip():
                    d.error = f"{source}: document {d.doc!r} (row {d.row}) has no text"
                d.name = Report(doc=d.doc, original="", text="", offsets=None, source=source).slug
                out.append(d)
        except InputError as exc:
            d = Document(source, path.name, 0, error=str(exc))
            d.name = Report(doc=path.name, original="", text="", offsets=None, source=source).slug
            out.append(d)
    counts = Counter(d.name for d in out)
    for d in out:   # the same document given twice: keep one page name per row
        if counts[d.name] > 1:
            d.name = f"{d.name}-{d.row}"
    return out


def _jsonable(meta: dict) -> dict:
    return json.loads(json.dumps(meta, ensure_ascii=False, default=str))


# --- 2. plan -------------------------------------------------------------------------------------
def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def document_key(d: Document, notebook_hash: str, params: dict) -> str:
    blob = json.dumps([d.text_hash, d.doc, notebook_hash, __version__, params], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def corpus_key(doc_keys: list[str], notebook_hash: str, params: dict) -> str:
    blob = json.dumps([sorted(doc_keys), notebook_hash, __version__, params], sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def read_manifest(out_dir: Path) -> dict:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) and isinstance(data.get("pages"), dict) else {"pages": {}}
    except (OSError, ValueError):
        return {"pages": {}}


def _unchanged(entry: dict | None, key: str, out_dir: Path, name: str) -> bool:
    return bool(entry and entry.get("key") == key and entry.get("status") == "ok"
                and (out_dir / f"{name}.html").is_file())


# --- 3. render (runs in a worker process or on a Dask worker) -------------------------------------
def summarize(report) -> dict:
    """The index row's figures for one report; an analysis that fails leaves None."""
    out: dict = {"chars": len(report.text), "sentences": len(report.sentences), "claims": None,
                 "concreteness": None, "era": None, "title": report.title, "year": report.year,
                 "date": str(report.meta.get("date") or "") or None}
    try:
        out["claims"] = int(len(report.claims))
    except Exception:   # noqa: BLE001 — an index cell, not a reason to fail the page
        pass
    try:
        from ..corpus.trends import concreteness

        value = concreteness([report])["concreteness"].iloc[0]
        out["concreteness"] = None if value is None or value != value else round(float(value), 3)
        era = report.profile().era or {}
        lo, hi = era.get("likely_from") or era.get("from"), era.get("likely_to") or era.get("to")
        if lo is not None or hi is not None:
            out["era"] = f"{lo}" if lo == hi else f"{lo or '…'}–{hi or '…'}"
    except Exception:   # noqa: BLE001
        pass
    return out


def _source_on_worker(task: dict, tmp: Path) -> str:
    """The task's source file, or a one-document stand-in when this machine lacks it."""
    if Path(task["source"]).is_file():
        return task["source"]
    stand_in = tmp / (Path(task["source"]).stem + ".jsonl")
    with open(stand_in, "w", encoding="utf-8") as fh:
        for row in task["rows"]:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return str(stand_in)


def render_task(task: dict) -> dict:
    """Render one page; never raises. Returns name, kind, status, html, error,
    failed_notebook, summary, seconds, worker."""
    from ..render import RenderError, render

    t0 = time.perf_counter()
    out = {"name": task["name"], "kind": task["kind"], "key": task["key"], "status": "ok", "html": None,
           "error": None, "failed_notebook": None, "summary": {}, "worker": os.getpid()}
    with tempfile.TemporaryDirectory(prefix="effanalysis-batch-") as tmp:
        tmp = Path(tmp)
        try:
            source = _source_on_worker(task, tmp)
            kw = {"doc": task["doc"]} if task["kind"] == "document" else {}
            if task.get("text_column"):
                kw.update(text_column=task["text_column"], id_column=task.get("id_column"))
            page = render(source, tmp / "out", dict(task["params"]), notebook=task["notebook"],
                          output_name=task["name"], timeout=task["timeout"], **kw)
            out["html"] = page.read_text(encoding="utf-8")
            if task["kind"] == "document":
                from ..report import Report

                d = task["document"]
                out["summary"] = summarize(Report.from_text(d["text"], doc=d["doc"], meta=d["meta"], source=source))
        except RenderError as exc:
            out.update(status="failed", error=str(exc.failure))
            try:
                out["failed_notebook"] = Path(exc.notebook).read_text(encoding="utf-8")
            except OSError:
                pass
        except InputError as exc:
            out.update(status="failed", error=str(exc))
        except Exception as exc:  # noqa: BLE001 — one document's failure must not stop the batch
            out.update(status="failed", error=f"{exc.__class__.__name__}: {exc}",
                       traceback=traceback.format_exc(limit=5))
    out["seconds"] = round(time.perf_counter() - t0, 3)
    return out


# --- executors ------------------------------------------------------------------------------------
class LocalPool:
    """`jobs` worker processes, spawned: a forked worker would inherit this process's ZeroMQ
    context and event loop (after a kernel ran here), and its kernels then fail to shut down.
    jobs=1 runs in this process."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.pool = ProcessPoolExecutor(jobs, mp_context=get_context("spawn")) if jobs > 1 else None

    def run(self, tasks: list[dict]) -> Iterable[dict]:
        if self.pool is None:
            for t in tasks:
                yield render_task(t)
            return
        futures: dict[Future, dict] = {self.pool.submit(render_task, t): t for t in tasks}
        for fut in as_completed(futures):
            yield _outcome(fut, futures[fut])

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


class DaskPool:
    """The same tasks on a Dask distributed cluster (`pip install effanalysis[distributed]`)."""

    def __init__(self, scheduler):
        try:
            from distributed import Client
        except ImportError:
            raise InputError(None, "--scheduler needs Dask distributed: pip install 'effanalysis[distributed]'") from None
        self.own = not hasattr(scheduler, "submit")
        try:
            self.client = Client(scheduler, timeout="20s") if self.own else scheduler
        except OSError as exc:
            raise InputError(None, f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None

    def run(self, tasks: list[dict]) -> Iterable[dict]:
        from distributed import as_completed as dask_completed

        run = uuid.uuid4().hex[:8]   # task names for the dashboard, unique to this run
        futures = {self.client.submit(render_task, t, key=f"effanalysis-{t['name']}-{run}", pure=False): t
                   for t in tasks}
        for fut in dask_completed(list(futures)):
            yield _outcome(fut, futures[fut])

    def close(self) -> None:
        if self.own:
            self.client.close()


def _outcome(fut, task: dict) -> dict:
    try:
        return fut.result()
    except BaseException as exc:  # noqa: BLE001 — a worker that died
        return {"name": task["name"], "kind": task["kind"], "key": task["key"], "status": "failed", "html": None,
                "error": f"worker lost: {exc.__class__.__name__}: {exc}", "summary": {}, "seconds": None}


# --- progress ---------------------------------------------------------------------------------
class Progress:
    """A tqdm bar on a terminal, one plain line per page otherwise."""

    def __init__(self, total: int, stream=None, bar: bool | None = None):
        self.stream = stream or sys.stderr
        self.total, self.done = total, 0
        use_bar = self.stream.isatty() if bar is None else bar
        self.bar = None
        if use_bar and total:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="page", file=self.stream, dynamic_ncols=True)

    def update(self, outcome: dict, label: str) -> None:
        self.done += 1
        status = outcome["status"]
        if self.bar is not None:
            self.bar.set_postfix_str(f"{status} {label[:30]}", refresh=False)
            self.bar.update(1)
        else:
            secs = f" ({outcome['seconds']:.1f} s)" if outcome.get("seconds") is not None else ""
            err = f": {outcome['error']}" if outcome.get("error") else ""
            width = len(str(self.total))
            print(f"[{self.done:>{width}}/{self.total}] {status} {label}{secs}{err}", file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# --- 4. the run ---------------------------------------------------------------------------------
@dataclass
class BatchResult:
    out_dir: Path
    index_path: Path
    corpus_path: Path | None
    pages: list[dict]            # one row per document (the index rows)
    rendered: list[str]          # page names rendered in this run
    skipped: list[str]           # unchanged since the last run
    failed: list[dict]           # {name, doc, source, error}
    workers: set = field(default_factory=set)


def _tasks(docs: list[Document], notebook: str, nb_hash: str, params: dict, timeout: float,
           text_column: str | None, id_column: str | None) -> list[dict]:
    tasks = []
    for d in docs:
        tasks.append({"kind": "document", "name": d.name, "key": document_key(d, nb_hash, params),
                      "source": d.source, "doc": d.doc, "rows": [d.row_dict()], "notebook": notebook,
                      "document": {"doc": d.doc, "text": d.text, "meta": d.meta},
                      "params": params, "timeout": timeout, "text_column": text_column, "id_column": id_column})
    return tasks


def _corpus_source(docs: list[Document], out_dir: Path) -> str:
    """One corpus file holding every readable document: the input itself when
    there is only one, else DIR/batch-documents.jsonl."""
    sources = sorted({d.source for d in docs if d.error is None})
    if len(sources) == 1:
        return sources[0]
    from ..render.export import write_atomic

    lines = "".join(json.dumps(d.row_dict(), ensure_ascii=False) + "\n" for d in docs if d.error is None)
    return str(write_atomic(out_dir / COMBINED, lines))


def run_batch(files: Iterable[str | Path], out_dir: str | Path = "reports", jobs: int | None = None,
              force: bool = False, scheduler=None, text_column: str | None = None, id_column: str | None = None,
              *, notebook: str = "report", corpus_notebook: str | None = "corpus", params: dict | None = None,
              corpus_params: dict | None = None, timeout: float = 600, progress: bool | None = None,
              stream=None) -> BatchResult:
    """Render every document of `files` to OUT_DIR/<slug>.html, the corpus page to
    OUT_DIR/corpus.html (skip with corpus_notebook=None) and OUT_DIR/index.html."""
    from ..render import notebook_path
    from ..render.export import write_atomic

    out_dir = Path(out_dir)
    params = dict(params or {})
    docs = collect(files, text_column, id_column)
    if not docs:
        raise InputError(None, "no documents to render")
    if all(d.error for d in docs):  # bad input, not a batch with some failures: nothing is written
        more = f" (and {len(docs) - 1} more unreadable)" if len(docs) > 1 else ""
        raise InputError(None, docs[0].error + more)
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = read_manifest(out_dir)
    old = manifest["pages"]

    nb_hash = file_hash(notebook_path(notebook))
    tasks = _tasks([d for d in docs if d.error is None], notebook, nb_hash, params, timeout, text_column, id_column)
    key_of = {t["name"]: t["key"] for t in tasks}
    todo = [t for t in tasks if force or not _unchanged(old.get(t["name"]), t["key"], out_dir, t["name"])]
    readable = [d for d in docs if d.error is None]
    corpus_task = None
    if corpus_notebook and readable:
        c_hash = file_hash(notebook_path(corpus_notebook))
        c_params = dict(corpus_params or {})
        ckey = corpus_key(list(key_of.values()), c_hash, c_params)
        if force or not _unchanged(old.get(CORPUS_PAGE), ckey, out_dir, CORPUS_PAGE):
            source = _corpus_source(docs, out_dir)
            multi = len({d.source for d in readable}) > 1
            c_params.setdefault("source", source)
            if not multi and corpus_notebook == "corpus":   # it loads the same file: its slugs are our page names
                c_params.setdefault("link_pages", True)
            corpus_task = {"kind": "corpus", "name": CORPUS_PAGE, "key": ckey, "source": source, "doc": None,
                           "rows": [d.row_dict() for d in readable], "notebook": corpus_notebook,
                           "params": c_params, "timeout": timeout,
                           "text_column": None if multi else text_column, "id_column": None if multi else id_column}
        else:
            corpus_task = None
    queue = ([corpus_task] if corpus_task else []) + todo   # the longest task first

    pages: dict[str, dict] = {}
    labels = {d.name: d.meta.get("title") or d.doc for d in docs}
    labels[CORPUS_PAGE] = "corpus page"
    rendered, workers = [], set()
    pool = None
    bar = Progress(len(queue), stream, progress)
    try:
        if queue:
            n = jobs or os.cpu_count() or 1
            pool = DaskPool(scheduler) if scheduler else LocalPool(max(1, min(n, len(queue))))
            for outcome in pool.run(queue):
                name = outcome["name"]
                workers.add(outcome.get("worker"))
                if outcome["status"] == "ok":
                    write_atomic(out_dir / f"{name}.html", outcome["html"])
                    rendered.append(name)
                elif outcome.get("failed_notebook"):
                    write_atomic(out_dir / "failed" / f"{name}.ipynb", outcome["failed_notebook"])
                pages[name] = {k: outcome.get(k) for k in ("key", "status", "error", "summary", "seconds")}
                bar.update(outcome, labels.get(name, name))
    finally:
        bar.close()
        if pool is not None:
            pool.close()

    entries: dict[str, dict] = {}
    skipped = []
    for d in docs:
        base = {"doc": d.doc, "source": d.source, "row": d.row, "kind": "document",
                "text_hash": d.text_hash if d.error is None else None}
        if d.error is not None:
            entries[d.name] = {**base, "key": None, "status": "failed", "error": d.error,
                               "summary": {"title": d.meta.get("title") or d.doc}}
        elif d.name in pages:
            entries[d.name] = {**base, **pages[d.name]}
        else:
            entries[d.name] = {**base, **old[d.name]}
            skipped.append(d.name)
        entries[d.name]["summary"] = {**_fallback_summary(d), **(entries[d.name].get("summary") or {})}
    if corpus_notebook and readable:
        entries[CORPUS_PAGE] = {"kind": "corpus", **(pages.get(CORPUS_PAGE) or old.get(CORPUS_PAGE) or {})}
    manifest = {"version": __version__, "notebook": notebook, "pages": entries}
    write_atomic(out_dir / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1, default=str))

    from .index import write_index

    rows = index_rows(docs, entries)
    corpus_entry = entries.get(CORPUS_PAGE)
    index = write_index(out_dir, rows, corpus_entry)
    failed = [{"name": r["name"], "doc": r["doc"], "source": r["source"], "error": r["error"]}
              for r in rows if r["status"] != "ok"]
    if corpus_entry and corpus_entry.get("status") == "failed":
        failed.append({"name": CORPUS_PAGE, "doc": None, "source": None, "error": corpus_entry.get("error")})
    corpus_path = out_dir / f"{CORPUS_PAGE}.html"
    return BatchResult(out_dir, index, corpus_path if corpus_path.is_file() else None, rows, rendered, skipped,
                       failed, workers - {None})


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
                     "title": s.get("title") or d.doc, "year": s.get("year"), "date": s.get("date"),
                     "chars": s.get("chars"), "claims": s.get("claims"), "concreteness": s.get("concreteness"),
                     "era": s.get("era"), "status": e.get("status"), "error": e.get("error"),
                     "href": f"{d.name}.html" if e.get("status") == "ok" else None})
    return rows

