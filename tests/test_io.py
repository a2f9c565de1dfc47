"""Reading: encodings detected from bytes, HTML/docx/PDF extraction, corpus rows."""
from __future__ import annotations

import codecs
import io
import json
import zipfile
import zlib
from pathlib import Path

import pytest

import effanalysis
from effanalysis.errors import InputError
from effanalysis.io import decode, read
from effanalysis.io.readers import read_docx, read_html, read_pdf

# A Traditional passage (the seed's first section, without its pinyin) that Big5 can encode.
TRADITIONAL = ("效能建設工作自查報告\n近年來，我局以鄧小平理論和「三個代表」重要思想為指導，貫徹落實科學發展觀，"
               "緊密結合科技工作實際，以依法行政和規範辦事行為為重點。\n一、以強化領導為重點，切實明確效能建設認識\n"
               "我局成立了機關效能建設領導小組，並設立了機關效能建設辦公室，制定了局年度機關效能建設實施方案。\n")


# --- encodings ---------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "gb18030"])
def test_seed_reencoded_gives_the_same_cleaned_text(tmp_path, seed_path, seed_report, encoding):
    text = seed_path.read_text(encoding="utf-8")
    if encoding == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    path = tmp_path / "seed.txt"
    path.write_bytes(data)
    report = effanalysis.load(path)
    assert report.original == text
    assert report.text == seed_report.text


@pytest.mark.parametrize("encoding,expected", [("big5", "big5"), ("gbk", "gb18030"), ("gb18030", "gb18030"),
                                               ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")])
def test_legacy_encodings_detected_without_bom(encoding, expected):
    sample = TRADITIONAL if encoding == "big5" else effanalysis.clean.convert.to_simplified(TRADITIONAL)
    text, enc = decode(sample.encode(encoding))
    assert text == sample
    assert enc == expected


@pytest.mark.parametrize("word", ["政府工作报告", "效能建设", "科技局", "报告"])
def test_short_gbk_text_is_not_taken_for_big5(word):
    assert decode(word.encode("gbk"))[0] == word


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["效能建设工作自查报告", "推进练兵备战工作，坚决有"])
def test_han_only_utf16_without_bom(text, encoding):
    # Han characters and full-width punctuation have no NUL byte in UTF-16: no NUL hints at it
    assert b"\x00" not in text.encode(encoding)
    assert decode(text.encode(encoding)) == (text, encoding)


def test_short_big5_text_is_not_taken_for_gbk():
    assert decode("政府工作報告".encode("big5"))[0] == "政府工作報告"


def test_utf8_cut_inside_its_last_character():
    data = "效能建设工作自查报告".encode("utf-8")
    assert decode(data[:-1]) == ("效能建设工作自查报", "utf-8")


def test_bytes_that_decode_only_to_unlikely_characters_are_rejected():
    data = bytes(b for i in range(300) for b in (0x81 + i % 0x7E, 0x40 + i % 0x3F))
    with pytest.raises(InputError, match="not text in a supported encoding"):
        decode(data, "odd.txt")


@pytest.mark.parametrize("data,problem", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
    (bytes(range(256)) * 8, "not text"),
    (b"\xff\xfe\x00\xd8", "does not decode"),
    ("报告".encode("gbk") + b"\x81\x20\xfe\xff\x80\x80" * 40, "not text"),
])
def test_binary_and_undecodable_bytes_are_input_errors(data, problem):
    with pytest.raises(InputError, match=problem):
        decode(data, "bad.txt")


