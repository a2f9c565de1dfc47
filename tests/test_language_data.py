"""The shipped data files match what their builders make, and the fast tokenizer
cuts like the reference one."""
from __future__ import annotations

import pytest

from effanalysis.language import idf, lexicon, segment


@pytest.fixture(scope="module")
def corpus_texts(corpus_reports):
    return [r.text for r in corpus_reports]


def test_shipped_idf_table_matches_a_rebuild_from_the_corpus(corpus_texts):
    assert lexicon.path("idf.tsv").read_text(encoding="utf-8") == idf.build(corpus_texts)


def test_shipped_readability_reference_matches_a_rebuild(corpus_texts):
    assert lexicon.path("readability_reference.tsv").read_text(encoding="utf-8") == idf.build_readability(corpus_texts)


def test_shipped_function_words_match_jiebas_dictionary():
    assert lexicon.path("function_words.tsv").read_text(encoding="utf-8") == segment.build_function_words()


def test_idf_rates_a_corpus_wide_word_below_a_rare_one():
    common, rare, unseen = idf.lookup(["发展", "效益", "效能建设"])
    assert common < rare < unseen


def test_rjieba_cuts_the_corpus_like_jieba(corpus_texts, seed_report):
    # Every report, same user dictionary on both sides; the one known difference is a
    # year range (2011-2020), which jieba cuts at the hyphen and rjieba keeps whole.
    assert segment.agreement(corpus_texts) >= 0.9999
    assert segment.agreement([seed_report.text]) == 1.0
