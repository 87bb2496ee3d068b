"""The first full build, this code against an earlier commit, side by side in one run.

    .venv/bin/python benchmarks/first_build_against.py REV [--rounds 3]

Checks out REV and this repository's HEAD into build/bench/against-<commit> (git
worktrees) and, in each round, times `mkdocs build` in each from nothing: its
build/ folder (caches, PDF cache, staging) removed first, search and PDFs on,
the site's address set. Three builds a round, one after the other:

- REV, with its own corpus as it was then;
- HEAD on the serial path (PEDOMAN_PDF_WORKERS=1);
- HEAD with its PDF worker processes.

Prints each build and the medians as ratios to REV's time, and writes
build/bench/first-build-against-REV.json. Commit before measuring: HEAD is what
is measured, not the working tree. Machines here are shared and noisy: only
ratios measured in one run mean anything.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "bench"
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
SITE_URL = "https://pedoman.contoh.id/"


def worktree(rev: str) -> Path:
    commit = subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, check=True, capture_output=True,
                            text=True).stdout.strip()
    folder = WORK / f"against-{commit}"
    if not folder.is_dir():
        WORK.mkdir(parents=True, exist_ok=True)
        # `make bench` empties build/bench/: forget the worktrees it removed before adding one
        subprocess.run(["git", "worktree", "prune"], cwd=ROOT, check=True)
        subprocess.run(["git", "worktree", "add", "--detach", str(folder), commit], cwd=ROOT, check=True,
                       capture_output=True)
    return folder


def pdf_pages(site: Path) -> tuple[int, int]:
    from pypdf import PdfReader

    files = sorted((site / "pdf").glob("*.pdf"))
    return len(files), sum(len(PdfReader(f).pages) for f in files)


def timed(tree: Path, env: dict) -> dict:
    """One `mkdocs build` of `tree` with nothing left from an earlier one."""
    shutil.rmtree(tree / "build", ignore_errors=True)
    site = tree / "build" / "measured-site"
    environment = os.environ | {"PYTHONPATH": str(tree / "src"), "NO_MKDOCS_2_WARNING": "1",
                                "PEDOMAN_SITE_URL": SITE_URL} | env
    start = time.perf_counter()
    subprocess.run([MKDOCS, "build", "--quiet", "--site-dir", str(site)], cwd=tree, check=True,
                   capture_output=True, env=environment)
    seconds = time.perf_counter() - start
    files, pages = pdf_pages(site)
    return {"seconds": seconds, "files": files, "pages": pages, "load": os.getloadavg()[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rev", help="the commit to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    before, now = worktree(args.rev), worktree("HEAD")
    runs = {"before": (before, {}), "serial": (now, {"PEDOMAN_PDF_WORKERS": "1"}), "parallel": (now, {})}
    found: dict[str, list[dict]] = {name: [] for name in runs}
    for round_ in range(args.rounds):
        for name, (tree, env) in runs.items():
            result = timed(tree, env)
            found[name].append(result)
            print(f"round {round_ + 1} {name} ({tree.name}): {result['seconds']:.1f} s, {result['files']} PDFs, "
                  f"{result['pages']} pages, load {result['load']:.1f}", flush=True)
    medians = {name: statistics.median(r["seconds"] for r in results) for name, results in found.items()}
    summary = {"rev": args.rev, "head": now.name, "date": time.strftime("%Y-%m-%d"), "cpus": os.cpu_count(),
               "runs": found, "median_s": medians, "serial_over_before": medians["serial"] / medians["before"],
               "parallel_over_before": medians["parallel"] / medians["before"]}
    (WORK / f"first-build-against-{args.rev}.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(f"medians: before {medians['before']:.1f} s, serial {medians['serial']:.1f} s "
          f"({summary['serial_over_before']:.2f} of before), parallel {medians['parallel']:.1f} s "
          f"({summary['parallel_over_before']:.2f} of before)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
