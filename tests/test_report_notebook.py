"""The report notebook executed through `render` on the seed and on two corpus reports of different
decades: assertions on the values the notebook recorded (workbook.Section facts) and on the page.

Each document is rendered once per test session (`rendered`, shared with test_browser.py).
"""
from __future__ import annotations

import base64
import functools
import io
import re
import shutil
import tempfile
import atexit
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import effanalysis
from effanalysis.workbook import RECORD_MIME
from effanalysis.render import export, render

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "raw" / "000_b8b61ae6203f38bb.txt"
CORPUS = ROOT / "data" / "corpus" / "government_work_reports.jsonl"
DOCS = {"seed": (SEED, None),
        "1980": (CORPUS, "1980年中华人民共和国国务院政府工作报告"),
        "2013": (CORPUS, "2013年中华人民共和国国务院政府工作报告")}
_OUT = Path(tempfile.mkdtemp(prefix="effanalysis-render-"))
atexit.register(shutil.rmtree, _OUT, ignore_errors=True)


@functools.cache
def rendered(name: str, **params) -> tuple[Path, dict, object]:
    """(page, recorded facts, executed notebook) for one document, rendered once."""
    source, doc = DOCS[name] if name in DOCS else (Path(params.pop("source")), None)
    params.setdefault("lang", "en")   # these tests read the English page; test_i18n.py reads the Chinese one
    out = _OUT / name
    page = render(source, out, dict(params), doc=doc, keep_notebook=True)
    nb = nbformat.read(page.with_suffix(".ipynb"), as_version=4)
    return page, export.records(nb), nb


def _report(name: str):
    source, doc = DOCS[name]
    return effanalysis.load(source, doc)


# Sections built in this process speak English here (the pages' language is tested in test_i18n.py).
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(scope="module", params=list(DOCS))
def case(request):
    page, facts, nb = rendered(request.param)
    return request.param, _report(request.param), page, facts, nb


def test_sections_carry_html_and_a_short_plain_text(case):
    *_, nb = case
    bundles = [o["data"] for c in nb.cells for o in c.get("outputs", []) if RECORD_MIME in o.get("data", {})]
    assert len(bundles) == 7
    for data in bundles:      # not the dataclass repr, which is the whole HTML again
        assert len(data["text/plain"]) < 80 and data["text/plain"].endswith("characters of HTML>")


def test_recorded_overview_matches_the_report(case):
    name, report, page, facts, _ = case
    facts = facts["overview"]
    assert facts["title"] == report.title and facts["doc"] == report.doc
    assert page.name == f"{report.slug}.html" and facts["slug"] == report.slug
    assert facts["chars"] == len(report.text) > 1000
    assert facts["pinyin_removed"] == report.meta["pinyin_removed"]
    if name == "seed":   # what the seed's README says about it
        assert facts["title"] == "效能建设工作自查报告"
        assert facts["pinyin_removed"] == 140 and facts["converted_chars"] > 0
        assert facts["related"] == 10 and facts["chrome"] == 2
    else:
        assert facts["year"] == int(name)
        assert facts["pinyin_removed"] == 0 and facts["related"] == 0


def test_recorded_structure(case):
    name, report, _, facts, _ = case
    facts = facts["structure"]
    assert facts["sections"] == len(report.sections)
    assert facts["headings"] == [f"{r.label}{r.title}" for r in report.sections.itertuples()]
    if name == "seed":
        assert [h[:2] for h in facts["headings"]] == ["一、", "二、", "三、", "四、"]
        assert facts["leads"] == 5 and facts["enumerated"] == 4
    else:
        assert facts["sections"] >= 3


def test_recorded_claims_are_the_package_claims(case):
    name, report, _, facts, _ = case
    claims, facts = report.claims, facts["claims"]
    assert facts["claims"] == len(claims) > 0
    assert facts["surfaces"] == claims["surface"].tolist()
    assert facts["kinds"] == claims["kind"].value_counts().to_dict()
    if name == "seed":
        assert {"800万元", "7000余份", "近万人", "185件", "90%", "160%"} <= set(facts["surfaces"])


