"""Corpus files: one document per row (.jsonl or .csv), streamed and checked row by row.

A row that cannot be used — a line that is not JSON, bytes that are not in the
file's encoding, a row without text — is yielded with `error` set (naming its
line) instead of stopping the file, so one bad row costs only itself. Problems of
the whole file (no text column, no rows, an encoding that fails everywhere) are
an InputError.
"""
from __future__ import annotations

import codecs
import csv
import json
import sys
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from .decode import decode, has_text

TEXT_COLUMNS = ("content", "text", "full_text", "body")
ID_COLUMNS = ("id", "doc_id", "title")
_HEAD = 65536
# Encodings whose line feed is the byte 0x0A and never part of another character:
# such a file is split into lines before decoding, so a bad line stays one line.
_BYTE_LINES = ("utf-8", "utf-8-sig", "gb18030", "big5")


def _pick(columns, wanted: str | None, choices: tuple[str, ...], path: str, what: str) -> str | None:
    if wanted:
        if wanted not in columns:
            raise InputError(path, f"has no {what} column '{wanted}' (columns: {', '.join(map(str, columns))})")
        return wanted
    for c in choices:
        if c in columns:
            return c
    return None


def _encoding(head: bytes, path: Path) -> str:
    """The file's encoding, from its first 64 kB. A file whose lines are mostly UTF-8
    is UTF-8 even when one line is not (that line is then a bad row, not the file)."""
    if not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and b"\x00" not in head:
        lines = [ln for ln in head.split(b"\n")[:-1] or [head] if max(ln, default=0) > 0x7F]
        utf8 = 0
        for ln in lines:
            try:
                ln.decode("utf-8")
                utf8 += 1
            except UnicodeDecodeError:
                pass
        if utf8 * 2 >= len(lines):
            return "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"
    return decode(head, str(path))[1]


def _lines(path: Path) -> Iterator[tuple[int, str | None, str | None]]:
    """(line number, text, problem) per line: text None and a problem when the
    line's bytes are not in the file's encoding."""
    with open(path, "rb") as fh:
        head = fh.read(_HEAD)
    if len(head) == _HEAD:  # do not judge by a character cut in half
        head = head[: head.rfind(b"\n") + 1] or head
    enc = _encoding(head, path)
    if enc not in _BYTE_LINES:   # UTF-16/32: decoded as a stream
        try:
            with open(path, encoding=enc, newline="") as fh:
                for n, line in enumerate(fh, 1):
                    yield n, line, None
        except UnicodeDecodeError as exc:
            raise InputError(path, f"is not {enc} throughout (undecodable bytes near byte {exc.start})") from None
        return
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            if n == 1 and enc == "utf-8-sig" and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            try:
                yield n, raw.decode(enc.replace("-sig", "")), None
            except UnicodeDecodeError as exc:
                yield n, None, f"line {n} is not {enc.replace('-sig', '')} text (undecodable byte 0x{raw[exc.start]:02x} " \
                               f"at byte {exc.start + 1} of the line)"


def _records_jsonl(path: Path) -> Iterator[tuple[int, dict | None, str | None]]:
    """(line, row, problem) per non-blank line."""
    for n, line, problem in _lines(path):
        if problem:
            yield n, None, problem
        elif line.strip():
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield n, None, f"line {n} is not valid JSON ({exc.msg})"
                continue
            if isinstance(row, dict):
                yield n, row, None
            else:
                yield n, None, f"line {n} is not a JSON object"


def _records_csv(path: Path) -> Iterator[tuple[int, dict | None, str | None]]:
    """(first line, row, problem) per record after the header; a record may span lines."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    bad: dict[int, str] = {}

    def feed():
        for n, line, problem in _lines(path):
            if problem:   # keep the reader in step; the record holding this line is bad
                bad[n] = problem
                line = ""
            yield line

    reader = csv.reader(feed())
    header: list[str] | None = None
    first = 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if header is None:
                raise InputError(path, f"is not a readable CSV file ({exc})") from None
            yield first, None, f"line {reader.line_num} is not a readable CSV record ({exc})"
            first = reader.line_num + 1
            continue
        start, first = first, reader.line_num + 1
        problems = [bad.pop(n) for n in sorted(bad) if start <= n <= reader.line_num]
        if header is None:
            if problems:
                raise InputError(path, f"has an unreadable header ({problems[0]})")
            header = values
            continue
        if problems:
            yield start, None, problems[0]
        elif not values:
            continue   # a blank line
        elif len(values) > len(header):
            yield start, None, f"line {start} has {len(values)} fields, the header has {len(header)}"
        else:
            yield start, dict(zip(header, values + [None] * (len(header) - len(values)))), None


def iter_corpus(path: Path, text_column: str | None = None, id_column: str | None = None) -> Iterator[dict]:
    """Yield {doc, text, meta, row, line, error} per row. `row` is the 1-based position
    among the file's records (bad ones included, so positions do not shift when a row
    goes bad); `line` is where the record starts. A bad row has `error` set and no
    text. The text column is found among content/text/full_text/body unless given."""
    records = _records_jsonl(path) if path.suffix.lower() == ".jsonl" else _records_csv(path)
    text_col = id_col = None
    n = 0
    for position, (line, row, problem) in enumerate(records, 1):
        n += 1
        if row is not None and text_col is None:
            text_col = _pick(row.keys(), text_column, TEXT_COLUMNS, str(path), "text")
            if text_col is None:
                raise InputError(path, f"has no text column (looked for {', '.join(TEXT_COLUMNS)}; "
                                       f"columns: {', '.join(map(str, row.keys()))}; use --text-column)")
            id_col = _pick(row.keys(), id_column, ID_COLUMNS, str(path), "id")
        doc, meta, text = f"row{position}", {}, ""
        if row is not None:
            text = row.get(text_col)
            text = "" if text is None else str(text)
            doc = str(row.get(id_col) or "").strip() if id_col else ""
            doc = doc or f"row{position}"
            meta = {k: v for k, v in row.items() if k != text_col and v not in (None, "")}
            if not has_text(text):
                problem = f"line {line} (document {doc!r}) has no text"
        yield {"doc": doc, "text": "" if problem else text, "meta": meta, "row": position, "line": line,
               "error": problem}
    if n == 0:
        raise InputError(path, "is a corpus file with no documents")
