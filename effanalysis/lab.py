"""The analysts' environment: the project's kernel, clean notebooks, paired text forms, JupyterLab.

``python -m effanalysis.lab setup``   registers the kernel ``effanalysis`` inside the virtual
                                      environment and installs the git filter that strips outputs
``python -m effanalysis.lab start``   setup, then JupyterLab on notebooks/ (what ``make lab`` runs)
``python -m effanalysis.lab kernel``  only the kernel
``python -m effanalysis.lab sync``    rewrite notebooks/*.py (jupytext percent) from the .ipynb
``python -m effanalysis.lab check``   exit 1 if a notebook has outputs or its text form is stale
``effanalysis notebooks DIR``          copies of the bundled notebooks for an analyst (`write_notebooks`)
``python -I effanalysis/lab.py strip`` the git clean filter: a notebook on stdin, stripped on stdout

This module imports only the standard library at the top, so that the git filter can run it as a
plain script (without importing pandas through the package) each time git looks at a notebook.
"""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent   # the repository, for `make lab` (an editable install)
NOTEBOOKS = ROOT / "notebooks"                  # installed: effanalysis.notebooks (render.NOTEBOOKS)
BUNDLED = ("report", "corpus")                  # what `effanalysis notebooks DIR` writes
KERNEL_NAME = "effanalysis"
KERNEL_DISPLAY_NAME = "Python (effanalysis)"
FILTER_NAME = "effanalysis-nbstrip"
TEXT_FORMAT = "py:percent"          # the paired text form: notebooks/<name>.py

# Metadata that records a run rather than the document: dropped with the outputs.
CELL_METADATA_DROPPED = ("execution", "ExecuteTime", "collapsed", "scrolled", "papermill")
NOTEBOOK_METADATA_DROPPED = ("widgets", "papermill", "signature")

# JupyterLab without anything that reaches the network: no news, no update check, an extension
# manager that only lists what is installed.
OFFLINE_LAB_OPTIONS = (
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    "--LabApp.extension_manager=readonly",
)


# --- stripping -----------------------------------------------------------------------------------
def strip_notebook(nb: dict) -> dict:
    """A copy of the notebook JSON without outputs, execution counts and run metadata."""
    nb = json.loads(json.dumps(nb))
    meta = nb.get("metadata", {})
    for key in NOTEBOOK_METADATA_DROPPED:
        meta.pop(key, None)
    if isinstance(meta.get("language_info"), dict):
        meta["language_info"].pop("version", None)   # the analyst's Python, not the document's
    for cell in nb.get("cells", []):
        cmeta = cell.get("metadata", {})
        for key in CELL_METADATA_DROPPED:
            cmeta.pop(key, None)
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    return nb


def dumps_notebook(nb: dict) -> str:
    """Serialise as Jupyter does (nbformat: indent 1, sorted keys, UTF-8 kept), so that stripping an
    already clean notebook gives back the same bytes and git sees no change."""
    return json.dumps(nb, indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False) + "\n"


def strip_text(text: str) -> str:
    """Strip a notebook given as text; text that is not a notebook (a merge conflict…) is kept."""
    try:
        nb = json.loads(text)
    except ValueError:
        return text
    if not isinstance(nb, dict) or "cells" not in nb:
        return text
    return dumps_notebook(strip_notebook(nb))


def dirty_cells(nb: dict) -> list[str]:
    """What a committed notebook must not contain: one line per offending cell."""
    problems = []
    for i, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"cell {i}: {len(cell['outputs'])} output(s)")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {i}: execution count {cell['execution_count']}")
    return problems


# --- the kernel ----------------------------------------------------------------------------------
def kernel_dir(prefix: str | os.PathLike | None = None) -> Path:
    return Path(prefix or sys.prefix) / "share" / "jupyter" / "kernels" / KERNEL_NAME


def install_kernel(prefix: str | os.PathLike | None = None) -> Path:
    """Register this interpreter as the kernel ``effanalysis`` under ``prefix`` (default: the
    virtual environment, i.e. ``ipykernel install --sys-prefix``). Nothing user-level is written.

    The kernel gets the project's matplotlib cache (MPLCONFIGDIR), as ``make`` exports it."""
    from ipykernel.kernelspec import install

    env = {"MPLCONFIGDIR": str(ROOT / ".cache" / "matplotlib")}
    # ipykernel writes this interpreter's absolute path as argv[0]: the project's interpreter,
    # whichever Jupyter server or papermill run starts the kernel.
    return Path(install(kernel_name=KERNEL_NAME, display_name=KERNEL_DISPLAY_NAME,
                        prefix=str(prefix or sys.prefix), env=env))


