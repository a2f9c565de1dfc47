"""The pages in the reader's language: complete catalogs that match the code and the compiled
files, whole sentences per language, locale-formatted numbers, `lang` validated before any
kernel starts, and the rendered report and corpus pages in both languages."""
from __future__ import annotations

import atexit
import functools
import html as htmllib
import json
import re
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest

import effanalysis
from effanalysis import catalogs, i18n, workbook
from effanalysis.render import export, render

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "raw" / "000_b8b61ae6203f38bb.txt"
CORPUS = ROOT / "data" / "corpus" / "government_work_reports.jsonl"
PLACEHOLDER = re.compile(r"\{(\w*)\}|%\((\w+)\)s")
_OUT = Path(tempfile.mkdtemp(prefix="effanalysis-i18n-"))
atexit.register(shutil.rmtree, _OUT, ignore_errors=True)


# --- the catalogs ----------------------------------------------------------------------------------
def _strings(value) -> list[str]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_catalog_is_complete(lang):
    catalog = catalogs.read_po(lang)
    untranslated = [m.id for m in catalog if m.id and not all(_strings(m.string))]
    fuzzy = [m.id for m in catalog if m.id and "fuzzy" in m.flags]
    assert untranslated == [] and fuzzy == []
    assert catalog.num_plurals == (1 if lang == "zh" else 2)


def test_every_message_in_the_code_is_in_the_catalogs():
    """Extraction from the package, the template and the notebooks finds no message the
    .po files lack (a new or changed message without translation fails here) and the
    catalogs keep none that is gone."""
    extracted = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalogs.extract() if m.id}
    assert len(extracted) > 200
    for lang in i18n.LANGS:
        in_po = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalogs.read_po(lang) if m.id}
        assert extracted - in_po == set(), f"{lang}: run `make catalogs` and translate"
        assert in_po - extracted == set(), f"{lang}: obsolete messages"


def test_no_message_hides_in_an_f_string():
    """Babel's extractor reads an f-string as one token: a `_("…")` inside one is never extracted,
    so the page would show its English whatever the language."""
    import ast

    hidden = []
    for path in (ROOT / "effanalysis").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [f"{path.name}:{call.lineno}" for call in ast.walk(node) if isinstance(call, ast.Call)
                           and getattr(call.func, "id", None) in ("_", "gettext", "ngettext", "pgettext", "N_", "NC_")]
    assert hidden == []


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_compiled_catalog_matches_the_po_file(lang):
    mo = catalogs.po_path(lang).with_suffix(".mo").read_bytes()
    assert mo == catalogs.compiled(catalogs.read_po(lang)), "run `make catalogs` to recompile"


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_translations_keep_the_placeholders(lang):
    """Each translation fills the placeholders of its message ({n}, {title}, %(version)s) and no
    other: one more would raise KeyError on the page, one less would drop a figure."""
    for m in catalogs.read_po(lang):
        if not m.id:
            continue
        wanted = {a or b for s in _strings(m.id) for a, b in PLACEHOLDER.findall(s)}
        forms = [{a or b for a, b in PLACEHOLDER.findall(s)} for s in _strings(m.string)]
        # A singular may leave out what only the plural needs ("section ({first})" vs "({first}…{last})").
        assert all(f <= wanted for f in forms) and set().union(*forms) == wanted, (m.id, m.string)


def test_catalog_is_read_once_per_process(monkeypatch):
    i18n.translations.cache_clear()
    opened = []
    real = open

    def spy(path, *a, **kw):
        if str(path).endswith(".mo"):
            opened.append(str(path))
        return real(path, *a, **kw)

    monkeypatch.setattr("builtins.open", spy)
    for _ in range(3):
        i18n.use("zh")
        assert i18n.gettext("Outline") == "提纲"
        i18n.use("en")
        assert i18n.gettext("Outline") == "Outline"
    assert len(opened) == 2   # one per language, however many sections ask


# --- language, numbers, sentences ---------------------------------------------------------------
def test_language_is_checked_and_detected():
    with pytest.raises(effanalysis.InputError, match="zh, en"):
        i18n.use("fr")
    assert i18n.detect("各部门要切实加强领导，确保各项工作落到实处。") == "zh"
    assert i18n.detect("The State Council work report sets a growth target of about 5 percent.") == "en"
    assert i18n.use(None, "政府工作报告") == "zh"


def test_years_are_never_grouped_and_numbers_follow_the_locale():
    assert i18n.year(1954.0) == "1954" and i18n.num(12345, lang="en") == "12,345"
    assert i18n.pct(0.3214, lang="zh") == "32%" and i18n.pct(0.3214, 2, lang="en") == "32.14%"
    assert i18n.date("2024-03-05", lang="zh") == "2024年3月5日"
    assert i18n.date("2024-03-05", lang="en") == "5 March 2024"
    # A year column with a gap is float: still 1954 in the table, while other numbers are grouped.
    frame = pd.DataFrame({"year": [1954.0, None], "chars": [23456, 7]})
    i18n.use("en")
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", workbook.table(frame))
    assert cells == ["1954", "23,456", "—", "7"]


