"""Every PDF from an empty cache: this code against an earlier commit, side by side in one run.

    .venv/bin/python benchmarks/pdf_against.py REV [--rounds 3]

Checks REV out into build/bench/against-REV (a git worktree) and, in each round,
times in fresh processes, one after the other:

- REV's `build_pdfs` on REV's own corpus, as it was then;
- this code's `build_pdfs` on the shipped corpus on the serial path (PEDOMAN_PDF_WORKERS=1);
- the same with worker processes across the cores.

Prints each run and the medians as ratios to REV's time, and writes
build/bench/pdf-against-REV.json. Machines here are shared and noisy: only
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
SITE_URL = "https://pedoman.contoh.id"

RUN = """
import sys, time
from pathlib import Path
from pedoman import build_pdfs, load_corpus
corpus = load_corpus(Path("guidelines"))
start = time.perf_counter()
build_pdfs(corpus, Path(sys.argv[1]) / "site", Path(sys.argv[1]) / "cache", sys.argv[2])
print(time.perf_counter() - start)
"""


def worktree(rev: str) -> Path:
    folder = WORK / f"against-{rev}"
    if not folder.is_dir():
        WORK.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "worktree", "add", "--detach", str(folder), rev], cwd=ROOT, check=True,
                       capture_output=True)
    return folder


def pdf_pages(site: Path) -> tuple[int, int]:
    from pypdf import PdfReader

    files = sorted((site / "pdf").glob("*.pdf"))
    return len(files), sum(len(PdfReader(f).pages) for f in files)


def timed(tree: Path, name: str, env: dict) -> dict:
    """One build of every PDF by the code in `tree` from its own corpus, from an empty cache."""
    work = WORK / f"pdf-against-{name}"
    shutil.rmtree(work, ignore_errors=True)
    out = subprocess.run([sys.executable, "-c", RUN, str(work), SITE_URL], cwd=tree, check=True,
                         capture_output=True, text=True, env=os.environ | {"PYTHONPATH": str(tree / "src")} | env)
    files, pages = pdf_pages(work / "site")
    return {"seconds": float(out.stdout.split()[-1]), "files": files, "pages": pages, "load": os.getloadavg()[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rev", help="the commit to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    old = worktree(args.rev)
    runs = {"before": (old, {}), "serial": (ROOT, {"PEDOMAN_PDF_WORKERS": "1"}), "parallel": (ROOT, {})}
    found: dict[str, list[dict]] = {name: [] for name in runs}
    for round_ in range(args.rounds):
        for name, (tree, env) in runs.items():
            result = timed(tree, name, env)
            found[name].append(result)
            print(f"round {round_ + 1} {name}: {result['seconds']:.1f} s, {result['files']} files, "
                  f"{result['pages']} pages, load {result['load']:.1f}", flush=True)
    medians = {name: statistics.median(r["seconds"] for r in results) for name, results in found.items()}
    summary = {"rev": args.rev, "date": time.strftime("%Y-%m-%d"), "cpus": os.cpu_count(), "runs": found,
               "median_s": medians, "serial_over_before": medians["serial"] / medians["before"],
               "parallel_over_before": medians["parallel"] / medians["before"]}
    (WORK / f"pdf-against-{args.rev}.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(f"medians: before {medians['before']:.1f} s, serial {medians['serial']:.1f} s "
          f"({summary['serial_over_before']:.2f}), parallel {medians['parallel']:.1f} s "
          f"({summary['parallel_over_before']:.2f} of before)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