# --- HTML ------------------------------------------------------------------------
PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>效能建设工作自查报告_范文网</title>
<style>.x {{ color: red }}</style><script>var 广告 = "不要这段";</script></head>
<body><header><a href="/">首页</a> &gt; <a>总结报告</a></header>
<nav><ul><li>导航一</li><li>导航二</li></ul></nav>
<div class="breadcrumb">当前位置：首页 &gt; 自查报告</div>
<article><header><h1>效能建设工作自查报告</h1></header>
<p>近年来，我局以依法行政和规范办事行为为重点。</p>
<p>一、以强化领导为重点<br>切实明确效能建设认识</p>
<table><tr><td>专利申请</td><td>185件</td></tr></table>
<div class="share-bar">分享到：微信 微博</div></article>
<aside>热门文章 <a>别的报告</a></aside><footer>版权所有 范文网</footer>
<script>document.write("也不要这段")</script></body></html>"""


@pytest.mark.parametrize("charset,encoding", [("utf-8", "utf-8"), ("gbk", "gbk"), (None, "gb18030")])
def test_html_keeps_the_article_and_drops_chrome(charset, encoding):
    page = PAGE.format(charset=charset)
    if charset is None:  # no declaration: the bytes decide
        page = page.replace('<meta charset="None">', "")
    text, info = read_html(page.encode(encoding), "page.html")
    lines = text.split("\n")
    assert [l for l in lines if l.strip()] == ["效能建设工作自查报告", "近年来，我局以依法行政和规范办事行为为重点。",
                                               "一、以强化领导为重点", "切实明确效能建设认识", "专利申请\t185件"]
    assert info["html_title"] == "效能建设工作自查报告_范文网"
    for chrome in ("不要这段", "导航", "首页", "分享到", "热门文章", "版权所有", "color"):
        assert chrome not in text


def test_html_page_wrapped_in_a_form_with_chrome_by_class_and_id():
    page = """<html><body><form id="form1"><div id="topnav"><a>首页</a><a>机构设置</a></div>
    <div class="main-content"><div class="article-header"><h1>效能建设工作自查报告</h1>
    <span>来源：科技局</span></div><div class="TRS_Editor"><p>近年来，我局全面推进机关效能建设。</p></div>
    <div class="share-box">分享到：</div></div><div id="footer">主办单位：某市人民政府</div>
    <input type="text" value="请输入关键词"></form></body></html>"""
    text, _ = read_html(page.encode("utf-8"), "asp.html")
    assert [l for l in text.split("\n") if l.strip()] == ["效能建设工作自查报告", "来源：科技局", "近年来，我局全面推进机关效能建设。"]


def test_html_without_article_uses_the_body(tmp_path):
    path = tmp_path / "plain.htm"
    path.write_text("<html><body><script>x()</script><p>第一段。</p><p>第二段。</p></body></html>", encoding="utf-8")
    report = effanalysis.load(path)
    assert report.text == "第一段。\n第二段。"


# --- docx ------------------------------------------------------------------------
def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("效能建设工作自查报告", level=1)
    document.add_paragraph("近年来，我局全面推进机关效能建设。")
    table = document.add_table(rows=2, cols=2)
    for (r, c), value in {(0, 0): "指标", (0, 1): "数量", (1, 0): "专利申请", (1, 1): "185件"}.items():
        table.cell(r, c).text = value
    document.add_paragraph("一、以强化领导为重点，切实明确效能建设认识")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_tables_in_order():
    text, info = read_docx(_docx_bytes(), "r.docx")
    assert text.split("\n") == ["效能建设工作自查报告", "近年来，我局全面推进机关效能建设。", "指标\t数量", "专利申请\t185件",
                                "一、以强化领导为重点，切实明确效能建设认识"]
    assert info["format"] == "docx"


def test_docx_loads_as_a_report_with_its_outline(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(_docx_bytes())
    report = effanalysis.load(path)
    assert report.title == "效能建设工作自查报告"
    assert report.sections["title"].tolist() == ["以强化领导为重点，切实明确效能建设认识"]


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_bomb(xml_bytes: int) -> bytes:
    """A .docx whose word/document.xml inflates to `xml_bytes` of valid paragraphs
    (about 400:1 compression: 700 MB of XML in under 2 MB)."""
    buf = io.BytesIO()
    chunk = ("<w:p><w:r><w:t>" + "效能建设" * 200 + "</w:t></w:r></w:p>").encode() * 100
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0"?><w:document {W_NS}><w:body>'.encode())
            for _ in range(max(1, xml_bytes // len(chunk))):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    return buf.getvalue()


def test_docx_that_unpacks_past_the_limit_is_refused_before_parsing(monkeypatch):
    monkeypatch.setenv("EFFANALYSIS_MAX_BYTES", "1000000")     # unpacked limit: 4 MB
    bomb = docx_bomb(20_000_000)
    assert len(bomb) < 1_000_000                                  # passes the limit on the file itself
    with pytest.raises(InputError, match=r"unpacks to \d+\.\d MB, more than the 4\.0 MB a \.docx may unpack to"):
        read_docx(bomb, "bomb.docx")


def test_docx_text_is_capped(monkeypatch):
    # 3.4 MB of XML is within the 4 MB unpacked limit, but holds 1.1 M characters (> 1 M)
    monkeypatch.setenv("EFFANALYSIS_MAX_BYTES", "1000000")
    with pytest.raises(InputError, match="holds more than 1,000,000 characters of text"):
        read_docx(docx_bomb(3_500_000), "long.docx")


def test_docx_paragraph_inside_a_table_is_read_once():
    # python-docx put a table cell's paragraphs in the cell's text only; so does the stream reader
    body = (f'<w:document {W_NS}><w:body><w:p><w:r><w:t>前言</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r>'
            '<w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>185</w:t></w:r><w:r><w:t>件</w:t></w:r></w:p>'
            '</w:tc></w:tr></w:tbl><w:p><w:r><w:t>结语</w:t></w:r></w:p></w:body></w:document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", body)
    assert read_docx(buf.getvalue(), "t.docx")[0] == "前言\n指标\t185件\n结语"


def test_truncated_docx_is_an_input_error():
    data = _docx_bytes()
    with pytest.raises(InputError, match="not a readable .docx"):
        read_docx(data[: len(data) // 2], "cut.docx")


# --- PDF ---------------------------------------------------------------------------
PDF_LINES = ["效能建设工作自查报告", "一、以强化领导为重点，切实明确效能建设认识", "全市专利申请185件，占年计划的90%。"]


@pytest.fixture(scope="module")
def text_pdf() -> bytes:
    """A PDF with a real text layer: matplotlib embeds Noto Sans CJK as TrueType (fonttype 42)."""
    import matplotlib

    matplotlib.use("pdf")
    import noto_cjk_sans_otc
    from matplotlib import font_manager, pyplot as plt

    font_manager.fontManager.addfont(str(Path(noto_cjk_sans_otc.__file__).parent / "NotoSansCJK-Regular.ttc"))
    fig = plt.figure(figsize=(8.27, 11.69))
    for i, line in enumerate(PDF_LINES):
        fig.text(0.1, 0.9 - 0.05 * i, line, family="Noto Sans CJK SC", fontsize=12)
    buf = io.BytesIO()
    with matplotlib.rc_context({"pdf.fonttype": 42}):
        fig.savefig(buf, format="pdf")
    plt.close(fig)
    return buf.getvalue()


def test_pdf_text_layer_is_extracted(text_pdf):
    text, info = read_pdf(text_pdf, "r.pdf")
    assert text.split("\n") == PDF_LINES
    assert info["pages"] == 1


def blank_pdf() -> bytes:
    """A page with no text on it, as a scanner without OCR makes."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def pdf_bomb(content_bytes: int, pages: int = 1) -> bytes:
    """A PDF whose pages' deflated content streams each inflate to `content_bytes` of
    text-drawing operators (about 300:1)."""
    unit = b"BT /F1 12 Tf 72 712 Td (efficiency building) Tj ET\n"
    stream = zlib.compress(unit * (content_bytes // len(unit)), 9)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{' '.join(f'{4 + 2 * i} 0 R' for i in range(pages))}] /Count {pages} >>".encode(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i in range(pages):
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                    f"/Contents {5 + 2 * i} 0 R >>".encode())
        objs.append(f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode() + stream + b"\nendstream")
    out, offsets = io.BytesIO(b"%PDF-1.4\n"), []
    out.seek(0, io.SEEK_END)
    for n, obj in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{n} 0 obj\n".encode() + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    out.write(b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets))
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def test_pdf_whose_pages_inflate_past_the_limit_is_refused_before_any_text_is_extracted(monkeypatch):
    """30 KB holding 8 MB of text operators took a minute of text extraction and was accepted;
    the inflated contents are counted first (milliseconds per MB)."""
    from pypdf import PageObject

    def never(*a, **k):
        raise AssertionError("text extracted from a decompression bomb")

    monkeypatch.setattr(PageObject, "extract_text", never)
    bomb = pdf_bomb(8 * 1024 * 1024)
    assert len(bomb) < 100_000
    with pytest.raises(InputError, match=r"has page contents that unpack to more than \d\.\d MB from \d+ bytes "
                                         r"\(a decompression bomb\?\)$"):
        read_pdf(bomb, "bomb.pdf")


def test_a_pdf_within_the_inflate_limit_is_read(monkeypatch):
    """The same kind of file, inflating to less than the limit, is read: the limit refuses a ratio, not a kind."""
    text, info = read_pdf(pdf_bomb(200_000, pages=2), "small.pdf")
    assert info["pages"] == 2 and text.count("efficiency building") > 1000


def test_pdf_without_text_layer():
    with pytest.raises(InputError, match="no text layer — scanned?"):
        read_pdf(blank_pdf(), "scan.pdf")


def encrypt(pdf: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_encrypted_pdf_is_an_input_error(text_pdf):
    with pytest.raises(InputError, match="encrypted PDF"):
        read_pdf(encrypt(text_pdf), "locked.pdf")


def test_pdf_loads_as_a_report(tmp_path, text_pdf):
    path = tmp_path / "report.pdf"
    path.write_bytes(text_pdf)
    report = effanalysis.load(path)
    assert report.title == "效能建设工作自查报告"
    assert report.sections["title"].tolist() == ["以强化领导为重点，切实明确效能建设认识"]
    assert report.meta["format"] == "pdf"


def test_file_without_extension_is_read_as_text(tmp_path):
    path = tmp_path / "报告"
    path.write_bytes("工作总结\n一、主要工作\n全年完成任务。\n".encode("gb18030"))
    report = effanalysis.load(path)
    assert report.text == "工作总结\n一、主要工作\n全年完成任务。"
    assert report.meta["encoding"] == "gb18030"


def test_truncated_pdf_is_an_input_error(text_pdf):
    with pytest.raises(InputError, match="PDF"):
        read_pdf(text_pdf[: len(text_pdf) // 3], "cut.pdf")


# --- corpus files ---------------------------------------------------------------
def test_corpus_jsonl_rows(corpus_path, corpus_rows):
    docs = list(read(corpus_path))
    assert len(docs) == len(corpus_rows) == 72
    assert [d["doc"] for d in docs] == [r["title"] for r in corpus_rows]
    assert [d["text"] for d in docs] == [r["content"] for r in corpus_rows]
    assert docs[0]["meta"]["year"] == corpus_rows[0]["year"]
    assert "content" not in docs[0]["meta"]


def test_corpus_csv_with_named_columns_and_row_numbers(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("编号,正文\nA1,第一份报告。\n,第二份报告，有逗号。\n", encoding="utf-8-sig")
    assert [(d["doc"], d["text"]) for d in read(path, text_column="正文", id_column="编号")] == \
        [("A1", "第一份报告。"), ("row2", "第二份报告，有逗号。")]


@pytest.mark.parametrize("column", ["content", "text", "full_text", "body"])
def test_corpus_text_column_is_found(tmp_path, column):
    path = tmp_path / "c.csv"
    path.write_text(f"title,{column}\n甲,正文一。\n乙,正文二。\n", encoding="gb18030")
    assert [(d["doc"], d["text"]) for d in read(path)] == [("甲", "正文一。"), ("乙", "正文二。")]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "gb18030", "utf-8-sig"])
def test_corpus_jsonl_in_other_encodings(tmp_path, encoding):
    path = tmp_path / "c.jsonl"
    rows = [{"title": "甲", "content": "第一份报告。"}, {"title": "乙", "content": "第二份報告。"}]
    path.write_bytes("\r\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode(encoding))
    assert [(d["doc"], d["text"]) for d in read(path)] == [("甲", "第一份报告。"), ("乙", "第二份報告。")]


def test_corpus_ids_fall_back_to_row_numbers(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps({"body": t}, ensure_ascii=False) for t in ("一。", "二。")), encoding="utf-8")
    assert [d["doc"] for d in read(path)] == ["row1", "row2"]


@pytest.mark.parametrize("suffix,content,problem", [
    (".csv", "title,summary\n甲,乙\n", "no text column"),
    (".csv", "title,content\n", "no documents"),
    (".jsonl", '{"content": "一"}\n', "no text column '正文'"),
])
def test_corpus_problems_are_input_errors(tmp_path, suffix, content, problem):
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    text_column = "正文" if "正文" in problem else None
    with pytest.raises(InputError, match=problem):
        list(read(path, text_column=text_column))


GOOD = [{"id": f"d{i}", "content": f"第{i}份报告：今年完成投资{i}亿元。"} for i in range(1, 6)]


def _jsonl_lines(rows) -> list[bytes]:
    return [json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n" for r in rows]


@pytest.mark.parametrize("bad,problem", [
    (b'{"id": "x", "content": \n', "line 3 is not valid JSON"),
    (b'["content"]\n', "line 3 is not a JSON object"),
    ('{"id": "gbk", "content": "国务院关于报告的决议"}\n'.encode("gbk"), "line 3 is not utf-8 text"),
    (b'{"id": "empty", "content": ""}\n', "line 3 (document 'empty') has no text"),
    ('{"id": "zw", "content": "\u200b\u200c\u2060\ufeff \u3000"}\n'.encode("utf-8"), "has no text"),
])
def test_one_bad_jsonl_line_costs_only_its_row(tmp_path, bad, problem):
    """Today's failures: a malformed line swallowed the next row, GBK bytes on one line
    dropped the rows around it with an offset in a read buffer, an empty row broke the next.
    Now the bad line is one row with its line number; every other row is read as written."""
    lines = _jsonl_lines(GOOD)
    lines.insert(2, bad)
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"".join(lines))
    rows = list(read(path))
    assert [r["row"] for r in rows] == [1, 2, 3, 4, 5, 6] and [r["line"] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[2]["error"].startswith("line 3") and problem in rows[2]["error"] and rows[2]["text"] == ""
    good = [r for r in rows if r["error"] is None]
    assert [(r["doc"], r["text"]) for r in good] == [(g["id"], g["content"]) for g in GOOD]


def test_gbk_line_late_in_a_large_utf8_file_is_one_bad_row(tmp_path):
    # past the 64 kB the encoding is judged by: the stream must not fail as a whole
    rows = [{"id": f"r{i}", "content": "各项工作取得新进展。" * 40} for i in range(120)]
    lines = _jsonl_lines(rows)
    lines[100] = lines[100].decode("utf-8").encode("gbk")
    path = tmp_path / "big.jsonl"
    path.write_bytes(b"".join(lines))
    read_rows = list(read(path))
    assert len(read_rows) == 120 and [r["row"] for r in read_rows if r["error"]] == [101]
    assert "line 101" in read_rows[100]["error"]


def test_csv_record_with_undecodable_bytes_or_extra_fields_is_one_bad_row(tmp_path):
    path = tmp_path / "c.csv"
    body = ("id,content\n" "a,\"第一份报告，\n跨两行。\"\n").encode("utf-8") + "b,第二份\n".encode("gbk") + \
        "c,第三份,多余\nd,第四份报告。\n".encode("utf-8")
    path.write_bytes(body)
    rows = list(read(path))
    assert [(r["doc"], r["line"], r["error"] is None) for r in rows] == \
        [("a", 2, True), ("row2", 4, False), ("row3", 5, False), ("d", 6, True)]
    assert rows[0]["text"] == "第一份报告，\n跨两行。"
    assert "line 4 is not utf-8" in rows[1]["error"] and "line 5 has 3 fields, the header has 2" in rows[2]["error"]


def test_zero_width_only_document_has_no_text(tmp_path):
    path = tmp_path / "zw.txt"
    path.write_text("\u200b\u200d\u2060\ufeff\n\u3164\u00ad", encoding="utf-8")
    with pytest.raises(InputError, match="has no text"):
        list(read(path))


def test_symlink_loop_is_named(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(InputError, match=r"symbolic link loop \(.*a\.txt -> .*b\.txt -> .*a\.txt\)"):
        list(read(a))


# --- files -----------------------------------------------------------------------
def test_size_limit_is_configurable(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("报告。" * 100, encoding="utf-8")
    monkeypatch.setenv("EFFANALYSIS_MAX_BYTES", "100")
    with pytest.raises(InputError, match="too large"):
        list(read(path))
    monkeypatch.setenv("EFFANALYSIS_MAX_BYTES", "100000")
    assert len(list(read(path))) == 1
