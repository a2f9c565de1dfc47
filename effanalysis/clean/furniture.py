"""Page furniture in plain text: a line classifier in the spirit of jusText.

Text copied from a web page carries the page's navigation, toolbars, share
widgets, counters, QR prompts, credits and related-link lists, often one token
a line. Each line gets features — its Han characters, the share of them that
are interface vocabulary (`lexicons/interface.txt`: words of UI concepts, not
of one site), sentence punctuation, whether it is a `label: value` line, a
breadcrumb, a photo caption, a notice about the page, a dated link or a file
link — and where it stands: before the first or after the last long prose
block. Then a class:

- prose blocks (long lines with sentence punctuation, not a notice about the
  page) are body, always;
- the body runs from the first prose block to the last, or to the document's
  closing date (issuer, then date) a few lines after it, and a bracketed note
  right after that date;
- between the first and the last prose block everything is body except photo
  captions and a printed copy's page numbers with their running heads:
  furniture sits around an article, not inside it;
- around them, lines made of interface vocabulary, labels, breadcrumbs, lines
  without a Han character, dated links, file links, key/value tables a line
  each, credits after the body, and the tail that a related-links marker opens
  are furniture; a short line between two furniture lines (or the page's edge)
  is furniture too (the items of a breadcrumb, menu or toolbar), unless it
  reads as the document's title, a headline or the closing signature;
- a comment section or a thread's replies (a comment-box heading, a reply's
  "发表于 date" byline) ends the body: it and all after it are furniture, long
  replies too — unless the document goes on after it (a numbered heading, its
  closing date) or two paragraphs follow it before any page mark (a byline, a
  widget): then 评论 was a table's column or a heading of the report;
- around the body, a record's fields a line each (提案编号：… / 办理状态：…), QR
  prompts, a byline with a clock stamp (a page dates by the minute, a report by the
  day), the site owner's or publisher's line (…主办, …编印), a tail's links tagged with
  their column (【学习专栏】…), lines carrying a URL, a periodical's issue line (第2期
  （总第318期）) and the periodical's name above it, a page-of-total footer, a title bar
  cut short by an ellipsis, and an attachment box with nothing of the document in it
  (附件： before a download link), and a platform's name before the credits after the
  body (…学习平台, …网: a site's name, not an issuer's) are furniture too;
- widgets that speak to the reader — a question about the page (您对本页面信息是否满意？),
  a chat bot's greeting, a form's placeholder (请输入…) — are furniture and never prose,
  however long; a platform's placeholder (预览时标签不可点, the lexicon's inline words)
  and a fold widget (收起全文) are furniture inside the body too; a poster's location
  (IP属地：北京, or a region alone after a byline) goes with the byline;
- a page printed from a browser carries the browser's date-time and title
  header and its URL and page-count footer at every page break: furniture
  wherever they stand.
- a thread's floor number (2楼) inside the report is a break like a page number, with the
  floor's marks around it (回复(2), the clock stamp, 来自…客户端); after the report a floor
  opens the replies; an advertisement (the lexicon's advert word alone, 广告, then the ad's
  short lines with a widget among them) and a bracketed disclosure attribute ((此件公开发布))
  are furniture inside the body too;
- notes about a newsletter's mail (您收到此邮件…, 退订) and a platform's machine-made text
  (文稿由AI生成), topic tags (#两会), a footer with ©, an encyclopedia's definition of the
  title above it (《X》是…) are no report text; a repost tag (【转】) before a title a later
  line repeats makes it a title bar; on a bilingual page an English line before the title,
  the salutation, a heading or the occasion is the document's.

`classify(lines)` returns one class per line; `find_furniture(text)` the spans
to remove, the removed lines and the related articles listed in a tail.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

LEXICON = resources.files("effanalysis") / "lexicons" / "interface.txt"   # package data, as lexicon.path reads it
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SPACE = " \t\u3000"

BODY, FURNITURE, TAIL, META, BLANK = "body", "furniture", "tail", "meta", "blank"  # TAIL: furniture of a link list
PROSE_MIN_HAN = 20        # a prose block has at least this many Han characters …
WIDGET_SHARE = 0.6        # … a furniture line at least this share of interface words
PROSE_MAX_WIDGET = 0.3    # … and a prose block less than this
SHORT_HAN = 20            # a line this short takes the class of its neighbours
MENU_RUN, MENU_ITEM = 3, 4  # a menu: this many short lines, two of them category names this short
NO_HAN_MAX = 40           # a line without Han characters up to this length is furniture

_HAN_CHAR = re.compile(f"[{HAN}]")
_SENTENCE = re.compile("[。！？；]")
_SEPARATORS = set(">›»＞|｜/·•×-–—_=*<《》 \t\u3000")
SAID_HAN = 6              # a label's value ending in 。？！ with this many Han characters is a sentence
# A figure on a line of its own: after the body, a table's value given a line a cell,
# unless interface lines came before it (a counter of likes).
_FIGURE = re.compile(r"^[-+]?\d+(?:[.,]\d+)*\s*[%‰]?$")
_PUNCTUATION_ONLY = re.compile("[，。、；：！？“”‘’（）《》〈〉,.;:!?()\"' ]+")
_BREADCRUMB = re.compile(r"\S\s*(?:>>?|›|»|＞|→)\s*\S")
# Info lines the head step reads (发布时间：… 来源：… 作者：…, or a date then 来源：…):
# kept for it, never counted as furniture.
FIELD = re.compile(r"(来源|来自|出处|信息来源|稿源|发布时间|发布日期|发布于|时间|日期|更新时间|作者)\s*[:：]")
_DATED = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[\s\u3000]+\S")


def is_info_line(line: str) -> bool:
    """A line of the page's metadata: a field label first, or a date followed by fields."""
    s = line.lstrip(_SPACE + "【[（(")
    return bool(FIELD.match(s) or (_DATED.match(s) and FIELD.search(s)))


