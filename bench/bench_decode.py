"""Encoding detection: io.decode (hand-written) against charset-normalizer, on made files.

Files are cut from the bundled corpus (Simplified) and its Traditional conversion (OpenCC
s2t), at 12, 60, 400 and 4000 characters, encoded as UTF-8, GB18030, GBK, Big5 (Traditional,
the characters Big5 cannot encode dropped), UTF-16-LE/BE without a BOM, and "mixed": ASCII-
heavy text (English words, numbers, URLs) with Chinese phrases, in GB18030 and Big5. A file is
right when the decoded text equals the text it was made from. Reports accuracy per encoding
and the time per file for each detector (charset-normalizer comes with papermill, through requests).
"""
from __future__ import annotations

import json
import random
import time
from collections import defaultdict

import opencc

from effanalysis.io import decode
from effanalysis.language.idf import CORPUS

LENGTHS = (12, 60, 400, 4000)
SAMPLES = 20  # per length and encoding


def _mixed(rng: random.Random, chinese: str, n: int) -> str:
    words = ["Report", "2023", "GDP", "http://example.org/a?b=1", "No.", "5.2%", "(see Table 3)", "ID:", "OK"]
    out = []
    while sum(map(len, out)) < n:
        out.append(rng.choice(words) if rng.random() < 0.7 else chinese[rng.randrange(max(1, len(chinese) - 6)):][:4])
    return " ".join(out)


def cases() -> list[tuple[str, str, bytes]]:
    rng = random.Random(14)
    docs = [json.loads(line)["content"] for line in CORPUS.open(encoding="utf-8") if line.strip()]
    s2t = opencc.OpenCC("s2t")
    out = []
    for n in LENGTHS:
        for _ in range(SAMPLES):
            doc = rng.choice(docs)
            start = rng.randrange(max(1, len(doc) - n))
            simplified = doc[start:start + n].encode("gbk", errors="ignore").decode("gbk")   # GBK-encodable
            traditional = s2t.convert(simplified)
            traditional = traditional.encode("big5", errors="ignore").decode("big5")
            for enc, text in (("utf-8", simplified), ("gb18030", simplified), ("gbk", simplified),
                              ("big5", traditional), ("utf-16-le", simplified), ("utf-16-be", simplified)):
                out.append((f"{enc}", text, text.encode(enc)))
            mixed = _mixed(rng, simplified, n)
            out.append(("mixed gb18030", mixed, mixed.encode("gb18030")))
            mixed_t = _mixed(rng, traditional, n)
            out.append(("mixed big5", mixed_t, mixed_t.encode("big5")))
    return [(k, t, b) for k, t, b in out if t.strip()]


def ours(data: bytes) -> str | None:
    try:
        return decode(data)[0]
    except Exception:   # noqa: BLE001 (a refusal is a miss)
        return None


def charset_normalizer(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else str(best)


def main() -> dict:
    data = cases()
    result = {}
    for name, detect in (("io.decode", ours), ("charset-normalizer", charset_normalizer)):
        right, total = defaultdict(int), defaultdict(int)
        t0 = time.perf_counter()
        for kind, text, raw in data:
            total[kind] += 1
            right[kind] += detect(raw) == text
        seconds = time.perf_counter() - t0
        result[name] = {"accuracy": {k: round(right[k] / total[k], 3) for k in total},
                        "overall": round(sum(right.values()) / len(data), 3), "ms_per_file": round(1000 * seconds / len(data), 2)}
        print(f"{name:20s} overall {result[name]['overall']:.3f}, {result[name]['ms_per_file']:.2f} ms/file: "
              + ", ".join(f"{k} {v:.2f}" for k, v in result[name]["accuracy"].items()))
    result["files"] = len(data)
    return result


if __name__ == "__main__":
    main()
