"""The drafting kit: which documents each guideline calls for, and what they say.

A guideline's `documents` block (model.py) adds what a document needs beyond the
guideline's own parts: the decree's considerations, the agreement's signatories,
the forms' fields. The drafting families (`decrees`, `agreements`, `forms`, on the
shared `drafting.Drafter`) decide the content of every document from the corpus,
in each language, as plain blocks (`blocks`); `docx` and `xlsx` only lay them out.
This module says which documents each kind calls for, lists them, and writes the kit.

A text may hold blanks to fill in, written in square brackets ("Provinsi [nama
provinsi]"): they become `Blank` runs, highlighted in the files and listed on
the guideline's page. The Indonesian document is the one to sign; the English
one is a working translation and says so on its first page.

A build writes a document only when its file is not already kept in the
documents cache (`write_documents` with `cache_dir`, the setting
documents_cache): each file is kept under a digest of everything it is made
from (`cache_key`): what the document says, with the whole guideline it comes
from, the paper size, the writers' code and the versions of python-docx and
openpyxl. Writing the whole kit takes about 1.5 s; finding it kept, 0.1 s.

The same build writes the training slides (`slides`, laid out by `pptx`) into slides/, one deck
per guideline with a `training` block and language, kept the same way under `deck_key`.
"""

from __future__ import annotations

import ast
import hashlib
import shutil
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from pedoman import cachefolder
from pedoman.content.model import LANGUAGES

if TYPE_CHECKING:
    from pedoman.content.corpus import Corpus
    from pedoman.content.model import Guideline

from pedoman.documents.agreements import CooperationDrafts
from pedoman.documents.blocks import DEFAULT_PAPER, FOLDER, VERSIONS, Document
from pedoman.documents.decrees import FormationDrafts
from pedoman.documents.filenames import named
from pedoman.documents.forms import REFERRAL, FormDrafts
from pedoman.documents.regulation import RegulationDrafts
from pedoman.documents.reports import ReportDrafts
from pedoman.documents.slides import FOLDER as SLIDES_FOLDER
from pedoman.documents.slides import Deck, decks
from pedoman.documents.village import VillageDrafts


class _Builder(FormationDrafts, CooperationDrafts, FormDrafts, ReportDrafts, VillageDrafts, RegulationDrafts):
    """The documents of one guideline in one language, by the family of its kind."""

    def all(self) -> list[Document]:
        docs = getattr(self.g, "documents", None)
        if docs is None:
            return []
        kind = self.g.kind
        if kind == "formation":
            return [self.decree(), self.action_plan(), self.action_plan_matrix(), self.action_plan_monitor(),
                    self.task_force_report()] + self.decisions() + self.regulation_documents()
        if kind == "cooperation":
            return [self.joint_agreement(), self.agreement(), self.agreement_budget()]
        if kind == "victim-assistance":
            letter = [self.referral_letter()] if any(REFERRAL in f.id for f in docs.forms) else []
            return [self.form(f) for f in docs.forms] + letter
        return [self.questionnaire()]

    def decisions(self) -> list[Document]:
        """The task force's own decisions (its sub-task-forces, its working procedures) and, for a district
        guideline, which carries the work down to the villages, the village's documents."""
        village = [self.village_team_decree(), self.village_regulation()] if self.g.documents.decree.level == \
            "district" else []
        return [self.subtaskforce_decree(), self.working_procedures(), *village]


def for_guideline(corpus: Corpus, g: Guideline, lang: str) -> list[Document]:
    """The documents a guideline calls for, in `lang` (none without a `documents` block), each under its file
    name in `lang` (`filenames`)."""
    return named(_Builder(corpus, g, lang).all())


def kit(corpus: Corpus) -> list[Document]:
    """Every document of the corpus in every language: guideline by guideline, language by language."""
    return [d for g in corpus.guidelines for lang in LANGUAGES for d in for_guideline(corpus, g, lang)]


