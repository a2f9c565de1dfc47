"""The words around a number: what it measures (subject), against what (relation),
and whether a percentage is a growth, a share or a level.

Heuristics over short strings (the clause before a number, a few characters after it),
each a compiled regex: verb and particle lists tuned on official reports.
"""
from __future__ import annotations

import re

GROWTH_VERBS = "递增|递减|增长|增加|提高|上升|上涨|提升|下降|降低|减少|下滑|回落|扩大|缩小|增|降|减|涨|跌|升"
DECLINE = ("递减", "下降", "降低", "减少", "下滑", "回落", "缩小", "降", "减", "跌")
GROWTH_TAIL = re.compile(rf"(?:(?:{GROWTH_VERBS})(?:了|约|近)?|(?:增速|增幅|涨幅|降幅)(?:为|达到?|是)?)$")
GROWTH_REL = re.compile(rf"(同比|环比)|(?:比|较|与)(?P<rel>[^，。；]{{1,12}}?)(?:相比)?(?:实际)?(?:{GROWTH_VERBS})")
SHARE_TAIL = re.compile(r"(?:比重|比例|占比|份额)(?:为|达到?|是|已达|控制在|在)?$"
                        r"|占(?P<rel>[^，。；占]{0,15}?)的?(?:比重|比例|份额)?(?:为|达到?|是|已达|控制在|在)?$")
MULTIPLE_TAIL = re.compile(r"(?:是|为|相当于)(?P<rel>[^，。；]{1,20}?)的$")
PLAN_TAIL = re.compile(r"(?:完成|达到|相当于|为|是)(?P<rel>[^，。；]{1,15}?)的$")  # 完成年度计划的98.7%
CLAUSE_TAIL = re.compile(r"[^，。；：！？,;:!?\n“”]*$")
_PAREN = re.compile(r"（[^（）]*）|\([^()]*\)")

# Preceding noun phrase: what follows the last verb, scope word or particle.
_CUT = re.compile(r".*(?:发放|吸引|收到|申报|争取|组织|实现|完成|达到|建成|新建|新增|增加(?!值)|减少|引进|签订|举办|开展|"
                  r"办理|受理|查处|处理|提供|培训|接待|帮助|解决|安排|落实|筹集|拨付|下达|获得|取得|累计|共计|合计|总计|"
                  r"全年|全市|全省|全国|全区|全县|今年|去年|上年|当年|目前|截至|截止|其中|各类|各级|各种|各项|通过|"
                  r"编制|印制|制定|修订|出台|发布|审议|提请|带动|惠及|覆盖|支持|扶持|帮扶|培育|"
                  r"预计|比[^，。；比]{0,10}?(?:年|期|前)|[〇○零一二三四五六七八九]{4}年|过去|今后|未来|最近|连续|"
                  r"平均每年|每年平均|年均|平均|在(?!校|职|岗|建)|"
                  r"[已共有是为达和与及向对把将被从由的等了着这那即]|[0-9０-９]+年?)", re.S)
_TRAIL = re.compile(r"(?:(?:提高|降低|增加|下降|增长|减少|上升|控制|保持|稳定)?[到至在]|提升|提高|增加|增长|下降|降低|减少|"
                   r"跃上|跃升|上升|首次|实现|完成|新增|安排|拟按|按|高|低|实际|参与|达到|超过|突破|"
                   r"共计|合计|总计|累计|已经|分别|约为|递增|递减|每年|年均|平均|[达为是有共约已了的在超逾近由从增减升降只都又也还再])+$")
_LEAD = re.compile(r"^[、，和及与\s]+")
# Following noun phrase (after a measure word): up to the first verb or particle.
_FOLLOW = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,14}")
_STOP = re.compile(r"之|的|与|和|及|同|在|被|将|把|对|向|从|为|是|有|了|都|均|已|也|又|并|共|分别|以|等|到|中|"
                  r"成为|进入|入围|合作|位居|参加|参与|获得|通过|实现|完成|开展|建立|达到|进行|受到|得到|获|"
                  r"召开|举办|建成|纳入|列入|用于|投入|听取|提高|增长|增加|减少|下降|接受|实施|出席")

_NUMERAL = re.compile(r"[0-9０-９零〇○一二两三四五六七八九十百千万亿几第]")


def following(text: str, end: int) -> str:
    """The noun phrase right after a measure word: 七个|民主评议政风行风单位|之一."""
    m = _FOLLOW.match(text, end)
    if not m or _NUMERAL.match(text, end):
        return ""  # 十一届三中全会: another number follows, not a noun
    np_ = m.group()
    s = _STOP.search(np_)
    return np_[: s.start()] if s else np_


def preceding(prefix: str) -> str:
    """The noun phrase before a number: 全市专利申请|185件 → 专利申请."""
    prefix = _TRAIL.sub("", _PAREN.sub("", prefix))
    m = _CUT.match(prefix)
    np_ = _LEAD.sub("", _TRAIL.sub("", prefix[m.end():] if m else prefix))[-16:]
    return "" if _NUMERAL.fullmatch(np_[:1] or "0") and len(np_) <= 2 else np_


def percent_kind(prefix: str, kind: str) -> tuple[str, str, str]:
    """growth / share / multiple / percent from the words before the number,
    with the relation (base) and the prefix left for the subject."""
    m = GROWTH_TAIL.search(prefix)
    if m:
        r = GROWTH_REL.search(prefix)
        if r:
            return "growth", r.group(1) or r.group("rel"), prefix[: r.start()]
        return "growth", "", prefix[: m.start()]
    m = SHARE_TAIL.search(prefix)
    if m and kind != "multiple":
        rel = m.group("rel") or ""
        cut = prefix.rfind("占", 0, m.start() + 1) if rel or prefix[m.start()] == "占" else m.start()
        return "share", rel, prefix[:cut]
    m = (MULTIPLE_TAIL if kind == "multiple" else PLAN_TAIL).search(prefix)
    if m:
        return "multiple" if kind == "multiple" else "share", m.group("rel"), prefix[: m.start()]
    return kind, "", prefix


def subject_of(text: str, start: int, end: int, kind: str, prefix: str, prev_end: int) -> str:
    """The noun phrase measured: after a measure word (七个民主评议政风行风单位), else before
    the number (专利申请185件), else at the end of the previous clause (编制科技工作画册，向基层发放2000余份)."""
    if kind == "count":
        subject = following(text, end) or preceding(prefix)
    else:
        subject = preceding(prefix)
    clause_start = start - len(prefix)
    if not subject and kind in ("count", "money", "quantity") and clause_start > prev_end + 1 \
            and text[clause_start - 1] in "，,；;":
        before = CLAUSE_TAIL.search(text, max(0, clause_start - 41), clause_start - 1)
        if before.start() > prev_end and text[before.start() - 1: before.start()] in "，,；;。\n":
            subject = preceding(before.group())  # only a clause without a claim of its own
    return subject
