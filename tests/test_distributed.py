"""`effanalysis batch --scheduler ADDRESS`: the same render tasks on a Dask distributed cluster.

A LocalCluster of two worker processes on loopback stands in for machines elsewhere; its pages must
be the pages the local process pool writes.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from effanalysis.batch import render_task, run_batch

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus" / "government_work_reports.jsonl"


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    with open(CORPUS, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    chosen = [r for r in rows if not r.get("year")][:3]          # three short NPC resolutions
    path = tmp_path_factory.mktemp("dask") / "resolutions.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen), encoding="utf-8")
    return path


XLSX = re.compile(r"data:application/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet;base64,")


def _pages(out: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.html"))}


def test_cluster_pages_equal_local_pool_pages(cluster, corpus, tmp_path, monkeypatch):
    # the corpus given by a path relative to where batch runs: the cluster's workers run elsewhere,
    # and the pages must still show the path the user gave
    monkeypatch.chdir(corpus.parent.parent)
    given = Path(corpus.parent.name) / corpus.name
    local = run_batch([given], tmp_path / "local", jobs=2, corpus_notebook=None, progress=False)
    remote = run_batch([given], tmp_path / "dask", scheduler=cluster.scheduler_address, corpus_notebook=None,
                       progress=False)
    assert not local.failed and not remote.failed
    assert sorted(remote.rendered) == sorted(local.rendered) and len(remote.rendered) == 3
    a, b = _pages(tmp_path / "local"), _pages(tmp_path / "dask")
    assert a.keys() == b.keys() and len(a) == 4                       # three pages and the index
    for name in a:
        assert a[name] == b[name], name          # byte for byte, the embedded .xlsx included
        assert len(XLSX.findall(a[name])) == (0 if name == "index.html" else 1)
        if name != "index.html":
            assert f"<td>{given}</td>" in a[name] or f">{given}<" in a[name], name
    # the work ran in the cluster's worker processes, not here
    with Client(cluster.scheduler_address) as client:
        worker_pids = set(client.run(os.getpid).values())
    assert remote.workers and remote.workers <= worker_pids and os.getpid() not in remote.workers
    # the manifest of a cluster run makes a local re-run skip everything
    again = run_batch([given], tmp_path / "dask", jobs=1, corpus_notebook=None, progress=False)
    assert again.rendered == [] and len(again.skipped) == 3


def test_worker_without_the_source_file_renders_from_the_task(cluster, corpus, tmp_path):
    """Workers on other machines may not see our files: the task carries the document."""
    run_batch([corpus], tmp_path / "local", jobs=1, corpus_notebook=None, progress=False)
    entry = next(e for e in json.loads((tmp_path / "local" / "manifest.json").read_text(encoding="utf-8"))["pages"]
                 .items() if e[1].get("kind") == "document")
    name, meta = entry
    row = json.loads(corpus.read_text(encoding="utf-8").splitlines()[meta["row"] - 1])
    task = {"kind": "document", "name": name, "key": "k", "source": "/nonexistent/elsewhere/resolutions.jsonl",
            "doc": meta["doc"], "rows": [{**{k: v for k, v in row.items() if k != "content"}, "id": meta["doc"],
                                          "content": row["content"]}],
            "document": {"doc": meta["doc"], "text": row["content"], "meta": {k: v for k, v in row.items()
                                                                              if k != "content"}},
            "notebook": "report", "params": {}, "timeout": 120, "text_column": None, "id_column": None}
    with Client(cluster.scheduler_address) as client:
        out = client.submit(render_task, task, pure=False).result()
    assert out["status"] == "ok", out["error"]
    for k in ("chars", "claims", "title"):
        assert out["summary"][k] == meta["summary"][k]
    assert row["title"] in out["html"] or meta["doc"] in out["html"]
