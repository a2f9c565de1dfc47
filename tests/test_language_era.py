"""The era estimate and the slogan lexicon, checked against the dated corpus."""
from __future__ import annotations

import statistics

import pytest

from effanalysis.language import era, slogans


@pytest.fixture(scope="module")
def dated(corpus_reports):
    """(year, formulations found) of every dated State Council report."""
    return [(r.year, slogans.find(r.text)) for r in corpus_reports if r.year]


def test_era_interval_contains_the_year_of_reports_from_1978_on(dated):
    estimates = [(year, era.estimate(found)) for year, found in dated if year >= 1978]
    hits = [e["from"] <= year <= e["to"] for year, e in estimates]
    widths = [e["to"] - e["from"] for _, e in estimates]
    hit_rate, median_width = sum(hits) / len(hits), statistics.median(widths)
    likely = sum(e["likely_from"] <= year <= e["likely_to"] for year, e in estimates) / len(estimates)
    print(f"era: {sum(hits)}/{len(hits)} reports inside their interval ({hit_rate:.1%}), median width "
          f"{median_width} years; inside the likely interval: {likely:.1%}")
    assert all(e["from"] <= e["likely_from"] <= e["likely_to"] <= e["to"] for _, e in estimates)
    assert len(estimates) >= 40
    assert hit_rate >= 0.90
    # A narrow interval is what makes a hit worth anything.
    assert median_width <= 6


def test_no_formulation_appears_before_its_first_year(dated):
    early = [(year, term, first) for year, found in dated
             for term, first in zip(found["term"], found["first_year"]) if year < first]
    assert early == []


def test_lexicon_years_are_ordered_and_markers_are_known():
    lex = slogans.entries()
    assert lex["term"].is_unique and len(lex) >= 60
    literal = lex["literal"].dropna().tolist()
    assert not [(a, b) for a in literal for b in literal if a != b and a in b]  # slogans.find counts them in one scan
    assert (lex["first_year"] <= lex["standard_year"]).all()
    last = lex.dropna(subset=["last_year"])
    assert (last["standard_year"] <= last["last_year"]).all()
    assert [first for _, first, _ in era.eras()] == sorted(first for _, first, _ in era.eras())


def test_successors_absent_bound_the_era():
    # 科学发展观 alone: not before 2003, and no Xi-era formulation → not after 2012.
    alone = era.estimate(slogans.find("深入贯彻落实科学发展观。"))
    assert (alone["from"], alone["to"]) == (2003, 2012)
    # With 八项规定 the Xi era is present: the bound moves to the next era (2017).
    later = era.estimate(slogans.find("深入贯彻落实科学发展观，严格执行八项规定。"))
    assert (later["from"], later["to"]) == (2012, 2017)
