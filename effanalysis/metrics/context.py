"""The words around a number: what it measures (subject), against what (relation),
whether a percentage is a growth, a share or a level, and the direction of a change.

Heuristics over short strings (the clause before a number, a few characters after it),
each a compiled regex over verb and particle lists of official reports. Cuts between
words are only made where the segmenter puts a word boundary, so a particle inside a
word (普及率, 和美村庄, 5G基站) never splits a noun phrase.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..language import segment

GROWTH_VERBS = ("递增|递减|增长|增加|提高|上升|上涨|提升|下降|降低|减少|下滑|回落|扩大|缩小|净增|净减|增产|减产|"
                "增|降|减|涨|跌|升")
DECLINE = ("递减", "下降", "降低", "减少", "下滑", "回落", "缩小", "净减", "减产", "降", "减", "跌", "降幅", "低")
GROWTH_TAIL = re.compile(rf"(?:(?<!新)(?:{GROWTH_VERBS})(?:了|约|近|达|超过)?|(?:增速|增幅|涨幅|降幅|增长速度|增长率|增长幅度)"
                         r"(?:都|均|也)?(?:为|达到?|是|在)?)$")
GROWTH_REL = re.compile(rf"(同比|环比)|(?:比|较|与|同)(?P<rel>[^，。；]{{1,12}}?)(?:相比)?(?:实际)?(?:{GROWTH_VERBS})")
# 低于全省1.2个百分点, 比上年高0.5个百分点: a difference from another figure.
DIFF_TAIL = re.compile(r"(?:(?P<than>高于|低于)(?P<rel>[^，。；]{1,14}?)(?:平均)?|比(?P<rel2>[^，。；比]{1,12}?)(?P<adj>高|低)(?:了|出)?)$")
# …比例达到, 占总人口比例提高到, 占比保持在: a share (without 占, the word 比重/比例 is part of
# its subject: 空气质量优良天数比例; with it, what follows 占 is the base).
_SHARE_VERB = r"(?:为|达到?|是|已达|控制在|保持在?|稳定在|在|从|由|(?:提高|提升|上升|增加|扩大|下降|降低|减少|回落)(?:到|至))?"
SHARE_TAIL = re.compile(rf"(?P<word>比重|比例|占比|份额){_SHARE_VERB}$"
                        rf"|占(?!比)(?P<rel>[^，。；占]{{0,15}}?)的?(?:比重|比例|份额)?{_SHARE_VERB}$")
MULTIPLE_TAIL = re.compile(r"(?:是|为|相当于)(?P<rel>[^，。；]{1,20}?)的$")
PLAN_TAIL = re.compile(r"(?:完成|达到|相当于|为|是)(?P<rel>[^，。；]{1,15}?)的$")  # 完成年度计划的98.7%
# The field a rank is in: 居全省前5位, 位居全市首位, 从世界第六位.
RANK_TAIL = re.compile(r"(?:居|位居|跃居|稳居|位列|名列|列|排名|排|排在|居于|从|由|(?:跃升|上升|提升|前移|升)[至到])"
                       r"(?P<rel>(?:(?!居|排|列|升[至到]|从|由)[^，。；、]){0,12})$")
# Quotation marks are kept in a clause (新建“暖心驿站”30个) and dropped from the subject.
CLAUSE_TAIL = re.compile(r"[^，。；：！？,;:!?\n]*$")
_CLAUSE_END = re.compile(r".*[，。；：！？,;:!?\n]", re.S)


def clause_tail(text: str, start: int, width: int = 40) -> str:
    """The clause up to `start` (at most `width` characters): what CLAUSE_TAIL matches, found by
    one greedy match to the last separator instead of a search from every position."""
    lo = max(0, start - width)
    m = _CLAUSE_END.match(text, lo, start)
    return text[m.end() if m else lo:start]
_PAREN = re.compile(r"（[^（）]*）|\([^()]*\)")
# A short note inside a noun phrase is part of its name (规模以上工业（含电力）增加值, 城镇（常住）人口);
# one that ends or opens the phrase ((二)农业支出) or runs long explains it (农业（包括农村副业）增长),
# and is dropped.
_INNER_NOTE = 8


def _drop_notes(prefix: str) -> str:
    if "（" not in prefix and "(" not in prefix:
        return prefix
    return _PAREN.sub(lambda m: m.group() if len(m.group()) <= _INNER_NOTE + 2 and 0 < m.start() and m.end() < len(prefix)
                      and _is_cjk(prefix[m.start() - 1]) and _is_cjk(prefix[m.end()]) else "", prefix)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
_QUOTE = re.compile(r"[“”「」‘’\"]")

# Words after which the noun phrase before a number starts: verbs, scope and time words,
# particles. They only cut at word boundaries.
_CUT_WORDS = re.compile(
    r"发放|吸引|收到|申报|争取|组织|实现|完成|达到|建成|新建|新增|增加(?!值)|减少|引进|签订|举办|开展|承办|"
    r"办理|受理|查处|处理|提供|培训|接待|帮助|解决|安排|落实|筹集|拨付|下达|获得|取得|累计|共计|合计|总计|"
    r"扣除[^，。；]{0,8}?因素|实施|改造|改扩建|治理|淘汰|开行|缔结|启动|建设|开工|竣工|投产|招引|创建|打造|认定|入选|"
    r"拥有|全年|全市|全省|全国|全区|全县|全州|全镇|全乡|我国|我省|我市|我县|我区|本省|本市|本县|今年|去年|上年|当年|目前|截至|截止|其中|各类|各级|各种|各项|通过|"
    r"编制|印制|制定|修订|出台|发布|审议|提请|带动|惠及|覆盖|支持|扶持|帮扶|培育|壮大|"
    r"预计|比[^，。；比]{0,10}?(?:年|期|前)|[〇○零一二三四五六七八九]{4}年|[一二两三四五六七八九十]{1,3}年(?:来|间|内|中)?|过去|今后|未来|最近|连续|"
    r"平均每年|每年平均|年均|在(?!校|职|岗|建)|"
    r"[已共有是为达向对把将被从由的等了着这那即]|[0-9０-９.．%％]+(?:年|月|日)?")
_TRAIL = re.compile(r"(?:(?:提高|降低|增加|下降|增长|减少|上升|控制|保持|稳定)?[到至在]|提升|提高|增加|增长|下降|降低|减少|"
                   r"跃上|跃升|上升|首次|实现|完成|新增|安排|拟按|按|高|低|实际|参与|达到|超过|突破|保持|"
                   r"共计|合计|总计|累计|已经|分别|约为|递增|递减|每年|年均|平均每年|每年平均|平均|连续|"
                   r"净增|净减|增产|减产|居|位居|跃居|稳居|排名|位列|全部|均|都|(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})年(?:底|末|初)?|"
                   r"(?<!占)比|[达为是有共约已了的在超逾近由从增减升降只都又也还再较与和及、])+$")
_LEAD = re.compile(r"^[、，和及与\s]+")
# Following noun phrase (after a measure word): up to the first verb or particle.
_FOLLOW = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{1,14}")
_STOP = re.compile(r"之|的|与|和|及|同|在|被|将|把|对|向|从|为|是|有|了|都|均|已|也|又|并|共|分别|以|等|到|中|全部|全面|"
                  r"成为|进入|入围|合作|位居|参加|参与|获得|通过|实现|完成|开展|建立|达到|进行|受到|得到|获|"
                  r"召开|举办|建成|纳入|列入|用于|投入|听取|接受|实施|出席|稳定|"
                  rf"(?:{GROWTH_VERBS})(?!值|速|量)")
# Tags that end a noun phrase after a measure word (verbs, adverbs, adjectives, particles).
_NOT_NOUN = ("v", "vd", "d", "a", "ad", "p", "c", "u", "uj", "ul", "r", "f")

_NUMERAL = re.compile(r"[0-9０-９零〇○一二两三四五六七八九十百千万亿几第]")


_NUMBER_WORD = re.compile(r"(?<![A-Za-z])[0-9０-９]+(?:[.．][0-9０-９]+)?[年月日]?(?![A-Za-z])")


@lru_cache(maxsize=16384)  # clauses repeat across a corpus (全年, 比上年增长)
def _boundaries(s: str) -> frozenset[int]:
    """Word boundaries of s; a number (with 年/月/日) is a word of its own, which the segmenter
    does not see in full-width digits (１９５５|年本|年收入)."""
    out, pos = {0}, 0
    for tok in segment.cut(s):
        pos += len(tok)
        out.add(pos)
    for m in _NUMBER_WORD.finditer(s):
        out.update(m.span())
    return frozenset(out)


@lru_cache(maxsize=16384)
def _tags(s: str) -> tuple:
    return tuple(segment.tokenizer().tag(s))


def boundaries(s: str) -> frozenset[int]:
    """Offsets in s where the segmenter puts a word boundary, cached."""
    return _boundaries(s)


def tags(s: str) -> tuple:
    """(word, part-of-speech tag) pairs of s, cached."""
    return _tags(s)


def _strip_trail(s: str) -> str:
    """s without the verbs and particles it ends with (达到, 增至, 分别), cut at a word boundary
    (航班起降 keeps its 降) unless the last character is a particle (办结率达)."""
    m = _TRAIL.search(s)
    if not m:
        return s
    b = _boundaries(s)
    cut = next((i for i in range(m.start(), len(s) + 1) if i in b), len(s))
    while cut > m.start() and s[cut - 1] in "达为是了的已约共":
        cut -= 1
    return s[:cut]


_PREPOSITIONS = tuple("向对给为把将被从由在")


# Verbs that are part of an indicator's name when a noun comes before them (城镇新增就业).
_NAME_VERBS = frozenset("新增 新建 累计".split())


def _names_with(s: str, since: int, at: int) -> bool:
    """True when a short noun (城镇, 农村) is all there is between the last cut and the verb at
    `at`: then the verb belongs to the name (城镇新增就业), not to the clause."""
    head = s[since:at]
    if not 0 < len(head) <= 4 or _NUMERAL.search(head):
        return False
    word, tag = _tags(head)[-1]
    return tag[:1] == "n" and not _CUT_WORDS.fullmatch(word) and word not in ("全部", "全面", "基本", "总共", "当前")


# Nouns that measure what the words before them name, verbs included (签约金额, 参保人数,
# 建设面积, 覆盖比例): a verb before one of them is part of the indicator's name.
MEASURE_HEADS = frozenset("人数 户数 次数 人次 金额 总额 数额 面积 规模 总量 数量 里程 比例 比重 占比 额 量 数".split())


def _measure_head_only(rest: str) -> bool:
    return rest in MEASURE_HEADS and _boundaries(rest) == frozenset((0, len(rest)))


def _after_last_cut(s: str) -> str:
    """What follows the last verb, scope word or particle of s that is a whole word (or words);
    a verb that ends s (兜底保障资金发放|3.2亿元) is passed over, and so is one that only a
    measure noun follows (城乡低保发放金额)."""
    b = _boundaries(s)
    at = last = 0
    for m in _CUT_WORDS.finditer(s):
        if len(m.group()) > 1 and _measure_head_only(s[m.end():]):
            continue
        if m.start() in b and m.end() in b and not (m.group() in _NAME_VERBS and _names_with(s, at, m.start())):
            at, last = m.end(), m.start()
    if at == len(s) and len(s[last:]) > 1 and last:
        head = _after_last_cut(s[:last])
        # 向基层发放|2000余份: the words before the verb are its indirect object, not what was given
        return "" if s[last - len(head) - 1: last - len(head)] in _PREPOSITIONS else head
    return s[at:]


def _drop_leading_verb(np_: str) -> str:
    """治理沙化土地 → 沙化土地, 关停取缔非法小作坊 → 非法小作坊: verbs before their object are
    not part of the subject, unless a measure noun ends it (参保人数)."""
    tags = list(_tags(np_)) if len(np_) >= 4 else []
    if tags and tags[-1][0] in MEASURE_HEADS:
        return np_  # 招聘教师人数, 减税降费金额: what the verb did is what the head measures
    first = 1 if tags and tags[0][0] in ("新", "再", "又", "另") else 0
    j = first
    if len(tags) > j + 2 and tags[j][1] == "vn" and tags[j + 1][1] == "v":
        j += 1  # 排查整改隐患
    while j < len(tags) and tags[j][1] == "v" and len(tags[j][0]) > 1:
        j += 1
    # only a verb chain followed by a noun (结转收入 is a noun of its own: v v)
    if j > first and j < len(tags) and tags[j][1].startswith(("n", "l", "a", "b", "eng")) \
            and sum(len(t) for t, _ in tags[j:]) >= 2:
        return np_[sum(len(t) for t, _ in tags[:j]):]
    return np_


def following(text: str, end: int) -> str:
    """The noun phrase right after a measure word: 七个|民主评议政风行风单位|之一."""
    m = _FOLLOW.match(text, end)
    if not m or _NUMERAL.match(text, end):
        return ""  # 十一届三中全会: another number follows, not a noun
    return _following(m.group())


@lru_cache(maxsize=8192)
def _following(np_: str) -> str:
    s = _STOP.search(np_)
    np_ = np_[: s.start()] if s else np_
    tags = list(_tags(np_)) if np_ else []
    if tags and tags[0][1] == "v" and len(tags) == 1:
        return ""  # 3200家增至: a verb is never a subject
    while len(tags) > 1 and tags[-1][1] in _NOT_NOUN:
        tags.pop()  # 农村劳动力转移就业, 低收入人口稳定增收
    np_ = "".join(t for t, _ in tags)
    return "" if not np_ or _NUMERAL.match(np_) else np_


@lru_cache(maxsize=8192)  # the same clauses recur (比上年增长, 全年实现)
def preceding(prefix: str) -> str:
    """The noun phrase before a number: 全县农村自来水普及率|达到96% → 农村自来水普及率."""
    prefix = _strip_trail(_QUOTE.sub("", _drop_notes(prefix)))
    notes = sum(map(len, _PAREN.findall(prefix))) if "（" in prefix or "(" in prefix else 0
    np_ = _LEAD.sub("", _strip_trail(_LEAD.sub("", _after_last_cut(prefix))))[-16 - notes:]  # notes kept count for nothing
    np_ = _drop_leading_verb(np_)
    return "" if _NUMERAL.fullmatch(np_[:1] or "0") and len(np_) <= 2 else np_


_GROWTH_LAST = frozenset("长加高升涨降低少滑落大小增减跌产了约近达过速幅度率都均也为到是在")


def growth_tail(prefix: str):
    """GROWTH_TAIL's match if its verb is a whole word (航班起降 does not say 降)."""
    if not prefix or prefix[-1] not in _GROWTH_LAST:
        return None  # the regex search from every position is the slow part: most clauses end otherwise
    m = GROWTH_TAIL.search(prefix)
    return m if m and (len(m.group()) > 1 or m.start() in _boundaries(prefix)) else None


