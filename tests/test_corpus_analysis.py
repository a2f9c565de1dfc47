"""Corpus analyses on the bundled State Council reports: trends (the ledger: test_ledger.py)."""
from __future__ import annotations

import pandas as pd
import pytest


@pytest.fixture(scope="module")
def by_year(corpus_reports):
    return {r.year: r for r in corpus_reports if r.year}


# --- trends -------------------------------------------------------------------------------------
from effanalysis.corpus import trends  # noqa: E402
from effanalysis.language import slogans  # noqa: E402


@pytest.fixture(scope="module")
def trio(by_year):
    return [by_year[y] for y in (1978, 1998, 2024)]


def test_formulation_matrix_counts_the_texts(trio):
    found = trends.formulations(trio)
    m = trends.formulation_matrix(found, min_reports=1)
    assert list(m.columns) == [1978, 1998, 2024]
    lex = slogans.entries().set_index("term")
    plain = [t for t in m.index if lex.loc[t, "regex"] is None]     # searched as a literal string
    assert len(plain) >= 3
    for term in plain:
        for r in trio:
            assert m.loc[term, r.year] == r.text.count(lex.loc[term, "literal"])
    first_use = [next(y for y in m.columns if m.loc[t, y] > 0) for t in m.index]
    assert first_use == sorted(first_use)          # ordered by the year a term first appears
    assert trends.formulation_matrix(found, min_reports=3).index.isin(m.index).all()


def test_era_against_real_year(trio, corpus_reports):
    er = trends.eras(trio + [r for r in corpus_reports if r.year is None][:1])
    dated = er.dropna(subset=["year"])
    for row in dated.itertuples():
        assert row.within == (row._4 <= row.year <= row.to)          # _4: the "from" column
        assert row.off_by == max(row.likely_from - row.year, row.year - row.likely_to, 0)
    assert er["year"].isna().sum() == 1 and er["within"].isna().sum() == 1


def test_distinctive_keywords_are_overused_in_their_document(trio):
    kw = trends.distinctive_keywords(trio, top_n=5)
    assert set(kw["doc"]) == {r.doc for r in trio} and (kw.groupby("doc").size() == 5).all()
    for row in kw.itertuples():
        own = next(r for r in trio if r.doc == row.doc)
        others = [r for r in trio if r.doc != row.doc]
        rate = own.text.count(row.term) / len(own.text)
        assert rate > max(o.text.count(row.term) / len(o.text) for o in others)
    for _, g in kw.groupby("doc"):
        assert g["z"].is_monotonic_decreasing and list(g["rank"]) == [1, 2, 3, 4, 5]
    assert trends.distinctive_keywords(trio[:1]).empty


def test_concreteness_is_a_length_weighted_mean_of_sections(trio):
    c = trends.concreteness(trio).set_index("doc")
    for r in trio:
        secs = r.profile().sections
        assert secs["concreteness"].min() <= c.loc[r.doc, "concreteness"] <= secs["concreteness"].max()
        assert c.loc[r.doc, "claims"] == len(r.claims)
        assert c.loc[r.doc, "claims_per_10k"] == pytest.approx(len(r.claims) / len(r.text) * 1e4, abs=0.01)
    assert list(c["label"]) == ["1978", "1998", "2024"]


def test_the_era_check_counts_the_reports_it_is_right_for(in_both_languages):
    """Two reports dated 2006 and 1990 that both use 科学发展观 (current from 2003, standard from 2007):
    the estimate 2003–2012 holds 2006 but not 1990, the likely 2007–2012 holds neither. The corpus
    page gives the counts with their shares, rounded as the report page rounds them (50%, not 50.00%)."""
    import re

    from effanalysis import Report
    from effanalysis.corpus.workbook import formulations_section

    text = "政府工作报告\n我们坚持以科学发展观统领经济社会发展全局。\n"
    reports = [Report.from_text(text, doc="a", meta={"year": 2006}), Report.from_text(text, doc="b", meta={"year": 1990})]
    assert [(e["from"], e["to"], e["likely_from"]) for e in (r.profile().era for r in reports)] == [(2003, 2012, 2007)] * 2
    en, zh = in_both_languages(lambda: re.sub(r"<[^>]+>", "", formulations_section(reports).html))
    assert "1 dated formulation occurs in the corpus; those used by at least 2 dated reports (1) appear below" in en
    assert ("contains the real year for 1 of the 2 dated reports (50%); the narrower likely interval for 0 (0%)."
            in en)
    assert "在2份有年份的报告中，仅凭提法估计的年代区间包含实际年份的有1份（50%）；较窄的较可能区间包含实际年份的有0份（0%）。" in zh
