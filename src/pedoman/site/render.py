"""Render the corpus into Markdown pages, one per page and language.

Templates print; this module decides. It gives each template the page's
language, its words and small filters that turn content text into safe
markup: text is escaped, Markdown bodies go through `markdown.render_markdown`,
and an English field that has no translation shows the Indonesian text under
a visible notice.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup

from pedoman import urls
from pedoman.content import changes, legal, services, translations
from pedoman.content.corpus import Corpus
from pedoman.content.model import KINDS, LANGUAGES, STAKEHOLDERS, Text
from pedoman.data.crossref import CrossRef
from pedoman.documents import kit as documents
from pedoman.presentation import contacts, diagrams, outline
from pedoman.presentation.html import body_html, text_html
from pedoman.presentation.words import CATALOGUE, long_date
from pedoman.site import feeds, pagecache, training

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|!])")


def _heading(value: str) -> str:
    """Plain text made safe for a Markdown heading (no emphasis, links or attributes).

    `<`, `>` and `&` are left to the templates' autoescaping, which turns them into
    character references Markdown prints as they are."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(value.split()))


@dataclass
class Page:
    """One page to write: its key (see `urls`), language and Markdown source."""

    key: str
    lang: str
    markdown: str

    @property
    def path(self) -> str:
        return urls.source_path(self.key, self.lang)


@dataclass
class Asset(Page):
    """A file pages load, staged with them (the self-check's script): its key is its path in the site."""

    @property
    def path(self) -> str:
        return self.key


