"""notebooks/report.ipynb runs top to bottom inside a real JupyterLab, driven through its own UI.

One JupyterLab server on loopback (a free port, a token, temporary config/runtime/data/settings
dirs and HOME; news, update checks and the extension manager off), one headless Chromium (Debian's,
through Playwright: tests/browser_support.py), one run of all cells through JupyterLab's command
registry. The server, its kernels and the browser are shut down in `finally`, whatever happened.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from browser_support import browser, require_chromium

from effanalysis import lab

ROOT = Path(__file__).resolve().parent.parent
GUARD_S = 240      # hang guard for every wait: never an assertion on speed

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _http(url: str, method: str = "GET") -> tuple[int, bytes]:
    req = urllib.request.Request(url, method=method, data=b"" if method != "GET" else None)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _pids_mentioning(text: str) -> list[int]:
    """Processes whose command line names `text` (our temporary runtime dir): the kernels."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if text in cmdline and int(entry.name) != os.getpid():
                pids.append(int(entry.name))
    return pids


def _lab_env(tmp: Path) -> dict:
    dirs = {name: tmp / "jupyter" / name for name in ("home", "config", "data", "runtime", "settings",
                                                      "workspaces", "ipython")}
    for d in dirs.values():
        d.mkdir(parents=True)                 # new, never a directory of the tree
    # Every cell in the DOM (no windowing), so that what the page shows can be asserted on.
    tracker = dirs["settings"] / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text(json.dumps({"windowingMode": "none"}), encoding="utf-8")
    docmanager = dirs["settings"] / "@jupyterlab" / "docmanager-extension" / "plugin.jupyterlab-settings"
    docmanager.parent.mkdir(parents=True)
    docmanager.write_text(json.dumps({"autosave": False}), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_"))}
    env.update(HOME=str(dirs["home"]), JUPYTER_CONFIG_DIR=str(dirs["config"]),
               JUPYTER_DATA_DIR=str(dirs["data"]), JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
               JUPYTERLAB_SETTINGS_DIR=str(dirs["settings"]),
               JUPYTERLAB_WORKSPACES_DIR=str(dirs["workspaces"]), IPYTHONDIR=str(dirs["ipython"]),
               JUPYTER_PLATFORM_DIRS="1", PYDEVD_DISABLE_FILE_VALIDATION="1")
    return env


@contextmanager
def jupyterlab(root_dir: Path, tmp: Path):
    """A running JupyterLab serving `root_dir`; yields (base_url, token)."""
    env = _lab_env(tmp)
    port, token = _free_port(), secrets.token_hex(16)
    argv = lab.lab_argv(root_dir, f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
                        f"--IdentityProvider.token={token}", "--ServerApp.open_browser=False",
                        "--LabApp.expose_app_in_browser=True")
    log = open(tmp / "jupyterlab.log", "wb")
    proc = subprocess.Popen(argv, env=env, cwd=root_dir, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + GUARD_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab exited with {proc.returncode}:\n{_tail(tmp)}")
            try:
                if _http(f"{base}/api/status?token={token}")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not answer on {base}:\n{_tail(tmp)}")
            time.sleep(0.3)
        yield base, token
    finally:
        _shutdown(proc, base, token, env["JUPYTER_RUNTIME_DIR"])
        log.close()


def _shutdown(proc: subprocess.Popen, base: str, token: str, runtime_dir: str) -> None:
    """Ask the server to stop (it shuts its kernels down), then make sure: the server's process
    group, then any kernel whose connection file lives in our runtime dir, by pid."""
    if proc.poll() is None:
        try:
            _http(f"{base}/api/shutdown?token={token}", method="POST")
            proc.wait(timeout=20)
        except (OSError, subprocess.TimeoutExpired):
            pass
    if proc.poll() is None:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(proc.pid, sig)
                proc.wait(timeout=10)
                break
            except ProcessLookupError:
                break
            except subprocess.TimeoutExpired:
                continue
    for pid in _pids_mentioning(runtime_dir):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _tail(tmp: Path, n: int = 4000) -> str:
    path = tmp / "jupyterlab.log"
    return path.read_bytes()[-n:].decode(errors="replace") if path.exists() else ""


# JavaScript run in the page, against window.jupyterapp (exposed by --LabApp.expose_app_in_browser).
NOTEBOOK_READY = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  return !!(w && w.content && w.sessionContext && w.context && w.context.isReady
            && w.sessionContext.session && w.sessionContext.session.kernel);
}"""
RUN_ALL = """async () => {
  const app = window.jupyterapp, w = app.shell.currentWidget;
  await w.sessionContext.ready;
  const ran = await app.commands.execute('notebook:run-all-cells');
  return {ran: ran, kernel: w.sessionContext.session.kernel.name};
}"""
# After run-all has resolved (every cell executed, or the queue stopped at an error).
IDLE = "() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'"
CELLS = "() => window.jupyterapp.shell.currentWidget.context.model.toJSON().cells"
KERNEL_EXECUTABLE = """async () => {
  const k = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  let text = '';
  const future = k.requestExecute({code: 'import sys; print(sys.executable, end="")', silent: false,
                                   store_history: false});
  future.onIOPub = msg => { if (msg.header.msg_type === 'stream') text += msg.content.text; };
  await future.done;
  return text;
}"""

ADD_AND_RUN_CELL = """async (code) => {
  const app = window.jupyterapp, notebook = app.shell.currentWidget.content;
  notebook.activeCellIndex = notebook.widgets.length - 1;
  await app.commands.execute('notebook:insert-cell-below');
  notebook.activeCell.model.sharedModel.setSource(code);
  return await app.commands.execute('notebook:run-cell');
}"""
EXPLORE = "from effanalysis.explore import explore\nexplore(report)"


def explorer_words(lang: str = "zh") -> dict:
    """The explorer's words on the seed's page: it speaks the page's language (the seed is
    Chinese, so Chinese by default), its dropdown's values stay the raw kinds."""
    from effanalysis import i18n, labels

    before = i18n.current()
    try:
        i18n.use(lang)
        return {"count": i18n.ngettext("{n} claim", "{n} claims", 2).replace("{n}", "").strip(),
                "kind": labels.header("kind"), "money": labels.value("kind", "money")}
    finally:
        i18n.use(before)


