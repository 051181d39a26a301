"""Line markers: how a table row joined onto one line still cites the page lines it came from.

The row-joining pre-pass puts a marker carrying the original 1-based line number before each
continuation line it joins; the inline renderer reads the markers back. The marker characters
are from the Unicode private-use area, so no real page text is mistaken for one (a page that
does contain them is rejected by the pre-pass).
"""

from __future__ import annotations

import re

MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
_MARK = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")


def mark(line: int) -> str:
    """The marker for 1-based page line `line`."""
    return f"{MARK_OPEN}{line}{MARK_CLOSE}"


def has_marker_characters(text: str) -> bool:
    return MARK_OPEN in text or MARK_CLOSE in text


def split_at_markers(text: str) -> list[str]:
    """[text, line, text, line, text, ...]: odd positions are the line numbers (as strings) of
    the markers, even positions the text between them."""
    return _MARK.split(text)