# A photo caption: "… 本报记者 王某 摄", "（新华社记者 李学仁 摄）".
_CAPTION = re.compile(rf"(?:记者|摄影|通讯员|供图|图/|图：)[^。！？\n]{{1,20}}?摄[{_SPACE}]*[)）]?[{_SPACE}]*$")
# A photo note in brackets (（图为会议现场）, an image's click prompt （点击图片查看大图）) and a fold widget of a news app (展开全文):
# furniture inside the body too.
_PHOTO_NOTE = re.compile(r"^[（(](?:图为|图片为|上图为|下图为|图片来源|点击)[^（）()\n]{1,40}[）)]$")
_FOLD = re.compile(r"^(?:点击)?(?:展开全文|展开剩余\d{1,2}%|阅读全文|查看全文|继续阅读|收起全文|收起)$")
NOTE_MAX = 48             # a photo note or fold widget is a line this short
ADVERT_LINES = 4          # an advertisement inside the text has at most this many lines after its marker
_URL_START = ("http", "file:")   # a cheap test before the print footer's expression
# A menu bar on one line: items between | or /, or many short items between spaces.
_MENU = re.compile(rf"^(?:[^|｜/\s]{{1,8}}[{_SPACE}]*[|｜/][{_SPACE}]*){{2,}}[^|｜/\s]{{1,8}}$"
                   rf"|^(?:[{HAN}A-Za-z]{{1,4}}[{_SPACE}]+){{4,}}[{HAN}A-Za-z]{{1,4}}$")
# The issuing body on the line before a title (临河县人民政府 / 关于……的报告).
_ISSUER_END = re.compile("(?:人民政府|政府|委员会|办公室|办公厅|局|厅|委)$")
_TITLE_END = re.compile(r"(?:报告|总结|要点|讲话|规划|纲要|计划|决议|意见|方案|通知|公报|致辞|发言|汇报)"
                        r"[（(][^）)]{1,6}[）)]$|(?:报告|总结|要点|讲话|规划|纲要|计划|决议|意见|方案|通知|公报|致辞|发言|汇报)$")
# A page number of a printed document copied as text: "— 3 —", "- 12 -", "第3页 共12页"
# (a bare number may be a table's value).
_PAGE_NUMBER = r"(?:[-–—－~～]+[ \t\u3000]*\d{1,3}[ \t\u3000]*[-–—－~～]+|第[ \t\u3000]*\d{1,3}[ \t\u3000]*页(?:[ \t\u3000]*[,，/]?[ \t\u3000]*共[ \t\u3000]*\d{1,3}[ \t\u3000]*页)?)"
_PAGE_NUMBER_LINE = re.compile(rf"[ \t\u3000]*{_PAGE_NUMBER}[ \t\u3000]*$")
PAGE_NUMBER_MAX = 20      # a page number line is no longer than this
RUNNING_HEAD_MAX = 30     # a running head is this short, or it reads as the document's title
# A download link: a file name with its extension, perhaps its size.
_FILE_LINK = re.compile(r"\.(?:pdf|docx?|xlsx?|wps|ofd|zip|rar|txt|pptx?)\s*(?:[（(\[]?\s*\d+(?:\.\d+)?\s*[KMG]B?\s*[）)\]]?)?$",
                        re.I)
# An item of a link list or a byline: words, then a numeric date or time at the end
# (西川召开全市经济工作会议 2026-01-08, 原创 石桥发布 2026-01-09, 标题 (01-25 21:14)).
_DATED_ITEM = re.compile(r"\S[ \t\u3000]*[\[（(]?(?:\d{4}[-/.])?\d{1,2}[-/.]\d{1,2}(?:[ \t\u3000]+\d{1,2}:\d{2}(?::\d{2})?)?[\]）)]?$")
# A notice about the page itself, however long: it names the site or the article and
# its rights (本网站所刊登…版权所有…转载, 若有来源标注错误…与本网联系…删除).
_SELF = re.compile("本网|本站|本平台|本公众号|本号|本文(?![件书稿])|此文|该文")
_RIGHTS = re.compile("版权|转载|侵权|授权|删除|更正|免责|仅代表|不代表|信息存储空间")
# A notice however named (平台声明：…, 特别声明：…).
_NOTICE_LABEL = re.compile(r"^[^\s：:，。]{0,4}声明[ \t\u3000]*[:：]")
# A related-X marker of any X alone on its line (相关解读, 【相关专题】>>, 相关数据集): it opens a tail.
_RELATED_MARKER = re.compile(rf"^[【\[]?相关[{HAN}]{{2,3}}[】\]]?[ \t\u3000]*(?:[:：]|>>|》》|>|»)?$")
# A reply's byline in a thread (发表于 2026-2-6 15:03): after the report, its replies begin.
_POST_BYLINE = re.compile(r"^(?:发表于|回复于|评论于)[ \t\u3000]*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}")
_COMMENT_COUNT = re.compile(r"^共有?[ \t\u3000]*\d+[ \t\u3000]*条(?:评论|回复|留言)")
COMMENT_LINE_MAX = 30     # a comment-section opener is a line this short
REPORT_PARAGRAPHS = 2     # … unless this many paragraphs follow it before any page mark
# The browser's own header and footer of a printed page: a date-time stamp (then the
# page's title), the page's URL (then the page count, 1/5).
_PRINT_STAMP = re.compile(r"^\d{4}/\d{1,2}/\d{1,2}[ \t\u3000]+(?:上午|下午)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t\u3000]|$)")
_PRINT_FOOTER = re.compile(r"^(?:https?|file)://\S+(?:[ \t\u3000]+\d{1,3}[ \t\u3000]*/[ \t\u3000]*\d{1,3})?$")
# The site's name at the very top of the page (江南省发展和改革委员会, …入口网站), before furniture.
_MASTHEAD_END = re.compile("(?:人民政府|政府|委员会|办公室|办公厅|局|厅|委|网|网站|门户|平台)$")
_SITE_END = re.compile("(?:网|网站|门户|平台|客户端|APP|App)$")   # a site's or platform's name, not an issuer
# A QR prompt however it goes on (扫码关注“…”, 长按识别二维码…), a page's clock stamp
# (2026年1月22日 20:15) and a site's owner line (…办公室主办　地址：…): furniture outside the body.
_QR_PROMPT = re.compile(r"^(?:扫码|扫一扫|长按识别|长按二维码|微信扫)")
# A clock stamp anywhere on a short line is a byline's (原创 作者 公众号 2024年01月19日 21:06 浙江):
# a report dates its text by the day, a page its posting by the minute.
_CLOCK_STAMP = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[ \t\u3000]*\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
BYLINE_MAX = 60           # a byline with a clock stamp is no longer than this, …
BYLINE_FIELD = 10         # … its fields (author, account, place) this short: a headline after a stamp stays
_FIELD_SPLIT = re.compile("[ \t\u3000|｜·]+")
# The site's owner, the publisher of a gazette or bulletin (…办公室编印　电话：…, …印发).
_OWNER = re.compile(r"\S(?:主办|编印|印发)(?:[ \t\u3000]|$)")
# Widgets that speak to the reader, whatever their words: a question about the page itself
# (您对本页面信息是否满意？ 本页面内容对您有帮助吗？ 当前页面可能已更改), a chat bot's greeting
# (您好，我是智能客服…), a form field's placeholder (请输入您的意见建议), a search engine's
# results count or snapshot notice carrying a URL, a periodical's issue line (2022年第2期
# （总第318期）, 公报第2期第12页).
_ABOUT_PAGE = re.compile(r"(?:本|该|此|当前)(?:页面?|网页)[^。！？\n]{0,12}(?:满意|帮助|有用|评价|更改|变化|点击|查看)")
_GREETING = re.compile(r"^(?:您好|你好|嗨)[，,！!。 \t\u3000]*(?:我是|欢迎)|有什么(?:可以|能)帮(?:您|你|到您|到你)")
_PLACEHOLDER = re.compile(r"^请(?:输入|填写|选择|留下)")
_URL_IN = re.compile(r"https?://|www\.", re.I)
_ISSUE = re.compile(rf"^[{HAN}]{{0,10}}(?:\d{{4}}年)?第[ \t\u3000]*\d{{1,4}}[ \t\u3000]*期"
                    r"(?:[（(]总第[ \t\u3000]*\d{1,5}[ \t\u3000]*期[）)])?(?:第[ \t\u3000]*\d{1,4}[ \t\u3000]*页)?$")
