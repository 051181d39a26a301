"""Is a page an aws_client Dart method page?"""

from __future__ import annotations

from .. import Page
from .document import IMPLEMENTATION, find_title


def sniff(page: Page) -> bool:
    """A `name method` title, a `Future<...> name(` signature and an Implementation line."""
    lines = page.lines
    return find_title(lines) is not None and any(IMPLEMENTATION.match(text) for text in lines)