def _try_the_explorer(page) -> dict:
    """In the notebook's kernel, after the run: a cell showing the claims explorer; pick a kind in
    its dropdown, as an analyst would, and read what the widget shows."""
    words = explorer_words()
    seen = {"ran": page.evaluate(ADD_AND_RUN_CELL, EXPLORE)}
    page.wait_for_function(IDLE, polling=250)
    box = page.locator(".jp-OutputArea-output .widget-vbox").last
    label = box.locator("div.widget-label", has_text=words["count"])
    seen["before"] = label.inner_text()
    box.locator(".widget-dropdown select").first.select_option(label=words["money"])   # the option shows the page's word
    label.filter(has_not_text=seen["before"]).wait_for()
    seen["after"] = label.inner_text()
    table = box.locator(".widget-html table")
    headers = table.locator("thead th").all_inner_texts()
    kind = headers.index(words["kind"])
    seen["kinds"] = table.locator(f"tbody tr td:nth-child({kind + 1})").all_inner_texts()
    return seen


def _code_of(cell: dict) -> str:
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else src


def run_in_jupyterlab(nbdir: Path, name: str, tmp: Path) -> dict:
    """Open `name` in JupyterLab, run all cells through the command registry, wait for the kernel
    to go idle; return what the server and the page show."""
    seen: dict = {}
    with jupyterlab(nbdir, tmp) as (base, token):
        seen["kernelspecs"] = json.loads(_http(f"{base}/api/kernelspecs?token={token}")[1])["kernelspecs"]
        wanted = json.loads((nbdir / name).read_text(encoding="utf-8"))["metadata"]["kernelspec"]["name"]
        assert wanted in seen["kernelspecs"], f"no kernel {wanted!r}: JupyterLab would ask for one"
        with browser() as chromium:
            page = chromium.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(GUARD_S * 1000)
            page.goto(f"{base}/lab/tree/{name}?token={token}")
            page.wait_for_function(NOTEBOOK_READY, polling=250)
            seen.update(page.evaluate(RUN_ALL))
            page.wait_for_function(IDLE, polling=250)
            seen["executable"] = page.evaluate(KERNEL_EXECUTABLE)
            seen["cells"] = page.evaluate(CELLS)
            tables = page.locator(".jp-OutputArea-output table").filter(
                has=page.locator("th", has_text="norm_value"))
            seen["claims_tables"] = tables.count()
            if seen["claims_tables"]:
                seen["claims_headers"] = tables.first.locator("thead th").all_inner_texts()
                seen["claims_rows"] = tables.first.locator("tbody tr").count()
            charts = page.locator(".jp-OutputArea-output img[src^='data:image/']")
            seen["charts"] = [img.evaluate("img => img.naturalWidth") for img in charts.all()]
            if seen["ran"] is True:           # else the assertions below say which cell failed
                seen["explorer"] = _try_the_explorer(page)
            if os.environ.get("EFFANALYSIS_LAB_SCREENSHOT"):   # to look at by hand
                page.screenshot(path=os.environ["EFFANALYSIS_LAB_SCREENSHOT"])
    return seen