def test_every_claim_is_highlighted_in_the_text(case):
    name, report, page, facts, _ = case
    html = page.read_text(encoding="utf-8")
    marks = re.findall(r'<mark class="claim" id="claim-(\d+)"[^>]*>([^<]*)</mark>', html)
    assert facts["text"]["marks"] == len(marks)
    claims = report.claims
    for row, surface in marks:
        assert claims.loc[int(row), "surface"] == surface
    if name == "seed":
        assert len(marks) == len(claims)
    else:
        assert len(marks) >= 0.9 * len(claims)


def test_language_section_follows_the_package(case):
    name, report, _, facts, _ = case
    p, facts = report.profile(), facts["language"]
    assert facts["people"] == p.people["name"].tolist()
    era = case[3]["overview"]["era"]
    assert era == {k: p.era.get(k) for k in ("from", "to", "likely_from", "likely_to")}
    if name == "seed":
        assert "肖爱国" in facts["people"] and any("天门日报" in m for m in facts["media"])
        assert "科学发展观" in facts["slogans"]
    else:
        assert (era["from"] or 0) <= int(name) <= (era["to"] or 9999)


def test_downloads_embed_the_claims_table(case):
    name, report, page, facts, _ = case
    html = page.read_text(encoding="utf-8")
    links = {m.group("name"): m.group(0) for m in re.finditer(r'<a [^>]*download="[^"]*?(?P<name>-claims\.csv|\.xlsx)"[^>]*>', html)}
    assert set(links) == {"-claims.csv", ".xlsx"}
    csv_b64 = re.search(r'href="data:text/csv;base64,([^"]+)"', links["-claims.csv"]).group(1)
    csv = pd.read_csv(io.BytesIO(base64.b64decode(csv_b64)), encoding="utf-8-sig")
    assert csv["surface"].tolist() == report.claims["surface"].tolist()
    assert list(csv.columns[:17]) == ["doc", "section", "sentence", "start", "end", "surface", "value", "multiplier",
                                      "norm_value", "unit", "kind", "qualifier", "low", "high", "subject",
                                      "relation", "part_of"]
    x = re.search(r'href="data:application/vnd\.openxmlformats[^;]*;base64,([^"]+)"', links[".xlsx"])
    sheets = pd.read_excel(io.BytesIO(base64.b64decode(x.group(1))), sheet_name=None)
    assert len(sheets["claims"]) == len(report.claims) == facts["downloads"]["rows"]["claims"]


def test_page_is_self_contained(case):
    *_, page, _, _ = case
    html = page.read_text(encoding="utf-8")
    # One script, the table sorter, exactly as shipped, allowed by the CSP through its hash alone.
    script, source = export.table_script()
    assert re.findall(r"<script[^>]*>(.*?)</script>", html, flags=re.S | re.I) == [script]
    meta = next(m for m in re.findall(r"<meta [^>]*>", html) if "Content-Security-Policy" in m)
    csp = re.search(r'content="([^"]+)"', meta).group(1)
    assert f"script-src '{source}'" in csp and "unsafe-inline'; base" not in csp.split("script-src")[1]
    assert not re.search(r'(src|href)="(https?:)?//', html), "no URL outside the page"
    assert "require.js" not in html and "MathJax" not in html and "@import" not in html
    charts = re.findall(r'<img [^>]*src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert len(charts) >= 3, "section lengths, claims by kind and by section at least"
    for chart in charts:                       # vector charts whose text is text, in the CJK font
        svg = base64.b64decode(chart).decode("utf-8")
        assert "<text" in svg and "Noto Sans CJK SC" in svg and "<script" not in svg
    assert '<nav aria-label="Contents" class="toc">' in html or 'class="toc"' in html
    assert "Noto Sans CJK SC" in html and "@media print" in html
    assert "# Report workbook" not in html and "<h1>Report workbook" not in html   # the title cell is Lab-only
    assert "read, measured and checked" in html      # the introduction is on the page


def test_sections_open_with_computed_sentences(case):
    name, report, page, _, _ = case
    ledes = re.findall(r'<p class="lede">(.*?)</p>', page.read_text(encoding="utf-8"), flags=re.S)
    assert len(ledes) == 7
    assert f"{len(report.text):,} characters" in ledes[0]
    assert f"{len(report.claims)} quantitative claims" in ledes[2]
    # the targets: this report's own, or a sentence saying it states none
    assert (f"sets {len(report.targets)} target" in ledes[3]) if len(report.targets) else "states no targets" in ledes[3]
    if name == "seed":
        assert "removed 140 pinyin annotations" in ledes[0]
        assert "4 top-level sections" in ledes[1]
    else:
        assert "needed no cleaning" in ledes[0] or "joined" in ledes[0]


def test_parameters_table_is_readable(case):
    name, report, page, _, _ = case
    html = page.read_text(encoding="utf-8")
    table = html[html.index('<table class="params">'):html.index("</table>", html.index('<table class="params">'))]
    assert "\\u" not in table
    if name != "seed":
        assert f"<td>{DOCS[name][1]}</td>" in table


def test_no_warnings_or_missing_glyphs_in_the_kernel(case):
    *_, nb = case
    stderr = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs
                     if o.get("output_type") == "stream" and o.get("name") == "stderr")
    assert "missing from font" not in stderr and "Glyph" not in stderr


