"""Measure words and units, and the kind of claim each one makes.

Longer units come first in the regex alternation so 个百分点 wins over 个,
平方公里 over 公里, 人次 over 人.
"""
from __future__ import annotations

COUNT = ("人次 件次 户次 架次 车次 班次 艘次 批次 列次 件 个 家 所 份 条 项 人 名 位 户 期 次 台 座 处 批 类 种 套 辆 艘 架 部 篇 本 册 "
         "张 场 届 支 队 起 宗 例 头 只 株 棵 间 栋 幢 款 座 门 所 村 乡 镇 县 省 市 国 校 床 盏 块 片 副 首 "
         "枚 颗 幅 封 轮 班 组 列 对 艘").split()
MONEY = "美元 欧元 日元 港元 英镑 卢布 元".split()
QUANTITY = ("微克/立方米 毫克/立方米 微克/m³ 标准箱 平方公里 平方千米 平方米 立方米 千瓦时 万千瓦 千瓦 兆瓦 吉瓦 千米 公里 厘米 毫米 米 公吨 吨 千克 公斤 克 "
            "市斤 斤 公担 担 亩 公顷 升 标箱 TEU 马力 ㎡ ㎥ km").split()
DURATION = "个工作日 个多月 个月 个季度 周年 小时 分钟 年 天 周 岁".split()
PERCENT = ("个百分点", "百分点", "%", "％", "‰", "成")
MULTIPLE = ("倍",)

KIND = {**{u: "count" for u in COUNT}, **{u: "money" for u in MONEY}, **{u: "quantity" for u in QUANTITY},
        **{u: "duration" for u in DURATION}, **{u: "percent" for u in PERCENT}, **{u: "multiple" for u in MULTIPLE}}

# Units that may follow 第 in an ordinal (第八届, 第二批) or a rank (第3位).
ORDINAL_UNITS = tuple("届 批 次 期 个 轮 部 类 条 款 项 家".split())
RANK_UNITS = ("位", "名")

# Multiplier words after Arabic digits (1.28万, 6.66万亿), longest first.
MULTIPLIERS = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "十亿": 10**9, "亿": 10**8, "千万": 10**7,
               "百万": 10**6, "十万": 10**5, "万": 10**4, "千": 10**3}
MULTIPLIER_TEXT = {v: k for k, v in MULTIPLIERS.items()}

# Times per year of each period of 每X…一次.
PERIODS = {"半年": 2, "年": 1, "年度": 1, "季度": 4, "季": 4, "月": 12, "半月": 24, "旬": 36, "周": 52,
           "星期": 52, "天": 365, "日": 365, "两年": 0.5, "二年": 0.5, "三年": 1 / 3}


def alternation(units) -> str:
    """Regex alternation of units, longest first so the longest unit wins."""
    import re

    return "|".join(re.escape(u) for u in sorted(set(units), key=len, reverse=True))
