"""Outline: headings and their levels, lead sentences, 一是 items, sentences and clauses."""
from __future__ import annotations

import re

import pytest

from effanalysis.numerals import parse_int
from effanalysis.outline import build_outline, clauses

SEED_HEADINGS = [
    ("一、", "以强化领导为重点，切实明确效能建设认识"),
    ("二、", "以改进作风为目标，切实开展政风行风建设"),
    ("三、", "以服务发展为根本，切实提高工作效率"),
    ("四、", "以制度建设为基础，切实保障工作运转有序"),
]


# --- the seed ----------------------------------------------------------------------
def test_seed_title_preamble_and_sections(seed_report):
    outline = seed_report.outline
    text = seed_report.text
    assert outline.title == "效能建设工作自查报告"
    start, end = outline.preamble
    assert text[start:end].startswith("近年来，我局以邓小平理论") and text[start:end].endswith("并取得了一定的成效。")
    s = outline.sections
    assert list(zip(s["label"], s["title"])) == SEED_HEADINGS
    assert s["level"].tolist() == [1, 1, 1, 1]
    for row in s.itertuples():
        assert text[row.start:row.heading_end] == row.label + row.title
    # Sections tile the body: each ends just before the next begins; the last at the end.
    assert (s["start"].iloc[1:].to_numpy() == s["end"].iloc[:-1].to_numpy() + 1).all()
    assert s["end"].iloc[-1] == len(text)


def test_seed_lead_sentences_and_enumeration(seed_report):
    items = seed_report.outline.items
    leads = items[items["kind"] == "lead"]
    assert leads["text"].tolist() == ["厅市科技合作开启先河。", "科技奖励大会助推热潮。", "专利申报又上台阶。",
                                      "项目申报再创新高。", "深入开展“百家企业寻找科技靠山”活动。"]
    assert set(leads["section"]) == {"3"}
    enum = items[items["kind"] == "enum"]
    assert enum["label"].tolist() == ["一是", "二是", "三是", "四是"]
    assert enum["text"].tolist() == ["一是建立政风行风建设监督机制。", "二是建立季度工作汇报机制。",
                                     "三是建立每月工作简报制度。", "四是建立常年网络征求意见机制。"]
    assert set(enum["section"]) == {"4"}
    text = seed_report.text
    for row in items.itertuples():
        assert text[row.start:row.end] == row.text


def test_seed_outline_json_shape(seed_report):
    d = seed_report.outline.to_dict()
    assert d["title"] == "效能建设工作自查报告"
    assert [s["label"] + s["title"] for s in d["sections"]] == [a + b for a, b in SEED_HEADINGS]
    third = d["sections"][2]
    assert set(third) >= {"level", "label", "title", "start", "end", "children"}
    assert len(third["leads"]) == 5 and len(d["sections"][3]["enumeration"]) == 4


def test_seed_sentences_and_clauses(seed_report):
    text = seed_report.text
    sents = seed_report.sentences
    assert sents["text"].tolist()[:3] == ["效能建设工作自查报告", text[11:143], "一、以强化领导为重点，切实明确效能建设认识"]
    assert "专利申报又上台阶。" in sents["text"].tolist()
    for row in sents.itertuples():
        assert text[row.start:row.end] == row.text and "\n" not in row.text
    assert sents.loc[sents["text"] == "专利申报又上台阶。", "section"].item() == "3"
    cl = clauses(text)
    assert "目前，" in cl["text"].tolist() and "占年计划的90%，" in cl["text"].tolist()
    for row in cl.itertuples():
        assert text[row.start:row.end].strip() == row.text


# --- levels and markers -------------------------------------------------------------
LEVELS = """关于科技工作的报告
今年以来，全局上下共同努力。
一、主要工作
（一）科技创新
1．专利申报
（1）发明专利40件。
（2）实用新型145件。
2. 项目申报
(二)人才培养
二、存在问题
（一）服务意识不强
三、下步打算
"""