# A newsletter's notes about the mail itself (您收到此邮件是因为…, 如不希望再收到此类邮件，请点击退订。,
# 本邮件由系统自动发送) and a platform's note that its text is machine-made (文稿由AI生成，仅供参考).
_ABOUT_MAIL = re.compile(r"(?:此|本|这封|该|此类)邮件|点击[^。，,]{0,4}退订|退订本?(?:邮件|简报|期刊)")
_MACHINE_TEXT = re.compile(r"^(?:本?(?:视频)?(?:文稿|字幕|文字|内容|译文)|以上内容|本文)由[ \t\u3000]*(?:AI|人工智能|机器)"
                           r"[^，。,]{0,6}(?:生成|翻译|转写|识别)")
WIDGET_LINE_MAX = 60      # such a line is no longer than this
# A thread's floor number (2楼, 第3楼, #4): after the report, a reply begins; inside it, the
# poster's next floor.
_FLOOR = re.compile(r"^(?:第?[ \t\u3000]*\d{1,4}[ \t\u3000]*楼|#\d{1,4}|\d{1,4}#)$")
# A platform's topic tags (#政府工作报告 #两会#): a line of them only.
_HASHTAGS = re.compile(r"^(?:#[^#\s]{1,20}#?[ \t\u3000]*)+$")
# A repost's or a column's tag before a title bar's text (【转】…, 【原创】…): the same title.
_TITLE_TAG = re.compile(r"^[【\[][^】\]\n]{1,4}[】\]][ \t\u3000]*")
# An encyclopedia entry's definition of the document it copies (《X》是…所作的报告。), X being a
# line above it: a sentence about the report, not of it.
_DEFINITION = re.compile(r"^《([^》\n]{4,60})》是")
# A line of Latin words (a bilingual page's English line)
_LATIN_WORDS = re.compile(r"[A-Za-z]+(?:[^A-Za-z]+[A-Za-z]+)+")
_EMPTY_ATTACHMENT = re.compile(r"^(?:相关)?附件[ \t\u3000]*[:：]?$")
TITLE_STEM_MIN = 8        # a title bar's stem before its ellipsis has at least this many characters
# A link of a tail tagged with its column (【学习专栏】深入学习…).
_TAGGED_LINK = re.compile(rf"^[【\[][{HAN}]{{2,8}}[】\]][ \t\u3000]*\S")
_COPYRIGHT = re.compile(r"©|\(c\)|copyright|all rights reserved|ICP", re.I)
# A short "key：value" line (江城融媒记者：周航, 地址：…): after the body, a credit or contact line,
# unless the key opens a part of the document (附件：…, 注：…).
_KEY_VALUE = re.compile(rf"^[^：:。！？；，,\s]{{1,8}}[{_SPACE}]*[：:][{_SPACE}]*[^。！？；]{{1,16}}$")
_DOCUMENT_PART = re.compile(r"^(?:附件|附表|附录|附|注|说明|备注|主送)")
# A closing signature: the issuing body, then the date (青山县人民政府 / 2026年1月8日).
_DATE_LINE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})年[0-9〇○零一二三四五六七八九十]{1,2}月[0-9〇○零一二三四五六七八九十]{1,3}日$")
# A line of the document's own structure: a numbered heading or the closing date.
_STRUCTURE = re.compile(rf"^[{_SPACE}]*(?:[一二三四五六七八九十]{{1,3}}、|[（(][一二三四五六七八九十]{{1,3}}[）)]"
                        rf"|第[一二三四五六七八九十]{{1,3}}(?:部分|章|节)|{_DATE_LINE.pattern[1:-1]}[{_SPACE}]*$)")
CLOSING_WITHIN = 40       # the closing signature's date is looked for this many lines after the last paragraph
FIELD_RUN = 3             # a record's field table in the head has at least this many key：value lines
MENU_ITEM_MAX = 6         # … or at least MENU_RUN items this short without punctuation
_ITEM_PUNCTUATION = set("，。、；：！？,.;:!?（）()《》“”")
EDGE_ITEM = 8             # a short line this long at the very start of a page, before furniture, is a menu item
HEADLINE_HAN = 12         # a short line of the head this long without interface words is a headline
HEADLINE_MAX_HAN = 60     # … and a headline no longer than this
_RELATED_ITEM = re.compile(r"^[ \t\u3000]*(?:[-–·•]\s*)?(.+?)\s*[\[（(]?((?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?)?[\]）)]?[ \t\u3000]*$")
# A corpus licence footer (wikisource): "本作品…" followed by licence words.
_LICENCE = re.compile(r"^[ \t\u3000]*(?:本作品.{0,300}?(?:公有领域|著作权法|版权法|许可协议|知识共享|Public domain)"
                      r"|Public domain)", re.M | re.S)
