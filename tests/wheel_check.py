"""Install the wheel in a fresh virtual environment and use it as a new user would.

    python tests/wheel_check.py [WORKDIR]

Builds dist/effanalysis-*.whl from this checkout (pip wheel), creates a venv with only
`pip install <wheel>` (its dependencies from the index or pip's cache), and from an empty
directory runs: render, metrics, outline, profile, clean with their defaults (the bundled
seed), `effanalysis.load()`, `effanalysis notebooks DIR` (and its refusal to overwrite), and
`papermill DIR/report.ipynb out.ipynb -p top_n 5` on the kernelspec the wheel installed.
Prints the wheel's dependency closure and installed size; exits non-zero on the first failure.
Run by tests/test_wheel.py (slow) and by .ci/run after the suite.
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
STEP_TIMEOUT = 600


def run(argv: list, cwd: Path, env: dict, expect: int = 0) -> subprocess.CompletedProcess:
    t0 = time.perf_counter()
    done = subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=STEP_TIMEOUT)
    print(f"  {time.perf_counter() - t0:6.1f} s  {' '.join(Path(str(a)).name if i == 0 else str(a) for i, a in enumerate(argv))}"
          f"  -> {done.returncode}", flush=True)
    if done.returncode != expect:
        raise SystemExit(f"FAILED (exit {done.returncode}, expected {expect}): {argv}\n"
                         f"stdout: {done.stdout[-2000:]}\nstderr: {done.stderr[-4000:]}")
    return done


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SystemExit(f"FAILED: {what}")


def site_packages(venv: Path) -> Path:
    return next((venv / "lib").glob("python3*/site-packages"))


def main(work: Path) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "MPLCONFIGDIR") and not k.startswith("JUPYTER")}
    env["JUPYTER_PATH"] = ""            # only the environment's own share/jupyter (and the user's, empty HOME)
    env["HOME"] = str(work / "home")
    (work / "home").mkdir(exist_ok=True)

    print("building the wheel", flush=True)
    dist = work / "dist"
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", dist, ROOT], work, env)
    wheel = next(dist.glob("effanalysis-*.whl"))

    print("installing it in a fresh venv", flush=True)
    venv = work / "venv"
    run([sys.executable, "-m", "venv", venv], work, env)
    bin_ = venv / "bin"
    run([bin_ / "python", "-m", "pip", "install", "-q", wheel], work, env)

    empty = work / "empty"
    empty.mkdir()
    print("using it from an empty directory", flush=True)
    page = Path(run([bin_ / "effanalysis", "render", "-o", "out"], empty, env).stdout.strip())
    html = (empty / page).read_text(encoding="utf-8")
    # the seed's own title line (cleaned to Simplified): the page is the bundled seed's
    check("效能建设工作自查报告" in html and "<script src=" not in html, "render wrote the seed's page")

    claims = run([bin_ / "effanalysis", "metrics"], empty, env).stdout.splitlines()
    check(claims[0].startswith("doc,section,sentence") and len(claims) > 20, "metrics: the seed's ~30 claims")
    outline = run([bin_ / "effanalysis", "outline"], empty, env).stdout
    check(outline.count("\n") > 4, "outline of the seed")
    profile = json.loads(run([bin_ / "effanalysis", "profile"], empty, env).stdout)
    check(bool(profile), "profile of the seed")
    clean = run([bin_ / "effanalysis", "clean"], empty, env).stdout
    check("效能建设" in clean and "(guān)" not in clean, "clean: Simplified, pinyin gone")
    loaded = run([bin_ / "python", "-c", "import effanalysis; r = effanalysis.load(); print(r.doc, len(r.claims))"],
                 empty, env).stdout.split()
    check(loaded[0] == "000_b8b61ae6203f38bb" and int(loaded[1]) > 20, "effanalysis.load() loads the seed")

    written = run([bin_ / "effanalysis", "notebooks", "nb"], empty, env).stdout.split()
    check(sorted(Path(p).name for p in written) == ["corpus.ipynb", "corpus.py", "report.ipynb", "report.py"],
          "notebooks DIR writes both notebooks and their twins")
    refused = run([bin_ / "effanalysis", "notebooks", "nb"], empty, env, expect=2)
    check(refused.stderr.count("\n") == 1 and "exists" in refused.stderr and refused.stdout == "",
          "notebooks DIR refuses to overwrite, one line")
    run([bin_ / "effanalysis", "notebooks", "nb", "--force"], empty, env)

    kernel = venv / "share" / "jupyter" / "kernels" / "effanalysis" / "kernel.json"
    check(kernel.is_file(), "the wheel installed the kernelspec")
    run([bin_ / "papermill", "nb/report.ipynb", "pm.ipynb", "-p", "top_n", "5", "--no-progress-bar"], empty, env)
    executed = json.loads((empty / "pm.ipynb").read_text(encoding="utf-8"))
    check(executed["metadata"]["papermill"]["parameters"] == {"top_n": 5}, "papermill ran with top_n=5")
    check(not any(o.get("output_type") == "error" for c in executed["cells"] for o in c.get("outputs", [])),
          "no cell of the papermill run failed")

    # Test-only and rebuild-only dependencies are not installed with the wheel.
    for module in ("jieba", "openpyxl", "jupyterlab", "pytest"):
        absent = subprocess.run([bin_ / "python", "-c", f"import {module}"], capture_output=True, env=env)
        check(absent.returncode != 0, f"{module} is not a dependency of the wheel")

    frozen = run([bin_ / "python", "-m", "pip", "list", "--format=freeze", "--exclude", "pip",
                  "--exclude", "setuptools"], work, env).stdout.split()
    size = sum(f.stat().st_size for f in site_packages(venv).rglob("*") if f.is_file())
    ours = sum(f.stat().st_size for f in (site_packages(venv) / "effanalysis").rglob("*") if f.is_file())
    print(f"dependency closure ({len(frozen)} distributions): {' '.join(frozen)}")
    print(f"installed size: {size / 2**20:.0f} MiB in site-packages, of which effanalysis {ours / 2**20:.1f} MiB; "
          f"wheel {wheel.stat().st_size / 2**20:.1f} MiB")
    print("wheel check: ok")
    return {"closure": frozen, "site_packages_bytes": size}


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory(prefix="effanalysis-wheel-") as tmp:
            main(Path(tmp))
