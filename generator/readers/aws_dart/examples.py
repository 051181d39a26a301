"""Examples: a method page shows no example requests, responses or errors (its only code is
the implementation), so there is nothing to read; the module keeps the family's layout."""

from __future__ import annotations

from ... import model
from .. import Page


def read_examples(page: Page) -> list[model.Example]:
    """The page's examples: none on this family's pages."""
    del page
    return []
