"""Claims of the seed report and of small synthetic sentences, one construction each."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings, strategies as st
from test_numerals import to_chinese

from effanalysis.metrics import CLAIM_COLUMNS, claims_from_text

NA = None

# surface, kind, qualifier, low, high, subject (the end of it), relation
SEED = [
    ("七个", "count", "exact", 7, 7, "民主评议政风行风单位", ""),
    ("7000余份", "count", "over", 7000, 8000, "科技宣传资料", ""),
    ("近万人", "count", "under", NA, 10000, "公众", ""),
    ("2000余份", "count", "over", 2000, 3000, "画册", ""),
    ("95条", "count", "exact", 95, 95, "意见、建议", ""),
    ("第八届", "ordinal", "exact", 8, 8, "科学技术奖励大会", ""),
    ("185件", "count", "exact", 185, 185, "专利申请", ""),
    ("90%", "share", "exact", 90, 90, "专利申请", "年计划"),
    ("40件", "count", "exact", 40, 40, "发明专利", ""),
    ("两项", "count", "exact", 2, 2, "重要指标", ""),
    ("35个", "count", "exact", 35, 35, "科技计划项目", ""),
    ("21个", "count", "exact", 21, 21, "立项", ""),
    ("800万元", "money", "exact", 8_000_000, 8_000_000, "项目资金", ""),
    ("160%", "growth", "exact", 160, 160, "项目资金", "去年同期"),
    ("4家", "count", "exact", 4, 4, "企业", ""),
    ("150家", "count", "exact", 150, 150, "", ""),
    ("6家", "count", "exact", 6, 6, "企业", ""),
    ("200家", "count", "exact", 200, 200, "重点培育企业", ""),
    ("11家", "count", "exact", 11, 11, "企业", ""),
    ("第二批", "ordinal", "exact", 2, 2, "", ""),
    ("100家", "count", "exact", 100, 100, "重点培育企业", ""),
    ("2—3家", "count", "range", 2, 3, "", ""),
    ("58家", "count", "exact", 58, 58, "企业", ""),
    ("30多所", "count", "over", 30, 40, "高校院所", ""),
    ("15家", "count", "exact", 15, 15, "企业", ""),
]


def _bound(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def test_seed_claims_have_the_contract_columns(seed_report):
    assert list(seed_report.claims.columns[: len(CLAIM_COLUMNS)]) == CLAIM_COLUMNS


@pytest.mark.parametrize("surface,kind,qualifier,low,high,subject,relation", SEED, ids=[s[0] for s in SEED])
def test_seed_claim(seed_report, surface, kind, qualifier, low, high, subject, relation):
    rows = seed_report.claims[seed_report.claims.surface == surface]
    assert len(rows), f"{surface} not found"
    r = rows.iloc[0]
    assert (r.kind, r.qualifier) == (kind, qualifier)
    assert _bound(r.low) == low and _bound(r.high) == high
    assert r.subject.endswith(subject)
    assert r.relation == relation
    assert seed_report.text[r.start:r.end] == surface


def test_seed_money_is_normalized(seed_report):
    r = seed_report.claims.set_index("surface").loc["800万元"]
    assert (r.value, r.multiplier, r.norm_value, r.unit) == (800, 10_000, 8_000_000, "元")


def test_seed_parts_point_at_their_wholes(seed_report):
    c = seed_report.claims
    by_surface = {s: i for i, s in enumerate(c.surface)}
    assert c.part_of[by_surface["40件"]] == by_surface["185件"]
    assert c.part_of[by_surface["21个"]] == by_surface["35个"]
    assert c.part_of.notna().sum() == 2


def test_seed_frequencies_are_times_per_year(seed_report):
    freq = seed_report.claims[seed_report.claims.kind == "frequency"]
    assert [(s[:3], v) for s, v in zip(freq.surface, freq.norm_value)] == [("每半年", 2), ("每季度", 4), ("每月编", 12)]
    assert (freq.unit == "次/年").all()


def test_seed_non_claims(seed_report):
    c = seed_report.claims
    assert len(c) == len(SEED) + 4  # the table above, 11家 again, and three frequencies
    for s, e in zip(c.start, c.end):
        for name in ("三个代表", "一把手", "一支", "百家企业寻找科技靠山"):
            at = seed_report.text.find(name)
            assert not (at <= s < at + len(name)), name
    assert c.section.isin(["1", "2", "3", "4"]).all()


def one(text: str):
    c = claims_from_text(text)
    assert len(c) == 1, list(c.surface)
    return c.iloc[0]


@pytest.mark.parametrize("text,surface,value,multiplier,norm,unit,kind", [
    ("全年实现产值1,234万元。", "1,234万元", 1234, 1e4, 12_340_000, "元", "money"),
    ("发放资料１２３份。", "１２３份", 123, 1, 123, "份", "count"),
    ("预算收入２７，２０３，３１９，０００元。", "２７，２０３，３１９，０００元", 27_203_319_000, 1, 27_203_319_000, "元", "money"),
    ("经济总量达到6.66万亿元。", "6.66万亿元", 6.66, 1e12, 6.66e12, "元", "money"),
    ("市场主体1.28万家。", "1.28万家", 1.28, 1e4, 12_800, "家", "count"),
    ("新建公路一百二十公里。", "一百二十公里", 120, 1, 120, "公里", "quantity"),
    ("粮食产量四亿六千万斤。", "四亿六千万斤", 460_000_000, 1, 460_000_000, "斤", "quantity"),
    ("造林一百二十万亩。", "一百二十万亩", 120, 1e4, 1_200_000, "亩", "quantity"),
    ("识字率达到百分之七十七点五。", "百分之七十七点五", 77.5, 1, 77.5, "%", "percent"),
    ("合格率为九成。", "九成", 9, 10, 90, "%", "percent"),
    ("出生率为12‰。", "12‰", 12, 1, 12, "‰", "percent"),
    ("面积3.5平方公里。", "3.5平方公里", 3.5, 1, 3.5, "平方公里", "quantity"),
    ("出口额是2010年的2.2倍。", "2.2倍", 2.2, 1, 2.2, "倍", "multiple"),
    ("连续9年保持增长。", "9年", 9, 1, 9, "年", "duration"),
    ("位居全国第3位。", "第3位", 3, 1, 3, "位", "rank"),
    ("收入翻一番。", "翻一番", 2, 1, 2, "倍", "multiple"),
    ("出口10亿美元。", "10亿美元", 10, 1e8, 1e9, "美元", "money"),
])
def test_numbers_units_and_kinds(text, surface, value, multiplier, norm, unit, kind):
    r = one(text) if kind != "duration" else claims_from_text(text).iloc[0]
    assert (r.surface, r.unit, r.kind) == (surface, unit, kind)
    assert r.value == pytest.approx(value) and r.multiplier == multiplier and r.norm_value == pytest.approx(norm)


@pytest.mark.parametrize("text,surface,qualifier,low,high", [
    ("收到意见3万余册。", "3万余册", "over", 30_000, 40_000),
    ("发放资料7000余份。", "7000余份", "over", 7000, 8000),
    ("共有30多所高校。", "30多所", "over", 30, 40),
    ("贡献率超过25%。", "超过25%", "over", 25, None),
    ("参与近万人。", "近万人", "under", None, 10_000),
    ("吸引上万人参加。", "上万人", "over", 10_000, None),
    ("投资10万元左右。", "10万元左右", "approx", None, None),
    ("约1500亿元。", "约1500亿元", "approx", None, None),
    ("有2—3家入围。", "2—3家", "range", 2, 3),
    ("有2至3个项目。", "2至3个", "range", 2, 3),
    ("有2至3万元结余。", "2至3万元", "range", 20_000, 30_000),
    ("建成两三百个站点。", "两三百个", "range", 200, 300),
    ("来了三四个人。", "三四个", "range", 3, 4),
    ("有两三家企业。", "两三家", "range", 2, 3),
    ("办了十几个班。", "十几个", "approx", 11, 19),
    ("开了几十次会。", "几十次", "approx", 20, 90),
    ("帮助数百户脱贫。", "数百户", "approx", 200, 900),
    ("新增就业900万人以上。", "900万人以上", "over", 9_000_000, None),
    ("失业率控制在4.6%以内。", "4.6%以内", "under", None, 4.6),
    ("七成以上农户受益。", "七成以上", "over", 70, None),
    ("增长速度定为百分之八至九。", "百分之八至九", "range", 8, 9),
    ("国内生产总值增长6%－6.5%。", "6%－6.5%", "range", 6, 6.5),  # full-width hyphen (2019 report)
    ("增长6.5%～7%。", "6.5%～7%", "range", 6.5, 7),
    ("粮食产量三亿三千五百多万吨。", "三亿三千五百多万吨", "over", 335_000_000, 336_000_000),
])
def test_qualifiers_and_bounds(text, surface, qualifier, low, high):
    r = one(text)
    assert (r.surface, r.qualifier) == (surface, qualifier)
    assert _bound(r.low) == (pytest.approx(low) if low is not None else None)
    assert _bound(r.high) == (pytest.approx(high) if high is not None else None)


@pytest.mark.parametrize("text,surface,kind,relation,subject", [
    ("工业总产值比上年增长8.6%。", "8.6%", "growth", "上年", "工业总产值"),
    ("财政收入同比下降3.2%。", "3.2%", "growth", "同比", "财政收入"),
    ("城镇化率提高了1.5个百分点。", "1.5个百分点", "growth", "", "城镇化率"),
    ("出口比去年同期增长百分之二十。", "百分之二十", "growth", "去年同期", "出口"),
    ("非化石能源发电量占总发电量的比重接近40%。", "接近40%", "share", "总发电量", "非化石能源发电量"),
    ("总产值只完成年度计划的百分之九十八点七。", "百分之九十八点七", "share", "年度计划", "总产值"),
    ("研发投入占比达到2.5%。", "2.5%", "share", "", "研发投入"),
    ("国内生产总值增长一倍。", "一倍", "growth", "", "国内生产总值"),
])
def test_growth_share_and_relations(text, surface, kind, relation, subject):
    r = one(text)
    assert (r.surface, r.kind, r.relation) == (surface, kind, relation)
    assert r.subject.startswith(subject)


def test_fenbie_gives_one_claim_per_figure_with_the_shared_subject():
    c = claims_from_text("两个园区分别实现产值45亿元、28亿元。")
    assert list(c.surface) == ["两个", "45亿元", "28亿元"]
    assert list(c.subject) == ["园区", "产值", "产值"]
    assert list(c.norm_value) == [2, 4.5e9, 2.8e9]


def test_fenbie_percentages_keep_their_kind():
    c = claims_from_text("能耗和排放分别降低16%和17%。")
    assert list(c.kind) == ["growth", "growth"]


def test_a_new_clause_gets_its_own_kind():
    c = claims_from_text("工业支出占支出总数的１１．４１％，比上年实际增长８６．１４％。")
    assert list(c.kind) == ["share", "growth"] and list(c.relation) == ["支出总数", "上年"]


def test_qizhong_links_every_part_to_the_whole():
    c = claims_from_text("全市专利申请185件，占年计划的90%，其中发明专利40件，实用新型100件。")
    assert list(c.surface) == ["185件", "90%", "40件", "100件"]
    assert list(c.part_of.astype(object).where(c.part_of.notna(), None)) == [None, None, 0, 0]


def test_qizhong_in_the_next_clause_after_other_units():
    c = claims_from_text("申报项目35个，其中立项21个，争取资金800万元。")
    assert list(c.part_of.astype(object).where(c.part_of.notna(), None)) == [None, 0, None]


@pytest.mark.parametrize("text,per_year", [
    ("每半年召开一次监督员会议。", 2), ("每季度召开一次工作汇报会议。", 4), ("每月编制一期简报。", 12),
    ("每年开展两次检查。", 2), ("每周召开一次例会。", 52),
])
def test_frequencies(text, per_year):
    r = one(text)
    assert (r.kind, r.norm_value, r.unit) == ("frequency", per_year, "次/年")


@pytest.mark.parametrize("text", [
    "2025年全市经济平稳运行。", "6月19日召开会议。", "发布时间：02-08", "9月底前完成。", "１９５４年的工作。",
    "二〇〇九年以来。", "“十四五”规划顺利实施。", "十四五时期。", "一是加强领导。", "（一）加强领导。",
    "以“三个代表”重要思想为指导。", "坚持三个代表重要思想。", "共建“一带一路”。", "开展两学一做学习教育。",
    "开展“百家企业寻找科技靠山”活动。", "一把手负总责。", "建设一支高素质队伍。", "建立一个机制。",
    "实施第一个五年计划。", "在五十年代。", "坚持四项基本原则。", "走进千家万户。", "百家争鸣。",
    "制定五年规划。", "几个问题。", "位居全国前列。", "第一，加强领导。", "2021—2025年。", "G20峰会。",
])
def test_non_claims(text):
    assert claims_from_text(text).empty, list(claims_from_text(text).surface)


def test_offsets_slice_to_surface_in_mixed_text():
    text = "１９５３年钢产量达到１７７万吨，比上年增长百分之三十，其中优质钢三十多万吨。"
    c = claims_from_text(text)
    assert list(c.surface) == ["１７７万吨", "百分之三十", "三十多万吨"]
    assert all(text[s:e] == u for s, e, u in zip(c.start, c.end, c.surface))
    assert c.part_of.iloc[2] == 0


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=2, max_value=10**12), st.booleans(), st.sampled_from(["个", "家", "元", "吨", "人次"]))
def test_any_chinese_amount_is_read_back(n, liang, unit):
    text = f"全市共有{to_chinese(n, liang)}{unit}。"
    r = one(text)
    assert r.norm_value == n and r.qualifier == "exact"
    assert text[r.start:r.end] == r.surface


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=10**12), st.booleans())
def test_any_arabic_amount_is_read_back(n, full_width):
    digits = f"{n:,}"
    if full_width:
        digits = digits.translate(str.maketrans("0123456789,", "０１２３４５６７８９，"))
    r = one(f"收入{digits}元。")
    assert r.norm_value == n and r.unit == "元" and r.kind == "money"


@pytest.mark.parametrize("text,surface,kind,subject", [
    ("党的十一届三中全会以来。", "十一届", "ordinal", ""),
    ("经济连续9年保持增长。", "9年", "duration", ""),
    ("过去五年，经济稳定增长。", "五年", "duration", ""),
    ("投资每年递增百分之四。", "百分之四", "growth", "投资"),
    ("在校学生达到300万人。", "300万人", "count", "在校学生"),
])
def test_time_words_and_numerals_are_not_subjects(text, surface, kind, subject):
    r = one(text)
    assert (r.surface, r.kind, r.subject) == (surface, kind, subject)
