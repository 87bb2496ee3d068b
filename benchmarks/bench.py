"""`make bench`: what the generator costs, measured as ratios within one run.

1. overhead: the bilingual HTML build of the shipped corpus (search and PDFs off)
   against a plain `mkdocs build` of the same rendered Markdown as ordinary pages (same
   theme, same i18n plugin, no hooks): a rebuild of unchanged content with what earlier
   builds kept, a rebuild after one guideline was edited, and a first build with nothing
   kept; medians of alternating runs (the first run of the first two finds nothing kept);
2. live preview: `mkdocs serve`'s rebuild after an editor saves one guideline against
   plain `mkdocs serve` after saving that guideline's page;
3. scaling: builds of synthetic corpora of N and 4N sections, with peak memory;
4. validation: `load_corpus` on the 4N corpus against a bare CSafeLoader parse;
5. what the PDF cache saves: a first build with PDFs (empty cache), a rebuild with every
   PDF from the cache and an HTML-only build; then editing one guideline, which must
   re-render only its two PDFs, its two handouts and the two packs;
   and the first build with PDFs laid out in worker processes across the cores against the
   serial path (PEDOMAN_PDF_WORKERS=1), side by side, as ratios to the HTML-only build,
   with pages per second;
6. reported: search index bytes per page per language, and the page weight of one
   guideline page (the bytes a reader downloads to open it, search index excluded);
7. reported: what each output written beside the pages costs (open data, the drafting kit's
   documents, training slides, feeds, schemas), with nothing kept and with the documents kept.

Prints a table and writes benchmarks/results.json. Machines here are shared and
noisy: read the ratios, not the seconds. A measure that fails is tried again
(`--tries`), and one that still fails is reported as failed while the others are
kept. `--quick` runs every measure once on the tests' small corpus, to check the
benchmark itself (its results go to build/bench/results-quick.json).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import yaml

from pedoman import load_corpus, prepare
from pedoman.content.language import forget_verdicts
from pedoman.content.loader import forget_loaded
from pedoman.content.privacy import forget_findings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from harness import ROOT, Preview, read_config, write_variant  # noqa: E402  (the tests' harness, not shipped)
from synthetic import make_corpus  # noqa: E402

WORK = ROOT / "build" / "bench"
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
ENV = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
HTML_ONLY = {"search": False, "pdf": False}
BUILD_TIMEOUT = 900
"""Seconds one `mkdocs build` may take (a first build with every PDF takes about a
minute on a quiet machine) before the measure counts as failed."""
REBUILD_TIMEOUT = 300
"""Seconds the live preview may take to start, or to finish a rebuild after a saved edit."""


class MeasureFailed(RuntimeError):
    """A build failed or took too long, or the live preview did not rebuild."""


def run_build(config: Path, env: dict | None = None) -> tuple[float, int]:
    """Seconds and peak resident memory (KiB) of one `mkdocs build` in a fresh process
    (with `env` added to its environment)."""
    errors_path = config.parent / "build-errors.log"
    with errors_path.open("w+b") as errors:
        start = time.perf_counter()
        process = subprocess.Popen([MKDOCS, "build", "-q", "-f", str(config)], env=ENV | (env or {}),
                                   stdout=subprocess.DEVNULL, stderr=errors)
        timer = threading.Timer(BUILD_TIMEOUT, process.kill)
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        errors.seek(0)
        output = errors.read().decode(errors="replace")
    if elapsed >= BUILD_TIMEOUT:
        raise MeasureFailed(f"the build took longer than {BUILD_TIMEOUT} s: {config}")
    if process.returncode != 0:
        raise MeasureFailed(f"the build failed: {config}\n{output}")
    return elapsed, usage.ru_maxrss


THEME_ONLY_HOOK = """# The plain build's only hook: the project hook's `on_env`, which hands the theme
# overrides (the same theme as pedoman's build) the words they print. Nothing else of pedoman runs.
import importlib.util

