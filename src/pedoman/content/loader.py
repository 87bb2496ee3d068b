"""Safe YAML loading that keeps line marks and refuses what PyYAML would silently lose,
and the one writer of the YAML files pedoman writes.

PyYAML keeps the last of two equal keys, which drops an editor's text without a
word; anchors and aliases let a few lines expand into millions of nodes. Here
the document is composed into nodes (safe tags only), walked once, and turned
into plain Python data while recording where each value sits, so that a later
validation error can name `file:line:col` of the field.

PyYAML reads YAML 1.1; editors' tools (the YAML Language Server) and most other
readers read YAML 1.2, where `044e19434842` is a number and `on` is text.
`dump_yaml` writes files that read the same under both.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from pedoman import cachefolder, codewatch
from pedoman.content.characters import refused_character
from pedoman.errors import ContentError

try:  # libyaml is several times faster; both compose the same nodes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is in the PyYAML wheels
    from yaml import SafeLoader as _Loader

MAX_BYTES = 1_000_000
"""Largest content file accepted; a guideline is a few tens of kilobytes."""

MAX_DEPTH = 32
"""Deepest nesting accepted; the content model needs fewer than ten levels."""

Path_ = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
SAFE_TAGS = {_TAG + t for t in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")}
"""Plain YAML types; any other tag (!!python/..., !!binary, custom !tags) is refused."""
_STR = _TAG + "str"


@dataclass
class Document:
    """A loaded YAML file: its data, and its text to tell where a value sits (1-based).

    The node tree is composed again only when an error needs a position: keeping
    every file's nodes alive would make the garbage collector walk them all.
    """

    path: str
    data: Any
    text: str
    scalars: list[tuple[Path_, Any]] = field(default_factory=list)
    """Every value and key of the file with where it sits (a key: at its mapping), in file order:
    the checks that read every text (personal data, dates) go through this list, not the tree."""

    @cached_property
    def root(self) -> yaml.Node:
        return yaml.compose(self.text, Loader=_Loader)

    def _find(self, path: Path_) -> tuple[yaml.Node, yaml.Node | None, bool]:
        """The node at `path` (or its nearest existing ancestor), the key node naming it,
        and whether the whole path exists."""
        node, key_node = self.root, None
        for part in path:
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                pair = next(((k, v) for k, v in node.value if k.value == part), None)
                if pair is None:
                    return node, key_node, False
                key_node, node = pair
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                key_node, node = None, node.value[part]
            else:
                return node, key_node, False
        return node, key_node, True

    def mark(self, path: Path_) -> tuple[int, int]:
        """Where the value at `path` sits, or its nearest ancestor that exists in the file."""
        node, _, _ = self._find(path)
        return node.start_mark.line + 1, node.start_mark.column + 1

    def written(self, path: Path_) -> str | None:
        """The value at `path` as the editor typed it, if it is a single value (not a list or mapping).

        YAML reads `10:30` as the number 630 and `yes` as true; an error about such
        a value quotes what is in the file, not only what YAML made of it.
        """
        node, _, exists = self._find(path)
        return node.value if exists and isinstance(node, yaml.ScalarNode) else None

    def key_mark(self, path: Path_) -> tuple[int, int]:
        """Where the key naming `path` is written (for "unknown field" errors)."""
        node, key_node, _ = self._find(path)
        where = key_node or node
        return where.start_mark.line + 1, where.start_mark.column + 1


def format_path(path: Path_) -> str:
    """`sections[2].title.en` for ('sections', 2, 'title', 'en')."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def position(text: str, index: int) -> tuple[int, int]:
    """The line and column (both from 1) of `text[index]`, as errors name a place."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


class _Walker:
    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text
        # Characters are judged text by text only where one may be refused: anywhere, if the file
        # holds one as written; else in a double-quoted text with an escape ("\v" writes U+000B).
        self.suspicious = refused_character(text.replace("\r\n", "\n")) is not None
        self.scalars: list[tuple[Path_, Any]] = []
        self.errors: list[ContentError] = []
        self.seen: set[int] = set()
        self.constructor = yaml.SafeLoader("")

    def error(self, node: yaml.Node, where: Path_, message: str) -> None:
        self.errors.append(
            ContentError(self.path, node.start_mark.line + 1, node.start_mark.column + 1,
                         format_path(where), message)
        )

    def walk(self, node: yaml.Node, where: Path_, at: yaml.Node | None = None) -> Any:
        """Turn `node` into data; `at` is the key or list that holds it, for alias errors."""
        if id(node) in self.seen:
            # An alias composes to the very node it names, so its own position is gone;
            # point at the key or list that holds it instead.
            self.error(at or node, where, "anchors and aliases (&name, *name) are not allowed; "
                       "write the value out")
            return None
        self.seen.add(id(node))
        if node.tag not in SAFE_TAGS:
            if node.tag == _TAG + "merge":
                self.error(node, where, "merge keys (<<) are not allowed; write the fields out")
            else:
                self.error(node, where, f"the tag {node.tag.replace(_TAG, '!!')} is not allowed; "
                           "write plain text, numbers, lists and mappings")
            return None
        if len(where) > MAX_DEPTH:
            self.error(node, where, f"nesting deeper than {MAX_DEPTH} levels is not allowed")
            return None
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            key_nodes: dict[str, yaml.Node] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.error(key_node, where, "a key must be a plain word, not a list or mapping")
                    continue
                if key_node.tag not in SAFE_TAGS:
                    self.error(key_node, where, "merge keys (<<) and tagged keys are not allowed; "
                               "write the fields out")
                    continue
                key = key_node.value if key_node.tag == _STR else str(self.scalar(key_node))
                self.scalars.append((where, key))
                self.check_characters(key_node, where, key)
                if key in key_nodes:
                    first = key_nodes[key].start_mark.line + 1
                    self.error(key_node, (*where, key),
                               f"duplicate key '{key}' (first at line {first}); "
                               "YAML would keep only the last one")
                    continue
                key_nodes[key] = key_node
                result[key] = self.walk(value_node, (*where, key), key_node)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*where, i), node) for i, item in enumerate(node.value)]
        value = self.scalar(node)
        self.scalars.append((where, value))
        if isinstance(value, str):
            self.check_characters(node, where, value)
        return value

    def check_characters(self, node: yaml.Node, where: Path_, value: str) -> None:
        """An error at the first character no output can print (see `characters`): at the
        character itself when the file holds it as it is, else at the start of the text
        (a YAML escape such as "\\v" wrote it)."""
        if not self.suspicious and not (
                node.style == '"' and "\\" in self.text[node.start_mark.index:node.end_mark.index]):
            return
        refused = refused_character(value)
        if refused is None:
            # A raw U+0085 in the file: PyYAML (YAML 1.1) reads it as a line break, a YAML 1.2
            # reader (the editor's) as a character; either way not what the editor meant.
            written = self.text[node.start_mark.index:node.end_mark.index]
            if "\x85" not in written:
                return
            refused = refused_character(written)
            value = written
        index, message = refused
        at = self.text.find(value[index], node.start_mark.index, node.end_mark.index)
        if at < 0:
            self.error(node, where, message)
            return
        self.errors.append(ContentError(self.path, *position(self.text, at), format_path(where), message))

    def scalar(self, node: yaml.ScalarNode) -> Any:
        """The value of a plain scalar, or its text when YAML cannot convert it.

        A scalar shaped like a date, time or number is converted by PyYAML's
        constructor, which raises on `2026-13-45`, `2026-02-30 25:00:00` or `0x_`.
        Such a value is kept as the text the editor wrote: the model then judges
        it like any other text, with the field, its place and the expected form
        (a text field takes it as text; a date field reports "expected a date").
        """
        if node.tag == _STR:
            return node.value  # the common case, without the constructor's bookkeeping
        try:
            return self.constructor.construct_object(node)
        except (ValueError, OverflowError, yaml.YAMLError):
            return node.value


_LOADED: dict[str, tuple[bytes, tuple[Document | None, list[ContentError]]]] = {}
"""Per file shown as: its bytes when last loaded and what loading gave. The live preview
validates every file on every save; a file whose bytes did not change is not parsed again."""


_DISK: list[tuple[Path, str]] = []
"""Where a build keeps what loading gave per file, with the digest of the code that loads (`keep_loaded_in`)."""


def forget_loaded() -> None:
    """Load every file anew next time (the benchmark measures validation from a cold start)."""
    _LOADED.clear()


def keep_loaded_in(folder: Path | None) -> None:
    """Keep what loading each file gives in `folder` too, for the next build (None: in memory only): after
    an editor changed one file, a build parses only that one. Each is kept under a digest of the file's
    bytes and name, the package's code, PyYAML's and Python's versions; unused ones go after 14 days."""
    if folder is None:
        _DISK.clear()
        return
    folder.mkdir(parents=True, exist_ok=True)
    cachefolder.prune(folder)
    _DISK[:] = [(folder, repr((codewatch.code_digest(), yaml.__version__, yaml.__with_libyaml__, sys.version)))]


