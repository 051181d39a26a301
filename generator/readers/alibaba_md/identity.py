"""Which operation a page is: its name (the Action), service and API version, endpoint,
each with the Source that says so."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ... import model
from ...errors import fail
from .. import Page
from .blocks import Document
from .request import RequestTable
from .wire_names import is_wire_name

DEFAULT_SERVICE = "ess"
# ESS has had one RPC version for its whole life; pages that do not state it mean this one.
DEFAULT_VERSION = "2014-08-28"

# The OpenAPI Explorer link of the 调试 section: api.aliyun.com/#/?product=Ess&version=...
_EXPLORER_URL = re.compile(r"https?://api\.aliyun\.com/#[^)\s\]]*")
_ACTION_IN_URL = re.compile(r"[?&]Action=([A-Za-z][A-Za-z0-9]*)")


def operation_name(
    doc: Document, request: RequestTable, request_url: model.Example | None, path: str
) -> tuple[str, model.Source]:
    """The Action row's value; else the request example's Action=; else an API-name title."""
    if request.action is not None and request.action.value:
        return request.action.value, model.Source(path, request.action.line)
    in_url = _ACTION_IN_URL.search(request_url.body) if request_url else None
    if in_url is not None and request_url is not None:
        quote = in_url.group(0).lstrip("?&")
        return in_url.group(1), model.Source(path, request_url.source.line, "inferred", quote=quote)
    if doc.title and is_wire_name(doc.title):
        return doc.title, model.Source(path, doc.title_line, "inferred", quote=doc.title)
    raise fail(
        path,
        doc.title_line,
        "cannot tell the operation: no Action row, no Action= in a request example, "
        "no API name as title",
    )


def service_and_version(
    page: Page, doc: Document, request: RequestTable
) -> tuple[str, str, model.Source]:
    """(service, API version, the version's Source): from the OpenAPI Explorer link
    (`product=Ess`, `version=2014-08-28`); else a Version row; else ESS's one version,
    marked inferred."""
    service = DEFAULT_SERVICE
    explorer_line: int | None = None
    for number, text in enumerate(page.lines, start=1):
        link = _EXPLORER_URL.search(text)
        if link is None:
            continue
        explorer_line = explorer_line or number
        product = re.search(r"product=(\w+)", link.group(0))
        if product:
            service = product.group(1).lower()
        stated = re.search(r"version=(\d{4}-\d{2}-\d{2})", link.group(0))
        if stated:
            source = model.Source(page.path, number, quote=stated.group(0))
            return service, stated.group(1), source
    if request.version is not None:
        return service, request.version.value, model.Source(page.path, request.version.line)
    line = explorer_line or doc.title_line
    return service, DEFAULT_VERSION, model.Source(page.path, line, "inferred")


def endpoint(
    request_url: model.Example | None, path: str
) -> tuple[str | None, model.Source | None]:
    """The host of the request example's URL, and where it was seen."""
    if request_url is None:
        return None, None
    first = request_url.body.strip().split("\n")[0]
    host = urlsplit(first).hostname if first.startswith(("http://", "https://")) else None
    if not host:
        return host, None
    return host, model.Source(path, request_url.source.line, "inferred", quote=host)
