"""Notebooks stay reviewable: no outputs or execution counts committed, a paired text form in sync,
a git filter that strips outputs, the project's kernel, and a JupyterLab command line that is offline."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from effanalysis import lab

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ("report.ipynb", "corpus.ipynb")
NAMES = sorted(set(EXPECTED) | {p.name for p in lab.notebooks(ROOT / "notebooks")})


def _committed(relpath: str, root: Path = ROOT) -> str | None:
    """A file as git commits it: the index, i.e. what the clean filter let through (an analyst's
    working copy may hold outputs); the working copy for an untracked file or outside git."""
    out = subprocess.run(["git", "-C", str(root), "show", f":{relpath}"], capture_output=True)
    if out.returncode == 0:
        return out.stdout.decode("utf-8")
    path = root / relpath
    return path.read_text(encoding="utf-8") if path.exists() else None


@pytest.fixture(scope="module")
def committed(tmp_path_factory) -> Path:
    """notebooks/*.ipynb and their text twins, as committed, in a temporary directory."""
    directory = tmp_path_factory.mktemp("committed")
    for name in NAMES:
        for file in (name, Path(name).with_suffix(".py").name):
            text = _committed(f"notebooks/{file}")
            if text is not None:
                (directory / file).write_text(text, encoding="utf-8")
    return directory


def _dirty_notebook() -> dict:
    """A notebook as JupyterLab or papermill leaves it: outputs, counts, run metadata."""
    nb = nbformat.v4.new_notebook()
    nb.metadata.update(kernelspec={"name": "effanalysis", "display_name": "Python (effanalysis)",
                                   "language": "python"},
                       language_info={"name": "python", "version": "3.11.7"},
                       widgets={"application/vnd.jupyter.widget-state+json": {"state": {}}},
                       papermill={"duration": 1.2})
    md = nbformat.v4.new_markdown_cell("# 效能建设自查报告")
    params = nbformat.v4.new_code_cell('source = "data/raw/000.txt"', metadata={"tags": ["parameters"]})
    code = nbformat.v4.new_code_cell("report.claims", execution_count=3, outputs=[
        nbformat.v4.new_output("execute_result", data={"text/plain": "   surface\n0  800万元"}, execution_count=3),
        nbformat.v4.new_output("stream", name="stderr", text="warning\n"),
    ])
    code.metadata.update(execution={"iopub.status.busy": "2026-01-01T00:00:00Z"}, scrolled=True,
                         papermill={"status": "completed"})
    nb.cells = [md, params, code]
    return json.loads(nbformat.writes(nb))


# --- the committed notebooks ---------------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_committed_notebook_has_no_outputs_or_counts(committed, name):
    assert (committed / name).exists(), f"notebooks/{name} is missing"
    nb = json.loads((committed / name).read_text(encoding="utf-8"))
    assert lab.dirty_cells(nb) == []
    assert not set(lab.NOTEBOOK_METADATA_DROPPED) & set(nb["metadata"])


@pytest.mark.parametrize("name", NAMES)
def test_committed_notebook_is_what_the_filter_commits(committed, name):
    """Stripping a committed notebook changes nothing: opening and saving it in JupyterLab with the
    filter installed shows no diff beyond what the analyst changed."""
    text = (committed / name).read_text(encoding="utf-8")
    assert lab.strip_text(text) == text


@pytest.mark.parametrize("name", NAMES)
def test_committed_notebook_uses_the_project_kernel(committed, name):
    kernelspec = json.loads((committed / name).read_text(encoding="utf-8"))["metadata"].get("kernelspec", {})
    assert kernelspec.get("name") == lab.KERNEL_NAME


@pytest.mark.parametrize("name", NAMES)
def test_paired_text_form_is_in_sync(committed, name):
    assert lab.out_of_sync(committed / name) is None


# --- stripping -----------------------------------------------------------------------------------
def test_strip_removes_outputs_counts_and_run_metadata_and_keeps_the_document():
    dirty = _dirty_notebook()
    clean = json.loads(lab.strip_text(json.dumps(dirty)))
    assert lab.dirty_cells(dirty) and lab.dirty_cells(clean) == []
    assert [c["source"] for c in clean["cells"]] == [c["source"] for c in dirty["cells"]]
    assert clean["cells"][1]["metadata"] == {"tags": ["parameters"]}
    assert clean["cells"][2]["metadata"] == {}
    assert "widgets" not in clean["metadata"] and "papermill" not in clean["metadata"]
    assert clean["metadata"]["kernelspec"]["name"] == "effanalysis"
    assert clean["metadata"]["language_info"] == {"name": "python"}
    nbformat.validate(nbformat.from_dict(clean))


def test_strip_is_idempotent_and_leaves_other_text_alone():
    once = lab.strip_text(json.dumps(_dirty_notebook()))
    assert lab.strip_text(once) == once
    conflict = "<<<<<<< HEAD\n{\"cells\": []}\n=======\n{}\n>>>>>>> other\n"
    assert lab.strip_text(conflict) == conflict


def test_strip_keeps_a_clean_notebook_byte_for_byte():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("一、主要做法"), nbformat.v4.new_code_cell("x = 1\ny = 2")]
    text = nbformat.writes(nb) + "\n"   # what nbformat.write puts on disk
    assert lab.strip_text(text) == text


def test_git_filter_strips_outputs_from_what_is_committed(tmp_path):
    """On a temporary repository: the committed blob has no outputs, the analyst's file keeps them,
    and outputs alone do not show as a change."""
    env = {**os.environ, "HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True,
                              capture_output=True, text=True).stdout

    git("init", "-q")
    shutil.copy(ROOT / ".gitattributes", tmp_path / ".gitattributes")
    assert lab.install_git_filter(tmp_path)
    work = tmp_path / "notebooks" / "report.ipynb"
    work.parent.mkdir()
    work.write_text(json.dumps(_dirty_notebook(), indent=1), encoding="utf-8")
    git("add", ".gitattributes", "notebooks/report.ipynb")
    git("commit", "-q", "-m", "notebook")

    committed = json.loads(git("show", "HEAD:notebooks/report.ipynb"))
    assert lab.dirty_cells(committed) == []
    assert "".join(committed["cells"][2]["source"]) == "report.claims"
    assert lab.dirty_cells(json.loads(work.read_text(encoding="utf-8")))   # outputs kept locally
    assert git("status", "--porcelain") == ""
    assert lab.dirty_cells(json.loads(_committed("notebooks/report.ipynb", tmp_path))) == []

    edited = _dirty_notebook()
    edited["cells"][2]["source"] = "report.claims.head()"
    work.write_text(json.dumps(edited, indent=1), encoding="utf-8")
    assert git("status", "--porcelain").split() == ["M", "notebooks/report.ipynb"]
    diff = git("diff")
    assert "report.claims.head()" in diff and "800万元" not in diff


def test_filter_script_passes_bytes_that_are_not_a_notebook_through():
    for data in (b"\xff\xfe not UTF-8", "<<<<<<< HEAD\n".encode()):
        out = subprocess.run([sys.executable, "-I", lab.__file__, "strip"], input=data,
                             capture_output=True, check=True).stdout
        assert out == data


def test_install_git_filter_outside_a_repository_changes_nothing(tmp_path):
    assert lab.install_git_filter(tmp_path) is False
    assert not (tmp_path / ".git").exists()


# --- paired text forms ---------------------------------------------------------------------------
def test_sync_writes_percent_text_and_the_check_sees_edits(tmp_path):
    path = tmp_path / "report.ipynb"
    path.write_text(json.dumps(_dirty_notebook()), encoding="utf-8")
    assert lab.out_of_sync(path) == "report.py is missing"
    assert lab.sync(tmp_path) == [tmp_path / "report.py"]
    text = (tmp_path / "report.py").read_text(encoding="utf-8")
    assert '# %% tags=["parameters"]' in text and "# # 效能建设自查报告" in text
    assert "800万元" not in text                     # outputs never reach the text form
    assert lab.out_of_sync(path) is None and lab.sync(tmp_path) == []
    assert lab.check(tmp_path) == ["report.ipynb: cell 2: 2 output(s)", "report.ipynb: cell 2: execution count 3"]

    (tmp_path / "report.py").write_text(text.replace("report.claims", "report.claims.head()"), encoding="utf-8")
    assert lab.out_of_sync(path) == "cell 2 differs between report.ipynb and report.py"


# --- kernel and JupyterLab -----------------------------------------------------------------------
def test_kernel_is_registered_under_the_prefix_for_this_interpreter(tmp_path):
    from jupyter_client.kernelspec import KernelSpecManager

    path = lab.install_kernel(tmp_path)
    assert path == tmp_path / "share" / "jupyter" / "kernels" / "effanalysis"
    spec = KernelSpecManager(kernel_dirs=[str(path.parent)]).get_kernel_spec("effanalysis")
    assert spec.argv[0] == sys.executable
    assert "ipykernel_launcher" in spec.argv
    assert spec.env["MPLCONFIGDIR"] == str(ROOT / ".cache" / "matplotlib")


def test_lab_command_line_is_loopback_and_offline():
    from jupyterlab.handlers.announcements import NeverCheckForUpdate
    from jupyterlab.labapp import LabApp

    app = LabApp()
    app.parse_command_line(lab.lab_argv(ROOT / "notebooks")[3:])   # after `python -m jupyterlab`
    assert app.news_url is None
    assert app.check_for_updates_class is NeverCheckForUpdate
    assert app.extension_manager == "readonly"
    assert app.config.ServerApp.ip == "127.0.0.1"
    assert app.config.ServerApp.root_dir == str(ROOT / "notebooks")
    assert app.config.MappingKernelManager.default_kernel_name == "effanalysis"


def test_lab_env_keeps_jupyter_files_in_the_repository():
    env = lab.lab_env({"IPYTHONDIR": "/elsewhere"})
    for key in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR",
                "JUPYTERLAB_WORKSPACES_DIR", "MPLCONFIGDIR"):
        assert Path(env[key]).is_relative_to(ROOT / ".cache")
    assert env["IPYTHONDIR"] == "/elsewhere"                      # the analyst's choice wins


def test_lab_env_still_finds_the_kernel_in_the_virtual_environment(tmp_path):
    """With Jupyter's user dirs moved into .cache, the kernel in .venv is still on the path."""
    lab.install_kernel()                                            # as the set-up of `make` does
    env = lab.lab_env({"PATH": os.environ.get("PATH", "")})
    env.update({k: str(tmp_path / k) for k in lab.LAB_DIRS})      # not the repository's .cache here
    out = subprocess.run([sys.executable, "-m", "jupyter_client.kernelspecapp", "list", "--json"],
                         env=env, capture_output=True, text=True, check=True).stdout
    specs = json.loads(out)["kernelspecs"]
    assert Path(specs["effanalysis"]["resource_dir"]) == lab.kernel_dir()


# --- notebooks that read as documents ------------------------------------------------------------
def _parameters(nb):
    """The parameters cell's index and its parameters, as the render step reads them."""
    from effanalysis.render import parameters

    index = parameters.parameters_cell(nb)
    return index, parameters.spec(nb.cells[index].source)


@pytest.mark.parametrize("name", EXPECTED)
def test_notebook_reads_as_a_document(name):
    """A title cell (for JupyterLab only: the page has its own title), an introduction, every
    parameter explained on its line, and after the set-up cell no code cell without a Markdown
    cell before it."""
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    title, intro = nb.cells[0], nb.cells[1]
    assert title.cell_type == "markdown" and title.source.startswith("# ") and "\n" not in title.source
    assert title.metadata.get("tags") == ["lab-only"]
    assert intro.cell_type == "markdown" and len(intro.source) > 40
    index, params = _parameters(nb)
    assert params
    assert [p.name for p in params.values() if not p.help] == []   # each explained on its line
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and i > index]
    unexplained = [i for i in code[1:] if nb.cells[i - 1].cell_type != "markdown"]
    assert unexplained == []


@pytest.mark.parametrize("name, data", [("report.ipynb", "data/raw"), ("corpus.ipynb", "data/corpus")])
def test_notebook_starts_from_the_bundled_data(name, data):
    _, params = _parameters(nbformat.read(ROOT / "notebooks" / name, as_version=4))
    source = (ROOT / "notebooks" / params["source"].default).resolve()
    assert source.is_file() and source.parent == ROOT / data
