"""Readers for single documents: .txt, .html/.htm, .docx, .pdf.

Each returns (raw text, info dict). The raw text is what cleaning starts from
and what offsets map back to.
"""
from __future__ import annotations

import io
import re
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .decode import decode


def read_txt(data: bytes, path: str) -> tuple[str, dict]:
    text, enc = decode(data, path)
    return text, {"format": "txt", "encoding": enc}


def read_html(data: bytes, path: str) -> tuple[str, dict]:
    """The article of a saved web page: trafilatura's main content (headings and
    paragraphs one a line, table rows as tab-separated cells), else the tag rules
    below (every visible text but navigation, headers, footers, share bars), with
    a warning. The plain-text furniture classifier runs on the result either way."""
    text, enc = _decode_html(data, path)
    info = {"format": "html", "encoding": enc, "html_title": _html_title(text), "html_chars": len(text)}
    body = _article(text)
    if body.strip():
        info["extraction"] = "main content (trafilatura)"
    else:   # never an empty report: the tag rules, else every text of the page
        body = _visible_text(text)
        info["extraction"] = "all visible text but chrome tags (tag rules)"
        if not body.strip():
            body = _visible_text(text, chrome_tags=False)
            info["extraction"] = "all visible text"
        info["extraction_warning"] = "main content not found: all visible text kept"
    return body, info


_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_BLOCK_TAG = re.compile(r"<(?:/?(?:p|div|li|tr|td|th|h[1-6]|table|ul|ol|section|article|header|footer)\b|br)[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>|<!--.*?-->", re.S)
_SCRIPTS = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)


def _article(html: str) -> str:
    """trafilatura's main content with the headline and info line it dropped, or ""."""
    body = _main_content(html)
    return _with_info_line(_with_headline(body, html), html) if body.strip() else ""


def _rough_lines(html: str) -> Iterator[str]:
    """The page's visible text a block a line, by regular expressions: enough to find
    a line the extractor dropped, no parse."""
    import html as html_lib

    visible = _ANY_TAG.sub("", _BLOCK_TAG.sub("\n", _SCRIPTS.sub("", html)))
    for line in html_lib.unescape(visible).split("\n"):
        line = re.sub(r"[ \t\u3000\xa0]+", " ", line).strip()
        if line:
            yield line


HEADLINE_LOOKBACK = 4     # lines before the article's first paragraph where its headline may stand
_KEY = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]")


def _with_headline(body: str, html: str) -> str:
    """trafilatura drops a headline that stands outside the article's container or
    is no heading tag (<center><font><b>…</b>): find the line right before the first
    paragraph on the page (past the info line and furniture) and, if it reads as a
    headline and the body lacks it, put it back before that paragraph."""
    from ..clean.furniture import is_furniture_line, is_headline_line, is_info_line, is_prose_line

    lines = body.split("\n")
    first = next((k for k, line in enumerate(lines) if is_prose_line(line)), None)
    if first is None:
        return body
    target = "".join(_KEY.findall(lines[first]))[:30]
    visible = list(_rough_lines(html))
    at = next((k for k, line in enumerate(visible) if "".join(_KEY.findall(line)).startswith(target)), None)
    if at is None:
        return body
    for line in reversed(visible[max(0, at - HEADLINE_LOOKBACK):at]):
        if is_info_line(line) or is_furniture_line(line):
            continue
        key = "".join(_KEY.findall(line))
        if is_headline_line(line) and key not in "".join(_KEY.findall("".join(lines[:first]))):
            return "\n".join(lines[:first] + [line] + lines[first:])
        break
    return body


def _with_info_line(body: str, html: str) -> str:
    """Main-content extractors drop the article's info line (发布时间：… 来源：…),
    which the head step reads: put the page's first one back after the title."""
    from ..clean.furniture import is_info_line

    head = body.split("\n", 10)[:10]
    if any(is_info_line(line.strip()) for line in head):
        return body
    for line in _rough_lines(html):
        if is_info_line(line) and re.search(r"\d{4}", line):
            title, _, rest = body.partition("\n")
            return f"{title}\n{line}\n{rest}"
    return body


def _html_title(html: str) -> str:
    import html as html_lib

    m = _TITLE.search(html[:20000])
    return re.sub(r"\s+", " ", html_lib.unescape(m.group(1))).strip() if m else ""


