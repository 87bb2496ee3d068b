"""MkDocs hooks: thin adapters between the MkDocs build and the `pedoman` package.

Settings come from `extra.pedoman` in mkdocs.yml, declared in `pedoman.settings`.
Every content or settings error ends the build with a `PluginError`: a message
saying where and what, no traceback.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

import pedoman

log = get_plugin_logger("pedoman")
_state: dict = {}
_command = {"name": "build"}


def on_startup(command, dirty):
    _command["name"] = command


def _i18n_building(config) -> bool:
    """True while mkdocs-static-i18n re-runs the build for a further language."""
    i18n = config.plugins.get("i18n")
    return bool(i18n and i18n.building)


def _plugin_errors(run):
    """Run `run()`; an error in the content or settings ends the build with its message."""
    try:
        return run()
    except pedoman.BuildError as exc:
        raise PluginError(str(exc)) from None


@event_priority(100)  # before i18n (-100), so it sees the staging folder and the nav
def on_config(config):
    global pedoman
    if _i18n_building(config):
        return config
    fresh = pedoman.codewatch.current()  # `mkdocs serve` runs on the code as it is now
    if fresh is not pedoman:
        log.info("pedoman's code changed since the last build: imported again")
    pedoman = fresh
    _state.clear()
    base = Path(config.config_file_path).parent
    settings = _plugin_errors(lambda: pedoman.read_settings(config.extra))
    docs, staging = Path(config.docs_dir), base / settings.staging
    built = _command["name"] != "serve"  # the live preview makes no PDFs, and writes the side outputs last
    prepared = _plugin_errors(lambda: pedoman.prepare(base / settings.content, docs, staging,
                                                      base / settings.render_cache, keep_corpus=built,
                                                      outputs=(settings, base, config.site_url) if built else None))
    for warning in prepared.warnings:
        log.warning(warning)
    config.docs_dir = str(staging)
    config.nav = prepared.nav
    _translate_nav(config)  # the English navigation titles come from pedoman's words (words.yaml)
    # the address before mkdocs-static-i18n points it at each language's folder
    _state.update(base=base, docs=docs, settings=settings, prepared=prepared, site_url=config.site_url)
    return config


def on_build_error(error):
    pedoman.stop_outputs(_state.get("prepared"))


def on_serve(server, config, builder):
    # MkDocs watches docs_dir, which on_config pointed at the staging folder every build
    # rewrites: that gave a second rebuild per edit, and edits to docs/ went unseen.
    server.unwatch(config.docs_dir)
    server.watch(str(_state["docs"]))
    return server


def on_page_content(html, page, config, files):
    return _state["prepared"].abbreviate(html, config.plugins["i18n"].current_language)


def on_page_context(context, page, config, nav):
    lang = config.plugins["i18n"].current_language
    hand_written = _state["docs"] / page.file.src_uri if "source" not in page.meta else None
    page.meta["pd_updated"] = _plugin_errors(
        lambda: _state["prepared"].updated_line(page.meta, hand_written, lang))
    if "source" in page.meta:
        page.edit_url = pedoman.edit_url(config.repo_url, config.edit_uri, page.meta["source"])
    if _state["site_url"] and page.canonical_url:  # hreflang alternates need the site's address
        page.meta["pd_alternates"] = pedoman.alternates(_state["site_url"], page.canonical_url)
    return context


def on_post_template(output, template_name, config):
    # Each language build renders 404.html to the same file; keep each language's version.
    if template_name == "404.html":
        _state.setdefault("404", {})[config.plugins["i18n"].current_language] = output
    return output


@event_priority(-200)  # after i18n has built every language
def on_post_build(config):
    if _i18n_building(config):
        return
    for lang, page in _state.get("404", {}).items():
        target = Path(config.site_dir) / ("" if lang == "id" else lang) / "404.html"
        target.write_text(page, encoding="utf-8")
    for line in _plugin_errors(lambda: pedoman.finish(_state["prepared"], config.site_dir, _state["settings"],
                                                      _state["base"], _state["site_url"],
                                                      live=_command["name"] == "serve")):
        log.info(line)


def on_env(env, config, files):
    # The theme's templates (overrides/) print their words from pedoman's catalogue.
    from pedoman.presentation.words import CATALOGUE

    env.globals["pd_words"] = CATALOGUE
    env.globals["pd_live"] = _command["name"] == "serve"  # the live preview registers no offline worker
    if "settings" in _state:  # a pedoman build (the benchmark's plain build borrows only the words)
        pedoman.keep_compiled(env, _state["base"] / _state["settings"].render_cache / "templates")
    return env


def _translate_nav(config) -> None:
    """Give mkdocs-static-i18n each further language's navigation section titles, from pedoman's words."""
    from pedoman.site.render import nav_translations

    for language in config.plugins["i18n"].config.languages:
        if not language.default:
            language.nav_translations = nav_translations(language.locale)
