"""Execute a notebook through papermill, with this package's engine (effanalysis.engine).

`run` calls `papermill.execute_notebook` with the engine "effanalysis": papermill
injects the parameters after the parameters cell and records them, the timings and
the failure flag in metadata.papermill; the engine runs the cells on this
interpreter's kernel, warmed up, and makes a timed-out cell a failure. The first
failure is returned by its cell index, and every code cell is checked once more.
"""
from __future__ import annotations

import contextlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
import papermill  # before effanalysis.engine: importing papermill loads it through the entry point
from papermill.exceptions import PapermillExecutionError

from ..engine import FAILED_ENAMES, KERNEL_NAME, NAME as ENGINE, ThisInterpreter, imported_modules

__all__ = ["run", "Failure", "KERNEL_NAME", "ThisInterpreter", "imported_modules"]


@dataclass(frozen=True)
class Failure:
    index: int        # 0-based cell index in the executed notebook (shown 1-based)
    cell: str         # the cell's first line of code, as a name for humans
    error: str        # "ValueError: …" or "timed out after 600 s"

    def __str__(self) -> str:
        return f"cell {self.index + 1} ({self.cell}) failed: {self.error}"


def cell_name(cell) -> str:
    lines = [ln.strip() for ln in cell.source.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    first = lines[0] if lines else cell.source.strip().splitlines()[0] if cell.source.strip() else "empty cell"
    return first if len(first) <= 60 else first[:59] + "…"


def _error_of(cell) -> str:
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return f"{out.get('ename', 'Error')}: {out.get('evalue', '')}".strip()
    return "unknown error"


def run(notebook, cwd: Path, timeout: float, parameters: dict | None = None,
        workdir: str | Path | None = None, kernel_env: dict | None = None) -> tuple[object, Failure | None]:
    """Execute `notebook` (a path, or a notebook node) through papermill, with `parameters`
    injected after its parameters cell, in `cwd`; return the executed notebook with the first
    failure, if any. `workdir`: a directory of the caller's for the notebooks papermill writes
    and the kernel's connection file, which holds its key (default: a temporary directory);
    `kernel_env`: variables added to the kernel's environment only."""
    with contextlib.nullcontext(str(workdir)) if workdir else tempfile.TemporaryDirectory(prefix="effanalysis-run-") \
            as tmp:
        if not isinstance(notebook, (str, Path)):   # papermill records the input's path in the notebook
            path = Path(tmp) / "input.ipynb"
            nbformat.write(notebook, path)
            notebook = path
        output = Path(tmp) / "executed.ipynb"   # papermill writes the notebook there, also when a cell fails
        try:
            executed = papermill.execute_notebook(
                str(notebook), str(output), parameters=parameters or None, engine_name=ENGINE,
                kernel_name=KERNEL_NAME, language="python", cwd=str(cwd), execution_timeout=timeout,
                progress_bar=False, request_save_on_cell_execute=False,
                connection_file=str(Path(tmp) / "kernel.json"), kernel_env=kernel_env or {})
            failure = None
        except PapermillExecutionError as exc:
            executed = nbformat.read(output, as_version=4)
            cell = next((c for c in executed.cells if c.get("source") == exc.source and c.cell_type == "code"), None)
            error = exc.evalue if exc.ename in FAILED_ENAMES else f"{exc.ename}: {exc.evalue}".strip()
            failure = Failure(exc.cell_index, cell_name(cell) if cell else exc.source[:60], error)
    if failure is None:   # belt and braces: every code cell ran and none shows an error
        for index, cell in enumerate(executed.cells):
            if cell.cell_type == "code" and (cell.execution_count is None and cell.source.strip()
                                             or any(o.get("output_type") == "error" for o in cell.outputs)):
                failure = Failure(index, cell_name(cell), _error_of(cell))
                break
    return executed, failure
