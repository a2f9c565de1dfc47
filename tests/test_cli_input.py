"""Bad input on the command line: exit status 2, one line on stderr naming the
file and the problem, no traceback, nothing on stdout."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from effanalysis.cli import main
from test_io import _docx_bytes, blank_pdf, encrypt

ROOT = Path(__file__).resolve().parent.parent


def _bad_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name → (path, words the message must contain)."""
    (tmp / "folder").mkdir()
    docx = _docx_bytes()
    files = {
        "empty.txt": (b"", "is empty"),
        "blank.txt": ("  \n\t\n\u3000\u3000\n".encode("utf-8"), "no text"),
        "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG image"),
        "binary.txt": (bytes(range(256)) * 16, "binary data"),
        "undecodable.txt": ("报告".encode("gbk") + b"\x81\x20\xfe\xff\x80\x80" * 40, "not text in a supported encoding"),
        "cut.docx": (docx[: len(docx) // 2], "not a readable .docx"),
        "scan.pdf": (blank_pdf(), "no text layer — scanned?"),
        "locked.pdf": (encrypt(blank_pdf()), "encrypted PDF"),
        "nocolumn.csv": ("title,summary\n报告,摘要\n".encode("utf-8"), "no text column"),
        "badrow.jsonl": ('{"content": "第一份。"}\n{"content": 2\n'.encode("utf-8"), "line 2 is not valid JSON"),
        "zerowidth.txt": ("\u200b\u200c\u200d\u2060\ufeff\n\u200b".encode("utf-8"), "no text"),
    }
    (tmp / "loop.txt").symlink_to(tmp / "loop2.txt")
    (tmp / "loop2.txt").symlink_to(tmp / "loop.txt")
    out = {"missing.txt": (tmp / "missing.txt", "no such file"), "folder": (tmp / "folder", "is a directory"),
           "loop.txt": (tmp / "loop.txt", f"is a symbolic link loop ({tmp / 'loop.txt'} -> {tmp / 'loop2.txt'} -> ")}
    for name, (data, words) in files.items():
        (tmp / name).write_bytes(data)
        out[name] = (tmp / name, words)
    return out


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory):
    return _bad_files(tmp_path_factory.mktemp("bad"))


CASES = ["missing.txt", "folder", "empty.txt", "blank.txt", "image.txt", "binary.txt", "undecodable.txt", "cut.docx",
         "scan.pdf", "locked.pdf", "nocolumn.csv", "badrow.jsonl", "zerowidth.txt", "loop.txt"]


def _check(code: int, out: str, err: str, path: Path, words: str) -> None:
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert str(path) in lines[0] and words in lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize("command", ["clean", "outline"])
@pytest.mark.parametrize("name", CASES)
def test_bad_input_exits_2_with_one_line(bad_files, capsys, command, name):
    path, words = bad_files[name]
    code = main([command, str(path)])
    captured = capsys.readouterr()
    _check(code, captured.out, captured.err, path, words)


def test_file_over_the_size_limit(seed_path, capsys, monkeypatch):
    monkeypatch.setenv("EFFANALYSIS_MAX_BYTES", "1000")
    code = main(["clean", str(seed_path)])
    captured = capsys.readouterr()
    _check(code, captured.out, captured.err, seed_path, "too large (8185 bytes; the limit is 1000 bytes")


def test_corpus_with_a_bad_row_after_good_ones_writes_nothing(tmp_path, capsys):
    path = tmp_path / "c.jsonl"
    path.write_text('{"content": "第一份报告。"}\n{"content": "第二份报告。"}\n{"content": ""}\n', encoding="utf-8")
    code = main(["clean", str(path)])
    captured = capsys.readouterr()
    _check(code, captured.out, captured.err, path, "has no text")


def test_unknown_text_column_and_document(corpus_path, capsys):
    assert main(["clean", str(corpus_path), "--text-column", "正文"]) == 2
    assert "no text column '正文'" in capsys.readouterr().err
    assert main(["outline", str(corpus_path), "--doc", "no such report"]) == 2
    err = capsys.readouterr().err
    assert str(corpus_path) in err and "has no document 'no such report'" in err


def test_usage_error_is_one_line(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["clean", "--no-such-option"])
    assert exc.value.code == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


