"""Tables as plain columns until someone wants a DataFrame.

A profile holds eight small tables per report; building them as DataFrames
costs about as much as the whole analysis, so the parts return dicts of
columns and Profile turns each into a DataFrame on first access (`Frame`).
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

Columns = dict  # column name → list or array, all of one length, in table order


def from_rows(rows: list[tuple], names: list[str]) -> Columns:
    return {n: [r[i] for r in rows] for i, n in enumerate(names)}


def records(table: Columns | pd.DataFrame) -> list[dict]:
    """JSON-ready records: numpy scalars to Python, missing values to None."""
    if isinstance(table, pd.DataFrame):
        table = {c: table[c].tolist() for c in table.columns}
    names = list(table)
    return [{n: _plain(v) for n, v in zip(names, row)} for row in zip(*table.values())]


def _plain(v):
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    return v.item() if isinstance(v, np.generic) else v


class Frame:
    """A dataclass field that stores columns and reads back as a DataFrame, built once."""

    def __set_name__(self, owner, name: str):
        self.key = "_" + name

    def __get__(self, obj, owner=None) -> pd.DataFrame:
        if obj is None:
            raise AttributeError  # no default value for the dataclass field
        value = obj.__dict__[self.key]
        if not isinstance(value, pd.DataFrame):
            value = obj.__dict__[self.key] = pd.DataFrame(value)
        return value

    def __set__(self, obj, value: Columns | pd.DataFrame) -> None:
        obj.__dict__[self.key] = value

    def columns(self, obj) -> Columns | pd.DataFrame:
        return obj.__dict__[self.key]
