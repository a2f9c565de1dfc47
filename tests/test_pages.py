"""Real scraped pages in: page furniture out, the body in, the report's facts as metadata,
Simplified text as written. The pages are hand-labelled synthetic pages of several site
layouts (tests/fixtures/pages, see its README); bench/score_pages.py prints their scores."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

import effanalysis
from effanalysis.clean import clean_text
from effanalysis.clean.convert import simplify
from effanalysis.clean.furniture import licence_start
from effanalysis.errors import InputError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.score_pages import PAGES, is_prose, read_page, score  # noqa: E402

PAGE_FILES = sorted(PAGES.glob("*.txt"))
HAN = re.compile(r"[\u3400-\u9fff]")


def han(text: str) -> str:
    return "".join(HAN.findall(text))


def raw_page(path: Path) -> str:
    return "\n".join(read_page(path)[0])


def test_there_are_pages_of_many_layouts():
    assert len(PAGE_FILES) >= 8


# --- no body line is ever lost ------------------------------------------------------
@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.stem)
def test_no_body_line_of_a_page_is_removed(path):
    r = score(path)
    assert r["body_removed"] == 0, r["wrong"]
    assert r["prose_lost"] == 0


def test_furniture_removal_recall_over_the_pages():
    # Hand labels, not today's output: a floor on the share of furniture lines removed.
    rows = [score(p) for p in PAGE_FILES]
    removed, total = sum(r["removed_right"] for r in rows), sum(r["furniture"] for r in rows)
    assert removed / total >= 0.95


def test_no_prose_line_of_the_corpus_or_the_seed_is_lost(corpus_reports, seed_report):
    for r in [seed_report, *corpus_reports]:
        original = simplify(r.original)[0]
        cut = licence_start(original)
        body = original if cut < 0 else original[:cut]
        cleaned = han(r.text)
        for line in body.split("\n"):
            if is_prose(line) and not line.startswith("【"):
                assert han(line) in cleaned, (r.doc, line)


# --- the page, line by line ------------------------------------------------
def test_the_county_page_comes_out_as_the_report_with_its_facts():
    c = clean_text(raw_page(PAGES / "county_linhe.txt"))
    # The title is the report's, never furniture; info lines went into the metadata.
    assert c.text.startswith("2026年临河县政府工作报告\n——2026年1月20日在临河县第十届人民代表大会第五次会议上\n")
    assert c.text.endswith("为建设更加美好的临河而努力奋斗！")
    assert c.found["meta"] == {
        "title": "2026年临河县政府工作报告", "date": "2026-02-03", "time": "09:02", "source": "临河日报",
        "subtitle": "——2026年1月20日在临河县第十届人民代表大会第五次会议上",
        "occasion": "2026年1月20日在临河县第十届人民代表大会第五次会议上",
        "speaker_title": "县长", "speaker": "周明远"}
    for furniture in ("扫一扫在手机打开当前页", "【关闭窗口】", "责任编辑：李某", "浏览次数：", "字号："):
        assert furniture in c.found["chrome"] and furniture not in c.text


def test_photo_caption_in_the_head_is_furniture_and_the_date_line_wins():
    c = clean_text(raw_page(PAGES / "city_news.txt"))
    assert "本报记者" not in c.text and "分享到" not in c.text
    # The info line (2026-01-28 08:30 来源：…) is the publication date; the occasion keeps its own.
    assert c.found["meta"]["date"] == "2026-01-28" and c.found["meta"]["source"] == "东湖日报"
    assert c.found["meta"]["speaker"] == "张爱国"
    assert [r["title"] for r in c.found["related"]] == ["东湖市十七届人大五次会议开幕", "代表热议政府工作报告"]


def test_the_report_signature_and_attachment_line_stay():
    text = clean_text(raw_page(PAGES / "county_attachments.txt")).text
    assert text.endswith("附件：青山县2025年法治政府建设重点任务完成情况表\n青山县人民政府\n2026年1月8日")


@pytest.mark.parametrize("line", ["县长　周 明远", "县长 周明远", "县长周明远", "县长 周 明 远"])
def test_speaker_names_written_with_spaces(line):
    c = clean_text(f"2026年临河县政府工作报告\n{line}\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n")
    assert (c.found["meta"]["speaker_title"], c.found["meta"]["speaker"]) == ("县长", "周明远")


def test_chinese_numeral_dates_become_iso():
    c = clean_text("政府工作报告\n——二〇二六年一月二十日在县第十届人民代表大会第五次会议上\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n")
    assert c.found["meta"]["date"] == "2026-01-20"


# --- the licence footer is the corpus source's, never a report's second half -----------
def test_a_report_sentence_about_this_work_does_not_cut_the_report():
    body = ("各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员提出意见。\n"
            "本作品集收录了全县文艺工作者创作的优秀作品，展示了乡村振兴的新面貌，受到群众广泛好评。\n"
            "二、今年重点工作\n全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业3000人以上。")
    assert clean_text(body).text == body


def test_the_wikisource_licence_footer_is_cut():
    body = "各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。"
    footer = "\n\n本作品是中华人民共和国的\n法律\n、\n法规\n，根据《\n中华人民共和国著作权法\n》第五条，属于\n公有领域\n。\nPublic domain\nfalse"
    assert clean_text(body + footer).text == body


# --- Simplified stays as written, Traditional is converted -------------------------------
SIMPLIFIED = "乾县人民政府工作报告。今年，乾县推进昇腾人工智能产业园建设，濛江镇完成农田水利工程18项。"


def test_simplified_proper_nouns_stay_as_written():
    assert clean_text(SIMPLIFIED).text == SIMPLIFIED


def test_traditional_text_is_converted_with_proper_nouns_guarded():
    trad = "乾縣人民政府工作報告。今年，乾縣推進昇騰人工智能產業園建設，濛江鎮完成農田水利工程18項。"
    assert clean_text(trad).text == SIMPLIFIED


def test_traditional_characters_in_a_simplified_text_are_converted_alone():
    # A Simplified report quoting a few Traditional-only characters: those are converted,
    # the shared character 乾 is kept as written.
    text = "乾县推进农業现代化，粮食总产量达到2.3万吨，新建高标准农田1.2万亩，完成年度计划的105%。"
    assert clean_text(text).text == text.replace("業", "业")


# --- bad input ----------------------------------------------------------------------------
def test_a_page_that_is_only_furniture_is_an_input_error(tmp_path):
    path = tmp_path / "nav.txt"
    path.write_text("首页\n>\n政务公开\n字号：\n大\n中\n小\n【打印】\n扫一扫在手机打开当前页\n【关闭窗口】\n", encoding="utf-8")
    with pytest.raises(InputError, match="no report text found") as exc:
        effanalysis.load(path)
    assert "nav.txt" in str(exc.value) and "\n" not in str(exc.value)


def test_outline_json_has_the_meta_object_and_furniture_only_is_exit_2(tmp_path, capsys):
    from effanalysis.cli import main

    page = tmp_path / "linhe.txt"
    page.write_text(raw_page(PAGES / "county_linhe.txt"), encoding="utf-8")
    assert main(["outline", str(page), "--json"]) == 0
    import json

    out = json.loads(capsys.readouterr().out)
    assert out["meta"] == {"title": "2026年临河县政府工作报告", "speaker": "周明远", "speaker_title": "县长",
                           "occasion": "2026年1月20日在临河县第十届人民代表大会第五次会议上",
                           "source": "临河日报", "date": "2026-02-03", "time": "09:02"}
    assert out["title"] == "2026年临河县政府工作报告"
    # The toolbar and breadcrumb are no sections; the report's two parts are.
    assert [s["title"] for s in out["sections"]][:2] == ["过去一年工作回顾", "2026年工作安排"]
    nav = tmp_path / "nav.txt"
    nav.write_text("首页\n>\n政务公开\n【打印】【关闭窗口】\n分享到：微信 微博\n", encoding="utf-8")
    assert main(["outline", str(nav)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nav.txt" in err and "no report text found" in err


def test_the_head_facts_are_no_claims_and_no_sections():
    r = effanalysis.Report.from_text(raw_page(PAGES / "county_linhe.txt"))
    head = r.meta["head_end"]
    # Title, occasion and speaker lines end where the salutation begins.
    assert r.text[head:].startswith("各位代表：")
    # 第十届 / 第五次 of the occasion line are the meeting's name, not claims.
    assert (r.claims["start"] >= head).all() and "第十届" not in set(r.claims["surface"])
    assert r.claims.iloc[0]["surface"] == "6.2%"
    assert all(s["start"] >= head for s in r.outline.to_dict()["sections"])


def test_a_traditional_paragraph_in_a_simplified_text_is_converted_throughout():
    # 於 and 乾 are shared characters (valid in Simplified names), so only a paragraph that is
    # Traditional as a whole may turn them into 于 and 干.
    simp = "乾县今年粮食总产量达到2.3万吨，新建高标准农田1.2万亩，完成年度计划的105%。"
    trad = "於是，乾燥的天氣持續了三個月，農業生產受到影響。"
    c = clean_text(simp + "\n" + trad)
    assert c.text == simp + "\n" + "于是，干燥的天气持续了三个月，农业生产受到影响。"
    assert c.found["script"] == "mixed"


def test_a_sentence_on_copyright_opening_with_this_work_does_not_cut_the_report():
    body = ("各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员提出意见。\n"
            "本作品版权保护工作持续加强，全年登记作品著作权1200件，查处侵权盗版案件15起，版权许可交易额增长20%。\n"
            "二、今年重点工作\n全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业3000人以上。")
    assert clean_text(body).text == body
