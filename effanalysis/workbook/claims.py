"""3. Claims: the quantitative claims and the audit of their figures."""
from __future__ import annotations

import pandas as pd

from .. import bars, handover, i18n, labels, measures
from ..handover import section
from ..i18n import _, ngettext
from .blocks import Section, figure, heading, lede, muted, table

CLAIM_SHOWN = ["surface", "kind", "subject", "norm_value", "unit", "qualifier", "low", "high", "relation"]


def _section_names(report) -> dict:
    names = {str(r.section): f"{r.label}{r.title}" for r in report.sections.itertuples()}
    names["0"] = _("preamble")
    return names


def claims_sentences(claims: pd.DataFrame, audit: pd.DataFrame, report) -> list[str]:
    if len(claims) == 0:
        return [_("No quantitative claims were found in this report.")]
    kinds = claims["kind"].value_counts()
    names = _section_names(report)
    per = claims["section"].astype(str).value_counts()
    mostly = i18n.enum(_("{label} ({n})").format(label=labels.value("kind", k), n=i18n.num(int(v)))
                       for k, v in kinds.head(3).items())
    out = [ngettext("The report makes {n} quantitative claim: {kinds}.",
                    "The report makes {n} quantitative claims, mostly {kinds}.", len(claims)).format(
               n=i18n.num(len(claims)), kinds=mostly),
           _("{section} holds the most ({n}).").format(section=names.get(per.index[0], per.index[0]),
                                                       n=i18n.num(int(per.iloc[0])))]
    approx = claims[claims["qualifier"].isin(["over", "under", "approx", "range"])]
    if len(approx):
        out.append(ngettext("{n} claim is approximate or open-ended (e.g. {example}).",
                            "{n} claims are approximate or open-ended (e.g. {example}).", len(approx)).format(
            n=i18n.num(len(approx)), example=approx["surface"].iloc[0]))
    if len(audit):
        warn = int((audit["status"] == "warn").sum())
        out.append(ngettext("The audit derived {n} check.", "The audit derived {n} checks.", len(audit)).format(
            n=i18n.num(len(audit))))
        out.append(ngettext("{n} of them raises a warning and needs a look.",
                            "{n} of them raise a warning and need a look.", warn).format(n=i18n.num(warn))
                   if warn else _("None raised a warning."))
    return out


@section
def claims_section(report) -> Section:
    claims, audit = report.claims, report.audit
    names = _section_names(report)
    handover.frame(claims, "claims")   # the whole tables first, then the parts the page shows
    handover.frame(audit, "audit")
    parts = [lede(*claims_sentences(claims, audit, report)),
             measures.explain("claims_per_10k", measures.document_scores(report)["claims_per_10k"])]
    if len(claims):
        by_kind = claims["kind"].value_counts()
        by_kind.index = [labels.value("kind", k) for k in by_kind.index]
        parts.append(figure(bars.counts(by_kind, _("Claims by kind")),
                            _("Bar chart of claims by kind")))
        by_sec = claims["section"].astype(str).map(lambda s: names.get(s, s)).value_counts(sort=False)
        parts.append(figure(bars.counts(by_sec, _("Claims by section"), color=bars.PALETTE[0]),
                            _("Bar chart of claims by section")))
        for sec, group in claims.groupby(claims["section"].astype(str), sort=False):
            parts += [heading(ngettext("{section} — {n} claim", "{section} — {n} claims", len(group)).format(
                          section=names.get(sec, sec), n=i18n.num(len(group))), 4),
                      table(group.reset_index(), CLAIM_SHOWN, links={"surface": lambda r: f"#claim-{r['index']}"},
                            sortable=True)]
    parts += [heading(_("Audit")), measures.explain("audit_status", reference_point=False)]
    if len(audit):
        shown = audit.copy()
        shown["status"] = shown["status"].map(lambda s: _("⚠ warn") if s == "warn" else _("ok"))
        shown["message"] = shown["message"].map(i18n.translate)
        parts.append(table(shown, ["status", "check", "subject", "value", "unit", "message", "rows", "evidence"],
                           links={"rows": lambda r: f"#claim-{str(r['rows']).split(',')[0].strip()}"},
                           sortable=True))
    else:
        parts.append(muted(_("(no checks apply)")))
    parts.append(measures.method_note("claims"))
    facts = {"claims": len(claims), "kinds": claims["kind"].value_counts().to_dict() if len(claims) else {},
             "surfaces": claims["surface"].tolist(),
             "audit": len(audit), "audit_warn": int((audit["status"] == "warn").sum())}
    return Section("claims", "".join(parts), facts)