# --- hostile input: report text and a parameter value that try to become code ------------------------
HOSTILE_TEXT = """效能建设工作自查报告<script>alert("in-title")</script>
近年来，我局<script>alert(1)</script>发放宣传资料7000余份<img src=x onerror=alert(2)>，吸引"});alert(3);({"近万人参与。
一、以强化领导为重点，切实明确效能建设认识</p><script>alert(4)</script>
我局成立了领导小组，收到意见、建议95条<b onmouseover=alert(5)>，整改落实。' onload='alert(6)
二、以改进作风为目标，切实开展政风行风建设
全年共受理申请185件，其中发明专利40件&lt;script&gt;。
"""


def hostile_marker() -> Path:
    return _OUT / "PWNED"


def hostile_title() -> str:
    return f'"); import pathlib; pathlib.Path(r"{hostile_marker()}").touch(); ("<script>alert("t")</script>'


def rendered_hostile() -> tuple[Path, dict, object]:
    source = _OUT / "hostile.txt"
    if not source.exists():
        source.write_text(HOSTILE_TEXT, encoding="utf-8")
    return rendered("hostile", source=str(source), title=hostile_title())


def test_hostile_report_and_title_stay_text():
    page, facts, _ = rendered_hostile()
    assert not hostile_marker().exists(), "the title parameter was executed"
    assert facts["title"] == hostile_title()
    html = page.read_text(encoding="utf-8")
    # One script, the table sorter, exactly as shipped, allowed by the CSP through its hash alone.
    script, source = export.table_script()
    assert re.findall(r"<script[^>]*>(.*?)</script>", html, flags=re.S | re.I) == [script]
    meta = next(m for m in re.findall(r"<meta [^>]*>", html) if "Content-Security-Policy" in m)
    csp = re.search(r'content="([^"]+)"', meta).group(1)
    assert f"script-src '{source}'" in csp and "unsafe-inline'; base" not in csp.split("script-src")[1]
    assert not re.search(r"<[a-z]+[^>]*\son[a-z]+=", html, flags=re.I), "no event-handler attribute"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert facts["claims"]["claims"] >= 3   # the claims around the markup are still found


def test_the_notebook_also_runs_under_papermill(tmp_path):
    """Analysts and CI may run the notebook with papermill itself: same facts as through render."""
    import papermill
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    from effanalysis.render.execute import KERNEL_NAME, ThisInterpreter

    nb_path = ROOT / "notebooks" / "report.ipynb"
    km = AsyncKernelManager(kernel_spec_manager=ThisInterpreter(), kernel_name=KERNEL_NAME)
    out = tmp_path / "papermill.ipynb"
    try:
        papermill.execute_notebook(str(nb_path), str(out), parameters={"title": "自查报告（papermill）", "top_n": 5},
                                   kernel_name=KERNEL_NAME, language="python", km=km, cwd=str(nb_path.parent),
                                   progress_bar=False)
    finally:   # nbclient leaves the kernel of a manager it was given running
        if km.has_kernel:
            run_sync(km.shutdown_kernel)(now=True)
    facts = export.records(nbformat.read(out, as_version=4))
    _, ours, _ = rendered("seed")
    assert facts["title"] == "自查报告（papermill）"
    for section in ("structure", "claims", "text", "downloads"):
        assert facts[section] == ours[section]
    assert len(facts["language"]["keywords"]) == min(5, len(ours["language"]["keywords"]))