def test_levels_of_the_four_marker_kinds():
    s = build_outline(LEVELS, "关于科技工作的报告").sections
    assert list(zip(s["label"], s["level"], s["section"])) == [
        ("一、", 1, "1"), ("（一）", 2, "1.1"), ("1．", 3, "1.1.1"), ("（1）", 4, "1.1.1.1"), ("（2）", 4, "1.1.1.2"),
        ("2.", 3, "1.1.2"), ("(二)", 2, "1.2"), ("二、", 1, "2"), ("（一）", 2, "2.1"), ("三、", 1, "3")]
    assert s["title"].tolist()[:4] == ["主要工作", "科技创新", "专利申报", "发明专利40件"]


def test_part_headings_are_the_top_level():
    text = "报告\n第一部分　总体情况\n一、成绩\n二、问题\n第二部分 下步打算\n一、目标\n"
    s = build_outline(text).sections
    assert list(zip(s["label"], s["level"])) == [("第一部分", 1), ("一、", 2), ("二、", 2), ("第二部分", 1), ("一、", 2)]
    assert s["title"].tolist()[0] == "总体情况"


def test_report_that_puts_parenthesized_numbers_on_top():
    text = "（一）关于经济形势\n正文。\n（二）关于改革\n主要措施是：\n一、调整价格；\n二、改革流通。\n（三）结束\n"
    s = build_outline(text).sections
    assert list(zip(s["label"], s["level"])) == [("（一）", 1), ("（二）", 1), ("一、", 2), ("二、", 2), ("（三）", 1)]


def test_numbered_prose_is_not_a_heading():
    text = ("一、工作回顾\n全年增长5%。\n3.5亿元用于科技投入。\n二、三产业增加值增长6%。\n二、三、四季度\n"
            "5．这一行接不上任何编号。\n二、今年任务\n（三）也接不上。\n")
    s = build_outline(text).sections
    assert list(zip(s["label"], s["title"])) == [("一、", "工作回顾"), ("二、", "今年任务")]


def test_a_list_under_a_list_item_stands_beside_it():
    text = ("一、总体情况\n以下积累来源：\n一、推翻了帝国主义的统治，不再被掠夺；\n二、推翻了封建主义；\n"
            "保证质量要做到：\n一、提高设计工作；\n二、加强施工指导。\n二、下步工作\n")
    s = build_outline(text).sections
    assert list(zip(s["label"], s["level"])) == [("一、", 1), ("一、", 2), ("二、", 2), ("一、", 2), ("二、", 2),
                                                 ("二、", 1)]


def test_unnumbered_parts_when_numbering_restarts():
    text = ("各位代表：\n过去五年的工作\n回顾五年。\n一、经济增长\n二、改革开放\n关于外交工作\n"
            "一、维护世界和平，反对霸权主义。\n二、发展同各国的关系。\n结束语\n让我们团结奋斗！\n")
    s = build_outline(text).sections
    assert list(zip(s["label"], s["title"], s["level"])) == [
        ("", "过去五年的工作", 1), ("一、", "经济增长", 2), ("二、", "改革开放", 2), ("", "关于外交工作", 1),
        ("一、", "维护世界和平，反对霸权主义", 2), ("二、", "发展同各国的关系", 2), ("", "结束语", 1)]


def test_no_parts_from_a_single_short_line():
    assert build_outline("报告\n正文第一段。\n附件\n正文第二段。\n").sections.empty


def test_heading_running_into_its_paragraph_is_cut_at_the_first_sentence():
    text = "一、加强领导。我局成立了领导小组，并设立了办公室，制定了实施方案，明确了责任分工和工作要求。\n二、强化监督\n"
    s = build_outline(text).sections
    assert s["title"].tolist() == ["加强领导", "强化监督"]
    assert text[s["start"][0]:s["heading_end"][0]] == "一、加强领导"