LICENCE_TAIL = 3000   # a licence footer starts within this many characters of the end


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, list[str]]:
    """Interface words by kind: widget, label, field, tail, notice, comments, inline, place, advert (see
    the lexicon's header)."""
    kinds: dict[str, list[str]] = {"widget": [], "label": [], "field": [], "tail": [], "notice": [], "comments": [],
                                   "inline": [], "place": [], "advert": []}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, _, kind = line.partition("\t")
            kinds[kind.strip() or "widget"].append(word.strip())
    return kinds


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    v = vocabulary()
    every = v["widget"] + v["label"] + v["tail"] + v["notice"] + v["comments"] + v["inline"] + v["advert"]
    long_words = [w for w in every if len(w) > 1]
    # One-character words (大 中 小) count only standing alone, never inside a word (大会).
    single = "".join(re.escape(w) for w in set(every) if len(w) == 1)
    widget = re.compile(f"{_alternation(long_words)}|(?<![{HAN}])[{single}](?![{HAN}])")
    opener = r"^[-–·•*\s【\[（(]*"
    label = re.compile(f"{opener}(?:{_alternation(v['label'] + v['field'] + v['notice'])})\\s*[:：】\\]）)|｜]")
    notice = re.compile(f"{opener}(?:{_alternation(v['notice'])})\\s*[:：】\\]）)|｜]")
    tail = re.compile(f"{opener}(?:【[^】\\n]*】\\s*)?(?:{_alternation(v['tail'])})\\s*(?:[:：]|>>|》》|>|»)?\\s*")
    # the whole line: a comment-box heading, perhaps with its count (网友评论（3）)
    comments = re.compile(f"^[【\\[]?(?:{_alternation(v['comments'])})[】\\]]?\\s*(?:[（(]\\d+[）)]|\\d+)?\\s*[:：]?$")
    return widget, label, tail, notice, comments


@lru_cache(maxsize=1)
def _field_words() -> frozenset[str]:
    v = vocabulary()
    return frozenset(v["label"] + v["field"])


def _is_said(value: str) -> bool:
    value = value.rstrip(_SPACE + "”’」』")
    return bool(value) and value[-1] in "。？！?" and len(_HAN_CHAR.findall(value)) >= SAID_HAN


def is_prose_line(line: str) -> bool:
    """A line of the report's prose: long, with sentence punctuation, no interface text."""
    return _Line(line).prose


def is_furniture_line(line: str) -> bool:
    """Furniture by itself, wherever it stands (a toolbar, a label, a breadcrumb …)."""
    return _Line(line).furniture()


def is_headline_line(line: str) -> bool:
    """Reads as a headline: a single line of Han text without sentence punctuation or
    interface words, of a headline's length."""
    f = _Line(line)
    return HEADLINE_HAN <= f.han <= HEADLINE_MAX_HAN and not f.sentence and not f.widget and not f.label \
        and len(f.text) <= 2 * HEADLINE_MAX_HAN


def licence_start(text: str) -> int:
    """Offset of the corpus source's licence footer, or -1: only a line near the
    end that opens with 本作品 and goes on about copyright law or the public
    domain, so a report's own sentence about 本作品 never cuts its second half."""
    i = text.find("本作品")
    j = text.find("Public domain")
    if i < 0 and j < 0:
        return -1
    m = _LICENCE.search(text, max(0, min(x for x in (i, j) if x >= 0) - 200, len(text) - LICENCE_TAIL))
    return m.start() if m else -1


class _Line:
    __slots__ = ("text", "han", "widget", "sentence", "label", "empty_label", "tail", "meta", "caption", "key_only",
                 "notice", "comments", "printed")

    def __init__(self, raw: str):
        widget_re, label_re, tail_re, notice_re, comments_re = _patterns()
        s = self.text = raw.strip(_SPACE)
        self.han = len(_HAN_CHAR.findall(s))
        self.widget = sum(len(_HAN_CHAR.findall(m.group())) for m in widget_re.finditer(s)) if self.han else 0
        self.sentence = bool(_SENTENCE.search(s))
        self.meta = is_info_line(s)
        m = label_re.match(s)
        # a label's value is a name, a count or a date; a question or a sentence after
        # the colon is the body's own (记者：今年预算有哪些特点？ in an interview)
        self.label = bool(m) and len(s) <= 80 and not _is_said(s[m.end():])
        self.empty_label = self.label and not s[m.end():].strip(_SPACE + "【】[]")
        # the key of a table row whose value is on the next line (信息索引号 / 11340823…)
        self.key_only = s in _field_words()
        t = tail_re.match(s)
        self.tail = bool(t) and len(s) - t.end() <= 30 or bool(_RELATED_MARKER.match(s))
        self.caption = bool(_CAPTION.search(s) or _PHOTO_NOTE.match(s))
        # a notice about the page, or a widget speaking to the reader: no prose of the report
        self.notice = bool(notice_re.match(s) or _NOTICE_LABEL.match(s) or (_SELF.search(s) and _RIGHTS.search(s))
                           or len(s) <= WIDGET_LINE_MAX and bool(_ABOUT_PAGE.search(s) or _GREETING.search(s)
                                                                 or _ABOUT_MAIL.search(s) or _MACHINE_TEXT.match(s)))
        self.comments = len(s) <= COMMENT_LINE_MAX and bool(
            comments_re.match(s) or _COMMENT_COUNT.match(s) or _POST_BYLINE.match(s) or _FLOOR.match(s))
        # the browser's header or footer of a printed page
        self.printed = bool(_PRINT_FOOTER.match(s) or (_PRINT_STAMP.match(s) and not self.sentence))

    @property
    def prose(self) -> bool:
        return (self.han >= PROSE_MIN_HAN and self.sentence and self.widget < PROSE_MAX_WIDGET * self.han
                and not self.caption and not self.notice)   # 声明：… 抄送：… is no report text

    def furniture(self) -> bool:
        """Furniture by itself, wherever it stands outside the body."""
        if not self.han:   # separators, dates, ids, counts — not a sentence's stray punctuation
            return (len(self.text) <= NO_HAN_MAX and not _PUNCTUATION_ONLY.fullmatch(self.text)
                    or bool(_COPYRIGHT.search(self.text)) or self.printed or bool(_HASHTAGS.match(self.text)))
        if self.meta:
            return False
        return (self.widget >= WIDGET_SHARE * self.han or self.label or self.caption or self.notice or self.printed
                or (not self.sentence and len(self.text) <= 120 and bool(_COPYRIGHT.search(self.text)))
                or (not self.sentence and self.han <= SHORT_HAN
                    and bool(_FLOOR.match(self.text) or _HASHTAGS.match(self.text)))
                or (not self.sentence and bool(_QR_PROMPT.match(self.text) or _OWNER.search(self.text)
                                               or _PLACEHOLDER.match(self.text) or _ISSUE.match(self.text)))
                or (len(self.text) <= PAGE_NUMBER_MAX and bool(_PAGE_NUMBER_LINE.match(self.text)))
                or (not self.sentence and len(self.text) <= BYLINE_MAX and bool(_CLOCK_STAMP.search(self.text))
                    and all(len(_HAN_CHAR.findall(f)) <= BYLINE_FIELD for f in _FIELD_SPLIT.split(self.text)))
                or (not self.prose and len(self.text) <= WIDGET_LINE_MAX * 2 and bool(_URL_IN.search(self.text)))
                or (not self.sentence and len(self.text) <= 80
                    and bool(_FILE_LINK.search(self.text) or _DATED_ITEM.search(self.text)))
                or (not self.sentence and len(self.text) <= 80
                    and bool((_BREADCRUMB.search(self.text) and "<" not in self.text)   # not a tag's >
                             or _MENU.match(self.text))))


