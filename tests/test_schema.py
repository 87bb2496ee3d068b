"""The JSON Schemas editors get are generated from the model and agree with the validator."""

from __future__ import annotations

import datetime
import json

import jsonschema
import pytest
import yaml

from pedoman.cli import main
from pedoman.schema import json_schemas

from conftest import FIXTURES, ROOT, VALID

SCHEMAS = json_schemas()


def plain(value):
    """YAML data as JSON would carry it (dates as ISO text)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def schema_for(path):
    return SCHEMAS[path.stem if path.parent.name in ("guidelines", "valid") else path.parent.name]


@pytest.mark.parametrize("path", sorted((ROOT / "guidelines").rglob("*.yaml")) + sorted(VALID.rglob("*.yaml")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_file_validates_against_its_schema(path):
    data = plain(yaml.safe_load(path.read_text(encoding="utf-8")))
    jsonschema.validate(data, schema_for(path))


@pytest.mark.parametrize("case", ["unknown-field-typo", "bad-status", "unknown-stakeholder", "missing-summary"])
def test_schema_rejects_what_the_validator_rejects(case):
    data = plain(yaml.safe_load((FIXTURES / "invalid" / f"{case}.yaml").read_text(encoding="utf-8")))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMAS["formation"])


def test_schema_command_writes_one_file_per_kind(tmp_path, capsys):
    assert main(["schema", str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(f"{name}.json" for name in SCHEMAS)
    schema = json.loads((tmp_path / "cooperation.json").read_text())
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) >= {"id", "kind", "title", "sections", "workflow", "clauses"}


def test_committed_schemas_equal_the_model():
    from pedoman.schema import schema_text
    committed = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "schema").glob("*.json")}
    assert committed == {name: schema_text(schema) for name, schema in SCHEMAS.items()}, \
        "run `.venv/bin/pedoman schema` after changing src/pedoman/model.py"


def test_schemas_are_published_on_the_site(fixture_site):
    for name in SCHEMAS:
        published = json.loads((fixture_site.site / "schema" / f"{name}.json").read_text(encoding="utf-8"))
        assert published == SCHEMAS[name]


@pytest.mark.parametrize("path", sorted((ROOT / "guidelines").rglob("*.yaml")), ids=lambda p: p.name)
def test_every_content_file_names_its_schema_for_the_editor(path):
    from pedoman.schema import schema_line
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == schema_line(path, ROOT / "guidelines")
    target = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert target.is_file()