def test_list_joins_follow_the_language():
    assert i18n.join(["A", "B", "C"], lang="en") == "A, B and C"
    assert i18n.join(["甲", "乙", "丙"], lang="zh") == "甲、乙和丙"
    assert i18n.clauses(["删除了1处", "合并了2处"], lang="zh") == "删除了1处，并合并了2处"


def test_seed_sentences_are_whole_sentences_in_each_language(seed_report):
    """The seed's cleaning (140 pinyin annotations, 783 Traditional characters, per its README)
    told in each language's own order, with its own measure words."""
    i18n.use("zh")
    zh = workbook.cleaning_sentence(seed_report)
    assert zh.startswith("清洗时删除了140处拼音注音，将783个繁体字转为简体") and zh.endswith("。")
    assert not re.search(r"[A-Za-z]", zh)
    s = workbook.structure_sentences(seed_report)
    assert s[0] == "报告共有4个一级部分（一、……四、）。"
    i18n.use("en")
    en = workbook.cleaning_sentence(seed_report)
    assert en.startswith("Cleaning removed 140 pinyin annotations, converted 783 Traditional characters")
    assert not re.search(r"[\u4e00-\u9fff]", en)


def test_seed_era_evidence_reads_in_chinese_order(seed_report):
    """The seed uses 科学发展观 (current from 2003, as the lexicon dates it) and none of the
    formulations current from 2012 (八项规定, 中国梦 …): each bound is one Chinese sentence, the year
    before the term it qualifies, not "“科学发展观”（2003年起）"."""
    evidence = seed_report.profile().era["evidence"]
    try:
        i18n.use("zh")
        shown = [i18n.translate(m) for m in evidence]
    finally:
        i18n.use("en")
    assert "使用了2003年起出现的提法“科学发展观”：写于2003年或以后" in shown
    assert any(z.startswith("未使用2012年起出现的提法（八项规定、中国梦") and z.endswith("：写于2012年或以前")
               for z in shown)
    # the lexicon's 2012 group has five terms (八项规定 … 四个全面): four are named, 等 says there are more
    assert any(z.startswith("未使用2012年起出现的提法") and "系列重要讲话等）" in z for z in shown)


def _messages(reports) -> list:
    """The era's evidence and the audit's findings of `reports`: the sentences the analyses write."""
    return [m for r in reports for m in [*(r.profile().era or {}).get("evidence", []), *r.audit["message"]]]


def test_every_era_and_audit_sentence_of_the_corpus_is_translated(corpus_reports, seed_report):
    """language/era.py, dating.py and metrics/audit.py write Messages: the English str the command
    line prints, with the message id and parameters the page translates through the catalogs."""
    from effanalysis.message import Message

    messages = _messages([seed_report, *corpus_reports])
    assert len(messages) > 500 and all(isinstance(m, Message) for m in messages)
    zh = i18n.translations("zh")
    assert sorted({m.msgid for m in messages if zh.gettext(m.msgid) == m.msgid}) == []   # none left to the English
    i18n.use("zh")
    shown = [i18n.translate(m) for m in messages]
    assert [z for z in shown if re.search(r"\b(is|of|the|which|was|used|written|wording)\b", z)] == []
    # the seed's implied plan (185件 is 90% of the annual plan, per its README) keeps its figures
    assert "185件占年计划的90%，由此推算年计划约为206件。" in shown
    assert any("“科学发展观”" in z for z in shown)   # the formulation quoted as the report writes it
    i18n.use("en")
    assert [i18n.translate(m) for m in messages] == messages    # English: the same words


def test_a_message_is_its_english_sentence_everywhere_but_on_a_page():
    """Equal to its English text (CSV, JSON, the downloads), with a parameter that is itself a
    message translated on the page; a copy in another process (pickle) keeps its id."""
    import pickle

    from effanalysis.message import Message

    m = Message("{base} is {share} of {where}, which puts {where} at about {whole}.", base="185件", share="90%",
                where=Message("the whole"), whole="206件")
    assert m == "185件 is 90% of the whole, which puts the whole at about 206件." and isinstance(m, str)
    assert json.loads(json.dumps({"m": m})) == {"m": str(m)}
    i18n.use("zh")
    assert i18n.translate(m) == "185件占整体的90%，由此推算整体约为206件。"
    back = pickle.loads(pickle.dumps(m))
    assert back == m and back.msgid == m.msgid and i18n.translate(back) == i18n.translate(m)
    assert i18n.translate("plain text") == "plain text" and i18n.translate(None) is None
    i18n.use("en")


