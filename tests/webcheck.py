"""A built site in a real browser: a local web server for a site folder and Debian's Chromium
driven by Playwright, headless, asking no other host for anything on its own."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("PEDOMAN_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """Serve `folder` on a free local port; yields its base URL, `http://127.0.0.1:<port>/`."""
    handler = functools.partial(_Quiet, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextlib.contextmanager
def launch():
    """Chromium, headless; fails (never skips) when it is missing."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


_RESULTS_SHOWN = """() => {
    const results = document.querySelectorAll("#pd-search-ui .pagefind-ui__result");
    return results.length > 0 && !document.querySelector("#pd-search-ui .pagefind-ui__loading")
        && [...results].every(r => r.querySelector(".pagefind-ui__result-link"));
}"""
"""Pagefind shows a placeholder per result until that result's data has loaded."""


def type_search(page, query: str) -> None:
    """Open the search with "/", type `query` and wait until every result shown has loaded."""
    page.keyboard.press("/")
    page.locator("#pd-search-ui input").fill(query)
    page.wait_for_function(_RESULTS_SHOWN, timeout=10_000)
