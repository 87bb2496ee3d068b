"""Loading YAML: what PyYAML would silently lose or expand is refused, with its place."""

from __future__ import annotations

import time

import pytest

from pedoman.content.loader import MAX_BYTES, load_yaml


def load(tmp_path, content: str | bytes):
    path = tmp_path / "file.yaml"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return load_yaml(path, "file.yaml")


def test_values_keep_their_line_and_column(tmp_path):
    doc, errors = load(tmp_path, "id: x\nsections:\n  - id: a\n    title: {id: Judul}\n")
    assert errors == []
    assert doc.data["sections"][0]["title"] == {"id": "Judul"}
    assert doc.mark(("sections", 0, "title", "id")) == (4, 17)
    assert doc.key_mark(("sections", 0, "title")) == (4, 5)
    assert doc.mark(("sections", 0, "title", "en")) == (4, 12)  # nearest existing ancestor


@pytest.mark.parametrize(
    ("content", "line", "column", "message"),
    [
        ("a: 1\nb:\n  c: 2\n  c: 3\n", 4, 3, "duplicate key 'c' (first at line 3)"),
        ("a: &x [1]\nb: *x\n", 2, 1, "anchors and aliases"),
        ("a: 1\n<<: {b: 2}\n", 2, 1, "merge keys"),
        ("- a\n- b\n", 1, 1, "must be a mapping of fields (key: value), found a list"),
        ("just text\n", 1, 1, "found a single value"),
        ("", 1, 1, "the file is empty"),
        ("  \n\n", 1, 1, "the file is empty"),
        ("a:\n\tb: 1\n", 2, 1, "a tab character; indent with spaces only"),
        ("a: [1, 2\n", 2, 1, "YAML syntax error"),
        ("a: 1\n---\nb: 2\n", 1, 1, "expected one YAML document, found 2"),
        (b"a: ok\nb: caf\xe9\n", 2, 1, "not UTF-8 text (byte 0xe9)"),
    ],
)
def test_refused_input_names_its_place(tmp_path, content, line, column, message):
    doc, errors = load(tmp_path, content)
    assert doc is None
    assert errors, "expected an error"
    first = errors[0]
    assert (first.file, first.line, first.column) == ("file.yaml", line, column)
    assert message in first.message


def test_python_tags_are_not_constructed(tmp_path):
    doc, errors = load(tmp_path, "a: !!python/object/apply:os.system ['true']\n")
    assert doc is None
    assert errors[0].message.startswith("the tag !!python/object/apply:os.system is not allowed")


def test_alias_bomb_is_refused_at_once(tmp_path):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    doc, errors = load(tmp_path, "\n".join(lines) + "\n")
    elapsed = time.perf_counter() - start
    assert doc is None
    assert all("anchors and aliases" in e.message for e in errors)
    assert elapsed < 1.0  # 9**9 values if expanded; refused without expanding


def test_oversized_file_is_refused(tmp_path):
    doc, errors = load(tmp_path, "a: " + "x" * MAX_BYTES + "\n")
    assert doc is None
    assert "the limit is" in errors[0].message


def test_absurd_nesting_is_refused(tmp_path):
    doc, errors = load(tmp_path, "a: " + "[" * 200 + "]" * 200 + "\n")
    assert doc is None
    assert "nesting deeper than" in errors[0].message


def test_values_yaml_cannot_convert_are_kept_as_written(tmp_path):
    # PyYAML's constructor raises on these (month 13, 30 February, hour 25, an empty hex number);
    # the model judges the text like any other, so each error names its field.
    doc, errors = load(tmp_path, "a: 2026-13-45\nb: 2026-02-30\nc: 2026-02-28 25:00:00\nd: 0x_\n2026-02-30: key\n")
    assert errors == []
    assert doc.data == {"a": "2026-13-45", "b": "2026-02-30", "c": "2026-02-28 25:00:00", "d": "0x_",
                        "2026-02-30": "key"}


def test_written_is_the_text_in_the_file(tmp_path):
    doc, _ = load(tmp_path, "a: 72:00\nb: [yes]\nc: {d: 1}\n")
    assert doc.data["a"] == 4320  # YAML 1.1 reads 72:00 as a number in base 60
    assert doc.written(("a",)) == "72:00"
    assert doc.written(("b", 0)) == "yes"
    assert doc.written(("c",)) is None  # a mapping has no single text
    assert doc.written(("c", "e")) is None  # nor has a field that is not there


def test_a_file_is_parsed_again_exactly_when_its_bytes_change(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("title: {id: Satu}\n", encoding="utf-8")
    first, _ = load_yaml(path)
    assert load_yaml(path)[0] is first  # the same bytes: kept
    path.write_text("title: {id: Dua}\n", encoding="utf-8")
    assert load_yaml(path)[0].data == {"title": {"id": "Dua"}}
    path.write_text("title: {id: Satu}\n", encoding="utf-8")
    assert load_yaml(path)[0].data == {"title": {"id": "Satu"}}
