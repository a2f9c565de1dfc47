"""DIR/index.html: one row per document of a batch, sortable and filterable.

A page of its own (effanalysis/templates/index.html): inline style and a few
lines of inline script, no URL at all, a Content-Security-Policy that forbids
loading anything. Every value from a document (title, id, error) is escaped.
"""
from __future__ import annotations

import html
from importlib import resources
from pathlib import Path
from string import Template

from .. import __version__

TEMPLATE = Path(str(resources.files("effanalysis") / "templates" / "index.html"))

# (key, header, type): type "num" sorts numerically
COLUMNS = [("title", "Title 标题", "text"), ("year", "Year 年份", "num"), ("date", "Date 日期", "text"),
           ("chars", "Length 字数", "num"), ("claims", "Claims 数字", "num"),
           ("concreteness", "Concreteness 具体性", "num"), ("era", "Era 年代", "text"),
           ("file", "File 文件", "text"), ("status", "Status 状态", "text")]


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _number(key: str, value) -> str:
    if key == "year":
        return esc(value)
    if key == "concreteness" and isinstance(value, (int, float)):
        return f"{100 * value:.1f}%"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else esc(value)


def _cell(row: dict, key: str, kind: str) -> str:
    v = row.get(key)
    if v is None or v == "":
        return '<td data-v="" class="muted">—</td>'
    if key == "title":
        link = f'<a href="{esc(row["href"])}">{esc(v)}</a>' if row.get("href") else esc(v)
        err = f'<div class="error">{esc(row["error"])}</div>' if row.get("error") else ""
        return f'<td data-v="{esc(v)}">{link}{err}</td>'
    if kind == "num":
        return f'<td class="num" data-v="{esc(v)}">{_number(key, v)}</td>'
    return f'<td data-v="{esc(v)}">{esc(v)}</td>'


def render_index(rows: list[dict], corpus: dict | None = None, title: str = "Reports 报告") -> str:
    ok = sum(1 for r in rows if r.get("status") == "ok")
    failed = len(rows) - ok
    lede = f"{len(rows)} documents: {ok} rendered" + (f", {failed} failed (listed with their error)" if failed else "") + "."
    corpus_html = ""
    if corpus:
        if corpus.get("status") == "ok":
            corpus_html = '<p><a href="corpus.html">The corpus workbook 语料对比</a>: text reuse, figures across ' \
                          "documents, formulations over time, distinctive keywords, concreteness.</p>"
        elif corpus.get("status") == "failed":
            corpus_html = f'<p class="error">The corpus page failed: {esc(corpus.get("error"))}</p>'
    head = "".join(f'<th data-type="{kind}" scope="col">{esc(label)}</th>' for _, label, kind in COLUMNS)
    body = []
    for r in rows:
        cls = ' class="failed"' if r.get("status") != "ok" else ""
        body.append(f"<tr{cls}>" + "".join(_cell(r, k, kind) for k, _, kind in COLUMNS) + "</tr>")
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        title=esc(title), lede=esc(lede), corpus=corpus_html, head=head, rows="\n".join(body),
        version=esc(__version__))


def write_index(out_dir: Path, rows: list[dict], corpus: dict | None = None) -> Path:
    from ..render.leftovers import write_atomic

    return write_atomic(Path(out_dir) / "index.html", render_index(rows, corpus))
