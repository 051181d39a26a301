"""Is a page one of this family's? Recognised by its content, never by its file name."""

from __future__ import annotations

from .. import Page


def sniff(page: Page) -> bool:
    """The page's request-domain line, or an Input Parameters section on a page that names
    tencentcloudapi.com or the Common Params."""
    head = page.text.lstrip()[:1]
    if head in ("{", "["):  # the API model and its examples are JSON, not pages
        return False
    text = page.text
    if "Domain name for API request" in text:
        return True
    return "Input Parameters" in text and ("tencentcloudapi.com" in text or "Common Params" in text)
