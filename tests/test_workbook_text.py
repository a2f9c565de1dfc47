"""The text section: the cleaned text with each claim marked, everything escaped."""
from __future__ import annotations

import html
import re

import pandas as pd
import pytest

import effanalysis
from effanalysis.workbook.text import text_html

pytestmark = pytest.mark.usefixtures("english")   # the sentences in English (both languages: test_i18n.py)


def test_text_html_marks_claims_and_escapes(seed_report):
    page, marks = text_html(seed_report, seed_report.claims)
    assert marks == len(seed_report.claims)
    heads = re.findall(r'<p class="heading" id="text-(\d+)">([^<]*)', page)
    assert [int(h) for h, _ in heads] == seed_report.sections["start"].tolist()
    assert all(t.startswith(label) for (_, t), label in zip(heads, seed_report.sections["label"]))
    # Nothing lost: stripping the markup gives back the text, paragraph by paragraph.
    plain = re.sub(r"<[^>]+>", "", page)
    assert html.unescape(plain).replace("\n", "") == seed_report.text.replace("\n", "")


def test_text_html_skips_overlapping_and_line_crossing_claims():
    report = effanalysis.Report.from_text("第一行有<b>100件</b>\n第二行200家。\n", doc="t")
    t = report.text
    a, b = t.index("100件"), t.index("200家")
    claims = pd.DataFrame({"start": [a, a + 1, a + 2, b], "end": [a + 4, a + 3, b + 2, b + 4],
                           "surface": ["100件", "00", "crosses", "200家"], "kind": "count", "norm_value": 1.0,
                           "unit": "件", "subject": "<i>x</i>"})
    out, marks = text_html(report, claims)
    assert marks == 2 and "&lt;b&gt;" in out and "<b>" not in out
    assert 'title="count: 1.0 件 · &lt;i&gt;x&lt;/i&gt;"' in out
