"""The ledger's cost over the claims pass it reuses: `effanalysis ledger` against
`effanalysis metrics` on the same file, each as a whole process (CPU seconds, best of two;
target: the ledger within 1.3x of metrics), with the peak resident memory of each
(target: under 1 GiB). Input: the bundled corpus x10 (every copy its own document)."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from bench.bench_metrics import _process

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus" / "government_work_reports.jsonl"
COPIES = 10


def _lines() -> list[str]:
    out = []
    for k in range(COPIES):
        for line in CORPUS.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            row["title"] = f"{row['title']}#{k}"
            out.append(json.dumps(row, ensure_ascii=False))
    return out


def main() -> dict:
    lines = _lines()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    try:
        runs = {}
        for name in ("metrics", "ledger", "metrics", "ledger"):   # interleaved: load drifts
            cpu, rss = _process([sys.executable, "-m", "effanalysis", name, fh.name])
            best = runs.get(name)
            runs[name] = (min(cpu, best[0]), max(rss, best[1])) if best else (cpu, rss)
    finally:
        os.unlink(fh.name)
    (m_s, m_rss), (l_s, l_rss) = runs["metrics"], runs["ledger"]
    result = {"input": f"bundled corpus x{COPIES}: {len(lines)} documents",
              "metrics_process_seconds": round(m_s, 2), "ledger_process_seconds": round(l_s, 2),
              "ledger_vs_metrics": round(l_s / m_s, 2), "metrics_peak_mib": round(m_rss), "ledger_peak_mib": round(l_rss)}
    print(f"input: {result['input']}")
    print(f"effanalysis metrics: {m_s:.2f} CPU s, peak {m_rss:.0f} MiB")
    print(f"effanalysis ledger: {l_s:.2f} CPU s = {l_s / m_s:.2f}x metrics (target <= 1.3x), "
          f"peak {l_rss:.0f} MiB (target < 1024 MiB)")
    return result


if __name__ == "__main__":
    main()
