"""The page -> its one Operation: each section read by its kind, then put together with the
operation's identity (the Action, service and API version, endpoint), each with the Source that
says so.

RPC conventions the page does not state: POST to "/", every parameter in the query.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ... import model
from ...errors import fail
from .. import Page, ReadOutput, ReadResult
from .document import Document, Section, Table, parse_document
from .errors import read_error_table
from .example_shapes import example_key_lines, example_shape
from .examples import example_query_pairs, read_examples
from .parameters import RequestTable, add_example_only_parameters, read_request_table
from .plain_text import text_of
from .prose import operation_prose
from .responses import read_response_table
from .sections import SectionKind, check_tables_complete, sections_by_kind, tables_in
from .wire_names import is_wire_name

FAMILY = "alibaba-md"
PROVIDER = "alibaba"
PROTOCOL = "alibaba-rpc"

DEFAULT_SERVICE = "ess"
# ESS has had one RPC version for its whole life; pages that do not state it mean this one.
DEFAULT_VERSION = "2014-08-28"

# The OpenAPI Explorer link of the 调试 section: api.aliyun.com/#/?product=Ess&version=...
_EXPLORER_URL = re.compile(r"https?://api\.aliyun\.com/#[^)\s\]]*")
_ACTION_IN_URL = re.compile(r"[?&]Action=([A-Za-z][A-Za-z0-9]*)")


def read(page: Page) -> ReadOutput:
    doc, joined = parse_document(page)
    path = page.path
    notes: list[str] = list(joined.warnings)
    by_kind = sections_by_kind(doc.sections)

    prose = operation_prose(doc.intro, by_kind.get("description", []), by_kind.get("other", []))
    for section in by_kind.get("other", []):
        for table in tables_in(section):
            notes.append(f"table under '{section.title}' (line {table.line}) not modelled")

    for kind in _TABLE_SECTIONS:
        for section in by_kind.get(kind, []):
            check_tables_complete(section, doc.sections, joined, path)

    # The first table of the first request section with one; later ones are noted.
    request = RequestTable()
    for section in by_kind.get("request", []):
        tables = _tables_noting_extra(section, notes)
        if tables and not request.parameters and request.action is None:
            request = read_request_table(tables[0], path)

    # examples first: the response table's nesting is read from them
    examples: list[model.Example] = []
    for section in by_kind.get("examples", []):
        examples.extend(read_examples(section.blocks, path))
    for example in examples:
        if example.kind == "request" and example.format == "query":
            add_example_only_parameters(request, example_query_pairs(example), path)
    notes.extend(request.notes)

    response: list[model.Parameter] = []
    shape = example_shape(examples)
    key_lines = example_key_lines(examples)
    for section in by_kind.get("response", []):
        tables = _tables_noting_extra(section, notes)
        if tables and not response:
            response, response_notes = read_response_table(tables[0], path, shape, key_lines)
            notes.extend(response_notes)

    errors: list[model.ErrorCode] = []
    for section in by_kind.get("errors", []):
        for table in tables_in(section):
            errors.extend(read_error_table(table, path))

    provenance: dict[str, model.Source] = {}
    request_url = next((e for e in examples if e.kind == "request" and e.format == "query"), None)
    action, action_source = _operation_name(doc, request, request_url, path)
    provenance["action"] = provenance["name"] = action_source
    service, version, version_source = _service_and_version(page, doc, request)
    provenance["api_version"] = version_source
    host, host_source = _endpoint(request_url, path)
    if host_source is not None:
        provenance["endpoint"] = host_source
    if prose.summary:
        provenance["summary"] = model.Source(path, prose.summary[0][0])

    operation = model.Operation(
        provider=PROVIDER,
        service=service,
        api_version=version,
        protocol=PROTOCOL,
        name=action,
        family=FAMILY,
        source=model.Source(path, 1),
        method="POST",  # RPC: every call is a POST to "/", the parameters in the query
        path="/",
        action=action,
        title=doc.title,
        summary=text_of(prose.summary),
        description=text_of(prose.description),
        endpoint=host,
        parameters=request.parameters,
        response=response,
        errors=errors,
        examples=examples,
        links=_distinct_links(doc),
        notes=notes,
        provenance=dict(sorted(provenance.items())),
    )
    result = ReadResult(
        operation=operation, parameter_text=request.text, operation_text=prose.operation_text
    )
    return ReadOutput(results=[result])


def _operation_name(
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


def _service_and_version(
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


def _endpoint(
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


# Sections read from their tables: '|' lines there that formed no table are an error.
_TABLE_SECTIONS: tuple[SectionKind, ...] = ("request", "response", "errors")


def _tables_noting_extra(section: Section, notes: list[str]) -> list[Table]:
    """The section's tables; all but the first are noted as not modelled."""
    tables = tables_in(section)
    for table in tables[1:]:
        notes.append(f"extra table under '{section.title}' (line {table.line}) not modelled")
    return tables


def _distinct_links(doc: Document) -> list[model.Link]:
    """The page's web links, each (text, target) once, in page order."""
    links: list[model.Link] = []
    for found in doc.links:
        if all((found.text, found.target) != (seen.text, seen.target) for seen in links):
            links.append(found)
    return links