def test_real_process_bad_and_good_input(bad_files, seed_path, tmp_path):
    """Through `python -m effanalysis` in a subprocess: no traceback, UTF-8 out."""
    env = {**os.environ, "PYTHONIOENCODING": "latin-1", "LC_ALL": "C"}  # a locale that cannot print Chinese
    path, words = bad_files["locked.pdf"]
    proc = subprocess.run([sys.executable, "-m", "effanalysis", "clean", str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8")
    _check(proc.returncode, proc.stdout, proc.stderr, path, words)
    missing = tmp_path / "缺失的报告.txt"
    proc = subprocess.run([sys.executable, "-m", "effanalysis", "outline", str(missing)], cwd=ROOT, env=env,
                          capture_output=True)
    _check(proc.returncode, proc.stdout.decode(), proc.stderr.decode("utf-8"), missing, "no such file")
    proc = subprocess.run([sys.executable, "-m", "effanalysis", "clean", str(seed_path)], cwd=ROOT, env=env,
                          capture_output=True)
    assert proc.returncode == 0 and proc.stderr == b""
    assert proc.stdout.decode("utf-8").startswith("效能建设工作自查报告\n")


def test_a_file_name_with_a_line_break_is_quoted_on_one_line(tmp_path, capsys):
    path = tmp_path / "two\nlines.txt"
    path.write_bytes(b"")
    assert main(["clean", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and repr(str(path)) in err[0] and "is empty" in err[0]


def test_symlink_loop_in_batch_is_exit_2_naming_the_loop(bad_files, capsys, tmp_path):
    path, words = bad_files["loop.txt"]
    code = main(["batch", str(path), "-o", str(tmp_path / "site")])
    captured = capsys.readouterr()
    _check(code, captured.out, captured.err, path, words)


@pytest.mark.parametrize("value,words", [("-5", "expected an integer from 1 to 1000, got -5"),
                                         ("0", "expected an integer from 1 to 1000, got 0"), ("ten", "expected an integer")])
def test_parameter_out_of_its_range_is_exit_2(capsys, tmp_path, value, words):
    code = main(["render", "-o", str(tmp_path), "-p", f"top_n={value}"])
    err = capsys.readouterr().err.splitlines()
    assert code == 2 and len(err) == 1 and f"parameter top_n: {words}" in err[0]
    assert not list(tmp_path.iterdir())


def _clean_with_peak_memory(path: Path) -> tuple[str, str, str]:
    """`effanalysis clean PATH` in a child process: (exit status, peak memory in kB as the kernel
    counts it for the child, stderr)."""
    probe = ("import resource, subprocess, sys\n"
             "p = subprocess.run([sys.executable, '-m', 'effanalysis', 'clean', sys.argv[1]], capture_output=True, "
             "text=True, timeout=120)\n"
             "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, repr(p.stderr))")
    proc = subprocess.run([sys.executable, "-c", probe, str(path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=180)
    return tuple(proc.stdout.split(" ", 2))


def test_docx_zip_bomb_is_exit_2_fast_and_small(tmp_path):
    """700 MB of XML in a 2 MB .docx (under the 50 MB file limit) drove the process to 8 GB: the
    sizes in the zip directory are checked before anything is inflated. Peak memory of the
    command, as the kernel counts it for a child process, stays far under 1 GiB."""
    from test_io import docx_bomb

    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(docx_bomb(700 * 1024 * 1024))
    assert bomb.stat().st_size < 10 * 1024 * 1024
    code, max_rss_kb, err = _clean_with_peak_memory(bomb)
    assert int(code) == 2, err
    assert "unpacks to 7" in err and "a .docx may unpack to" in err and str(bomb) in err
    assert int(max_rss_kb) < 1024 * 1024


def test_pdf_decompression_bomb_is_exit_2_fast_and_small(tmp_path):
    """20 pages of 70 MB of text operators each, in a 5 MB PDF: refused from the inflated sizes,
    before any text is extracted; peak memory far under 1 GiB."""
    from test_io import pdf_bomb

    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(pdf_bomb(70 * 1024 * 1024, pages=20))
    assert bomb.stat().st_size < 10 * 1024 * 1024
    code, max_rss_kb, err = _clean_with_peak_memory(bomb)
    assert int(code) == 2, err
    assert "has page contents that unpack to more than" in err and str(bomb) in err
    assert int(max_rss_kb) < 1024 * 1024
