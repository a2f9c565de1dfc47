"""Claims of the seed report and of small synthetic sentences, one construction each."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings, strategies as st
from test_numerals import to_chinese

from effanalysis.metrics import CLAIM_COLUMNS, claims_from_text

NA = None

# Read off the seed text by hand: surface, kind, qualifier, low, high, subject, relation.
SEED = [
    ("七个", "count", "exact", 7, 7, "民主评议政风行风单位", ""),
    ("7000余份", "count", "over", 7000, 8000, "科技宣传资料", ""),
    ("近万人", "count", "under", NA, 10000, "公众", ""),
    ("2000余份", "count", "over", 2000, 3000, "科技工作画册", ""),  # 编制科技工作画册，向基层发放2000余份
    ("95条", "count", "exact", 95, 95, "意见、建议", ""),
    ("185件", "count", "exact", 185, 185, "专利申请", ""),
    ("90%", "share", "exact", 90, 90, "专利申请", "年计划"),
    ("40件", "count", "exact", 40, 40, "发明专利", ""),
    ("两项", "count", "exact", 2, 2, "重要指标", ""),
    ("35个", "count", "exact", 35, 35, "科技计划项目", ""),
    ("21个", "count", "exact", 21, 21, "立项", ""),  # 其中立项21个: the part of 35 projects approved
    ("800万元", "money", "exact", 8_000_000, 8_000_000, "项目资金", ""),
    ("160%", "growth", "exact", 160, 160, "项目资金", "去年同期"),
    ("4家", "count", "exact", 4, 4, "企业", ""),
    ("150家", "count", "exact", 150, 150, "创新型企业建设试点", ""),
    ("6家", "count", "exact", 6, 6, "企业", ""),
    ("200家", "count", "exact", 200, 200, "重点培育企业", ""),
    ("11家", "count", "exact", 11, 11, "企业", ""),
    ("第二批", "ordinal", "exact", 2, 2, "", ""),  # 入围第二批…: a batch of designations
    ("100家", "count", "exact", 100, 100, "重点培育企业", ""),
    ("2—3家", "count", "range", 2, 3, "企业", ""),  # 对这11家企业进行实地考核，有2—3家有望进入
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
    assert r.subject == subject
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
    # the seed has two 其中 and nothing else is a part: 争取项目资金800万元 after 其中立项21个 is not
    assert set(c.index[c.part_of.notna()]) == {by_surface["40件"], by_surface["21个"]}


def test_seed_frequencies_are_times_per_year(seed_report):
    freq = seed_report.claims[seed_report.claims.kind == "frequency"]
    assert [(s[:3], v) for s, v in zip(freq.surface, freq.norm_value)] == [("每半年", 2), ("每季度", 4), ("每月编", 12)]
    assert (freq.unit == "次/年").all()


def test_seed_has_no_row_beyond_the_hand_checked_ones(seed_report):
    c = seed_report.claims
    # every row is one of the hand-checked claims above or one of the three frequencies
    # (每半年/每季度/每月): a name (三个代表, 一把手), a quotation (“百家企业寻找科技靠山”) or the
    # numbered event 第八届科学技术奖励大会 gives no row
    assert set(c.surface) <= {s[0] for s in SEED} | {"每半年召开一次", "每季度召开一次", "每月编制一期"}
    for s, e in zip(c.start, c.end):
        for name in ("三个代表", "一把手", "一支", "百家企业寻找科技靠山", "第八届"):
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
    ("国内生产总值增长一倍。", "一倍", "multiple", "", "国内生产总值"),  # 增长N倍 is a multiple that grew
    # a verb before a measure noun is part of the indicator's name
    ("新增参保人数2.1万人。", "2.1万人", "count", "", "参保人数"),
    ("全年招聘医生人数较上年增加80人。", "80人", "count", "上年", "招聘医生人数"),
    ("全县养老补贴发放金额达到3.4亿元。", "3.4亿元", "money", "", "养老补贴发放金额"),
    # a short note inside the phrase stays, one that ends it goes
    ("全市规模以上工业（不含电力）增加值增长5.1%。", "5.1%", "growth", "", "规模以上工业（不含电力）增加值"),
    ("农业（包括林业和牧业）增长了百分之四。", "百分之四", "growth", "", "农业"),
    ("工业总产值（按不变价格计算，下同），比上年增长百分之九。", "百分之九", "growth", "上年", "工业总产值"),
    # shares: 比重/比例 name the indicator, 占 opens the base, 占比 alone inherits
    ("高技术产业增加值比重达到18.2%。", "18.2%", "share", "", "高技术产业增加值比重"),
    ("城镇人口占总人口比例提高到61%。", "61%", "share", "总人口", "城镇人口"),
    ("制造业增加值占全省生产总值的比重稳定在30%以上。", "30%以上", "share", "全省生产总值", "制造业增加值"),
    ("税收收入5亿元，占比70%。", "70%", "share", "", "税收收入"),
    # 1950s prose: the subject before a per-head figure, scope words
    ("农民的纯收入，全国平均每人达到三百元。", "三百元", "money", "", "纯收入"),
    ("我国粮食产量达到三亿吨。", "三亿吨", "quantity", "", "粮食产量"),
])
def test_growth_share_and_relations(text, surface, kind, relation, subject):
    rows = claims_from_text(text)
    r = rows[rows.surface == surface]
    assert len(r) == 1, list(rows.surface)
    assert (r.iloc[0].kind, r.iloc[0].relation, r.iloc[0].subject) == (kind, relation, subject)


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
    # time windows, sessions, numbered events, campaigns, anniversaries, phases, years, structure
    "过去五年，全县城乡面貌明显改善。", "这五年，我们砥砺前行。", "五年来，全县发生了巨大变化。",
    "近三年来，我们坚持稳中求进。", "今后五年，要加快发展。", "经过八年持续努力。",
    "在县第九届人民代表大会第三次会议上。", "深入学习贯彻党的二十届四中全会精神。", "成功举办第十二届农民运动会。",
    "启动背街小巷整治三年行动。", "开展百日攻坚行动。", "隆重庆祝建县60周年。", "污水处理厂二期工程建成投用。",
    "启动三期工程建设。", "到二〇三五年基本实现现代化。", "今年重点做好八个方面工作。",
    "把人民利益放在第一位。", "从今年第四季度开始实施。", "完成报告的第三部分。", "实现第一个百年奋斗目标。",
    "推进第二轮中央生态环境保护督察整改。", "党的十一届三中全会以来。", "在全市第五次党代会上。", "支持亿元以上项目建设。",
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
    ("经济连续9年保持增长。", "9年", "duration", "经济"),  # a streak gets the thing that kept growing
    ("投资每年递增百分之四。", "百分之四", "growth", "投资"),
    ("在校学生达到300万人。", "300万人", "count", "在校学生"),
])
def test_time_words_and_numerals_are_not_subjects(text, surface, kind, subject):
    r = one(text)
    assert (r.surface, r.kind, r.subject) == (surface, kind, subject)


# The constructions of issue 12, each with the reason the expected reading is right.

@pytest.mark.parametrize("text,subject", [
    ("农村自来水普及率达到96%。", "农村自来水普及率"),  # 及 inside 普及率 is no particle
    ("森林覆盖率达到62.5%。", "森林覆盖率"),
    ("每万人发明专利拥有量达到8.2件。", "每万人发明专利拥有量"),
    ("建成高原和美村庄35个。", "高原和美村庄"),  # 和 joins the words of one name
    ("新建5G基站420座。", "5G基站"),  # a digit inside a word is no number
    ("全县人均预期寿命达到79.6岁。", "人均预期寿命"),
    ("治理沙化土地25万亩。", "沙化土地"),  # the verb before its object is not measured
    ("12.4万低收入人口稳定增收。", "低收入人口"),  # the noun after a bare 万 is what is counted
    ("航班起降2.8万架次。", "航班起降"),  # 降 inside 起降 is no decline
])
def test_subject_is_the_measured_noun_phrase(text, subject):
    assert one(text).subject == subject


def test_a_quoted_name_in_a_list_is_its_own_subject():
    c = claims_from_text("新建社区食堂12个、“暖心驿站”30个。")
    assert list(c.subject) == ["社区食堂", "暖心驿站"]


def test_before_and_after_figures_share_subject_and_kind():
    c = claims_from_text("家庭农场从3200家增至4100家。")
    assert list(c.subject) == ["家庭农场", "家庭农场"]  # 增至 is a verb, never a subject
    c = claims_from_text("服务业增加值占地区生产总值比重从48.2%提高到51.6%。")
    assert list(c.kind) == ["share", "share"] and list(c.relation) == ["地区生产总值"] * 2
    assert list(c.subject) == ["服务业增加值"] * 2


def test_ranks_and_streaks_get_the_thing_ranked():
    c = claims_from_text("全县工业增速连续8个季度居全省前5位。")
    assert list(c.surface) == ["8个季度", "前5位"]
    assert list(c.subject) == ["工业增速", "工业增速"]
    rank = c.iloc[1]
    # 前5位 says "among the first five": at most 5, the field is the province
    assert (rank.kind, rank.qualifier, _bound(rank.low), rank.high, rank.relation) == ("rank", "under", None, 5, "全省")


@pytest.mark.parametrize("text,surface,value,unit,kind,subject", [
    ("全市工业总产值居全省第二。", "第二", 2, "", "rank", "工业总产值"),
    ("综合实力位居全市首位。", "首位", 1, "位", "rank", "综合实力"),
    ("壮大四大主导产业。", "四大", 4, "大", "count", "主导产业"),
    ("开行货运班列320列。", "320列", 320, "列", "count", "货运班列"),
    ("缔结友好城市18对。", "18对", 18, "对", "count", "友好城市"),
    ("细颗粒物平均浓度降至28微克/立方米。", "28微克/立方米", 28, "微克/立方米", "quantity", "细颗粒物平均浓度"),
    ("港口集装箱吞吐量完成86万标准箱。", "86万标准箱", 860_000, "标准箱", "quantity", "港口集装箱吞吐量"),
    ("全社会用电量达到186亿千瓦时。", "186亿千瓦时", 1.86e10, "千瓦时", "quantity", "全社会用电量"),
    ("新增装机容量45万千瓦。", "45万千瓦", 450_000, "千瓦", "quantity", "装机容量"),
    ("开通客运航线班次1200班次。", "1200班次", 1200, "班次", "count", "客运航线班次"),
    ("接待游客386万人次。", "386万人次", 3_860_000, "人次", "count", "游客"),
    ("新增港口船舶12艘。", "12艘", 12, "艘", "count", "港口船舶"),
    ("12.4万低收入人口稳定增收。", "12.4万", 124_000, "", "count", "低收入人口"),
    ("近1亿农村贫困人口实现脱贫。", "近1亿", 1e8, "", "count", "农村贫困人口"),
])
def test_units_and_forms(text, surface, value, unit, kind, subject):
    r = one(text)
    assert (r.surface, r.unit, r.kind, r.subject) == (surface, unit, kind, subject)
    assert r.norm_value == value


@pytest.mark.parametrize("text,direction,kind", [
    ("农药使用量下降6.3%。", "down", "growth"), ("化肥使用量增长6.3%。", "up", "growth"),
    ("财政收入比上年增加1500亿元。", "up", "money"), ("贫困人口减少6800多万。", "down", "count"),
    ("全县地区生产总值增长3倍多。", "up", "multiple"), ("单位能耗降低2.5%左右。", "down", "growth"),
    ("城镇化率达到60%。", "", "percent"),  # a level, not a change
    ("家庭农场达到4100家。", "", "count"),
    ("细颗粒物平均浓度降至28微克/立方米。", "", "quantity"),  # the level reached, not the fall
])
def test_direction_of_changes(text, direction, kind):
    r = one(text)
    assert (r.direction, r.kind) == (direction, kind)
    assert r.value > 0  # the value stays as written


def test_two_changes_that_differ_only_in_direction():
    c = claims_from_text("全县农药使用量下降6.3%，化肥使用量增长6.3%。")
    assert list(c.norm_value) == [6.3, 6.3] and list(c.direction) == ["down", "up"]


def test_a_difference_from_the_province():
    r = one("规上工业增加值增速低于全省1.2个百分点。")
    assert (r.norm_value, r.unit, r.direction, r.relation, r.subject) == (1.2, "个百分点", "down", "全省", "规上工业增加值增速")


@pytest.mark.parametrize("text,surfaces,qualifiers,lows,highs", [
    ("全县地区生产总值增长3倍多。", ["3倍多"], ["over"], [3], [4]),
    ("县财政收入、支出分别突破20亿元和60亿元。", ["突破20亿元", "60亿元"], ["over", "over"], [2e9, 6e9], [None, None]),
    ("全县75%以上的行政村通了公交。", ["75%以上"], ["over"], [75], [None]),
])
def test_qualifiers_written_once(text, surfaces, qualifiers, lows, highs):
    c = claims_from_text(text)
    assert list(c.surface) == surfaces and list(c.qualifier) == qualifiers
    assert [_bound(x) for x in c.low] == lows and [_bound(x) for x in c.high] == highs


def test_fenbie_hands_out_the_listed_subjects_in_turn():
    c = claims_from_text("县财政收入、支出分别突破20亿元和60亿元。")
    assert list(c.subject) == ["县财政收入", "支出"]
    c = claims_from_text("化学需氧量、二氧化硫排放总量分别下降15.7%和17.5%。")
    assert list(c.subject) == ["化学需氧量", "二氧化硫排放总量"] and list(c.direction) == ["down", "down"]


def test_share_of_a_set_and_growth_kept_above_a_level():
    r = one("全县75%以上的行政村通了公交。")
    assert (r.kind, r.relation, r.subject) == ("share", "行政村", "行政村")
    r = one("工业投资保持15%以上增长。")
    assert (r.kind, r.qualifier, r.direction, r.subject) == ("growth", "over", "up", "工业投资")


def test_qizhong_span_ends_at_a_new_item():
    c = claims_from_text("全年造林12万亩、其中经济林3万亩，治理沙化土地25万亩。")
    # 治理… opens a new item: the afforested area's part is 经济林 alone
    assert list(c.part_of.astype(object).where(c.part_of.notna(), None)) == [None, 0, None]


def test_parts_of_before_and_after_wholes():
    c = claims_from_text("市场主体总数从2.6万户增加到3.9万户，其中企业从4800户增加到7600户。")
    assert list(c.part_of.astype(object).where(c.part_of.notna(), None)) == [None, None, 0, 1]


@pytest.mark.parametrize("text,norm", [
    ("地区生产总值达到2718.3亿元。", 271_830_000_000), ("造林4.94亿亩。", 494_000_000),
    ("收入0.7万元。", 7000), ("投资1.1亿元。", 110_000_000), ("产量3.3万吨。", 33_000),
])
def test_norm_value_has_no_float_noise(text, norm):
    assert one(text).norm_value == norm  # exact equality: decimal arithmetic, not 271830000000.00003


# Invariants over real and report-style text: the seed, the hand-annotated paragraphs.

VERBS = ("增至", "降至", "达到", "增加", "增长", "下降", "提高", "实现", "完成", "突破", "超过", "保持", "居", "位居")


def _eval_texts():
    from pathlib import Path

    gold = Path(__file__).parent / "eval"
    return [line[2:] for f in ("claims_gold.txt", "claims_heldout.txt")
            for line in (gold / f).read_text(encoding="utf-8").splitlines() if line.startswith("T ")]


def test_invariants_of_every_row(seed_report):
    from effanalysis.language.segment import cut

    texts = [seed_report.text] + _eval_texts()
    for text in texts:
        c = claims_from_text(text)
        for r in c.itertuples():
            assert text[r.start:r.end] == r.surface
            assert (math.isnan(r.low) or r.low <= r.norm_value) and (math.isnan(r.high) or r.norm_value <= r.high)
            assert r.direction in ("", "up", "down") and (r.direction == "" or r.kind not in ("rank", "ordinal"))
            assert r.subject not in VERBS, (r.surface, r.subject)
            if not r.subject:
                continue
            sentence_start = max(text.rfind(ch, 0, r.start) for ch in "。！？\n") + 1
            sentence = text[sentence_start: text.find("。", r.end) + 1 or len(text)]
            where = sentence.find(r.subject)
            if where < 0:
                continue  # a subject shared from a list or with its parentheses left out
            bounds = set()
            pos = 0
            for tok in cut(sentence):
                bounds.add(pos)
                pos += len(tok)
            bounds.add(pos)
            # a subject starts and ends on the segmenter's word boundaries, wherever it occurs; the
            # one exception is a particle the segmenter glued to the noun (办结|率达98.3%)
            assert any(sentence.startswith(r.subject, i) and i in bounds
                       and (i + len(r.subject) in bounds or sentence[i + len(r.subject)] in "达为是了的已约共")
                       for i in range(len(sentence))), (r.surface, r.subject, sentence)


def test_json_output_stays_well_formed_when_a_later_row_is_bad(tmp_path):
    import io
    import json

    from effanalysis import iter_reports
    from effanalysis.metrics import write_claims

    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"title": "a", "content": "全县造林12万亩，增长5%。"}\n{"title": "b"}\n', encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(Exception) as err:
        write_claims(iter_reports(corpus), out, fmt="json")
    assert "c.jsonl" in str(err.value)  # the error names the file
    rows = json.loads(out.getvalue())  # …and what was written before it is a complete JSON array
    assert [r["surface"] for r in rows] == ["12万亩", "5%"] and rows[1]["direction"] == "up"


@pytest.mark.parametrize("text", [
    # each a class of non-claim found in a random sample of corpus rows
    "突出抓好三件事：一是大力发展。",  # the frame of an enumeration, announced by its colon
    "今年要采取四项措施。", "对以下三类企业必须首先整顿。", "我们对于这两类私商应该采取不同政策。",
    "中葡两国在澳门问题上合作。", "二十国集团领导人峰会。", "而不能由一两个超级大国说了算。", "争取尽快突破一批核心技术。",
    "世界上年产石油一亿吨以上的国家。", "坚决贯彻党的十一大路线。", "制定实施新10年农村扶贫开发纲要。",
    "后三年出现了大幅度增长。", "到现在已经五年了。", "就有把握再经过三个五年计划的努力。",
])
def test_corpus_non_claims(text):
    assert claims_from_text(text).empty, list(claims_from_text(text).surface)


def test_one_or_two_is_a_range_not_twelve():
    assert list(claims_from_text("建成一两座水库。").norm_value) == []  # vague: dropped, never read as 12
    r = one("建成两三座水库。")
    assert (r.low, r.high, r.qualifier) == (2, 3, "range")


@pytest.mark.parametrize("text", [
    "全力支持香港、澳门两个特别行政区。",  # the count restates the two items just listed
    "中共中央关于科技体制和教育体制改革的两个决定。", "规范发展第三支柱养老保险。",  # a numbered name
    "坚持两条腿走路的方针。", "充分发挥中央和地方两个积极性。",
])
def test_references_and_names_are_not_claims(text):
    assert claims_from_text(text).empty, list(claims_from_text(text).surface)


@pytest.mark.parametrize("text", [
    # formulations in Chinese numerals (GB/T 15835-2011 keeps those for fixed expressions)
    "冷战时期美苏两个超级大国激烈争夺。", "反对修正主义两条路线。", "中亚五国领导人出席峰会。", "落实六项新举措。",
    "在两种不同的土壤上试种。", "十亿人民团结一心。", "这是一个有八亿人口的国家。", "加强关键零部件供给。",
    # classes, thresholds and sources, not figures
    "以五十斤为界分别统计。", "至于三百斤以下的，另行统计。", "对年收入12万元至20万元部分减半征收。",
    "据十五个省的抽样调查，情况良好。",
    # the years something took or a name's attribute
    "全面落实长江十年禁渔。", "三年多试点表明，效果很好。", "分别在五年或者八年内完成。", "五年多来，我们砥砺奋进。",
    "回顾十年困难时期的教训。",
    # counts in fixed names: places counted without 个, a whole of N kinds, a document by its articles
    "支持川滇三省藏区发展。", "推动长三角三省一市协同发展。", "巩固全国各民族大家庭的团结，共建56个民族大家庭。",
    "认真贯彻农业四十条纲要。", "出台稳外资12条措施。", "对年销售收入2000万元人民币以上的企业减免税收。",
    # ideas counted (N大 and N个 before an abstract noun) and a list restated by N大
    "构建初次分配、再分配、三次分配协调配套的制度。", "推广二次能源和一次能源替代。",
    "和平与发展是时代的两大主题。", "落实两项硬性要求。", "我市已走过了70年光辉历程。", "发挥三个优势。", "发展钢铁、有色、建材三大原材料产业。",
])
def test_formulations_classes_and_windows_are_not_claims(text):
    assert claims_from_text(text).empty, list(claims_from_text(text).surface)


@pytest.mark.parametrize("text,surfaces", [
    ("亩产达到八百斤以上的有三十个县。", ["三十个"]),  # the class bound goes, the count of counties stays
    ("棉花三年增长一倍。", ["一倍"]),
    ("同我国建交的国家增加到五十个。", ["五十个"]), ("两次全面降准。", ["两次"]),
    ("全县粮食连续十年保持稳定。", ["十年"]), ("撤出中国境内的七个民政点。", ["七个"]),
    ("可以提早两年或者三年实现目标。", ["两年", "三年"]), ("储备足够一年到两年食用的粮食。", ["两年"]),
    ("全县三个乡镇被评为省级示范乡镇。", ["三个"]),
    ("壮大四大主导产业，打造两大产业集群。", ["四大", "两大"]),  # industries and clusters are counted things
    ("全市37个少数民族和睦相处。", ["37个"]), ("新增4个市。", ["4个"]),  # a count with its 个, not a name
    ("开展五类重大疾病筛查。", ["五类"]),
    ("钢产量2000万吨，十种有色金属80万吨。", ["2000万吨", "80万吨"]),  # the kinds name the basket ("新建道路12条。", ["12条"]),
    ("实施两年新增8000亿元投资。", ["8000亿元"]),
    ("开工建设八百多个限额以上的工业项目。", ["八百多个"]), ("灌溉面积达到九亿亩的要求。", ["九亿亩"]), ("黄河流经九省，全长五千多公里。", ["九省", "五千多公里"]),  # the two years are the window of the figure
])
def test_figures_beside_formulations_stay(text, surfaces):
    assert list(claims_from_text(text).surface) == surfaces