# --- git -----------------------------------------------------------------------------------------
def filter_command() -> str:
    """The clean filter: this file run as a plain script (-I: no pandas import through the package,
    nothing from the current directory on sys.path)."""
    return f'"{sys.executable}" -I "{Path(__file__).resolve()}" strip'


def install_git_filter(repo: str | os.PathLike = ROOT) -> bool:
    """Configure the clean filter named in .gitattributes in the repository's own .git/config.

    Returns False (and changes nothing) outside a git work tree."""
    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)

    if git("rev-parse", "--is-inside-work-tree").returncode != 0:
        return False
    git("config", "--local", f"filter.{FILTER_NAME}.clean", filter_command())
    git("config", "--local", f"filter.{FILTER_NAME}.smudge", "cat")
    return True


# --- paired text forms ---------------------------------------------------------------------------
def notebooks(directory: str | os.PathLike = NOTEBOOKS) -> list[Path]:
    return sorted(p for p in Path(directory).glob("*.ipynb") if not p.name.startswith("."))


def text_path(ipynb: Path) -> Path:
    return ipynb.with_suffix(".py")


def text_form(ipynb: Path) -> str:
    """The jupytext percent form of a notebook, as ``sync`` writes it."""
    import jupytext

    nb = jupytext.read(ipynb)
    return jupytext.writes(nb, fmt=TEXT_FORMAT)


def _cells(nb) -> list[tuple[str, str, list]]:
    return [(c.cell_type, c.source.strip(), sorted(c.metadata.get("tags", []))) for c in nb.cells]


def out_of_sync(ipynb: Path) -> str | None:
    """None when notebooks/<name>.py holds the same cells (type, source, tags) as the .ipynb,
    otherwise a sentence saying how they differ."""
    import jupytext

    text = text_path(ipynb)
    if not text.exists():
        return f"{text.name} is missing"
    a, b = _cells(jupytext.read(ipynb)), _cells(jupytext.read(text))
    if len(a) != len(b):
        return f"{ipynb.name} has {len(a)} cells, {text.name} has {len(b)}"
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"cell {i} differs between {ipynb.name} and {text.name}"
    return None


def sync(directory: str | os.PathLike = NOTEBOOKS) -> list[Path]:
    """Rewrite each notebook's text form from the .ipynb (the .ipynb is what papermill runs, so it
    is the reference); returns the files that changed."""
    changed = []
    for ipynb in notebooks(directory):
        target, new = text_path(ipynb), text_form(ipynb)
        if not target.exists() or target.read_text(encoding="utf-8") != new:
            target.write_text(new, encoding="utf-8")
            changed.append(target)
    return changed


def check(directory: str | os.PathLike = NOTEBOOKS) -> list[str]:
    """Everything that would make the notebooks unfit to commit."""
    problems = []
    for ipynb in notebooks(directory):
        nb = json.loads(ipynb.read_text(encoding="utf-8"))
        problems += [f"{ipynb.name}: {p}" for p in dirty_cells(nb)]
        stale = out_of_sync(ipynb)
        if stale:
            problems.append(f"{ipynb.name}: {stale} (run `make sync-notebooks`)")
    return problems


# --- copies for an analyst --------------------------------------------------------------------------
def _with_default(source: str, name: str, value: str) -> str:
    """The parameters cell `source` with the default of parameter `name` replaced by the
    literal `value` (the rest of the line, its type and comment, kept)."""
    for node in ast.parse(source).body:
        target = node.target if isinstance(node, ast.AnnAssign) else node.targets[0] if isinstance(node, ast.Assign) else None
        if isinstance(target, ast.Name) and target.id == name and node.value is not None:
            if node.value.lineno != node.value.end_lineno:
                raise ValueError(f"the default of {name} spans lines")
            lines = source.splitlines(keepends=True)
            line = lines[node.value.lineno - 1].encode()   # ast's offsets count UTF-8 bytes
            lines[node.value.lineno - 1] = (line[:node.value.col_offset] + repr(value).encode()
                                            + line[node.value.end_col_offset:]).decode()
            return "".join(lines)
    return source


