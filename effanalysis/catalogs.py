"""The pages' message catalogs: extraction, update and compilation with Babel.

    python -m effanalysis.catalogs        # (make catalogs) extract, update the .po files, compile the .mo files

Messages come from the package's Python (`_`, `ngettext`, `N_` …), the page
template (`{% trans %}`, `_()`, jinja2.ext.i18n) and the notebooks: each
Markdown cell shown on the page, and each parameter's help text (babel.cfg maps
the files to extractors). The English catalog starts with each message as its
own translation, as gettext's msgen does, and is kept like the Chinese one.
The compiled .mo files are committed (the package needs no build step);
tests/test_i18n.py checks they match the .po files and that both are complete.
"""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from .i18n import DOMAIN, LANGS, LOCALE_DIR

ROOT = Path(__file__).resolve().parent.parent
MAPPING = ROOT / "babel.cfg"
PAGE_HIDDEN_TAG = "lab-only"   # as render.export: cells the page leaves out are not translated


def extract_notebook(fileobj, keywords, comment_tags, options):
    """Babel extractor for .ipynb: each Markdown cell the page shows (one message per
    cell) and the help text of each parameter in the cell tagged `parameters`."""
    from .render.parameters import spec

    nb = json.load(io.TextIOWrapper(fileobj, encoding="utf-8"))
    for index, cell in enumerate(nb.get("cells", [])):
        source = "".join(cell.get("source", ""))
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.get("cell_type") == "markdown" and source.strip() and PAGE_HIDDEN_TAG not in tags:
            yield index + 1, None, source.strip(), [f"notebook cell {index + 1}"]
        elif cell.get("cell_type") == "code" and "parameters" in tags:
            for p in spec(source).values():
                if p.help:
                    yield index + 1, None, p.help, [f"parameter {p.name}"]


def extract():
    """The catalog template (a babel Catalog) of every message in the code, template and notebooks."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with open(MAPPING, encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh, str(MAPPING))
    template = Catalog(project="effanalysis", domain=DOMAIN, charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=_keywords(), strip_comment_tags=True):
        if filename.startswith(("effanalysis/", "notebooks/")):
            template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def _keywords():
    from babel.messages.extract import DEFAULT_KEYWORDS

    from .i18n import KEYWORDS

    return {**DEFAULT_KEYWORDS, **KEYWORDS}


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_po(lang: str):
    from babel.messages.pofile import read_po as _read

    with open(po_path(lang), "rb") as fh:
        return _read(fh, locale=lang, domain=DOMAIN)


def compiled(catalog) -> bytes:
    """The .mo bytes of a catalog (fuzzy entries left out, as msgfmt does)."""
    from babel.messages.mofile import write_mo

    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def update() -> dict[str, int]:
    """Extract, merge into each .po (new messages untranslated, except English: its
    own text), write the .po and .mo files. Returns untranslated counts per language."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    template = extract()
    missing = {}
    for lang in LANGS:
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = read_po(lang) if path.exists() else Catalog(locale=lang, domain=DOMAIN, project="effanalysis")
        created = catalog.creation_date
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.creation_date = created   # no header churn: the date of the first extraction
        catalog.obsolete.clear()
        for m in catalog:
            if m.id and not _translated(m) and lang == "en":
                m.string = m.id if isinstance(m.id, str) else tuple(m.id[i if i < len(m.id) else -1]
                                                                   for i in range(catalog.num_plurals))
                m.flags.discard("fuzzy")
        missing[lang] = sum(1 for m in catalog if m.id and not _translated(m))
        with open(path, "wb") as fh:
            # File names without line numbers: moving code does not rewrite the catalogs.
            write_po(fh, catalog, width=100, sort_output=False, include_previous=False, include_lineno=False)
        with open(path.with_suffix(".mo"), "wb") as fh:
            fh.write(compiled(read_po(lang)))
    return missing


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return bool(strings) and all(strings) and "fuzzy" not in message.flags


def main(argv: list[str] | None = None) -> int:
    missing = update()
    for lang, n in missing.items():
        print(f"{po_path(lang).relative_to(ROOT)}: {n} untranslated")
    return 1 if any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
