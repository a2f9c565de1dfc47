"""Claims extraction speed and memory, as ratios to a floor measured in the same run.

Input: the bundled corpus repeated to about 11 million characters. All times are CPU
seconds (the machine is shared by several people; wall time would swing with their load).
- floor: decoding its JSON lines and converting to Simplified with OpenCC, in-process;
- grammar: `claim_rows` over the same converted texts, in-process (target: within 10x);
- JioNLP's `extract_money` over the corpus once, in its own throwaway venv (bench/.venv-jionlp),
  against our grammar on the same text (target: at least 2x its throughput; BENCH_JIONLP=0 skips it);
- `effanalysis metrics` on the repeated corpus as a whole process against the floor as a
  process (target: within 15x), with the peak resident memory of each (target: under 1 GiB).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus" / "government_work_reports.jsonl"
JIONLP_VENV = Path(__file__).resolve().parent / ".venv-jionlp"
TARGET_CHARS = 11_000_000

FLOOR_SCRIPT = """
import json, sys, opencc
cc = opencc.OpenCC("t2s")
n = 0
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        n += len(cc.convert(json.loads(line)["content"]))
print(n)
"""

JIONLP_SCRIPT = """
import json, sys, time
import jionlp
texts = json.load(open(sys.argv[1], encoding="utf-8"))
jionlp.ner.extract_money(texts[0][:2000])  # load its lexicons before timing
t = time.process_time()
found = sum(len(jionlp.ner.extract_money(t_)) for t_ in texts)
print(json.dumps({"seconds": time.process_time() - t, "money": found}))
"""


def _best(fn, repeat: int = 3) -> tuple[float, object]:
    """Best CPU seconds of a few runs: CPU time, not wall time, because the machine is shared
    and a longer run is preempted more often, which would skew ratios to the floor."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.process_time()
        out = fn()
        best = min(best, time.process_time() - t)
    return best, out


def _repeated_lines() -> list[str]:
    base = CORPUS.read_text(encoding="utf-8").splitlines()
    size = sum(len(json.loads(line)["content"]) for line in base)
    reps = max(1, round(TARGET_CHARS / size))
    lines = []
    for k in range(reps):  # distinct titles so every copy is its own document
        for line in base:
            row = json.loads(line)
            row["title"] = f"{row['title']}#{k}"
            lines.append(json.dumps(row, ensure_ascii=False))
    return lines


# Started from a small wrapper: a child forked straight from this (large) process would
# report this process's memory as its own peak.
WRAPPER = """
import json, resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "cpu": use.ru_utime + use.ru_stime, "peak_kib": use.ru_maxrss}))
"""


def _process(cmd: list[str]) -> tuple[float, float]:
    """CPU seconds and peak resident MiB of one command run as its own process."""
    run = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True, cwd=ROOT)
    out = json.loads(run.stdout.strip().splitlines()[-1])
    if out["code"]:
        raise RuntimeError(f"{' '.join(cmd[:4])} failed with status {out['code']}")
    return out["cpu"], out["peak_kib"] / 1024


