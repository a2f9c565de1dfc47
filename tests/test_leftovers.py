"""Nothing left behind: what a killed render leaves (its temporary page, its scratch directory
with the kernel's connection file, which holds the key to the kernel) is removed by the next run,
and a living process's files never are."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from effanalysis.render import leftovers

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "raw" / "000_b8b61ae6203f38bb.txt"


def dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(proc.stdout)


def test_sweep_removes_what_dead_processes_left_and_keeps_the_living(tmp_path):
    out, tmp, dead, me = tmp_path / "site", tmp_path / "tmp", dead_pid(), os.getpid()
    (out / "failed").mkdir(parents=True)
    tmp.mkdir()
    orphans = [out / f".page.html.{dead}.abcd_123.tmp", out / "failed" / f".page.ipynb.{dead}.q1w2e3r4.tmp"]
    living = [out / f".page.html.{me}.zxcvbnm1.tmp", out / ".page.html.tmp", out / "page.html"]
    for p in orphans + living:
        p.write_text("x", encoding="utf-8")
    (tmp / f"effanalysis-{dead}-abc").mkdir()
    (tmp / f"effanalysis-{dead}-abc" / "kernel.json").write_text('{"key": "secret"}', encoding="utf-8")
    (tmp / f"effanalysis-{me}-def").mkdir()
    (tmp / "effanalysis-batch-test").mkdir()      # not ours by name: kept
    assert sorted(leftovers.sweep_output(out)) == sorted(orphans)
    assert [p.name for p in leftovers.sweep_temp(tmp)] == [f"effanalysis-{dead}-abc"]
    assert all(p.exists() for p in living) and not any(p.exists() for p in orphans)
    assert sorted(p.name for p in tmp.iterdir()) == sorted(["effanalysis-batch-test", f"effanalysis-{me}-def"])


def _kernels_using(folder: Path) -> list[int]:
    import psutil

    found = []
    for p in psutil.process_iter(["cmdline"]):
        cmd = " ".join(p.info["cmdline"] or [])
        if "ipykernel_launcher" in cmd and str(folder) in cmd:
            found.append(p.pid)
    return found


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.mark.parametrize("point", ["scratch", "kernel", "cells"])
def test_a_killed_render_leaves_nothing_after_the_next_run(tmp_path, point):
    """SIGKILL a render when its scratch directory appears, when the kernel's connection file is
    written, and while the cells run; then render again: no temporary page, no scratch directory,
    no connection file, no kernel of the killed render left."""
    tmp, out = tmp_path / "tmp", tmp_path / "site"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    cmd = [sys.executable, "-m", "effanalysis", "render", str(SEED), "-o", str(out)]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    scratch = lambda: list(tmp.glob(f"effanalysis-{proc.pid}-*"))          # noqa: E731
    connection = lambda: [f for d in scratch() for f in d.glob("kernel*.json")]  # noqa: E731
    assert _wait(scratch, 120)
    if point != "scratch":
        assert _wait(connection, 120)
        assert list(tmp.glob("*.json")) == []     # the key is in the scratch directory, not loose in the temp dir
    if point == "cells":
        assert _wait(lambda: _kernels_using(tmp), 60)
        time.sleep(1.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    subprocess.run(cmd, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, timeout=300)
    assert [p.name for p in tmp.iterdir()] == []
    assert len(list(out.glob("*.html"))) == 1
    assert [p.name for p in out.rglob(".*")] == []                 # no hidden temporary page
    assert _wait(lambda: _kernels_using(tmp) == [], 15)      # an orphaned kernel exits with its parent