def _main_content(html: str) -> str:
    """trafilatura's main content as lines, or "" when it finds none."""
    import trafilatura
    from lxml import etree

    try:
        xml = trafilatura.extract(html, output_format="xml", include_tables=True, include_comments=False,
                                  include_images=False, with_metadata=False, favor_recall=True, deduplicate=False,
                                  config=_trafilatura_config())
    except Exception:   # a page trafilatura cannot parse falls back to the tag rules
        return ""
    if not xml:
        return ""
    main = etree.fromstring(xml.encode("utf-8")).find("main")
    lines: list[str] = []
    if main is not None:
        _xml_lines(main, lines)
    return "\n".join(line for line in lines if line.strip())


@lru_cache(maxsize=1)
def _trafilatura_config():
    """trafilatura's defaults, but a short article (a county notice, a test page) is
    still an article: below 250 characters trafilatura would swap its result for a
    whole-page baseline."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    return config


_XML_BLOCKS = ("p", "head", "item", "quote", "list", "table", "row", "cell", "div")


def _inline_text(el) -> str:
    """Text of an element without its block children; <lb/> is a line break."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag not in _XML_BLOCKS:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts).strip()


def _xml_lines(el, lines: list[str], inline_done: bool = False) -> None:
    """Lines of trafilatura's XML: one per paragraph, heading or list item; table rows
    as cells joined by tabs; text loose in a container on a line of its own."""
    if not inline_done and el.text and el.text.strip():
        lines.append(el.text.strip())
    for child in el:
        if child.tag == "table":
            for row in child.iter("row"):
                cells = row.findall("cell")
                if any(len(c) and any(g.tag in _XML_BLOCKS for g in c) for c in cells):
                    for c in cells:       # a layout table: its cells hold paragraphs
                        lines.append(_inline_text(c))
                        _xml_lines(c, lines, True)
                else:
                    lines.append("\t".join(" ".join(c.itertext()).strip() for c in cells))
        elif child.tag in _XML_BLOCKS:
            lines.append(_inline_text(child))
            _xml_lines(child, lines, True)
        if child.tail and child.tail.strip() and el.tag not in ("p", "head", "item", "cell"):
            lines.append(child.tail.strip())


# The tag rules. Not <form>: ASP.NET pages wrap the whole body in one.
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head")
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "nav", "aside", "button", "select",
              "input", "textarea", "head")
# Page-level header/footer are chrome; inside the article they hold its title or notes.
_PAGE_TAGS = ("header", "footer")
_BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
               "blockquote", "pre", "table", "dd", "dt")
_CHROME_CLASS = re.compile(r"nav|menu|breadcrumb|share|footer|header|sidebar|related|comment|advert|toolbar", re.I)


