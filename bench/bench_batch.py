"""Batch rendering of the whole bundled corpus (72 documents and the corpus page):
2 worker processes against 1, in the same run, `force` so every page is rendered.

Figures: wall seconds of each run, seconds per document, and the speed-up
t(1 job) / t(2 jobs) (target ≥ 1.7 on a machine with two free cores). The load
average before each run is recorded: on a shared machine other work takes cores
away from the pool. BENCH_BATCH_DOCS=N renders only the first N documents.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from effanalysis.batch import run_batch

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus" / "government_work_reports.jsonl"


def _input(tmp: Path) -> tuple[Path, int]:
    limit = int(os.environ.get("BENCH_BATCH_DOCS", "0") or 0)
    if not limit:
        return CORPUS, sum(1 for line in CORPUS.open(encoding="utf-8") if line.strip())
    lines = [line for line in CORPUS.open(encoding="utf-8") if line.strip()][:limit]
    path = tmp / "corpus.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path, len(lines)


def main() -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    try:
        source, n_docs = _input(tmp)
        runs = {}
        for jobs in (1, 2):
            load = os.getloadavg()[0]
            t0 = time.perf_counter()
            result = run_batch([source], tmp / f"jobs{jobs}", jobs=jobs, force=True, progress=False,
                               stream=open(os.devnull, "w"))
            seconds = time.perf_counter() - t0
            runs[jobs] = {"seconds": round(seconds, 2), "seconds_per_document": round(seconds / n_docs, 3),
                          "rendered": len(result.rendered), "failed": len(result.failed),
                          "load_average_before": round(load, 2)}
            print(f"jobs={jobs}: {seconds:7.1f} s for {n_docs} documents + corpus page "
                  f"({seconds / n_docs:.2f} s/document, load average before {load:.1f}, "
                  f"{len(result.failed)} failed)")
            for f in result.failed:
                print(f"  failed: {f['doc']}: {f['error']}")
            runs[jobs]["failures"] = [f"{f['doc']}: {f['error']}" for f in result.failed]
        speedup = runs[1]["seconds"] / runs[2]["seconds"]
        print(f"speed-up with 2 jobs: {speedup:.2f}x (target >= 1.7x; cores: {os.cpu_count()})")
        return {"input": f"{source.name} ({n_docs} documents) + corpus page", "cores": os.cpu_count(),
                "runs": runs, "speedup_2_vs_1": round(speedup, 3)}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    print(json.dumps(main(), indent=1))
