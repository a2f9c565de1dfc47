"""The downloads: the workbook reads back as it was, report text stays text, the same
tables give the same bytes (pages are reproducible); the CSV keeps spreadsheets from
taking report text for formulas."""
from __future__ import annotations

import io
import time

import numpy as np
import openpyxl
import pandas as pd

from effanalysis.workbook.downloads import csv_bytes, xlsx_bytes


def _read(data: bytes) -> dict[str, pd.DataFrame]:
    return pd.read_excel(io.BytesIO(data), sheet_name=None)


def test_report_tables_read_back(seed_report):
    claims, audit = seed_report.claims, seed_report.audit
    back = _read(xlsx_bytes({"claims": claims, "audit": audit}))
    assert list(back) == ["claims", "audit"]
    assert list(back["claims"].columns) == list(claims.columns) and len(back["claims"]) == len(claims)
    assert back["claims"]["surface"].tolist() == claims["surface"].tolist()
    assert np.allclose(back["claims"]["norm_value"].astype(float), claims["norm_value"].astype(float), equal_nan=True)
    assert back["audit"]["message"].tolist() == audit["message"].tolist()


def test_text_that_looks_like_a_formula_or_link_stays_text():
    hostile = ["=HYPERLINK(\"http://example.invalid\",\"x\")", "=1+1", "http://example.invalid", "123", "中文"]
    data = xlsx_bytes({"t": pd.DataFrame({"text": hostile})})
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == hostile
    assert all(c.data_type == "s" and c.hyperlink is None for c in cells)


def test_awkward_values_and_long_sheet_names():
    frame = pd.DataFrame({"text": [" lead", "a<b&c>\"'", None, "trail "],
                          "float": [1.5, np.inf, np.nan, 0.1 + 0.2],
                          "Int64": pd.array([1, None, 3, 9_007_199_254_740_991], dtype="Int64")})
    back = _read(xlsx_bytes({"a sheet name longer than thirty-one characters": frame, "empty": frame.iloc[:0]}))
    name = "a sheet name longer than thirty-one characters"[:31]
    assert list(back) == [name, "empty"] and back["empty"].empty
    got = back[name]
    assert got["text"].tolist()[:2] == [" lead", "a<b&c>\"'"] and pd.isna(got["text"][2])
    assert got["float"][0] == 1.5 and got["float"][1] == np.inf and pd.isna(got["float"][2])
    assert got["Int64"][3] == 9_007_199_254_740_991   # Excel numbers are doubles: exact up to 2**53


def test_same_tables_same_bytes():
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "中文"]})
    first = xlsx_bytes({"s": frame})
    time.sleep(1.1)   # zip entries and document properties carry times to the second
    assert xlsx_bytes({"s": frame}) == first


def test_csv_text_a_spreadsheet_would_run_is_prefixed_and_numbers_stay_numbers():
    hostile = ['=HYPERLINK("http://example.invalid","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "比上年增长-3%", None]
    frame = pd.DataFrame({"sentence": hostile, "value": [-3.0, 1.0, -2.0, 0.5, 1e8, np.nan, 2.0]})
    data = csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")          # a BOM: Excel reads the UTF-8 right
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back["sentence"].fillna("").tolist() == ["'" + h for h in hostile[:5]] + ["比上年增长-3%", ""]
    assert back["value"].tolist()[:5] == [-3.0, 1.0, -2.0, 0.5, 1e8]
    assert frame["sentence"].tolist()[0] == hostile[0], "the table itself is left as it was"


def test_seed_claims_csv_reads_back(seed_report):
    back = pd.read_csv(io.BytesIO(csv_bytes(seed_report.claims)), encoding="utf-8-sig")
    assert back["surface"].tolist() == seed_report.claims["surface"].tolist()
    assert np.allclose(back["norm_value"], seed_report.claims["norm_value"].astype(float), equal_nan=True)