def classify(lines: list[str]) -> list[str]:
    """One class per line: body, furniture, tail (a related-links tail: its marker
    and what follows), meta (a metadata line of the head) or blank."""
    return _classify(lines)[0]


def _classify(lines: list[str]) -> tuple[list[str], int, int]:
    """(classes, first prose block, last prose block). Only the lines around the
    body are looked at, and the body's lines for a closing 摄: cleaning a corpus
    must not cost a feature vector per line."""
    n = len(lines)
    classes = [BODY] * n
    feats: dict[int, _Line] = {}

    def feat(i: int) -> _Line:
        if i not in feats:
            feats[i] = _Line(lines[i])
        return feats[i]

    def blank(i: int) -> bool:
        return not lines[i].strip(_SPACE)

    def defines_title(i: int) -> bool:   # 《柳江区2022年政府工作报告》是… under that title
        m = _DEFINITION.match(feat(i).text)
        return bool(m) and any(lines[j].strip(_SPACE) == m.group(1) for j in range(i))

    first = next((i for i in range(n) if not blank(i) and feat(i).prose and not defines_title(i)), None)
    # the document's last numbered heading or closing date, found once when a comment-like line asks
    structure_end = cache(lambda: _last_structure(lines))
    # the short lines after the first prose block, and URL lines: a report's lines are
    # paragraphs, so few are short, and only these can be page numbers, notes or openers
    short = [] if first is None else \
        [i for i in range(first + 1, n) if 0 < len(lines[i]) <= NOTE_MAX or lines[i].startswith(_URL_START)]
    if first is None:               # no prose at all: judge every line
        first, last = n, -1
    else:   # the body ends before a comment section: replies are no report text, however long
        end = next((i for i in short if len(lines[i]) <= COMMENT_LINE_MAX + 2
                    and _has_comment_word(lines[i]) and feat(i).comments
                    and structure_end() <= i and _replies_follow(i, n, blank, feat)), n)
        last = next(i for i in range(end - 1, first - 1, -1) if not blank(i) and feat(i).prose)
        last = _closing_date(lines, last, end)
        short = [i for i in short if i <= last]
    zones = (range(0, min(first, n)), range(max(last + 1, 0) if first < n else n, n))
    contents = []
    for zone in zones:
        content = []
        for i in zone:
            if blank(i):
                classes[i] = BLANK
            else:
                content.append(i)
        contents.append(content)
    head, tail = contents
    for i in head + tail:
        f = feat(i)
        if f.furniture() or f.prose and i < first and defines_title(i):
            classes[i] = FURNITURE
        elif f.meta and i < first:
            classes[i] = META
    # The tail: a related-links marker after the body opens furniture to the end.
    for k, i in enumerate(tail):
        if feat(i).tail or feat(i).comments and structure_end() <= i:
            for j in tail[k:]:
                classes[j] = TAIL
            break
        if feat(i).empty_label and k + 1 < len(tail):
            # 上一篇：/ 下一篇： with the other article's title on the next line
            nxt = tail[k + 1]
            if not feat(nxt).prose and not feat(nxt).meta:
                classes[nxt] = FURNITURE
    for zone in (head, tail):
        _table_rows(classes, zone, feat)
    _field_rows(classes, head, feat)
    for i in tail:   # a tail's links tagged with their column
        if classes[i] == BODY and not feat(i).sentence and _TAGGED_LINK.match(feat(i).text):
            classes[i] = FURNITURE
    for i in tail:   # table values right after the body, before any interface line
        if classes[i] in (FURNITURE, TAIL) and not _FIGURE.match(feat(i).text):
            break
        if _FIGURE.match(feat(i).text):
            classes[i] = BODY
    for i in tail:   # credits and contacts after the body (记者：…, 地址：…), not a part of the document
        text = feat(i).text
        if classes[i] == BODY and _KEY_VALUE.match(text) and not _DOCUMENT_PART.match(text):
            classes[i] = FURNITURE
    _attachment_widget(classes, tail, feat)
    _title_bar(classes, head, feat)
    for zone in (head, tail):
        _place_tags(classes, zone, feat)
    _site_name(classes, tail, feat)
    translated = _translations(classes, head, feat)
    _neighbours(classes, head, feat, ends_text=first >= n, starts_text=True, keep=translated)   # the body follows
    _neighbours(classes, tail, feat, ends_text=True, starts_text=first >= n)
    _masthead(classes, head, feat)
    # Inside the body only photo captions and a printed document's page numbers
    # with their running heads are furniture.
    for i in _caption_lines(lines, first, last, short) + _page_lines(lines, short) \
            + _floor_breaks(lines, short, feat) + _advert_lines(lines, short, last, feat):
        classes[i] = FURNITURE
    return classes, first, last


