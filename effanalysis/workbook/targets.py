"""3b. Targets: this year's targets as written, with last year's outcome beside them."""
from __future__ import annotations

import pandas as pd

from .. import handover, i18n, labels, measures
from ..handover import section
from ..i18n import _, ngettext
from .blocks import Section, heading, lede, table

@section
def targets_section(report) -> Section:
    """Targets 主要预期目标: this year's targets as written, with last year's outcome beside them.
    A bound (5%以上), a point with tolerance (5%左右) and an interval (4.5%—5%) keep their forms."""
    from ..metrics.status import report_year

    t = report.targets
    year = report_year(report)
    handover.frame(t, "targets")
    if not len(t):
        first = (_("This report states no targets for {year} for the standard indicators (growth, prices, jobs, "
                   "unemployment, revenue, trade, grain, energy, money supply, deficit).").format(year=i18n.year(year))
                 if year else
                 _("This report states no targets for the standard indicators (growth, prices, jobs, unemployment, "
                   "revenue, trade, grain, energy, money supply, deficit); it does not say which year it speaks from."))
        return Section("targets", lede(first) + measures.method_note("targets"),
                       {"targets": 0, "year": year, "indicators": []})
    forms = t["form"].value_counts()
    listed = i18n.enum(_("{indicator} {target}").format(indicator=r.label, target=r.surface)
                       for r in t.head(4).itertuples())
    listed = _("{targets} …").format(targets=listed) if len(t) > 4 else listed
    first = (ngettext("The report sets {n} target for {year}: {targets}.",
                      "The report sets {n} targets for {year}: {targets}.", len(t)).format(
                 n=i18n.num(len(t)), year=i18n.year(year), targets=listed) if year else
             ngettext("The report sets {n} target for the year it plans (it does not say which year it speaks "
                      "from): {targets}.",
                      "The report sets {n} targets for the year it plans (it does not say which year it speaks "
                      "from): {targets}.", len(t)).format(n=i18n.num(len(t)), targets=listed))
    second = _("Their forms as written: {forms}.").format(forms=i18n.enum(
        _("{label} ({n})").format(label=labels.target_form(f), n=i18n.num(int(n))) for f, n in forms.items()))
    with_outcome = int(t["last_outcome"].notna().sum())
    third = (ngettext("For {n} of them the report also states last year's outcome.",
                      "For {n} of them the report also states last year's outcome.", with_outcome).format(
                 n=i18n.num(with_outcome))
             if with_outcome else _("The report states no outcome of last year for these indicators."))
    shown = pd.DataFrame({"indicator": t["indicator"].map(labels.indicator_name), "written_as": t["label"],
                          "target": t["surface"], "form": t["form"].map(labels.target_form),
                          "low": t["low"], "high": t["high"], "unit": t["unit"],
                          "last_year_outcome": t["last_outcome"], "sentence": t["sentence"], "text": t["text"]})
    parts = [lede(first, second, third), measures.explain("target_form", reference_point=False),
             table(shown, ["indicator", "written_as", "target", "form", "low", "high", "unit", "last_year_outcome"],
                   sortable=True),
             heading(_("Where each target is stated"), 4),
             table(shown.drop_duplicates("sentence"), ["indicator", "text"]),
             measures.method_note("targets")]
    facts = {"targets": len(t), "year": year, "indicators": t["indicator"].tolist(),
             "surfaces": dict(zip(t["indicator"], t["surface"])), "forms": dict(zip(t["indicator"], t["qualifier"])),
             "last_outcomes": {k: v for k, v in zip(t["indicator"], t["last_outcome"]) if isinstance(v, str)}}
    return Section("targets", "".join(parts), facts)