def listing(corpus: Corpus, g: Guideline, lang: str) -> list[dict]:
    """What a page or a PDF prints about a guideline's documents in `lang`: title, purpose, file, format,
    blanks, and the same file in the other language; `label` and `other_label`, the words (words.yaml keys)
    that say what each file is: the original to sign and a working translation, or two versions alike
    (`Document.working_translation`). Paths are relative to the site root."""
    other = {(d.name, d.format): d for lang2 in LANGUAGES if lang2 != lang
             for d in for_guideline(corpus, g, lang2)}
    out = []
    for d in for_guideline(corpus, g, lang):
        versions = d.kind in VERSIONS
        out.append({"name": d.name, "kind": d.kind, "title": d.title, "purpose": d.purpose, "format": d.format,
                    "path": d.path, "blanks": d.blanks,
                    "other": other[(d.name, d.format)].path if (d.name, d.format) in other else None,
                    "label": "doc_this_version" if versions else "doc_this_language",
                    "other_label": "doc_other_version" if versions else "doc_other_language"})
    return out


def urls_data(corpus: Corpus) -> dict[str, list[dict]]:
    """Guideline id → its documents with the file of each language, for the open data."""
    out: dict[str, list[dict]] = {}
    for g in corpus.guidelines:
        by_name: dict[tuple[str, str], dict] = {}
        for lang in LANGUAGES:
            for d in for_guideline(corpus, g, lang):
                entry = by_name.setdefault((d.name, d.format), {"name": d.name, "kind": d.kind, "format": d.format,
                                                                  "title": {}, "url": {}})
                entry["title"][lang] = d.title
                entry["url"][lang] = d.path
        if by_name:
            out[g.id] = list(by_name.values())
    return out


@dataclass
class Decks:
    files: list[Path]
    """The training slides (slides/), one deck per guideline with training and language."""
    written: int
    """Decks written by this build; the others were kept from an earlier one."""
    seconds: float

    def line(self) -> str:
        return (f"training slides: {len(self.files)} decks ({self.written} written, "
                f"{len(self.files) - self.written} kept) in {self.seconds:.2f} s")


@dataclass
class Written:
    files: list[Path]
    written: int
    """Files written by this build; the others were kept from an earlier one."""
    seconds: float
    paper: str
    decks: Decks | None = None
    """The training slides, when written with the documents."""

    def line(self) -> str:
        """What the build log says."""
        return (f"drafting kit: {len(self.files)} documents ({self.written} written, "
                f"{len(self.files) - self.written} kept) in {self.seconds:.2f} s ({self.paper.upper()} paper)"
                + (f"; {self.decks.line()}" if self.decks is not None else ""))


WRITERS = {"docx": ("python-docx", "docx.py"), "xlsx": ("openpyxl", "xlsx.py")}
"""Per format, the library and the module that write it: part of its documents' cache keys."""

HERE = Path(__file__).parent
"""The folder the writers' code is read from for the cache keys."""