_spec = importlib.util.spec_from_file_location("pedoman_theme_words", {hooks!r})
_hooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_hooks)
on_env = _hooks.on_env
"""


def plain_config(folder: Path, content: Path) -> Path:
    """The rendered Markdown of `content` as ordinary pages, and a config without pedoman's
    hooks (only the theme's words, see THEME_ONLY_HOOK)."""
    docs = folder / "docs"
    prepared = prepare(content, ROOT / "docs", docs)
    config = read_config()
    hook = folder / "theme_words.py"
    hook.write_text(THEME_ONLY_HOOK.format(hooks=str(ROOT / "hooks" / "site_hooks.py")), encoding="utf-8")
    config.update(docs_dir=str(docs), site_dir=str(folder / "site"), nav=prepared.nav, watch=[], hooks=[str(hook)])
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def edited_guideline(content: Path) -> Path:
    """The guideline file the benchmark edits."""
    return sorted(content.glob("cooperation/*.yaml"))[0]


def save(path: Path, text: str) -> None:
    """Save as an editor's program does, all at once: the live preview never reads half a file."""
    staged = WORK / f".saving-{path.name}"
    staged.write_text(text, encoding="utf-8")
    os.replace(staged, path)


def edit_one_guideline(content: Path) -> None:
    """A change an editor makes: one guideline's version, and its newest change's with it
    (they must agree), different on every call."""
    edited = edited_guideline(content)
    text = edited.read_text(encoding="utf-8")
    version = re.search(r'\nversion: "([^"]+)"', text)[1]
    save(edited, text.replace(f'version: "{version}"', f'version: "9{version}"'))


def copy_corpus(source: Path, name: str) -> Path:
    content = WORK / name
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(source, content)
    return content


def overhead(source: Path, runs: int) -> dict:
    """Plain MkDocs against pedoman: a rebuild of unchanged content with what earlier builds kept
    (`make site` again, CI with its cache), a rebuild right after one guideline was edited, and a first
    build with nothing kept (a fresh clone), each in its own copy of the content."""
    content, edited = copy_corpus(source, "overhead-content"), copy_corpus(source, "overhead-edited")
    configs = {
        "plain": plain_config(WORK / "plain", content),
        "build": write_variant(WORK / "build", content, pedoman=HTML_ONLY),
        "edited": write_variant(WORK / "edited", edited, pedoman=HTML_ONLY),
        "cold": write_variant(WORK / "cold", content, pedoman=HTML_ONLY),
    }
    times = {name: [] for name in configs}
    for _ in range(runs):  # alternate, so drifting load hits all alike
        for name, config in configs.items():
            if name == "edited":
                edit_one_guideline(edited)
            if name == "cold":
                shutil.rmtree(config.parent / "build", ignore_errors=True)  # the caches a build keeps
            times[name].append(run_build(config)[0])
    medians = {k: statistics.median(v) for k, v in times.items()}
    return {"runs": runs, **{f"{k}_s": v for k, v in medians.items()},
            **{f"{k}_ratio": medians[k] / medians["plain"] for k in ("build", "edited", "cold")}, "target": 1.5}


def side_outputs(source: Path, runs: int) -> dict:
    """What each output the build writes beside its pages costs, written one after the other in this
    process (`build._write_side`; a build writes the training slides in one process and the rest in
    another): with nothing kept (a first build) and with every drafting-kit document and deck kept
    (`documents_cache`), medians of `runs`."""
    from pedoman import build_crossref
    from pedoman.data.exports import write_exports
    from pedoman.data.schema import write_schemas
    from pedoman.documents.kit import write_decks, write_documents
    from pedoman.site.feeds import write_feeds

    corpus = load_corpus(source)
    crossref = build_crossref(corpus)
    steps = {
        "open data": lambda out, cache: write_exports(corpus, crossref, out, cache),
        "drafting kit's documents": lambda out, cache: write_documents(corpus, out, "f4", cache, slides=False),
        "training slides": lambda out, cache: write_decks(corpus, out, cache),
        "feeds": lambda out, cache: write_feeds(corpus, out, None),
        "schemas": lambda out, cache: write_schemas(out / "schema", corpus),
    }
    times = {state: {name: [] for name in steps} for state in ("nothing_kept", "kept")}
    for n in range(runs):
        cache = WORK / "side-outputs" / f"cache-{n}"
        for state in times:  # the first pass fills `cache`, the second finds it
            out = WORK / "side-outputs" / f"{state}-{n}"
            for name, step in steps.items():
                started = time.perf_counter()
                step(out, cache)
                times[state][name].append(time.perf_counter() - started)
    return {state: {name: statistics.median(v) for name, v in steps_times.items()}
            for state, steps_times in times.items()} | {"runs": runs}


def rebuild_seconds(preview: Preview, edit: Callable[[], None], tries: int) -> float:
    """Seconds `mkdocs serve` takes to rebuild after `edit`, from its log: from the last
    "Building documentation..." (MkDocs' serve logs it as each build starts) to the
    "Reloading browsers" its live reload logs after every successful build. A rebuild that
    fails or does not finish within REBUILD_TIMEOUT is tried again with a new edit."""
    failures = []
    for _ in range(tries):
        preview.quiet_for(1)  # the browsers' reload of the last rebuild, and any late file event
        edit()
        start = len(preview.log)
        try:
            text = preview.wait_for("Reloading browsers", "An error happened during the rebuild",
                                    timeout=REBUILD_TIMEOUT)
        except RuntimeError as exc:
            if preview.process.poll() is not None:
                raise MeasureFailed(str(exc)) from None
            failures.append(f"no rebuild within {REBUILD_TIMEOUT} s")
            continue
        if "Reloading browsers" not in preview.log[-1]:
            failures.append(text)
            continue
        began = [i for i in range(start, len(preview.log) - 1) if "Building documentation..." in preview.log[i]]
        if not began:
            failures.append(f"no build started:\n{text}")
            continue
        return preview.times[-1] - preview.times[began[-1]]
    raise MeasureFailed(f"no rebuild in {tries} tries:\n" + "\n".join(failures))


def live_preview(source: Path, runs: int, tries: int) -> dict:
    """The live preview's rebuild after an editor saves one file: pedoman after one
    guideline is saved, plain MkDocs after that guideline's page is saved. The server
    processes stay up between rebuilds, so imports are paid only once."""
    content = copy_corpus(source, "preview-content")
    plain = plain_config(WORK / "preview-plain", content)
    page = plain.parent / "docs" / "guidelines" / "cooperation" / f"{edited_guideline(content).stem}.md"
    ours = write_variant(WORK / "preview", content, pedoman=HTML_ONLY)

    def edit_page() -> None:
        save(page, page.read_text(encoding="utf-8") + "\nSunting.\n")

    times = {"plain": [], "pedoman": []}
    with Preview(plain) as plain_preview, Preview(ours) as our_preview:
        for preview in (plain_preview, our_preview):
            try:
                preview.wait_for("Serving on", timeout=REBUILD_TIMEOUT)
            except RuntimeError as exc:
                raise MeasureFailed(str(exc)) from None
        for _ in range(runs):
            times["plain"].append(rebuild_seconds(plain_preview, edit_page, tries))
            times["pedoman"].append(rebuild_seconds(our_preview, lambda: edit_one_guideline(content), tries))
    plain_s, ours_s = statistics.median(times["plain"]), statistics.median(times["pedoman"])
    return {"runs": runs, "plain_s": plain_s, "pedoman_s": ours_s, "ratio": ours_s / plain_s, "target": 1.15}


def scaling(n: int, runs: int) -> dict:
    results = {}
    for size in (n, 4 * n):
        content = WORK / f"corpus-{size}"
        sections = make_corpus(content, size)
        config = write_variant(WORK / f"site-{size}", content, pedoman=HTML_ONLY)
        samples = [run_build(config) for _ in range(runs)]
        results[size] = {"sections": sections, "seconds": statistics.median(s[0] for s in samples),
                         "peak_memory_mib": max(s[1] for s in samples) / 1024}
    small, large = results[n], results[4 * n]
    return {"n": small, "4n": large, "ratio": large["seconds"] / small["seconds"],
            "section_ratio": large["sections"] / small["sections"], "target": 4.4}


def validation(n: int, runs: int) -> dict:
    content = WORK / f"corpus-{4 * n}"
    if not content.is_dir():
        make_corpus(content, 4 * n)
    files = sorted(content.rglob("*.yaml"))
    texts = [f.read_text(encoding="utf-8") for f in files]

    def bare():
        for text in texts:
            yaml.load(text, Loader=yaml.CSafeLoader)

    timings = {"validate": [], "bare": []}
    for _ in range(runs):
        forget_loaded()  # as `pedoman validate` does it: every file read and parsed, every text judged
        forget_verdicts()
        forget_findings()
        start = time.perf_counter()
        load_corpus(content)
        timings["validate"].append(time.perf_counter() - start)
        start = time.perf_counter()
        bare()
        timings["bare"].append(time.perf_counter() - start)
    validate_s, bare_s = statistics.median(timings["validate"]), statistics.median(timings["bare"])
    return {"files": len(files), "validate_s": validate_s, "bare_parse_s": bare_s,
            "ratio": validate_s / bare_s, "target": 2.0}


def cache_files(cache: Path) -> set[str]:
    return {str(p.relative_to(cache)) for p in cache.rglob("*") if p.is_file()} if cache.is_dir() else set()


def pdfs(source: Path, runs: int) -> dict:
    """What the PDF cache saves: HTML-only builds, a first build with PDFs (empty cache)
    and rebuilds with every PDF from the cache, alternating; then one guideline edited."""
    from pypdf import PdfReader

    content = copy_corpus(source, "pdf-content")
    cache = WORK / "pdf-cache"
    shutil.rmtree(cache, ignore_errors=True)
    html_only = write_variant(WORK / "html-only", content, pedoman=HTML_ONLY)
    with_pdf = write_variant(WORK / "with-pdf", content, pedoman={"search": False, "pdf": True,
                                                                 "pdf_cache": str(cache)})
    html = [run_build(html_only)[0]]
    first_s = run_build(with_pdf)[0]
    pdf_dir = WORK / "with-pdf" / "site" / "pdf"
    pdf_files = sorted(pdf_dir.glob("*.pdf"))
    pages = sum(len(PdfReader(p).pages) for p in pdf_files)
    cached = []
    for _ in range(runs):
        html.append(run_build(html_only)[0])
        cached.append(run_build(with_pdf)[0])
    html_s, cached_s = statistics.median(html), statistics.median(cached)
    before = cache_files(cache)
    edit_one_guideline(content)
    edited_s = run_build(with_pdf)[0]
    rerendered = len(cache_files(cache) - before)
    return {"runs": runs, "html_only_s": html_s, "first_build_s": first_s, "cached_s": cached_s,
            "after_edit_s": edited_s, "first_build_ratio": first_s / html_s, "cached_ratio": cached_s / html_s,
            "after_edit_ratio": edited_s / html_s, "saved_s": first_s - cached_s, "cached_target": 1.15,
            "pdf_files": len(pdf_files), "pdf_pages": pages, "pages_per_second": pages / max(first_s - html_s, 1e-9),
            "rerendered_after_editing_one_guideline": rerendered, "rerendered_expected": 6}


def first_build(source: Path, runs: int) -> dict:
    """The first build with PDFs (an empty PDF cache each time) with the PDFs laid out in worker
    processes across the cores, and on the serial path (PEDOMAN_PDF_WORKERS=1), alternating with
    HTML-only builds: medians, as ratios to the HTML-only build, and pages laid out per second."""
    from pypdf import PdfReader

    content = copy_corpus(source, "first-content")
    html_only = write_variant(WORK / "first-html", content, pedoman=HTML_ONLY)
    cache = WORK / "first-cache"
    with_pdf = write_variant(WORK / "first-pdf", content, pedoman={"search": False, "pdf": True,
                                                                  "pdf_cache": str(cache)})
    seconds: dict[str, list[float]] = {"html": [], "parallel": [], "serial": []}
    for _ in range(runs):
        seconds["html"].append(run_build(html_only)[0])
        for path, env in (("parallel", {}), ("serial", {"PEDOMAN_PDF_WORKERS": "1"})):
            shutil.rmtree(cache, ignore_errors=True)
            seconds[path].append(run_build(with_pdf, env)[0])
    html_s, parallel_s, serial_s = (statistics.median(seconds[k]) for k in ("html", "parallel", "serial"))
    pdf_files = sorted((WORK / "first-pdf" / "site" / "pdf").glob("*.pdf"))
    pages = sum(len(PdfReader(p).pages) for p in pdf_files)
    return {"runs": runs, "cpus": os.cpu_count(), "html_only_s": html_s, "parallel_s": parallel_s,
            "serial_s": serial_s, "parallel_ratio": parallel_s / html_s, "serial_ratio": serial_s / html_s,
            "parallel_over_serial": parallel_s / serial_s, "pdf_files": len(pdf_files), "pdf_pages": pages,
            "parallel_pages_per_second": pages / max(parallel_s - html_s, 1e-9),
            "serial_pages_per_second": pages / max(serial_s - html_s, 1e-9)}


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") in ("stylesheet", "icon") and a.get("href"):
            self.urls.append(a["href"])
        elif tag in ("script", "img") and a.get("src"):
            self.urls.append(a["src"])


def search_and_weight(source: Path) -> dict:
    """Build the corpus with search, then measure the index and one guideline page's weight."""
    config = write_variant(WORK / "full", source, pedoman={"search": True, "pdf": False})
    run_build(config)
    site = WORK / "full" / "site"
    pages = {"id": 0, "en": 0}
    for page in site.rglob("index.html"):
        pages["en" if page.relative_to(site).parts[0] == "en" else "id"] += 1
    index = {}
    for lang in pages:
        size = sum(p.stat().st_size for p in (site / "pagefind").rglob("*")
                   if p.is_file() and re.search(rf"(^|[._]){lang}[._]", p.name))
        index[lang] = {"bytes": size, "pages": pages[lang], "bytes_per_page": size / pages[lang]}

    weighed = sorted(source.glob("victim-assistance/*.yaml"))
    stem = "pendampingan-pemulihan-korban" if (source / "victim-assistance/pendampingan-pemulihan-korban.yaml").exists() \
        else weighed[0].stem
    page = site / "guidelines" / "victim-assistance" / stem / "index.html"
    parser = _Assets()
    html = page.read_bytes()
    parser.feed(html.decode("utf-8"))
    files = [page]
    for url in parser.urls:
        target = (page.parent / url.split("?")[0]).resolve()
        if target.is_file():
            files.append(target)
    raw = sum(f.stat().st_size for f in files)
    compressed = sum(len(gzip.compress(f.read_bytes())) for f in files)
    return {"search_index": index,
            "page_weight": {"page": str(page.relative_to(site)), "files": len(files),
                            "bytes": raw, "gzip_bytes": compressed, "html_bytes": len(html)}}


def attempt(name: str, measure: Callable[[], dict], tries: int) -> dict:
    """`measure()`, tried up to `tries` times; a measure that keeps failing is recorded as
    `{"failed": reason}` so that the run keeps every other measure."""
    reason = "not tried"
    for n in range(1, tries + 1):
        started = time.perf_counter()
        try:
            result = measure()
        except Exception as exc:  # noqa: BLE001  (one measure's failure must not lose the run)
            reason = "".join(traceback.format_exception_only(exc)).strip()
            detail = reason if isinstance(exc, MeasureFailed) else traceback.format_exc()
            print(f"{name}: try {n} of {tries} failed: {detail}", file=sys.stderr, flush=True)
            continue
        print(f"{name}: measured in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        return result
    return {"failed": reason}


def report(results: dict) -> None:
    rows = []

    def row(section: str, name: str, make: Callable[[dict], tuple[str, float, float]]) -> None:
        r = results.get(section)
        if r is None:  # not measured in this run (--only)
            return
        if "failed" in r:
            rows.append((name, "failed", None, None))
        else:
            rows.append((name, *make(r)))

    row("overhead", "overhead: build / plain mkdocs build",
        lambda o: (f"{o['build_s']:.2f} s / {o['plain_s']:.2f} s", o["build_ratio"], o["target"]))
    row("overhead", "  after editing one guideline / plain",
        lambda o: (f"{o['edited_s']:.2f} s / {o['plain_s']:.2f} s", o["edited_ratio"], o["target"]))
    row("overhead", "  first build, nothing kept / plain",
        lambda o: (f"{o['cold_s']:.2f} s / {o['plain_s']:.2f} s", o["cold_ratio"], o["target"]))
    row("preview", "live preview rebuild after a save / plain",
        lambda r: (f"{r['pedoman_s']:.2f} s / {r['plain_s']:.2f} s", r["ratio"], r["target"]))
    row("scaling", "scaling: 4N / N sections",
        lambda s: (f"{s['4n']['seconds']:.2f} s / {s['n']['seconds']:.2f} s", s["ratio"], s["target"]))
    row("validation", "validation / bare CSafeLoader",
        lambda v: (f"{v['validate_s']:.3f} s / {v['bare_parse_s']:.3f} s", v["ratio"], v["target"]))
    row("pdf", "PDFs all from the cache / HTML only",
        lambda p: (f"{p['cached_s']:.2f} s / {p['html_only_s']:.2f} s", p["cached_ratio"], p["cached_target"]))
    print(f"{'measure':45} {'seconds':>24} {'ratio':>7} {'target':>7}")
    for name, seconds, ratio, target in rows:
        if ratio is None:
            print(f"{name:45} {seconds:>24}")
        else:
            print(f"{name:45} {seconds:>24} {ratio:7.2f} {target:7.2f} {'ok' if ratio <= target else 'OVER'}")
    s, p = results.get("scaling") or {}, results.get("pdf") or {}
    if "n" in s:
        print(f"scaling: {s['4n']['sections']} / {s['n']['sections']} sections; peak memory "
              f"{s['n']['peak_memory_mib']:.0f} MiB at {s['n']['sections']}, "
              f"{s['4n']['peak_memory_mib']:.0f} MiB at {s['4n']['sections']}")
    if "first_build_s" in p:
        print(f"PDF cache: first build with PDFs {p['first_build_s']:.1f} s = {p['first_build_ratio']:.1f}x "
              f"HTML only; every PDF from the cache {p['cached_s']:.2f} s = {p['cached_ratio']:.2f}x "
              f"(saves {p['saved_s']:.1f} s); {p['pdf_files']} files, {p['pdf_pages']} pages, "
              f"{p['pages_per_second']:.1f} pages/s")
        print(f"  after editing one guideline: {p['after_edit_s']:.1f} s = {p['after_edit_ratio']:.1f}x HTML only, "
              f"{p['rerendered_after_editing_one_guideline']} PDFs re-rendered (expected {p['rerendered_expected']})")
    if "parallel_s" in (f := results.get("first_build") or {}):
        print(f"first build with PDFs on {f['cpus']} cores: {f['parallel_s']:.1f} s = {f['parallel_ratio']:.1f}x HTML "
              f"only ({f['parallel_pages_per_second']:.1f} pages/s); serial path {f['serial_s']:.1f} s = "
              f"{f['serial_ratio']:.1f}x ({f['serial_pages_per_second']:.1f} pages/s); parallel / serial "
              f"{f['parallel_over_serial']:.2f}; {f['pdf_files']} files, {f['pdf_pages']} pages")
    if "kept" in (c := results.get("side_outputs") or {}):
        for name, seconds in c["nothing_kept"].items():
            print(f"side outputs, {name}: {seconds:.2f} s with nothing kept, {c['kept'][name]:.2f} s with the "
                  f"documents kept")
    for lang, i in (results.get("search_index") or {}).items():
        print(f"search index ({lang}): {i['bytes']:,} bytes for {i['pages']} pages = {i['bytes_per_page']:,.0f} bytes/page")
    if w := results.get("page_weight"):
        print(f"page weight of {w['page']}: {w['bytes']:,} bytes in {w['files']} files ({w['gzip_bytes']:,} gzipped)")
    for section, r in results.items():
        if isinstance(r, dict) and "failed" in r:
            print(f"{section}: FAILED after every try: {r['failed'].splitlines()[0]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("-n", type=int, default=250, help="sections in the smaller synthetic corpus")
    parser.add_argument("--tries", type=int, default=3, help="tries of a measure (and of one preview rebuild)")
    parser.add_argument("--quick", action="store_true",
                        help="each measure once, on the tests' small corpus: checks the benchmark, measures nothing")
    parser.add_argument("--only", action="append", metavar="MEASURE",
                        help="run only this measure (overhead, preview, scaling, validation, pdf, first_build, "
                             "search_and_weight, side_outputs); may be given more than once; results go to build/bench/")
    args = parser.parse_args()
    source = ROOT / "tests" / "fixtures" / "valid" if args.quick else ROOT / "guidelines"
    runs, small_runs, n = (1, 1, 12) if args.quick else (args.runs, max(3, args.runs // 2), args.n)
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    results = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                           "date": time.strftime("%Y-%m-%d")},
               "corpus": str(source.relative_to(ROOT))}
    measures = {
        "overhead": lambda: overhead(source, runs),
        "preview": lambda: live_preview(source, runs, args.tries),
        "scaling": lambda: scaling(n, small_runs),
        "validation": lambda: validation(n, runs),
        "pdf": lambda: pdfs(source, small_runs),
        "first_build": lambda: first_build(source, small_runs),
        "search_and_weight": lambda: search_and_weight(source),
        "side_outputs": lambda: side_outputs(source, small_runs),
    }
    for name, measure in measures.items():
        if args.only and name not in args.only:
            continue
        result = attempt(name, measure, args.tries)
        if name == "search_and_weight" and "failed" not in result:
            results.update(result)
        else:
            results[name] = result
    out = WORK / "results-quick.json" if args.quick or args.only else ROOT / "benchmarks" / "results.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    report(results)
    print(f"results in {out.relative_to(ROOT)}")
    return 1 if any(isinstance(r, dict) and "failed" in r for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
