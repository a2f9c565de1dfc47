"""Streaming output of claims (or audits) for a document or a whole corpus file.

One document is read, cleaned, measured and written at a time, so memory stays
bounded by the largest document, not by the corpus.
"""
from __future__ import annotations

import csv
import json
import math
from typing import IO, Iterable

from .claims import CLAIM_COLUMNS
from .status import STATUS_COLUMNS, annotated_rows


def _cell(v):
    """CSV/JSON form of a cell: integral floats as ints, NaN and None as empty."""
    if v is None:
        return None
    if isinstance(v, float):
        if math.isnan(v):
            return None
        if v.is_integer() and abs(v) < 2**53:
            return int(v)
    elif hasattr(v, "item"):  # numpy scalars
        return _cell(v.item())
    return v


_NUMBERS = [CLAIM_COLUMNS.index(c) for c in ("value", "multiplier", "norm_value", "low", "high")]


def _claim_cells(row: list) -> list:
    """A claim row ready to write: only its number columns need converting."""
    for i in _NUMBERS:
        v = row[i]
        if v != v:  # NaN
            row[i] = None
        elif isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
            row[i] = int(v)
    return row


def _report_rows(report, audit: bool):
    if not audit:
        return annotated_rows(report)
    from .audit import audit_claims

    found = audit_claims(report.claims, report)
    return [[report.doc, *r] for r in found.itertuples(index=False)]


def write_claims(reports: Iterable, stream: IO[str], fmt: str = "csv", audit: bool = False) -> int:
    """Write one row per claim of every report to `stream`; returns the row count. `reports` is
    consumed one at a time (pass `iter_reports(path)` to stream a corpus file).

    fmt="csv": a header with exactly CLAIM_COLUMNS + STATUS_COLUMNS (with audit=True: doc + the audit columns),
    empty cells for missing values. fmt="json": one JSON array of records (objects keyed by
    column, null for missing values), written record by record as documents are read."""
    if audit:  # the audit works on frames: it alone imports pandas (a third of a second)
        from .audit import AUDIT_COLUMNS

        columns = ["doc", *AUDIT_COLUMNS]
    else:
        columns = CLAIM_COLUMNS + STATUS_COLUMNS
    if fmt not in ("csv", "json"):
        raise ValueError(f"unknown format {fmt!r} (csv or json)")
    writer = csv.writer(stream, lineterminator="\n") if fmt == "csv" else None
    n, started = 0, False
    try:
        for report in reports:
            if not started:  # only once the input has proved readable: bad input leaves stdout empty
                started = True
                if writer:
                    writer.writerow(columns)
                else:
                    stream.write("[")
            rows = _report_rows(report, audit)
            cells = ([_cell(v) for v in row] for row in rows) if audit else map(_claim_cells, rows)
            if writer:  # the csv module writes None as an empty cell
                writer.writerows(cells)
                n += len(rows)
                continue
            for row in cells:
                stream.write(("," if n else "") + "\n" + json.dumps(dict(zip(columns, row)), ensure_ascii=False))
                n += 1
    finally:  # a bad row further on still leaves a well-formed JSON array of the rows before it
        if not writer and started:
            stream.write("\n]\n" if n else "]\n")
    if not writer and not started:
        stream.write("[]\n")  # no document at all: still a JSON array
    return n
