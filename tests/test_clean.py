"""Cleaning: pinyin, script, chrome, head metadata, whitespace — and offsets back to the original."""
from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import effanalysis
from effanalysis import dating
from effanalysis.clean import clean_text
from effanalysis.clean.convert import script_counts, simplify, to_simplified
from effanalysis.clean.steps import remove_pinyin

HAN = re.compile(r"[\u3400-\u9fff]")
PINYIN_LEFT = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")


def han(text: str) -> str:
    return "".join(HAN.findall(text))


# --- the seed ------------------------------------------------------------------
def test_seed_pinyin_annotations_removed(seed_report):
    assert seed_report.meta["pinyin_removed"] == 140
    assert PINYIN_LEFT.search(seed_report.text) is None
    assert not re.search("[a-z]", seed_report.text)
    log = seed_report.cleaning_log.set_index("step")
    assert log.loc["pinyin", "edits"] == 140


def test_seed_has_no_traditional_character_left(seed_report):
    assert to_simplified(seed_report.text) == seed_report.text
    assert seed_report.meta["converted_chars"] > 500
    assert "效能建设工作自查报告" in seed_report.text and "報" not in seed_report.text


def test_seed_chrome_removed_and_related_articles_kept(seed_report):
    text = seed_report.text
    assert text.startswith("效能建设工作自查报告\n近年来，我局以邓小平理论")
    assert text.endswith("常年听取各方面意见和建议，及时加强整改。")
    assert "相关推荐" not in text and "相关文章" not in text
    assert seed_report.chrome == ["- 相关推荐", "【效能建设工作自查报告】相关文章:"]
    related = seed_report.related
    assert len(related) == 10
    assert related.iloc[0].to_dict() == {"title": "效能建设自查报告", "date": "02-08"}
    assert related.iloc[-1].to_dict() == {"title": "作风效能建设工作计划", "date": "10-15"}
    assert related["date"].str.fullmatch(r"\d{2}-\d{2}").all()


def test_seed_keeps_the_authors_typos_and_fixes_half_width_punctuation(seed_report):
    text = seed_report.text
    assert "有关科室室、下属单位" in text
    assert "我局密结合科技工作的实际" in text
    assert "近年来，我局" in text and "近年来," not in text
    assert "2—3家" in text and "7000余份" in text and "占年计划的90%，其中" in text


def test_seed_offsets_point_back_to_the_traditional_original(seed_report):
    r = seed_report
    i = r.text.index("领导小组")
    s, e = r.original_span(i, i + 4)
    assert r.original[s:e] == "領(lǐng)導小組"
    s, e = r.original_span(0, len("效能建设工作自查报告"))
    assert r.original[s:e] == "效能建設工作自查報告"


def test_half_width_punctuation_between_chinese_only():
    c = clean_text("占年计划的90%,其中发明专利40件;投资1,000万元,增长5.2%。Hello, world: ok!\n")
    assert c.text == "占年计划的90%，其中发明专利40件；投资1,000万元，增长5.2%。Hello, world: ok!"


# --- pinyin -------------------------------------------------------------------------
def test_legitimate_parentheses_are_kept():
    text = "關於印發《管理辦法(試行)》的通知（一）(2023)年(GDP)增長，建設(shè)(二)相關(guān)工作（试行）"
    assert remove_pinyin(text) == "關於印發《管理辦法(試行)》的通知（一）(2023)年(GDP)增長，建設(二)相關工作（试行）"


# --- chrome --------------------------------------------------------------------------
BODY = ("关于2023年度科技工作的总结\n"
        "今年以来，我局认真贯彻落实上级部署，各项工作取得明显成效，全年完成专利申请185件，同比增长160%。\n"
        "一、主要工作\n"
        "全面推进机关效能建设，组织申报国家、省级各类科技计划项目35个，争取项目资金800万元。\n"
        "二、存在问题\n"
        "一是服务意识有待增强。二是制度建设有待完善。")


@pytest.mark.parametrize("header", [
    "- 相关推荐",
    "下载 打印 全屏 收藏 【字号：加大 还原 减小】",
    "当前位置：首页 > 范文 > 工作总结",
    "首页 > 工作报告 > 自查报告",
    "分享到：微信 微博 QQ空间",
])
@pytest.mark.parametrize("footer", [
    "【关于2023年度科技工作的总结】相关文章:\n科技工作总结01-02\n效能建设自查报告12-30",
    "相关报道：\n我市召开科技工作会议\n科技局召开效能建设推进会",
    "相关阅读\n2023年科技工作总结\n机关效能建设工作计划",
    "责任编辑：张三",
    "分享到：微信 微博 QQ空间\n扫一扫 手机阅读",
    "上一篇：科技工作计划\n下一篇：效能建设总结",
])
def test_site_chrome_is_separated_from_the_body(header, footer):
    c = clean_text(f"{header}\n{BODY}\n{footer}\n")
    assert c.text == BODY
    assert c.found["chrome"][0] == header
    assert c.found["chrome"][1] == footer.split("\n")[0]