def _closing_date(lines: list[str], last: int, end: int) -> int:
    """The document's closing date (青山县人民政府 / 2026年1月8日) a few lines after its
    last paragraph ends it, or the bracketed note right after the date: what stands
    between (a table's cells a line each) is the document's, even if its words are
    interface words (评论, 网站). `last` if none."""
    stop = min(end, last + 1 + CLOSING_WITHIN)
    for i in range(last + 1, stop):
        line = lines[i].strip(_SPACE)
        if _DATE_LINE.match(line) and i > last + 1 and _ISSUER_END.search(lines[i - 1].strip(_SPACE)):
            note = lines[i + 1].strip(_SPACE) if i + 1 < end else ""
            # （联系人：…） after the date; not a notice ((此件公开发布) is the page's disclosure attribute)
            bracketed = note and note[0] in "（(" and note[-1] in "）)" and not _Line(note).notice
            return i + 1 if bracketed else i
    return last


def _last_structure(lines: list[str]) -> int:
    """Index of the document's last line of its own structure: a numbered heading (二、 （三）
    第四部分) or its closing date; -1 when it has none. A comment-like line before it (评论 as a
    table's column, 网友评论 as a heading of a report on handling comments) opens no comment
    section: comments carry neither. (Found once per page: a scan after every comment-like
    line was quadratic on a long thread of replies.)"""
    return next((i for i in range(len(lines) - 1, -1, -1) if _STRUCTURE.match(lines[i])), -1)


def _replies_follow(opener: int, n: int, blank, feat) -> bool:
    """After a comment-like line, a comment section shows a page's mark — a byline, a date,
    a reply or like widget, the box's form — before its second reply, or nothing at all (an
    empty box at the page's end): replies come one between marks. Paragraphs in a row before
    any mark are the report's (网友评论 as the heading of its last section). The scan stops
    at the first mark or the second paragraph."""
    paragraphs = 0
    for j in range(opener + 1, n):
        if blank(j):
            continue
        f = feat(j)
        if f.furniture():
            return True
        paragraphs += f.prose
        if paragraphs >= REPORT_PARAGRAPHS:
            return False
    return True


def _has_comment_word(line: str) -> bool:
    """A word every comment-section opener has: a cheap test before a line's features."""
    return "评" in line or "回复" in line or "发表于" in line or "留言" in line or "楼" in line or "#" in line


def _attachment_widget(classes: list[str], tail: list[int], feat) -> None:
    """An attachment line without a value after the body (附件：), followed by furniture
    (the page's download links, its widgets) or by nothing: the page's attachment box, not
    a part of the document; 附件：名词解释 and 附件： before 1.重点项目表 stay."""
    for k, i in enumerate(tail):
        if classes[i] == BODY and _EMPTY_ATTACHMENT.match(feat(i).text) \
                and (k + 1 == len(tail) or classes[tail[k + 1]] in (FURNITURE, TAIL)
                     or bool(_FILE_LINK.search(feat(tail[k + 1]).text))):
            classes[i] = FURNITURE


def _site_name(classes: list[str], tail: list[int], feat) -> None:
    """A line naming a site or a platform (学习强国山川学习平台, …新闻网) followed by furniture
    after the body: the platform's credit, not the document's signature — an issuing body
    ends in 政府, 局, 委 …, a site in 网, 平台, 客户端."""
    for k, i in enumerate(tail[:-1]):
        f = feat(i)
        if classes[i] == BODY and classes[tail[k + 1]] in (FURNITURE, TAIL) and f.han <= SHORT_HAN \
                and not f.sentence and _SITE_END.search(f.text):
            classes[i] = FURNITURE


def _place_tags(classes: list[str], zone: list[int], feat) -> None:
    """A region alone on its line right after a furniture line (a byline's 2026年1月22日 20:15,
    then 广东): the poster's location a platform shows. After a body line (a table's 地区
    column) it stays."""
    places = frozenset(vocabulary()["place"])
    for k, i in enumerate(zone):
        if k and classes[i] == BODY and feat(i).text in places and classes[zone[k - 1]] in (FURNITURE, TAIL):
            classes[i] = FURNITURE


def _title_bar(classes: list[str], head: list[int], feat) -> None:
    """A head line cut short by an ellipsis (金台区人民政府2020年工作总结和2021年…) whose stem
    begins a later line of the head: a page's title bar repeating the headline."""
    for k, i in enumerate(head):
        text = feat(i).text
        stem = text.rstrip("….。 \t\u3000")
        if classes[i] == BODY and text.endswith(("…", "...")) and len(stem) >= TITLE_STEM_MIN \
                and any(feat(j).text.startswith(stem) and len(feat(j).text) > len(stem) for j in head[k + 1:]):
            classes[i] = FURNITURE


def _masthead(classes: list[str], head: list[int], feat) -> None:
    """The page's first line names the site or its owner (江南省发展和改革委员会,
    …政府入口网站) and furniture follows (past the info line): the masthead, not the
    issuer of a title; or it names a periodical and its issue line follows."""
    after = next((i for i in head[1:] if classes[i] != META), None)
    if after is None or classes[head[0]] != BODY or classes[after] not in (FURNITURE, TAIL):
        return
    f = feat(head[0])
    periodical = bool(_ISSUE.match(feat(after).text))   # a gazette's name before its issue line (…公报 / 第2期)
    if f.han <= SHORT_HAN and not f.sentence and not any(ch in _ITEM_PUNCTUATION for ch in f.text) \
            and (_MASTHEAD_END.search(f.text) and not _TITLE_END.search(f.text) or periodical):
        classes[head[0]] = FURNITURE


def _table_rows(classes: list[str], content: list[int], feat) -> None:
    """Rows of a table whose keys and values stand on lines of their own
    (信息索引号 / 1134…/202601-00012 / 公开方式 / 主动公开): at least two key lines,
    each followed by a short value line, are furniture with their values. A line ending
    in a colon (the salutation 各位代表：) introduces what follows: it is no value."""
    rows = [(i, content[k + 1]) for k, i in enumerate(content[:-1])
            if feat(i).key_only and not feat(content[k + 1]).prose and not feat(content[k + 1]).key_only
            and not feat(content[k + 1]).text.endswith(("：", ":"))]   # 各位代表： introduces, it is no value
    if len(rows) >= 2:
        for key, value in rows:
            classes[key] = classes[value] = FURNITURE


def _field_rows(classes: list[str], head: list[int], feat) -> None:
    """A record's fields before the document (提案编号：… / 办理单位：… / 办理状态：…):
    a run of at least FIELD_RUN short key：value lines of the head, none a metadata line
    nor a part of the document, is furniture. A report's head has one such line at most
    (县长：…); a salutation has no value."""
    run: list[int] = []
    for i in head + [-1]:
        if i >= 0 and classes[i] == BODY and _KEY_VALUE.match(feat(i).text) \
                and not _DOCUMENT_PART.match(feat(i).text):
            run.append(i)
            continue
        if i >= 0 and classes[i] in (FURNITURE, META) and run:   # a furniture line inside the table
            continue
        if len(run) >= FIELD_RUN:
            for j in run:
                classes[j] = FURNITURE
        run = []


