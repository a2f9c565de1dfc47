"""Outlines of local reports laid out in ways the State Council corpus does not show:
unnumbered parts with （一） inside, appendices and glossaries, headings broken across lines,
fragments of broken sentences. Each text is synthetic; the expected headings are what a reader
sees (checked by hand), and the evaluation at the end scores all of them together."""
from __future__ import annotations

from effanalysis import dating
from effanalysis.outline import build_outline

# The issue's example: two unnumbered parts, the second with （一）… items.
COUNTY = """2026年临河县政府工作报告
——2026年1月20日在临河县第十届人民代表大会第五次会议上
各位代表：
现在，我代表县人民政府，向大会报告工作，请予审议。
过去一年工作回顾
2025年，全县地区生产总值增长6.1%，一般公共预算收入完成8.2亿元。
今年重点工作
（一）壮大县域经济。新建标准厂房10万平方米，培育规上工业企业15家。
（二）办好民生实事。新建社区食堂12个、“暖心驿站”30个。
（三）建设美丽乡村。完成农村户厕改造3000户。
各位代表，让我们团结一心，奋力谱写临河高质量发展新篇章！
附件
名词解释
1.暖心驿站：为户外劳动者提供休息服务的站点。
2.规上工业企业：年主营业务收入2000万元及以上的工业企业。
"""
COUNTY_HEADS = [(1, "过去一年工作回顾"), (1, "今年重点工作"), (2, "壮大县域经济"), (2, "办好民生实事"),
                (2, "建设美丽乡村")]

# A city report: numbered parts, a heading broken across two lines, a broken sentence whose
# fragments (2.5, 主要目标) stand on lines of their own, and notes at the end.
CITY = """2025年江州市人民政府工作报告
各位代表：
一、2024年工作回顾
过去一年，全市经济运行稳中有进，居民人均可支配收入增长
5.6
%，城镇新增就业3.2万人。
二、坚持以人民为中心，
切实办好民生实事
全年城镇调查失业率控制在5.5%左右，
主要目标
是稳就业、保民生。
（一）稳定就业。新增就业3万人以上。
（二）办好教育。新建中小学8所。
三、2025年重点工作
（一）扩大有效投资。实施重点项目200个。
（二）推进城市更新。改造老旧小区120个。
注释：
1.城市更新：对城市建成区内的空间形态和功能进行整治提升。
"""
CITY_HEADS = [(1, "2024年工作回顾"), (1, "坚持以人民为中心，切实办好民生实事"), (2, "稳定就业"), (2, "办好教育"),
              (1, "2025年重点工作"), (2, "扩大有效投资"), (2, "推进城市更新")]

# A provincial report: unnumbered parts, （一） items, and 1. items below them.
PROVINCE = """政府工作报告
——2026年1月25日在河西省第十四届人民代表大会第四次会议上
各位代表：
“十四五”时期发展成就
五年来，全省生产总值年均增长5.8%。
2026年工作安排
2026年是“十五五”开局之年。
（一）加快建设现代化产业体系。
1.壮大先进制造业。规上工业增加值增长7%。
2.发展现代服务业。服务业增加值增长6%。
（二）全面推进乡村振兴。
1.稳定粮食生产。粮食产量保持在600亿斤以上。
2.改善农村人居环境。
说明
1.本报告中的增速按可比价格计算。
"""
PROVINCE_HEADS = [(1, "“十四五”时期发展成就"), (1, "2026年工作安排"), (2, "加快建设现代化产业体系"),
                  (3, "壮大先进制造业"), (3, "发展现代服务业"), (2, "全面推进乡村振兴"), (3, "稳定粮食生产"),
                  (3, "改善农村人居环境")]

# A report with no headings at all, only paragraphs and a title-like line cut out of a sentence
# by a link (as pages of the corpus are): no outline.
PROSE = """关于2025年度法治政府建设情况的报告
今年以来，我局认真贯彻落实
中华人民共和国行政许可法
，持续深化“放管服”改革。
全年办理行政许可事项1200件，按时办结率100%。
"""
PROSE_HEADS: list = []

CASES = [("county", COUNTY, COUNTY_HEADS, 2026), ("city", CITY, CITY_HEADS, 2025),
         ("province", PROVINCE, PROVINCE_HEADS, 2026), ("prose", PROSE, PROSE_HEADS, None)]


def _heads(text: str) -> list[tuple[int, str]]:
    s = build_outline(text, text.split("\n", 1)[0]).sections
    return list(zip(s["level"].tolist(), s["title"].tolist()))


def test_unnumbered_parts_with_parenthesised_items_inside():
    assert _heads(COUNTY) == COUNTY_HEADS


