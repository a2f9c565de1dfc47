"""Step 3 of a batch, in a worker: render one page and return it as text.

Runs in a local worker process or on a Dask worker, so it never raises and
needs nothing from the batch but the task: a worker without the input file
renders a one-row stand-in of the document the task carries. Its files live in
a scratch directory that a later run removes if the worker is killed.
"""
from __future__ import annotations

import json
import os
import time
import traceback
from pathlib import Path

from ..errors import InputError

KERNEL_START_RETRIES = 1


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
        out["era"] = era_span(report.profile().era or {})
    except Exception:   # noqa: BLE001
        pass
    return out


def era_span(era: dict) -> str | None:
    """The index's era cell: the likely span (else the widest), "2007" or "2007–2012"."""
    lo, hi = era.get("likely_from") or era.get("from"), era.get("likely_to") or era.get("to")
    if lo is None and hi is None:
        return None
    return f"{lo}" if lo == hi else f"{lo or '…'}–{hi or '…'}"


def summary_of(records: dict) -> dict | None:
    """The index row's figures as the page's notebook recorded them (its sections' facts), so a
    worker does not read and analyse the document a second time; None when the notebook is not
    one that records them (a notebook of the user's own)."""
    overview, structure = records.get("overview"), records.get("structure")
    claims, language = records.get("claims"), records.get("language")
    if not (overview and structure and claims and language):
        return None
    conc = language.get("concreteness")
    return {"chars": overview.get("chars"), "sentences": structure.get("sentences"), "claims": claims.get("claims"),
            "concreteness": None if conc is None else round(float(conc), 3),
            "era": era_span(overview.get("era") or {}),
            "title": overview.get("title"), "year": overview.get("year"), "date": overview.get("date")}


def _where(task: dict, scratch: Path) -> tuple[str, dict]:
    """(source, render arguments): the task's own file when this machine has it,
    else a one-document stand-in written from the rows the task carries."""
    kw = {"text_column": task.get("text_column"), "id_column": task.get("id_column")}
    params = dict(task["params"])
    if Path(task["source"]).is_file():
        return task["source"], {**kw, "params": params}
    stand_in = scratch / (Path(task["source"]).stem + ".jsonl")
    with open(stand_in, "w", encoding="utf-8") as fh:
        for row in task["rows"]:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    if "row" in params:
        params["row"] = 1
    return str(stand_in), {"text_column": "content", "id_column": "id", "params": params}


def _kernel_did_not_start(exc: BaseException) -> bool:
    """jupyter_client's start-up failures: "Kernel died before replying to kernel_info",
    "Kernel didn't respond in N seconds" (seen under load, gone on a second try)."""
    return isinstance(exc, (RuntimeError, TimeoutError)) and "kernel" in str(exc).lower()


def _render(task: dict, scratch: Path, out: dict) -> None:
    import nbformat

    from ..render import RenderError, render
    from ..render.export import records

    source, kw = _where(task, scratch)
    doc = {"doc": task["doc"]} if task["kind"] == "document" else {}
    for attempt in range(KERNEL_START_RETRIES + 1):
        try:
            page = render(source, scratch / "out", notebook=task["notebook"], output_name=task["name"],
                          timeout=task["timeout"], shown_source=task.get("shown_source"), keep_notebook=True,
                          **doc, **kw)
            break
        except RenderError:
            raise
        except Exception as exc:  # noqa: BLE001
            if attempt == KERNEL_START_RETRIES or not _kernel_did_not_start(exc):
                raise
            out["retried"] = f"{exc.__class__.__name__}: {exc}"
    out["html"] = page.read_text(encoding="utf-8")
    if task["kind"] == "document":
        recorded = summary_of(records(nbformat.read(page.with_suffix(".ipynb"), as_version=4)))
        if recorded is None:   # a notebook that records no facts: the figures from the document itself
            from ..report import Report

            d = task["document"]
            recorded = summarize(Report.from_text(d["text"], doc=d["doc"], meta=d["meta"], source=source))
        out["summary"] = recorded


def render_task(task: dict) -> dict:
    """Render one page; never raises. Returns name, kind, key, status, html, error,
    failed_notebook, summary, seconds, worker."""
    from ..render import RenderError, leftovers

    t0 = time.perf_counter()
    out = {"name": task["name"], "kind": task["kind"], "key": task["key"], "status": "ok", "html": None,
           "error": None, "failed_notebook": None, "summary": {}, "worker": os.getpid()}
    with leftovers.scratch_dir() as scratch:
        try:
            _render(task, scratch, out)
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
