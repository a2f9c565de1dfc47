"""The era from what the text says of its own date, never from the machine's clock."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from effanalysis.language import era, slogans

# A 2026 county report: 十五五 and 新质生产力 are present, the occasion line dates it.
COUNTY_2026 = """2026年临河县政府工作报告
——2026年1月20日在临河县第十届人民代表大会第五次会议上
各位代表：
一、2025年工作回顾
2025年，全县上下坚持以习近平新时代中国特色社会主义思想为指导，因地制宜发展新质生产力，地区生产总值增长6.1%。
二、2026年重点工作
2026年是“十五五”开局之年。到2030年，城镇化率达到60%。
"""
# The same report without its date line and headings: only bounds remain.
UNDATED = "全县上下因地制宜发展新质生产力。2025年，地区生产总值增长6.1%。到2030年，城镇化率达到60%。"


def _era(text: str, meta: dict | None = None) -> dict:
    return era.estimate(slogans.find(text), text, meta)


def test_a_report_dated_in_its_text_gets_that_year():
    e = _era(COUNTY_2026)
    assert (e["likely_from"], e["likely_to"]) == (2026, 2026)
    assert e["from"] <= 2026 <= e["to"]
    assert any("2026" in line and "written in 2026" in line for line in e["evidence"])


def test_a_national_report_is_dated_by_its_session():
    text = "各位代表：\n现在，我代表国务院，向十四届全国人大四次会议报告政府工作。推进中国式现代化。"
    e = _era(text)
    assert (e["likely_from"], e["likely_to"]) == (2026, 2026)
    assert any("全国人大四次会议" in line for line in e["evidence"])


def test_years_reported_on_are_a_lower_bound_and_targets_are_not():
    e = _era(UNDATED)
    assert e["from"] == 2025 and e["likely_from"] == 2025  # 2025年，… ; 新质生产力 alone says 2023
    assert e["to"] >= 2025 and e["to"] != 2030  # 到2030年 is a target, not a date
    assert any("2025年，" in line for line in e["evidence"])


def test_metadata_date_dates_the_report():
    e = _era(UNDATED, {"date": "2026-02-03"})
    assert (e["likely_from"], e["likely_to"]) == (2026, 2026)


def test_a_stated_year_against_the_formulations_still_lies_in_the_interval():
    # 科学发展观 alone bounds the era to 2003–2012; a date line of 2015 is what the text says.
    text = "——2015年1月10日在县第八届人民代表大会第四次会议上\n深入贯彻落实科学发展观。"
    e = _era(text)
    assert e["from"] <= 2015 <= e["to"] and e["likely_from"] == e["likely_to"] == 2015


_SCRIPT = """
import json, sys
from effanalysis.language import era, slogans
texts = json.loads(sys.stdin.read())
print(json.dumps([era.estimate(slogans.find(t), t) for t in texts]))
"""


@pytest.mark.skipif(shutil.which("faketime") is None, reason="needs faketime (Debian package faketime)")
@pytest.mark.parametrize("clock", ["2040-01-01", "1999-06-01"])
def test_the_clock_does_not_move_the_era(clock):
    texts = [COUNTY_2026, UNDATED, "今年我们修了三条路。", "深入贯彻落实科学发展观，严格执行八项规定。"]
    now = [era.estimate(slogans.find(t), t) for t in texts]
    run = subprocess.run(["faketime", clock, sys.executable, "-c", _SCRIPT], input=json.dumps(texts),
                         capture_output=True, text=True, check=True)
    assert json.loads(run.stdout) == json.loads(json.dumps(now))
    # The faked clock really is in force in the child (else the comparison proves nothing).
    year = subprocess.run(["faketime", clock, sys.executable, "-c", "import datetime;print(datetime.date.today().year)"],
                          capture_output=True, text=True, check=True).stdout.strip()
    assert year == clock[:4]


def test_corpus_era_from_text_contains_the_year(corpus_reports):
    """Over the dated State Council reports from 1978 on, with the corpus's year column left out:
    the text's own dates make the likely interval contain the year far more often than the
    formulations alone, and no interval misses it."""
    rows = [(r.year, r.text) for r in corpus_reports if r.year and r.year >= 1978]
    with_text = [(y, _era(t)) for y, t in rows]
    alone = [(y, era.estimate(slogans.find(t))) for y, t in rows]
    likely = sum(e["likely_from"] <= y <= e["likely_to"] for y, e in with_text)
    likely_alone = sum(e["likely_from"] <= y <= e["likely_to"] for y, e in alone)
    exact = sum(e["likely_from"] == y == e["likely_to"] for y, e in with_text)
    print(f"era likely interval holds the year: {likely}/{len(rows)} with text, {likely_alone} from formulations; "
          f"exact year {exact}")
    assert all(e["from"] <= e["likely_from"] <= e["likely_to"] <= e["to"] for _, e in with_text)
    assert sum(e["from"] <= y <= e["to"] for y, e in with_text) >= 0.95 * len(rows)
    assert likely >= 0.9 * len(rows) and likely > likely_alone
    assert exact >= 0.6 * len(rows)


def test_every_formulation_year_cites_its_source():
    """The years of slogans.tsv come from the record of when each formulation was introduced
    (the `source` column: the year, then the event), not from the corpus the era is tested on:
    the source's year is the first_year."""
    lex = slogans.entries()
    missing = [t for t, s in zip(lex["term"], lex["source"]) if not s.strip()]
    assert missing == []
    wrong = [(t, y, s) for t, y, s in zip(lex["term"], lex["first_year"], lex["source"])
             if int(re.match(r"(\d{4})", s).group(1)) != int(y)]
    assert wrong == []


def test_the_year_column_of_a_corpus_row_is_not_evidence_of_the_era():
    # The corpus's year is what the era is validated against (corpus.trends.eras): using it
    # would make every estimate right by construction.
    text = "深入贯彻落实科学发展观。"
    assert _era(text, {"year": "2010"}) == _era(text)
    assert _era(text, {"date": "2010-03-05"})["likely_from"] == 2010  # a page's own date is