def test_index_page_speaks_the_batch_language():
    from effanalysis.batch.index import render_index

    i18n.use("en")
    rows = [{"title": "2024年政府工作报告", "status": "ok", "year": 2024, "chars": 21345, "href": "a.html"},
            {"title": "空白文档", "status": "failed", "error": "has no text"}]
    zh = render_index(rows, {"status": "ok"})              # Chinese titles: a Chinese index
    en = render_index(rows, {"status": "ok"}, lang="en")
    assert '<html lang="zh-CN">' in zh and "共2篇文档，已生成1篇页面。" in zh and ">年份</th>" in zh
    assert '<html lang="en">' in en and "2 documents: 1 rendered." in en and ">Year</th>" in en
    assert ">2024<" in zh and ">21,345<" in zh                 # a year is not grouped, a length is
    assert i18n.current() == "en"                               # the index leaves the process language alone


# --- validation before any kernel -------------------------------------------------------------------
def test_unknown_language_is_exit_2_before_any_kernel(monkeypatch, capsys):
    from effanalysis import cli
    from effanalysis.render import execute

    def no_kernel(*a, **kw):
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(execute, "run", no_kernel)
    assert cli.main(["render", str(SEED), "-o", str(_OUT / "fr"), "-p", "lang=fr"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "lang" in err and "zh, en" in err and "'fr'" in err
    with pytest.raises(SystemExit) as exit_:   # argparse: usage errors exit 2 from the parser
        cli.main(["batch", str(SEED), "-o", str(_OUT / "fr"), "--lang", "fr"])
    assert exit_.value.code == 2 and "zh, en" in capsys.readouterr().err
    assert not (_OUT / "fr").exists() or not any((_OUT / "fr").glob("*.html"))


# --- the rendered pages --------------------------------------------------------------------------
@functools.cache
def small_corpus() -> Path:
    """Three State Council reports of different decades."""
    with open(CORPUS, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    chosen = [r for r in rows if str(r.get("year")) in ("1980", "2005", "2024")][:3]
    path = _OUT / "three.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen), encoding="utf-8")
    return path


@functools.cache
def page(kind: str, lang: str | None) -> Path:
    params = {} if lang is None else {"lang": lang}
    out = _OUT / f"{kind}-{lang}"
    if kind == "report":
        return render(SEED, out, params)
    return render(small_corpus(), out, params, notebook="corpus")


def visible_text(html: str) -> str:
    """What a reader sees, minus the report's own words (the text section, document titles and
    passages, parameter values: data, not the page's language)."""
    html = re.sub(r'<div class="report-text">.*?</div>', "", html, flags=re.S)
    html = re.sub(r"<(script|style|table class=\"params\").*?</\1>", "", html, flags=re.S)
    html = re.sub(r"<td[^>]*>.*?</td>", "", html, flags=re.S)   # table cells hold the documents' data
    html = re.sub(r"<code>.*?</code>", "", html, flags=re.S)    # function names in the section notes
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", html))


# Latin words a Chinese page may keep: names of methods, formats and the tool itself.
KEPT_LATIN = {"TF", "IDF", "MinHash", "LSH", "HTML", "CSV", "csv", "xlsx", "txt", "effanalysis", "JupyterLab",
              "None", "batch", "render", "FILE", "NAME", "VALUE", "make", "report", "jsonl", "docx", "pdf", "html",
              "slug", "CORPUS", "show_text", "False", "log", "uses", "z", "UTF", "Excel", "jieba", "Monroe",
              "Colaresi", "Quinn", "Dirichlet", "DataFrame"}


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["report", "corpus"])
def test_chinese_document_gets_a_chinese_page_by_default(kind):
    html = page(kind, None).read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in html
    words = set(re.findall(r"[A-Za-z]{2,}", visible_text(html)))
    assert words - KEPT_LATIN == set()
    headers = re.findall(r"<th[^>]*>([^<]*)</th>", html)
    assert headers and all(re.search(r"[\u4e00-\u9fff]", h) for h in headers), headers
    assert "目录" in html and "本次运行的参数" in html


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["report", "corpus"])
def test_english_page_is_complete(kind):
    html = page(kind, "en").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    text = visible_text(html)
    # Chinese on the English page is only quoted from the documents (terms, names, headings).
    assert "目录" not in text and "概览" not in text and "Contents" in text
    for heading in re.findall(r"<h2[^>]*>([^<]*)</h2>", html):
        assert not re.search(r"[\u4e00-\u9fff]", heading), heading


@pytest.mark.slow
def test_download_names_follow_the_language():
    zh = re.findall(r'download="([^"]+)"', page("report", None).read_text(encoding="utf-8"))
    en = re.findall(r'download="([^"]+)"', page("report", "en").read_text(encoding="utf-8"))
    assert any(n.endswith("-量化表述.csv") for n in zh) and any(n.endswith("-claims.csv") for n in en)


@pytest.mark.slow
def test_corpus_page_years_are_not_grouped():
    html = page("corpus", None).read_text(encoding="utf-8")
    # The three documents' years, in tables (a column with a gap is float) and sentences alike.
    assert "1980" in html and "2024" in html
    assert not re.search(r"\b(1,980|2,005|2,024)\b", html)
