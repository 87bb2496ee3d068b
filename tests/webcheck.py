"""A built site in a real browser: a local web server for a site folder and Debian's Chromium
driven by Playwright, headless, asking no other host for anything on its own."""

from __future__ import annotations

import contextlib
import functools
import gzip
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


COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".webmanifest"}
"""The text types a real host (GitHub Pages among them) sends gzipped to a browser that accepts it."""


class _Gzip(_Quiet):
    """Like a real host: HTTP/1.1 with keep-alive, text files gzipped when the browser accepts gzip
    (each file compressed once, level 6 as common servers do), everything else as stored."""

    protocol_version = "HTTP/1.1"
    _cache: dict[tuple[str, float], bytes] = {}

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path)
                or os.path.splitext(path)[1] not in COMPRESSED):
            return super().do_GET()
        key = (path, os.path.getmtime(path))
        if key not in self._cache:
            self._cache[key] = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
        body = self._cache[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve(folder: Path, compress: bool = False):
    """Serve `folder` on a free local port; yields its base URL, `http://127.0.0.1:<port>/`.

    With `compress`, as a real host serves a site: gzipped text over HTTP/1.1 keep-alive (`_Gzip`);
    without it, each file as stored, as the tests that read raw bytes expect."""
    handler = functools.partial(_Gzip if compress else _Quiet, directory=str(folder))
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