def split_items(np_: str) -> list[str]:
    """县财政收入、支出 → [县财政收入, 支出]: the items of a list, split at 、/和/与/及 words."""
    if not any(c in np_ for c in "、和与及"):
        return [np_]
    out, cur = [], ""
    for tok in segment.cut(np_):
        if tok in ("、", "和", "与", "及"):
            out.append(cur)
            cur = ""
        else:
            cur += tok
    out.append(cur)
    return [x for x in out if x] or [np_]


def first_tag(clause: str) -> str:
    """The part-of-speech tag of a clause's first word, past 新/再/又/还 (新签约 → v)."""
    tags = _tags(clause.strip()) if clause.strip() else ()
    for word, tag in tags:
        if word not in ("新", "再", "又", "还", "另", "共", "全年", "全县", "全市", "全省"):
            return tag[:1]
    return ""


_GROWTH_PARTICLES = re.compile(r"(?:了|约|近|达|超过|都|均|也|为|达到?|是|在)+$")


def direction_of(m: re.Match) -> str:
    """up or down from the growth word found by GROWTH_TAIL."""
    word = _GROWTH_PARTICLES.sub("", m.group())
    return "down" if word.startswith(DECLINE) or word in DECLINE else "up"


def percent_kind(prefix: str, kind: str) -> tuple[str, str, str, str]:
    """growth / share / multiple / percent from the words before the number, with the
    relation (base), the prefix left for the subject, and the direction of a change."""
    m = growth_tail(prefix)
    if m:
        kind_ = "multiple" if kind == "multiple" else "growth"
        r = GROWTH_REL.search(prefix)
        if r:
            return kind_, r.group(1) or r.group("rel"), prefix[: r.start()], direction_of(m)
        return kind_, "", prefix[: m.start()], direction_of(m)
    d = DIFF_TAIL.search(prefix)
    if d:
        down = d.group("than") == "低于" or d.group("adj") == "低"
        return ("percent" if d.group("than") else "growth"), d.group("rel") or d.group("rel2"), \
            prefix[: d.start()], "down" if down else "up"
    m = SHARE_TAIL.search(prefix)
    if m and kind != "multiple":
        rel = m.group("rel") or ""
        if m.group("word"):  # …，占比72.2%: the word alone names no subject, the one before holds
            # 占比 is 占…的比重; …中的比重, …生产的比重: the word names a share of what precedes it
            keep = m.group("word") != "占比" and prefix[m.start() - 1:m.start()] not in ("的", "") \
                and preceding(prefix[:m.start()])
            cut = m.end("word") if keep else m.start()
        else:
            cut = prefix.rfind("占", 0, m.start() + 1)
        return "share", rel, prefix[:cut], ""
    m = (MULTIPLE_TAIL if kind == "multiple" else PLAN_TAIL).search(prefix)
    if m:
        return "multiple" if kind == "multiple" else "share", m.group("rel"), prefix[: m.start()], ""
    return kind, "", prefix, ""


