"""How much room a text takes when WeasyPrint prints it: its width in the PDFs' font, and the
lines it wraps onto in a column.

The print stylesheet sets DejaVu Sans everywhere (the only family installed where the PDFs are
made), so a text's width is read from the same font files, with Pillow. Where they cannot be
found the width is estimated from an average glyph width a little wider than DejaVu's, so the
estimate errs towards more lines. Used to decide before layout what a one-sheet handout can hold
(`handout`): laying a sheet out to see whether it fits would cost a WeasyPrint run per try.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                Path.home() / ".local" / "share" / "fonts", Path.home() / ".fonts")
"""fontconfig's default folders, where WeasyPrint finds DejaVu too."""

AVERAGE_EM = 0.66
"""A glyph's width in em when the font file is missing: DejaVu Sans averages about 0.6 on prose."""

UNITS = 1000
"""The font size text is measured at: widths come back in thousandths of an em."""

PT_MM = 25.4 / 72


@lru_cache(maxsize=2)
def _font(bold: bool) -> ImageFont.FreeTypeFont | None:
    for folder in FONT_FOLDERS:
        for path in sorted(folder.rglob(FONT_FILES[bold])) if folder.is_dir() else ():
            return ImageFont.truetype(str(path), UNITS)
    return None


@lru_cache(maxsize=65536)
def width_em(text: str, bold: bool = False) -> float:
    """The width of `text` in em of the font size it is printed at."""
    font = _font(bold)
    if font is None:
        return len(text) * AVERAGE_EM
    return font.getlength(text) / UNITS


def line_count(text: str, width_mm: float, size_pt: float, bold: bool = False) -> int:
    """The lines `text` wraps onto in a column `width_mm` wide at `size_pt`: breaks between words,
    and inside a word only when the word alone is wider than the column (`overflow-wrap: break-word`)."""
    room = width_mm / (size_pt * PT_MM)  # the column's width in em
    space = width_em(" ", bold)
    lines, used = 0, None
    for word in text.split():
        width = width_em(word, bold)
        if used is not None and used + space + width <= room:
            used += space + width
            continue
        lines += 1
        while width > room:  # a word longer than the column breaks where the column ends
            lines += 1
            width -= room
        used = width
    return max(lines, 1)