class Renderer:
    """Renders every generated page of the site from a corpus and its cross-references."""

    def __init__(self, corpus: Corpus, crossref: CrossRef):
        self.corpus = corpus
        self.crossref = crossref
        self.translation_report = translations.report(corpus.guidelines, corpus.reviewed)
        self.outdated = translations.outdated_parts(self.translation_report)
        self._digests: dict[str, bytes] = {}
        self.helpers = {lang: self._helpers(lang) for lang in LANGUAGES}

    @cached_property
    def translation_entries(self) -> dict[str, list]:
        """Guideline id → its entries of the translation report (missing or outdated English texts)."""
        grouped: dict[str, list] = {}
        for entry in self.translation_report:
            grouped.setdefault(entry.guideline, []).append(entry)
        return grouped

    @cached_property
    def untranslated(self) -> dict[str, bool]:
        """Guideline id → whether any of its texts lacks an English translation."""
        return {g.id: any(t.missing("en") for _, t in translations.text_fields(g))
                for g in self.corpus.guidelines}

    def listing(self, g, lang: str) -> list[dict]:
        """A guideline's documents as its page lists them (documents.kit.listing), made again only when
        its inputs changed (pagecache.py): several pages ask for them."""
        return pagecache.kept(self.inputs(g, "documents", lang), lambda: documents.listing(self.corpus, g, lang))

    def inputs(self, g, *what) -> tuple:
        """What a page or listing made from guideline `g` is made from (pagecache.py), with `what` it is."""
        if g.id not in self._digests:
            self._digests[g.id] = pagecache.guideline_digest(self.corpus, g)
        return (self.corpus_digest, self._digests[g.id], *what)

    def _helpers(self, lang: str) -> dict:
        """What every template gets: the data, and helpers that speak `lang`."""
        labels = CATALOGUE[lang]

        def text(value: Text | None) -> Markup:
            return text_html(value, lang)

        def body(value: Text) -> Markup:
            return body_html(value, lang)

        @pass_context
        def url(context, to_key: str, anchor: str | None = None) -> str:
            return urls.relative_url(context["page_key"], to_key, lang, anchor)

        @pass_context
        def site_root(context) -> str:
            return urls.site_root(context["page_key"], lang)

        @pass_context
        def source_link(context, to_key: str) -> str:
            """A Markdown link target MkDocs resolves (and checks) per language."""
            return urls.source_link(context["page_key"], to_key)

        @pass_context
        def guideline_url(context, g, anchor: str | None = None) -> str:
            return url(context, urls.guideline_key(g.kind, g.id), anchor)

        @pass_context
        def rec_url(context, rec_id: str) -> str:
            return url(context, urls.recommendation_key(rec_id))

        def agency(agency_id: str) -> str:
            return self.corpus.agencies[agency_id].label(lang)

        def diagram(g) -> Markup:
            """The drawing for a wide screen and its steps as a numbered list for a phone (outline.py)."""
            drawing = Markup(diagrams.for_guideline(g, lang, lambda a: self.corpus.agencies[a].short(lang)))
            return drawing + outline.diagram_list(g, lang, text, agency)

        def cite(ref) -> dict:
            return legal.citation(ref, self.corpus, lang, labels)

        def legal_status(reg) -> str:
            text = labels[legal.STATUS_WORD[reg.status]]
            if reg.replaced_by:
                text += f" ({labels['replaced_by']} {legal.short_name(self.corpus.regulations[reg.replaced_by], lang, labels)})"
            return text

        def outdated_note(g, part: str) -> Markup:
            if lang == "en" and part in self.outdated.get(g.id, ()):
                return Markup('<p class="pd-outdated-note">{}</p>').format(labels["outdated"])
            return Markup("")

        return dict(
            lang=lang, other_lang="en" if lang == "id" else "id", translation=lang != LANGUAGES[0], L=labels, corpus=self.corpus, xref=self.crossref, kinds=KINDS,
            stakeholders=STAKEHOLDERS, untranslated=self.untranslated, keys=urls,
            url=url, site_root=site_root, source_link=source_link, guideline_url=guideline_url, rec_url=rec_url,
            text=text, body=body, agency=agency, diagram=diagram, outdated_note=outdated_note, cite=cite,
            contents=lambda g: outline.contents(g, lang),
            ways=lambda channel: contacts.ways(channel, lang),
            legal_name=lambda reg: legal.name(reg, lang, labels),
            legal_amended=lambda reg: legal.amendments(reg, self.corpus, lang, labels), legal_status=legal_status,
            legal_article=lambda cited: legal.article(cited, labels),
            translation_report=self.translation_entries,
            documents=lambda g: self.listing(g, lang),
            guideline_titles=[text(g.title) for g in self.corpus.guidelines],
            plain=lambda value: value.get(lang),
            heading=lambda value: _heading(value.get(lang) if isinstance(value, Text) else value),
            date=lambda value: long_date(value, lang),
            training_modules=training.modules(self.corpus.guidelines), training_timetable=training.timetable,
            training_duration=lambda g: training.duration_words(training.total_minutes(g), lang),
            training_downloads=lambda g: training.downloads(g, lang), training_keep=lambda g: training.keep_files(g, lang), training_quiz=training.quiz,
            letters=training.OPTION_LETTERS, training_script=training.SCRIPT,
        )

    def render(self, template: str, key: str, lang: str, meta: dict | None = None, **context) -> Page:
        """One page; `meta` becomes its front matter (the hooks read `updated` and `source`)."""
        markdown = _environment().get_template(template).render(page_key=key, **self.helpers[lang], **context)
        fields = {"updated": self.latest.isoformat()} | (meta or {})
        front = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in fields.items())
        return Page(key, lang, f"---\n{front}---\n{markdown}")

    def kept(self, g, template: str, key: str, lang: str, meta: dict) -> Page:
        """A page made from guideline `g`, rendered again only when its inputs changed (pagecache.py)."""
        inputs = self.inputs(g, template, key, lang, json.dumps(meta, sort_keys=True))
        return pagecache.kept(inputs, lambda: self.render(template, key, lang, meta, g=g))

    def shared(self, template: str, key: str, lang: str, meta: dict | None = None, **context) -> Page:
        """A page made from the registers and every guideline's outline alone (the recommendation matrix,
        each recommendation, the agencies', stakeholders' and coverage tables, the glossary), dated by the
        newest guideline: rendered again only when one of those changed (pagecache.py). `context` holds
        register entries only (a recommendation), which the registers' digest covers."""
        inputs = (self.corpus_digest, self.latest.isoformat(), template, key, lang, json.dumps(meta, sort_keys=True))
        return pagecache.kept(inputs, lambda: self.render(template, key, lang, meta, **context))

    @cached_property
    def corpus_digest(self) -> bytes:
        return pagecache.corpus_digest(self.corpus, self.untranslated)

    @cached_property
    def latest(self) -> datetime.date:
        """The date of the newest guideline: when pages made from the whole corpus last changed."""
        return max((g.updated for g in self.corpus.guidelines), default=self.corpus.source.date)

    def own_meta(self, g, description: str) -> dict:
        """The front matter of a page made from guideline `g` alone: dated by `g`, edited in its file."""
        return {"description": description, "updated": g.updated.isoformat(), "source": self.corpus.paths[g.id]}

    def pages(self) -> list[Page]:
        """Every generated page in every language."""
        pages: list[Page] = []
        for lang in LANGUAGES:
            pages.append(self.render("guidelines_index.md.j2", urls.GUIDELINES_INDEX, lang))
            for kind in KINDS:
                members = [g for g in self.corpus.guidelines if g.kind == kind]
                updated = max((g.updated for g in members), default=self.latest)
                pages.append(self.render("kind_index.md.j2", urls.kind_key(kind), lang,
                                         {"updated": updated.isoformat()}, kind=kind, members=members))
            for g in self.corpus.guidelines:
                pages.append(self.kept(g, f"{g.kind}.md.j2", urls.guideline_key(g.kind, g.id), lang,
                                       self.own_meta(g, g.summary.get(lang))))
            pages.append(self.shared("matrix.md.j2", urls.MATRIX, lang, {"hide": ["toc"]}))  # the width is the table's
            for rec in self.corpus.recommendations:
                pages.append(self.shared("recommendation.md.j2", urls.recommendation_key(rec.id), lang,
                                         {"description": rec.text.get(lang)}, rec=rec))
            pages.append(self.shared("agencies.md.j2", urls.AGENCY_TABLE, lang))
            pages.append(self.shared("stakeholders.md.j2", urls.STAKEHOLDER_TABLE, lang))
            pages.append(self.shared("coverage.md.j2", urls.COVERAGE, lang))
            pages.append(self.shared("glossary.md.j2", urls.GLOSSARY, lang))
            pages.append(self.render("translations.md.j2", urls.TRANSLATIONS, lang))
            pages.append(self.render(
                "legal.md.j2", urls.LEGAL, lang, {"updated": max(r.checked for r in self.corpus.regulations.values()).isoformat()},
                regulations=list(self.corpus.regulations.values()), cited=legal.citations(self.corpus),
                stale=legal.stale(self.corpus), changed_agencies=[a for a in self.corpus.agencies.values() if not a.active]))
            pages.append(self.services_page(lang))
            pages.append(self.render("whats_new.md.j2", urls.WHATS_NEW, lang, changes=changes.entries(self.corpus),
                                     feed=feeds.feed_path(lang)))
            pages.append(self.render("drafting_kit.md.j2", urls.DRAFTING_KIT, lang))
            pages += self.training_pages(lang)
        return [*pages, Asset(training.SCRIPT, "", training.SCRIPT_SOURCE.read_text(encoding="utf-8"))]

    def training_pages(self, lang: str) -> list[Page]:
        """The training page and a page per module (a guideline with training), with its self-check."""
        pages = [self.render("training.md.j2", urls.TRAINING, lang, {"description": CATALOGUE[lang]["training_intro"]})]
        for _, members in training.modules(self.corpus.guidelines):
            pages += [self.kept(g, "training_module.md.j2", urls.training_key(g.id), lang,
                                self.own_meta(g, g.training.audience.get(lang))) for g in members]
        return pages

    def services_page(self, lang: str) -> Page:
        """The referral services page: national channels, then each province of the register with its
        services and the provincial kinds it has no sourced entry of."""
        labels = CATALOGUE[lang]
        due = services.due(self.corpus)
        provinces = [(province, entries, ", ".join(labels[f"service_kind_{kind}"] for kind in missing))
                     for province, entries, missing in services.by_province(self.corpus)]
        checked = max((s.checked for s in self.corpus.services.values()), default=self.latest)
        return self.render("services.md.j2", urls.SERVICES, lang, {"updated": checked.isoformat()},
                           national=services.national(self.corpus), provinces=provinces, due=due,
                           due_ids={s.id for s in due}, cited=services.citations(self.corpus))

    def nav(self) -> list:
        """The site navigation, with Indonesian section titles (mkdocs.yml translates them)."""
        labels = CATALOGUE["id"]
        src = lambda key: urls.source_path(key, "id")  # noqa: E731
        guideline_sections = [src(urls.GUIDELINES_INDEX)]
        for kind in KINDS:
            members = [src(urls.guideline_key(kind, g.id)) for g in self.corpus.guidelines if g.kind == kind]
            guideline_sections.append({labels[kind]: [src(urls.kind_key(kind)), *members]})
        recommendations = [src(urls.MATRIX)]
        recommendations += [src(urls.recommendation_key(r.id)) for r in self.corpus.recommendations]
        recommendations += [src(urls.AGENCY_TABLE), src(urls.STAKEHOLDER_TABLE), src(urls.COVERAGE)]
        return [
            "index.md",
            "about.md",
            "how-to-read.md",
            {labels["guidelines"]: guideline_sections},
            {labels["recommendations"]: recommendations},
            {labels["training"]: [src(urls.TRAINING), *(src(urls.training_key(g.id))
                                                         for _, members in training.modules(self.corpus.guidelines)
                                                         for g in members)]},
            src(urls.SERVICES),
            src(urls.DRAFTING_KIT),
            src(urls.GLOSSARY),
            src(urls.LEGAL),
            src(urls.WHATS_NEW),
            {labels["editors"]: ["contribute.md", src(urls.TRANSLATIONS)]},
        ]


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """One template environment per import of this module: templates compile once.

    Jinja compiles a template again when its file changes; `codewatch` imports
    the package again when any of its files (templates included) changed."""
    return Environment(
        loader=PackageLoader("pedoman.site", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def page_templates() -> Environment:
    """The pages' template environment, for the build to keep what it compiles (`cachefolder.keep_compiled`)."""
    return _environment()


def nav_translations(lang: str) -> dict[str, str]:
    """Indonesian navigation titles → their `lang` text, for the section titles `Renderer.nav` uses.

    The hooks hand them to mkdocs-static-i18n, which translates the navigation of `lang`."""
    keys = ["guidelines", "recommendations", "editors", "training", *KINDS]
    return {CATALOGUE["id"][k]: CATALOGUE[lang][k] for k in keys}
