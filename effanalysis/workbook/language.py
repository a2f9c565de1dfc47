"""4. Language: keywords, names, dated formulations, mechanisms; substance and formula by section."""
from __future__ import annotations

import pandas as pd

from .. import bars, handover, i18n, measures
from ..handover import section
from ..i18n import _, ngettext
from .blocks import Section, figure, heading, lede, table

def language_sentences(p) -> list[str]:
    out = []
    if len(p.keywords):
        out.append(_("Its most distinctive words (TF-IDF) are {terms}.").format(terms="、".join(p.keywords["term"].head(5))))
    names = []
    if len(p.people):
        n, shown = len(p.people), p.people["name"].head(3)
        said = (ngettext("{n} person ({names})", "{n} people ({names})", n) if n == len(shown) else
                _("{n} people (among them {names})"))   # n > 3 here: the English plural
        names.append(said.format(n=i18n.num(n), names="、".join(shown)))
    if len(p.organizations):
        n = len(p.organizations)
        names.append(ngettext("{n} organisation", "{n} organisations", n).format(n=i18n.num(n)))
    if len(p.media):
        n = len(p.media)
        names.append(ngettext("{n} media title", "{n} media titles", n).format(n=i18n.num(n)))
    if names:
        out.append(_("It names {things}.").format(things=i18n.join(names)))
    if len(p.slogans):
        out.append(_("Dated formulations: {terms}.").format(terms="、".join(p.slogans["term"].head(4))))
    if len(p.mechanisms):
        n = len(p.mechanisms)
        out.append(ngettext("It lists {n} institutional mechanism.", "It lists {n} institutional mechanisms.", n).format(
            n=i18n.num(n)))
    return out or [_("The language profile found nothing to report.")]


@section
def language(report, top_n: int = 20) -> Section:
    p = report.profile()
    parts = [lede(*language_sentences(p))]
    if len(p.keywords):
        kw = p.keywords.head(top_n)
        handover.frame(p.keywords, "keywords")
        n = len(kw)
        parts.append(figure(bars.barh(kw["term"], kw["weight"],
                                       ngettext("The top keyword (TF-IDF weight)", "Top {n} keywords (TF-IDF weight)",
                                                n).format(n=i18n.num(n))),
                            _("Bar chart of the top keywords")))
        parts.append(measures.explain("keyword_weight", reference_point=False))
    people = p.people.rename(columns={"title": "position"}) if len(p.people) else p.people
    for frame, label, cols in ((people, _("People"), ["name", "position", "count"]),
                               (p.organizations, _("Organisations"), ["name", "count"]),
                               (p.media, _("Media"), ["name", "count"]),
                               (p.campaigns, _("Campaigns"), ["name", "count"]),
                               (p.slogans, _("Formulations and their years"), ["term", "count", "first_year", "last_year"]),
                               (p.mechanisms, _("Mechanisms"), ["name", "frequency", "count"])):
        parts += [heading(label), table(frame, cols, max_rows=top_n)]
    secs = p.sections
    scores = measures.document_scores(report)
    if len(secs):
        parts.append(heading(_("Substance and formula by section")))
        parts += [measures.explain(m, scores[m]) for m in ("concreteness", "boilerplate_density")]
        cols = [c for c in ("concreteness", "boilerplate_density") if c in secs]
        if cols:
            parts.append(figure(bars.section_scores(secs, cols, _("Concreteness and boilerplate density")),
                                _("Grouped bar chart of concreteness and boilerplate density by section")))
        # concreteness is explained as a share of sentences (0–100%): the table shows it so too
        shown = secs.assign(concreteness_pct=(secs["concreteness"] * 100).round(0)) if "concreteness" in secs else secs
        parts.append(table(shown, ["section", "title", "chars", "sentences", "concreteness_pct",
                                   "boilerplate_density", "readability", "template"]))
    if getattr(p, "readability", None):
        parts += [heading(_("Readability")), measures.explain("readability", p.readability.get("value")),
                  table(pd.DataFrame([{"measure": k, "value": v} for k, v in p.readability.items()]))]
    parts.append(measures.method_note("language"))
    facts = {"concreteness": scores["concreteness"],   # the batch index's column
             "keywords": p.keywords["term"].head(top_n).tolist() if len(p.keywords) else [],
             "people": p.people["name"].tolist() if len(p.people) else [],
             "media": p.media["name"].tolist() if len(p.media) else [],
             "slogans": p.slogans["term"].tolist() if len(p.slogans) else [],
             "mechanisms": p.mechanisms["name"].tolist() if len(p.mechanisms) else []}
    return Section("language", "".join(parts), facts)
