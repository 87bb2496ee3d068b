"""The `pedoman` command: check content and export its schema without building the site.

Exit codes: 0 the content is valid (or the command succeeded), 1 the content has
errors, 2 the command was used wrongly (unknown option, missing folder).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from pedoman.clock import build_date
from pedoman.content.corpus import Corpus, load_corpus
from pedoman.content.model import KINDS
from pedoman.content.scaffold import write_scaffold
from pedoman.content.translations import mark_reviewed
from pedoman.content.translations import report as translation_report
from pedoman.data.schema import write_schemas
from pedoman.errors import ContentErrors

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def _load(root: Path, github: bool = False) -> Corpus | None:
    """The validated corpus of `root`, or None after printing every error in it."""
    try:
        return load_corpus(root)
    except ContentErrors as exc:
        if github:
            for error in exc.errors:
                print(error.github())
        print(exc.report())
        return None


def _load_folder(root: Path, github: bool = False) -> Corpus | int:
    """The validated corpus of the content folder `root`, or the exit code after saying what is
    wrong: no such folder, or the errors in it."""
    if not root.is_dir():
        print(f"pedoman: no content folder at {root}", file=sys.stderr)
        return EXIT_USAGE
    corpus = _load(root, github)
    return EXIT_CONTENT if corpus is None else corpus


def _validate(args: argparse.Namespace) -> int:
    root = Path(args.content)
    github = args.format == "github"
    corpus = _load_folder(root, github=github)
    if isinstance(corpus, int):
        return corpus
    docs = Path(args.docs) if args.docs else root.parent / "docs"
    if args.docs and not docs.is_dir():
        print(f"pedoman: no folder of hand-written pages at {docs}", file=sys.stderr)
        return EXIT_USAGE
    if docs.is_dir():
        from pedoman.site.staging import hand_written

        try:
            hand_written(docs, corpus.personal_data_reviewed, corpus.agencies)
        except ContentErrors as exc:
            if github:
                for error in exc.errors:
                    print(error.github())
            print(exc.report())
            return EXIT_CONTENT
    sections = sum(len(g.sections) for g in corpus.guidelines)
    print(
        f"OK: {len(corpus.guidelines)} guidelines, {sections} sections, "
        f"{len(corpus.recommendations)} recommendations, {len(corpus.agencies)} agencies, "
        f"{len(corpus.terms)} glossary terms, {len(corpus.services)} services in {root}"
        + (f"; hand-written pages in {docs}" if docs.is_dir() else "")
    )
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    corpus = _load_folder(Path(args.content))  # the schemas take their ids from the registers
    if isinstance(corpus, int):
        return corpus
    for path in write_schemas(args.output, corpus):
        print(path)
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    root = Path(args.content)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", args.id):
        print(f"pedoman: '{args.id}' is not a slug (lowercase letters, digits, hyphens)", file=sys.stderr)
        return EXIT_USAGE
    try:
        path = write_scaffold(root, args.kind, args.id)
    except FileExistsError as exc:
        print(f"pedoman: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"{path}: written; replace every text marked ⟦ ⟧ and fill the empty lists, "
          f"then run `pedoman validate`")
    return EXIT_OK


def _translations(args: argparse.Namespace) -> int:
    root = Path(args.content)
    corpus = _load(root)
    if corpus is None:
        return EXIT_CONTENT
    if args.mark_reviewed:
        known = {g.id for g in corpus.guidelines}
        if args.mark_reviewed != "all" and args.mark_reviewed.split("/")[0] not in known:
            print(f"pedoman: no guideline '{args.mark_reviewed.split('/')[0]}'", file=sys.stderr)
            return EXIT_USAGE
        changed = mark_reviewed(root, corpus, args.mark_reviewed)
        print(f"{changed} English text(s) marked as reviewed in {root / 'translations.yaml'}")
        return EXIT_OK
    entries = translation_report(corpus.guidelines, corpus.reviewed)
    for e in entries:
        what = "not yet translated" if e.state == "missing" else "may be outdated (Indonesian changed since the English was checked)"
        print(f"{corpus.paths[e.guideline]}: {e.key}: {what}")
    missing = sum(e.state == "missing" for e in entries)
    tracking = "" if corpus.reviewed is not None else " (tracking of outdated texts starts with translations.yaml)"
    print(f"{missing} missing, {len(entries) - missing} possibly outdated{tracking}")
    return EXIT_OK


def _today(args: argparse.Namespace):
    """The date given with --today, today's build date without it, or None after saying it is unreadable."""
    import datetime

    try:
        return datetime.date.fromisoformat(args.today) if args.today else build_date()
    except ValueError:
        print(f"pedoman: --today expects a date written as YYYY-MM-DD, found '{args.today}'", file=sys.stderr)
        return None