def subject_of(text: str, start: int, end: int, kind: str, prefix: str, prev_end: int) -> str:
    """The noun phrase measured: after a measure word (七个民主评议政风行风单位), else before
    the number (专利申请185件), else at the end of the previous clause (编制科技工作画册，向基层发放2000余份)."""
    if kind == "rank":
        r = RANK_TAIL.search(prefix)
        prefix = prefix[: r.start()] if r else prefix
    subject = preceding(prefix)
    if kind in ("count", "money", "quantity") and text.startswith("的", end) and following(text, end + 1):
        return following(text, end + 1)  # 九万平方公里的土地
    if kind == "count":
        after = following(text, end)
        # 家庭农场3200家 names its subject before the number; 建成七个民主评议单位 after it
        if after and (not subject or not _strip_trail(prefix).endswith(subject)
                      or _TRAIL.search(prefix) or not prefix):
            subject = after
    per_head = subject in _PER_HEAD  # 农民的纯收入，全国平均每人达到三百五十五元
    if subject and not per_head:
        return subject
    clause_start = start - len(clause_tail(text, start))
    if clause_start <= prev_end + 1 or text[clause_start - 1] not in "，,；;":
        return ""
    gap = clause_start - 1
    if text[gap - 1:gap] in "）)":  # 工业农业总产值（包括…，下同），比一九四九年增长了…: past the note
        opened = max(text.rfind("（", max(0, gap - 150), gap), text.rfind("(", max(0, gap - 150), gap))
        if opened > prev_end:
            before = CLAUSE_TAIL.search(text, max(0, opened - 40), opened)
            return preceding(before.group()) if before.start() > prev_end else ""
    if kind in ("count", "money", "quantity") or per_head:
        before = CLAUSE_TAIL.search(text, max(0, gap - 40), gap)
        if before.start() > prev_end and text[before.start() - 1: before.start()] in "，,；;。\n":
            subject = preceding(before.group())  # only a clause without a claim of its own
    return subject


# Per-head words that qualify a figure without naming what it measures.
_PER_HEAD = frozenset(("平均每人", "每人平均", "人均", "每人", "平均"))
