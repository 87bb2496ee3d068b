"""Validation: every rule is pinned by a broken file in fixtures/invalid/ and its expected error.

Each invalid fixture starts with two comment lines:
    # target: <folder>/<name>.yaml   where it is placed in a copy of the valid corpus
    # expect: <line>:<col>: <field>: <message>
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pedoman import ContentErrors, load_corpus
from pedoman.cli import main

from conftest import FIXTURES, VALID

CASES = sorted((FIXTURES / "invalid").glob("*.yaml"))


def header(case: Path) -> tuple[str, str]:
    lines = case.read_bytes().decode("utf-8", errors="replace").splitlines()
    target = lines[0].removeprefix("# target: ")
    expect = lines[1].removeprefix("# expect: ")
    return target, expect


def test_there_is_a_fixture_per_rule():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_invalid_file_is_reported_at_its_place(case, corpus_dir):
    target, expect = header(case)
    shutil.copy(case, corpus_dir / target)
    with pytest.raises(ContentErrors) as caught:
        load_corpus(corpus_dir)
    reported = [str(e) for e in caught.value.errors]
    assert f"guidelines/{target}:{expect}" in reported


def test_valid_corpus_loads():
    corpus = load_corpus(VALID)
    assert [g.id for g in corpus.guidelines] == ["gt-uji", "layanan-uji", "kerja-sama-uji", "usaha-uji"]
    assert [r.id for r in corpus.recommendations] == [f"R{i:02d}" for i in range(1, 13)]
    assert corpus.paths["gt-uji"] == "valid/formation/gt-uji.yaml"


def test_all_errors_of_a_run_are_reported(corpus_dir):
    for name in ("unknown-recommendation", "bad-status", "tab-indent"):
        target, _ = header(FIXTURES / "invalid" / f"{name}.yaml")
        shutil.copy(FIXTURES / "invalid" / f"{name}.yaml", corpus_dir / target)
    with pytest.raises(ContentErrors) as caught:
        load_corpus(corpus_dir)
    files = {e.file.rsplit("/", 1)[-1] for e in caught.value.errors}
    assert files == {"unknown-recommendation.yaml", "bad-status.yaml", "tab-indent.yaml"}


def test_same_id_in_two_folders_is_an_error(corpus_dir):
    text = (corpus_dir / "cooperation" / "kerja-sama-uji.yaml").read_text()
    (corpus_dir / "cooperation" / "gt-uji.yaml").write_text(text.replace("id: kerja-sama-uji", "id: gt-uji"))
    with pytest.raises(ContentErrors) as caught:
        load_corpus(corpus_dir)
    assert any("duplicate guideline id 'gt-uji' (also used by" in e.message for e in caught.value.errors)


def test_duplicate_register_entry_is_an_error(corpus_dir):
    path = corpus_dir / "agencies.yaml"
    path.write_text(path.read_text() + "  - {id: polda, name: {id: Polda lagi}, level: provincial}\n")
    with pytest.raises(ContentErrors) as caught:
        load_corpus(corpus_dir)
    assert [str(e) for e in caught.value.errors] == [
        "guidelines/agencies.yaml:8:10: agencies[6].id: duplicate agency id 'polda' (each must be unique)"
    ]


def test_stray_files_are_errors(corpus_dir):
    (corpus_dir / "formation" / "notes.txt").write_text("catatan")
    (corpus_dir / "training").mkdir()
    (corpus_dir / "training" / "x.yaml").write_text("id: x\n")
    with pytest.raises(ContentErrors) as caught:
        load_corpus(corpus_dir)
    messages = {e.file: e.message for e in caught.value.errors}
    assert "not a content file" in messages["guidelines/formation/notes.txt"]
    assert "must sit directly in one of the folders" in messages["guidelines/training/x.yaml"]


def test_missing_register_is_an_error(corpus_dir):
    (corpus_dir / "glossary.yaml").unlink()
    with pytest.raises(ContentErrors) as caught:
        load_corpus(corpus_dir)
    assert "missing file: glossary.yaml is required" in str(caught.value)


def test_command_exits_1_with_every_error_and_no_traceback(corpus_dir, capsys):
    shutil.copy(FIXTURES / "invalid" / "unknown-agency.yaml", corpus_dir / "formation" / "unknown-agency.yaml")
    shutil.copy(FIXTURES / "invalid" / "duplicate-key.yaml", corpus_dir / "formation" / "duplicate-key.yaml")
    assert main(["validate", str(corpus_dir)]) == 1
    out = capsys.readouterr().out
    assert "unknown-agency.yaml:17:16: sections[0].agencies[0]: unknown agency 'dinas-rahasia'" in out
    assert "duplicate-key.yaml:21:5: sections[1].title: duplicate key 'title'" in out
    assert out.strip().endswith("2 errors in the content; nothing was built.")
    assert "Traceback" not in out


@pytest.mark.parametrize("value", ["2026-13-45", "2026-02-30", "2026-11-31 10:00:00", "0", "86400", "true"])
def test_a_date_yaml_cannot_read_is_an_error_not_a_traceback(corpus_dir, capsys, value):
    path = corpus_dir / "formation" / "gt-uji.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nupdated: 2026-11-01\n" in text
    path.write_text(text.replace("\nupdated: 2026-11-01\n", f"\nupdated: {value}\n"), encoding="utf-8")
    assert main(["validate", str(corpus_dir)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("guidelines/formation/gt-uji.yaml:7:10: updated: expected a date written as YYYY-MM-DD, found ")
    assert value in out.splitlines()[0]
    assert "Traceback" not in out


def test_command_prints_a_summary_and_exits_0(capsys):
    assert main(["validate", str(VALID)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert out[0].startswith("OK: 4 guidelines, 6 sections, 12 recommendations, 6 agencies")


def test_command_exits_2_without_a_content_folder(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nothing")]) == 2
    assert "no content folder" in capsys.readouterr().err


def test_validation_never_changes_a_source_file(corpus_dir):
    shutil.copy(FIXTURES / "invalid" / "duplicate-key.yaml", corpus_dir / "formation" / "duplicate-key.yaml")
    before = {p: p.read_bytes() for p in corpus_dir.rglob("*") if p.is_file()}
    with pytest.raises(ContentErrors):
        load_corpus(corpus_dir)
    assert {p: p.read_bytes() for p in corpus_dir.rglob("*") if p.is_file()} == before


def test_github_format_prints_an_annotation_per_error(corpus_dir, capsys):
    shutil.copy(FIXTURES / "invalid" / "unknown-agency.yaml", corpus_dir / "formation" / "unknown-agency.yaml")
    assert main(["validate", str(corpus_dir), "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ("::error file=guidelines/formation/unknown-agency.yaml,line=17,col=16,"
                        "title=sections[0].agencies[0]::sections[0].agencies[0]: unknown agency "
                        "'dinas-rahasia' (expected an id from agencies.yaml)")


def test_annotation_escapes_what_github_would_misread():
    from pedoman import ContentError
    error = ContentError("a,b:c.yaml", 3, 4, "x", "50% done\nnext")
    assert error.github() == "::error file=a%2Cb%3Ac.yaml,line=3,col=4,title=x::x: 50%25 done%0Anext"


def test_unknown_option_is_a_usage_error():
    with pytest.raises(SystemExit) as caught:
        main(["validate", "--format", "xml"])
    assert caught.value.code == 2


def test_reviewed_official_contact_is_allowed(corpus_dir):
    shutil.copy(FIXTURES / "invalid" / "personal-phone.yaml", corpus_dir / "formation" / "personal-phone.yaml")
    with pytest.raises(ContentErrors):
        load_corpus(corpus_dir)
    (corpus_dir / "reviewed.yaml").write_text(
        "personal_data:\n  - value: 0812-3456-7890\n    note: Official hotline of the provincial UPTD PPA\n")
    assert "personal-phone" in [g.id for g in load_corpus(corpus_dir).guidelines]


def test_built_in_hotlines_and_government_addresses_are_allowed():
    from pedoman.content.privacy import find_personal_data
    assert find_personal_data("SAPA 129, WhatsApp 08111-129-129, pengaduan@kemenpppa.go.id, polisi 110") == []
    assert [f.kind for f in find_personal_data("(021) 5551234, +62 812 3456 7890, a.b@gmail.com")] == [
        "phone", "phone", "email"]