def _page_lines(lines: list[str], short: list[int]) -> list[int]:
    """Page numbers inside the body (— 3 —, a browser's URL and page count) and the
    running head next to one: a short line without sentence punctuation that the text had
    before, or a longer one that reads as the document's title (a PDF repeats the whole
    title; a long section heading listed in a table of contents is no running head), or
    the browser's date-time header."""
    out = []
    for i in short:   # the body's short lines and URL lines
        line = lines[i]
        if not (len(line) <= PAGE_NUMBER_MAX and _PAGE_NUMBER_LINE.match(line) or line.startswith(_URL_START) and _PRINT_FOOTER.match(line.strip(_SPACE))):
            continue
        out.append(i)
        for j in (i - 1, i + 1):
            head = lines[j].strip(_SPACE)
            if head and not _SENTENCE.search(head) and (
                    _PRINT_STAMP.match(head)   # the browser's header of the next page
                    or (len(head) <= RUNNING_HEAD_MAX or len(head) <= HEADLINE_MAX_HAN and _TITLE_END.search(head))
                    and any(line.strip(_SPACE) == head for line in lines[:j])):
                out.append(j)
    return sorted(set(out))


def _neighbours(classes: list[str], content: list[int], feat, ends_text: bool, starts_text: bool,
                keep: set[int] = frozenset()) -> None:
    """A run of short lines between two furniture lines is furniture (the items
    of a menu, breadcrumb or toolbar, one a line), except a line that reads as
    the document's title, the issuing body just before it, a headline of the
    head and a closing signature; a line after a separator-only line is a
    breadcrumb item even then (首页 > 政府工作报告). A run of several tiny items
    is a menu wherever it stands. `content`: the non-blank lines of one zone;
    `ends_text` / `starts_text`: nothing follows / precedes it — the page's edge
    counts as furniture for the short items of a menu bar; `keep`: lines that stay (a
    bilingual page's English lines of the document)."""
    position = {i: k for k, i in enumerate(content)}
    in_head = not ends_text or starts_text

    def short(i: int) -> bool:
        return classes[i] == BODY and feat(i).han <= SHORT_HAN and not feat(i).sentence

    def is_furniture(k: int) -> bool:
        return 0 <= k < len(content) and classes[content[k]] in (FURNITURE, TAIL)

    def tiny(i: int) -> bool:
        text = feat(i).text
        return len(text) <= MENU_ITEM_MAX and not any(ch in _ITEM_PUNCTUATION for ch in text)

    last_seen = {_TITLE_TAG.sub("", feat(i).text): k for k, i in enumerate(content) if short(i)} if in_head else {}

    def repeated(i: int) -> bool:   # a later line of the head repeats it (【转】 before a title bar's text)
        return in_head and last_seen.get(_TITLE_TAG.sub("", feat(i).text), position[i]) != position[i]

    k = 0
    while k < len(content):
        if not short(content[k]):
            k += 1
            continue
        j = k
        while j + 1 < len(content) and short(content[j + 1]):
            j += 1
        run = content[k:j + 1]
        # A menu: several short lines that each read like a category name (工作总结, 自查报告),
        # or several tiny items (国内 / 国际 / 财经); a document has one title.
        # A menu's tiny items count with the tiny furniture items around the run (首页 / 学习 /
        # 积分 / 强国号 / 我的: a widget word inside a menu splits it, it stays one menu).
        around = sum(is_furniture(x) and tiny(content[x]) and feat(content[x]).han > 0 for x in (k - 1, j + 1))
        menu = (len(run) >= MENU_RUN and
                sum(len(feat(i).text) <= MENU_ITEM and bool(_TITLE_END.search(feat(i).text)) for i in run) >= 2) \
            or sum(tiny(i) for i in run) + around >= MENU_RUN
        edge_item = k == 0 and starts_text and all(len(feat(i).text) <= EDGE_ITEM for i in run)
        # Bounded by furniture on both sides (the end of the text counts after furniture,
        # its start before a menu).
        closed = (is_furniture(k - 1) or (k == 0 and menu) or edge_item) \
            and (is_furniture(j + 1) or (ends_text and j + 1 == len(content)))
        for n, i in enumerate(run):
            f = feat(i)
            text = f.text
            crumb = position[i] > 0 and _is_separator(feat(content[position[i] - 1]).text)
            nxt = feat(run[n + 1]).text if n + 1 < len(run) else ""
            prev = feat(run[n - 1]).text if n > 0 else ""
            # kept: a title, the issuer before it, the signature's date and the note after it
            # (（联系人：…）), a headline of the head
            # a menu's item may end like a title (常委会公报, 工作报告): a tiny one with another tiny
            # item after it is an item; the document's title is the run's last line
            item = menu and (len(text) <= MENU_ITEM or tiny(i) and n + 1 < len(run) and tiny(run[n + 1]))
            kept = i in keep or (_TITLE_END.search(text) and not item and not repeated(i)) \
                or (_ISSUER_END.search(text) and (_TITLE_END.search(nxt) or _DATE_LINE.match(nxt))) \
                or (_DATE_LINE.match(text) and _ISSUER_END.search(prev)) \
                or (text[:1] in "（(" and _DATE_LINE.match(prev)) \
                or (in_head and f.han >= HEADLINE_HAN and not f.widget and not f.label
                    and not repeated(i))   # the last time: a page's title bar repeats the headline
            if crumb or (closed and not kept) or (menu and tiny(i) and not kept):
                classes[i] = FURNITURE
        k = j + 1


def _floor_breaks(lines: list[str], short: list[int], feat) -> list[int]:
    """A thread's floor number inside the report (2楼: its poster goes on in the next floor)
    and the floor's marks around it that are furniture by themselves (回复(2), 收起回复 of the
    floor before; the clock stamp and 来自…客户端 of the new one): furniture, like a printed
    copy's page number. A floor without such a mark (a table's 位置 / 2楼) stays."""
    out = []
    for i in short:
        if not _FLOOR.match(lines[i].strip(_SPACE)):
            continue
        marks = []
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and lines[j].strip(_SPACE) and len(lines[j]) <= NOTE_MAX \
                    and feat(j).furniture():
                marks.append(j)
                j += step
        if marks:
            out += [i] + marks
    return out


