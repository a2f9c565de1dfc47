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


def test_the_first_sentence_names_the_format_read_or_none(corpus_reports, in_both_languages):
    """A corpus row has no reader's format: the file's (jsonl) is named, not "?"; a text given
    directly has no file, and the sentence says only what was read."""
    from effanalysis import Report
    from effanalysis.workbook.overview import overview

    row, text = corpus_reports[0], Report.from_text("测试报告\n全年增长5%。\n", doc="t")
    en, zh = in_both_languages(lambda: (overview(row).html, overview(text).html))
    assert "as read from the jsonl file)" in en[0] and "从jsonl文件读入时为" in zh[0]
    raw = int(text.cleaning_log["chars_before"].iloc[0])
    assert f"({raw} as read)." in en[1] and f"（读入时为{raw}字）。" in zh[1] and "?" not in en[1] + zh[1]