def _jionlp(texts: list[str]) -> dict:
    """Time JioNLP in its own venv; say why when it cannot be installed or run offline."""
    py = JIONLP_VENV / "bin" / "python"
    try:
        if not py.exists():
            subprocess.run([sys.executable, "-m", "venv", str(JIONLP_VENV)], check=True, capture_output=True)
        if subprocess.run([str(py), "-c", "import jionlp"], capture_output=True).returncode:
            subprocess.run([str(py), "-m", "pip", "install", "-q", "jionlp"], check=True, capture_output=True,
                           timeout=900)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
            json.dump(texts, fh, ensure_ascii=False)
        run = subprocess.run([str(py), "-c", JIONLP_SCRIPT, fh.name], capture_output=True, text=True, timeout=1800)
        os.unlink(fh.name)
        if run.returncode:
            return {"error": f"jionlp did not run: {run.stderr.strip().splitlines()[-1:]}"}
        return json.loads(run.stdout.strip().splitlines()[-1])
    except (subprocess.SubprocessError, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        detail = detail.decode(errors="replace") if isinstance(detail, bytes) else detail
        return {"error": f"jionlp could not be installed offline: {exc.__class__.__name__} {detail.strip()[-300:]}"}


def main() -> dict:
    import opencc

    from effanalysis.metrics.claims import claim_rows

    lines = _repeated_lines()
    cc = opencc.OpenCC("t2s")

    def floor():
        return [cc.convert(json.loads(line)["content"]) for line in lines]

    floor_s, texts = _best(floor)
    chars = sum(map(len, texts))
    grammar_s, claims = _best(lambda: sum(len(claim_rows(t)) for t in texts), repeat=2)
    result = {
        "input": f"bundled corpus x{len(lines) // 72}: {len(lines)} documents, {chars:,} characters",
        "floor_seconds": round(floor_s, 3),
        "grammar_seconds": round(grammar_s, 3),
        "grammar_vs_floor": round(grammar_s / floor_s, 2),
        "grammar_chars_per_second": round(chars / grammar_s),
        "claims": claims,
    }
    print(f"input: {result['input']}")
    print(f"floor (JSON decode + OpenCC t2s): {floor_s:.3f} CPU s")
    print(f"claims grammar: {grammar_s:.3f} s = {grammar_s / floor_s:.1f}x floor (target <= 10x), "
          f"{chars / grammar_s / 1e6:.2f}M chars/s, {claims:,} claims")

    base = texts[:72]
    base_chars = sum(map(len, base))
    ours_base, _ = _best(lambda: [claim_rows(t) for t in base])
    money = sum(1 for t in base for r in claim_rows(t) if r[10] == "money")
    j = _jionlp(base) if os.environ.get("BENCH_JIONLP", "1") != "0" else {"error": "jionlp skipped (BENCH_JIONLP=0)"}
    if "error" in j:
        result["jionlp"] = j["error"]
        print(j["error"])
    else:
        result["jionlp_seconds"] = round(j["seconds"], 3)
        result["ours_on_same_text_seconds"] = round(ours_base, 3)
        result["throughput_vs_jionlp"] = round(j["seconds"] / ours_base, 1)
        result["money_found"] = {"jionlp": j["money"], "ours": money}
        print(f"JioNLP extract_money on {base_chars:,} chars: {j['seconds']:.2f} s; our full grammar "
              f"{ours_base:.3f} s = {j['seconds'] / ours_base:.1f}x its throughput (target >= 2x); "
              f"money figures found: JioNLP {j['money']}, ours {money}")

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    try:
        floor_p, floor_rss = _process([sys.executable, "-c", FLOOR_SCRIPT, fh.name])
        cli_p, cli_rss = _process([sys.executable, "-m", "effanalysis", "metrics", fh.name])
        clean_p, _ = _process([sys.executable, "-m", "effanalysis", "clean", fh.name])  # reading + cleaning alone
    finally:
        os.unlink(fh.name)
    result.update({"floor_process_seconds": round(floor_p, 2), "cli_process_seconds": round(cli_p, 2),
                   "cli_vs_floor_process": round(cli_p / floor_p, 2), "clean_process_seconds": round(clean_p, 2),
                   "floor_peak_mib": round(floor_rss),
                   "cli_peak_mib": round(cli_rss)})
    print(f"floor as a process: {floor_p:.2f} CPU s, peak {floor_rss:.0f} MiB")
    print(f"effanalysis metrics as a process: {cli_p:.2f} s = {cli_p / floor_p:.1f}x floor process "
          f"(target <= 15x), peak {cli_rss:.0f} MiB (target < 1024 MiB); of which reading and cleaning alone "
          f"(effanalysis clean): {clean_p:.2f} s")
    return result


if __name__ == "__main__":
    main()
