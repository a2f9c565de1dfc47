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
