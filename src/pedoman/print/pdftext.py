"""A tagged PDF's structure tree with the text its elements print, read with pikepdf (for `tagging`).

The printed text of marked content is read from the content streams through each font's ToUnicode
map: WeasyPrint writes every font as Type0/Identity-H with one. Runs of text on different lines are
apart by a space when joined, as a reader reads them.
"""

from __future__ import annotations

import re

import pikepdf
from pikepdf import Array, Dictionary, Name, Operator

_BDC, _BMC, _EMC, _TF, _TM = (Operator(o) for o in ("BDC", "BMC", "EMC", "Tf", "Tm"))
_SHOW = {Operator("Tj"), Operator("TJ"), Operator("'"), Operator('"')}
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def elements(root: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    """Every structure element reachable from the StructTreeRoot, parents before their kids."""
    found, todo = [], [root.get("/K")]
    while todo:
        node = todo.pop()
        if isinstance(node, Array):
            todo.extend(reversed(list(node)))
        elif isinstance(node, Dictionary) and "/S" in node:
            found.append(node)
            todo.append(node.get("/K"))
    return found


def kids(element: pikepdf.Dictionary) -> list:
    kids = element.get("/K")
    return list(kids) if isinstance(kids, Array) else [] if kids is None else [kids]


def is_element(node) -> bool:
    return isinstance(node, Dictionary) and "/S" in node


def _unicode_map(font: pikepdf.Dictionary) -> tuple[int, dict[bytes, str]]:
    """(bytes per character code, {code: text}) of a font, from its ToUnicode CMap."""
    width = 2 if font.get("/Subtype") == Name.Type0 else 1
    found: dict[bytes, str] = {}
    if "/ToUnicode" not in font:
        return width, found
    cmap = font.ToUnicode.read_bytes()
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.DOTALL):
        codes = _HEX.findall(block)
        for source, target in zip(codes[0::2], codes[1::2]):
            found[bytes.fromhex(source.decode())] = bytes.fromhex(target.decode()).decode("utf-16-be", "replace")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.DOTALL):
        for low, high, target in re.findall(rb"<(\w+)>\s*<(\w+)>\s*(<\w+>|\[[^\]]*\])", block):
            targets = _HEX.findall(target)
            start = int(low, 16)
            for n, code in enumerate(range(start, int(high, 16) + 1)):
                if target.startswith(b"["):
                    text = targets[n] if n < len(targets) else b""
                    value = bytes.fromhex(text.decode()).decode("utf-16-be", "replace")
                else:
                    first = bytes.fromhex(targets[0].decode())
                    value = (first[:-2] + (int.from_bytes(first[-2:], "big") + n).to_bytes(2, "big")
                             ).decode("utf-16-be", "replace")
                found[code.to_bytes(len(low) // 2, "big")] = value
    return width, found


def _decode(data: bytes, font: tuple[int, dict[bytes, str]]) -> str:
    width, table = font
    return "".join(table.get(data[i:i + width], "") for i in range(0, len(data), width))


def page_texts(page: pikepdf.Page, commands: list) -> dict[int, tuple[float, str]]:
    """{MCID: (the baseline it starts on, the text it shows)} of a page's content stream, parsed as
    `commands`."""
    fonts = page.obj.get("/Resources", Dictionary()).get("/Font", Dictionary())
    maps: dict[str, tuple[int, dict[bytes, str]]] = {}
    texts: dict[int, tuple[float, list[str]]] = {}
    stack: list[int | None] = []
    font, baseline = (1, {}), 0.0
    for operands, operator in commands:
        if operator == _BDC:
            properties = operands[1]
            stack.append(int(properties.MCID) if isinstance(properties, Dictionary) and "/MCID" in properties
                         else None)
        elif operator == _BMC:
            stack.append(None)
        elif operator == _EMC and stack:
            stack.pop()
        elif operator == _TF:
            name = str(operands[0])
            if name not in maps:
                maps[name] = _unicode_map(fonts[name]) if name in fonts else (1, {})
            font = maps[name]
        elif operator == _TM:
            baseline = float(operands[5])
        elif operator in _SHOW:
            mcid = next((m for m in reversed(stack) if m is not None), None)
            if mcid is None:
                continue
            shown = operands[-1]
            pieces = shown if isinstance(shown, Array) else [shown]
            texts.setdefault(mcid, (baseline, []))[1].extend(
                _decode(bytes(p), font) for p in pieces if isinstance(p, pikepdf.String))
    return {mcid: (line, "".join(parts)) for mcid, (line, parts) in texts.items()}


class Tree:
    """A tagged PDF's structure tree, with the printed text of its elements."""

    def __init__(self, pdf: pikepdf.Pdf):
        self.pdf = pdf
        self.root = pdf.Root.StructTreeRoot
        self.elements = elements(self.root)
        self.page_of = {page.objgen: n for n, page in enumerate(pdf.pages)}
        self._shown: dict[int, dict[int, tuple[float, str]]] = {}

    def commands(self, page: int) -> list:
        return pikepdf.parse_content_stream(self.pdf.pages[page])

    def shown(self, page: int) -> dict[int, tuple[float, str]]:
        """{MCID: (baseline, text)} of page `page`, read when first asked for."""
        if page not in self._shown:
            self._shown[page] = page_texts(self.pdf.pages[page], self.commands(page))
        return self._shown[page]

    def marked(self, element: pikepdf.Dictionary) -> list[tuple[int, int]]:
        """(page index, MCID) of the marked content directly in `element`."""
        found = []
        for kid in kids(element):
            if isinstance(kid, int):
                page = element.get("/Pg")
            elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
                page, kid = kid.get("/Pg", element.get("/Pg")), int(kid.MCID)
            else:
                continue
            if page is not None and page.objgen in self.page_of:
                found.append((self.page_of[page.objgen], int(kid)))
        return found

    def runs(self, element: pikepdf.Dictionary) -> list[tuple[int, float, str]]:
        """(page, baseline, text) of every run of text `element` and its descendants show, in the tree's order."""
        found = []
        marked = iter(self.marked(element))
        for kid in kids(element):
            if is_element(kid):
                found += self.runs(kid)
            elif isinstance(kid, int) or (isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR):
                page, mcid = next(marked, (None, None))
                if page is not None and mcid in self.shown(page):
                    found.append((page, *self.shown(page)[mcid]))
        return found

    def text(self, *elements: pikepdf.Dictionary) -> str:
        """The text `elements` show, spaces collapsed; runs on different lines are apart by a space."""
        words, last = "", None
        for page, line, text in (run for element in elements for run in self.runs(element)):
            if last is not None and (page, round(line)) != last and text[:1] not in " \n" and words[-1:] != " ":
                words += " "
            words, last = words + text, (page, round(line))
        return " ".join(words.split())
