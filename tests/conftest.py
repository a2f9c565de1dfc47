"""Shared fixtures: the seed report and the bundled corpus are the test data."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "raw" / "000_b8b61ae6203f38bb.txt"
CORPUS = ROOT / "data" / "corpus" / "government_work_reports.jsonl"

# Keep matplotlib's cache inside the project, as `make` does.
os.environ.setdefault("MPLCONFIGDIR", str(ROOT / ".cache" / "matplotlib"))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def corpus_path() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def seed_report():
    import effanalysis

    return effanalysis.load(SEED)


@pytest.fixture
def english():
    """Sections and sentences built in this test speak English (the page's language is a process-wide
    setting; both languages are tested in test_i18n.py)."""
    from effanalysis import i18n

    i18n.use("en")


@pytest.fixture
def in_both_languages():
    """`run(make)`: what `make()` returns in English and in Chinese, (en, zh); English again after."""
    from effanalysis import i18n

    def run(make):
        out = []
        try:
            for lang in ("en", "zh"):
                i18n.use(lang)
                out.append(make())
        finally:
            i18n.use("en")
        return tuple(out)

    return run


@pytest.fixture(scope="session")
def corpus_rows() -> list[dict]:
    with open(CORPUS, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def corpus_reports():
    import effanalysis

    return list(effanalysis.iter_reports(CORPUS))


@pytest.fixture(scope="module")
def chromium():
    """A headless Chromium for one test module (a module at a time: Playwright's sync API
    does not nest, and test_jupyterlab starts its own)."""
    from browser_support import browser

    with browser() as b:
        yield b
