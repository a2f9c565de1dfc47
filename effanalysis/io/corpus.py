"""Corpus files: one document per row (.jsonl or .csv), streamed."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .decode import decode

TEXT_COLUMNS = ("content", "text", "full_text", "body")
ID_COLUMNS = ("id", "doc_id", "title")


def _pick(columns, wanted: str | None, choices: tuple[str, ...], path: str, what: str) -> str | None:
    if wanted:
        if wanted not in columns:
            raise InputError(path, f"has no {what} column '{wanted}' (columns: {', '.join(map(str, columns))})")
        return wanted
    for c in choices:
        if c in columns:
            return c
    return None


def _lines(path: Path) -> Iterator[str]:
    """The file's lines, decoded in the encoding its first 64 kB show."""
    with open(path, "rb") as fh:
        head = fh.read(65536)
    if len(head) == 65536:  # do not judge by a character cut in half
        head = head[: head.rfind(b"\n") + 1] or head
    _, enc = decode(head, str(path))
    try:
        with open(path, encoding=enc, newline="") as fh:
            yield from fh
    except UnicodeDecodeError as exc:
        raise InputError(path, f"is not {enc} throughout (undecodable bytes in a block at byte {exc.start})") from None


def _rows_jsonl(path: Path) -> Iterator[dict]:
    for lineno, line in enumerate(_lines(path), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"line {lineno} is not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise InputError(path, f"line {lineno} is not a JSON object")
        yield row


def _rows_csv(path: Path) -> Iterator[dict]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        yield from csv.DictReader(_lines(path))
    except csv.Error as exc:
        raise InputError(path, f"is not a readable CSV file ({exc})") from None


def iter_corpus(path: Path, text_column: str | None = None, id_column: str | None = None) -> Iterator[dict]:
    """Yield {doc, text, meta} per row; the text column is found among
    content/text/full_text/body unless given."""
    rows = _rows_jsonl(path) if path.suffix.lower() == ".jsonl" else _rows_csv(path)
    text_col = id_col = None
    n = 0
    for i, row in enumerate(rows):
        if i == 0:
            text_col = _pick(row.keys(), text_column, TEXT_COLUMNS, str(path), "text")
            if text_col is None:
                raise InputError(path, f"has no text column (looked for {', '.join(TEXT_COLUMNS)}; "
                                       f"columns: {', '.join(map(str, row.keys()))}; use --text-column)")
            id_col = _pick(row.keys(), id_column, ID_COLUMNS, str(path), "id")
        text = row.get(text_col)
        text = "" if text is None else str(text)
        doc = str(row.get(id_col) or "").strip() if id_col else ""
        meta = {k: v for k, v in row.items() if k != text_col and v not in (None, "")}
        n += 1
        yield {"doc": doc or f"row{i + 1}", "text": text, "meta": meta, "row": i + 1}
    if n == 0:
        raise InputError(path, "is a corpus file with no documents")
