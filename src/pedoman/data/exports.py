"""Open data: the recommendation ↔ section cross-references as JSON and CSV, the legal register and the
register of services.

URLs are relative to the site root, as the pages themselves are published:
`guidelines/formation/gt-provinsi/#dasar-hukum` (Indonesian) and the same
under `en/` (English); absolute (`https://…/guidelines/…`) when the site's address is known, so that a
link copied out of a spreadsheet still opens the page.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from pedoman import cachefolder, urls
from pedoman.content.corpus import Corpus
from pedoman.content.model import Text
from pedoman.data.crossref import CrossRef, SectionRef

CSV_COLUMNS = [
    "recommendation_id", "recommendation_title_id", "recommendation_title_en",
    "guideline_id", "guideline_kind", "guideline_title_id", "guideline_title_en",
    "section_id", "section_title_id", "section_title_en", "url_id", "url_en",
]


def _text(value: Text) -> dict:
    return {"id": value.id, "en": value.en}


def _urls(key: str, anchor: str | None = None, site_url: str | None = None) -> dict:
    base = site_url.rstrip("/") + "/" if site_url else ""
    return {lang: base + urls.page_url(key, lang, anchor) for lang in ("id", "en")}


def _section(ref: SectionRef, site_url: str | None = None) -> dict:
    g, s = ref.guideline, ref.section
    return {
        "id": f"{g.id}/{s.id}",
        "guideline": g.id,
        "title": _text(s.title),
        "url": _urls(urls.guideline_key(g.kind, g.id), s.id, site_url),
    }


def crossref_data(corpus: Corpus, crossref: CrossRef, site_url: str | None = None) -> dict:
    """The cross-references as plain data, in the shape published at data/crossref.json (page URLs
    absolute under `site_url` when given)."""
    from pedoman.documents.kit import urls_data

    documents = urls_data(corpus)
    return {
        "source": {"title": _text(corpus.source.title), "publisher": _text(corpus.source.publisher),
                   "date": corpus.source.date.isoformat()},
        "recommendations": [
            {
                "id": r.id,
                "title": _text(r.title),
                "text": _text(r.text),
                "url": _urls(urls.recommendation_key(r.id), None, site_url),
                "sections": [_section(ref, site_url) for ref in crossref.by_recommendation[r.id]],
            }
            for r in corpus.recommendations
        ],
        "guidelines": [
            {
                "id": g.id,
                "kind": g.kind,
                "title": _text(g.title),
                "url": _urls(urls.guideline_key(g.kind, g.id), None, site_url),
                "sections": [_section(ref, site_url) for ref in crossref.sections if ref.guideline is g],
                "cites": [{"regulation": ref.regulation, "article": ref.article}
                          for ref in g.references if ref.regulation is not None],
                "documents": documents.get(g.id, []),
            }
            for g in corpus.guidelines
        ],
    }


def crossref_rows(corpus: Corpus, crossref: CrossRef, site_url: str | None = None) -> list[list[str]]:
    """The header and one row per (recommendation, implementing section); a lone row for an unimplemented one."""
    rows = [list(CSV_COLUMNS)]
    for r in corpus.recommendations:
        head = [r.id, r.title.id, r.title.en or ""]
        refs = crossref.by_recommendation[r.id]
        if not refs:
            rows.append(head + [""] * (len(CSV_COLUMNS) - len(head)))
        for ref in refs:
            g, s = ref.guideline, ref.section
            url = _urls(urls.guideline_key(g.kind, g.id), s.id, site_url)
            rows.append(head + [g.id, g.kind, g.title.id, g.title.en or "", f"{g.id}/{s.id}",
                                s.title.id, s.title.en or "", url["id"], url["en"]])
    return rows


def csv_field(text: str) -> str:
    """One field of a CSV line: quoted when it holds a comma, a quote or a line break (RFC 4180, and a
    bare carriage return too, which Python's csv module leaves unquoted); a text that starts like a
    formula (`documents.xlsx.starts_like_formula`) gets OWASP's apostrophe before it and is always quoted."""
    from pedoman.documents.xlsx import starts_like_formula

    if starts_like_formula(text):
        text = "'" + text
    elif not any(c in text for c in ',"\r\n'):
        return text
    return '"' + text.replace('"', '""') + '"'


def csv_text(rows: list[list[str]]) -> str:
    """Rows as CSV text, each field by `csv_field`: no cell a spreadsheet opens runs a formula."""
    return "".join(",".join(map(csv_field, row)) + "\n" for row in rows)


def crossref_csv(corpus: Corpus, crossref: CrossRef) -> str:
    """`crossref_rows` as CSV text."""
    return csv_text(crossref_rows(corpus, crossref))


def _table_key(table: tuple) -> str:
    """A digest of everything the open-data workbook is made from: its rows, widths and date, and the
    code and library version that write workbooks (the drafting kit's `writers_digest`)."""
    from pedoman.documents.kit import writers_digest

    return hashlib.sha256(writers_digest()["xlsx"] + repr(table).encode("utf-8")).hexdigest()[:32]


CSV_WIDTHS = (8, 40, 40, 24, 20, 50, 50, 36, 50, 50, 50, 50)
"""Column widths of data/crossref.xlsx, in characters."""


def write_exports(corpus: Corpus, crossref: CrossRef, site_dir: Path | str,
                  cache_dir: Path | None = None, site_url: str | None = None) -> list[Path]:
    """Write data/crossref.json, data/crossref.csv (UTF-8 with a byte-order mark, so that Excel reads "–" and
    Indonesian letters right), data/crossref.xlsx, data/regulations.json and data/services.json into the built site.
    With `cache_dir` (the drafting kit's), the workbook is kept there under a digest of its rows and the code
    that writes it, and written again only when one of them changed. With `site_url` (the site's address),
    the pages' URLs in the JSON, CSV and workbook are absolute."""
    from pedoman.content.legal import regulations_data
    from pedoman.content.services import services_data
    from pedoman.documents.xlsx import write_table

    folder = Path(site_dir) / "data"
    folder.mkdir(parents=True, exist_ok=True)
    json_path, csv_path = folder / "crossref.json", folder / "crossref.csv"
    regulations_path = folder / "regulations.json"
    regulations_path.write_text(json.dumps(regulations_data(corpus), ensure_ascii=False, indent=1) + "\n",
                                encoding="utf-8")
    services_path = folder / "services.json"
    services_path.write_text(json.dumps(services_data(corpus), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    json_path.write_text(json.dumps(crossref_data(corpus, crossref, site_url), ensure_ascii=False, indent=1) + "\n",
                         encoding="utf-8")
    rows = crossref_rows(corpus, crossref, site_url)
    csv_path.write_text(csv_text(rows), encoding="utf-8-sig")
    xlsx_path = folder / "crossref.xlsx"
    latest = max((g.updated for g in corpus.guidelines), default=corpus.source.date)
    table = ("crossref", rows[0], rows[1:], CSV_WIDTHS, latest)
    if cache_dir is None:
        write_table(xlsx_path, *table)
    else:
        kept = Path(cache_dir) / f"crossref-{_table_key(table)}.xlsx"
        if kept.is_file():
            cachefolder.used(kept)
        else:
            kept.parent.mkdir(parents=True, exist_ok=True)
            partial = cachefolder.partial(kept)
            write_table(partial, *table)
            partial.replace(kept)
        shutil.copyfile(kept, xlsx_path)
    return [json_path, csv_path, xlsx_path, regulations_path, services_path]
