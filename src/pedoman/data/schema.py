"""JSON Schemas for editors, generated from the content model and the registers (never by hand).

The schemas are kept in the repository's `schema/` folder, so that the
`# yaml-language-server: $schema=...` line at the top of each content file
gives editors autocompletion and live errors, and are published on the site
at `schema/<kind>.json`. A schema refuses what the validator refuses within one
file: the model's shapes and choices, and for a guideline the ids its
references may take, read from the registers (recommendations.yaml,
agencies.yaml, regulations.yaml, services.yaml). That makes the schemas depend
on the content: `pedoman schema` regenerates them, and a test keeps the
committed copies equal to the generation.
Rules across files (an id equal to the file name, unique ids, personal data)
stay with the validator.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pedoman.content.model import GUIDELINE_MODELS, REGISTER_KEY, RESERVED_ANCHORS
from pedoman.content.registers import OPTIONAL_REGISTERS, REGISTERS

if TYPE_CHECKING:
    from pedoman.content.corpus import Corpus

REGISTER_MODELS = {name.removesuffix(".yaml"): model for name, model in (REGISTERS | OPTIONAL_REGISTERS).items()}


@lru_cache(maxsize=1)
def _model_schemas() -> dict[str, str]:
    """Each model's own schema (as JSON text, copied per use), register references still marked."""
    schemas = {}
    for name, model in {**GUIDELINE_MODELS, **REGISTER_MODELS}.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"pedoman {name}"
        schemas[name] = json.dumps(schema)
    return schemas


def _closed(node: Any, close: bool) -> Any:
    """`node` with each register reference pointing at the register's ids (`close` False: unmarked).

    A register's own `id` fields carry the marker too; they define ids, so they only lose it.
    """
    if isinstance(node, list):
        return [_closed(item, close) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _closed(value, close) for key, value in node.items()}
    register = node.pop(REGISTER_KEY, None)
    if register is not None and close:
        node = {key: value for key, value in node.items() if key not in ("type", "pattern")}
        node["$ref"] = f"#/$defs/{_id_def(register)}"
    return node


def _id_def(register: str) -> str:
    return f"{register.capitalize()}Id"


def json_schemas(corpus: Corpus | None = None) -> dict[str, dict]:
    """One schema per file kind, keyed by the name it is published under.

    A guideline's references take the recommendation and agency ids of `corpus`,
    in register order; without a corpus they check only the form of an id.
    """
    registers = None if corpus is None else {
        "recommendation": ("an id from recommendations.yaml", [r.id for r in corpus.recommendations]),
        "agency": ("an id from agencies.yaml", list(corpus.agencies)),
        "regulation": ("an id from regulations.yaml", list(corpus.regulations)),
        "service": ("an id from services.yaml", list(corpus.services)),
    }
    schemas = {}
    for name, text in _model_schemas().items():
        guideline = name in GUIDELINE_MODELS
        schema = _closed(json.loads(text), guideline and registers is not None)
        if guideline:  # a section may not take the anchor of another part of the page
            schema["$defs"]["Section"]["properties"]["id"]["not"] = {"enum": sorted(RESERVED_ANCHORS)}
            for register, (description, ids) in (registers or {}).items():
                schema["$defs"][_id_def(register)] = {"description": description, "type": "string", "enum": ids}
        schemas[name] = schema
    return schemas


def schema_text(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path | str, corpus: Corpus | None = None) -> list[Path]:
    """Write every schema for `corpus` into `folder` as `<name>.json`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in json_schemas(corpus).items():
        path = folder / f"{name}.json"
        path.write_text(schema_text(schema), encoding="utf-8")
        written.append(path)
    return written