def test_enumeration_in_the_preamble_and_restarts():
    text = "前言：一是抓落实；二是抓创新；三是抓队伍。\n一、工作\n一是加强领导，二是强化责任。\n"
    o = build_outline(text)
    enum = o.items[o.items["kind"] == "enum"]
    assert list(zip(enum["label"], enum["section"])) == [("一是", "0"), ("二是", "0"), ("三是", "0"), ("一是", "1"),
                                                         ("二是", "1")]
    assert o.to_dict()["preamble"]["enumeration"][2]["text"] == "三是抓队伍。"


# --- the corpus ------------------------------------------------------------------------
def _numbers(labels) -> list[int]:
    return [parse_int(re.sub(r"[^一二三四五六七八九十百]", "", lab)) for lab in labels]


def test_corpus_level_one_headings_are_in_order(corpus_reports):
    assert len(corpus_reports) == 72
    with_sections = 0
    for r in corpus_reports:
        s = r.sections
        top = s[s["level"] == 1]
        numbered = top[top["label"] != ""]
        if len(numbered) == len(top):  # numbered top level: one series 一、二、三 …
            assert _numbers(numbered["label"]) == list(range(1, len(numbered) + 1)), r.doc
        else:  # unnumbered parts: below each, series that start at 一 and run in order
            for part in top.itertuples():
                kids = _numbers(s.loc[(s["parent"] == part.section) & s["label"].str.endswith("、"), "label"])
                assert all(n == 1 or n == prev + 1 for prev, n in zip([0] + kids, kids)), (r.doc, part.title)
        assert (s["start"].diff().dropna() > 0).all(), r.doc
        with_sections += len(s) > 0
    assert with_sections >= 45


@pytest.mark.parametrize("doc,titles", [
    ("2025年中华人民共和国国务院政府工作报告", ["2024年工作回顾", "2025年经济社会发展总体要求和政策取向", "2025年政府工作任务"]),
    ("1984年中华人民共和国国务院政府工作报告", ["关于国内建设", "关于外交工作", "结束语"]),
    ("1985年中华人民共和国国务院政府工作报告", ["关于经济形势", "关于经济体制改革"]),
    # Headings whose title opens with a numeral (一、一年来…, 一、三年来…).
    ("2004年中华人民共和国国务院政府工作报告", ["一年来工作回顾", "2004年主要任务", "加强政府自身建设"]),
    ("1978年中华人民共和国国务院政府工作报告", ["三年来的斗争和新时期的总任务", "把揭批“四人帮”的斗争进行到底",
                                                "加快社会主义经济建设", "繁荣社会主义科学教育文化事业",
                                                "加强政权建设，加强各族人民的大团结", "国际形势和我国对外政策"]),
    ("1964年中华人民共和国国务院政府工作报告（摘要）", ["国民经济的成就和今后的建设任务", "今后发展国民经济中应当注意的几个问题",
                                                       "社会主义革命和人民民主统一战线", "国际形势和我国对外工作"]),
])
def test_corpus_top_level_titles(corpus_reports, doc, titles):
    r = next(x for x in corpus_reports if x.doc == doc)
    s = r.sections
    assert s.loc[s["level"] == 1, "title"].tolist() == titles


def test_corpus_resolutions_have_no_headings_and_whole_sentences(corpus_reports):
    for r in corpus_reports:
        if r.doc.endswith("决议"):
            assert len(r.sections) == 0, r.doc
            body = r.sentences[r.sentences["text"].str.len() > 40]
            assert body["text"].str.contains(r"[。！]$").all(), r.doc


def test_title_line_in_the_text_stays_out_of_the_preamble(corpus_reports):
    # The 2023 report's row title is long; its text opens with the short title line.
    r = next(r for r in corpus_reports if r.year == 2023)
    assert r.title == "2023年中华人民共和国国务院政府工作报告"
    assert r.text.startswith(r.meta["title_line"] + "\n")
    start, end = r.outline.preamble
    assert start == len(r.meta["title_line"]) + 1
    assert r.text[start:end].startswith("——2023年3月5日")
    assert r.outline.to_dict()["title"] == r.title
