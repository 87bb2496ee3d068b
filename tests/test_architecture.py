"""The package's layers, read from its imports: every import goes down the flow, none in a circle.

Layers, lowest first, declared once here. A module may import from its own layer and the
layers below; the content model knows nothing of words, print or the site. Imports inside
functions and under TYPE_CHECKING count too: they are dependencies a reader must follow.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from harness import ROOT

PACKAGE = ROOT / "src" / "pedoman"

LAYERS = [
    ("base", ["pedoman.errors", "pedoman.clock", "pedoman.codewatch", "pedoman.settings", "pedoman.urls",
              "pedoman.cachefolder"]),
    ("content", ["pedoman.content"]),
    ("presentation", ["pedoman.presentation"]),
    ("documents", ["pedoman.documents"]),
    ("data", ["pedoman.data"]),
    ("print", ["pedoman.print"]),
    ("site", ["pedoman.site"]),
    ("entry", ["pedoman.build", "pedoman.cli", "pedoman"]),
]
MAX_LINES = 400
LONG_REASON = "Longer than 400 lines"
"""What the docstring of a longer module says, with its reason."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, known: set[str]) -> set[str]:
    """The package's modules `path` imports, relative imports resolved, `from x import submodule` too."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "pedoman"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "pedoman":
                continue
            subs = {f"{target}.{a.name}" for a in node.names} & known
            found |= subs or {target}
    return {m for m in found if m in known and m != name}


def layer_of(module: str) -> int:
    best = max(((len(prefix), i) for i, (_, prefixes) in enumerate(LAYERS) for prefix in prefixes
                if module == prefix or module.startswith(prefix + ".")), default=None)
    assert best is not None, f"{module} is in no layer: add it to LAYERS"
    return best[1]


def upward(graph: dict[str, set[str]]) -> list[str]:
    return sorted(f"{a} ({LAYERS[layer_of(a)][0]}) imports {b} ({LAYERS[layer_of(b)][0]})"
                  for a, targets in graph.items() for b in targets if layer_of(b) > layer_of(a))


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan)."""
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports(path, set(found)) for name, path in found.items()}


def test_every_module_is_in_a_layer(graph):
    for module in graph:
        layer_of(module)


def test_no_import_goes_up_a_layer(graph):
    assert upward(graph) == []


def test_no_modules_import_each_other_in_a_circle(graph):
    assert cycles(graph) == []


def test_the_content_model_imports_no_words_print_or_site(graph):
    model = {m for m in graph if m.startswith("pedoman.content.model") or m == "pedoman.content.registers"}
    for m in model:
        assert all(layer_of(t) <= layer_of("pedoman.content") for t in graph[m]), (m, graph[m])


def test_the_checks_find_what_they_look_for():
    """The checks themselves, on a small graph: a circle and an upward import are found."""
    graph = {"pedoman.content.a": {"pedoman.content.b"}, "pedoman.content.b": {"pedoman.content.a"},
             "pedoman.errors": {"pedoman.site.render"}, "pedoman.site.render": set()}
    assert cycles(graph) == [["pedoman.content.a", "pedoman.content.b"]]
    assert upward(graph) == ["pedoman.errors (base) imports pedoman.site.render (site)"]


@pytest.mark.parametrize("name", sorted(modules()))
def test_a_module_longer_than_400_lines_says_why(name):
    path = modules()[name]
    lines = len(path.read_text(encoding="utf-8").splitlines())
    if lines > MAX_LINES:
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        assert LONG_REASON in docstring, f"{path.relative_to(ROOT)} has {lines} lines and no reason"
