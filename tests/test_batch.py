"""`effanalysis batch`: pages, index, manifest, skip on re-run, --force, failing documents.

A small corpus of real rows (two NPC resolutions and the 1980 report), a row with a hostile
title, and an empty row that must fail without stopping the others. The first batch is run once
per session (`first_batch`, shared with test_batch_browser.py).
"""
from __future__ import annotations

import atexit
import functools
import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest

import effanalysis
from effanalysis import cli
from effanalysis.batch import MANIFEST, collect, run_batch
from effanalysis.corpus import trends
from processes import kernel_children

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus" / "government_work_reports.jsonl"
HOSTILE = "决议<img src=x onerror=alert(1)>“测试”&"
_TMP = Path(tempfile.mkdtemp(prefix="effanalysis-batch-test-"))
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)


def corpus_rows() -> list[dict]:
    with open(CORPUS, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    resolutions = [r for r in rows if not r.get("year")]
    return [resolutions[0], resolutions[1], next(r for r in rows if str(r.get("year")) == "1980")]


def write_corpus(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@functools.cache
def small_corpus() -> Path:
    rows = corpus_rows()
    hostile = dict(rows[0], title=HOSTILE)
    empty = {"title": "空白文档", "content": "   "}
    return write_corpus(_TMP / "small.jsonl", rows + [hostile, empty])


@functools.cache
def first_batch():
    """(result, out_dir, exit status, stdout) of the CLI on the small corpus, two jobs."""
    import contextlib
    import io

    out = _TMP / "site"
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        status = cli.main(["batch", str(small_corpus()), "-o", str(out), "--jobs", "2"])
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    return manifest, out, status, buf.getvalue()


def _pages(out: Path) -> dict[str, float]:
    return {p.name: p.stat().st_mtime_ns for p in out.glob("*.html")}


def test_one_page_per_document_and_an_index(corpus_reports):
    manifest, out, status, stdout = first_batch()
    docs = collect([small_corpus()])
    assert stdout.strip() == str(out / "index.html")
    ok = [d for d in docs if d.error is None]
    assert len(ok) == 4
    for d in ok:
        page = out / f"{d.name}.html"
        assert page.is_file()
        assert d.name == effanalysis.load(small_corpus(), d.doc).slug   # same name as `effanalysis render`
        html = page.read_text(encoding="utf-8")
        assert "<img src=x" not in html
    index = (out / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r"<tr[ >]", index)) == 1 + len(docs)          # header + one row per document
    for d in ok:
        assert f'href="{d.name}.html"' in index
    assert "<img src=x" not in index and "&lt;img src=x onerror=alert(1)&gt;" in index
    assert 'href="corpus.html"' in index and (out / "corpus.html").is_file()
    assert "http://" not in index and "https://" not in index


def test_index_rows_carry_the_figures():
    manifest, out, _, _ = first_batch()
    r1980 = effanalysis.load(small_corpus(), "1980年中华人民共和国国务院政府工作报告")
    s = manifest["pages"][r1980.slug]["summary"]
    assert s["year"] == 1980 and s["chars"] == len(r1980.text) and s["claims"] == len(r1980.claims)
    assert s["concreteness"] == pytest.approx(trends.concreteness([r1980])["concreteness"].iloc[0], abs=1e-3)
    era = r1980.profile().era
    assert s["era"] in (f"{era['likely_from']}–{era['likely_to']}", str(era["likely_from"]))
    index = (out / "index.html").read_text(encoding="utf-8")
    for value in (len(r1980.claims), len(r1980.text), s["concreteness"], s["era"]):
        assert f'data-v="{value}"' in index
    # a document without sections has no concreteness: an empty cell, not a failure
    r = effanalysis.load(small_corpus(), 1)
    assert manifest["pages"][r.slug]["summary"]["concreteness"] is None


def test_failed_document_is_listed_and_the_exit_status_is_2():
    manifest, out, status, _ = first_batch()
    assert status == 2                                             # a row without text is bad input
    failed = [e for e in manifest["pages"].values() if e.get("status") == "failed"]
    assert len(failed) == 1 and "has no text" in failed[0]["error"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'class="failed"' in index and "空白文档" in index and "has no text" in index
    ok = [e for e in manifest["pages"].values() if e.get("status") == "ok"]
    assert len(ok) == 5                                            # four documents and the corpus page


def test_manifest_keys_and_incremental_rerun(tmp_path):
    manifest, out, _, _ = first_batch()
    site = tmp_path / "site"
    shutil.copytree(out, site)
    for entry in manifest["pages"].values():
        if entry.get("kind") == "document" and entry["status"] == "ok":
            assert re.fullmatch(r"[0-9a-f]{64}", entry["key"]) and re.fullmatch(r"[0-9a-f]{64}", entry["text_hash"])
            assert entry["seconds"] > 0
    before = _pages(site)
    again = run_batch([small_corpus()], site, jobs=2, progress=False)
    assert again.rendered == [] and len(again.skipped) == 4
    assert _pages(site) == {**before, "index.html": _pages(site)["index.html"]}
    assert [f["doc"] for f in again.failed] == ["空白文档"]          # a failure is tried again, and fails again


def test_a_changed_document_is_rendered_again(tmp_path, quick_notebook):
    rows = corpus_rows()
    corpus = write_corpus(tmp_path / "three.jsonl", rows)
    site = tmp_path / "site"
    first = run_batch([corpus], site, jobs=1, notebook=str(quick_notebook), corpus_notebook=None, progress=False)
    assert len(first.rendered) == 2 and len(first.failed) == 1      # the quick notebook fails for 1980
    rows[0] = dict(rows[0], content=rows[0]["content"] + "\n追加的一句话，用来改变文本的哈希值。")
    write_corpus(corpus, rows)
    second = run_batch([corpus], site, jobs=1, notebook=str(quick_notebook), corpus_notebook=None, progress=False)
    assert second.rendered == [effanalysis.load(corpus, rows[0]["title"]).slug] and len(second.skipped) == 1
    # a new notebook (or package version) changes every key
    quick_notebook.write_text(quick_notebook.read_text(encoding="utf-8").replace("print(doc)", "print(doc, 1)"),
                              encoding="utf-8")
    third = run_batch([corpus], site, jobs=1, notebook=str(quick_notebook), corpus_notebook=None, progress=False)
    assert len(third.rendered) == 2 and third.skipped == []
    # six notebooks ran in this process (jobs=1): none of their kernels is left running
    import psutil

    assert kernel_children(psutil.Process()) == []


def test_force_renders_everything_again(tmp_path):
    _, out, _, _ = first_batch()
    site = tmp_path / "site"
    shutil.copytree(out, site)
    before = _pages(site)
    forced = run_batch([small_corpus()], site, jobs=2, force=True, corpus_notebook=None, progress=False)
    documents = [n[:-5] for n in before if n not in ("index.html", "corpus.html")]
    assert sorted(forced.rendered) == sorted(documents) and len(documents) == 4
    after = _pages(site)
    assert all(after[f"{n}.html"] > before[f"{n}.html"] for n in documents)
    assert forced.skipped == []


@pytest.fixture
def quick_notebook(tmp_path) -> Path:
    """A two-cell notebook with the report notebook's parameters that fails for the 1980 report."""
    import nbformat

    nb = tmp_path / "quick.ipynb"
    notebook = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('source: str = ""  # file\ndoc: str | None = None  # id',
                                       metadata={"tags": ["parameters"]})
    body = nbformat.v4.new_code_cell('if doc and doc.startswith("1980"):\n    raise ValueError("boom " + doc)\n'
                                     'print(doc)')
    notebook.cells = [params, body]
    nbformat.write(notebook, nb)
    return nb


def test_a_failing_notebook_does_not_stop_the_others(tmp_path, quick_notebook):
    nb = quick_notebook
    corpus = write_corpus(tmp_path / "three.jsonl", corpus_rows())
    lines = []

    class Stream:
        def write(self, s):
            lines.append(s)

        def flush(self):
            pass

        def isatty(self):
            return False

    result = run_batch([corpus], tmp_path / "site", jobs=2, notebook=str(nb), corpus_notebook=None, stream=Stream())
    assert len(result.rendered) == 2 and len(result.failed) == 1
    f = result.failed[0]
    assert f["doc"].startswith("1980") and "ValueError: boom 1980" in f["error"]
    kept = tmp_path / "site" / "failed" / f"{f['name']}.ipynb"
    assert kept.is_file() and "boom" in kept.read_text(encoding="utf-8")
    assert not (tmp_path / "site" / f"{f['name']}.html").exists()
    text = "".join(lines)        # plain progress lines, one per page, off a terminal
    assert len(re.findall(r"^\[\d/3\] (ok|failed) ", text, flags=re.M)) == 3 and "boom" in text


def test_several_files_and_an_unreadable_one(tmp_path):
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    seed = ROOT / "data" / "raw" / "000_b8b61ae6203f38bb.txt"
    docs = collect([seed, bad])
    assert docs[0].error is None and docs[0].doc == seed.stem
    assert docs[1].error and "binary.txt" in docs[1].error
    assert docs[0].name == effanalysis.load(seed).slug


def test_csv_corpus_with_named_columns(tmp_path):
    import csv

    rows = corpus_rows()[:2]
    path = tmp_path / "resolutions.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "body_text", "title"])
        for i, r in enumerate(rows):
            w.writerow([f"res-{i}", r["content"], r["title"]])
    result = run_batch([path], tmp_path / "site", jobs=2, text_column="body_text", id_column="name", progress=False)
    assert not result.failed and len(result.rendered) == 3            # two documents and the corpus page
    assert [p["doc"] for p in result.pages] == ["res-0", "res-1"]
    assert [p["title"] for p in result.pages] == [r["title"] for r in rows]
    corpus = (tmp_path / "site" / "corpus.html").read_text(encoding="utf-8")
    assert "语料共有2篇文档" in corpus   # Chinese documents: a Chinese page by default


def test_progress_bar_on_a_terminal():
    import io

    from effanalysis.batch import Progress

    out = io.StringIO()
    bar = Progress(2, out, bar=True)
    bar.update({"status": "ok", "seconds": 1.0}, "第一份")
    bar.update({"status": "failed", "seconds": 1.0, "error": "boom"}, "第二份")
    bar.close()
    text = out.getvalue()
    assert "2/2" in text and "\r" in text and "[1/2]" not in text      # a redrawn bar, not lines


def test_only_unreadable_input_is_bad_input_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    missing = tmp_path / "missing.txt"
    assert cli.main(["batch", str(missing), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing.txt" in err[0] and "no such file" in err[0]
    assert not out.exists()


def test_index_figures_come_from_the_page_or_from_the_document(tmp_path, quick_notebook):
    # the report notebook records its sections' facts: the index takes them from the page
    # (the worker does not analyse the document again); a notebook of the user's own records
    # none, and the figures are computed from the document instead — the same figures
    from effanalysis.batch.tasks import summary_of

    assert summary_of({}) is None and summary_of({"overview": {"chars": 3}}) is None
    with open(CORPUS, encoding="utf-8") as fh:   # the shortest dated report with numbered parts
        dated = [r for r in map(json.loads, fh) if r.get("year") and str(r["year"]) != "1980"
                 and "\n二、" in r["content"]]
    corpus = write_corpus(tmp_path / "one.jsonl", [min(dated, key=lambda r: len(r["content"]))])
    ours = run_batch([corpus], tmp_path / "ours", jobs=1, corpus_notebook=None, progress=False)
    user = run_batch([corpus], tmp_path / "user", jobs=1, notebook=str(quick_notebook), corpus_notebook=None,
                     progress=False)
    assert len(ours.rendered) == len(user.rendered) == 1
    read = lambda d: json.loads((d / "manifest.json").read_text(encoding="utf-8"))["pages"]   # noqa: E731
    (a,), (b,) = ([e["summary"] for e in read(tmp_path / d).values() if e.get("kind") == "document"]
                  for d in ("ours", "user"))
    assert a["claims"] > 0 and a["chars"] > 0 and a["concreteness"] is not None
    for key in ("chars", "sentences", "claims", "concreteness", "era", "title", "year"):
        assert a[key] == b[key], key
