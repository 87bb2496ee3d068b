"""Factories shared by the tests: content corpora in tmp_path and whole-site builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from harness import ROOT, write_variant

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VALID = FIXTURES / "valid"
HTML_ONLY = {"pdf": False, "search": False}
"""What a test build makes unless it asks for more: PDFs and the search index are slow,
and only the tests that read them turn them on."""


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A writable copy of the small valid corpus."""
    target = tmp_path / "guidelines"
    shutil.copytree(VALID, target)
    return target


@dataclass
class Build:
    """The result of running `mkdocs build --strict` on a project laid out in tmp_path."""

    returncode: int
    output: str
    site: Path
    staging: Path


def build_site(project: Path, content: Path, site: Path | None = None, pedoman: dict | None = None,
               **settings) -> Build:
    """Build the real mkdocs.yml, hooks and docs against `content`, into `project`.

    Without PDFs and search index unless `pedoman` turns them on (e.g. `{"pdf": True}`);
    `pedoman` adds to `extra.pedoman`, whose paths (the PDF cache too) default to
    folders inside `project`. `settings` override top-level mkdocs.yml settings
    (e.g. repo_url).
    """
    site = site or project / "site"
    config_path = write_variant(project, content, site, pedoman=HTML_ONLY | (pedoman or {}), **settings)
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    run = subprocess.run([str(mkdocs), "build", "--strict", "-f", str(config_path)],
                         capture_output=True, text=True, env=env, cwd=project)
    return Build(run.returncode, run.stdout + run.stderr, site, project / "staging")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Build:
    """The small valid corpus built once for the whole session, with PDFs and search index:
    the link checks of test_build.py follow its PDF links, test_browser.py searches it."""
    project = tmp_path_factory.mktemp("fixture-site")
    content = project / "guidelines"
    shutil.copytree(VALID, content)
    build = build_site(project, content, pedoman={"pdf": True, "search": True})
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory) -> Build:
    """The shipped corpus under guidelines/ built once for the whole session, HTML only
    (its PDF links are checked by name, see `sitecheck.resolves`)."""
    project = tmp_path_factory.mktemp("shipped-site")
    build = build_site(project, ROOT / "guidelines")
    assert build.returncode == 0, build.output
    return build
