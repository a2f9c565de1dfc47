"""Corpus analyses on the bundled State Council reports: figures across documents, trends."""
from __future__ import annotations

import pandas as pd
import pytest

from effanalysis.corpus.series import claims_about, role_of, target_vs_outcome


@pytest.fixture(scope="module")
def by_year(corpus_reports):
    return {r.year: r for r in corpus_reports if r.year}


@pytest.fixture(scope="module")
def gdp(by_year):
    return claims_about([by_year[y] for y in (2013, 2014, 2015, 2016, 2021, 2022)])


def test_role_of_sentences():
    assert role_of("今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右。", 2013) == "target"
    assert role_of("国内生产总值达到63.6万亿元，比上年增长7.4%。", 2015) == "outcome"
    assert role_of("2012年，我们全面实现年初确定的主要目标，国内生产总值增长7.8%。", 2013) == "outcome"
    assert role_of("经济恢复好于预期，全年国内生产总值增长2.3％。", 2021) == "outcome"
    assert role_of("2007年，国内生产总值比2002年增长65.5%，年均增长10.6%。", 2008) == "average"
    assert role_of("一九九○年国民生产总值比一九八○年增长一点六倍。", 1986) == "average"
    # 左右 of another figure in a plain sentence does not make a target (2025 report, about 2024) …
    assert role_of("主要表现在，经济规模稳步扩大，国内生产总值达到134.9万亿元、增长5%，增速居世界主要经济体前列，"
                   "对全球经济增长的贡献率保持在30%左右。", 2025, "5%") == "outcome"
    # … but a list of targets does, and so does an approximate figure of its own.
    assert role_of("国内生产总值增长7.5％；城镇新增就业900万人以上；居民消费价格涨幅控制在4％左右。", 2012, "7.5％") == "target"
    assert role_of("国内生产总值增长8％左右，经济结构进一步优化。", 2010, "8％左右") == "target"


def test_gdp_claims_have_roles_and_the_year_they_are_about(gdp, by_year):
    assert set(gdp["role"]) <= {"target", "outcome", "average"}
    for row in gdp.itertuples():
        assert row.surface in row.text                      # the claim is in its sentence
        assert row.text in by_year[row.year].text           # the sentence is in its report
        if row.role == "target":
            assert row.about == row.year
        elif row.role == "outcome":
            assert row.about == row.year - 1
    assert (gdp.loc[gdp["role"] == "target", "year"].nunique()) == 6   # each report states a target


def test_target_and_outcome_aligned_across_reports(gdp, by_year):
    tv = target_vs_outcome(gdp).set_index("year")
    # 2014: target 7.5% in the 2014 report, 7.4% achieved per the 2015 report
    assert tv.loc[2014, "target"] == 7.5 and tv.loc[2014, "outcome"] == 7.4
    assert "预期目标" in tv.loc[2014, "target_text"]
    assert tv.loc[2014, "target_doc"] == by_year[2014].doc and tv.loc[2014, "outcome_doc"] == by_year[2015].doc
    assert tv.loc[2014, "difference"] == pytest.approx(-0.1) and not tv.loc[2014, "met"]
    # 2020 had no report in the corpus: its outcome comes from the 2021 report only
    assert pd.isna(tv.loc[2020, "target"]) and tv.loc[2020, "outcome"] == 2.3
    assert tv.loc[2021, "target"] == 6 and tv.loc[2021, "outcome"] == 8.1
    # the 2016 report's outcome is about 2015; its own outcome would be in 2017's report (not given)
    assert pd.isna(tv.loc[2016, "outcome"]) and tv.loc[2015, "outcome"] == 6.9
    assert tv.index.is_monotonic_increasing


def test_series_ignores_undated_reports_and_other_subjects(corpus_reports):
    resolutions = [r for r in corpus_reports if r.year is None][:3]
    assert claims_about(resolutions).empty
    jobs = claims_about([r for r in corpus_reports if r.year == 2024], subject=r"就业$", kinds=("count",))
    assert len(jobs) >= 2 and jobs["subject"].str.endswith("就业").all() and (jobs["kind"] == "count").all()
    assert set(jobs["role"]) == {"target", "outcome"}   # 1244万人 last year, 1200万人以上 this year


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