@pytest.mark.timeout(GUARD_S * 3)
def test_report_notebook_runs_all_cells_in_jupyterlab(tmp_path):
    require_chromium()                        # skip locally, fail on CI, without a browser
    lab.install_kernel()                      # the kernel `make lab` registers, inside .venv
    nbdir = tmp_path / "notebooks"            # a copy: nothing in the tree changes
    shutil.copytree(ROOT / "notebooks", nbdir, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    (tmp_path / "data").symlink_to(ROOT / "data")   # ../data from the notebooks, as in the tree
    notebook = nbdir / "report.ipynb"
    assert notebook.exists(), "notebooks/report.ipynb is missing"
    kernelspec = json.loads(notebook.read_text(encoding="utf-8"))["metadata"]["kernelspec"]
    assert kernelspec["name"] == lab.KERNEL_NAME

    data_before = sorted(p for p in (ROOT / "data").rglob("*"))

    seen = run_in_jupyterlab(nbdir, notebook.name, tmp_path)

    # The server and its kernels are gone (their command lines name our temporary directory).
    assert _pids_mentioning(str(tmp_path)) == []
    # Nothing written into the tree through the ../data link (Jupyter's dirs are all temporary).
    assert sorted(p for p in (ROOT / "data").rglob("*")) == data_before

    # The notebook's kernel is the project's interpreter, registered under the project's name.
    assert seen["kernelspecs"][lab.KERNEL_NAME]["spec"]["argv"][0] == sys.executable
    assert seen["kernel"] == lab.KERNEL_NAME
    assert seen["executable"] == sys.executable
    # No cell shows an error, every code cell ran.
    errors = [(i, o.get("ename"), o.get("evalue")) for i, c in enumerate(seen["cells"])
              for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert errors == []
    code = [c for c in seen["cells"] if c["cell_type"] == "code" and _code_of(c).strip()]
    assert code and all(c["execution_count"] is not None for c in code)
    assert seen["ran"] is True                # NotebookActions.runAll: every cell succeeded
    # The claims table (the contract's columns, some rows) and a chart are on the page.
    assert seen["claims_tables"] >= 1
    for column in ("surface", "subject", "kind", "norm_value", "unit", "qualifier"):
        assert column in seen["claims_headers"]
    assert seen["claims_rows"] > 0
    assert seen["charts"] and max(seen["charts"]) > 100
    # The claims explorer is a live widget in JupyterLab: choosing a kind filters its table.
    explorer = seen["explorer"]
    assert explorer["ran"] is True
    before, after = (int(re.search(r"\d+", explorer[k]).group()) for k in ("before", "after"))
    assert 0 < after < before
    assert explorer["kinds"] == [explorer_words()["money"]] * after   # 金额: the page's words
