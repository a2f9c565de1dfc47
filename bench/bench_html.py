"""Extracting a 150 KB government HTML page, in-process (target: under 0.2 s).

The page is the provincial portal layout of tests/fixtures/pages/html (top bar with
无障碍/长者模式, search box, menu, breadcrumb, info bar, share widget, QR prompt,
related documents, footer with 网站标识码/备案号, inline scripts and styles) with a
State Council report of the bundled corpus as its article, one <p> per paragraph,
grown to 150 KB. Timed: `io.readers.read_html` (trafilatura, table rows, the info
line) and the whole `load` (read + clean, furniture classifier included); best of
five after one warm-up run (imports excluded).
"""
from __future__ import annotations

import html
import json
import tempfile
import time
from pathlib import Path

from effanalysis.io.readers import read_html
from effanalysis.report import load

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "tests" / "fixtures" / "pages" / "html" / "province_portal.html"
CORPUS = ROOT / "data" / "corpus" / "government_work_reports.jsonl"
TARGET_BYTES = 150_000
TARGET_S = 0.2


def page(target_bytes: int = TARGET_BYTES) -> bytes:
    """The template page with its article replaced by corpus paragraphs up to `target_bytes`."""
    template = TEMPLATE.read_text(encoding="utf-8")
    start = template.index('<div class="TRS_Editor" id="zoom">') + len('<div class="TRS_Editor" id="zoom">')
    end = template.index("</div>", start)
    with open(CORPUS, encoding="utf-8") as fh:
        paragraphs = [p.strip() for line in fh for p in json.loads(line)["content"].split("\n") if len(p.strip()) > 1]
    head, tail = template[:start], template[end:]
    size = len((head + tail).encode("utf-8"))
    body = []
    for p in paragraphs:
        piece = f"<p>{html.escape(p)}</p>\n"
        size += len(piece.encode("utf-8"))
        if size > target_bytes:
            break
        body.append(piece)
    return (head + "".join(body) + tail).encode("utf-8")


def _best(fn, repeat: int = 5) -> float:
    fn()
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> dict:
    data = page()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.html"
        path.write_bytes(data)
        read_s = _best(lambda: read_html(data, str(path)))
        load_s = _best(lambda: load(path))
    result = {"page_bytes": len(data), "read_html_s": round(read_s, 4), "load_s": round(load_s, 4), "target_s": TARGET_S}
    print(f"page      {len(data):,} bytes (provincial portal layout, corpus paragraphs)")
    print(f"read_html {read_s:.4f} s  (trafilatura main content, tables, info line)")
    print(f"load      {load_s:.4f} s  (read + clean with the furniture classifier; target < {TARGET_S} s)")
    return result


if __name__ == "__main__":
    main()
