"""The kernel's background warm-up: only this package's modules, nothing bound in the
user's namespace, failures left to the cells, and a trivial notebook's kernel unchanged."""
from __future__ import annotations

import gc
import sys
import threading
import types

import nbformat

from effanalysis import warmup
from effanalysis.render import notebook_path
from effanalysis.render.execute import ThisInterpreter, imported_modules


def test_only_modules_of_the_package_are_wanted():
    assert warmup.wanted(["os", "effanalysis", "effanalysis.workbook", "effanalysis", "effanalysisx",
                          "effanalysis.x; import os"]) == ["effanalysis", "effanalysis.workbook"]


def test_the_report_notebook_warms_up_its_imports():
    names = imported_modules(nbformat.read(notebook_path("report"), as_version=4))
    assert {"effanalysis", "effanalysis.workbook", "effanalysis.explore"} <= set(warmup.wanted(names))


def test_imports_of_every_cell_are_found_and_magics_skipped():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("%matplotlib inline\nimport effanalysis.plots"),
                nbformat.v4.new_code_cell("import os, effanalysis.language as lang\n"
                                          "def f():\n    from effanalysis import workbook as wb\n"
                                          "from . import x\nfrom effanalysis.explore import *"),
                nbformat.v4.new_markdown_cell("import effanalysis.report")]
    assert sorted(imported_modules(nb)) == ["effanalysis", "effanalysis.explore", "effanalysis.language",
                                            "effanalysis.workbook", "os"]


def test_a_notebook_without_package_imports_gets_the_plain_kernel():
    plain = ThisInterpreter().get_kernel_spec("x").argv
    assert plain == [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}",
                     "--HistoryManager.enabled=False"]
    assert ThisInterpreter(preload=["os", "json"]).get_kernel_spec("x").argv == plain
    warm = ThisInterpreter(preload=["effanalysis.workbook"]).get_kernel_spec("x").argv
    assert warm[:6] == plain and warm[6].startswith("--IPKernelApp.exec_lines=")


def test_the_start_up_line_binds_nothing_and_the_thread_swallows_failures():
    namespace: dict = {}
    before = set(threading.enumerate())
    exec(warmup.exec_line(["effanalysis.no_such_module", "effanalysis.errors"]), namespace)
    assert set(namespace) == {"__builtins__"}
    for thread in set(threading.enumerate()) - before:
        assert thread.daemon and thread.name == "effanalysis-warm-up"
        thread.join(timeout=60)
    assert "effanalysis.errors" in sys.modules and "effanalysis.no_such_module" not in sys.modules


def test_the_collector_is_paused_during_the_warm_up_and_then_skips_what_it_made(monkeypatch):
    probe = types.ModuleType("effanalysis._probe")
    seen = []
    probe.warm_up = lambda: seen.append((gc.isenabled(), len(gc.get_objects())))
    monkeypatch.setitem(sys.modules, probe.__name__, probe)
    gc.unfreeze()
    try:
        warmup.run([probe.__name__])
        assert seen and seen[0][0] is False, "no collection while the modules are imported"
        assert gc.isenabled() and gc.get_freeze_count() > 0 and len(gc.get_objects()) < seen[0][1] / 2
        gc.disable()
        warmup.run([probe.__name__])
        assert not gc.isenabled(), "a collector the process had switched off stays off"
    finally:
        gc.enable()
        gc.unfreeze()
