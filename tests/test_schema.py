"""The JSON Schemas editors get are generated from the model and the registers, and agree with the validator."""

from __future__ import annotations

import copy
import datetime
import json

import jsonschema
import pytest
import yaml

from pedoman import load_corpus
from pedoman.cli import main
from pedoman.schema import json_schemas, schema_text

from conftest import FIXTURES, ROOT, VALID

SCHEMAS = json_schemas(load_corpus(ROOT / "guidelines"))
"""The schemas of the shipped content (committed in schema/)."""
FIXTURE_SCHEMAS = json_schemas(load_corpus(VALID))
"""The schemas of the small valid corpus the invalid fixtures are placed into."""


def plain(value):
    """YAML data as JSON would carry it (dates as ISO text)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def read(path):
    return plain(yaml.safe_load(path.read_text(encoding="utf-8")))


def schema_name(path):
    return path.stem if path.parent.name in ("guidelines", "valid") else path.parent.name


@pytest.mark.parametrize("path", sorted((ROOT / "guidelines").rglob("*.yaml")) + sorted(VALID.rglob("*.yaml")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_file_validates_against_its_schema(path):
    schemas = FIXTURE_SCHEMAS if VALID in path.parents else SCHEMAS
    jsonschema.validate(read(path), schemas[schema_name(path)])


@pytest.mark.parametrize("case", ["unknown-field-typo", "bad-status", "unknown-stakeholder", "missing-summary",
                                  "unknown-recommendation", "unknown-agency", "unknown-agency-in-membership",
                                  "reserved-section-id"])
def test_schema_rejects_what_the_validator_rejects(case):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(read(FIXTURES / "invalid" / f"{case}.yaml"), FIXTURE_SCHEMAS["formation"])


def test_reference_ids_are_those_of_the_registers(corpus_dir):
    """R13 is refused while recommendations.yaml ends at R12, and accepted once it holds R13."""
    data = read(corpus_dir / "formation" / "gt-uji.yaml")
    data["sections"][0]["implements"] = ["R13"]
    data["sections"][0]["agencies"] = ["bnp2tki"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schemas(load_corpus(corpus_dir))["formation"])

    recs = yaml.safe_load((corpus_dir / "recommendations.yaml").read_text(encoding="utf-8"))
    r13 = copy.deepcopy(recs["recommendations"][-1]) | {"id": "R13"}
    recs["recommendations"].append(r13)
    (corpus_dir / "recommendations.yaml").write_text(yaml.safe_dump(recs, allow_unicode=True), encoding="utf-8")
    agencies = corpus_dir / "agencies.yaml"
    agencies.write_text(agencies.read_text(encoding="utf-8")
                        + "  - {id: bnp2tki, name: {id: BNP2TKI}, level: national}\n", encoding="utf-8")
    schemas = json_schemas(load_corpus(corpus_dir))
    jsonschema.validate(data, schemas["formation"])
    # a register defines ids: its own schema takes a new one
    jsonschema.validate(plain(recs) | {"recommendations": [*recs["recommendations"], r13 | {"id": "R14"}]},
                        schemas["recommendations"])


def test_schema_command_writes_one_file_per_kind(tmp_path):
    assert main(["schema", str(tmp_path), "--content", str(VALID)]) == 0
    written = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in tmp_path.iterdir()}
    assert written == FIXTURE_SCHEMAS
    schema = written["cooperation"]
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) >= {"id", "kind", "title", "sections", "workflow", "clauses"}


def test_schema_command_refuses_invalid_content(corpus_dir, tmp_path, capsys):
    (corpus_dir / "agencies.yaml").write_text("agencies: []\n", encoding="utf-8")
    assert main(["schema", str(tmp_path / "out"), "--content", str(corpus_dir)]) == 1
    assert "agencies: expected at least 1 item(s)" in capsys.readouterr().out
    assert not (tmp_path / "out").exists()


def test_committed_schemas_equal_the_generation():
    committed = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "schema").glob("*.json")}
    assert committed == {name: schema_text(schema) for name, schema in SCHEMAS.items()}, \
        "run `.venv/bin/pedoman schema` after changing src/pedoman/model.py or a register"


def test_schemas_are_published_on_the_site(fixture_site):
    for name in FIXTURE_SCHEMAS:
        published = json.loads((fixture_site.site / "schema" / f"{name}.json").read_text(encoding="utf-8"))
        assert published == FIXTURE_SCHEMAS[name]


@pytest.mark.parametrize("path", sorted((ROOT / "guidelines").rglob("*.yaml")), ids=lambda p: p.name)
def test_every_content_file_names_its_schema_for_the_editor(path):
    from pedoman.schema import schema_line
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == schema_line(path, ROOT / "guidelines")
    target = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert target.is_file()
