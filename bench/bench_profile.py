"""Language profile of the whole bundled corpus against segmenting it once.

Floor: cutting every report's text with the chosen tokenizer (rjieba with the
user dictionary), same run. The profile is timed on reports whose structure
(sections, sentences) and claims are already computed — those belong to the
Report and the metrics engine and have their own costs, printed alongside.
Figures: chars/s, and the profile time as a multiple of the floor (target ≤ 5),
best of three runs (the first, cold run is printed too).
"""
from __future__ import annotations

import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus" / "government_work_reports.jsonl"


def _best(fn, runs: int = 3) -> tuple[float, float]:
    """(first, best) wall time of `runs` calls."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times[0], min(times)


def main() -> dict:
    import effanalysis
    from effanalysis.language import profile, segment

    reports = list(effanalysis.iter_reports(CORPUS))
    texts = [r.text for r in reports]
    chars = sum(map(len, texts))
    segment.cut("热身")  # load the dictionary outside the timings

    _, tokenize = _best(lambda: [segment.cut(t) for t in texts])
    structure, _ = _best(lambda: [r.sentences for r in reports], runs=1)
    claims, _ = _best(lambda: [r.claims for r in reports], runs=1)
    cold, best = _best(lambda: [profile(r) for r in reports])
    segment.reference_cut("热身")
    _, jieba_time = _best(lambda: [segment.reference_cut(x) for x in texts], runs=1)
    agree = segment.agreement(texts)

    result = {
        "documents": len(reports), "chars": chars,
        "tokenize_chars_per_s": chars / tokenize,
        "profile_chars_per_s": chars / best,
        "profile_cold_chars_per_s": chars / cold,
        "profile_over_tokenize": best / tokenize,
        "profile_cold_over_tokenize": cold / tokenize,
        "structure_over_tokenize": structure / tokenize,
        "claims_over_tokenize": claims / tokenize,
        "jieba_over_rjieba": jieba_time / tokenize,
        "token_agreement": agree,
    }
    print(f"corpus: {len(reports)} documents, {chars:,} chars")
    print(f"tokenize (rjieba + user dictionary): {chars / tokenize / 1e6:.2f}M chars/s  [floor]")
    print(f"profile: {chars / best / 1e6:.2f}M chars/s = {best / tokenize:.1f}x floor "
          f"(cold first run {cold / tokenize:.1f}x; target <= 5x and >= 1M chars/s)")
    print(f"not in the profile: outline/sentences {structure / tokenize:.1f}x floor, claims {claims / tokenize:.1f}x floor")
    print(f"jieba (reference) {jieba_time / tokenize:.1f}x slower than rjieba; token agreement {agree:.6f}")
    return result


if __name__ == "__main__":
    main()
