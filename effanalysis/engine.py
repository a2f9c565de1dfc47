"""The papermill engine "effanalysis" (registered through the `papermill.engine` entry point).

It differs from papermill's default engine in three things:

- the kernel is `sys.executable -m ipykernel_launcher`, whatever kernels the user
  has registered (no NoSuchKernel in virtual environments, no stale `python3`
  spec pointing at another Python), without IPython history;
- the kernel imports this package's modules that the cells import in a background
  thread while it waits for its first cell (effanalysis.warmup): start-up time that
  is otherwise spent idle;
- a timed-out cell and a dead kernel are failures like a raising cell (papermill
  marks a timed-out cell "completed" and leaves the error to the caller): the cell
  gets an error output, so papermill flags the notebook (metadata.papermill
  .exception) and raises PapermillExecutionError naming the cell.

papermill loads this module while it is itself being imported (its entry points are
read at the end of papermill.engines), so import papermill first, never this module
on its own (effanalysis.render.execute does so).
"""
from __future__ import annotations

import ast
import os
import subprocess
import sys

import nbformat
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine
from papermill.models import Parameter as PapermillParameter
from papermill.translators import PythonTranslator, papermill_translators
from traitlets import List, Unicode

from . import warmup
from .render.parameters import spec

NAME = "effanalysis"   # the engine's name in the papermill.engine entry points (pyproject.toml)
FAILED_ENAMES = {"CellTimeoutError", "DeadKernelError"}   # failures the engine writes into the cell itself
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


def _kernel_env(extra: dict | None = None) -> dict[str, str]:
    env = {**os.environ, **(extra or {})}
    env.pop("MPLBACKEND", None)   # the inline backend, as in JupyterLab
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"   # quiet debugger warning on frozen modules
    return env


class _Client(PapermillNotebookClient):
    """papermill's client; a timed-out cell and a dead kernel fail the cell (see above)."""

    def papermill_execute_cells(self):
        for index, cell in enumerate(self.nb.cells):
            try:
                self.nb_man.cell_start(cell, index)
                self.execute_cell(cell, index)
            except CellExecutionError as ex:
                self.nb_man.cell_exception(self.nb.cells[index], cell_index=index, exception=ex)
                break
            except (CellTimeoutError, DeadKernelError) as ex:
                message = f"timed out after {self.timeout:g} s" if isinstance(ex, CellTimeoutError) else "the kernel died"
                cell.outputs.append(nbformat.v4.new_output("error", ename=type(ex).__name__, evalue=message,
                                                           traceback=[message]))
                self.nb_man.cell_exception(cell, cell_index=index, exception=ex)
                break
            finally:
                self.nb_man.cell_complete(self.nb.cells[index], cell_index=index)

    def execute(self, **kwargs):
        """papermill's `execute`, without asking a kernel that failed for its language_info
        (a timed-out kernel is still busy, a dead one never answers)."""
        self.reset_execution_trackers()
        with self.setup_kernel(**kwargs):
            self.papermill_execute_cells()
            if not self.nb.metadata.papermill.get("exception"):
                info = self.wait_for_reply(self.kc.kernel_info())
                self.nb.metadata["language_info"] = info["content"]["language_info"]
            self.set_widgets_metadata()
        return self.nb


class Engine(NBClientEngine):
    """The papermill engine "effanalysis": this interpreter's kernel, warmed up (see above)."""

    @classmethod
    def nb_kernel_name(cls, nb, name=None):
        return KERNEL_NAME   # whatever the notebook or the caller names

    @classmethod
    def nb_language(cls, nb, language=None):
        return "python"

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None, stderr_file=None,
                                 start_timeout=60, execution_timeout=None, **kwargs):
        # connection_file: where the caller wants the kernel's key (render: its scratch directory,
        # which a later run removes if this process is killed); default the temp directory
        env = _kernel_env(kwargs.pop("kernel_env", None))   # render: where its prepared report is
        km = AsyncKernelManager(kernel_spec_manager=ThisInterpreter(preload=imported_modules(nb_man.nb)),
                                kernel_name=KERNEL_NAME, connection_file=kwargs.pop("connection_file", ""))
        client = _Client(nb_man, km=km, timeout=execution_timeout, startup_timeout=start_timeout,
                         kernel_name=KERNEL_NAME, log_output=log_output, stdout_file=stdout_file,
                         stderr_file=stderr_file, allow_errors=False, record_timing=True,
                         shutdown_kernel="immediate")
        # The kernel's own stderr carries only start-up chatter (e.g. ipykernel's "running over
        # TCP" warning); cell errors arrive as messages. cleanup_kc: nbclient only shuts down
        # kernels of managers it created itself; without it every run leaves its kernel running.
        return client.execute(env=env, stderr=subprocess.DEVNULL, cleanup_kc=True)


class Translator(PythonTranslator):
    """Python parameters, read with the parser our own validation uses (render.parameters).

    papermill's regex reads no annotation with quotes or `|` in it, so for
    `lang: Literal["zh", "en"] | None = None` it warned "Passed unknown parameter: lang"
    on every render and `papermill --help-notebook` did not list it. Writing parameters
    is papermill's own (the parent class)."""

    @classmethod
    def inspect(cls, parameters_cell):
        try:
            declared = spec(parameters_cell["source"])
        except (SyntaxError, ValueError):
            return super().inspect(parameters_cell)   # not ours to judge: papermill's reading
        return [PapermillParameter(p.name, p.type_name, repr(p.default), p.help) for p in declared.values()]


# papermill finds translators by kernel name before language and has no entry point for them;
# this module is loaded through its engine entry point when papermill is imported, so the
# notebooks' kernel ("effanalysis") and the engine's own are known to papermill whenever it runs.
for _kernel in (NAME, KERNEL_NAME):
    papermill_translators.register(_kernel, Translator)
