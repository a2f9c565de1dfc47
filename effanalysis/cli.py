"""Command line: `effanalysis clean|outline|metrics|targets|ledger|profile|render|batch FILE…`,
`effanalysis notebooks DIR`.

Exit status 0 on success, 2 on bad input or usage (one line on stderr naming
the file and the problem), 1 on an internal failure.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import InputError


def _doc_args(p: argparse.ArgumentParser, many: bool = False) -> None:
    if many:
        p.add_argument("files", nargs="*", metavar="FILE", help="documents or corpus files (default: the seed report)")
    else:
        p.add_argument("file", nargs="?", metavar="FILE", help="a document or corpus file (default: the seed report)")
    p.add_argument("--text-column", help="corpus files: the column holding the text")
    p.add_argument("--id-column", help="corpus files: the column holding the document id")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        # One line, like every other bad-usage message (subcommands inherit this class).
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="effanalysis", description="Analyse Chinese official reports.")
    ap.add_argument("--version", action="version", version=f"effanalysis {__import__('effanalysis').__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("clean", help="print the cleaned Simplified text")
    _doc_args(p)
    p.add_argument("--doc", help="corpus files: only this document (id or row number)")

    p = sub.add_parser("outline", help="print the outline")
    _doc_args(p)
    p.add_argument("--doc", help="corpus files: only this document (id or row number)")
    p.add_argument("--json", action="store_true", help="JSON instead of an indented tree")

    p = sub.add_parser("metrics", help="one row per quantitative claim")
    _doc_args(p)
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--audit", action="store_true", help="print the audit (derived figures and checks) instead")

    p = sub.add_parser("targets", help="the report's targets for its year (indicator, value, form, sentence)")
    _doc_args(p)
    p.add_argument("--doc", help="corpus files: only this document (id or row number)")
    p.add_argument("--format", choices=("csv", "json"), default="csv")

    p = sub.add_parser("ledger", help="targets against outcomes across the years of a corpus")
    _doc_args(p)
    p.add_argument("--format", choices=("csv", "json"), default="csv")

    p = sub.add_parser("profile", help="language profile: keywords, names, slogans, era, mechanisms")
    _doc_args(p)
    p.add_argument("--doc", help="corpus files: only this document (id or row number)")

    p = sub.add_parser("render", help="execute the report workbook and write DIR/<slug>.html")
    _doc_args(p)
    p.add_argument("-o", "--output", default="reports", metavar="DIR")
    p.add_argument("-p", "--parameter", action="append", default=[], metavar="NAME=VALUE")
    p.add_argument("--show-code", action="store_true", help="keep code cells visible in the HTML")

    p = sub.add_parser("batch", help="render many documents, an index page and a corpus page")
    _doc_args(p, many=True)
    p.add_argument("-o", "--output", default="reports", metavar="DIR")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: number of cores)")
    p.add_argument("--force", action="store_true", help="render even unchanged documents")
    p.add_argument("--scheduler", metavar="ADDRESS", help="send the work to a Dask distributed scheduler")
    p.add_argument("--lang", type=_language, metavar="zh|en",
                   help="the pages' language (default: Chinese for Chinese documents, else English)")

    p = sub.add_parser("notebooks", help="write report.ipynb and corpus.ipynb (and their .py twins) into DIR")
    p.add_argument("directory", metavar="DIR")
    p.add_argument("--force", action="store_true", help="overwrite notebooks that exist")
    return ap


def _language(value: str) -> str:
    from .i18n import LANGS

    if value not in LANGS:
        raise argparse.ArgumentTypeError(f"{value!r} is not a page language; valid values: {', '.join(LANGS)}")
    return value


def _source(args) -> Path:
    from .report import default_source

    return Path(args.file) if getattr(args, "file", None) else default_source()


def cmd_clean(args) -> int:
    from .report import iter_reports, load

    # Read every document before writing: a bad row leaves no half-written output.
    if args.doc:
        texts = [load(_source(args), args.doc, args.text_column, args.id_column).text]
    else:
        texts = [r.text for r in iter_reports(_source(args), args.text_column, args.id_column)]
    sys.stdout.write("\n".join(t + "\n" for t in texts))
    return 0


def _tree(node: dict, depth: int = 0) -> list[str]:
    lines = [f"{'  ' * depth}{node['label']}{node['title']}  [{node['start']}:{node['end']}]"]
    for lead in node.get("leads", []):
        lines.append(f"{'  ' * (depth + 1)}· {lead['text']}")
    for item in node.get("enumeration", []):
        lines.append(f"{'  ' * (depth + 1)}· {item['text']}")
    for child in node["children"]:
        lines.extend(_tree(child, depth + 1))
    return lines


def cmd_outline(args) -> int:
    from .report import iter_reports, load

    reports = [load(_source(args), args.doc, args.text_column, args.id_column)] if args.doc \
        else iter_reports(_source(args), args.text_column, args.id_column)
    out = []  # written only once every document has been read
    for r in reports:
        d = r.outline.to_dict()
        if args.json:
            out.append(json.dumps({"doc": r.doc, "meta": r.facts, **d}, ensure_ascii=False) + "\n")
        else:
            out.append(f"{r.title}\n" + "".join(line + "\n" for s in d["sections"] for line in _tree(s)))
    sys.stdout.write("".join(out))
    return 0


def cmd_metrics(args) -> int:
    from .metrics import write_claims
    from .report import iter_reports

    bad: list[InputError] = []   # rows that cannot be read: named on stderr, the others are written

    def skip(exc: InputError) -> None:
        bad.append(exc)
        print(f"effanalysis: error: {exc}", file=sys.stderr)

    write_claims(iter_reports(_source(args), args.text_column, args.id_column, on_error=skip), sys.stdout,
                 fmt=args.format, audit=args.audit)
    return 2 if bad else 0


def _write_table(frame, fmt: str, columns: list[str]) -> None:
    from .metrics.io import _cell

    if fmt == "json":
        recs = [{c: _cell(v) for c, v in zip(columns, row)} for row in frame[columns].itertuples(index=False)]
        sys.stdout.write(json.dumps(recs, ensure_ascii=False, indent=1) + "\n")
    else:
        import csv

        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(columns)
        for row in frame[columns].itertuples(index=False):
            w.writerow(["" if (c := _cell(v)) is None else c for v in row])


def cmd_targets(args) -> int:
    import pandas as pd

    from .metrics.targets import TARGET_COLUMNS
    from .report import iter_reports, load

    reports = [load(_source(args), args.doc, args.text_column, args.id_column)] if args.doc \
        else iter_reports(_source(args), args.text_column, args.id_column)
    frames = [r.targets.assign(doc=r.doc) for r in reports]   # all read before anything is written
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["doc", *TARGET_COLUMNS])
    if not len(frame):
        print(f"effanalysis: note: {_source(args)}: states no targets of the standard indicators", file=sys.stderr)
    _write_table(frame, args.format, ["doc", *TARGET_COLUMNS])
    return 0


def cmd_ledger(args) -> int:
    from .corpus.ledger import LEDGER_COLUMNS, build_ledger
    from .report import iter_reports

    ledger = build_ledger(iter_reports(_source(args), args.text_column, args.id_column))
    for w in ledger.warnings:
        print(f"effanalysis: warning: {_source(args)}: {w}", file=sys.stderr)
    if not len(ledger.rows):
        print(f"effanalysis: note: {_source(args)}: no target or outcome of a standard indicator could be placed "
              "in a year", file=sys.stderr)
    _write_table(ledger.rows, args.format, LEDGER_COLUMNS)
    return 0


def cmd_profile(args) -> int:
    from .report import load

    r = load(_source(args), args.doc, args.text_column, args.id_column)
    sys.stdout.write(json.dumps(r.profile().to_dict(), ensure_ascii=False, indent=1, default=str) + "\n")
    return 0


def cmd_render(args) -> int:
    from .render import RenderError, parse_parameters, render

    params = parse_parameters(args.parameter)
    try:   # no FILE: the notebook's default source (the seed), or -p source=…
        path = render(args.file, args.output, params, show_code=args.show_code,
                      text_column=args.text_column, id_column=args.id_column)
    except RenderError as exc:   # names the failing cell and the error; the old page is untouched
        print(f"effanalysis: render failed: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0


def cmd_batch(args) -> int:
    from .batch import run_batch
    from .report import default_source

    files = [Path(f) for f in args.files] or [default_source()]
    lang = {"lang": args.lang} if args.lang else {}   # the report pages, the corpus page and the index
    result = run_batch(files, args.output, jobs=args.jobs, force=args.force, scheduler=args.scheduler,
                       text_column=args.text_column, id_column=args.id_column, params=dict(lang),
                       corpus_params=dict(lang))
    print(result.index_path)
    return result.exit_status


def cmd_notebooks(args) -> int:
    from .lab import write_notebooks

    for path in write_notebooks(args.directory, force=args.force):
        print(path)
    return 0


COMMANDS = {"clean": cmd_clean, "outline": cmd_outline, "metrics": cmd_metrics, "targets": cmd_targets,
            "ledger": cmd_ledger, "profile": cmd_profile,
            "render": cmd_render, "batch": cmd_batch, "notebooks": cmd_notebooks}


NOTEBOOK_COMMANDS = ("render", "batch", "notebooks")


def skip_unused_iri_checker() -> None:
    """nbformat validates notebooks with jsonschema, whose format checkers import the optional
    rfc3987_syntax at import time (python-jsonschema/jsonschema#1428): it compiles some 35 Earley
    grammars, 1.8 s of CPU in every process that reads a notebook. No notebook schema uses the
    iri formats it checks. A None entry in sys.modules makes that optional import fail as if the
    package were not installed (jsonschema then leaves iri formats unchecked); only in this
    command's own process, and only if nothing imported it yet."""
    sys.modules.setdefault("rfc3987_syntax", None)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command in NOTEBOOK_COMMANDS:
        skip_unused_iri_checker()
    for stream in (sys.stdout, sys.stderr):  # the contract is UTF-8, whatever the locale says
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    try:
        return COMMANDS[args.command](args)
    except InputError as exc:
        print(f"effanalysis: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt as exc:   # batch.Interrupted: stopped by a signal, after cleaning up
        print(f"effanalysis: {getattr(exc, 'message', 'interrupted')}", file=sys.stderr)
        return getattr(exc, "exit_status", 130)
    except Exception as exc:  # internal failure: short message, not a traceback wall
        if "EFFANALYSIS_DEBUG" in __import__("os").environ:
            raise
        print(f"effanalysis: internal error: {exc.__class__.__name__}: {exc} "
              "(set EFFANALYSIS_DEBUG=1 for the traceback)", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
