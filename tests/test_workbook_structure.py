"""The structure section's sentences, on reports written for the purpose."""
from __future__ import annotations

import pytest

import effanalysis
from effanalysis.workbook.structure import structure_sentences

pytestmark = pytest.mark.usefixtures("english")   # the sentences in English (both languages: test_i18n.py)


def test_structure_sentences_for_a_report_without_headings():
    report = effanalysis.Report.from_text("测试报告\n这是一个没有数字的测试。\n", doc="tiny")
    assert structure_sentences(report) == ["No numbered headings were found: the report is one block of "
                                           f"{len(report.sentences)} sentences."]


def test_structure_sentences_when_the_items_stand_in_the_preamble():
    # Lead sentences before the first heading belong to the preamble, section "0".
    text = ("测试报告\n各位代表：\n经济稳定增长。全年增长5%。\n就业形势良好。新增就业100万人。\n"
            "一、工作回顾\n这一年工作很多。\n二、今年任务\n今年任务繁重。\n")
    report = effanalysis.Report.from_text(text, doc="preamble-leads")
    assert set(report.outline.items["section"]) == {"0"}
    assert "The preamble carries 2 lead sentences." in structure_sentences(report)