def analyst_copy(ipynb: Path):
    """The bundled notebook with its `source` default made absolute: the package's data file it
    names relative to the bundled notebook, so the copy runs from anywhere (papermill too)."""
    import nbformat

    from .render.parameters import parameters_cell, spec

    nb = nbformat.read(ipynb, as_version=4)
    cell = nb.cells[parameters_cell(nb)]
    default = spec(cell.source).get("source")
    if default is not None and isinstance(default.default, str) and default.default:
        bundled = (ipynb.parent / default.default).resolve()
        if bundled.is_file():
            cell.source = _with_default(cell.source, "source", str(bundled))
    return nb


def write_notebooks(directory: str | os.PathLike, force: bool = False) -> list[Path]:
    """Write report.ipynb and corpus.ipynb, with their jupytext twins (.py), into `directory`.
    Refuses (InputError, nothing written) when one of them exists, unless `force`."""
    import jupytext
    import nbformat

    from .errors import InputError
    from .render import NOTEBOOKS as bundled
    from .render.export import write_atomic

    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise InputError(directory, "is not a directory")
    files = {}
    for name in BUNDLED:
        nb = analyst_copy(bundled / f"{name}.ipynb")
        files[directory / f"{name}.ipynb"] = nbformat.writes(nb) + "\n"
        files[directory / f"{name}.py"] = jupytext.writes(nb, fmt=TEXT_FORMAT)
    existing = [p for p in files if p.exists()]
    if existing and not force:
        raise InputError(existing[0], "exists (use --force to overwrite)")
    return [write_atomic(path, text) for path, text in files.items()]


# --- JupyterLab ----------------------------------------------------------------------------------
def lab_argv(root_dir: str | os.PathLike = NOTEBOOKS, *extra: str) -> list[str]:
    """The JupyterLab command line: served from ``root_dir``, loopback only, offline, with the
    project's kernel as the default for new notebooks."""
    return [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={root_dir}",
            "--ServerApp.ip=127.0.0.1", f"--MappingKernelManager.default_kernel_name={KERNEL_NAME}",
            *OFFLINE_LAB_OPTIONS, *(["--allow-root"] if _is_root() else []), *extra]


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


LAB_DIRS = {"JUPYTER_CONFIG_DIR": "jupyter/config", "JUPYTER_DATA_DIR": "jupyter/data",
            "JUPYTER_RUNTIME_DIR": "jupyter/runtime", "JUPYTERLAB_WORKSPACES_DIR": "jupyter/workspaces",
            "IPYTHONDIR": "ipython", "MPLCONFIGDIR": "matplotlib"}


def lab_env(base: dict | None = None) -> dict:
    """Environment for ``make lab``: JupyterLab's settings, runtime files, workspaces, notebook
    signatures and the kernels' IPython history stay in the repository's .cache (variables already
    set win). The kernel itself lives in .venv, which Jupyter searches anyway."""
    env = dict(os.environ if base is None else base)
    for key, sub in LAB_DIRS.items():
        env.setdefault(key, str(ROOT / ".cache" / sub))
    return env


def setup() -> None:
    kernel = install_kernel()
    print(f"kernel {KERNEL_NAME}: {kernel}")
    if install_git_filter(ROOT):
        print(f"git filter {FILTER_NAME}: outputs are stripped from notebooks/*.ipynb on commit")


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    cmd = args.pop(0) if args else "check"
    if cmd == "strip":
        data = sys.stdin.buffer.read()
        try:
            data = strip_text(data.decode("utf-8")).encode("utf-8")
        except UnicodeDecodeError:
            pass                              # not a notebook: git gets the bytes back unchanged
        sys.stdout.buffer.write(data)
        return 0
    if cmd == "kernel":
        print(install_kernel())
        return 0
    if cmd == "setup":
        setup()
        return 0
    if cmd == "sync":
        for path in sync():
            print(f"updated {path.relative_to(ROOT)}")
        return 0
    if cmd == "check":
        problems = check()
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    if cmd == "start":
        setup()
        argv_ = lab_argv(NOTEBOOKS, *args)
        os.execve(argv_[0], argv_, lab_env())
    print("usage: python -m effanalysis.lab [setup|start|kernel|sync|check|strip]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
