"""Lighthouse (npm, pinned at 12.2.3 in package.json) as the judge of the built site on a phone (issue 26).

Its mobile profile (the default: a 412 px screen, a slow 4G link simulated, the CPU slowed down) runs all
four categories on the home page, a guideline page and the search page of the fixture site, in both
languages, and on the referral services page, in Debian's Chromium, headless. Targets: performance 0.90 at
least, accessibility 1.0, best practices 0.95 at least, and every binary audit that applies passes (touch
targets among them: `target-size`, 24 px and spacing, WCAG 2.2). The search is a dialog on every page;
"the search page" is the address that opens it with words already searched, `?q=restitusi`
(`overrides/assets/search.js`), so Lighthouse measures the search's own script, index and results too.

What is measured is what readers get: the pages come from `webcheck.serve(compress=True)`, which answers
as GitHub Pages does, text gzipped over a kept-alive connection (the plain test server sends every byte
uncompressed, a page three to four times heavier than a reader downloads).

The CPU slowdown is calibrated, as Lighthouse's documentation asks (docs/throttling.md, "Calibrating the
CPU slowdown"): its default 4x turns a high-end desktop (benchmarkIndex 1500-2000) into a mid-tier phone,
and this shared machine scores about 700-1,600 from run to run, where 4x emulates a slower phone than
intended (below 1,000 Lighthouse warns that the score is understated). A first run on the home page
reads the machine's benchmarkIndex and the slowdown is 4 x index / 1750 (the middle of the high-end
desktop range), kept between 1 and 4. Timings still vary from run to run on two shared cores: a page
under the performance target is measured twice more and judged by the median of its three runs, as
Lighthouse's variability guide recommends medians.

Each page's scores, metrics, transferred bytes (HTML, CSS and JS apart) and the slowdown used are written
to build/lighthouse.json, which the README's figures come from."""

from __future__ import annotations

import json
import os
import statistics
import subprocess

import pytest

from harness import ROOT
from webcheck import CHROMIUM, serve

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
RECORD = ROOT / "build" / "lighthouse.json"
PAGES = {
    "home": "",
    "guideline": "guidelines/formation/gt-uji/",
    "search": "?q=restitusi",
    "home (en)": "en/",
    "guideline (en)": "en/guidelines/formation/gt-uji/",
    "search (en)": "en/?q=restitution",
    "services": "services/",
}
TARGETS = {"performance": 0.90, "accessibility": 1.0, "best-practices": 0.95, "seo": 0.90}
"""The least score of each category (issue 26); a failing audit is fixed rather than a target lowered."""
MUST_PASS = ("target-size", "viewport", "color-contrast", "tap-targets", "label-content-name-mismatch")
"""Audits that must pass where Lighthouse runs them (12.2.3 has no `tap-targets`: `target-size` measures taps)."""
DESKTOP_INDEX = 1750
"""The benchmarkIndex Lighthouse's default 4x slowdown assumes: the middle of its high-end desktop range."""
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"


