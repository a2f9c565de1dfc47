"""Batch under faults: duplicate and numeric ids, bad rows, a killed batch, a full disk, a dead
worker, a kernel that dies at start-up, two batches at once, a changed set of documents.

Most tests render with a one-cell notebook that loads its row exactly as the report notebook does
(`effanalysis.load(source, doc, text_column, id_column, row=row)`) and prints the text, so a page
shows which row it was made from; environment variables let a test slow it down or make it kill
its own worker process.
"""
from __future__ import annotations

import errno
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from processes import kernel_children

import nbformat
import pytest

import effanalysis.batch as batch
from effanalysis.batch import JOURNAL, MANIFEST, read_manifest, run_batch
from effanalysis.batch.manifest import LOCK
from effanalysis.cli import main
from effanalysis.errors import InputError

ROOT = Path(__file__).resolve().parent.parent

BODY = """\
import os, time
import effanalysis
report = effanalysis.load(source, doc, text_column, id_column, row=row)
time.sleep(float(os.environ.get("EFFTEST_SLEEP", "0")))
once = os.environ.get("EFFTEST_KILL_ONCE")       # a flag file: kill only while it does not exist
if doc == "once" and once and not os.path.exists(once):
    open(once, "w").close()
    os.kill(os.getppid(), 9)        # the worker process that started this kernel
if doc == os.environ.get("EFFTEST_KILL_WORKER"):
    os.kill(os.getppid(), 9)
print("TEXT[" + report.text + "]")
"""


