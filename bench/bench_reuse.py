"""Text reuse over the bundled corpus repeated ×1, ×4 and ×16 with perturbed copies.

Each copy of a report has about 2% of its characters replaced at random, so
every sentence has near-copies in the other copies, the worst case for reuse
detection. Timed: `find_reuse` (units, MinHash, LSH buckets, verification,
groups) and the reuse matrix. The figure is the growth factor per doubling of
the corpus, (t16 / t1) ** (1/4): 2.0 is linear, 4.0 would be all pairs.
The shared-passage listing is timed apart: its size is the number of copied
pairs, which grows with the square of the copies by nature.
"""
from __future__ import annotations

import math
import random
import time
from pathlib import Path

import effanalysis
from effanalysis import Report
from effanalysis.corpus import find_reuse

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus" / "government_work_reports.jsonl"
FACTORS = (1, 4, 16)


def perturb(text: str, rng: random.Random, rate: float = 0.02) -> str:
    chars = list(text)
    han = [c for c in chars if "\u4e00" <= c <= "\u9fff"]
    for i in rng.sample(range(len(chars)), int(len(chars) * rate)):
        if chars[i] != "\n":
            chars[i] = rng.choice(han)
    return "".join(chars)


def corpus_times(base: list[Report], factor: int, seed: int = 0) -> list[Report]:
    rng = random.Random(seed)
    out = list(base)
    for c in range(1, factor):
        for r in base:
            meta = {**r.meta, "title": f"{r.title} ({c})"}
            out.append(Report.from_text(perturb(r.original, rng), doc=f"{r.doc}#{c}", meta=meta))
    return out


def main() -> dict:
    base = list(effanalysis.iter_reports(CORPUS))
    runs = {}
    for factor in FACTORS:
        reports = corpus_times(base, factor)
        chars = sum(len(r.text) for r in reports)
        t0 = time.perf_counter()
        reuse = find_reuse(reports)
        _ = reuse.matrix
        t1 = time.perf_counter()
        n_passages = len(reuse.passages)
        t2 = time.perf_counter()
        runs[factor] = {"documents": len(reports), "chars": chars, "units": len(reuse.units),
                        "candidates": reuse.candidates, "verified": len(reuse.pairs),
                        "seconds": round(t1 - t0, 3), "passages": n_passages,
                        "passages_seconds": round(t2 - t1, 3)}
        print(f"x{factor:<3} {len(reports):5d} docs {chars:9d} chars  {runs[factor]['units']:7d} units  "
              f"{reuse.candidates:8d} candidates  {t1 - t0:7.2f} s   (+{t2 - t1:.2f} s for {n_passages} passages)")
    t1, t16 = runs[1]["seconds"], runs[16]["seconds"]
    per_doubling = (t16 / t1) ** (1 / math.log2(16))
    per_doubling_4_16 = (t16 / runs[4]["seconds"]) ** (1 / 2)
    print(f"growth per doubling of the corpus: {per_doubling:.2f} (x1→x16), {per_doubling_4_16:.2f} (x4→x16); "
          "2.0 = linear, 4.0 = all pairs")
    return {"input": "data/corpus/government_work_reports.jsonl, x1/x4/x16 with 2% perturbed copies",
            "runs": runs, "growth_per_doubling": round(per_doubling, 3),
            "growth_per_doubling_x4_x16": round(per_doubling_4_16, 3)}


if __name__ == "__main__":
    main()