def audit(url: str, out, slowdown: float | None = None, categories: str | None = None) -> dict:
    """Lighthouse's report of `url` in its mobile profile, with the CPU slowdown `slowdown` (its default 4x if None)."""
    if not LIGHTHOUSE.exists():
        pytest.fail(f"{LIGHTHOUSE} is missing: `make test` installs it with `npm ci` (package-lock.json pins 12.2.3)")
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
               "--max-wait-for-load=30000", f"--chrome-flags={CHROME_FLAGS}"]
    if slowdown is not None:
        command.append(f"--throttling.cpuSlowdownMultiplier={slowdown:.2f}")
    if categories:
        command.append(f"--only-categories={categories}")
    run = subprocess.run(command, capture_output=True, text=True, env=os.environ | {"CHROME_PATH": CHROMIUM},
                         timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["lighthouseVersion"] == "12.2.3"
    assert report["configSettings"]["formFactor"] == "mobile"
    return report


def slowdown_for(index: float) -> float:
    """Lighthouse's 4x scaled to a machine of benchmarkIndex `index`, between 1 and 4."""
    return round(min(4.0, max(1.0, 4.0 * index / DESKTOP_INDEX)), 2)


def scores(report: dict) -> dict[str, float]:
    return {name: category["score"] for name, category in report["categories"].items()}


def transferred(report: dict) -> dict[str, int]:
    """Bytes transferred by type (gzipped where the server compressed), from Lighthouse's resource summary."""
    summary = report["audits"]["resource-summary"]["details"]["items"]
    items = {item["resourceType"]: item["transferSize"] for item in summary}
    return {"total": items["total"], "html": items["document"], "css": items["stylesheet"], "js": items["script"],
            "html_css_js": items["document"] + items["stylesheet"] + items["script"]}


@pytest.fixture(scope="module")
def base(fixture_site):
    with serve(fixture_site.site, compress=True) as url:
        yield url


@pytest.fixture(scope="module")
def slowdown(base, tmp_path_factory) -> dict:
    report = audit(base, tmp_path_factory.mktemp("lighthouse") / "calibration.json", categories="performance")
    index = report["environment"]["benchmarkIndex"]
    return {"benchmarkIndex": index, "cpuSlowdownMultiplier": slowdown_for(index)}


@pytest.fixture(scope="module")
def record():
    results: dict = {}
    yield results
    RECORD.parent.mkdir(parents=True, exist_ok=True)
    previous = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
    RECORD.write_text(json.dumps(previous | results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def test_the_slowdown_follows_the_machine():
    assert slowdown_for(1750) == 4.0
    assert slowdown_for(875) == 2.0
    assert slowdown_for(3000) == 4.0
    assert slowdown_for(200) == 1.0


def test_the_server_sends_what_a_host_sends(base):
    """Gzipped HTML, CSS and JS when the browser accepts gzip, as stored otherwise."""
    import gzip
    import urllib.request
    page = ROOT / "overrides" / "assets" / "search.js"
    request = urllib.request.Request(base + "assets/search.js", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        body = response.read()
    assert gzip.decompress(body) == page.read_bytes()
    assert len(body) < page.stat().st_size / 1.5
    with urllib.request.urlopen(base + "assets/search.js") as response:
        assert response.headers["Content-Encoding"] is None
        assert response.read() == page.read_bytes()


@pytest.mark.parametrize("name", list(PAGES))
def test_lighthouse_mobile_targets(base, slowdown, record, name, tmp_path):
    url = base + PAGES[name]
    runs = [audit(url, tmp_path / "report-1.json", slowdown["cpuSlowdownMultiplier"])]
    if scores(runs[0])["performance"] < TARGETS["performance"]:
        runs += [audit(url, tmp_path / f"report-{n}.json", slowdown["cpuSlowdownMultiplier"]) for n in (2, 3)]
    performances = [scores(r)["performance"] for r in runs]
    report = next(r for r in runs if scores(r)["performance"] == statistics.median_low(performances))
    got = scores(report)
    audits = report["audits"]
    record[name] = {
        "path": "/" + PAGES[name], "scores": got, "performance_runs": performances,
        "metrics": {m: audits[m]["numericValue"] for m in METRICS}, "transferred": transferred(report),
        **slowdown, "lighthouse": report["lighthouseVersion"],
    }
    print(name, got, record[name]["metrics"], record[name]["transferred"])
    failed = sorted(audit_id for audit_id, a in audits.items()
                    if a.get("scoreDisplayMode") == "binary" and a.get("score") == 0)
    assert failed == [], failed
    for audit_id in MUST_PASS:
        if audit_id in audits and audits[audit_id].get("scoreDisplayMode") == "binary":
            assert audits[audit_id]["score"] == 1, audit_id
    assert audits["target-size"]["scoreDisplayMode"] == "binary"
    below = {category: (score, TARGETS[category]) for category, score in got.items() if score < TARGETS[category]}
    assert below == {}, (below, {m: audits[m]["displayValue"] for m in METRICS})
