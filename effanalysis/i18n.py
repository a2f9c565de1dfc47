"""The page's language: gettext catalogs (compiled by Babel) and Babel's locale data.

Messages are English in the code (`_("…")`, `ngettext("…", "…", n)`), translated by
the catalogs in `effanalysis/locale/{zh,en}/LC_MESSAGES/effanalysis.mo`. Both
catalogs are complete (tests/test_i18n.py): English has its own catalog so that
a page never shows a message id, only a translation someone wrote. Computed
sentences are whole sentences with named placeholders (`{n}`, `{title}`), so a
translation can put them in its own order and add its own measure words.

`use(lang)` chooses the language of what follows (one page per kernel or process; until
then the package speaks English, its messages as written, so library calls and the command
line do not change with the documents); `use(None, text)` picks Chinese for a Chinese text.
a catalog is read from disk once per process (`translations` is cached).
Numbers, percentages, lists and dates follow the locale (babel.numbers,
babel.lists, babel.dates); years are never grouped ("1954", not "1,954").

Rebuild the catalogs after changing messages: `make catalogs` (extract with
babel.cfg, update the .po files, compile the .mo files).
"""
from __future__ import annotations

import datetime
import functools
import gettext as _gettext
import re
from pathlib import Path

from .errors import InputError
from .message import Message

DOMAIN = "effanalysis"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGS = ("zh", "en")
SOURCE = "en"      # the messages as written: what the package speaks until `use` is called
BABEL_LOCALE = {"zh": "zh_Hans_CN", "en": "en_GB"}   # British, as the pages spell (organisation)
HTML_LANG = {"zh": "zh-CN", "en": "en"}

_current = SOURCE


def check(lang) -> str:
    """`lang` if it is a language of the pages, else an InputError naming the valid ones."""
    if lang not in LANGS:
        raise InputError(None, f"language {lang!r} is not available; valid values: {', '.join(LANGS)}")
    return lang


@functools.cache
def translations(lang: str) -> _gettext.GNUTranslations:
    """The compiled catalog of `lang`, read once per process (no fallback: a missing
    catalog is a broken installation, not a reason to show message ids)."""
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as fh:
        return _gettext.GNUTranslations(fh)


_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect(text: str) -> str:
    """The page language for a document: Chinese when Chinese characters outnumber
    Latin letters in its first 5,000 characters, else English."""
    head = text[:5000]
    return "zh" if len(_CJK.findall(head)) >= len(_LATIN.findall(head)) and _CJK.search(head) else "en"


def use(lang: str | None, text: str = "") -> str:
    """Make `lang` the language of the messages that follow (None: detected from
    `text`); returns it."""
    global _current
    _current = check(detect(text) if lang is None else lang)
    return _current


def current() -> str:
    return _current


def html_lang(lang: str | None = None) -> str:
    return HTML_LANG[lang or _current]


def gettext(message: str) -> str:
    return translations(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_current).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return translations(_current).pgettext(context, message)


_ = gettext


def N_(message: str) -> str:
    """Mark a message for extraction where it is defined; translate it where shown."""
    return message


def NC_(context: str, message: str) -> tuple[str, str]:
    """N_ with a context, for a word that two places translate differently (a claim's
    kind "count" is 计数, a column "count" 次数); shown with `pgettext(*pair)`."""
    return context, message


KEYWORDS = {"NC_": ((1, "c"), 2)}   # for extraction, beside Babel's defaults


def translate(message):
    """A Message (effanalysis.message: the audit's findings, the era's evidence) in the
    current language, its parameters too where they are Messages; any other value as it is."""
    if not isinstance(message, Message):
        return message
    return gettext(message.msgid).format(**{k: translate(v) for k, v in message.params.items()})


# --- numbers, lists, dates ---------------------------------------------------------------------
def _locale(lang: str | None = None) -> str:
    return BABEL_LOCALE[lang or _current]


def num(x, digits: int | None = None, lang: str | None = None) -> str:
    """A number in the locale's digits and grouping: integers as they are, others with
    `digits` decimals (default: one)."""
    from babel.numbers import format_decimal

    if isinstance(x, int) or (digits is None and float(x).is_integer()):
        return format_decimal(int(x), locale=_locale(lang))
    d = 1 if digits is None else digits
    return format_decimal(round(float(x), d), format=f"#,##0.{'0' * d}" if d else "#,##0", locale=_locale(lang))


def pct(share, digits: int = 0, lang: str | None = None) -> str:
    """A share (0.25) as a percentage in the locale ("25%")."""
    from babel.numbers import format_percent

    if share is None or share != share:
        return "—"
    return format_percent(share, format="#,##0" + ("." + "0" * digits if digits else "") + "%", locale=_locale(lang))


def year(y) -> str:
    """A year as written in both languages: digits, no grouping."""
    return "—" if y is None or y != y else str(int(y))


def join(items, lang: str | None = None) -> str:
    """A list as the language writes it ("A, B and C"; "A、B和C")."""
    from babel.lists import format_list

    items = [str(i) for i in items]
    return format_list(items, locale=_locale(lang)) if items else ""


def clauses(items, lang: str | None = None) -> str:
    """Verb phrases of one sentence: "A, B and C" in English; "A，B，并C" in Chinese,
    where 和 joins nouns, not clauses."""
    items = [str(i) for i in items]
    if (lang or _current) != "zh" or len(items) < 2:
        return join(items, lang)
    return "，".join(items[:-1]) + "，并" + items[-1]


def enum(items, lang: str | None = None) -> str:
    """Terms one after another: "A, B, C" in English, "A、B、C" in Chinese."""
    return ("、" if (lang or _current) == "zh" else ", ").join(str(i) for i in items)


def date(value, lang: str | None = None) -> str:
    """An ISO date (2024-03-05) in the locale's long form; anything else as it is."""
    from babel.dates import format_date

    try:
        d = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        return str(value)
    return format_date(d, format="long", locale=_locale(lang))
