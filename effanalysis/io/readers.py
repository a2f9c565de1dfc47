"""Readers for single documents: .txt, .html/.htm, .docx, .pdf.

Each returns (raw text, info dict). The raw text is what cleaning starts from
and what offsets map back to.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..errors import InputError
from .decode import decode


def read_txt(data: bytes, path: str) -> tuple[str, dict]:
    text, enc = decode(data, path)
    return text, {"format": "txt", "encoding": enc}


# Not <form>: ASP.NET pages wrap the whole body in one.
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "nav", "aside", "button", "select",
              "input", "textarea", "head")
# Page-level header/footer are chrome; inside the article they hold its title or notes.
_PAGE_TAGS = ("header", "footer")
_BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
               "blockquote", "pre", "table", "dd", "dt")
_CHROME_CLASS = re.compile(r"nav|menu|breadcrumb|share|footer|header|sidebar|related|comment|advert|toolbar", re.I)


def read_html(data: bytes, path: str) -> tuple[str, dict]:
    from bs4 import BeautifulSoup

    text, enc = _decode_html(data, path)
    soup = BeautifulSoup(text, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    for tag in soup(_PAGE_TAGS):
        if not tag.find_parent(("article", "main")):
            tag.decompose()
    chrome = soup.find_all(attrs={"class": _CHROME_CLASS}) + soup.find_all(attrs={"id": _CHROME_CLASS})
    for tag in chrome:
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
    out = re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v\n]*", "\n\n", out).strip()
    return out, {"format": "html", "encoding": enc, "html_title": title}


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


def read_docx(data: bytes, path: str) -> tuple[str, dict]:
    try:
        import docx
        from docx.oxml.ns import qn

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(path, f"is not a readable .docx (damaged or truncated: {exc.__class__.__name__})") from None
    except Exception as exc:  # python-docx raises assorted errors on broken packages
        raise InputError(path, f"is not a readable .docx ({exc.__class__.__name__}: {exc})") from None
    lines: list[str] = []
    # Body paragraphs and tables in document order.
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                cells = ["".join(t.text or "" for t in cell.iter(qn("w:t"))) for cell in row.iter(qn("w:tc"))]
                lines.append("\t".join(c.strip() for c in cells))
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
        pages = [page.extract_text() or "" for page in reader.pages]
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


READERS = {
    ".txt": read_txt, ".text": read_txt, ".md": read_txt, "": read_txt,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".docx": read_docx,
    ".pdf": read_pdf,
}


def reader_for(path: Path):
    return READERS.get(path.suffix.lower())
