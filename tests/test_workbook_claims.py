"""The claims section's sentences."""
from __future__ import annotations

import pytest

import effanalysis
from effanalysis.workbook.claims import claims_sentences

pytestmark = pytest.mark.usefixtures("english")   # the sentences in English (both languages: test_i18n.py)


def test_claims_sentences_for_a_report_without_claims():
    report = effanalysis.Report.from_text("测试报告\n这是一个没有数字的测试。\n", doc="tiny")
    assert claims_sentences(report.claims, report.audit, report) == ["No quantitative claims were found in this report."]
