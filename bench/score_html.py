"""Compare main-content extractors on the hand-labelled saved pages.

`python -m bench.score_html` runs trafilatura (as `read_html` calls it),
readability-lxml, jusText (no Chinese stoplist exists: an empty one, so only its
length and link-density features work) and the old tag rules on
tests/fixtures/pages/html/*.html (or the pages of a named set or folder given as
argument), each alone and followed by the plain-text
furniture classifier (the cleaning pipeline), and prints per extractor: gold body
lines found (of all pages' body lines), gold furniture strings left, and the
mean time per page. Gold files: NAME.gold.txt, body lines plain, furniture
strings prefixed "~ ".
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from effanalysis.clean import clean_text
from effanalysis.io import readers

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
PAGES = FIXTURES / "pages" / "html"
# Named sets: the pages the extraction was built on, and held-out pages written before changing it.
SETS = {"dev": PAGES, "heldout3": FIXTURES / "pages_heldout3" / "html"}
_KEEP = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]")


def _key(text: str) -> str:
    return "".join(_KEEP.findall(text))


def trafilatura_text(html: str) -> str:
    return readers._article(html)


def readability_text(html: str) -> str:
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    return readers._visible_text(f"<html><body>{summary}</body></html>")


def justext_text(html: str) -> str:
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), frozenset(), length_low=10, length_high=40,
                                 stopwords_low=0, stopwords_high=0, encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


EXTRACTORS = {"trafilatura": trafilatura_text, "readability-lxml": readability_text, "jusText": justext_text,
              "tag rules": readers._visible_text}


def gold(path: Path) -> tuple[list[str], list[str]]:
    lines = path.with_suffix(".gold.txt").read_text(encoding="utf-8").splitlines()
    return [l for l in lines if not l.startswith("~ ")], [l[2:] for l in lines if l.startswith("~ ")]


def main(folder: Path = PAGES) -> dict:
    pages = sorted(folder.glob("*.html"))
    result = {}
    for name, extract in EXTRACTORS.items():
        found = found_clean = left = left_clean = total_body = total_furn = 0
        seconds = 0.0
        extract(readers._decode_html(pages[0].read_bytes(), str(pages[0]))[0])   # warm-up: imports, stoplists
        for path in pages:
            html, _ = readers._decode_html(path.read_bytes(), str(path))
            t = time.perf_counter()
            text = extract(html)
            seconds += time.perf_counter() - t
            cleaned = clean_text(text).text
            body, furniture = gold(path)
            total_body += len(body)
            total_furn += len(furniture)
            found += sum(_key(b) in _key(text) for b in body)
            found_clean += sum(_key(b) in _key(cleaned) for b in body)
            left += sum(f in text for f in furniture)
            left_clean += sum(f in cleaned for f in furniture)
        result[name] = {"body_found": found, "body_found_after_cleaning": found_clean, "body_lines": total_body,
                        "furniture_left": left, "furniture_left_after_cleaning": left_clean,
                        "furniture_strings": total_furn, "ms_per_page": round(1000 * seconds / len(pages), 1)}
        r = result[name]
        print(f"{name:17} body {found}/{total_body} (after cleaning {found_clean})  furniture left {left}/{total_furn}"
              f" (after cleaning {left_clean})  {r['ms_per_page']} ms/page")
    return result


if __name__ == "__main__":   # a set's name (dev, heldout3) or a folder of pages; default: dev
    arg = sys.argv[1] if len(sys.argv) > 1 else "dev"
    main(SETS.get(arg) or Path(arg))
