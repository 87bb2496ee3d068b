"""`make bench`: what the generator costs, measured as ratios within one run.

1. overhead: the bilingual HTML build of the shipped corpus (search off) against a
   plain `mkdocs build` of the same rendered Markdown as ordinary pages (same theme,
   same i18n plugin, no hooks); median of alternating runs, each in three states:
   a rebuild with nothing changed (the build cache restores pedoman's work), a
   build after one guideline was edited, and a build without the build cache;
2. scaling: builds of synthetic corpora of N and 4N sections without the build
   cache, with peak memory;
3. validation: `load_corpus` on the 4N corpus against a bare CSafeLoader parse;
4. PDFs: a first build with PDFs against the HTML-only build (both without any
   cache), PDF pages per second, and a rebuild with no change against an HTML-only
   rebuild; editing one guideline must re-render only its two PDFs and the two packs;
5. reported: search index bytes per page per language, and the page weight of one
   guideline page (the bytes a reader downloads to open it, search index excluded).

Prints a table and writes benchmarks/results.json. Machines here are shared and
noisy: read the ratios, not the seconds.
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
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import yaml

from pedoman import load_corpus, prepare

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from harness import ROOT, Preview, write_variant  # noqa: E402  (the tests' harness, not shipped)
from synthetic import make_corpus  # noqa: E402

WORK = ROOT / "build" / "bench"
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
ENV = os.environ | {"NO_MKDOCS_2_WARNING": "1"}


def run_build(config: Path) -> tuple[float, int]:
    """Seconds and peak resident memory (KiB) of one `mkdocs build` in a fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen([MKDOCS, "build", "-q", "-f", str(config)], env=ENV,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed: {config}\n{process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss


def plain_config(folder: Path, content: Path) -> Path:
    """The rendered Markdown of `content` as ordinary pages, and a config without hooks."""
    docs = folder / "docs"
    prepared = prepare(content, ROOT / "docs", docs)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks")
    config.update(docs_dir=str(docs), site_dir=str(folder / "site"), nav=prepared.nav, watch=[])
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def edited_guideline(content: Path) -> Path:
    """The guideline file the benchmark edits."""
    return next(content.glob("cooperation/*.yaml"))


def edit_one_guideline(content: Path) -> None:
    """A change an editor makes: one guideline's version string, different on every call."""
    edited = edited_guideline(content)
    edited.write_text(edited.read_text(encoding="utf-8").replace('\nversion: "', '\nversion: "9', 1), encoding="utf-8")


def overhead(runs: int) -> dict:
    """Plain MkDocs against pedoman without its build cache (a fresh clone, CI), with the
    cache and no change (a rebuild), and with the cache after one guideline was edited."""
    content = WORK / "overhead-content"
    shutil.copytree(ROOT / "guidelines", content)
    html = {"search": False, "pdf": False}
    configs = {
        "plain": plain_config(WORK / "plain", content),
        "cold": write_variant(WORK / "cold", content, pedoman=html | {"cache": False}),
        "warm": write_variant(WORK / "warm", content, pedoman=html),
        "edited": write_variant(WORK / "edited", content, pedoman=html),
    }
    run_build(configs["warm"])  # fills the cache
    times = {name: [] for name in configs}
    for _ in range(runs):  # alternate, so drifting load hits all alike
        for name, config in configs.items():
            if name == "edited":
                edit_one_guideline(content)
            times[name].append(run_build(config)[0])
            if name == "edited":  # the next warm run must see the content it cached
                run_build(configs["warm"])
    medians = {k: statistics.median(v) for k, v in times.items()}
    return {"runs": runs, "plain_s": medians["plain"],
            **{f"{k}_s": medians[k] for k in ("cold", "warm", "edited")},
            **{f"{k}_ratio": medians[k] / medians["plain"] for k in ("cold", "warm", "edited")},
            "target": 1.15}


def preview(runs: int) -> dict:
    """The live preview's rebuild after an editor saves one file, as `mkdocs serve` logs it:
    pedoman after one guideline is edited, plain MkDocs after that guideline's page is edited.
    The server process stays up between rebuilds, so imports are paid only once."""
    content = WORK / "preview-content"
    shutil.copytree(ROOT / "guidelines", content)
    plain = plain_config(WORK / "preview-plain", content)
    page = plain.parent / "docs" / "guidelines" / "cooperation" / f"{edited_guideline(content).stem}.md"
    ours = write_variant(WORK / "preview", content, pedoman={"search": False, "pdf": False})
    built = re.compile(r"Documentation built in ([0-9.]+) seconds")

    def rebuild(preview: Preview, edit: Callable[[], None]) -> float:
        edit()
        seconds = float(built.search(preview.wait_for("Documentation built in"))[1])
        preview.quiet_for(1)  # the browsers' reload, and any late file event
        return seconds

    def edit_page() -> None:
        page.write_text(page.read_text(encoding="utf-8") + "\nSunting.\n", encoding="utf-8")

    times = {"plain": [], "pedoman": []}
    with Preview(plain) as plain_preview, Preview(ours) as our_preview:
        plain_preview.wait_for("Serving on")
        our_preview.wait_for("Serving on")
        for _ in range(runs):
            times["plain"].append(rebuild(plain_preview, edit_page))
            times["pedoman"].append(rebuild(our_preview, lambda: edit_one_guideline(content)))
    plain_s, ours_s = statistics.median(times["plain"]), statistics.median(times["pedoman"])
    return {"runs": runs, "plain_s": plain_s, "pedoman_s": ours_s, "ratio": ours_s / plain_s, "target": 1.15}


def scaling(n: int, runs: int) -> dict:
    results = {}
    for size in (n, 4 * n):
        content = WORK / f"corpus-{size}"
        sections = make_corpus(content, size)
        config = write_variant(WORK / f"site-{size}", content,
                               pedoman={"search": False, "pdf": False, "cache": False})
        samples = [run_build(config) for _ in range(runs)]
        results[size] = {"sections": sections, "seconds": statistics.median(s[0] for s in samples),
                         "peak_memory_mib": max(s[1] for s in samples) / 1024}
    small, large = results[n], results[4 * n]
    return {"n": results[n], "4n": results[4 * n], "ratio": large["seconds"] / small["seconds"],
            "section_ratio": large["sections"] / small["sections"], "target": 4.4}


def validation(n: int, runs: int) -> dict:
    content = WORK / f"corpus-{4 * n}"
    files = sorted(content.rglob("*.yaml"))
    texts = [f.read_text(encoding="utf-8") for f in files]

    def bare():
        for text in texts:
            yaml.load(text, Loader=yaml.CSafeLoader)

    timings = {"validate": [], "bare": []}
    for _ in range(runs):
        start = time.perf_counter()
        load_corpus(content)
        timings["validate"].append(time.perf_counter() - start)
        start = time.perf_counter()
        bare()
        timings["bare"].append(time.perf_counter() - start)
    validate_s, bare_s = statistics.median(timings["validate"]), statistics.median(timings["bare"])
    return {"files": len(files), "validate_s": validate_s, "bare_parse_s": bare_s,
            "ratio": validate_s / bare_s, "target": 2.0}


def pdfs(runs: int) -> dict:
    from pypdf import PdfReader

    content = WORK / "pdf-content"
    shutil.copytree(ROOT / "guidelines", content)
    cache = WORK / "pdf-cache"
    html_only = write_variant(WORK / "html-only", content, pedoman={"search": False, "pdf": False, "cache": False})
    html_cached = write_variant(WORK / "html-cached", content, pedoman={"search": False, "pdf": False})
    with_pdf = write_variant(WORK / "with-pdf", content, pedoman={"search": False, "pdf_cache": str(cache)})
    html_s = statistics.median(run_build(html_only)[0] for _ in range(runs))
    cold_s = run_build(with_pdf)[0]
    pdf_dir = WORK / "with-pdf" / "site" / "pdf"
    pages = sum(len(PdfReader(p).pages) for p in pdf_dir.glob("*.pdf"))
    run_build(html_cached)  # fills its build cache, as the first build with PDFs filled theirs
    warm = {"html": [], "pdf": []}
    for _ in range(runs):
        warm["html"].append(run_build(html_cached)[0])
        warm["pdf"].append(run_build(with_pdf)[0])
    warm_html_s, warm_s = statistics.median(warm["html"]), statistics.median(warm["pdf"])
    before = {p.name for p in cache.iterdir()}
    edit_one_guideline(content)
    run_build(with_pdf)
    rerendered = len({p.name for p in cache.iterdir()} - before)
    return {"html_only_s": html_s, "first_build_s": cold_s, "first_build_ratio": cold_s / html_s,
            "pdf_files": len(list(pdf_dir.glob("*.pdf"))), "pdf_pages": pages,
            "pages_per_second": pages / (cold_s - html_s), "rebuild_s": warm_s, "html_only_rebuild_s": warm_html_s,
            "rebuild_ratio": warm_s / warm_html_s, "rebuild_target": 1.15,
            "rerendered_after_editing_one_guideline": rerendered, "rerendered_expected": 4}


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


def search_and_weight() -> dict:
    """Build the shipped corpus with search, then measure the index and one page's weight."""
    config = write_variant(WORK / "full", ROOT / "guidelines", pedoman={"pdf": False})
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

    page = site / "guidelines" / "victim-assistance" / "pendampingan-pemulihan-korban" / "index.html"
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("-n", type=int, default=250, help="sections in the smaller synthetic corpus")
    args = parser.parse_args()
    shutil.rmtree(WORK, ignore_errors=True)
    results = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "date": time.strftime("%Y-%m-%d")},
        "overhead": overhead(args.runs),
        "preview": preview(args.runs),
        "scaling": scaling(args.n, max(3, args.runs // 2)),
    }
    results["validation"] = validation(args.n, args.runs)
    results["pdf"] = pdfs(max(3, args.runs // 2))
    results.update(search_and_weight())
    (ROOT / "benchmarks" / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    o, s, v, w, p, r = (results["overhead"], results["scaling"], results["validation"], results["page_weight"],
                        results["pdf"], results["preview"])
    rows = [
        ("overhead, rebuild / plain mkdocs", f"{o['warm_s']:.2f} s / {o['plain_s']:.2f} s", o["warm_ratio"],
         o["target"]),
        ("  one guideline edited / plain mkdocs", f"{o['edited_s']:.2f} s / {o['plain_s']:.2f} s", o["edited_ratio"],
         o["target"]),
        ("  no build cache (fresh clone) / plain", f"{o['cold_s']:.2f} s / {o['plain_s']:.2f} s", o["cold_ratio"],
         o["target"]),
        ("live preview rebuild after an edit / plain", f"{r['pedoman_s']:.2f} s / {r['plain_s']:.2f} s", r["ratio"],
         r["target"]),
        (f"scaling: {s['4n']['sections']} / {s['n']['sections']} sections",
         f"{s['4n']['seconds']:.2f} s / {s['n']['seconds']:.2f} s", s["ratio"], s["target"]),
        (f"validation: {v['files']} files / bare CSafeLoader", f"{v['validate_s']:.3f} s / {v['bare_parse_s']:.3f} s",
         v["ratio"], v["target"]),
        ("rebuild with PDFs / rebuild HTML only", f"{p['rebuild_s']:.2f} s / {p['html_only_rebuild_s']:.2f} s",
         p["rebuild_ratio"], p["rebuild_target"]),
    ]
    print(f"{'measure':45} {'seconds':>24} {'ratio':>7} {'target':>7}")
    for name, seconds, ratio, target in rows:
        mark = "ok" if ratio <= target else "OVER"
        print(f"{name:45} {seconds:>24} {ratio:7.2f} {target:7.2f} {mark}")
    print(f"peak memory: {s['n']['peak_memory_mib']:.0f} MiB at {s['n']['sections']} sections, "
          f"{s['4n']['peak_memory_mib']:.0f} MiB at {s['4n']['sections']}")
    print(f"PDFs: first build {p['first_build_s']:.1f} s = {p['first_build_ratio']:.1f}x the HTML-only build; "
          f"{p['pdf_files']} files, {p['pdf_pages']} pages, {p['pages_per_second']:.1f} pages/s; "
          f"editing one guideline re-rendered {p['rerendered_after_editing_one_guideline']} PDFs "
          f"(expected {p['rerendered_expected']})")
    for lang, i in results["search_index"].items():
        print(f"search index ({lang}): {i['bytes']:,} bytes for {i['pages']} pages = {i['bytes_per_page']:,.0f} bytes/page")
    print(f"page weight of {w['page']}: {w['bytes']:,} bytes in {w['files']} files ({w['gzip_bytes']:,} gzipped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
