"""The report analysed by the rendering process while the kernel starts (effanalysis.prepared):
the kernel takes it only for the same document of the unchanged file, computes the report itself
otherwise, and the page is the same either way."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import nbformat
import pytest

import effanalysis
from effanalysis import prepared
from effanalysis.render import execute, render

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "raw" / "000_b8b61ae6203f38bb.txt"


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    path = tmp_path / "seed.txt"
    shutil.copyfile(SEED, path)
    return path


def _announce(monkeypatch, prep: prepared.Preparation) -> None:
    monkeypatch.setenv(prepared.ENV, prep.env[prepared.ENV])


def test_key_names_the_file_its_state_and_the_document(seed_copy):
    k = prepared.key(seed_copy)
    assert k == prepared.key(seed_copy.parent / ".." / seed_copy.parent.name / seed_copy.name)  # same file
    assert k != prepared.key(seed_copy, doc="2") and k != prepared.key(seed_copy, row=1)
    seed_copy.write_bytes(seed_copy.read_bytes() + b"\n")            # edited after the key was taken
    assert prepared.key(seed_copy) != k
    assert prepared.key(seed_copy.with_name("gone.txt")) is None


def test_the_kernel_side_takes_the_prepared_report(seed_copy, tmp_path, monkeypatch):
    report = effanalysis.load(seed_copy)
    prep = prepared.Preparation(report, prepared.key(seed_copy), tmp_path).start()
    prep.join()
    _announce(monkeypatch, prep)
    got = effanalysis.load(seed_copy)
    # analysed ahead: the analyses are already on it, and it is the same document
    assert {"claims", "audit", "targets", "sentences", "_profile"} <= set(got.__dict__)
    assert got.text == report.text and got.claims.equals(report.claims)
    # named as this caller spells the file: the page's names (slug) follow that spelling
    spelled = str(seed_copy.parent / ".." / seed_copy.parent.name / seed_copy.name)
    again = effanalysis.load(spelled)
    assert again.source == spelled and again.slug == effanalysis.report.slug(again.doc, spelled)


def test_another_document_or_a_changed_file_is_computed_afresh(seed_copy, tmp_path, monkeypatch):
    report = effanalysis.load(seed_copy)
    report.meta["marker"] = "prepared"           # tells the prepared object from a fresh one
    prep = prepared.Preparation(report, prepared.key(seed_copy), tmp_path).start()
    prep.join()
    _announce(monkeypatch, prep)
    assert effanalysis.load(seed_copy).meta.get("marker") == "prepared"
    other = tmp_path / "other.txt"
    shutil.copyfile(SEED, other)
    assert "marker" not in effanalysis.load(other).meta
    os.utime(seed_copy, ns=(0, 0))                # the file changed since the rendering process read it
    assert "marker" not in effanalysis.load(seed_copy).meta


def test_a_failed_preparation_leaves_the_work_to_the_kernel(seed_copy, tmp_path, monkeypatch):
    report = effanalysis.load(seed_copy)

    def broken(_report):
        raise RuntimeError("analysis failed")
    monkeypatch.setattr(prepared, "analyse", broken)
    prep = prepared.Preparation(report, prepared.key(seed_copy), tmp_path).start()
    prep.join()
    assert not prep.path.exists() and not list(tmp_path.glob("*.partial"))   # nothing half-written
    monkeypatch.setattr(prepared, "WAIT", 30.0)
    _announce(monkeypatch, prep)
    fresh = effanalysis.load(seed_copy)         # at once: the failure marker says not to wait
    assert "claims" not in fresh.__dict__ and len(fresh.claims) == len(report.claims)


@pytest.mark.slow
def test_a_kernel_started_by_render_takes_it(seed_copy, tmp_path):
    """Through papermill and the engine: the kernel's environment announces the prepared report
    and the notebook's `effanalysis.load` returns it (the marker shows which one it got)."""
    report = effanalysis.load(seed_copy)
    report.meta["marker"] = "prepared"
    prep = prepared.Preparation(report, prepared.key(seed_copy), tmp_path).start()
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell(f"import effanalysis\nprint(effanalysis.load({str(seed_copy)!r})"
                                          ".meta.get('marker'))")]
    executed, failure = execute.run(nb, cwd=tmp_path, timeout=120, kernel_env=prep.env)
    prep.join()
    assert failure is None
    assert executed.cells[1].outputs[0]["text"].strip() == "prepared"


@pytest.mark.slow
def test_the_page_is_the_same_prepared_or_not(tmp_path):
    one = render(None, tmp_path / "prepared")
    two = render(None, tmp_path / "kernel", prepare=False)
    assert one.name == two.name
    assert one.read_bytes() == two.read_bytes()