def _due(args: argparse.Namespace, register: str, report) -> int:
    """A register's entries due for a check, one line each, then a count; always exits 0 for
    valid content (time passing never breaks CI). `report(corpus, today)` gives the entries,
    with the guidelines citing each, and the summary's words."""
    root = Path(args.content)
    corpus = _load(root)
    if corpus is None:
        return EXIT_CONTENT
    today = _today(args)
    if today is None:
        return EXIT_USAGE
    entries, summary = report(corpus, today)
    for entry, checked, what, users in entries:
        print(f"{root / register}: {entry}: {what}last checked {checked.isoformat()}, more than "
              f"{summary['months']} months ago; cited by {', '.join(users) if users else 'no guideline'}")
    print(f"{len(entries)} of {summary['total']} {summary['things']} due for a check of their {summary['checked']} "
          f"(as of {today.isoformat()}); this never fails a build")
    return EXIT_OK


def _legal(args: argparse.Namespace) -> int:
    from pedoman.content.legal import STALE_AFTER_MONTHS, citations, stale

    def report(corpus, today):
        cited = citations(corpus)
        entries = [(r.id, r.checked, "status ", sorted({g.id for g, _ in cited[r.id]})) for r in stale(corpus, today)]
        return entries, {"months": STALE_AFTER_MONTHS, "total": len(corpus.regulations), "things": "instruments",
                         "checked": "status"}

    return _due(args, "regulations.yaml", report)


def _services(args: argparse.Namespace) -> int:
    from pedoman.content.services import STALE_AFTER_MONTHS, citations, due

    def report(corpus, today):
        cited = citations(corpus)
        entries = [(s.id, s.checked, "", sorted({g.id for g, _ in cited[s.id]})) for s in due(corpus, today)]
        return entries, {"months": STALE_AFTER_MONTHS, "total": len(corpus.services), "things": "services",
                         "checked": "contacts"}

    return _due(args, "services.yaml", report)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pedoman", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every content file; exit 1 on errors")
    validate.add_argument("content", nargs="?", default="guidelines", help="content folder (default: guidelines)")
    validate.add_argument("--docs", help="the hand-written pages, checked for personal data, refused characters and "
                                         "institutions named as if still active (default: docs beside the "
                                         "content folder, when there is one)")
    validate.add_argument("--format", choices=["text", "github"],
                          default="github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text",
                          help="github: also print GitHub Actions annotations (default inside GitHub Actions)")
    validate.set_defaults(run=_validate)
    new = commands.add_parser("new", help="write a new guideline file with every required field")
    new.add_argument("kind", choices=KINDS)
    new.add_argument("id", help="the guideline's id, also its file name and URL (a slug)")
    new.add_argument("--content", default="guidelines", help="content folder (default: guidelines)")
    new.set_defaults(run=_new)
    trans = commands.add_parser("translations", help="list missing and possibly outdated English texts")
    trans.add_argument("--content", default="guidelines", help="content folder (default: guidelines)")
    trans.add_argument("--mark-reviewed", metavar="TARGET",
                       help="record English texts as checked: 'all', a guideline id, or <guideline-id>/<field-key>")
    trans.set_defaults(run=_translations)
    schema = commands.add_parser("schema", help="write a JSON Schema per file kind, with the ids of the registers")
    schema.add_argument("output", nargs="?", default="schema", help="output folder (default: schema)")
    schema.add_argument("--content", default="guidelines", help="content folder (default: guidelines)")
    schema.set_defaults(run=_schema)
    legal = commands.add_parser("legal", help="list legal instruments whose status was not checked for 12 months")
    legal.add_argument("--content", default="guidelines", help="content folder (default: guidelines)")
    legal.add_argument("--today", help="the date to judge from (YYYY-MM-DD; default: today)")
    legal.set_defaults(run=_legal)
    services = commands.add_parser("services", help="list services whose contacts were not checked for 6 months")
    services.add_argument("--content", default="guidelines", help="content folder (default: guidelines)")
    services.add_argument("--today", help="the date to judge from (YYYY-MM-DD; default: today)")
    services.set_defaults(run=_services)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