def test_related_article_footer_becomes_metadata():
    c = clean_text(BODY + "\n【关于2023年度科技工作的总结】相关文章:\n科技工作总结01-02\n效能建设自查报告2023-12-30\n")
    assert c.found["related"] == [{"title": "科技工作总结", "date": "01-02"},
                                  {"title": "效能建设自查报告", "date": "2023-12-30"}]


def test_chrome_words_inside_the_body_stay():
    text = BODY.replace("存在问题", "相关文章的分享到基层") + "\n责任编辑要负责。相关阅读材料已下发。"
    assert clean_text(text).text == text


# --- head metadata -------------------------------------------------------------------
def test_head_metadata_title_subtitle_source_date_speaker():
    raw = ("政府工作报告\n——2026年1月26日在市第十七届人民代表大会第五次会议上\n市长 张爱国\n"
           "来源：天门市人民政府网\n时间：2026-01-28 09:30\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n")
    c = clean_text(raw)
    assert c.found["meta"] == {"title": "政府工作报告", "subtitle": "——2026年1月26日在市第十七届人民代表大会第五次会议上",
                               "occasion": "2026年1月26日在市第十七届人民代表大会第五次会议上",
                               "date": "2026-01-28", "time": "09:30", "speaker": "张爱国", "speaker_title": "市长",
                               "source": "天门市人民政府网"}
    assert c.text == ("政府工作报告\n——2026年1月26日在市第十七届人民代表大会第五次会议上\n市长 张爱国\n"
                      "各位代表：\n现在，我代表市人民政府向大会报告工作。")


def test_head_date_from_the_subtitle_when_no_date_line():
    c = clean_text("政府工作报告\n——2023年3月5日在第十四届全国人民代表大会第一次会议上\n国务院总理　\n李克强\n各位代表：\n")
    assert c.found["meta"]["date"] == "2023-03-05"
    assert c.found["meta"]["speaker"] == "李克强" and c.found["meta"]["speaker_title"] == "国务院总理"


def test_no_title_when_the_text_opens_with_a_salutation():
    assert "title" not in clean_text("各位代表：\n现在，我代表国务院向大会报告工作。\n").found["meta"]


# --- whitespace -----------------------------------------------------------------------
def test_whitespace_indentation_blank_runs_and_stray_breaks():
    raw = ("标题\n\n\n\n\u3000\u3000第一段说明了情况，\n也提出了要求。\n\n\n\n\n\u3000\u3000一、\n主要工作\n\n"
           "\u3000\u3000第二段。 \t\n\n\n")
    assert clean_text(raw).text == "标题\n第一段说明了情况，也提出了要求。\n一、主要工作\n第二段。"


def test_corpus_resolutions_come_out_as_whole_sentences(corpus_reports):
    resolutions = [r for r in corpus_reports if r.doc.endswith("关于政府工作报告的决议")]
    assert len(resolutions) == 20
    first = resolutions[0]
    assert "国务院总理李强所作的政府工作报告。会议充分肯定" in first.text
    for r in resolutions:
        body = [l for l in r.text.split("\n") if l != r.doc and not l.startswith("（")]
        for line in body:
            assert re.search(r"[。！？：]$", line), (r.doc, line)


def test_corpus_license_footer_is_chrome(corpus_reports):
    for r in corpus_reports:
        assert "本作品" not in r.text and "Public domain" not in r.text and "false" not in r.text, r.doc
        assert any(c.startswith("本作品") for c in r.chrome) == ("本作品" in r.original), r.doc
        # Simplified text stays as written (拚命 is not changed to 拼命); a Traditional-only
        # character is left only where OpenCC itself keeps it.
        assert to_simplified(r.text) == r.text or script_counts(r.text)[1] > 0, r.doc
        left = [ch for ch in r.text if script_counts(ch)[0]]
        assert all(to_simplified(ch) == ch for ch in left), (r.doc, left[:5])


def test_corpus_indentation_and_blank_lines_are_gone(corpus_reports):
    for r in corpus_reports:
        assert "\n\n" not in r.text, r.doc
        assert not re.search(r"^[\u3000 \t]|[\u3000 \t]$", r.text, re.M), r.doc
        assert r.text == r.text.strip()


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def test_every_han_character_maps_to_its_original(seed_report, corpus_reports):
    for r in [seed_report, *corpus_reports]:
        cleaned, original = _codes(r.text), _codes(simplify(r.original)[0])
        han_at = np.flatnonzero((cleaned >= 0x3400) & (cleaned <= 0x9FFF))
        start, end = r.offsets.start[han_at], r.offsets.end[han_at]
        assert (end - start == 1).all(), r.doc
        assert (original[start] == cleaned[han_at]).all(), r.doc


