"""The project's settings: `extra.pedoman` in mkdocs.yml, typed and checked.

Every setting has one declaration here, with its default and its meaning; a
misspelt or unknown key, or a value of the wrong type, stops the build with a
message naming the key and what was expected, instead of passing silently.
"""

from __future__ import annotations

import difflib

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pedoman.errors import BuildError

_EXPECTED = {bool: "true or false", str: "a path relative to mkdocs.yml"}
_EXPECTED_TEXT = {"pdf_author"}
"""The settings that hold a text rather than a path."""
_EXPECTED_CHOICE = {"documents_paper": "f4 or a4"}
"""The settings that take one of a few values."""


class SettingsError(BuildError):
    """`extra.pedoman` holds a key or a value the build cannot use."""


class Settings(BaseModel):
    """`extra.pedoman` in mkdocs.yml. Paths are relative to mkdocs.yml."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    content: str = Field("guidelines", description="the folder of the YAML content")
    staging: str = Field("build/docs", description="the folder MkDocs really reads: docs_dir's pages "
                                                     "and the generated ones, written by every build")
    search: bool = Field(True, description="build the Pagefind search index")
    pdf: bool = Field(True, description="make the trainer PDFs (the live preview never does)")
    pdf_cache: str = Field("build/pdf-cache", description="where laid-out PDFs are kept between builds")
    pdf_author: str = Field("Gugus Tugas PP-TPPO", description="the task force that publishes the PDFs: "
                                                                "their author, and 'published by' on the covers")
    documents_paper: str = Field("f4", pattern="^(f4|a4)$",
                                 description="paper of the drafting kit's documents: f4 (215 × 330 mm, the paper "
                                             "Lampiran II of UU 12/2011 sets for regulations) or a4")
    documents_cache: str = Field("build/documents-cache",
                                 description="where the drafting kit's written documents are kept between builds")
    render_cache: str = Field("build/render-cache",
                              description="where the pages' and the theme's compiled templates (templates/) and the "
                                          "guidelines' rendered pages (pages/), and the open data, documents, "
                                          "slides, feeds and schemas of the last builds (outputs/) are kept between "
                                          "builds, each under what it is made from")


def read_settings(extra: dict) -> Settings:
    """The `pedoman` mapping of mkdocs.yml's `extra` as settings; raises `SettingsError`."""
    raw = extra.get("pedoman")
    raw = {} if raw is None else raw
    if not isinstance(raw, dict):
        raise SettingsError(f"mkdocs.yml: extra.pedoman: expected a mapping of settings, found {raw!r}")
    known = list(Settings.model_fields)
    problems = []
    for key in raw:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f" (known settings: {', '.join(known)})"
            problems.append(f"mkdocs.yml: extra.pedoman.{key}: unknown setting{hint}")
    try:
        settings = Settings(**{k: v for k, v in raw.items() if k in known})
    except ValidationError as exc:
        for error in exc.errors():
            key = error["loc"][0]
            expected = _EXPECTED_CHOICE.get(key) or ("a text" if key in _EXPECTED_TEXT
                                                     else _EXPECTED[Settings.model_fields[key].annotation])
            problems.append(f"mkdocs.yml: extra.pedoman.{key}: expected {expected}, found {raw[key]!r}")
        settings = None
    if problems:
        raise SettingsError("\n".join(problems))
    return settings
