"""Figures across documents: the same subject followed through a series of reports.

Claims (report.claims) are aligned by subject and kind. Each matching claim
gets a role from its sentence:

- target   — a plan for the year of the report (预期目标, 左右, 力争 …);
- average  — a figure over several years (年均, 五年来 …): kept apart;
- outcome  — what was achieved, in a report's review of the year before it.

So a government work report of year Y gives the target for Y and the outcome
for Y−1, and `target_vs_outcome` puts them side by side by the year they
are about: the GDP growth target and outcome 1978–2025 is the example.
"""
from __future__ import annotations

import re
from typing import Iterable

import pandas as pd

from ..numerals import parse_int

GDP = r"^(国内生产总值|国民生产总值|经济增长|经济增长(预期)?目标|经济增长预期|经济增速|GDP)$"
TARGET_WORDS = re.compile(r"今年|明年|预期|目标|计划|力争|争取")
AVERAGE_WORDS = re.compile(r"年均|平均每年|每年平均|年平均|五年来|过去五年|五年内|[二三四五六七八九十]年间")
PAST_WORDS = re.compile(r"去年|过去一年|一年来|上一年|比上年|较上年|好于预期|年初确定|实现了")
_YEAR = re.compile(r"([12][0-9]{3}|[一二][九零〇○][一二三四五六七八九零〇○]{2})年")


def _years(sentence: str) -> list[int]:
    """Years named in the sentence, Arabic or digit by digit (一九九○年)."""
    return [int(y) if y.isdigit() else parse_int(y) for y in (m.group(1) for m in _YEAR.finditer(sentence))]


SERIES_COLUMNS = ["doc", "year", "about", "role", "value", "low", "high", "qualifier", "surface", "subject", "kind",
                  "sentence", "start", "text"]


def role_of(sentence: str, year: int | None = None, surface: str = "") -> str:
    """target, average or outcome, from the words of the claim's sentence in a
    report of `year`: a sentence about several years (年均, 五年内, 比1980年)
    is an average; one about a past year (去年, 全年, 2012年，…) an outcome;
    one about this year's plan (今年, 预期, 目标) or a figure that is itself
    approximate (8%左右) or stands in a list of targets (；-separated, with 左右)
    a target. A 左右 elsewhere in a plain sentence (…增长5%，…贡献率保持在30%左右)
    says nothing about this figure."""
    years = _years(sentence)
    if AVERAGE_WORDS.search(sentence) or (year and any(y < year - 1 for y in years)):
        return "average"
    past = PAST_WORDS.search(sentence) or (year and any(y == year - 1 for y in years))
    listed = "左右" in sentence and "；" in sentence  # a list of targets: 增长7.5％；…涨幅控制在4％左右；…
    if not past and (TARGET_WORDS.search(sentence) or "左右" in surface or listed):
        return "target"
    return "outcome"


def claims_about(reports: Iterable, subject: str = GDP, kinds: tuple[str, ...] = ("growth", "percent")) -> pd.DataFrame:
    """Every claim whose subject matches `subject` (a regex) and whose kind is in
    `kinds`, in reports with a year; one row per claim with its role and the
    year it is about (SERIES_COLUMNS)."""
    rx = re.compile(subject)
    rows = []
    for r in reports:
        if r.year is None:
            continue
        c = r.claims
        if not len(c):
            continue
        hit = c[c["kind"].isin(kinds) & c["subject"].fillna("").map(lambda s: bool(rx.search(str(s))))]
        sents = r.sentences["text"]
        for _, claim in hit.iterrows():
            text = str(sents.iloc[int(claim["sentence"])]) if int(claim["sentence"]) < len(sents) else ""
            role = role_of(text, r.year, str(claim["surface"]))
            about = r.year if role == "target" else r.year - 1 if role == "outcome" else None
            rows.append({"doc": r.doc, "year": r.year, "about": about, "role": role,
                         "value": float(claim["norm_value"]), "low": claim.get("low"), "high": claim.get("high"),
                         "qualifier": claim.get("qualifier"), "surface": claim["surface"], "subject": claim["subject"],
                         "kind": claim["kind"], "sentence": int(claim["sentence"]), "start": int(claim["start"]),
                         "text": text})
    df = pd.DataFrame(rows, columns=SERIES_COLUMNS)
    df["about"] = df["about"].astype("Int64")
    return df.sort_values(["year", "start"], ignore_index=True)


def target_vs_outcome(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per year the figures are about: target (stated in that year's
    report), outcome (stated in the next report), their difference and sources.
    The first claim of each role in a report is taken (the headline figure)."""
    c = claims.dropna(subset=["about"])
    c = c[c["role"].isin(["target", "outcome"])]
    first = c.sort_values(["year", "start"]).groupby(["year", "role"], as_index=False).first()
    cols = ["about", "value", "surface", "doc", "text"]
    t = first[first["role"] == "target"][cols].rename(columns={"value": "target", "surface": "target_surface",
                                                               "doc": "target_doc", "text": "target_text"})
    o = first[first["role"] == "outcome"][cols].rename(columns={"value": "outcome", "surface": "outcome_surface",
                                                                "doc": "outcome_doc", "text": "outcome_text"})
    df = t.merge(o, on="about", how="outer").rename(columns={"about": "year"})
    df["difference"] = df["outcome"] - df["target"]
    df["met"] = (df["outcome"] >= df["target"]).where(df["outcome"].notna() & df["target"].notna())
    order = ["year", "target", "outcome", "difference", "met", "target_surface", "outcome_surface",
             "target_doc", "outcome_doc", "target_text", "outcome_text"]
    return df[order].sort_values("year", ignore_index=True)
