"""`effanalysis metrics`: CSV and JSON claims of a document or a whole corpus, streamed."""
from __future__ import annotations

import csv
import io
import json

import pytest

import effanalysis
from effanalysis.cli import main
from effanalysis.metrics import CLAIM_COLUMNS, STATUS_COLUMNS, write_claims


def run(capsys, *args):
    code = main(["metrics", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_seed_csv_has_exactly_the_contract_header_and_the_claims(capsys, seed_path, seed_report):
    code, out, _ = run(capsys, seed_path)
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == CLAIM_COLUMNS + STATUS_COLUMNS
    assert len(rows) - 1 == len(seed_report.claims)
    rec = dict(zip(rows[0], rows[1 + list(seed_report.claims.surface).index("800万元")]))
    assert (rec["value"], rec["multiplier"], rec["norm_value"], rec["unit"], rec["kind"]) == (
        "800", "10000", "8000000", "元", "money")
    near = dict(zip(rows[0], rows[1 + list(seed_report.claims.surface).index("近万人")]))
    assert (near["low"], near["high"], near["part_of"]) == ("", "10000", "")


def test_seed_json_is_a_list_of_records(capsys, seed_path, seed_report):
    code, out, _ = run(capsys, seed_path, "--format", "json")
    records = json.loads(out)
    assert code == 0 and len(records) == len(seed_report.claims)
    part = next(r for r in records if r["surface"] == "40件")
    assert part["part_of"] == list(seed_report.claims.surface).index("185件")
    assert next(r for r in records if r["surface"] == "近万人")["low"] is None


def test_corpus_csv_streams_every_document_with_doc_set(capsys, corpus_path, corpus_reports):
    code, out, _ = run(capsys, corpus_path)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert {r["doc"] for r in rows} == {r.doc for r in corpus_reports if len(r.claims)}
    assert len(rows) == sum(len(r.claims) for r in corpus_reports)


def test_audit_output(capsys, seed_path):
    code, out, _ = run(capsys, seed_path, "--audit")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and {r["check"] for r in rows} >= {"implied_baseline", "part_ratio"}
    assert any("about 307.7万元" in r["message"] for r in rows)


def test_empty_json_and_bad_format(tmp_path):
    doc = tmp_path / "plain.txt"
    doc.write_text("加强领导，明确责任。", encoding="utf-8")
    buf = io.StringIO()
    assert write_claims(effanalysis.iter_reports(doc), buf, fmt="json") == 0
    assert json.loads(buf.getvalue()) == []
    with pytest.raises(ValueError):
        write_claims(effanalysis.iter_reports(doc), io.StringIO(), fmt="xml")


def test_missing_file_is_a_usage_error(capsys, tmp_path):
    code, out, err = run(capsys, tmp_path / "nope.txt")
    assert code == 2 and "nope.txt" in err
    assert out == ""  # not even the header


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_binary_input_writes_nothing(capsys, tmp_path, fmt):
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    code, out, err = run(capsys, bad, "--format", fmt)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "image.txt" in err and "PNG" in err


def test_rows_are_written_before_the_next_document_is_read(monkeypatch, corpus_path):
    import effanalysis.report as report_module

    read = []
    original = report_module.iter_reports

    def counting(*args, **kwargs):
        for r in original(*args, **kwargs):
            read.append(r.doc)
            yield r

    class Probe(io.StringIO):
        docs_read_at_first_row = None

        def write(self, s):
            if self.docs_read_at_first_row is None and s.count(",") > 10 and "surface" not in s:
                self.docs_read_at_first_row = len(read)
            return super().write(s)

    monkeypatch.setattr(report_module, "iter_reports", counting)
    probe = Probe()
    write_claims(report_module.iter_reports(corpus_path), probe)
    assert probe.docs_read_at_first_row == 1 and len(read) == 72
