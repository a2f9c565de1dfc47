"""Rendering: parameters validated before any kernel, injected as data; failures are failures;
the page is written atomically; the kernel is this interpreter; charts have CJK glyphs."""
from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import textwrap
from html import unescape
from pathlib import Path

import nbformat
import pytest

import effanalysis.render as render_mod
from effanalysis import cli
from effanalysis.errors import InputError
from effanalysis.render import RenderError, parameters, parse_parameters, render

ROOT = Path(__file__).resolve().parent.parent
REPORT_NB = ROOT / "notebooks" / "report.ipynb"


def _declared():
    nb = nbformat.read(REPORT_NB, as_version=4)
    return parameters.spec(nb.cells[parameters.parameters_cell(nb)].source)


def _notebook(path: Path, *code: str, params: str = 'title: str = "标题"  # the title\ntop_n: int = 3  # how many\n',
              kernel: str = "python3") -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": kernel, "display_name": kernel, "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("# 试验 Trial"),
                nbformat.v4.new_code_cell(params, metadata={"tags": ["parameters"]}),
                *[nbformat.v4.new_code_cell(c) for c in code]]
    nbformat.write(nb, path)
    return path


def _no_kernel(monkeypatch):
    """Make starting a kernel a test failure (validation must come first)."""
    def boom(*a, **k):
        raise AssertionError("a kernel was started")
    monkeypatch.setattr(render_mod.execute, "run", boom)


# --- parameters -----------------------------------------------------------------------------------
def test_report_notebook_declares_typed_commented_parameters():
    declared = _declared()
    assert list(declared)[:2] == ["source", "doc"]
    assert {"title", "top_n"} <= set(declared)
    assert declared["top_n"].type == "int" and isinstance(declared["top_n"].default, int)
    assert declared["doc"].optional and declared["doc"].default is None
    assert all(p.help for p in declared.values()), "every parameter has a comment"
    # the default source is the seed report, relative to the notebook
    assert (REPORT_NB.parent / declared["source"].default).resolve() == (ROOT / "data/raw/000_b8b61ae6203f38bb.txt")


def test_validate_converts_and_rejects():
    declared = _declared()
    got = parameters.validate(declared, {"top_n": "7", "show_text": "false", "doc": "", "title": "效能"})
    assert got == {"top_n": 7, "show_text": False, "doc": None, "title": "效能"}
    with pytest.raises(InputError, match=r"top_n: expected an integer, got 'abc'"):
        parameters.validate(declared, {"top_n": "abc"})
    with pytest.raises(InputError) as e:
        parameters.validate(declared, {"topn": "3"})
    msg = str(e.value)
    assert "unknown parameter topn" in msg and all(name in msg for name in declared)
    with pytest.raises(InputError, match="true or false"):
        parameters.validate(declared, {"show_text": "maybe"})


def test_parse_parameters():
    assert parse_parameters(["top_n=5", "title=a=b", "doc="]) == {"top_n": "5", "title": "a=b", "doc": ""}
    with pytest.raises(InputError, match="NAME=VALUE"):
        parse_parameters(["top_n"])


HOSTILE = '"); import os; os.system("touch PWNED"); ("\'\n<script>alert(1)</script>\\u0022'