def load_yaml(path: Path, display: str | None = None) -> tuple[Document | None, list[ContentError]]:
    """Load one content file; return the document (None if unusable) and its errors.

    The result is kept for the file's exact bytes: loading depends on nothing else."""
    name = display or str(path)
    raw = path.read_bytes()
    kept = _LOADED.get(name)
    if kept is not None and kept[0] == raw:
        return kept[1]
    loaded = _kept_on_disk(raw, name) if _DISK else _load(raw, name)
    _LOADED[name] = (raw, loaded)
    return loaded


def _kept_on_disk(raw: bytes, name: str) -> tuple[Document | None, list[ContentError]]:
    """What loading `raw` as `name` gives, from the folder of `keep_loaded_in` when kept there."""
    folder, code = _DISK[0]
    digest = hashlib.sha256(repr((name, code)).encode("utf-8") + b"\0" + raw).hexdigest()
    path = folder / f"{digest}.pickle"
    if path.is_file():
        cachefolder.used(path)
        return pickle.loads(path.read_bytes())
    loaded = _load(raw, name)
    partial = cachefolder.partial(path)
    partial.write_bytes(pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))
    partial.replace(path)
    return loaded


def _load(raw: bytes, name: str) -> tuple[Document | None, list[ContentError]]:
    def fail(message: str, line: int = 1, column: int = 1):
        return None, [ContentError(name, line, column, "", message)]

    if len(raw) > MAX_BYTES:
        return fail(f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return fail(f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8", line)
    if not text.strip():
        return fail("the file is empty; expected a mapping of fields")
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line, mark.column) if mark else (0, 0)
        lines = text.splitlines()
        if line < len(lines) and "\t" in lines[line][: column + 1]:
            return fail("a tab character; indent with spaces only", line + 1, lines[line].index("\t") + 1)
        detail = f" ({exc.context})" if exc.context else ""
        return fail(f"YAML syntax error: {exc.problem or 'invalid YAML'}{detail}", line + 1, column + 1)
    except yaml.YAMLError as exc:
        return fail(f"YAML error: {exc}")
    if not nodes:
        return fail("the file holds no data (only comments); expected a mapping of fields")
    if len(nodes) != 1:
        return fail(f"expected one YAML document, found {len(nodes)} (remove the '---' separators)")
    root = nodes[0]
    if not isinstance(root, yaml.MappingNode):
        found = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
        return fail(f"the file must be a mapping of fields (key: value), found {found}",
                    root.start_mark.line + 1, root.start_mark.column + 1)
    walker = _Walker(name, text)
    data = walker.walk(root, ())
    if walker.errors:
        return None, walker.errors
    return Document(name, data, text, walker.scalars), []


# --- writing ------------------------------------------------------------------

_NOT_TEXT_IN_YAML_1_2 = re.compile(r"""
      null | Null | NULL | ~ | true | True | TRUE | false | False | FALSE
    | [-+]? ( \.[0-9_]+ | [0-9][0-9_]* (\.[0-9_]*)? ) ([eE][-+]?[0-9]+)?
    | 0o[0-7_]+ | 0x[0-9a-fA-F_]+ | 0b[01_]+
    | [-+]? \.(inf|Inf|INF) | \.(nan|NaN|NAN)
    | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2} ([Tt\s].*)?
""", re.VERBOSE)
"""Plain texts a YAML 1.2 reader takes for a null, a yes/no value, a number or a date.

PyYAML's writer already quotes what YAML 1.1 would read otherwise (yes, 0123, 1:30).
"""


class Quoted(str):
    """A text always written in double quotes, such as a fingerprint that may look like a number."""


class _Dumper(yaml.SafeDumper):
    pass


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    quote = isinstance(value, Quoted) or _NOT_TEXT_IN_YAML_1_2.fullmatch(value)
    return dumper.represent_scalar(_STR, str(value), style='"' if quote else None)


_Dumper.add_representer(str, _represent_text)
_Dumper.add_representer(Quoted, _represent_text)


def dump_yaml(data: Any) -> str:
    """`data` as YAML that PyYAML (YAML 1.1) and YAML 1.2 readers read alike, in the given key order."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def schema_line(content_path: Path, content_root: Path) -> str:
    """The yaml-language-server comment that points a content file at its schema in `schema/`."""
    rel = content_path.relative_to(content_root)
    name = rel.parts[0] if len(rel.parts) == 2 else rel.stem
    up = "../" * len(rel.parts)
    return f"# yaml-language-server: $schema={up}schema/{name}.json"
