"""Markdown from content files rendered to HTML that cannot carry markup of its own.

Editors write Markdown in YAML text fields. Raw HTML in it is shown as text
(Python-Markdown's documented way: drop the `html_block` preprocessor and the
`html` inline pattern), links and images may only use safe schemes, images
become links (no request to another host), and headings are moved down two
levels so they sit under the section heading of the page.

Whatever the renderer makes then passes nh3 (ammonia), an HTML sanitiser that
parses as a browser does: only the tags and attributes Markdown itself writes
survive, and a link's scheme is judged after entities are decoded. The
renderer's own rules stay; nh3 is the last word if one of them is ever wrong.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from urllib.parse import unquote, urlparse

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}

ALLOWED_TAGS = {"p", "br", "hr", "a", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li",
                "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "h3", "h4", "h5", "h6"}
"""Every tag the renderer writes for Markdown (headings are moved two levels down)."""
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}


def is_safe_url(url: str) -> bool:
    """True for relative links and http(s), mailto and tel addresses.

    The scheme is read as a browser would: after HTML character references and
    percent-encoding are decoded (repeatedly, for doubly encoded text) and every
    whitespace and control character is removed (`java&#x09;script:` is javascript:)."""
    previous = None
    while url != previous:
        previous, url = url, unquote(html.unescape(url))
    cleaned = "".join(ch for ch in url if ch.isprintable() and not ch.isspace())
    return urlparse(cleaned).scheme.lower() in SAFE_SCHEMES


def sanitize(fragment: str) -> str:
    """An HTML fragment cut down to what Markdown writes: ammonia's allow-list, safe schemes only."""
    return nh3.clean(fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=SAFE_SCHEMES - {""}, link_rel=None, strip_comments=True)


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
    return markdown.Markdown(extensions=["tables", "sane_lists", "def_list", _SafeExtension()],
                             extension_configs={"tables": {"use_align_attribute": True}})


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
    return sanitize(md.convert(text))
