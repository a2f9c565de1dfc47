"""The downloads' workbook, written without openpyxl, reads back cell for cell like
the one pandas writes with openpyxl; frames it is unsure of still go through openpyxl."""
from __future__ import annotations

import io

import numpy as np
import openpyxl
import pandas as pd
import pytest

from effanalysis import xlsx


def _cells(data: bytes) -> dict:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {s.title: [[c.value for c in row] for row in s.iter_rows()] for s in book.worksheets}


def _assert_same(sheets: dict):
    ours, theirs = xlsx.xlsx_bytes(sheets), xlsx._with_openpyxl({k[:31]: v for k, v in sheets.items()})
    assert _cells(ours) == _cells(theirs)
    a, b = pd.read_excel(io.BytesIO(ours), sheet_name=None), pd.read_excel(io.BytesIO(theirs), sheet_name=None)
    assert a.keys() == b.keys()
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name])


def test_report_tables_read_back_like_openpyxl(seed_report):
    sheets = {"claims": seed_report.claims, "audit": seed_report.audit}
    assert all(xlsx._sheet(f) is not None for f in sheets.values())   # the direct writer, not the fallback
    _assert_same(sheets)


def test_awkward_values_read_back_like_openpyxl():
    frame = pd.DataFrame({"text": [" lead", "a<b&c>\"'", None, "", "trail ", "中文"],
                          "float": [1.5, np.inf, -np.inf, np.nan, 1e20, 0.1 + 0.2],
                          "Int64": pd.array([1, None, 3, 4, 12345678901234567, -2], dtype="Int64"),
                          "int": [1, 2, 3, 4, 5, 6]})
    _assert_same({"a sheet name longer than thirty-one characters": frame, "empty": frame.iloc[:0]})


@pytest.mark.parametrize("frame", [pd.DataFrame({"x": ["=1+1"]}), pd.DataFrame({"x": [[1, 2]]}),
                                   pd.DataFrame({"x": [True, False]}), pd.DataFrame({"x": ["bell\x07"]}),
                                   pd.DataFrame({1: ["a"]})])
def test_frames_it_is_unsure_of_go_through_openpyxl(frame):
    assert xlsx._sheet(frame) is None
