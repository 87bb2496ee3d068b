"""The JSON Schemas editors get are generated from the model and the registers, and agree with the validator."""

from __future__ import annotations

import copy
import datetime
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import jsonschema
import pytest
import yaml

from pedoman import load_corpus
from pedoman.cli import main
from pedoman.data.schema import json_schemas, schema_text

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
        "run `.venv/bin/pedoman schema` after changing src/pedoman/content/model.py or a register"


def test_schemas_are_published_on_the_site(fixture_site):
    for name in FIXTURE_SCHEMAS:
        published = json.loads((fixture_site.site / "schema" / f"{name}.json").read_text(encoding="utf-8"))
        assert published == FIXTURE_SCHEMAS[name]


@pytest.mark.parametrize("path", sorted((ROOT / "guidelines").rglob("*.yaml")), ids=lambda p: p.name)
def test_every_content_file_names_its_schema_for_the_editor(path):
    from pedoman.content.loader import schema_line
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == schema_line(path, ROOT / "guidelines")
    target = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert target.is_file()


# --- check-jsonschema, a client editors and CI use, on the files as they are --------------

NOT_JUDGED_BY_A_SCHEMA = {
    "training-answer-not-an-option": "the answer's number against the count of options is a rule across two fields",
    "training-answers-miss-a-task": "one answer per task is a rule across two lists' lengths",
    "training-too-short": "the sum of the sessions' minutes is arithmetic a schema cannot do",
    "training-unknown-exercise": "a session's exercise must name one of the module's exercises, ids a schema does not see",
    "alias": "anchors are refused by the loader; a reader hands the schema the expanded data",
    "merge-key": "merge keys are refused by the loader; a reader hands the schema the merged data",
    "duplicate-section-id": "ids unique within a list: a schema's uniqueItems compares whole items",
    "duplicate-stage-id": "ids unique within a list: a schema's uniqueItems compares whole items",
    "id-not-file-name": "the id must equal the file name, which a schema does not see",
    "id-names-the-training-pack": "the training pack's file names are the site's (urls.py), not the content model's",
    "index": "the names of the site's pages and folders are the site's (urls.py), not the content model's",
    "pdf": "the names of the site's pages and folders are the site's (urls.py), not the content model's",
    "control-vertical-tab": "characters no output can print are refused by the loader (characters.py), for every text alike",
    "control-raw-next-line": "characters no output can print are refused by the loader (characters.py), for every text alike",
    "control-next-line-in-summary": "characters no output can print are refused by the loader (characters.py), for every text alike",
    "bidi-override": "characters no output can print are refused by the loader (characters.py), for every text alike",
    "private-use-character": "characters no output can print are refused by the loader (characters.py), for every text alike",
    "updated-in-the-future": "a date compared with the build's date",
    "regulation-checked-in-the-future": "a date compared with the build's date",
    "glossary-terms-differ-in-case": "terms compared with each other ignoring case",
    "personal-phone-in-agencies": "personal data, unless listed in reviewed.yaml",
    "personal-email": "personal data, unless listed in reviewed.yaml",
    "personal-nik": "personal data, unless listed in reviewed.yaml",
    "personal-phone": "personal data, unless listed in reviewed.yaml",
    "personal-phone-in-contact": "personal data, unless listed in reviewed.yaml",
    "time-read-as-number": "YAML 1.2 readers, this client among them, read 72:00 as text; PyYAML as a number",
    "agency-split-one-successor": "how many successors a status needs",
    "agency-status-without-date": "a date that only a status other than active needs",
    "split-agency-listed": "the status of an agency, read from agencies.yaml",
    "cites-replaced-regulation": "the status of an instrument, read from regulations.yaml",
    "historical-on-current-regulation": "the status of an instrument, read from regulations.yaml",
    "cites-closed-service": "the status of a service, read from services.yaml",
    "service-of-split-agency": "the status of an agency, read from agencies.yaml",
    "service-unknown-province": "ids within the register itself",
    "service-provincial-without-province": "a field only some levels need",
    "service-changed-without-note": "a field only some statuses need",
    "service-id-names-a-page-part": "the anchors of the services page are the site's (urls.py), not the content model's",
    "duplicate-service-id": "ids unique within a list: a schema's uniqueItems compares whole items",
    "legal-instrument-as-free-text": "what a free title names",
    "changes-not-newest-first": "the order of dates and versions",
    "changes-newest-not-this-version": "agreement between fields",
    "changes-newest-not-updated": "agreement between fields",
    "regulation-amended-without-amending": "agreement between fields",
    "regulation-permen-without-issuer": "a field only some types need",
    "regulation-replaced-by-unknown": "ids within the register itself",
    "documents-row-without-program": "a field only a guideline with documents.action_plan needs",
    "documents-year-beyond-period": "agreement between fields",
    "documents-form-unknown-stage": "ids within the guideline itself",
    "documents-choice-without-options": "agreement between fields",
    "documents-signatory-not-a-party": "agreement between fields",
    "indonesian-in-english-field": "the language a text is written in",
    "english-in-indonesian-field": "the language a text is written in",
}
"""Invalid fixtures whose rule spans files or YAML reading, and that a schema therefore passes."""

