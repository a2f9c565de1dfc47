"""The building blocks the sections share: escaped tables."""
from __future__ import annotations

import pandas as pd
import pytest

from effanalysis.workbook.blocks import table

pytestmark = pytest.mark.usefixtures("english")   # the sentences in English (both languages: test_i18n.py)


def test_table_escapes_every_cell_and_link():
    frame = pd.DataFrame({"a": ['<script>alert(1)</script>', None], "b": [1e4, 0.5]})
    out = table(frame, links={"a": lambda r: '#x" onclick="alert(2)'})
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert 'href="#x&quot; onclick=&quot;alert(2)"' in out
    assert '<td class="num">10,000</td>' in out and '<td class="none">—</td>' in out