# --- validation happens before a kernel (exit 2, one line) -----------------------------------------
@pytest.mark.parametrize("argv, expected", [
    (["-p", "top_n=abc"], "top_n: expected an integer, got 'abc'"),
    (["-p", "colour=red"], "unknown parameter colour; valid parameters: source (str), doc (str | None)"),
    (["-p", "oops"], "is not NAME=VALUE"),
])
def test_bad_parameter_exits_2_before_a_kernel(argv, expected, tmp_path, monkeypatch, capsys):
    _no_kernel(monkeypatch)
    assert cli.main(["render", "-o", str(tmp_path), *argv]) == 2
    err = capsys.readouterr().err
    assert expected in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_missing_source_exits_2_before_a_kernel(tmp_path, monkeypatch, capsys):
    _no_kernel(monkeypatch)
    assert cli.main(["render", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "nope.txt: no such file" in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_missing_corpus_document_exits_2(corpus_path, tmp_path, monkeypatch, capsys):
    _no_kernel(monkeypatch)
    assert cli.main(["render", str(corpus_path), "-p", "doc=1900年政府工作报告", "-o", str(tmp_path)]) == 2
    assert "has no document '1900年政府工作报告'" in capsys.readouterr().err


# --- failures are failures -------------------------------------------------------------------------
def test_raising_cell_exits_1_keeps_notebook_and_old_page(tmp_path, monkeypatch, capsys):
    nbdir = tmp_path / "nb"
    nbdir.mkdir()
    _notebook(nbdir / "report.ipynb", "x = 1", 'raise ValueError("坏了 broken")',
              params=f'source: str = "{os.path.relpath(ROOT / "data/raw/000_b8b61ae6203f38bb.txt", nbdir)}"  # s\n'
                     'doc: str | None = None  # d\n')
    monkeypatch.setattr(render_mod, "NOTEBOOKS", nbdir)
    out = tmp_path / "out"
    seed = effanalysis_seed()
    page = out / f"{seed.slug}.html"
    out.mkdir()
    page.write_text("previous good page")
    assert cli.main(["render", "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    # cell 4 of the notebook: no parameter was given, so papermill injected no cell
    assert err.startswith("effanalysis: render failed: cell 4 (raise ValueError(\"坏了 broken\")) failed: "
                          "ValueError: 坏了 broken")
    assert page.read_text() == "previous good page"
    kept = out / "failed" / f"{seed.slug}.ipynb"
    nb = nbformat.read(kept, as_version=4)
    code = {c.source: c for c in nb.cells if c.cell_type == "code"}
    assert code['raise ValueError("坏了 broken")'].outputs[0]["ename"] == "ValueError"
    assert code["x = 1"].execution_count is not None
    assert nb.metadata.papermill.exception is True   # papermill's own record of the failure
    assert sorted(p.name for p in out.iterdir()) == sorted(["failed", page.name])   # no temporary file left


def effanalysis_seed():
    import effanalysis

    return effanalysis.load()


def test_timeout_is_a_failure(tmp_path):
    nb = _notebook(tmp_path / "slow.ipynb", "import time", "time.sleep(60)", "after = 1")
    with pytest.raises(RenderError) as e:
        render(None, tmp_path / "out", notebook=nb, timeout=2)
    assert "cell 4 (time.sleep(60)) failed: timed out after 2 s" in str(e.value)
    executed = nbformat.read(e.value.notebook, as_version=4)
    assert executed.cells[-1].execution_count is None          # nothing ran after the timeout
    # papermill alone would mark the timed-out cell "completed"; the engine records a failure
    slow = next(c for c in executed.cells if c.source == "time.sleep(60)")
    assert slow.metadata.papermill.status == "failed" and executed.metadata.papermill.exception is True
    assert not list((tmp_path / "out").glob("*.html"))
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["failed"]


def test_kernel_is_this_interpreter_whatever_is_registered(tmp_path, monkeypatch):
    # A registered "python3" kernel that cannot start, and a notebook asking for a kernel nobody has.
    kdir = tmp_path / "jupyter" / "kernels" / "python3"
    kdir.mkdir(parents=True)
    (kdir / "kernel.json").write_text(json.dumps({"argv": ["/nonexistent/python", "-m", "ipykernel_launcher",
                                                           "-f", "{connection_file}"], "display_name": "broken",
                                                  "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jupyter"))
    for kernel in ("python3", "no-such-kernel"):
        nb = _notebook(tmp_path / f"{kernel}.ipynb", "import sys; print(sys.executable, title, top_n)", kernel=kernel)
        page = render(None, tmp_path / "out", {"title": "效能", "top_n": 4}, notebook=nb, keep_notebook=True)
        executed = nbformat.read(page.with_suffix(".ipynb"), as_version=4)
        assert executed.cells[-1].outputs[0]["text"].strip() == f"{sys.executable} 效能 4"


def test_a_render_leaves_no_ipython_history(tmp_path, monkeypatch):
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    nb = _notebook(tmp_path / "t.ipynb", "import IPython; print(IPython.get_ipython().history_manager.enabled)")
    page = render(None, tmp_path / "out", notebook=nb, keep_notebook=True)
    executed = nbformat.read(page.with_suffix(".ipynb"), as_version=4)
    assert executed.cells[-1].outputs[0]["text"].strip() == "False"
    assert not list((tmp_path / "ipython").rglob("history.sqlite"))


def test_hostile_parameter_is_not_executed(tmp_path):
    marker = tmp_path / "PWNED"
    hostile = f'效能"); import pathlib; pathlib.Path(r"{marker}").touch(); ("</pre><b>\'\n\\u0022'
    nb = _notebook(tmp_path / "t.ipynb", "print(repr(title))")
    page = render(None, tmp_path / "out", {"title": hostile, "top_n": "4"}, notebook=nb, keep_notebook=True,
                  show_code=True)
    assert not marker.exists()
    executed = nbformat.read(page.with_suffix(".ipynb"), as_version=4)
    assert executed.cells[-1].outputs[0]["text"].strip() == repr(hostile)
    # papermill's injected cell is assignments of literals only, recorded as given (validated: 4 is an int)
    injected = next(c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", []))
    tree = ast.parse(injected.source)
    assert all(isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant) for n in tree.body)
    assert {n.targets[0].id: n.value.value for n in tree.body} == {"title": hostile, "top_n": 4}
    assert executed.metadata.papermill.parameters == {"title": hostile, "top_n": 4}
    html = page.read_text(encoding="utf-8")
    # show_code: the code is on the page, escaped
    codes = [unescape(c) for c in re.findall(r'<pre class="code"><code>(.*?)</code></pre>', html, flags=re.S)]
    assert any("print(repr(title))" in c for c in codes)
    assert "</pre><b>" not in html


def test_code_is_hidden_by_default_and_success_clears_an_old_failure(tmp_path):
    nb = _notebook(tmp_path / "t.ipynb", "print('visible output')")
    stale = tmp_path / "out" / "failed" / "t-default.ipynb"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}")
    html = render(None, tmp_path / "out", notebook=nb).read_text(encoding="utf-8")
    assert "visible output" in html and '<pre class="code">' not in html and "print(" not in html
    assert not stale.exists()


# --- charts: CJK glyphs from the wheel on a fresh install ------------------------------------------
GLYPH_CHECK = textwrap.dedent("""
    import json, warnings
    from matplotlib import font_manager
    # a machine without system CJK fonts: forget every CJK font matplotlib found
    font_manager.fontManager.ttflist = [f for f in font_manager.fontManager.ttflist if "CJK" not in f.name]
    from matplotlib.figure import Figure
    def draw():
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            fig = Figure(); ax = fig.add_subplot(); ax.set_title("效能建设 专利申报 185件")
            fig.savefig(__import__("io").BytesIO(), format="png")
        return [str(x.message) for x in w if "missing from font" in str(x.message)]
    before = draw()
    from effanalysis import bars, plots
    import effanalysis
    family = plots.setup_fonts()
    after = draw()
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        plots.to_png(bars.section_lengths(effanalysis.load().sections).figure())
    charts = [str(x.message) for x in w if "missing from font" in str(x.message)]
    found = font_manager.findfont(family, fallback_to_default=False)
    print(json.dumps({"before": len(before), "after": after, "charts": charts, "found": found}))
""")


def test_cjk_glyphs_without_system_fonts(tmp_path):
    env = {**os.environ, "MPLCONFIGDIR": str(tmp_path / "fresh-mpl-cache")}
    env.pop("MPLBACKEND", None)
    out = subprocess.run([sys.executable, "-c", GLYPH_CHECK], env=env, capture_output=True, text=True,
                         cwd=ROOT, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    from effanalysis.plots import font_path

    assert result["before"] > 0, "without the wheel's font the check must see missing glyphs"
    assert result["after"] == [] and result["charts"] == []
    assert Path(result["found"]) == font_path()
    assert (tmp_path / "fresh-mpl-cache").is_dir()   # the cache went where MPLCONFIGDIR said


# --- nothing half-written ----------------------------------------------------------------------------
def test_write_atomic_leaves_old_file_when_the_rename_fails(tmp_path, monkeypatch):
    from effanalysis.render import export

    page = tmp_path / "page.html"
    export.write_atomic(page, "旧 old")
    def fail(*a):
        raise OSError("disk full")
    monkeypatch.setattr("os.replace", fail)
    with pytest.raises(OSError, match="disk full"):
        export.write_atomic(page, "新 new " * 1000)
    assert page.read_text(encoding="utf-8") == "旧 old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_export_failure_keeps_the_previous_page(tmp_path, monkeypatch):
    from effanalysis.render import export

    nb = _notebook(tmp_path / "t.ipynb", "print(1)")
    out = tmp_path / "out"
    good = render(None, out, notebook=nb)
    before = good.read_bytes()
    def broken(*a, **k):
        raise RuntimeError("template exploded")
    monkeypatch.setattr(export, "to_html", broken)
    with pytest.raises(RuntimeError, match="template exploded"):
        render(None, out, {"title": "新"}, notebook=nb)
    assert good.read_bytes() == before and sorted(p.name for p in out.iterdir()) == [good.name]


def test_untyped_parameters_are_typed_by_their_default():
    declared = parameters.spec('n = 3  # count\nname = "效能"\nratio = 0.5\nflag = False\nmaybe = None  # m\nx: float = 1\n')
    assert {k: (p.type, p.optional, p.default, p.help) for k, p in declared.items()} == {
        "n": ("int", False, 3, "count"), "name": ("str", False, "效能", ""), "ratio": ("float", False, 0.5, ""),
        "flag": ("bool", False, False, ""), "maybe": ("str", True, None, "m"), "x": ("float", False, 1, "")}
    assert parameters.validate(declared, {"n": "4", "ratio": "2", "maybe": "a"}) == {"n": 4, "ratio": 2.0, "maybe": "a"}
    with pytest.raises(InputError, match="ratio: expected a finite number"):
        parameters.validate(declared, {"ratio": "nan"})


def test_a_dying_kernel_is_a_failure(tmp_path):
    nb = _notebook(tmp_path / "die.ipynb", "import os", "os._exit(3)")
    with pytest.raises(RenderError, match=r"cell 4 \(os._exit\(3\)\) failed: the kernel died"):
        render(None, tmp_path / "out", notebook=nb)
    assert not list((tmp_path / "out").glob("*.html"))


# --- papermill on the command line gives the same page ---------------------------------------------
def _page_of(executed) -> str:
    from effanalysis.render import export

    return export.to_html(executed, title="t", parameters=[])


@pytest.mark.slow
def test_papermill_command_line_gives_the_same_page(tmp_path):
    """The same notebook and parameters through `papermill` (its default engine, the kernelspec
    "effanalysis") and through `effanalysis render` (papermill's API, engine "effanalysis"):
    the same injected parameters, the same page."""
    out = tmp_path / "pm.ipynb"
    papermill_cli = Path(sys.executable).with_name("papermill")
    subprocess.run([str(papermill_cli), str(REPORT_NB), str(out), "-p", "top_n", "5", "--cwd", str(REPORT_NB.parent),
                    "--no-progress-bar"], check=True, capture_output=True, cwd=tmp_path)
    by_papermill = nbformat.read(out, as_version=4)
    page = render(None, tmp_path / "render", {"top_n": "5"}, keep_notebook=True)
    by_render = nbformat.read(page.with_suffix(".ipynb"), as_version=4)
    for nb in (by_papermill, by_render):
        assert nb.metadata.papermill.parameters == {"top_n": 5} and nb.metadata.papermill.exception is None
    injected = [[c.source for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
                for nb in (by_papermill, by_render)]
    assert injected[0] == injected[1] and len(injected[0]) == 1
    assert _page_of(by_papermill) == _page_of(by_render)
    # the page's parameter table names the default source as the file it is, not as ../data/…
    html = page.read_text(encoding="utf-8")
    assert "000_b8b61ae6203f38bb.txt" in html and "../data/raw" not in html


def test_papermill_reads_every_parameter_the_notebooks_declare():
    # papermill's own regex reads no `Literal["zh", "en"] | None`: it warned "Passed unknown
    # parameter: lang" on every render and left lang out of --help-notebook. Our translator reads
    # the cell with the parser the validation uses, for the notebooks' kernel and the engine's.
    import papermill

    for nb in (REPORT_NB, ROOT / "notebooks" / "corpus.ipynb"):
        found = papermill.inspect_notebook(str(nb))
        declared = parameters.spec(nbformat.read(nb, as_version=4).cells[parameters.parameters_cell(
            nbformat.read(nb, as_version=4))].source)
        assert list(found) == list(declared), nb.name
        assert found["lang"]["inferred_type_name"] == "'zh' | 'en' | None"


def test_a_render_with_a_literal_parameter_warns_of_nothing(tmp_path, caplog):
    import logging

    caplog.set_level(logging.WARNING, logger="papermill")
    render(None, tmp_path, {"lang": "en", "top_n": 3})
    assert not [r for r in caplog.records if "unknown parameter" in r.getMessage()]


def test_notebook_commands_skip_the_unused_iri_checker_and_still_validate():
    """jsonschema's optional iri checker (rfc3987_syntax) costs 1.8 s per process and no notebook
    schema uses it (effanalysis.cli.skip_unused_iri_checker); nbformat must still reject a
    notebook that breaks its schema."""
    code = textwrap.dedent("""
        import sys
        from effanalysis import cli
        cli.skip_unused_iri_checker()
        import nbformat
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell("1")]
        nbformat.validate(nb)
        nb.cells[0]["execution_count"] = "not a number"
        try:
            nbformat.validate(nb)
            print("accepted")
        except nbformat.ValidationError:
            print("rejected", sys.modules.get("rfc3987_syntax"))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "rejected None"
