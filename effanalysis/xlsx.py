"""Plain tables as an .xlsx workbook, written directly (zipfile and a few XML strings).

`pandas.DataFrame.to_excel` with openpyxl costs about 0.1 s in a fresh process,
nearly all of it importing openpyxl, for the two small tables of a report page.
This writes the same cells openpyxl writes for pandas (a header row of column
names, then the values: numbers as "%.16g", text as inline strings, missing
values as empty cells, infinities as "inf"/"-inf", no styles). Frames it is not
sure about (other column types, a MultiIndex, text that openpyxl would turn
into a formula or refuse) go through pandas and openpyxl as before.
"""
from __future__ import annotations

import io
import math
import re
import zipfile
from xml.sax.saxutils import escape

import pandas as pd
from pandas.api.types import is_bool_dtype, is_float_dtype, is_integer_dtype, is_object_dtype, is_string_dtype

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")   # openpyxl refuses these
_MAX_TEXT = 32767                                        # Excel's limit (pandas warns and truncates)


def _column(values: pd.Series) -> list | None:
    """The cells of one column as XML fragments without the reference, or None if unsure."""
    dtype = values.dtype
    if is_bool_dtype(dtype):
        return None
    if is_integer_dtype(dtype):   # int64 and the nullable Int64
        return [None if v is pd.NA else f'<v>{"%.16g" % int(v)}</v>' for v in values.astype(object)]
    if is_float_dtype(dtype):
        out = []
        for v in values.astype(object):
            if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
                out.append(None)
            elif math.isinf(v):
                out.append(_text("inf" if v > 0 else "-inf"))
            else:
                out.append(f'<v>{"%.16g" % float(v)}</v>')
        return out
    if is_string_dtype(dtype) or is_object_dtype(dtype):
        out = []
        for v in values.astype(object):
            if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
                out.append(None)
            elif isinstance(v, str) and not v.startswith("=") and not _ILLEGAL.search(v) and len(v) <= _MAX_TEXT:
                out.append(_text(v) if v else None)
            else:
                return None
        return out
    return None


def _text(value: str) -> str:
    space = ' xml:space="preserve"' if value != value.strip() else ""   # as openpyxl does
    return f"<is><t{space}>{escape(value)}</t></is>"


def _ref(col: int) -> str:
    name = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        name = chr(65 + rem) + name
    return name


def _sheet(frame: pd.DataFrame) -> str | None:
    if not all(isinstance(c, str) for c in frame.columns) or isinstance(frame.columns, pd.MultiIndex):
        return None
    columns = []
    for name in frame.columns:
        cells = _column(frame[name])
        if cells is None:
            return None
        columns.append(cells)
    refs = [_ref(i) for i in range(len(frame.columns))]
    rows = ['<row r="1">' + "".join(f'<c r="{r}1" t="inlineStr">{_text(c)}</c>' if c else f'<c r="{r}1"/>'
                                   for r, c in zip(refs, frame.columns)) + "</row>"]
    for i in range(len(frame)):
        n = i + 2
        cells = []
        for ref, col in zip(refs, columns):
            cell = col[i]
            if cell is None:
                cells.append(f'<c r="{ref}{n}"/>')
            elif cell.startswith("<v>"):
                cells.append(f'<c r="{ref}{n}" t="n">{cell}</c>')
            else:
                cells.append(f'<c r="{ref}{n}" t="inlineStr">{cell}</c>')
        rows.append(f'<row r="{n}">' + "".join(cells) + "</row>")
    last = f"{refs[-1]}{len(frame) + 1}" if refs else "A1"
    return (f'<worksheet xmlns="{_NS}"><dimension ref="A1:{last}"/><sheetViews><sheetView workbookViewId="0">'
            f'<selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>'
            f'<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/><sheetData>{"".join(rows)}</sheetData>'
            f'<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>')


_STYLES = (f'<styleSheet xmlns="{_NS}"><numFmts count="0"/><fonts count="1"><font><name val="Calibri"/>'
           '<family val="2"/><sz val="11"/></font></fonts><fills count="2"><fill><patternFill/></fill><fill>'
           '<patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/>'
           '<bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
           'borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" '
           'xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
           '</styleSheet>')


def _package(sheets: dict[str, str]) -> bytes:
    n = len(sheets)
    types = ('<?xml version="1.0" encoding="UTF-8"?>'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             '<Override PartName="/xl/styles.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
             + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                       for i in range(1, n + 1)) + "</Types>")
    rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>')
    book = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_NS}" xmlns:r="{_REL}"><workbookPr/>'
            '<bookViews><workbookView activeTab="0"/></bookViews><sheets>'
            + "".join(f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, name in enumerate(sheets, 1))
            + '</sheets><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')
    book_rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
                 + "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                           for i in range(1, n + 1))
                 + f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.xml", book)
        z.writestr("xl/_rels/workbook.xml.rels", book_rels)
        z.writestr("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8"?>' + _STYLES)
        for i, xml in enumerate(sheets.values(), 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", '<?xml version="1.0" encoding="UTF-8"?>' + xml)
    return buf.getvalue()


def _with_openpyxl(sheets: dict[str, pd.DataFrame]) -> bytes:
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        for name, frame in sheets.items():
            frame.to_excel(xw, sheet_name=name, index=False)
    return buf.getvalue()


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """A workbook with one sheet per frame (no index column); names cut to Excel's 31 characters."""
    sheets = {name[:31]: frame for name, frame in sheets.items()}
    xml = {name: _sheet(frame) for name, frame in sheets.items()}
    if not sheets or any(x is None for x in xml.values()):
        return _with_openpyxl(sheets)
    return _package(xml)

