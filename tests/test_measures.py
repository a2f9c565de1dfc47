"""Measures that explain themselves: the corpus reference is computed from the bundled corpus by
the same function a page uses for its report, and a value's standing follows the reference."""
from __future__ import annotations

import pytest

from effanalysis import i18n, measures
from effanalysis.language import lexicon


@pytest.mark.slow
def test_shipped_reference_is_what_the_rebuild_computes(corpus_reports):
    """lexicons/measure_reference.tsv is derived, not typed in: rebuilding it from the bundled
    corpus gives the same text (run `python -m effanalysis.measures` after changing a measure)."""
    assert measures.write_reference(measures.build_reference(corpus_reports)) == \
        lexicon.path(measures.REFERENCE).read_text(encoding="utf-8")


def test_reference_is_ordered_and_counts_documents():
    ref = measures.reference()
    assert set(measures.SCORES) <= set(ref)
    for m in measures.SCORES:
        r = ref[m]
        assert r["min"] <= r["p10"] <= r["median"] <= r["p90"] <= r["max"] and r["documents"] >= 40
    assert 0 < ref["concreteness"]["max"] <= 1


def test_standing_follows_the_reference():
    i18n.use("en")
    ref = measures.reference()["boilerplate_density"]
    assert "nine in ten" in measures.standing("boilerplate_density", ref["p90"] + 1)
    assert "lower than nine" in measures.standing("boilerplate_density", ref["p10"] - 0.1)
    assert "below their median" in measures.standing("boilerplate_density", (ref["p10"] + ref["median"]) / 2)
    assert measures.standing("boilerplate_density", None) == ""


def test_every_measure_explains_what_scale_and_direction_in_both_languages():
    for lang in i18n.LANGS:
        i18n.use(lang)
        for m in measures.MEANING:
            text = measures.explain(m, reference_point=False)
            assert text.startswith('<p class="measure">') and text.count("；" if lang == "zh" else ";") >= 1
    i18n.use("en")


def test_document_scores_of_the_seed(seed_report):
    s = measures.document_scores(seed_report)
    p = seed_report.profile().sections
    # Length-weighted means lie between the sections' extremes.
    assert p["concreteness"].min() <= s["concreteness"] <= p["concreteness"].max()
    assert s["claims_per_10k"] == pytest.approx(len(seed_report.claims) / len(seed_report.text) * 1e4)


def test_the_reference_counts_the_documents_each_measure_is_defined_for():
    """Concreteness and boilerplate density are computed per section, so a document whose outline
    finds no heading has none; readability and claims per 10,000 characters are defined for every
    text. Two documents, one with numbered headings and one without: 1 of 2 and 2 of 2."""
    from effanalysis import Report

    with_headings = Report.from_text("测试报告\n一、工作回顾\n全年增长5%。\n二、今年任务\n切实做好工作。\n", doc="a")
    without = Report.from_text("测试报告\n全年增长5%。切实做好工作。\n", doc="b")
    assert len(with_headings.sections) > 0 and len(without.sections) == 0
    ref = measures.build_reference([with_headings, without]).set_index("measure")
    for m in measures.PER_SECTION:
        assert (ref.loc[m, "documents"], ref.loc[m, "corpus"]) == (1, 2)
    for m in ("readability", "claims_per_10k"):
        assert (ref.loc[m, "documents"], ref.loc[m, "corpus"]) == (2, 2)
    assert (ref.loc["era_within", "documents"], ref.loc["era_within", "corpus"]) == (0, 2)   # neither has a year


def test_the_reference_sentence_says_what_it_is_computed_over(monkeypatch):
    """'72 documents' where a measure is defined for all of them, '49 of the 72 … whose headings were
    found' where it is computed per section, in both languages; the numbers are the table's."""
    stats = {"median": 0.5, "p10": 0.2, "p90": 0.8, "min": 0.1, "max": 0.9}
    table = {"concreteness": {"documents": 49.0, "corpus": 72.0, **stats},
             "readability": {"documents": 72.0, "corpus": 72.0, **stats},
             "era_within": {"documents": 52.0, "corpus": 72.0, **stats}}
    monkeypatch.setattr(measures, "reference", lambda: table)
    try:
        i18n.use("en")
        assert measures.reference_sentence("concreteness").startswith(
            "Over the 49 of the bundled corpus's 72 documents whose headings were found (this measure is computed "
            "per section): median 50%, 20% to 80% for the middle 80%")
        assert measures.reference_sentence("readability").startswith("Over all 72 documents of the bundled corpus:")
        assert measures.era_reference() == ("Of the bundled corpus's 72 documents, 52 have a known year; for 50% of "
                                            "these the estimated span holds that year.")
        i18n.use("zh")
        assert measures.reference_sentence("concreteness").startswith(
            "内置语料72篇文档中识别出标题的49篇（该指标按部分计算）：中位数为50%")
        assert measures.reference_sentence("readability").startswith("内置语料的全部72篇文档：中位数为0.50")
        assert measures.era_reference() == "内置语料的72篇文档中有52篇已知年份，其中估计区间包含实际年份的占50%。"
    finally:
        i18n.use("en")


def test_the_shipped_reference_counts_all_documents_of_the_bundled_corpus(corpus_rows):
    """Every measure's row says how many documents the corpus holds (one per row of the file), and no
    measure is computed over more of them."""
    ref = measures.reference()
    for m in (*measures.SCORES, "era_within"):
        assert ref[m]["corpus"] == len(corpus_rows) and ref[m]["documents"] <= ref[m]["corpus"]
    # readability and claims need only text; the era check needs the corpus's year
    assert ref["readability"]["documents"] == ref["claims_per_10k"]["documents"] == len(corpus_rows)
    assert ref["era_within"]["documents"] == sum(1 for r in corpus_rows if r.get("year"))
