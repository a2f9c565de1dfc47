"""The bundled corpus as a regression set: invariants over every document and
hand-checked sentences from the 1950s to the 2020s."""
from __future__ import annotations

import re

import pandas as pd
import pytest

YEAR = re.compile(r"(?<![0-9０-９])[12１２][0-9０-９]{3}年|[〇○零一二三四五六七八九]{4}年")


@pytest.fixture(scope="module")
def corpus_claims(corpus_reports):
    return [(r, r.claims) for r in corpus_reports]


def test_every_document_is_covered(corpus_claims):
    assert len(corpus_claims) == 72
    assert sum(len(c) for _, c in corpus_claims) > 5000
    assert all(len(c) for r, c in corpus_claims if r.year)  # every annual report states figures


def test_offsets_slice_to_surface_and_sentences_exist(corpus_claims):
    for r, c in corpus_claims:
        assert [r.text[s:e] for s, e in zip(c.start, c.end)] == list(c.surface), r.doc
        sent = r.sentences.set_index("sentence")
        assert c.sentence.isin(sent.index).all(), r.doc
        assert (sent.loc[c.sentence, "section"].astype(str).to_numpy() == c.section.to_numpy()).all(), r.doc
        assert (sent.loc[c.sentence, "start"].to_numpy() <= c.start.to_numpy()).all(), r.doc


def test_bounds_enclose_the_value(corpus_claims):
    for r, c in corpus_claims:
        low_ok = c.low.isna() | (c.low <= c.norm_value + 1e-9)
        high_ok = c.high.isna() | (c.norm_value <= c.high + 1e-9)
        assert (low_ok & high_ok).all(), c[~(low_ok & high_ok)].surface.tolist()
        assert ((c.norm_value - c.value * c.multiplier).abs() <= 1e-6 * c.norm_value.abs() + 1e-9).all()


def test_no_claim_comes_from_a_year(corpus_claims):
    for r, c in corpus_claims:
        years = [m.span() for m in YEAR.finditer(r.text)]
        starts = pd.Series([s for s, _ in years])
        for s, e, surface in zip(c.start, c.end, c.surface):
            i = starts.searchsorted(e) - 1
            assert i < 0 or years[i][1] <= s, f"{r.doc}: {surface} overlaps a year"


def test_part_of_points_backwards_at_a_whole_with_the_same_unit(corpus_claims):
    n = 0
    for r, c in corpus_claims:
        parts = c[c.part_of.notna()]
        for i, row in parts.iterrows():
            whole = c.loc[int(row.part_of)]
            assert int(row.part_of) < i and whole.unit == row.unit and pd.isna(whole.part_of)
            n += 1
    assert n > 20


def _sentence_claims(reports, needle):
    for r in reports:
        at = r.text.find(needle)
        if at >= 0:
            s = r.sentences
            sid = s[(s.start <= at) & (s.end > at)].sentence.iloc[0]
            return r.claims[r.claims.sentence == sid]  # keeps the table's row index (part_of refers to it)
    raise AssertionError(f"{needle} not in the corpus")


def test_1956_full_width_digits_with_full_width_separators(corpus_reports):
    # The report writes ２７，２０３，３１９，０００: cleaning makes the digits ASCII, the separators stay.
    c = _sentence_claims(corpus_reports, "本年收入合计27，203，319，000元")
    assert list(c.norm_value) == [27_203_319_000, 3_154_657_000, 30_357_976_000]
    assert list(c.kind) == ["money"] * 3
    # 全年收入总数 is one word of the segmenter's (the year's whole revenue), and the line's name
    assert list(c.subject) == ["本年收入", "结转收入", "全年收入总数"]


def test_1955_chinese_percentages_with_decimals(corpus_reports):
    c = _sentence_claims(corpus_reports, "比一九四九年增长了百分之七十七点五")
    assert list(c.surface) == ["百分之七十七点五", "百分之一百七十八点六", "百分之四十八点五"]
    assert list(c.norm_value) == [77.5, 178.6, 48.5]
    assert list(c.kind) == ["growth"] * 3
    assert c.relation.iloc[0] == "一九四九年"
    assert list(c.subject.iloc[1:]) == ["现代工业", "农业"]


def test_1980_growth_against_a_named_year(corpus_reports):
    c = _sentence_claims(corpus_reports, "1979年农业总产值比1978年增长8.6％")
    r = c[c.surface == "8.6％"].iloc[0]
    assert (r.kind, r.relation, r.subject, r.unit) == ("growth", "1978年", "农业总产值", "%")


def test_2019_deficit_parts(corpus_reports):
    c = _sentence_claims(corpus_reports, "其中中央财政赤字1.83万亿元")
    assert list(c.surface) == ["2.8%", "0.2个百分点", "2.76万亿元", "1.83万亿元", "9300亿元"]
    whole = c.iloc[2]
    assert list(c.part_of.astype(object).where(c.part_of.notna(), None)) == [None, None, None, whole.name, whole.name]
    assert whole.norm_value == pytest.approx(2.76e12) and whole.subject == "财政赤字"


def test_2025_multipliers_open_bounds_and_shared_growth(corpus_reports):
    c = _sentence_claims(corpus_reports, "粮食产量首次跃上1.4万亿斤新台阶")
    r = c.set_index("surface")
    assert r.loc["1.4万亿斤", "norm_value"] == pytest.approx(1.4e12)
    assert r.loc["1.4万亿斤", "subject"] == "粮食产量"
    assert r.loc["10.1斤", "subject"] == "亩产"
    assert (r.loc["突破1300万辆", "qualifier"], r.loc["突破1300万辆", "low"]) == ("over", 1.3e7)
    assert list(c[c.kind == "growth"].surface) == ["8.9%", "7.7%", "10.9%", "10.4%"]


def test_no_row_is_a_session_an_anniversary_a_window_or_a_structure(corpus_claims):
    # 第十四届全国人民代表大会, 建国60周年, 五年来, 八个方面 name or frame things; they are not figures
    for r, c in corpus_claims:
        for s, e, surface, kind in zip(c.start, c.end, c.surface, c.kind):
            after = r.text[e:e + 2]
            assert not surface.endswith(("届", "周年")), (r.doc, surface)
            assert not (kind == "duration" and after.startswith(("来", "以来"))), (r.doc, surface)
            assert not after.startswith("方面"), (r.doc, surface)


def test_subjects_are_never_verbs_and_directions_are_up_or_down(corpus_claims):
    verbs = {"增至", "降至", "达到", "增加", "增长", "下降", "提高", "实现", "完成", "突破", "超过", "保持", "居", "位居"}
    n_up = n_down = 0
    for r, c in corpus_claims:
        assert not set(c.subject) & verbs, r.doc
        assert set(c.direction) <= {"", "up", "down"}
        n_up, n_down = n_up + (c.direction == "up").sum(), n_down + (c.direction == "down").sum()
    assert n_up > n_down > 0  # reports state growth far more often than decline, and both
