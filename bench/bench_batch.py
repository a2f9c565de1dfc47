"""Batch rendering of the whole bundled corpus (72 documents and the corpus page).

Figures, all from the same run:
- wall seconds with 1 and 2 worker processes (`force`, every page rendered) and the
  speed-up t(1 job) / t(2 jobs) (target ≥ 1.7 on a machine with two free cores; the
  load average before each run is recorded: other work takes cores from the pool);
- CPU seconds per document of each run (this process, its workers and every kernel),
  and the cores it kept busy on average (CPU / wall): with 1 job a render already
  keeps more than one core busy at moments (the kernel warms up in a thread while
  the client waits for it), which bounds the speed-up 2 jobs can give on 2 quiet
  cores at 2 / (that figure; on a loaded machine it is below 1 and bounds nothing); more CPU per document with 2 jobs than with 1 is what running
  side by side costs (a worker's start-up, shared caches, other users' load);
- the share of each run spent journaling the manifest (target < 2 %);
- a rerun of the finished 72-document batch with nothing to do (target < 3 s), in a
  fresh process as a user would run it, imports included.

BENCH_BATCH_DOCS=N renders only the first N documents. BENCH_BATCH_LOAD=1 runs the
load case instead: the corpus repeated to 300 documents with 2 jobs, each copy
marked so that a page made from another row's text is caught; every page must be
right, and no process, scratch directory or temporary file may be left.
"""
from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from effanalysis.batch import JOURNAL, run_batch

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus" / "government_work_reports.jsonl"
LOAD_DOCS = 300


def _rows() -> list[str]:
    return [line for line in CORPUS.open(encoding="utf-8") if line.strip()]


def _input(tmp: Path) -> tuple[Path, int]:
    limit = int(os.environ.get("BENCH_BATCH_DOCS", "0") or 0)
    if not limit:
        return CORPUS, len(_rows())
    lines = _rows()[:limit]
    path = tmp / "corpus.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path, len(lines)


def _rerun_seconds(source: Path, out: Path) -> tuple[float, str]:
    code = ("import sys, time; t0 = time.perf_counter(); from effanalysis.batch import run_batch; "
            f"r = run_batch([{str(source)!r}], {str(out)!r}, jobs=2, progress=False); "
            "print(len(r.rendered), len(r.skipped), round(time.perf_counter() - t0, 3))")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return time.perf_counter() - t0, proc.stdout.strip()


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have exited (workers, kernels)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def speed() -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    try:
        source, n_docs = _input(tmp)
        runs = {}
        for jobs in (1, 2):
            load = os.getloadavg()[0]
            t0, cpu0 = time.perf_counter(), _cpu_seconds()
            result = run_batch([source], tmp / f"jobs{jobs}", jobs=jobs, force=True, progress=False,
                               stream=open(os.devnull, "w"))
            seconds, cpu = time.perf_counter() - t0, _cpu_seconds() - cpu0
            share = result.journal_seconds / seconds
            runs[jobs] = {"seconds": round(seconds, 2), "seconds_per_document": round(seconds / n_docs, 3),
                          "rendered": len(result.rendered), "failed": len(result.failed),
                          "journal_seconds": round(result.journal_seconds, 4), "journal_share": round(share, 6),
                          "load_average_before": round(load, 2), "load_average_after": round(os.getloadavg()[0], 2),
                          "cpu_seconds_per_document": round(cpu / n_docs, 3), "cores_busy": round(cpu / seconds, 2),
                          "failures": [f"{f['doc']}: {f['error']}" for f in result.failed]}
            print(f"jobs={jobs}: {seconds:7.1f} s for {n_docs} documents + corpus page "
                  f"({seconds / n_docs:.2f} s/document, {cpu / n_docs:.2f} CPU s/document, {cpu / seconds:.2f} cores "
                  f"busy; load average before {load:.1f}, after {os.getloadavg()[0]:.1f}; "
                  f"{len(result.failed)} failed; journal {1000 * result.journal_seconds:.1f} ms = {100 * share:.3f} %)")
            for f in result.failed:
                print(f"  failed: {f['doc']}: {f['error']}")
        speedup = runs[1]["seconds"] / runs[2]["seconds"]
        bound = 2 / runs[1]["cores_busy"]
        print(f"speed-up with 2 jobs: {speedup:.2f}x (target >= 1.7x; cores: {os.cpu_count()}; at most {bound:.2f}x "
              f"on 2 quiet cores with 1 job keeping {runs[1]['cores_busy']:.2f} busy)")
        rerun, counts = _rerun_seconds(source, tmp / "jobs2")
        print(f"rerun with nothing to do: {rerun:.2f} s in a fresh process (rendered, skipped, "
              f"seconds inside run_batch: {counts}; target < 3 s)")
        return {"input": f"{source.name} ({n_docs} documents) + corpus page", "cores": os.cpu_count(),
                "runs": runs, "speedup_2_vs_1": round(speedup, 3), "speedup_bound_on_2_cores": round(bound, 3), "rerun_nothing_to_do_seconds": round(rerun, 2),
                "rerun_counts": counts}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _ours(tmp_root: Path) -> list[str]:
    """Scratch directories of renders (effanalysis-<pid>-…); other names, such as the test suites'
    folders of someone running the tests meanwhile on a shared machine, are not a render's."""
    return sorted(p.name for p in tmp_root.iterdir() if re.match(r"effanalysis-\d+-", p.name))


