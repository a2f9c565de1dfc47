"""Text reuse: MinHash LSH candidates verified by alignment, on real report text."""
from __future__ import annotations

import pytest

from effanalysis import Report
from effanalysis.corpus import find_reuse
from effanalysis.corpus.reuse import candidate_pairs, shingles


@pytest.fixture(scope="module")
def by_year(corpus_reports):
    return {r.year: r for r in corpus_reports if r.year}


def _paragraphs(report: Report, n: int, skip: int = 3) -> list[str]:
    paras = [p.strip() for p in report.text.split("\n") if len(p.strip()) > 60]
    return paras[skip:skip + n]


def test_planted_paragraph_found_with_both_locations(by_year):
    planted = _paragraphs(by_year[1980], 1, skip=5)[0]
    a_paras = _paragraphs(by_year[1956], 6)
    b_paras = _paragraphs(by_year[2010], 6)
    a_text = "\n".join(a_paras[:2] + [planted] + a_paras[2:])
    b_text = "\n".join(b_paras[:5] + [planted] + b_paras[5:])
    a = Report.from_text(a_text, doc="report-a")
    b = Report.from_text(b_text, doc="report-b")
    reuse = find_reuse([a, b])
    passages = reuse.passages
    assert len(passages) == 1, passages
    p = passages.iloc[0]
    assert (p["doc_a"], p["doc_b"]) == ("report-a", "report-b")
    # both locations point at the planted paragraph in each cleaned text
    assert a.text[p["start_a"]:p["end_a"]] == p["text_a"]
    assert b.text[p["start_b"]:p["end_b"]] == p["text_b"]
    assert p["start_a"] == a.text.index(planted) and p["end_a"] == a.text.index(planted) + len(planted)
    assert p["start_b"] == b.text.index(planted) and p["end_b"] == b.text.index(planted) + len(planted)
    assert p["sentences"] == planted.count("。") and p["similarity"] == 100
    # the matrix: the shared chars over each document's length
    chars_a = len("".join(a.text.split()))
    assert reuse.share("report-a", "report-b") == pytest.approx(len(planted) / chars_a, rel=0.05)


def test_edited_copy_is_still_found_and_unrelated_text_is_not(by_year):
    src = _paragraphs(by_year[1999], 1, skip=4)[0]
    sentences = [s + "。" for s in src.split("。") if len(s) >= 20]
    original = sentences[0]
    edited = original[:5] + "进一步" + original[5:-3] + "工作。"   # inserted words, changed ending
    a = Report.from_text(original + "\n" + _paragraphs(by_year[1957], 1)[0], doc="a")
    b = Report.from_text(_paragraphs(by_year[2016], 1)[0] + "\n" + edited, doc="b")
    reuse = find_reuse([a, b])
    assert len(reuse.passages) == 1
    p = reuse.passages.iloc[0]
    assert p["text_a"] == original and p["text_b"] == edited
    assert 80 <= p["similarity"] < 100


def test_consecutive_years_share_more_than_thirty_years_apart(by_year):
    docs = [by_year[y] for y in (1993, 1994, 2023, 2024, 2025)]
    reuse = find_reuse(docs)
    near = reuse.share(by_year[2025].doc, by_year[2024].doc)
    far = reuse.share(by_year[2024].doc, by_year[1994].doc)
    assert near > 0.02 and near > 5 * far
    cons = reuse.consecutive()
    assert list(zip(cons["year"], cons["next_year"])) == [(1993, 1994), (1994, 2023), (2023, 2024), (2024, 2025)]
    row = cons[cons["year"] == 2024].iloc[0]
    assert row["share"] == pytest.approx(near) and row["shared_sentences"] > 5
    assert cons.loc[cons["year"] == 1994, "share"].iloc[0] < near


def test_candidates_come_from_buckets_not_all_pairs(by_year):
    texts = [s for s in by_year[2024].sentences["text"] if len(s) >= 12]
    pairs = candidate_pairs(texts + texts)          # every sentence twice
    n = len(texts)
    assert all(i < j for i, j in pairs)
    assert {(i, i + n) for i in range(n)} <= pairs  # each exact copy is a candidate
    assert len(pairs) < 20 * n                      # far from the n² pairs of 2n texts


def test_boilerplate_groups_leave_the_matrix(corpus_reports):
    # the opening and closing formulas recur in nearly every report (the wikisource
    # licence footer is chrome, removed by cleaning)
    reports = [r for r in corpus_reports if r.year][:12]
    reuse = find_reuse(reports)
    bp = reuse.groups[reuse.groups["boilerplate"]]
    assert len(bp) >= 1 and (bp["docs"] > 6).all()
    assert any("请予审议" in t for t in bp["text"])
    with_bp = reuse.coverage(include_boilerplate=True).sum()
    assert reuse.coverage().sum() < with_bp


def test_edge_cases():
    assert shingles("一二三", 5) == {"一二三".encode()}
    assert len(shingles("一二 三四五六", 5)) == 2
    one = Report.from_text("这是唯一一份报告的第一句话，长度足够长。", doc="x")
    r = find_reuse([one])
    assert r.passages.empty and r.matrix.shape == (1, 1)
    empty = find_reuse([])
    assert empty.passages.empty and empty.matrix.empty
    with pytest.raises(ValueError, match="unique"):
        find_reuse([one, one])
    # sentences under min_chars are not units: a shared greeting is not reuse
    a = Report.from_text("各位代表！\n今年的主要任务是发展农业生产和水利建设事业。", doc="a")
    b = Report.from_text("各位代表！\n明年我们将继续推进城市基础设施和交通运输建设。", doc="b")
    assert find_reuse([a, b]).passages.empty