def code(module: str) -> list[str]:
    """`module` (a file of this folder) and every module of this folder it imports, directly or through
    another, sorted: the code a file is written by, found from the imports rather than listed by hand (a
    writer that starts using another module, e.g. `stablezip`, brings it into its key by importing it)."""
    found: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in found:
            continue
        found.add(name)
        for node in ast.walk(ast.parse((HERE / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pedoman.documents"):
                todo += ([a.name + ".py" for a in node.names] if node.module == "pedoman.documents"
                         else [node.module.rsplit(".", 1)[1] + ".py"])
    return sorted(found)


def _digest(package: str, module: str):
    digest = hashlib.sha256(f"{package} {metadata.version(package)}\0".encode())
    for name in code(module):
        digest.update(name.encode() + b"\0" + (HERE / name).read_bytes() + b"\0")
    return digest


def writers_digest() -> dict[str, bytes]:
    """Per format, a digest of the code a file is written by: its writer module and every module of this
    folder it imports (`code`: `blocks`, what the writers read, e.g. PAPER_SIZES; `stablezip`), and the
    version of its library. What the builders decide is in the document itself (`cache_key`)."""
    return {format_: _digest(package, module).digest() for format_, (package, module) in WRITERS.items()}


def cache_key(d: Document, paper: str, writers: dict[str, bytes]) -> str:
    """The name `d`'s file is kept under: a digest of what it says (its blocks and sheets, and the
    guideline it comes from, whose dates and id the file carries), the paper and the code that
    writes its format (writers_digest)."""
    return hashlib.sha256(writers[d.format] + f"{paper}\0{d!r}".encode("utf-8")).hexdigest()[:32]


def _writer(format_: str):
    """The function that writes a file of `format_`; its library is imported only when a file
    must be written, not when every file is kept."""
    if format_ == "docx":
        from pedoman.documents.docx import write_docx
        return write_docx
    from pedoman.documents.xlsx import write_xlsx
    return write_xlsx


def write_documents(corpus: Corpus, site_dir: Path | str, paper: str = DEFAULT_PAPER,
                    cache_dir: Path | str | None = None, slides: bool = True, prune: bool = True) -> Written:
    """Write the whole kit into `site_dir`/documents/, replacing what an earlier build left there;
    with `cache_dir`, copy each file kept there under its `cache_key` and write only the others, and
    with `prune`, remove from it what no build used for a while (`cachefolder.prune`: not while another
    process writes into it). With `slides`, the training decks too (`write_decks`)."""
    start = time.perf_counter()
    shutil.rmtree(Path(site_dir) / FOLDER, ignore_errors=True)
    cache = Path(cache_dir) if cache_dir is not None else None
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        writers = writers_digest()
    files, written = [], 0
    for d in kit(corpus):
        path = Path(site_dir) / d.path
        path.parent.mkdir(parents=True, exist_ok=True)
        if cache is None:
            _writer(d.format)(d, path, paper)
            written += 1
        else:
            kept = cache / f"{cache_key(d, paper, writers)}.{d.format}"
            if kept.is_file():
                cachefolder.used(kept)
            else:
                partial = cachefolder.partial(kept)
                _writer(d.format)(d, partial, paper)
                partial.replace(kept)
                written += 1
            shutil.copyfile(kept, path)
        files.append(path)
    seconds = time.perf_counter() - start
    decks = write_decks(corpus, site_dir, cache, prune=False) if slides else None
    if cache is not None and prune:
        cachefolder.prune(cache)
    return Written(files, written, seconds, paper, decks)


SLIDE_WRITER = "pptx.py"
"""The module that lays a deck out (what a deck says is in the deck itself): it and the modules it imports
(`slidefit`, `stablezip`, ...) are part of a deck's cache key."""


def deck_key(deck: Deck, writer: bytes | None = None) -> str:
    """The name a deck's file is kept under: a digest of what it says (`slides.Deck`, every text and the
    guideline's date and version), the code that lays it out (`code`) and the version of python-pptx;
    `writer` is the digest of the last two (`slides_digest`), when the caller has it already."""
    return hashlib.sha256((writer or slides_digest()) + repr(deck).encode("utf-8")).hexdigest()[:32]


def slides_digest() -> bytes:
    """A digest of the code that lays a deck out and of python-pptx's version (read once per build:
    finding a module's imports takes a few hundredths of a second, and a build keys 38 decks)."""
    return _digest("python-pptx", SLIDE_WRITER).digest()


def write_decks(corpus: Corpus, site_dir: Path | str, cache_dir: Path | str | None = None,
                prune: bool = True) -> Decks:
    """Every training deck into `site_dir`/slides/, replacing what an earlier build left there; with
    `cache_dir`, each kept under its `deck_key` and written only when not kept yet (and, with `prune`, as
    `write_documents`)."""
    start = time.perf_counter()
    site_dir, cache = Path(site_dir), Path(cache_dir) if cache_dir is not None else None
    shutil.rmtree(site_dir / SLIDES_FOLDER, ignore_errors=True)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    files, written = [], 0
    writer = slides_digest() if cache is not None else None
    for deck in decks(corpus):
        path = site_dir / deck.path
        path.parent.mkdir(parents=True, exist_ok=True)
        kept = cache / f"{deck_key(deck, writer)}.pptx" if cache is not None else None
        if kept is None:
            _write_pptx(deck, path)
            written += 1
        else:
            if kept.is_file():
                cachefolder.used(kept)
            else:
                partial = cachefolder.partial(kept)
                _write_pptx(deck, partial)
                partial.replace(kept)
                written += 1
            shutil.copyfile(kept, path)
        files.append(path)
    if cache is not None and prune:
        cachefolder.prune(cache)
    return Decks(files, written, time.perf_counter() - start)


def _write_pptx(deck: Deck, path: Path) -> None:
    """python-pptx is imported only when a deck must be written, not when every deck is kept."""
    from pedoman.documents.pptx import write_pptx

    write_pptx(deck, path)
