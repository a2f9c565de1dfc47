"""2. Structure: headings, lead sentences and 一是 items, section lengths."""
from __future__ import annotations

from .. import bars, handover, i18n, measures
from ..escape import esc
from ..handover import section
from ..i18n import _, ngettext
from .blocks import Section, figure, heading, lede

def _outline_items(node: dict) -> str:
    sub = "".join(f'<li class="lead">· {esc(x["text"])}</li>' for x in node.get("leads", []))
    sub += "".join(f'<li class="lead">· {esc(x["text"])}</li>' for x in node.get("enumeration", []))
    sub += "".join(_outline_items(c) for c in node["children"])
    size = _("{n} chars").format(n=i18n.num(node["end"] - node["start"]))
    return (f'<li><a href="#text-{node["start"]}"><span class="label">{esc(node["label"])}</span>'
            f'{esc(node["title"])}</a> <span class="muted">{esc(size)}</span>'
            + (f"<ul>{sub}</ul>" if sub else "") + "</li>")


def outline_html(report) -> str:
    tree = report.outline.to_dict()
    return '<ul class="outline">' + "".join(_outline_items(s) for s in tree["sections"]) + "</ul>"


def structure_sentences(report) -> list[str]:
    s = report.sections
    if len(s) == 0:
        n = len(report.sentences)
        return [ngettext("No numbered headings were found: the report is one block of {n} sentence.",
                         "No numbered headings were found: the report is one block of {n} sentences.", n).format(
                    n=i18n.num(n))]
    top = s[s["level"] == s["level"].min()]
    sizes = s["end"] - s["start"]
    longest = s.loc[sizes.idxmax()]
    pre = report.outline.preamble
    # one section and many are different sentences, not plural forms of one (Chinese has one form)
    if len(top) == 1:
        out = [_("The report has one top-level section ({first}).").format(first=top["label"].iloc[0])]
    else:
        out = [_("The report has {n} top-level sections ({first}…{last}).").format(
            n=i18n.num(len(top)), first=top["label"].iloc[0], last=top["label"].iloc[-1])]
    if len(s) > len(top):
        m = len(s) - len(top)
        out.append(ngettext("Below them is {n} sub-heading.", "Below them are {n} sub-headings.", m).format(n=i18n.num(m)))
    if pre[1] > pre[0]:
        out.append(_("A preamble of {n} characters comes before the first heading.").format(n=i18n.num(pre[1] - pre[0])))
    out.append(_("The longest is {section} with {n} characters ({share} of the text).").format(
        section=f"{longest['label']}{longest['title']}", n=i18n.num(int(sizes.max())),
        share=i18n.pct(sizes.max() / max(len(report.text), 1))))
    items = report.outline.items
    said = {"lead": lambda n: ngettext("{place} carries {n} lead sentence.", "{place} carries {n} lead sentences.", n),
            "enum": lambda n: ngettext("{place} carries {n} 一是-style item.", "{place} carries {n} 一是-style items.", n)}
    for kind in ("lead", "enum"):
        k = items[items["kind"] == kind]
        if len(k):
            where = k["section"].value_counts()
            sid = where.index[0]
            if sid == "0":  # items before the first heading
                place = _("The preamble")
            else:
                sec = s.set_index("section").loc[sid]
                title = sec["title"]
                place = f"{sec['label']}{title[:12]}" + ("…" if len(title) > 12 else "")
            n = int(where.iloc[0])
            out.append(said[kind](n).format(place=place, n=i18n.num(n)))
    return out


@section
def structure(report) -> Section:
    s = report.sections
    handover.frame(s, "sections")
    handover.frame(report.outline.items, "items")
    parts = [lede(*structure_sentences(report)), heading(_("Outline")), outline_html(report)]
    if len(s):
        parts.append(figure(bars.section_lengths(s), _("Bar chart of section lengths in characters"),
                            _("Characters per section")))
    parts.append(measures.method_note("structure"))
    facts = {"sections": len(s), "sentences": len(report.sentences), "top_level": int((s["level"] == s["level"].min()).sum()) if len(s) else 0,
             "headings": [f"{r.label}{r.title}" for r in s.itertuples()],
             "leads": int((report.outline.items["kind"] == "lead").sum()),
             "enumerated": int((report.outline.items["kind"] == "enum").sum())}
    return Section("structure", "".join(parts), facts)