@pytest.fixture
def row_notebook(tmp_path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('source: str = ""  # file\ndoc: str | None = None  # id\n'
                                          'row: int | None = None  # row (≥ 1)\ntext_column: str | None = None  # c\n'
                                          'id_column: str | None = None  # c', metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell(BODY)]
    path = tmp_path / "rows.ipynb"
    nbformat.write(nb, path)
    return path


def rows_file(path: Path, rows: list[dict | bytes]) -> Path:
    path.write_bytes(b"".join(r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode() + b"\n"
                              for r in rows))
    return path


def doc_rows(n: int, prefix: str = "d") -> list[dict]:
    return [{"id": f"{prefix}{i}", "content": f"第{i}份报告：{prefix}号文本，今年完成投资{i}亿元。"} for i in range(1, n + 1)]


def quiet():
    return open(os.devnull, "w")


def page_text(out: Path, name: str) -> str:
    return (out / f"{name}.html").read_text(encoding="utf-8")


# --- 1. the right text on every page -----------------------------------------------------------------
def test_each_page_holds_its_own_rows_text_with_repeated_and_numeric_ids(tmp_path, capsys):
    """Today row 2 (id "1") showed row 1's text and the second "dup" the first one's. The real
    report notebook is used: it is the one whose page a reader trusts."""
    texts = ["甲文本：第一行的独有句子，阿尔法。", "乙文本：第二行的独有句子，编号为一。",
             "丙文本：第三行的独有句子，重复编号之一。", "丁文本：第四行的独有句子，重复编号之二。"]
    rows = [{"id": i, "content": t} for i, t in zip(["alpha", "1", "dup", "dup"], texts)]
    corpus = rows_file(tmp_path / "ids.jsonl", rows)
    result = run_batch([corpus], tmp_path / "site", jobs=2, corpus_notebook=None, progress=False)
    assert result.exit_status == 0 and len(result.rendered) == 4
    assert len(result.warnings) == 1 and "'dup' is on rows 3, 4" in result.warnings[0]
    assert "'dup' is on rows 3, 4" in capsys.readouterr().err
    names = [p["name"] for p in result.pages]
    assert len(set(names)) == 4
    for i, name in enumerate(names):
        html = page_text(tmp_path / "site", name)
        assert texts[i] in html, name
        assert not any(t in html for j, t in enumerate(texts) if j != i), name


def test_the_corpus_page_of_repeated_ids_shows_both_rows_and_links_each_to_its_own_page(tmp_path):
    """The corpus page once refused repeated ids ("document ids must be unique"), so a batch of
    such a corpus had no corpus page. Both "dup" rows share a long passage, so the page's reuse
    section links both documents: each link must reach the page that holds that row's text."""
    shared = "我们要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。"
    texts = ["甲文本：第一行的独有句子，阿尔法。", "乙文本：第二行的独有句子，编号为一。",
             f"丙文本：第三行的独有句子，重复编号之一。{shared}", f"丁文本：第四行的独有句子，重复编号之二。{shared}"]
    rows = [{"id": i, "content": t} for i, t in zip(["alpha", "1", "dup", "dup"], texts)]
    corpus = rows_file(tmp_path / "ids.jsonl", rows)
    site = tmp_path / "site"
    result = run_batch([corpus], site, jobs=1, progress=False)
    assert result.exit_status == 0, result
    page = (site / "corpus.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="([^"#/]+\.html)"', page)) - {"index.html"}
    dup_pages = {p["name"] + ".html" for p in result.pages if p["name"].startswith("dup")}
    assert len(dup_pages) == 2 and dup_pages <= links, (dup_pages, links)
    for link in links:
        assert (site / link).is_file(), link
    for name, text in ((p["name"], t) for p, t in zip(result.pages, texts)):
        assert text[:12] in page_text(site, name)


# --- 3. one bad row hurts only itself ------------------------------------------------------------
BAD_ROWS = [b'{"id": "broken", "content": "\xe6\x9c\xaa\xe5\xae\x8c\n',                       # line 2: JSON cut
            '{"id": "gbk", "content": "国务院关于报告的决议"}\n'.encode("gbk"),                 # line 4: not UTF-8
            b'{"id": "empty", "content": ""}\n',                                               # line 6
            '{"id": "invisible", "content": "\u200b\u2060\ufeff"}\n'.encode()]                 # line 8


def bad_corpus(tmp_path) -> tuple[Path, list[dict]]:
    good = doc_rows(4)
    rows: list = []
    for g, b in zip(good, BAD_ROWS):
        rows += [g, b]
    return rows_file(tmp_path / "mixed.jsonl", rows), good


def test_each_bad_row_is_one_failed_entry_and_the_others_get_their_page(tmp_path, row_notebook):
    corpus, good = bad_corpus(tmp_path)
    result = run_batch([corpus], tmp_path / "site", jobs=1, notebook=str(row_notebook), corpus_notebook=None,
                       progress=False)
    assert result.exit_status == 2
    assert sorted(result.rendered) == sorted(p["name"] for p in result.pages if p["doc"] in {g["id"] for g in good})
    for p in result.pages:
        if p["status"] == "ok":
            assert f"TEXT[{next(g['content'] for g in good if g['id'] == p['doc'])}]" in page_text(tmp_path / "site",
                                                                                                   p["name"])
    errors = {p["line"]: p["error"] for p in result.pages if p["status"] != "ok"}
    assert sorted(errors) == [2, 4, 6, 8]
    assert "line 2 is not valid JSON" in errors[2] and "line 4 is not utf-8 text" in errors[4]
    assert "has no text" in errors[6] and "has no text" in errors[8]
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert all(f"line {n}" in index for n in (2, 4, 6, 8))


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_metrics_writes_the_good_rows_and_names_the_bad_ones(tmp_path, capsys, fmt):
    import csv
    import io

    corpus, good = bad_corpus(tmp_path)
    code = main(["metrics", str(corpus), "--format", fmt])
    out, err = capsys.readouterr()
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 4 and [f"line {n}" in ln for n, ln in zip((2, 4, 6, 8), lines)] == [True] * 4
    if fmt == "json":
        docs = {r["doc"] for r in json.loads(out)}             # one complete array
    else:
        table = list(csv.reader(io.StringIO(out)))
        assert all(len(r) == len(table[0]) for r in table)
        docs = {r[0] for r in table[1:]}
    assert docs == {g["id"] for g in good}                    # every good row has its claims (亿元)


# --- 2. resumable ------------------------------------------------------------------------------
def _batch_script(corpus: Path, out: Path, nb: Path) -> list[str]:
    code = ("import sys; from effanalysis.batch import run_batch; "
            f"run_batch([{str(corpus)!r}], {str(out)!r}, jobs=1, notebook={str(nb)!r}, corpus_notebook=None, "
            "progress=False)")
    return [sys.executable, "-c", code]


def _journaled(out: Path) -> int:
    try:
        return sum(1 for line in (out / JOURNAL).read_text(encoding="utf-8").splitlines() if line.endswith("}"))
    except OSError:
        return 0


@pytest.mark.parametrize("kill_after", [0, 2, 5])
def test_a_killed_batch_resumes_with_what_is_missing(tmp_path, row_notebook, kill_after, monkeypatch):
    """SIGKILL before any page, after two and after five of six: the rerun renders only the rest,
    and nothing is left of the killed run (temporary pages, scratch directories)."""
    corpus = rows_file(tmp_path / "six.jsonl", doc_rows(6))
    out = tmp_path / "site"
    env = {**os.environ, "EFFTEST_SLEEP": "0.3", "TMPDIR": str(tmp_path)}
    proc = subprocess.Popen(_batch_script(corpus, out, row_notebook), env=env, cwd=ROOT)
    deadline = time.monotonic() + 240
    while _journaled(out) < kill_after and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if kill_after == 0:
        while not list(tmp_path.glob("effanalysis-*")) and time.monotonic() < deadline:
            time.sleep(0.05)        # a render has started
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = _journaled(out)
    assert done >= kill_after and done < 6 and not (out / MANIFEST).exists()
    recorded = read_manifest(out)["pages"]
    assert len(recorded) == done and all(e["status"] == "ok" for e in recorded.values())
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    again = run_batch([corpus], out, jobs=1, notebook=str(row_notebook), corpus_notebook=None, progress=False)
    assert len(again.rendered) == 6 - done and sorted(again.skipped) == sorted(recorded)
    assert not list(tmp_path.glob("effanalysis-*"))             # the killed run's scratch directory is gone
    assert not (out / JOURNAL).exists() and len(read_manifest(out)["pages"]) == 6
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    nothing = run_batch([corpus], out, jobs=1, notebook=str(row_notebook), corpus_notebook=None, progress=False)
    assert nothing.rendered == [] and len(nothing.skipped) == 6


def _cli_batch_script(corpus: Path, out: Path, nb: Path, jobs: int) -> list[str]:
    """`effanalysis batch` as a user runs it, with the one-cell notebook instead of the report's."""
    code = ("import functools, sys; import effanalysis.batch as b; "
            f"b.run_batch = functools.partial(b.run_batch, notebook={str(nb)!r}, corpus_notebook=None); "
            "from effanalysis.cli import main; "
            f"sys.exit(main(['batch', {str(corpus)!r}, '-o', {str(out)!r}, '--jobs', '{jobs}']))")
    return [sys.executable, "-c", code]


def _running(pids: list[int]) -> list[str]:
    """The command lines of those of `pids` still running (a process whose memory is already
    released, on its way out, shows an empty command line and is not counted)."""
    import psutil

    out = []
    for pid in pids:
        try:
            p = psutil.Process(pid)
            cmd = " ".join(p.cmdline())
            if p.status() != psutil.STATUS_ZOMBIE and cmd:
                out.append(cmd[:200])
        except psutil.Error:   # gone
            pass
    return out


@pytest.mark.parametrize("jobs, sig, stop_after", [(1, "SIGTERM", 0), (1, "SIGTERM", 2), (2, "SIGTERM", 0),
                                                   (2, "SIGINT", 3)])
def test_a_batch_told_to_stop_stops_cleanly_and_resumes(tmp_path, row_notebook, jobs, sig, stop_after):
    """SIGTERM or SIGINT while the first kernels run, or after some pages: workers and kernels are
    stopped, no temporary page, scratch directory (with the kernel's key) or lock is left, the exit
    status is 128 + the signal with one line saying how many pages are kept; the rerun renders only
    the rest, each page with its own row's text."""
    import psutil

    rows = doc_rows(6)
    corpus = rows_file(tmp_path / "six.jsonl", rows)
    out, tmp = tmp_path / "site", tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "EFFTEST_SLEEP": "0.5", "TMPDIR": str(tmp)}
    proc = subprocess.Popen(_cli_batch_script(corpus, out, row_notebook, jobs), env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    me = psutil.Process(proc.pid)
    kernels = lambda: kernel_children(me)          # noqa: E731
    deadline = time.monotonic() + 240
    while (_journaled(out) < stop_after or not kernels()) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, proc.stderr.read()
    descendants = [p.pid for p in me.children(recursive=True)]       # workers and kernels
    proc.send_signal(getattr(signal, sig))
    err = proc.communicate(timeout=60)[1].splitlines()
    done = _journaled(out)
    assert proc.returncode == 128 + getattr(signal, sig)
    assert err[-1] == (f"effanalysis: stopped by {sig}; the {done} page{'s' if done != 1 else ''} finished before "
                       "are recorded, run the batch again to render the rest")
    assert not any("Traceback" in line for line in err)
    assert done >= stop_after and done < 6
    assert _running(descendants) == []                                # nothing of the batch runs on
    assert list(tmp.iterdir()) == []                                  # no scratch directory, no kernel key
    assert [p.name for p in out.rglob(".*")] == []                    # no temporary page, no lock
    assert not (out / MANIFEST).exists() and len(read_manifest(out)["pages"]) == done

    again = run_batch([corpus], out, jobs=1, notebook=str(row_notebook), corpus_notebook=None, progress=False)
    assert len(again.rendered) == 6 - done and len(again.skipped) == done and again.exit_status == 0
    for page in again.pages:
        shown = re.findall(r"TEXT\[(.*?)\]", page_text(out, page["name"]))
        assert shown == [rows[page["row"] - 1]["content"]]


def test_a_full_disk_is_a_clear_error_that_keeps_the_finished_pages(tmp_path, row_notebook, monkeypatch):
    from effanalysis.render import leftovers as export

    corpus = rows_file(tmp_path / "five.jsonl", doc_rows(5))
    out = tmp_path / "site"
    real, written = export.write_atomic, []

    def disk_full_after_two(path, data):
        if path.parent == out and path.suffix == ".html":
            if len(written) >= 2:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            written.append(path.name)
        return real(path, data)

    monkeypatch.setattr(export, "write_atomic", disk_full_after_two)
    with pytest.raises(InputError) as exc:
        run_batch([corpus], out, jobs=1, notebook=str(row_notebook), corpus_notebook=None, progress=False)
    message = str(exc.value)
    assert message.startswith(f"{out}: cannot write ") and "(No space left on device)" in message
    assert "the 2 pages finished before are recorded" in message and "\n" not in message
    assert len(read_manifest(out)["pages"]) == 2
    monkeypatch.setattr(export, "write_atomic", real)
    again = run_batch([corpus], out, jobs=1, notebook=str(row_notebook), corpus_notebook=None, progress=False)
    assert len(again.rendered) == 3 and len(again.skipped) == 2 and again.exit_status == 0


# --- 4. dead workers and kernels -------------------------------------------------------------------
def _scratch_of_dead(tmp: Path) -> list[Path]:
    from effanalysis.render.leftovers import alive

    return [p for p in tmp.glob("effanalysis-*") if not alive(int(p.name.split("-")[1]))]


def test_a_worker_that_dies_costs_only_its_own_document(tmp_path, row_notebook, monkeypatch):
    """One document kills its worker each time: it fails as "worker lost" after one retry; one
    kills its worker only the first time: the retry renders it; the others are untouched."""
    rows = doc_rows(4) + [{"id": "killer", "content": "会杀死工作进程的文本。"}, {"id": "once", "content": "只杀一次。"}]
    corpus = rows_file(tmp_path / "w.jsonl", rows)
    monkeypatch.setenv("EFFTEST_KILL_WORKER", "killer")
    monkeypatch.setenv("EFFTEST_KILL_ONCE", str(tmp_path / "killed-once"))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    result = run_batch([corpus], tmp_path / "site", jobs=2, notebook=str(row_notebook), corpus_notebook=None,
                       progress=False)
    status = {p["doc"]: p["status"] for p in result.pages}
    assert status == {"d1": "ok", "d2": "ok", "d3": "ok", "d4": "ok", "killer": "failed", "once": "ok"}
    error = next(p["error"] for p in result.pages if p["doc"] == "killer")
    assert error == "worker lost (killed by SIGKILL), 2 times"
    assert result.lost_workers == 3 and result.exit_status == 1
    assert "TEXT[只杀一次。]" in page_text(tmp_path / "site", next(p["name"] for p in result.pages if p["doc"] == "once"))
    assert _scratch_of_dead(tmp_path) == []                       # lost workers' scratch directories removed


def test_a_kernel_that_dies_at_start_up_is_retried_once(tmp_path, row_notebook, monkeypatch):
    from effanalysis.render import execute

    real, calls = execute.run, []

    def flaky(*args, **kw):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")
        return real(*args, **kw)

    monkeypatch.setattr(execute, "run", flaky)
    corpus = rows_file(tmp_path / "two.jsonl", doc_rows(2))
    result = run_batch([corpus], tmp_path / "site", jobs=1, notebook=str(row_notebook), corpus_notebook=None,
                       progress=False)
    assert result.exit_status == 0 and len(result.rendered) == 2 and len(calls) == 3


# --- 5. one batch per directory; the corpus page follows the documents ----------------------------------
def test_a_second_batch_into_a_locked_directory_exits_2(tmp_path, capsys):
    out = tmp_path / "site"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time, pathlib; from effanalysis.batch.manifest "
                               "import output_lock\nwith output_lock(pathlib.Path(sys.argv[1])):\n"
                               "    print('held', flush=True); time.sleep(60)", str(out)],
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "held"
        corpus = rows_file(tmp_path / "one.jsonl", doc_rows(1))
        assert main(["batch", str(corpus), "-o", str(out)]) == 2
        err = capsys.readouterr().err.splitlines()
        assert len(err) == 1 and str(out) in err[0] and f"in use by another batch (pid {holder.pid})" in err[0]
    finally:
        holder.kill()
        holder.wait()


def test_a_stale_lock_of_a_dead_process_is_taken_over(tmp_path, row_notebook):
    out = tmp_path / "site"
    out.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (out / LOCK).write_text(f"{dead.stdout.strip()} somewhere\n", encoding="utf-8")
    corpus = rows_file(tmp_path / "one.jsonl", doc_rows(1))
    result = run_batch([corpus], out, jobs=1, notebook=str(row_notebook), corpus_notebook=None, progress=False)
    assert result.exit_status == 0 and not (out / LOCK).exists()


def test_the_corpus_page_is_rebuilt_when_the_set_of_documents_changes(tmp_path, row_notebook):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('source: str = ""  # f\ntext_column: str | None = None  # c\n'
                                          'id_column: str | None = None  # c\nlink_pages: bool = False  # l',
                                          metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("import effanalysis\n"
                                          "print('DOCS[' + ','.join(r.doc for r in effanalysis.iter_reports("
                                          "source, on_error=lambda e: None)) + ']')")]
    corpus_nb = tmp_path / "c.ipynb"
    nbformat.write(nb, corpus_nb)
    out = tmp_path / "site"
    kw = dict(jobs=1, notebook=str(row_notebook), corpus_notebook=str(corpus_nb), progress=False)
    a = rows_file(tmp_path / "a.jsonl", doc_rows(2, "a"))
    first = run_batch([a], out, **kw)
    assert "corpus" in first.rendered and "DOCS[a1,a2]" in page_text(out, "corpus")
    assert "corpus" not in run_batch([a], out, **kw).rendered                     # nothing changed
    b = rows_file(tmp_path / "b.jsonl", doc_rows(3, "b"))
    second = run_batch([b], out, **kw)
    assert "corpus" in second.rendered and "DOCS[b1,b2,b3]" in page_text(out, "corpus")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "b.jsonl" in index and "a.jsonl" not in index


# --- 7. the output directory is checked before any kernel starts ---------------------------------------
def _no_kernel(monkeypatch):
    from effanalysis.render import execute

    def fail(*a, **k):
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(execute, "run", fail)


def test_a_full_output_directory_is_exit_2_before_a_kernel_starts(tmp_path, capsys, monkeypatch):
    import shutil
    from collections import namedtuple

    _no_kernel(monkeypatch)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda p: usage(10**9, 10**9 - 4096, 4096))
    corpus = rows_file(tmp_path / "one.jsonl", doc_rows(1))
    for argv in (["batch", str(corpus)], ["render", str(corpus)]):
        assert main([*argv, "-o", str(tmp_path / "site")]) == 2
        err = capsys.readouterr().err.splitlines()
        assert len(err) == 1 and str(tmp_path / "site") in err[0] and "no room for a page (4 kB free" in err[0]


def test_a_read_only_output_directory_is_exit_2_before_a_kernel_starts(tmp_path, capsys, monkeypatch):
    _no_kernel(monkeypatch)
    if os.geteuid() == 0:   # root writes through permission bits: sysfs refuses everyone
        target = Path("/sys/effanalysis-out")
    else:
        (tmp_path / "ro").mkdir(mode=0o555)
        target = tmp_path / "ro" / "site"
    corpus = rows_file(tmp_path / "one.jsonl", doc_rows(1))
    for argv in (["batch", str(corpus)], ["render", str(corpus)]):
        assert main([*argv, "-o", str(target)]) == 2
        err = capsys.readouterr().err.splitlines()
        assert len(err) == 1 and str(target) in err[0] and "cannot be written to" in err[0]