# --- properties ------------------------------------------------------------------------
# Characters whose Simplified form does not depend on context, none of them the
# start of a chrome marker (相关, 来源, 责任编辑 …), so that cleaning may only drop
# the annotations we insert. The documents open and close with a prose paragraph,
# so that everything between is body (page furniture stands outside the body).
TRAD_PROSE = "近年來，我局以依法行政和規範辦事行為為重點，全面推進機關效能建設。\n"
SIMP_PROSE = "今年以来，我局认真贯彻落实上级部署，各项工作取得明显成效。\n"
CHARS = "效能建設工作報告我們科技國會議經濟展規範領導關係為質優"
PIECES = st.one_of(
    st.sampled_from(CHARS),
    st.tuples(st.sampled_from(CHARS), st.sampled_from(["(shè)", "(guān)", "（lǐng）", "(dǎo)"])),
    st.sampled_from(["，", "。", "、", ",", ";", "：", "(一)", "（试行）", "(2023)", "(GDP)", "185", "%"]),
    st.sampled_from(["\n", "\n\n\n", "\u3000\u3000", " ", "\r\n", "\t", "\u200b"]),
)


def _document(pieces) -> tuple[str, str]:
    """(raw text, the same without the inserted annotations)."""
    raw = "".join(p if isinstance(p, str) else "".join(p) for p in pieces)
    bare = "".join(p if isinstance(p, str) else p[0] for p in pieces)
    return TRAD_PROSE + raw + "\n" + TRAD_PROSE, TRAD_PROSE + bare + "\n" + TRAD_PROSE


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=80))
def test_cleaning_never_drops_a_cjk_character(pieces):
    raw, bare = _document(pieces)
    assert han(clean_text(raw).text) == han(to_simplified(bare))


ANY_HAN = st.one_of(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
                    st.sampled_from(list("，。、；：！？,.;:() （）“”《》0123456789GDP \u3000\n\t")))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ANY_HAN, max_size=200))
def test_cleaning_keeps_every_cjk_character_of_any_text(raw):
    raw = SIMP_PROSE + raw + "\n" + SIMP_PROSE
    c = clean_text(raw)
    assert han(c.text) == han(simplify(raw)[0])
    assert np.all(np.diff(c.offsets.start) >= 0) and np.all(np.diff(c.offsets.end) >= 0)


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=80), st.data())
def test_offset_maps_are_monotone_and_faithful(pieces, data):
    raw, _ = _document(pieces)
    c = clean_text(raw)
    start, end = c.offsets.start, c.offsets.end
    assert len(start) == len(c.text)
    assert np.all(np.diff(start) >= 0) and np.all(np.diff(end) >= 0)
    assert np.all((0 <= start) & (start <= end) & (end <= len(raw)))
    for j, ch in enumerate(c.text):
        if HAN.match(ch):
            assert to_simplified(raw[start[j]:end[j]]) == ch
    if c.text:
        a = data.draw(st.integers(0, len(c.text) - 1))
        b = data.draw(st.integers(a + 1, len(c.text)))
        s, e = c.offsets.span(a, b)
        assert han(c.text[a:b]) == han(to_simplified(remove_pinyin(raw[s:e])))


# --- full-width digits: one cleaning step ---------------------------------------------
WIDE_REPORT = ("二〇二六年政府工作报告\n"
               "１．经济运行稳中有进\n"
               "２０２５年，全县地区生产总值增长６．２％，城镇新增就业１２３６人，各项工作取得新进展。\n"
               "２．民生保障持续加强\n"
               "新建改建农村公路４８公里，完成农村危房改造３１０户，群众获得感不断增强。\n")


def test_full_width_digits_become_ascii_once_with_offsets_kept():
    c = clean_text(WIDE_REPORT)
    assert "2025年，全县地区生产总值增长6.2％" in c.text and "１" not in c.text
    log = c.log.set_index("step")
    assert log.loc["digits", "edits"] == sum("０" <= ch <= "９" for ch in WIDE_REPORT) + 1   # and the point
    i = c.text.index("1236人")
    a, b = c.offsets.span(i, i + 4)
    assert WIDE_REPORT[a:b] == "１２３６"


def test_a_report_with_full_width_digits_gets_its_headings_and_year():
    r = effanalysis.Report.from_text(WIDE_REPORT)
    titles = list(r.sections["title"])
    assert titles[:2] == ["经济运行稳中有进", "民生保障持续加强"]
    assert [(e.kind, e.year) for e in dating.evidence(r.text)] == [("reported_year", 2025)]


def test_full_width_letters_and_other_full_width_punctuation_stay():
    c = clean_text("全县二Ｏ二五年完成投资１２亿元，占比３５％，ＧＤＰ稳步增长，各项工作取得新进展。")
    assert "二Ｏ二五年" in c.text and "12亿元" in c.text and "35％" in c.text and "ＧＤＰ" in c.text
