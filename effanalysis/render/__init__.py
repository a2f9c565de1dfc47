"""Render a workbook notebook to one offline HTML page.

`render` reads like the steps it takes: read the notebook, validate the
parameters (before any kernel starts), check the input, execute it through
`papermill.execute_notebook` (which injects the parameters after the parameters
cell and records them, with timings, in metadata.papermill; execute.py), and
either keep the failed notebook and raise, or export and write the page
atomically. `papermill` on the command line runs the same notebook the same way:
the same parameters give the same page. The output directory is checked before
any kernel starts, and what a killed render left behind is removed first
(render.leftovers).
"""
from __future__ import annotations

import os
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

from .. import prepared
from ..errors import InputError
from . import leftovers, parameters
from .parameters import parse_parameters

# nbformat, papermill and nbconvert are imported where a notebook is run: nbformat's schema
# validation alone takes 2 s of CPU to import, which a batch with nothing to render must not pay.
_LAZY = ("execute", "export")


def __getattr__(name: str):
    if name in _LAZY:   # render.execute / render.export on first use
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["render", "parse_parameters", "RenderError", "notebook_path", "NOTEBOOKS"]

NOTEBOOKS = Path(str(resources.files("effanalysis.notebooks")))   # the repository's notebooks/
DEFAULT_TIMEOUT = 600   # seconds per cell
MIN_FREE_BYTES = 16 * 1024 * 1024   # a page with its charts and downloads is 1–3 MB


class RenderError(Exception):
    """The notebook failed (a cell raised or timed out). `failure` names the cell;
    `notebook` is the executed notebook kept for debugging."""

    def __init__(self, failure: "execute.Failure", notebook: Path):
        self.failure, self.notebook = failure, notebook
        super().__init__(f"{failure} (executed notebook kept in {notebook})")


def notebook_path(notebook: str | Path) -> Path:
    """'report' / 'corpus' name a bundled notebook; anything else is a path."""
    path = NOTEBOOKS / f"{notebook}.ipynb" if str(notebook) in ("report", "corpus") else Path(notebook)
    if not path.is_file():
        raise InputError(path, "no such notebook")
    return path


def _given(params: dict | None, declared: dict, nb_dir: Path, **explicit) -> tuple[dict[str, Any], Path | None]:
    """Parameters asked for (`params` plus the explicit arguments that are set), a given
    `source` made absolute (relative to the caller), and the source the run will read:
    the given one or the notebook's default (relative to the notebook, where it runs)."""
    given = dict(params or {})
    given.update({k: v for k, v in explicit.items() if v is not None})
    if "source" not in declared:
        return given, None
    src = given.get("source") or declared["source"].default
    if not src:
        return given, None
    base = Path.cwd() if given.get("source") else nb_dir
    path = (base / Path(str(src)).expanduser()).resolve()
    if not path.exists():   # named as the user wrote it
        raise InputError(src, "no such file")
    if given.get("source"):
        given["source"] = str(path)
    return given, path


def _document(values: dict, source: Path | None, declared: dict):
    """(report, its key) for a one-report notebook, else (None, None). Loading it here makes a
    missing or unreadable source fail before a kernel starts; the key is taken before the
    file is read (see effanalysis.prepared)."""
    if "doc" not in declared or not source:
        return None, None
    from ..report import load

    args = (values.get("doc"), values.get("text_column"), values.get("id_column"))
    report_key = prepared.key(source, *args, row=values.get("row"))
    return load(source, *args, row=values.get("row")), report_key


def shown_path(source: str | Path) -> str:
    """A source path as the page's parameter table shows it: relative to the working
    directory when inside it, else its file name (a shared page does not carry the
    renderer's directory layout)."""
    src = Path(source).expanduser().resolve()
    try:
        return str(src.relative_to(Path.cwd()))
    except ValueError:
        return src.name


