"""Language profile of a report: who and what it names, how much is formula and
how much is fact, and when it was written (the package `effanalysis.language` exports it).

`profile(report)` cuts the text once and derives every part from those tokens
and a few regular-expression passes over the text, so a profile costs a small
multiple of segmentation (bench/bench_profile.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import entities, era, formula, keywords, mechanisms, readability, segment, slogans
from . import vocab as vocab_
from .columns import Frame, records

SECTION_COLUMNS = ["section", "level", "title", "chars", "sentences", "concreteness",
                   "boilerplate_density", "readability", "template"]
# A date anchors a sentence in time: 2008年, 3月15日, 今年, 上半年 …
# Written from the 年/月 backwards (lookbehinds), so the scan skips every other character fast.
_DATE = re.compile(r"年(?<=[0-9０-９]{4}年)|年(?<=[〇零一二三四五六七八九]{4}年)|月(?<=[0-9０-９]月)"
                   r"|年(?<=[今去明]年)|年(?<=半年)|年[底初]")


@dataclass(eq=False)  # frames do not compare to a single truth value
class Profile:
    """The language profile of one report: a DataFrame per part, plus era and readability."""
    keywords: pd.DataFrame = Frame()       # term, weight, method ("tfidf" | "textrank")
    people: pd.DataFrame = Frame()         # name, title, count
    organizations: pd.DataFrame = Frame()  # name, count
    media: pd.DataFrame = Frame()          # name, count
    campaigns: pd.DataFrame = Frame()      # name, count
    slogans: pd.DataFrame = Frame()        # term, count, first_year, last_year
    mechanisms: pd.DataFrame = Frame()     # name, frequency, count
    sections: pd.DataFrame = Frame()       # SECTION_COLUMNS
    era: dict = field(default_factory=dict)          # from, to, likely_from, likely_to, evidence
    readability: dict = field(default_factory=dict)  # value, chars_per_clause, adverb_conjunction_share …

    def to_dict(self) -> dict:
        """The JSON object of `effanalysis profile FILE`."""
        out = {}
        for name in ("keywords", "people", "organizations", "media", "campaigns", "slogans", "era", "mechanisms",
                     "sections", "readability"):
            attr = type(self).__dict__.get(name)
            out[name] = records(attr.columns(self)) if isinstance(attr, Frame) else dict(getattr(self, name))
        return out


def profile(report) -> Profile:
    """The language profile of `report` (report.profile() computes it once)."""
    text = report.text
    # Cut once; every per-token fact after that is an array lookup by word id.
    tokens = segment.cut(text)
    ids = vocab_.encode(tokens)
    v = vocab_.vocabulary()
    lengths = v.lengths[ids]
    starts = np.cumsum(lengths) - lengths
    token_classes = v.flags[ids]

    cand_ids, cand_vocab = keywords.candidates(ids[(token_classes & vocab_.CANDIDATE) > 0])
    kw = keywords.table(keywords.tfidf(cand_ids, v.words[cand_vocab], v.idf[cand_vocab]),
                        keywords.textrank(cand_ids, v.words[cand_vocab]))

    meta = report.meta
    people, people_spans = entities.people(text, (meta.get("speaker") or "", meta.get("speaker_title") or ""))
    orgs, org_spans = entities.organizations(tokens, starts, np.flatnonzero(token_classes & vocab_.BODY))
    media, media_spans = entities.media(tokens, starts, text, np.flatnonzero(token_classes & vocab_.MEDIA))
    camps, camp_spans = entities.campaigns(text, slogans.any_regex())
    found = slogans.find(text)

    is_word, is_dc = (token_classes & vocab_.HAN_WORD) > 0, (token_classes & vocab_.ADV_CONJ) > 0

    # Concrete anchors: claims, named people, bodies, media and programmes, dates.
    anchors = np.concatenate([
        np.asarray(report.claims["start"], dtype=np.int64),
        np.array([s for s, _ in people_spans + org_spans + media_spans + camp_spans], dtype=np.int64),
        np.array([m.start() for m in _DATE.finditer(text)], dtype=np.int64)])
    read = readability.Text(text)
    sections = _sections(report, anchors, formula.positions(text), starts, is_word, is_dc, read)
    doc_read = read.components(0, len(text), int(is_word.sum()), int(is_dc.sum()))

    return Profile(keywords=kw, people=people, organizations=orgs, media=media, campaigns=camps,
                   slogans={c: found[c] for c in slogans.COLUMNS}, mechanisms=mechanisms.find(text), sections=sections,
                   era=era.estimate(found, text, report.meta), readability=doc_read)


def _sections(report, anchors, formula_at, token_starts, is_word, is_dc, read) -> dict:
    """Per outline section: size, concreteness, boilerplate density, readability, template."""
    secs = report.sections
    sent_start = report.sentences["start"].to_numpy()
    # A sentence is concrete if any anchor falls in it.
    concrete = np.zeros(len(sent_start) + 1, dtype=np.int64)
    concrete[np.searchsorted(sent_start, anchors, side="right")] = 1
    concrete_cum = np.cumsum(concrete[1:])
    start = secs["start"].to_numpy(dtype=np.int64)
    end = np.minimum(secs["end"].to_numpy(dtype=np.int64) + 1, len(report.text))  # "end" is inclusive
    s0, s1 = np.searchsorted(sent_start, start), np.searchsorted(sent_start, end)
    n_sent = s1 - s0
    n_concrete = np.where(s1 > 0, concrete_cum[np.maximum(s1 - 1, 0)], 0) - np.where(s0 > 0, concrete_cum[np.maximum(s0 - 1, 0)], 0)
    formula_at = np.sort(formula_at)
    n_formula = np.searchsorted(formula_at, end) - np.searchsorted(formula_at, start)
    t0, t1 = np.searchsorted(token_starts, start), np.searchsorted(token_starts, end)
    word_cum = np.concatenate(([0], np.cumsum(is_word)))
    dc_cum = np.concatenate(([0], np.cumsum(is_dc)))
    per_clause, share, _ = read.raw(start, end, word_cum[t1] - word_cum[t0], dc_cum[t1] - dc_cum[t0])
    chars = end - start
    return {"section": secs["section"].tolist(), "level": secs["level"].tolist(), "title": secs["title"].tolist(),
            "chars": chars.tolist(), "sentences": n_sent.tolist(),
            "concreteness": np.where(n_sent > 0, n_concrete / np.maximum(n_sent, 1), 0.0).tolist(),
            "boilerplate_density": (1000.0 * n_formula / np.maximum(chars, 1)).tolist(),
            "readability": readability.combine(per_clause, share).tolist(),
            "template": formula.parallel_templates(secs)}


__all__ = ["Profile", "profile", "SECTION_COLUMNS"]
