"""6. Downloads: the tables and the cleaned text embedded in the page (CSV, .xlsx, .txt)."""
from __future__ import annotations

import base64
import datetime
import io

import pandas as pd

from .. import i18n, measures
from ..escape import esc
from ..handover import section
from ..i18n import _, ngettext
from .blocks import Section, lede

def data_link(data: bytes, mime: str, filename: str, label: str) -> str:
    b64 = base64.b64encode(data).decode("ascii")
    return f'<a href="data:{mime};base64,{b64}" download="{esc(filename)}">{esc(label)}</a>'


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(value):
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table as CSV for a spreadsheet: UTF-8 with a BOM (Excel then reads the Chinese
    right), and report text that a spreadsheet would take for a formula (a text cell
    starting with = + - @, a tab or a CR) prefixed with an apostrophe, as OWASP advises
    against CSV injection; Excel shows such a cell as text. Numbers stay numbers.
    (`effanalysis metrics` writes its CSV for programs, unchanged.)"""
    text = frame.select_dtypes(include=["object", "string"]).columns
    safe = frame.assign(**{c: frame[c].map(_inert) for c in text}) if len(text) else frame
    return safe.to_csv(index=False).encode("utf-8-sig")


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Report text is data: never let a cell starting with "=" or "http" become a formula or a link.
# in_memory: no temporary file per sheet (0.01 s of the seed's downloads, none left by a killed kernel).
_XLSX_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
                 "in_memory": True}
_XLSX_CREATED = datetime.datetime(2000, 1, 1)   # a fixed date: the same tables give the same bytes


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """The tables as one .xlsx workbook, one sheet each. XlsxWriter rather than openpyxl:
    it imports in about 0.03 s against 0.1 s, which every rendered page pays."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs={"options": _XLSX_OPTIONS}) as xw:
        for name, frame in sheets.items():
            frame.to_excel(xw, sheet_name=name[:31], index=False)
        xw.book.set_properties({"created": _XLSX_CREATED})
    return buf.getvalue()


@section
def downloads(report) -> Section:
    tables = {"claims": report.claims, "audit": report.audit}
    # The file and sheet names in the page's language (量化表述.csv); the columns keep their names.
    names = {"claims": _("claims"), "audit": _("audit")}
    links = [data_link(csv_bytes(v), "text/csv", f"{report.slug}-{names[k]}.csv",
                       ngettext("{name}.csv ({n} row)", "{name}.csv ({n} rows)", len(v)).format(
                           name=names[k], n=i18n.num(len(v))))
             for k, v in tables.items()]
    links.append(data_link(xlsx_bytes({names[k]: v for k, v in tables.items()}), XLSX, f"{report.slug}.xlsx",
                           _("all tables as .xlsx")))
    links.append(data_link(report.text.encode("utf-8"), "text/plain", f"{report.slug}.txt", _("cleaned text (.txt)")))
    first = _("Everything below is embedded in this page: the downloads work offline, from the HTML file alone.")
    return Section("downloads", lede(first) + '<p class="downloads">' + "".join(links) + "</p>"
                   + measures.method_note("downloads"),
                   {"downloads": [*tables, "text"],
                    "rows": {k: len(v) for k, v in tables.items()}})