def _advert_lines(lines: list[str], short: list[int], last: int, feat) -> list[int]:
    """An advertisement inside the text: the lexicon's advert word alone on its line (广告),
    then the ad's short lines up to the next paragraph, heading or blank line, when one of
    them is a widget by itself (立即购买, 点击查看). A table's 广告 row (广告 / 126) has none
    and stays."""
    markers = frozenset(vocabulary()["advert"])
    out = []
    for i in short:
        if lines[i].strip(_SPACE) not in markers:
            continue
        ad = []
        j = i + 1
        while j <= last and len(ad) < ADVERT_LINES and lines[j].strip(_SPACE) and len(lines[j]) <= NOTE_MAX \
                and not feat(j).prose and not _STRUCTURE.match(lines[j]) and not _FIGURE.match(lines[j].strip(_SPACE)):
            ad.append(j)
            j += 1
        if any(feat(j).furniture() for j in ad):
            out += [i] + ad
    return out


def _translations(classes: list[str], head: list[int], feat) -> set[int]:
    """On a bilingual page a line of English words stands before the Chinese line it
    translates: before the title, the salutation (各位代表：), a numbered heading or the
    occasion (——2024年1月30日在…), it is the document's, not a menu item. Returns those lines."""
    out = set()
    for k, i in enumerate(head[:-1]):
        text, nxt = feat(i).text, head[k + 1]
        if classes[i] not in (BODY, FURNITURE) or feat(i).han or classes[nxt] != BODY or not _LATIN_WORDS.search(text) \
                or _COPYRIGHT.search(text) or _BREADCRUMB.search(text) or _MENU.match(text):
            continue
        chinese = feat(nxt).text
        if _TITLE_END.search(chinese) or chinese.endswith(("：", ":")) or _STRUCTURE.match(chinese) \
                or chinese.startswith(("——", "--")):
            classes[i] = BODY
            out.add(i)
    return out


def _is_separator(s: str) -> bool:
    return bool(s) and all(ch in _SEPARATORS for ch in s)


def _caption_lines(lines: list[str], first: int, last: int, short: list[int]) -> list[int]:
    """Photo captions inside the body (found by their closing 摄, which is rare, or an
    opening （图为), a news app's fold widgets (展开全文) and a platform's placeholders
    (the lexicon's inline words) on a line of their own."""
    out = []
    start, stop = max(first, 0), min(last + 1, len(lines))
    for i in range(start, stop):
        line = lines[i]
        if "摄" in line and _CAPTION.search(line.rstrip(_SPACE)):
            out.append(i)
    inline = frozenset(vocabulary()["inline"])
    notices = frozenset(vocabulary()["notice"])
    for i in short:   # the body's short lines
        line = lines[i].strip(_SPACE)
        # a bracketed disclosure attribute ((此件公开发布)) after a document inside the copy
        if line in inline or line[:1] in "（(" and line[-1:] in "）)" and line[1:-1] in notices or line[:1] in "（(点展阅查继收" and (_PHOTO_NOTE.match(line) or _FOLD.match(line)):
            out.append(i)
    return out


def find_furniture(text: str) -> tuple[list[tuple[int, int]], list[str], list[dict]]:
    """(spans to delete, removed lines, related articles) of `text`. Consecutive
    furniture lines make one span; the licence footer of the corpus source is one
    span to the end; the line break before a removed tail goes with it."""
    end_of_text = len(text)
    cut = licence_start(text)
    body = text if cut < 0 else text[:cut]
    lines = body.split("\n")
    classes, first, last = _classify(lines)
    spans: list[list[int]] = []
    removed: list[str] = []
    related: list[dict] = []
    in_tail = False             # past the tail's marker line: the link list
    run_open = False
    end = 0
    for i, pos in _marked_lines(lines, classes, first, last, len(body)):
        line, cls = lines[i], classes[i]
        end = pos + len(line)
        if run_open and spans[-1][1] < pos:
            run_open = False    # a body line came between
        if cls in (FURNITURE, TAIL):
            s = line.strip(_SPACE)
            if in_tail and (item := _related_item(s)):
                related.append(item)
            else:
                removed.append(s)
            in_tail = cls == TAIL
            if run_open:
                spans[-1][1] = end + 1
            else:
                spans.append([pos, end + 1])
                run_open = True
        elif cls == BLANK and run_open:
            spans[-1][1] = end + 1
        else:
            run_open = False
    run_open = run_open and end >= len(body) - 1
    if cut >= 0:
        footer = [l.strip(_SPACE) for l in text[cut:].split("\n") if l.strip(_SPACE)]
        removed.extend(footer)
        if run_open:
            spans[-1][1] = end_of_text
        else:
            spans.append([cut, end_of_text])
    out = []
    for a, b in spans:
        b = min(b, end_of_text)
        if b == end_of_text and a > 0 and text[a - 1] == "\n":
            a -= 1                      # a removed tail takes the break that ended the body
        out.append((a, b))
    return out, removed, related


def _marked_lines(lines: list[str], classes: list[str], first: int, last: int, length: int):
    """(index, offset) of the lines around the body and of the body's captions, in
    order; `length`: that of the text the lines make."""
    n = len(lines)
    head_end = min(first, n)
    pos = 0
    for i in range(head_end):
        yield i, pos
        pos += len(lines[i]) + 1
    tail_start = max(last + 1, head_end)
    captions = [i for i in range(head_end, tail_start) if classes[i] != BODY]
    for i in captions:
        yield i, pos + sum(len(l) + 1 for l in lines[head_end:i])
    if tail_start < n:   # counted from the end: the tail is short, the body long
        tail_pos = length + 1 - sum(len(l) + 1 for l in lines[tail_start:])
        for i in range(tail_start, n):
            yield i, tail_pos
            tail_pos += len(lines[i]) + 1


def _related_item(s: str) -> dict | None:
    """A related article of a tail's link list: its title and date, if it has one."""
    if len(_HAN_CHAR.findall(s)) < 4:
        return None
    w = _Line(s)
    if w.label or w.tail or w.widget >= WIDGET_SHARE * w.han:
        return None
    m = _RELATED_ITEM.match(s)
    return {"title": m.group(1).strip(), "date": m.group(2) or ""} if m else None
