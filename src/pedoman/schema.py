"""JSON Schemas for editors, generated from the content model (never written by hand)."""

from __future__ import annotations

from .model import GUIDELINE_MODELS, AgenciesFile, GlossaryFile, RecommendationsFile


def json_schemas() -> dict[str, dict]:
    """One schema per file kind, keyed by the name it is published under."""
    models = {**GUIDELINE_MODELS, "recommendations": RecommendationsFile,
              "agencies": AgenciesFile, "glossary": GlossaryFile}
    schemas = {}
    for name, model in models.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"pedoman {name}"
        schemas[name] = schema
    return schemas
