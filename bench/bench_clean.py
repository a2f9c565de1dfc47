"""Load + clean of the bundled corpus, repeated to about 11 million characters.

The floor is the least any loader must do with the same text: decode the JSON
lines and run OpenCC t2s once over all of it. Both are timed in this process,
in the same run (best of five, taken in turns; imports excluded), and the pipeline — script
detection, the furniture classifier and every other step included — is reported in characters
per second and as a multiple of the floor (target: within 3×).
"""
from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from effanalysis.clean.convert import to_simplified
from effanalysis.report import iter_reports

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus" / "government_work_reports.jsonl"
TARGET_CHARS = 11_000_000
TARGET_RATIO = 3.0


def _best_of(repeat: int, *fns) -> list[float]:
    """Best time of each function, run in turns so that both see the same load
    (the machine is shared)."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            t = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - t)
    return best


def _floor(path: Path) -> None:
    with open(path, encoding="utf-8") as fh:
        texts = [json.loads(line)["content"] for line in fh if line.strip()]
    to_simplified("\n".join(texts))


def _pipeline(path: Path) -> int:
    return sum(len(r.text) for r in iter_reports(path))


def main() -> dict:
    lines = [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    chars_once = sum(len(json.loads(line)["content"]) for line in lines)
    copies = max(1, round(TARGET_CHARS / chars_once))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        path.write_text("\n".join(lines * copies) + "\n", encoding="utf-8")
        _pipeline(path)  # warm caches (OpenCC dictionaries, regexes) outside the timing
        floor, pipeline = _best_of(5, lambda: _floor(path), lambda: _pipeline(path))
    chars = chars_once * copies
    result = {
        "input": f"{CORPUS.name} × {copies} ({copies * len(lines)} documents)",
        "chars": chars,
        "floor_s": round(floor, 3),
        "pipeline_s": round(pipeline, 3),
        "floor_chars_per_s": round(chars / floor),
        "pipeline_chars_per_s": round(chars / pipeline),
        "ratio_to_floor": round(pipeline / floor, 2),
        "target_ratio": TARGET_RATIO,
    }
    print(f"input     {result['input']}, {chars:,} characters")
    print(f"floor     {floor:.3f} s  {result['floor_chars_per_s']:,} chars/s  (JSON decode + OpenCC t2s)")
    print(f"pipeline  {pipeline:.3f} s  {result['pipeline_chars_per_s']:,} chars/s  (load + clean, offset maps)")
    print(f"ratio     {result['ratio_to_floor']}× the floor (target ≤ {TARGET_RATIO}×)")
    return result


if __name__ == "__main__":
    main()
