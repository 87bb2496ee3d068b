"""Markdown from content files rendered to HTML that cannot carry markup of its own.

Editors write Markdown in YAML text fields. Raw HTML in it is shown as text
(Python-Markdown's documented way: drop the `html_block` preprocessor and the
`html` inline pattern), links and images may only use safe schemes, images
become links (no request to another host), and headings are moved down two
levels so they sit under the section heading of the page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from urllib.parse import urlparse

import markdown
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}


def is_safe_url(url: str) -> bool:
    """True for relative links and http(s), mailto and tel addresses."""
    cleaned = "".join(ch for ch in url if ch.isprintable() and not ch.isspace())
    return urlparse(cleaned).scheme.lower() in SAFE_SCHEMES


class _Sanitize(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            for i, el in enumerate(list(parent)):
                if el.tag == "img":
                    link = ET.Element("a", {"href": el.get("src", "")})
                    link.text = el.get("alt") or el.get("src", "")
                    link.tail = el.tail
                    parent[i] = link
                    el = link
                if el.tag == "a" and not is_safe_url(el.get("href", "")):
                    el.attrib.pop("href", None)
                if el.tag in ("h1", "h2", "h3", "h4"):
                    el.tag = f"h{int(el.tag[1]) + 2}"


class _SafeExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_Sanitize(md), "pedoman_sanitize", 0)


@lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=["tables", "sane_lists", "def_list", _SafeExtension()])


_MARKUP = re.compile(r"[*_`\[\]<>#|\\&!:]|^\s*([-+=~]|\d+[.)]|$)|^(\t| {4})|  $", re.MULTILINE)
"""Anything Markdown could read as markup; a text without it is plain paragraphs."""


@lru_cache(maxsize=4096)
def render_markdown(text: str) -> str:
    """HTML for one Markdown text field; no raw HTML from the text survives as markup."""
    paragraphs = [p.strip("\n") for p in re.split(r"\n\s*\n", text.strip())]
    if not any(_MARKUP.search(p) for p in paragraphs):
        # Plain prose, the common case: what Python-Markdown would make of it, much sooner.
        return "\n".join(f"<p>{p}</p>" for p in paragraphs)
    md = _renderer()
    md.reset()
    return md.convert(text)
