"""DIR/index.html: one row per document of a batch, sortable and filterable.

A page of its own (effanalysis/templates/index.html, Jinja2 with jinja2.ext.i18n):
inline style and a few lines of inline script allowed by its hash, no URL at all,
a Content-Security-Policy that forbids loading anything. Every value from a
document (title, id, error) is escaped. Its words are in the batch's language.
"""
from __future__ import annotations

import functools
import html
from importlib import resources
from pathlib import Path

from .. import __version__, i18n
from ..i18n import N_, NC_

TEMPLATES = Path(str(resources.files("effanalysis") / "templates"))
TEMPLATE = TEMPLATES / "index.html"

# (key, header, type): type "num" sorts numerically
COLUMNS = [("title", N_("Title"), "text"), ("year", N_("Year"), "num"), ("date", N_("Date"), "text"),
           ("chars", N_("Length"), "num"), ("claims", N_("Claims"), "num"),
           ("concreteness", N_("Concreteness"), "num"), ("era", N_("Era"), "text"),
           ("file", N_("File"), "text"), ("status", N_("Status"), "text")]
STATUS = {"ok": NC_("page status", "ok"), "failed": NC_("page status", "failed")}


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _number(key: str, value) -> str:
    if key == "year":
        return esc(value)
    if key == "concreteness" and isinstance(value, (int, float)):
        return esc(i18n.pct(value, 1))
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else esc(i18n.num(value, 0))
    return esc(i18n.num(value)) if isinstance(value, int) else esc(value)


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
    if key == "status" and v in STATUS:
        shown = i18n.pgettext(*STATUS[v])
        return f'<td data-v="{esc(v)}">{esc(shown)}</td>'
    return f'<td data-v="{esc(v)}">{esc(v)}</td>'


@functools.cache
def _environment(lang: str):
    """The index template with autoescape and the catalog of `lang` (built once per language)."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(i18n.translations(lang), newstyle=True)
    return env


def index_language(rows: list[dict], lang: str | None = None) -> str:
    """`lang`, or Chinese when the documents' titles are Chinese."""
    return i18n.check(lang) if lang else i18n.detect("".join(str(r.get("title") or "") for r in rows))


def render_index(rows: list[dict], corpus: dict | None = None, title: str | None = None,
                 lang: str | None = None) -> str:
    from markupsafe import Markup

    lang = index_language(rows, lang)
    previous = i18n.current()
    i18n.use(lang)
    try:
        ok = sum(1 for r in rows if r.get("status") == "ok")
        failed = len(rows) - ok
        lede = i18n.ngettext("{n} document: {ok} rendered.", "{n} documents: {ok} rendered.", len(rows)).format(
            n=i18n.num(len(rows)), ok=i18n.num(ok))
        if failed:
            lede += " " + i18n.ngettext("{n} failed (listed with its error).", "{n} failed (listed with their error).",
                                        failed).format(n=i18n.num(failed))
        corpus_html = ""
        if corpus:
            if corpus.get("status") == "ok":
                link = i18n.gettext("The corpus workbook")
                rest = i18n.gettext(": text reuse, figures across documents, formulations over time, distinctive "
                                    "keywords, concreteness.")
                corpus_html = f'<p><a href="corpus.html">{esc(link)}</a>{esc(rest)}</p>'
            elif corpus.get("status") == "failed":
                failed_msg = i18n.gettext("The corpus page failed: {error}").format(error=corpus.get("error"))
                corpus_html = f'<p class="error">{esc(failed_msg)}</p>'
        head = "".join(f'<th data-type="{kind}" scope="col">{esc(i18n.gettext(label))}</th>'
                       for _k, label, kind in COLUMNS)
        body = []
        for r in rows:
            cls = ' class="failed"' if r.get("status") != "ok" else ""
            body.append(f"<tr{cls}>" + "".join(_cell(r, k, kind) for k, _, kind in COLUMNS) + "</tr>")
        from ..pagescript import inline_script

        script, script_hash = inline_script("index.js")
        return _environment(lang).get_template("index.html").render(
            title=title or i18n.gettext("Reports"), lede=lede, corpus=Markup(corpus_html), head=Markup(head),
            rows=Markup("\n".join(body)), version=__version__, html_lang=i18n.html_lang(lang),
            script=Markup(script), script_hash=script_hash)
    finally:
        i18n.use(previous)


def write_index(out_dir: Path, rows: list[dict], corpus: dict | None = None, lang: str | None = None) -> Path:
    from ..render.leftovers import write_atomic

    return write_atomic(Path(out_dir) / "index.html", render_index(rows, corpus, lang=lang))
