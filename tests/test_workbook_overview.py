"""The overview section's sentences: what cleaning did, when the wording dates the text to."""
from __future__ import annotations

import pytest

from effanalysis.workbook.overview import cleaning_sentence, era_sentence

pytestmark = pytest.mark.usefixtures("english")   # the sentences in English (both languages: test_i18n.py)


def test_cleaning_sentence_says_what_was_done(seed_report, corpus_reports):
    assert cleaning_sentence(seed_report) == (
        f"Cleaning removed 140 pinyin annotations, converted {seed_report.meta['converted_chars']:,} Traditional "
        "characters to Simplified, dropped 2 lines of site chrome and set aside a list of 10 related articles.")
    assert "pinyin" not in cleaning_sentence(corpus_reports[0])


def test_era_sentence_for_wide_narrow_and_open_spans():
    assert era_sentence({"from": 1945, "to": 2026, "evidence": ["no dated formulation is used"]}) == \
        "Its wording does not narrow down when it was written."
    assert era_sentence({"from": 2003, "to": 2012, "likely_from": 2007, "likely_to": 2012,
                                  "evidence": ["科学发展观"]}) == "Its formulations date it to 2007–2012 (at the widest 2003–2012)."
    assert era_sentence({"from": 1979, "to": None, "evidence": ["调整"]}) == "Its formulations date it to 1979 or later."
