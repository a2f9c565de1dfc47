"""Execute a notebook in-process with nbclient, on this very interpreter.

The kernel is `sys.executable -m ipykernel_launcher`, whatever kernels the user
has registered (no NoSuchKernel in virtual environments, no stale `python3`
spec pointing at another Python). Cells run one by one so that the first
failure, a raised exception or a cell timeout, is known by its index: a
timed-out cell is a failure here, never "completed".

The kernel imports this package's modules that the cells import in a background
thread while it waits for its first cell (effanalysis.warmup): start-up time
that is otherwise spent idle.
"""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from traitlets import List, Unicode

from .. import warmup

KERNEL_NAME = "effanalysis-python"


class ThisInterpreter(KernelSpecManager):
    """A kernel spec manager that knows one kernel: ipykernel on sys.executable,
    without IPython history (warming up `preload`, modules of this package, in
    the background)."""

    preload = List(Unicode())

    def find_kernel_specs(self) -> dict[str, str]:
        return {KERNEL_NAME: ""}

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        # No IPython history: a render's cells (paths in its parameters included) are not
        # the user's session, and its kernel writes nothing outside the output directory.
        argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}",
                "--HistoryManager.enabled=False"]
        if warmup.wanted(self.preload):
            argv.append(f"--IPKernelApp.exec_lines={warmup.exec_line(self.preload)}")
        return KernelSpec(argv=argv, display_name=f"Python ({sys.executable})", language="python", resource_dir="",
                          name=KERNEL_NAME)


def imported_modules(nb) -> list[str]:
    """Modules the notebook's code cells import, in order: `import a.b` names a.b;
    `from a import b` names a, and a.b in case b is a module. Cells that are not
    plain Python (magics) are skipped."""
    names: list[str] = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names if alias.name != "*"]
    return list(dict.fromkeys(names))


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


def _kernel_env() -> dict[str, str]:
    env = dict(os.environ)
    root = Path(__file__).resolve().parents[2]
    env.setdefault("MPLCONFIGDIR", str(root / ".cache" / "matplotlib"))
    env.pop("MPLBACKEND", None)
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"   # quiet debugger warning on frozen modules
    return env


def run(nb, cwd: Path, timeout: float) -> tuple[object, Failure | None]:
    """Execute `nb` (modified in place: pass a copy) with `cwd` as working
    directory; return it with the first failure, if any."""
    km = AsyncKernelManager(kernel_spec_manager=ThisInterpreter(preload=imported_modules(nb)), kernel_name=KERNEL_NAME)
    client = NotebookClient(nb, km=km, timeout=timeout, allow_errors=False, record_timing=True,
                            resources={"metadata": {"path": str(cwd)}}, shutdown_kernel="immediate")
    failure = None
    # The kernel's own stderr carries only start-up chatter (e.g. ipykernel's
    # "running over TCP" warning); cell errors arrive as messages.
    # cleanup_kc: nbclient only shuts down kernels of managers it created itself; without it
    # every render leaves its kernel process running until this process exits.
    with client.setup_kernel(env=_kernel_env(), stderr=subprocess.DEVNULL, cleanup_kc=True):
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            try:
                client.execute_cell(cell, index)
            except CellTimeoutError:
                failure = Failure(index, cell_name(cell), f"timed out after {timeout:g} s")
            except DeadKernelError:
                failure = Failure(index, cell_name(cell), "the kernel died")
            except CellExecutionError:
                failure = Failure(index, cell_name(cell), _error_of(cell))
            if failure:
                break
    if failure is None:   # belt and braces: every code cell ran and none shows an error
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and (cell.execution_count is None and cell.source.strip()
                                             or any(o.get("output_type") == "error" for o in cell.outputs)):
                failure = Failure(index, cell_name(cell), _error_of(cell))
                break
    return nb, failure