def _shown(values: dict, shown_source: str | None = None) -> dict:
    """Values for the page's parameter table (`shown_source`: the source as the user
    gave it, when it was read from elsewhere, e.g. on a cluster worker)."""
    shown = dict(values)
    if shown.get("source"):
        shown["source"] = shown_source or shown_path(shown["source"])
    return shown


def check_output_dir(out_dir: Path) -> None:
    """An output directory we can write into, with room for a page, before any kernel
    starts: a read-only or full disk is bad input naming the directory."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f".write-test.{os.getpid()}.tmp"
        probe.write_bytes(b"")
        probe.unlink()
        free = shutil.disk_usage(out_dir).free
    except OSError as exc:
        raise InputError(out_dir, f"cannot be written to ({exc.strerror or exc})") from None
    if free < MIN_FREE_BYTES:
        raise InputError(out_dir, f"has no room for a page ({free // 1024} kB free on its disk)")


def render(source: str | Path | None = None, out_dir: str | Path = "reports", params: dict | None = None, *,
           notebook: str | Path = "report", doc: str | int | None = None, show_code: bool = False,
           timeout: float = DEFAULT_TIMEOUT, text_column: str | None = None, id_column: str | None = None,
           output_name: str | None = None, keep_notebook: bool = False, shown_source: str | None = None,
           prepare: bool = True) -> Path:
    """Execute a workbook notebook with parameters and write OUT_DIR/<name>.html.

    `prepare`: analyse the report on this process while the kernel starts (effanalysis.prepared;
    False: the kernel does it all, as under papermill). Raises InputError (bad parameter, missing
    source: nothing was started) or
    RenderError (a cell failed or timed out: the executed notebook is kept in
    OUT_DIR/failed/, any previous page is left untouched)."""
    import nbformat

    from . import execute, export

    nb_path = notebook_path(notebook)
    nb = nbformat.read(nb_path, as_version=4)
    declared = parameters.spec(nb.cells[parameters.parameters_cell(nb)].source)
    given, source_path = _given(params, declared, nb_path.parent, source=source,
                                doc=None if doc is None else str(doc), text_column=text_column, id_column=id_column)
    values = parameters.validate(declared, given)
    report, report_key = (None, None) if output_name else _document(values, source_path, declared)
    name = output_name or (report.slug if report else f"{nb_path.stem}-{source_path.stem if source_path else 'default'}")

    out_dir = Path(out_dir)
    check_output_dir(out_dir)
    leftovers.sweep_output(out_dir)
    leftovers.sweep_temp()

    with leftovers.scratch_dir() as scratch:   # papermill's notebooks, the kernel's key, the prepared report
        # the analyses on this process's thread while the kernel starts (effanalysis.prepared)
        ahead = prepared.Preparation(report, report_key, scratch).start() if report is not None and prepare else None
        try:
            executed, failure = execute.run(nb_path, cwd=nb_path.parent, timeout=timeout, parameters=values,
                                            workdir=scratch, kernel_env=ahead.env if ahead else None)
        finally:
            if ahead:
                ahead.join()   # before its directory goes
    if failure:
        kept = export.write_atomic(out_dir / "failed" / f"{name}.ipynb", nbformat.writes(executed))
        raise RenderError(failure, kept)
    if keep_notebook:
        export.write_atomic(out_dir / f"{name}.ipynb", nbformat.writes(executed))
    title = export.records(executed).get("title") or values.get("title") or name   # recorded by the notebook
    rows = parameters.table(declared, _shown(values, shown_source))
    for row in rows:   # the notebook's default source, as the file it named (not as `../data/…`)
        if row["name"] == "source" and not row["given"] and source_path:
            row["value"] = shown_path(source_path)
    page = export.to_html(executed, title=str(title), parameters=rows,
                          show_code=show_code)
    written = export.write_atomic(out_dir / f"{name}.html", page)
    (out_dir / "failed" / f"{name}.ipynb").unlink(missing_ok=True)   # an earlier failure is now history
    return written