def load_case() -> dict:
    """300 documents, 2 jobs: every page holds its own row's marker and no other's."""
    import psutil

    tmp = Path(tempfile.mkdtemp(prefix="bench-batch-load-"))
    try:
        rows = [json.loads(line) for line in _rows()]
        corpus = tmp / "load.jsonl"
        with open(corpus, "w", encoding="utf-8") as fh:
            for k in range(LOAD_DOCS):
                row = dict(rows[k % len(rows)])
                # the marker joins the first long paragraph: cleaning may drop a short last line as furniture
                lines = row["content"].split("\n")
                at = next((i for i, ln in enumerate(lines) if len(ln) > 60), 0)
                lines[at] += f"本件为压力测试第{k + 1:03d}号副本。"
                row["content"] = "\n".join(lines)
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        before = _ours(Path(tempfile.gettempdir()))
        t0 = time.perf_counter()
        result = run_batch([corpus], tmp / "site", jobs=2, progress=False, stream=open(os.devnull, "w"))
        seconds = time.perf_counter() - t0
        wrong = []
        for page in result.pages:
            if page["status"] != "ok":
                wrong.append(f"{page['name']}: {page['error']}")
                continue
            html = (tmp / "site" / f"{page['name']}.html").read_text(encoding="utf-8")
            found = set(re.findall(r"第(\d{3})号副本", html))
            if found != {f"{page['row']:03d}"}:
                wrong.append(f"{page['name']} (row {page['row']}) shows copies {sorted(found)}")
        time.sleep(3)   # kernels exit once their worker has gone
        children = [p.pid for p in psutil.Process().children(recursive=True)   # multiprocessing's resource
                    if "resource_tracker" not in " ".join(p.cmdline())]               # tracker exits with us
        kernels = [p.pid for p in psutil.process_iter(["cmdline"])
                   if "ipykernel_launcher" in " ".join(p.info["cmdline"] or [])
                   and "/effanalysis-" in " ".join(p.info["cmdline"] or [])]   # a kernel of ours
        left = sorted(set(_ours(Path(tempfile.gettempdir()))) - set(before))
        hidden = sorted(p.name for p in (tmp / "site").rglob(".*")) + \
            ([JOURNAL] if (tmp / "site" / JOURNAL).exists() else [])
        print(f"load case: {LOAD_DOCS} documents + corpus page with 2 jobs in {seconds:.1f} s "
              f"({seconds / LOAD_DOCS:.2f} s/document); {len(result.failed)} failed; wrong pages: {len(wrong)}; "
              f"processes left: {children + kernels}; temp files left: {left}; hidden files in the output: {hidden}; "
              f"lost workers: {result.lost_workers}")
        for w in wrong[:10]:
            print("  " + w)
        for f in result.failed:
            print(f"  failed: {f['name']}: {f['error']}")
        return {"documents": LOAD_DOCS, "seconds": round(seconds, 1),
                "failed": [f"{f['name']}: {f['error']}" for f in result.failed],
                "wrong_pages": wrong, "processes_left": children + kernels, "temp_left": left,
                "hidden_left": hidden, "lost_workers": result.lost_workers}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> dict:
    return load_case() if os.environ.get("BENCH_BATCH_LOAD") else speed()


if __name__ == "__main__":
    print(json.dumps(main(), indent=1, ensure_ascii=False))