NOT_READ_BY_THE_CLIENT = {"duplicate-key", "not-utf8", "python-tag", "syntax-error", "tab-indent"}
"""Invalid fixtures the client refuses to read at all, before any schema."""


def check_jsonschema(schema: Path, files: list[Path]) -> dict[Path, str]:
    """Run the check-jsonschema command on `files`: each file's outcome, 'ok', 'invalid' or 'unreadable'."""
    command = Path(sys.executable).with_name("check-jsonschema")
    run = subprocess.run([str(command), "--output-format", "json", "--schemafile", str(schema), *map(str, files)],
                         capture_output=True, text=True)
    report = json.loads(run.stdout)
    invalid = {Path(e["filename"]) for e in report.get("errors", [])}
    unreadable = {Path(e["filename"]) for e in report.get("parse_errors", [])}
    assert run.returncode == (0 if not invalid | unreadable else 1), run.stdout + run.stderr
    return {f: "unreadable" if f in unreadable else "invalid" if f in invalid else "ok" for f in files}


def test_check_jsonschema_passes_every_content_file_against_the_schema_it_names():
    by_schema = defaultdict(list)
    for path in sorted((ROOT / "guidelines").rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        by_schema[(path.parent / first.split("$schema=", 1)[1]).resolve()].append(path)
    assert {schema.parent for schema in by_schema} == {ROOT / "schema"}
    for schema, files in by_schema.items():
        assert set(check_jsonschema(schema, files).values()) == {"ok"}, schema.name


def test_check_jsonschema_fails_every_invalid_fixture_a_schema_can_judge(tmp_path):
    assert main(["schema", str(tmp_path), "--content", str(VALID)]) == 0  # the ids of the corpus they go into
    by_schema = defaultdict(list)
    for case in sorted((FIXTURES / "invalid").glob("*.yaml")):
        target = Path(case.read_bytes().decode("utf-8", "replace").splitlines()[0].removeprefix("# target: "))
        by_schema[tmp_path / f"{target.parts[0] if len(target.parts) == 2 else target.stem}.json"].append(case)
    outcome = {case.stem: result for schema, cases in by_schema.items()
               for case, result in check_jsonschema(schema, cases).items()}
    expected = {name: "ok" if name in NOT_JUDGED_BY_A_SCHEMA else
                "unreadable" if name in NOT_READ_BY_THE_CLIENT else "invalid" for name in outcome}
    assert outcome == expected
    assert set(NOT_JUDGED_BY_A_SCHEMA) | NOT_READ_BY_THE_CLIENT <= set(outcome)
