"""`effanalysis notebooks DIR`: copies of the bundled notebooks an analyst can open or run anywhere."""
from __future__ import annotations

from pathlib import Path

import nbformat

from effanalysis import cli, default_source, lab
from effanalysis.render import parameters

NAMES = ["corpus.ipynb", "corpus.py", "report.ipynb", "report.py"]


def _source_default(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    return parameters.spec(nb.cells[parameters.parameters_cell(nb)].source)["source"].default


def test_writes_both_notebooks_and_their_twins_with_absolute_defaults(tmp_path, capsys):
    assert cli.main(["notebooks", str(tmp_path / "work")]) == 0
    work = tmp_path / "work"
    assert sorted(p.name for p in work.iterdir()) == NAMES
    assert sorted(Path(line).name for line in capsys.readouterr().out.split()) == NAMES
    # the defaults name the package's data files, so the copy runs from any directory
    assert Path(_source_default(work / "report.ipynb")) == default_source()
    corpus = Path(_source_default(work / "corpus.ipynb"))
    assert corpus.is_absolute() and corpus.is_file() and corpus.suffix == ".jsonl"
    for name in ("report.ipynb", "corpus.ipynb"):
        assert lab.out_of_sync(work / name) is None      # the .py twin holds the same cells
        assert lab.dirty_cells(nbformat.read(work / name, as_version=4)) == []   # no outputs
    # only the default changed: the rest of the parameters cell is the bundled one
    bundled = nbformat.read(lab.NOTEBOOKS / "report.ipynb", as_version=4)
    copy = nbformat.read(work / "report.ipynb", as_version=4)
    i = parameters.parameters_cell(bundled)
    def others(cell):   # every line of the parameters cell but the `source` default
        return [line for line in cell.source.splitlines() if not line.startswith("source:")]

    assert others(bundled.cells[i]) == others(copy.cells[i])
    assert [c.source for c in bundled.cells[i + 1:]] == [c.source for c in copy.cells[i + 1:]]


def test_refuses_to_overwrite_without_force(tmp_path, capsys):
    work = tmp_path / "work"
    work.mkdir()
    (work / "report.py").write_text("# the analyst's own edits\n", encoding="utf-8")
    assert cli.main(["notebooks", str(work)]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "report.py: exists (use --force to overwrite)" in captured.err
    assert captured.out == ""
    assert [p.name for p in work.iterdir()] == ["report.py"]             # nothing written
    assert (work / "report.py").read_text(encoding="utf-8") == "# the analyst's own edits\n"
    assert cli.main(["notebooks", str(work), "--force"]) == 0
    assert sorted(p.name for p in work.iterdir()) == NAMES


def test_a_file_is_not_a_directory(tmp_path, capsys):
    target = tmp_path / "notes.txt"
    target.write_text("x", encoding="utf-8")
    assert cli.main(["notebooks", str(target)]) == 2
    err = capsys.readouterr().err
    assert "notes.txt: is not a directory" in err and err.count("\n") == 1