def _visible_text(text: str, chrome_tags: bool = True) -> str:
    """Every visible text of the page but the tags that are chrome by their name,
    class or id (nav, header, footer, share bars …; all of it with `chrome_tags`
    False), blocks on lines of their own."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "lxml")
    for tag in soup(_DROP_TAGS if chrome_tags else _INVISIBLE_TAGS):
        tag.decompose()
    for tag in soup(_PAGE_TAGS if chrome_tags else ()):
        if not tag.find_parent(("article", "main")):
            tag.decompose()
    chrome = soup.find_all(attrs={"class": _CHROME_CLASS}) + soup.find_all(attrs={"id": _CHROME_CLASS})
    for tag in chrome if chrome_tags else ():
        # Keep what holds the article or its title (class="article-header").
        if not tag.decomposed and tag.name not in ("body", "html", "article", "main") \
                and not tag.find(("h1", "article", "main")):
            tag.decompose()
    body = soup.find("article") or soup.find("main") or soup.body or soup
    for br in body.find_all("br"):
        br.replace_with("\n")
    for cell in body.find_all(("td", "th")):
        if cell.find_next_sibling(("td", "th")):
            cell.insert_after("\t")
    for tag in body.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    out = body.get_text("")
    return re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v\n]*", "\n\n", out).strip()


def _decode_html(data: bytes, path: str) -> tuple[str, str]:
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
    if m:
        enc = m.group(1).decode("ascii").lower()
        enc = {"gb2312": "gb18030", "gbk": "gb18030"}.get(enc, enc)
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            pass
    return decode(data, path)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCX_BODY = "word/document.xml"


def _zip_members(data: bytes, path: str, kind: str) -> zipfile.ZipFile:
    """The archive of a zip-based document, once its directory shows that what it
    unpacks to stays within the limit (a zip bomb is refused before anything is
    inflated). The sizes in the directory are binding: zipfile stops at them."""
    from .limits import max_unpacked, size

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise InputError(path, f"is not a readable {kind} (damaged or truncated: {exc.__class__.__name__})") from None
    total, limit = sum(m.file_size for m in members), max_unpacked()
    if total > limit:
        raise InputError(path, f"unpacks to {size(total)}, more than the {size(limit)} a {kind} may unpack to "
                               "(a zip bomb? set EFFANALYSIS_MAX_BYTES to change the limit)")
    return archive


def _docx_lines(stream) -> Iterator[str]:
    """The body's paragraphs and table rows (cells joined by tabs), in document order,
    parsed as a stream: each top-level element is dropped once read."""
    from lxml import etree

    p, tbl, tr, tc, t = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "t"
    body = _W + "body"
    for _, el in etree.iterparse(stream, events=("end",), tag=(p, tbl), resolve_entities=False, no_network=True,
                                 huge_tree=False, load_dtd=False):
        parent = el.getparent()
        if parent is None or parent.tag != body:
            continue
        if el.tag == p:
            yield "".join(x.text or "" for x in el.iter(t))
        else:
            for row in el.iter(tr):
                yield "\t".join("".join(x.text or "" for x in cell.iter(t)).strip() for cell in row.iter(tc))
        el.clear()
        while el.getprevious() is not None:   # siblings already read
            del parent[0]


def read_docx(data: bytes, path: str) -> tuple[str, dict]:
    """Paragraphs and tables of word/document.xml, read straight from the archive
    (python-docx would load every part, images included, into memory first)."""
    from lxml import etree

    from .limits import max_text_chars, size

    archive = _zip_members(data, path, ".docx")
    if _DOCX_BODY not in archive.namelist():
        raise InputError(path, "is not a readable .docx (damaged or truncated: no word/document.xml)")
    lines: list[str] = []
    chars, cap = 0, max_text_chars()
    try:
        with archive.open(_DOCX_BODY) as stream:
            for line in _docx_lines(stream):
                chars += len(line) + 1
                if chars > cap:
                    raise InputError(path, f"holds more than {cap:,} characters of text, the limit "
                                           "(set EFFANALYSIS_MAX_BYTES to change it)")
                lines.append(line)
    except (zipfile.BadZipFile, etree.XMLSyntaxError, EOFError, OSError, ValueError) as exc:
        raise InputError(path, f"is not a readable .docx (damaged or truncated: {exc.__class__.__name__})") from None
    return "\n".join(lines), {"format": "docx", "encoding": "utf-8"}


def read_pdf(data: bytes, path: str) -> tuple[str, dict]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise InputError(path, "is an encrypted PDF (needs a password)")
        pages = _pdf_pages(reader, path, len(data))
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise InputError(path, f"is not a readable PDF ({exc})") from None
    except Exception as exc:
        if "crypt" in str(exc).lower() or "AES" in str(exc):
            raise InputError(path, "is an encrypted PDF (needs a password)") from None
        raise InputError(path, f"is not a readable PDF ({exc.__class__.__name__}: {exc})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise InputError(path, "is a PDF with no text layer — scanned?")
    return text, {"format": "pdf", "encoding": "utf-8", "pages": len(pages)}


def _pdf_pages(reader, path: str, packed: int) -> list[str]:
    """Page texts, stopping at the text limit. Every page's content is inflated (fast) and
    counted before any text is extracted (slow: seconds per MB), so a decompression bomb is
    refused within seconds."""
    from .limits import max_inflated, max_text_chars, max_unpacked, size

    inflated, limit = 0, max_inflated(packed)
    for page in reader.pages:
        contents = page.get_contents()
        inflated += len(contents.get_data()) if contents is not None else 0
        if inflated > limit:
            knob = "" if limit < max_unpacked() else "; set EFFANALYSIS_MAX_BYTES to change the limit"
            raise InputError(path, f"has page contents that unpack to more than {size(limit)} from {size(packed)} "
                                   f"(a decompression bomb?{knob})")
    pages, chars, cap = [], 0, max_text_chars()
    for page in reader.pages:
        pages.append(page.extract_text() or "")
        chars += len(pages[-1]) + 1
        if chars > cap:
            raise InputError(path, f"holds more than {cap:,} characters of text, the limit "
                                   "(set EFFANALYSIS_MAX_BYTES to change it)")
    return pages


READERS = {
    ".txt": read_txt, ".text": read_txt, ".md": read_txt, "": read_txt,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".docx": read_docx,
    ".pdf": read_pdf,
}


def reader_for(path: Path):
    return READERS.get(path.suffix.lower())
