"""Language profile of a report: who and what it names, how much is formula and
how much is fact, and when it was written.

`profile(report)` cuts the text once and derives every part from those tokens
and a few regular-expression passes over the text, so a profile costs a small
multiple of segmentation (bench/bench_profile.py).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import entities, era, formula, keywords, mechanisms, readability, segment, slogans

SECTION_COLUMNS = ["section", "level", "title", "chars", "sentences", "concreteness",
                   "boilerplate_density", "readability", "template"]
# A date anchors a sentence in time: 2008年, 3月15日, 今年, 上半年 …
_DATE = re.compile(r"(?:[0-9０-９]{4}|[一二三四五六七八九〇零]{4})年|[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?|今年|去年|明年|上半年|下半年|年底|年初")


@dataclass
class Profile:
    keywords: pd.DataFrame       # term, weight, method ("tfidf" | "textrank")
    people: pd.DataFrame         # name, title, count
    organizations: pd.DataFrame  # name, count
    media: pd.DataFrame          # name, count
    campaigns: pd.DataFrame      # name, count
    slogans: pd.DataFrame        # term, count, first_year, last_year
    mechanisms: pd.DataFrame     # name, frequency, count
    sections: pd.DataFrame       # SECTION_COLUMNS
    era: dict = field(default_factory=dict)          # from, to, likely_from, likely_to, evidence
    readability: dict = field(default_factory=dict)  # value, chars_per_clause, adverb_conjunction_share …

    def to_dict(self) -> dict:
        frames = ("keywords", "people", "organizations", "media", "campaigns", "slogans", "mechanisms", "sections")
        out = {name: _records(getattr(self, name)) for name in frames}
        out["era"] = dict(self.era)
        out["readability"] = dict(self.readability)
        order = ["keywords", "people", "organizations", "media", "campaigns", "slogans", "era", "mechanisms",
                 "sections", "readability"]
        return {k: out[k] for k in order}


def _records(df: pd.DataFrame) -> list[dict]:
    """JSON-ready records: numpy scalars to Python, missing values to None."""
    def plain(v):
        if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
            return None
        return v.item() if isinstance(v, np.generic) else v

    return [{k: plain(v) for k, v in row.items()} for row in df.to_dict("records")]


def profile(report) -> Profile:
    text = report.text
    tokens = segment.cut(text)
    starts = segment.starts(tokens)
    codes, vocab = pd.factorize(pd.Series(tokens, dtype=object), sort=False)
    vocab = np.asarray(vocab, dtype=object)

    cand_codes, cand_vocab = keywords.candidates(codes, vocab)
    kw = pd.concat([keywords.tfidf(cand_codes, cand_vocab), keywords.textrank(cand_codes, cand_vocab)],
                   ignore_index=True)

    people, people_spans = entities.people(text)
    orgs, org_spans = entities.organizations(tokens, starts, text)
    media, media_spans = entities.media(tokens, starts, text)
    camps, camp_spans = entities.campaigns(text, slogans.any_regex())
    found = slogans.find(text)

    # Per-token word classes for readability: Han words, and adverbs/conjunctions among them.
    fw = segment.function_words()
    is_word = np.fromiter((re.match(r"[\u4e00-\u9fff]", w) is not None for w in vocab), bool, len(vocab))[codes]
    is_dc = np.fromiter((fw.get(w) in ("d", "c") for w in vocab), bool, len(vocab))[codes]

    anchors = np.concatenate([
        np.asarray(report.claims["start"], dtype=np.int64),
        np.array([s for s, _ in people_spans + org_spans + media_spans + camp_spans], dtype=np.int64),
        np.array([m.start() for m in _DATE.finditer(text)], dtype=np.int64)])
    sections = _sections(report, anchors, formula.positions(text), starts, is_word, is_dc)
    doc_read = readability.components(text, int(is_word.sum()), int(is_dc.sum()))

    return Profile(keywords=kw, people=people, organizations=orgs, media=media, campaigns=camps,
                   slogans=found[slogans.COLUMNS], mechanisms=mechanisms.find(text), sections=sections,
                   era=era.estimate(found), readability=doc_read)


def _sections(report, anchors, formula_at, token_starts, is_word, is_dc) -> pd.DataFrame:
    secs, sents, text = report.sections, report.sentences, report.text
    if not len(secs):
        return pd.DataFrame(columns=SECTION_COLUMNS)
    sent_start = sents["start"].to_numpy()
    # Sentence index of every anchor; a sentence is concrete if any anchor falls in it.
    concrete = np.zeros(len(sents), dtype=bool)
    idx = np.searchsorted(sent_start, anchors, side="right") - 1
    concrete[idx[idx >= 0]] = True
    formula_at = np.sort(formula_at)
    word_cum = np.concatenate(([0], np.cumsum(is_word)))
    dc_cum = np.concatenate(([0], np.cumsum(is_dc)))
    rows = []
    for sec, tmpl in zip(secs.itertuples(), formula.parallel_templates(secs)):
        start, end = int(sec.start), int(sec.end) + 1
        inside = (sent_start >= start) & (sent_start < end)
        n_sent = int(inside.sum())
        n_formula = int(np.searchsorted(formula_at, end) - np.searchsorted(formula_at, start))
        t0, t1 = np.searchsorted(token_starts, start), np.searchsorted(token_starts, end)
        read = readability.components(text[start:end], int(word_cum[t1] - word_cum[t0]), int(dc_cum[t1] - dc_cum[t0]))
        rows.append({"section": sec.section, "level": int(sec.level), "title": sec.title, "chars": end - start,
                     "sentences": n_sent, "concreteness": float(concrete[inside].mean()) if n_sent else 0.0,
                     "boilerplate_density": formula.density(n_formula, end - start),
                     "readability": read["value"], "template": tmpl})
    return pd.DataFrame(rows, columns=SECTION_COLUMNS)


__all__ = ["Profile", "profile", "SECTION_COLUMNS"]
