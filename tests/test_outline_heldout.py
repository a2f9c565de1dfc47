"""A second set of synthetic reports, written after the outline and dating rules were settled
and scored once before any change (17 of 17 headings, 3 of 3 years): a city report with a
heading wrapped after its comma and a glossary, a county report with a number broken off its
sentence and a notes section, and a bureau's self-inspection report dated under its signature."""
from __future__ import annotations

from effanalysis import dating
from effanalysis.language import entities
from effanalysis.outline import build_outline

A = """2025年石门市人民政府工作报告
——2025年2月18日在石门市第十七届人民代表大会第四次会议上
市长 吴 国华
各位代表：
现在，我代表市人民政府，向大会报告政府工作，请予审议，并请市政协委员和其他列席人员提出意见。
2024年工作回顾
过去一年，面对复杂严峻的外部环境，全市上下砥砺奋进，经济运行总体平稳。
一是产业转型步伐加快。新增国家级专精特新“小巨人”企业6家。
二是城乡面貌持续改善。改造城镇老旧小区86个。
2025年工作安排
今年是“十四五”规划收官之年。全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。
（一）坚定不移抓好项目建设，
持续扩大有效投资
全年实施重点项目300个，完成投资800亿元以上。
（二）坚定不移深化改革开放。深化国资国企改革，优化营商环境。
（三）坚定不移保障改善民生。城镇新增就业4.5万人。
各位代表，新征程催人奋进，让我们奋力谱写石门高质量发展新篇章！
附件
名词解释
1.专精特新：专业化、精细化、特色化、新颖化。
"""
A_H = [(1, "2024年工作回顾"), (1, "2025年工作安排"), (2, "坚定不移抓好项目建设，持续扩大有效投资"),
       (2, "坚定不移深化改革开放"), (2, "坚定不移保障改善民生")]
B = """东岭县人民政府工作报告
各位代表：
一、过去五年工作回顾
五年来，全县地区生产总值年均增长6.8%，一般公共预算收入突破
10
亿元。
（一）综合实力显著增强。规上工业企业达到128家。
（二）民生福祉持续增进。新建改扩建学校42所。
二、今后五年奋斗目标
今后五年的主要目标
是：地区生产总值年均增长6%以上。
三、2026年重点工作
（一）聚力产业振兴。培育壮大特色农业。
（二）聚力城乡融合。推进以县城为重要载体的新型城镇化。
说明：
本报告所列增速均为可比价。
"""
B_H = [(1, "过去五年工作回顾"), (2, "综合实力显著增强"), (2, "民生福祉持续增进"), (1, "今后五年奋斗目标"),
       (1, "2026年重点工作"), (2, "聚力产业振兴"), (2, "聚力城乡融合")]
C = """关于2025年机关效能建设工作的自查报告
根据市效能办统一部署，我局对照考核细则开展了全面自查，现将有关情况报告如下。
一、主要做法
（一）加强组织领导。成立了以局长为组长的领导小组。
（二）健全工作制度。建立健全首问负责制、限时办结制、责任追究制等制度。
二、存在的不足
少数干部服务意识还不够强。
三、下一步打算
继续深化机关作风建设。
江城县市场监督管理局
2025年12月26日
"""
C_H = [(1, "主要做法"), (2, "加强组织领导"), (2, "健全工作制度"), (1, "存在的不足"), (1, "下一步打算")]
CASES = [("city", A, A_H, 2025), ("county", B, B_H, 2026), ("self-inspection", C, C_H, 2025)]


def _heads(text: str) -> list[tuple[int, str]]:
    s = build_outline(text, text.split("\n", 1)[0]).sections
    return list(zip(s["level"].tolist(), s["title"].tolist()))


def test_held_out_outlines():
    for name, text, want, _ in CASES:
        assert _heads(text) == want, name


def test_held_out_years():
    # City: the occasion line; county: its heading 三、2026年重点工作; bureau: the date under
    # its signature.
    assert [dating.report_year(text, {}) for _, text, _, _ in CASES] == [year for *_, year in CASES]


def test_held_out_speaker():
    people, _ = entities.people(A)
    assert dict(zip(people["name"], people["title"])) == {"吴国华": "市长"}
