"""Every page of the built site passes the W3C Nu HTML Checker (npm's vnu-jar, run with Debian's
Java; `make test` installs both): the shipped corpus, built without and with the site's address."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import build_site
from harness import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_check(*folders: Path) -> list[dict]:
    """The checker's errors for every HTML file under `folders`."""
    java = shutil.which("java")
    assert java and VNU.exists(), "the Nu HTML Checker is missing: `make test` installs Java and vnu-jar"
    run = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                          *map(str, folders)], capture_output=True, text=True)
    messages = json.loads(run.stderr)["messages"]
    assert run.returncode == (1 if messages else 0), run.stderr
    return messages


@pytest.fixture(scope="module")
def published_site(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("published"), ROOT / "guidelines", site_url="https://example.org/pedoman/")
    assert build.returncode == 0, build.output
    return build.site


def test_every_page_is_valid_html(shipped_site, published_site):
    pages = list(shipped_site.site.rglob("*.html")) + list(published_site.rglob("*.html"))
    assert len(pages) > 150
    errors = nu_check(shipped_site.site, published_site)
    assert [f"{e['url'].rsplit('/site/', 1)[-1]}:{e.get('lastLine')}: {e['message']}" for e in errors] == []


def test_the_checker_finds_what_the_theme_used_to_print(tmp_path):
    (tmp_path / "page.html").write_text(
        '<!doctype html><html lang="id"><head><title>x</title></head><body>'
        '<input type="checkbox" id="a" autocomplete="off"><label for="a" tabindex="">a</label></body></html>',
        encoding="utf-8")
    messages = [e["message"] for e in nu_check(tmp_path)]
    assert len(messages) == 2 and any("tabindex" in m for m in messages) and any("autocomplete" in m for m in messages)
