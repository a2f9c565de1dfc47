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


def test_one_top_level_section_is_its_own_sentence_in_both_languages():
    # Chinese has one plural form, so "one section" cannot be a plural form of "n sections"
    # (it once read （一、……一、）): it is a sentence of its own.
    from effanalysis import i18n

    report = effanalysis.Report.from_text("测试报告\n一、工作回顾\n这一年工作很多。全年增长5%。\n", doc="one-part")
    assert structure_sentences(report)[0] == "The report has one top-level section (一、)."
    try:
        i18n.use("zh")
        assert structure_sentences(report)[0] == "报告只有一个一级部分（一、）。"
    finally:
        i18n.use("en")


def test_a_short_heading_is_named_whole_and_a_long_one_cut_with_an_ellipsis():
    # 工作回顾 (4 characters) is shown as it is; the 17-character title is cut after its 12th
    # character (以服务发展为根本，切实提) with "…"
    short = effanalysis.Report.from_text("测试报告\n一、工作回顾\n收入增长。支出下降。就业稳定。\n二、今年任务\n今年任务繁重。\n",
                                         doc="short")
    long = effanalysis.Report.from_text("测试报告\n一、以服务发展为根本，切实提高工作效率\n收入增长。支出下降。就业稳定。\n"
                                        "二、今年任务\n今年任务繁重。\n", doc="long")
    said = [s for s in structure_sentences(short) if "lead sentence" in s]
    assert said and said[0].startswith("一、工作回顾 carries")
    said = [s for s in structure_sentences(long) if "lead sentence" in s]
    assert said and said[0].startswith("一、以服务发展为根本，切实提… carries")