def test_the_issue_example_in_its_bare_form():
    text = ("过去一年工作回顾\n全县经济平稳增长，群众生活持续改善。\n今年重点工作\n（一）壮大县域经济。培育主导产业。\n"
            "（二）办好民生实事。新建食堂12个。\n（三）建设美丽乡村。改造户厕3000户。\n")
    s = build_outline(text).sections
    assert s["level"].tolist() == [1, 1, 2, 2, 2]
    assert s["parent"].tolist()[2:] == ["2", "2", "2"]


def test_appendix_glossary_and_notes_end_the_outline():
    # 1.暖心驿站：… under 名词解释 and 1.城市更新：… under 注释 are list items of the back matter.
    for text in (COUNTY, CITY, PROVINCE):
        titles = [t for _, t in _heads(text)]
        assert not any(t.startswith(("暖心驿站", "规上工业企业", "城市更新", "本报告")) for t in titles), titles


def test_heading_broken_across_two_lines_is_one_heading_and_fragments_are_none():
    heads = _heads(CITY)
    assert (1, "坚持以人民为中心，切实办好民生实事") in heads
    assert not [t for _, t in heads if t in ("5.6", "主要目标", "切实办好民生实事")]
    assert heads == CITY_HEADS


def test_three_levels_below_unnumbered_parts():
    assert _heads(PROVINCE) == PROVINCE_HEADS


def test_a_line_cut_out_of_a_sentence_is_no_part():
    assert _heads(PROSE) == PROSE_HEADS


def test_evaluation_of_headings_and_years_on_the_synthetic_reports():
    """Hand-checked set: every expected heading (level and title) and each report's year (None:
    the text does not say when it was written; a 2025 summary may be written in 2025 or 2026)."""
    cases = CASES + [("attachment", ATTACHMENT, ATTACHMENT_HEADS, None)]
    tp = fp = fn = 0
    years_right = 0
    for _, text, expected, year in cases:
        got = set(_heads(text))
        want = set(expected)
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
        years_right += dating.report_year(text, {}) == year
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(f"outline headings: precision {precision:.2f}, recall {recall:.2f} ({tp} right, {fp} extra, {fn} missed); "
          f"years {years_right}/{len(cases)}")
    assert precision >= 0.95 and recall >= 0.95
    assert years_right == len(cases)


def test_a_title_wrapped_without_punctuation_is_one_heading():
    # The page wrapped the title after 发展; the paragraph after it says the line was a title.
    text = ("各位代表：\n一、坚持创新驱动发展\n全面塑造发展新优势\n全年研发经费投入增长12%，高新技术企业达到860家，"
            "科技成果转化合同金额突破50亿元。\n二、深化改革开放\n全年新增经营主体2.1万户，实际使用外资增长8%。\n")
    assert _heads(text) == [(1, "坚持创新驱动发展全面塑造发展新优势"), (1, "深化改革开放")]
    # A short line followed by a short line is not joined: 主要目标 below is prose of its own.
    text = "各位代表：\n一、主要目标\n增长6%左右\n二、主要任务\n稳增长。\n"
    assert [t for _, t in _heads(text)] == ["主要目标", "主要任务"]


def test_a_number_left_at_a_line_start_by_a_broken_sentence_is_no_heading():
    # The page broke 2.3：1 after 缩小到; taking 2. for the second item would leave the real
    # 2.保民生 out of the series.
    text = ("各位代表：\n一、工作回顾\n1.稳增长。全年地区生产总值增长5%。\n居民收入增长快于经济增长，城乡居民收入比缩小到\n2.\n"
            "3：1。\n2.保民生。新建学校8所，新增学位1.2万个。\n")
    assert _heads(text) == [(1, "工作回顾"), (2, "稳增长"), (2, "保民生")]


# A bureau's annual summary that is itself an attachment of a circular: 附件1 on top is no end.
ATTACHMENT = """附件1
临河县农业农村局2025年工作总结
一、主要工作成效
（一）粮食生产稳中有增。全年粮食播种面积52万亩，总产量23万吨。
（二）农民收入持续增长。农村居民人均可支配收入增长7.1%。
二、存在的问题
一是产业链条短，二是人才支撑不足。
三、2026年工作打算
（一）稳定粮食生产。确保粮食播种面积稳定在52万亩以上。
附件2
临河县2025年高标准农田建设项目清单
1.东湖片区项目。建设面积1.2万亩。
2.西岭片区项目。建设面积0.8万亩。
"""
ATTACHMENT_HEADS = [(1, "主要工作成效"), (2, "粮食生产稳中有增"), (2, "农民收入持续增长"), (1, "存在的问题"),
                    (1, "2026年工作打算"), (2, "稳定粮食生产")]


def test_an_attachment_on_top_is_the_document_and_the_next_one_ends_it():
    assert _heads(ATTACHMENT) == ATTACHMENT_HEADS
