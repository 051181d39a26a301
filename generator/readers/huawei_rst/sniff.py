"""Is a page one of this family's? Recognised by its content, never by its file name."""

from __future__ import annotations

import re

from .. import Page
from .http_text import URI_LINE

_ORIGINAL_NAME = re.compile(r"^:original_name:\s*\S")
_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+])\1{2,}\s*$")
# Markup only reStructuredText has: a directive, a link target or a :ref: role. It keeps a
# Markdown page that merely has a "URI" heading and a method line from passing as RST.
_RST_MARKUP = re.compile(r"^\.\. (?:[A-Za-z][\w-]*::|_[^:\n]+:)|:ref:`", re.M)


def sniff(page: Page) -> bool:
    """An `:original_name:` field opening the page, or an RST page with a "URI" section that
    holds an HTTP method line."""
    lines = page.lines
    first = next((line for line in lines if line.strip()), "")
    if _ORIGINAL_NAME.match(first):
        return True
    has_uri_section = any(
        line.strip() == "URI" and _UNDERLINE.match(nxt) is not None
        for line, nxt in zip(lines, lines[1:], strict=False)
    )
    has_method_line = any(URI_LINE.match(line.strip()) for line in lines)
    return has_uri_section and has_method_line and _RST_MARKUP.search(page.text) is not None
