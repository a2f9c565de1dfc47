"""Step 1 of a batch: the documents of the input files, one per corpus row.

A row is addressed by its position in its file (`row`); its id names and labels
it but never picks it, since ids repeat (two rows `dup`) or look like row
numbers (a row with id `1`). A row that cannot be read is a Document with
`error` set, and costs only itself.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..errors import InputError, quote


@dataclass
class Document:
    source: str                 # absolute path of the input file
    given: str                  # the path as the user gave it
    doc: str                    # document id in that file (display and page name only)
    row: int | None             # 1-based row in a corpus file; None for a one-document file
    line: int | None = None     # line where the row starts
    text: str = ""              # raw text as read
    meta: dict = field(default_factory=dict)
    name: str = ""              # page name (DIR/<name>.html): the Report's slug
    error: str | None = None    # could not be read

    @property
    def text_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def row_dict(self) -> dict:
        return {**self.meta, "id": self.doc, "content": self.text}


def _absolute(f: str | Path) -> Path:
    path = Path(f).expanduser()
    try:
        return path.resolve()
    except (OSError, RuntimeError):   # a symbolic link loop: io.check_file names it
        return path.absolute()


def collect(files: Iterable[str | Path], text_column: str | None = None,
            id_column: str | None = None) -> list[Document]:
    """The documents of the input files, in order, named. An unreadable file or row
    is a Document with `error` set."""
    from .. import io as _io

    out: list[Document] = []
    for f in files:
        path = _absolute(f)
        source = str(path)
        try:
            for raw in _io.read(path, text_column, id_column):
                error = str(InputError(source, raw["error"])) if raw["error"] else None
                out.append(Document(source, str(f), raw["doc"], raw["row"], raw["line"], raw["text"],
                                    _jsonable(raw["meta"]), error=error))
        except InputError as exc:
            out.append(Document(source, str(f), path.name, None, error=str(exc)))
    _name(out)
    return out


def _same_id(docs: list[Document]) -> dict[tuple[str, str], list[Document]]:
    rows: dict[tuple[str, str], list[Document]] = defaultdict(list)
    for d in docs:
        rows[(d.source, d.doc)].append(d)
    return rows


def _name(docs: list[Document]) -> None:
    """Give every document its page name; a repeated id keeps the plain name on its
    first row and gets `-row<N>` on the others (the corpus page links them the same way)."""
    from ..report import slug

    for (source, doc), same in _same_id(docs).items():
        base = slug(doc, source)
        for i, d in enumerate(same):
            d.name = base if i == 0 or d.row is None else f"{base}-row{d.row}"
    taken: set[str] = set()
    for d in docs:   # the same file given twice
        name, n = d.name, 1
        while d.name in taken:
            n += 1
            d.name = f"{name}-{n}"
        taken.add(d.name)


def repeated_ids(docs: list[Document]) -> list[str]:
    """One warning per id that several rows of a file share."""
    warnings = []
    for (source, doc), same in _same_id(docs).items():
        rows = [d.row for d in same if d.row is not None and d.error is None]
        if len(rows) > 1:
            pages = ", ".join(d.name + ".html" for d in same if d.error is None)
            warnings.append(f"{quote(source)}: document id {doc!r} is on rows {', '.join(map(str, rows))}; "
                            f"each row gets its own page ({pages})")
    return warnings


def _jsonable(meta: dict) -> dict:
    return json.loads(json.dumps(meta, ensure_ascii=False, default=str))
