"""The wheel works on its own: installed in a fresh venv, used from an empty directory.

Builds the wheel, installs it with its dependencies (from the index or pip's cache) and runs
what a new user would (tests/wheel_check.py says what and checks each step). A few minutes."""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_in_the_wheel():
    """pyproject.toml lists the packages by hand (data/ and notebooks/ are mapped into the
    package): a new subpackage or data folder missing from the list would be missing from
    the wheel, while an editable install still finds it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    mapped = {"effanalysis": ROOT / "effanalysis",
              **{name: ROOT / folder for name, folder in config["package-dir"].items()}}
    on_disk = set()
    for name, folder in mapped.items():
        for sub in [folder, *folder.rglob("*")]:
            hidden = any(part.startswith(".") or part == "__pycache__" for part in sub.relative_to(folder).parts)
            if sub.is_dir() and not hidden and any(f.is_file() for f in sub.iterdir()):
                rel = sub.relative_to(folder).parts
                on_disk.add(".".join((name, *rel)))
    assert on_disk == set(config["packages"])


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_the_wheel_works_in_a_fresh_venv(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "wheel_check.py"), str(tmp_path)],
                          capture_output=True, text=True, timeout=1700)
    print(done.stdout)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert done.stdout.rstrip().endswith("wheel check: ok")
