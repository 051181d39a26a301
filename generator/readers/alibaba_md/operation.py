"""The page -> its one Operation: each section read by its kind, then put together."""

from __future__ import annotations

from collections.abc import Sequence

from ... import model
from .. import Lines, Page, ReadOutput, ReadResult
from .blocks import Block, Document, Prose, Section, Table
from .document import parse_document
from .error_codes import read_error_table
from .example_shapes import example_key_lines, example_shape
from .examples import read_examples
from .identity import endpoint, operation_name, service_and_version
from .plain_text import text_of
from .request import RequestTable, read_request_table
from .response import read_response_table
from .sections import (
    SectionKind,
    check_tables_complete,
    prose_lines,
    sections_by_kind,
    tables_in,
)

FAMILY = "alibaba-md"
PROVIDER = "alibaba"
PROTOCOL = "alibaba-rpc"

# Sections read from their tables: '|' lines there that formed no table are an error.
_TABLE_SECTIONS: tuple[SectionKind, ...] = ("request", "response", "errors")


def read(page: Page) -> ReadOutput:
    doc, joined = parse_document(page)
    path = page.path
    notes: list[str] = []
    by_kind = sections_by_kind(doc.sections)

    summary_lines, intro_rest = _summary_and_rest(doc.intro)
    description_blocks: list[Block] = list(intro_rest)
    for section in by_kind.get("description", []):
        description_blocks.extend(section.blocks)
    other_blocks: list[Block] = []
    for section in by_kind.get("other", []):
        other_blocks.extend(section.blocks)
        for table in tables_in(section):
            notes.append(f"table under '{section.title}' (line {table.line}) not modelled")
    description_lines = prose_lines(description_blocks)
    operation_text = prose_lines([Prose(summary_lines), *description_blocks, *other_blocks])

    for kind in _TABLE_SECTIONS:
        for section in by_kind.get(kind, []):
            check_tables_complete(section, doc.sections, joined, path)

    # The first table of the first request section with one; later ones are noted.
    request = RequestTable()
    for section in by_kind.get("request", []):
        tables = _tables_noting_extra(section, notes)
        if tables and not request.parameters and request.action is None:
            request = read_request_table(tables[0], path)
    notes.extend(request.notes)

    # examples first: the response table's nesting is read from them
    examples: list[model.Example] = []
    for section in by_kind.get("examples", []):
        examples.extend(read_examples(section.blocks, path))

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
    action, action_source = operation_name(doc, request, request_url, path)
    provenance["action"] = provenance["name"] = action_source
    service, version, version_source = service_and_version(page, doc, request)
    provenance["api_version"] = version_source
    host, host_source = endpoint(request_url, path)
    if host_source is not None:
        provenance["endpoint"] = host_source
    if summary_lines:
        provenance["summary"] = model.Source(path, summary_lines[0][0])

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
        summary=text_of(summary_lines),
        description=text_of(description_lines),
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
        operation=operation, parameter_text=request.text, operation_text=operation_text
    )
    return ReadOutput(results=[result])


def _summary_and_rest(intro: Sequence[Block]) -> tuple[Lines, list[Block]]:
    """The summary is the first paragraph under the title; the rest of the intro is
    description."""
    summary_lines: Lines = []
    rest: list[Block] = []
    for block in intro:
        if not summary_lines and isinstance(block, Prose) and block.lines:
            summary_lines = block.lines
        else:
            rest.append(block)
    return summary_lines, rest


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
