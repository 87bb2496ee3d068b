"""What WeasyPrint 70 leaves undone in a tagged PDF's structure, done after layout with pikepdf.

- The text of the page margins (running head, version line, "Page x of y") is marked as content
  (`/Span` with an MCID) whose structure elements WeasyPrint never links into the tree: a reader
  that follows marked content still reads it on every page, and PDF/UA wants it as an artifact.
  `tidy` marks it `/Artifact` of type `/Pagination` and drops it from the parent tree.
- Table cells name their header cells by id (`/Headers`), but the structure tree has no IDTree
  to resolve those ids: `tidy` adds one.

WeasyPrint cannot do either from HTML or CSS (its margin boxes are tagged in `pdf/tags.py`, which
leaves them out of the tree "since Artifact is only allowed in PDF 2.0" there). Nor does it write
an element's `lang` as `/Lang`, or TOC/TOCI for a contents list: this module does not fake those.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, NameTree, NumberTree, Operator

_BDC = Operator("BDC")


def _elements(root: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    """Every structure element reachable from the StructTreeRoot."""
    found, todo = [], [root.get("/K")]
    while todo:
        node = todo.pop()
        if isinstance(node, Array):
            todo.extend(node)
        elif isinstance(node, Dictionary) and "/S" in node:
            found.append(node)
            todo.append(node.get("/K"))
    return found


def tidy(path: Path | str) -> tuple[int, int]:
    """Mark the margins' text of the tagged PDF at `path` as artifacts and give its structure tree an
    IDTree, in place: (marked-content sequences made artifacts, ids in the IDTree)."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        root = pdf.Root.StructTreeRoot
        elements = _elements(root)
        linked = {e.objgen for e in elements}
        parents = NumberTree(root.ParentTree)
        artifacts = 0
        for page in pdf.pages:
            key = page.obj.get("/StructParents")
            if key is None or int(key) not in parents:
                continue
            mcids = parents[int(key)]
            loose = {i for i, ref in enumerate(mcids) if isinstance(ref, Dictionary) and ref.objgen not in linked}
            if not loose:
                continue
            commands = []
            for operands, operator in pikepdf.parse_content_stream(page):
                if (operator == _BDC and isinstance(operands[1], Dictionary)
                        and int(operands[1].get("/MCID", -1)) in loose):
                    operands = [Name.Artifact, Dictionary(Type=Name.Pagination)]
                    artifacts += 1
                commands.append((operands, operator))
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(commands))
            for i in loose:
                mcids[i] = None
        ids = NameTree.new(pdf)
        for e in elements:
            if "/ID" in e:
                ids[bytes(e.ID).decode("latin-1")] = e
        if len(ids):
            root.IDTree = ids.obj
        pdf.save(path, deterministic_id=True)  # the same input gives the same file
        return artifacts, len(ids)
