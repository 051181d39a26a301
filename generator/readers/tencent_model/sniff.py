"""Is this JSON the API model? Recognised by its content, never by its file name."""

from __future__ import annotations

import json
import re

from .. import Page


def sniff(page: Page) -> bool:
    """A JSON object with top-level `actions` and `objects`."""
    text = page.text.lstrip()
    if not text.startswith("{"):
        return False
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        # still ours if it looks like the model, so that read() can name the broken line
        return bool(re.search(r'"actions"\s*:', text) and re.search(r'"objects"\s*:', text))
    return isinstance(data, dict) and "actions" in data and "objects" in data
