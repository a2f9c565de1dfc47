"""Headless Chromium for browser tests (shared by every page the project writes).

Debian's `chromium` driven by Playwright's Python package (`executable_path`, no
browser download). Without Chromium the tests are skipped locally; with
CI=true a missing browser is a failure, because CI installs it.

    from browser_support import open_page
    with open_page(path) as page:      # network blocked, requests and errors recorded
        page.requests, page.console_errors, page.page_errors, page.dialogs, page.pw

Only file:// loads of the page itself (and data: URLs) are let through; any
other request is aborted and recorded.
"""
from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync",
                  "--disable-dev-shm-usage"]


def chromium_path() -> str | None:
    env = os.environ.get("CHROMIUM")
    if env and Path(env).exists():
        return env
    for c in CHROMIUM_CANDIDATES:
        if Path(c).exists():
            return c
    return shutil.which("chromium")


def require_chromium() -> str:
    """The browser's path; skip (locally) or fail (CI=true) without one."""
    path = chromium_path()
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        path = None
    if path is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("CI=true but no Chromium (or no playwright): the browser tests must run on CI")
        pytest.skip("no Chromium here (apt-get install chromium); CI=true makes this a failure")
    return path


@dataclass
class Page:
    pw: object                      # the Playwright page
    url: str
    requests: list[str] = field(default_factory=list)        # every request the page made
    blocked: list[str] = field(default_factory=list)         # requests refused (network)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)     # uncaught exceptions
    dialogs: list[str] = field(default_factory=list)         # alert/confirm/prompt opened


@contextlib.contextmanager
def browser():
    """A headless Chromium (one per `with`; share it through a session fixture)."""
    exe = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_FLAGS)
        try:
            yield b
        finally:
            b.close()


@contextlib.contextmanager
def open_page(path: str | Path, browser_=None, wait: str = "load"):
    """Open a local HTML file with the network blocked and everything recorded."""
    with contextlib.ExitStack() as stack:
        b = browser_ or stack.enter_context(browser())
        ctx = b.new_context(offline=True, java_script_enabled=True, service_workers="block")
        stack.callback(ctx.close)
        pw = ctx.new_page()
        url = Path(path).resolve().as_uri()
        page = Page(pw, url)

        def route(r):
            u = r.request.url
            if u == url or u.startswith("data:"):
                r.continue_()
            else:
                page.blocked.append(u)
                r.abort()

        ctx.route("**/*", route)
        pw.on("request", lambda req: page.requests.append(req.url))
        pw.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
        pw.on("pageerror", lambda e: page.page_errors.append(str(e)))

        def dialog(d):
            page.dialogs.append(d.message)
            d.dismiss()

        pw.on("dialog", dialog)
        pw.goto(url, wait_until=wait)
        yield page


def external_requests(page: Page) -> list[str]:
    """Requests other than the page itself and inline data: URLs."""
    return [u for u in page.requests if u != page.url and not u.startswith("data:")]
