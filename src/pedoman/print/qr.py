"""QR codes for printed pages: from paper back to the same page online.

Drawn by segno as SVG with no network and no raster image, so they stay sharp
at any print size. Error correction level M survives a creased or smudged
handout; the quiet zone of four modules that scanners need is part of the code.
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache

import segno
from markupsafe import Markup


@lru_cache(maxsize=512)
def svg(url: str) -> str:
    """The QR code of `url` as a standalone SVG document (no size: the print stylesheet sets it).
    Remembered: a guideline's handbook and handout carry the same code, and choosing its mask is slow."""
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", xmldecl=False, border=4, dark="#000000", light="#ffffff", omitsize=True,
              svgclass=None, lineclass=None)
    return out.getvalue().decode("utf-8")


def img(url: str, alt: str) -> Markup:
    """An <img> of the QR code of `url`, with `alt` as its text alternative (tagged as a figure in PDFs)."""
    data = base64.b64encode(svg(url).encode("utf-8")).decode("ascii")
    return Markup('<img class="qr" alt="{}" src="data:image/svg+xml;base64,{}">').format(alt, data)
