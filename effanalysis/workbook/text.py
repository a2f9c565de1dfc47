"""5. The text: the cleaned text with every claim marked and each heading an anchor."""
from __future__ import annotations

import pandas as pd

from .. import i18n, labels, measures
from ..escape import esc
from ..handover import section
from ..i18n import _, ngettext
from .blocks import Section, lede, muted

def _spans(claims: pd.DataFrame | None) -> list[tuple[int, int, int, str]]:
    """Non-overlapping claim spans (start, end, row, tooltip), in text order."""
    if claims is None or not len(claims):
        return []
    out, last = [], -1
    for i, r in claims.sort_values(["start", "end"]).iterrows():
        if int(r["start"]) >= last:
            tip = _("{kind}: {value} {unit} · {subject}").format(
                kind=labels.value("kind", r.get("kind", "")), value=r.get("norm_value", ""),
                unit=r.get("unit", "") or "", subject=r.get("subject", "") or "")
            out.append((int(r["start"]), int(r["end"]), i, tip))
            last = int(r["end"])
    return out


def text_html(report, claims: pd.DataFrame | None = None) -> tuple[str, int]:
    """The cleaned text as paragraphs, each claim a <mark id="claim-ROW">, each
    heading an anchor (#text-START). Returns the HTML and the number of marks."""
    text = report.text
    heads = {int(r.start) for r in report.sections.itertuples()}
    spans = _spans(claims)
    out, k, marks, pos = [], 0, 0, 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        pieces, cur = [], start
        while k < len(spans) and spans[k][0] < end:
            s, e, row, tip = spans[k]
            k += 1
            if s < cur or e > end:   # crosses a line: leave unmarked
                continue
            pieces.append(esc(text[cur:s]))
            pieces.append(f'<mark class="claim" id="claim-{row}" title="{esc(tip)}">{esc(text[s:e])}</mark>')
            marks += 1
            cur = e
        pieces.append(esc(text[cur:end]))
        if start in heads:
            out.append(f'<p class="heading" id="text-{start}">{"".join(pieces)}</p>')
        else:
            out.append(f"<p>{''.join(pieces)}</p>")
    return '<div class="report-text">' + "\n".join(out) + "</div>", marks


@section
def text_section(report, show_text: bool = True) -> Section:
    claims = report.claims
    if not show_text:
        return Section("text", muted(_("(the full text is left out: show_text=False)")), {"marks": 0})
    body, marks = text_html(report, claims)
    nav = " · ".join(f'<a href="#text-{int(r.start)}">{esc(r.label)}{esc(r.title)}</a>'
                     for r in report.sections[report.sections["level"] == report.sections["level"].min()].itertuples()) \
        if len(report.sections) else ""
    first = _("The cleaned text has {n} characters.").format(n=i18n.num(len(report.text)))
    second = ngettext("{n} claim is highlighted (hover for the reading).",
                      "{n} claims are highlighted (hover for the reading).", marks).format(
        n=i18n.num(marks)) if marks else ""
    return Section("text", lede(first, second) + measures.method_note("text") + (f'<p class="jump">{nav}</p>' if nav else "")
                   + body, {"marks": marks})
