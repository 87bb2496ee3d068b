"""JSON Schemas for editors, generated from the content model (never written by hand).

The schemas are kept in the repository's `schema/` folder, so that the
`# yaml-language-server: $schema=...` line at the top of each content file
gives editors autocompletion and live errors, and are published on the site
at `schema/<kind>.json`. A test keeps the committed copies equal to the model.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .model import GUIDELINE_MODELS, AgenciesFile, GlossaryFile, RecommendationsFile, ReviewedFile, TranslationsFile


@lru_cache(maxsize=1)
def json_schemas() -> dict[str, dict]:
    """One schema per file kind, keyed by the name it is published under."""
    models = {**GUIDELINE_MODELS, "recommendations": RecommendationsFile,
              "agencies": AgenciesFile, "glossary": GlossaryFile, "reviewed": ReviewedFile, "translations": TranslationsFile}
    schemas = {}
    for name, model in models.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"pedoman {name}"
        schemas[name] = schema
    return schemas


def schema_text(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path | str) -> list[Path]:
    """Write every schema into `folder` as `<name>.json`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in json_schemas().items():
        path = folder / f"{name}.json"
        path.write_text(schema_text(schema), encoding="utf-8")
        written.append(path)
    return written


def schema_line(content_path: Path, content_root: Path) -> str:
    """The yaml-language-server comment that points a content file at its schema in `schema/`."""
    rel = content_path.relative_to(content_root)
    name = rel.parts[0] if len(rel.parts) == 2 else rel.stem
    up = "../" * len(rel.parts)
    return f"# yaml-language-server: $schema={up}schema/{name}.json"
