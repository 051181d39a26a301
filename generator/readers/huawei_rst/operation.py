"""One page read into one model.Operation: the operation's identity (name, service, API
version, method, path, provenance) and the parts the other modules read, put together in the
order that keeps notes and parameter text stable."""

from __future__ import annotations

import re

from docutils import nodes

from ... import model
from ...errors import fail
from .. import Page, ReadOutput, ReadResult
from .api_names import API_NAMES
from .document import read_document
from .errors import error_codes, returned_values
from .examples import (
    add_example_only_fields,
    page_examples,
    set_example_values,
    set_nullable,
)
from .line_numbers import node_line, paragraph_line
from .links import links
from .naming import operation_name
from .parameters import request_parameters
from .prose import description, operation_prose, summary
from .responses import response_parameters
from .sections import PageSections, UriLine

FAMILY = "huawei-rst"
PROVIDER = "huawei"
PROTOCOL = "huawei-rest"
# The path prefix of a service's API names the service; the SDK's name for AS is "as".
_SERVICES = {"autoscaling-api": "as"}
_DEFAULT_SERVICE = "as"
_API_VERSION = re.compile(r"^v\d+(?:\.\d+)?$")


def read(page: Page) -> ReadOutput:
    document = read_document(page)
    found, notes, title, title_line = (
        document.sections,
        document.notes,
        document.title,
        document.title_line,
    )
    line, method, path = uri_line(page, found, title_line, notes)
    segments = [s for s in path.split("/") if s]

    provenance: dict[str, model.Source] = {}
    name = _name(page, title, title_line, (method, path), provenance, notes)
    version = next((s for s in segments if _API_VERSION.match(s)), None)
    if version is not None:
        provenance["api_version"] = model.Source(page.path, line)
    else:
        version = "v1"
        provenance["api_version"] = model.Source(page.path, line, "inferred")
        notes.append(f"line {line}: the path names no API version; v1 assumed")
    service = _service(segments)
    provenance["method"] = model.Source(page.path, line)
    provenance["path"] = model.Source(page.path, line)

    original = _original_name(page, document.doctree)
    if original is not None:
        notes.append(f"line {original[1]}: original_name {original[0]}")

    params, parameter_text = request_parameters(page, found, method, path, line, notes)
    response = response_parameters(page, found, notes)

    examples = page_examples(page, found.examples)
    set_example_values(params, examples, "request", path)
    set_example_values(response, examples, "response", path)
    add_example_only_fields(page, params, examples, notes)
    set_nullable(params, examples, "request")
    set_nullable(response, examples, "response")

    success, statuses = returned_values(page, found.status_sections, notes)
    if success is not None:
        provenance["success_status"] = model.Source(page.path, success[1])
    else:
        notes.append("no Returned Values section with a Normal status; 200 assumed")

    first_sentence = summary(found)
    if first_sentence is not None:
        provenance["summary"] = model.Source(page.path, first_sentence[1])

    operation = model.Operation(
        provider=PROVIDER,
        service=service,
        api_version=version,
        protocol=PROTOCOL,
        name=name,
        family=FAMILY,
        source=model.Source(page.path, 1),
        method=method,
        path=path,
        title=title,
        summary=first_sentence[0] if first_sentence is not None else "",
        description=description(found),
        success_status=success[0] if success is not None else 200,
        parameters=params,
        response=response,
        errors=error_codes(page, found.error_tables, notes),
        statuses=statuses,
        examples=examples,
        links=links(page, document.doctree),
        notes=notes,
        provenance=provenance,
    )
    result = ReadResult(
        operation=operation,
        parameter_text=parameter_text,
        operation_text=operation_prose(found),
    )
    return ReadOutput(results=[result])


def uri_line(page: Page, found: PageSections, title_line: int, notes: list[str]) -> UriLine:
    """(line, method, path template) of the URI line; a query string is dropped (its
    parameters are in the URI table)."""
    if not found.uri_lines:
        raise fail(
            page.path,
            found.uri_section_line or title_line,
            "no URI line (METHOD /path, e.g. 'GET /v1/{project_id}/groups') in the URI section",
        )
    for other_line, other_method, other_path in found.uri_lines[1:]:
        notes.append(f"line {other_line}: another URI line, not read: {other_method} {other_path}")
    line, method, uri = found.uri_lines[0]
    return line, method, uri.split("?", 1)[0]


def _service(segments: list[str]) -> str:
    """The service the path's API prefix names. Paths without one (`/`, `/{api_version}`:
    the API version pages) belong to the provider's one service on these pages."""
    for segment in segments:
        if segment in _SERVICES:
            return _SERVICES[segment]
    if segments and segments[0].endswith("-api"):
        return segments[0].removesuffix("-api")
    return _DEFAULT_SERVICE


def _name(
    page: Page,
    title: str,
    title_line: int,
    endpoint: tuple[str, str],
    provenance: dict[str, model.Source],
    notes: list[str],
) -> str:
    """The API's name for the endpoint where it is known; otherwise derived from the title,
    and a title with no known verb is noted."""
    known = API_NAMES.get(endpoint)
    if known is not None:
        name = known[0]
        provenance["name"] = model.Source(
            page.path, title_line, "human", quote=f"huaweicloudsdkas {name}Request"
        )
        if len(known) > 1:
            notes.append(
                f"line {title_line}: the SDK splits this endpoint by its action into"
                f" {', '.join(known)}; the page describes them as one operation, {name}"
            )
        return name
    provenance["name"] = model.Source(page.path, title_line, "inferred", quote=title)
    name, known_verb = operation_name(title)
    if not name:
        raise fail(page.path, title_line, f"cannot derive an operation name from {title!r}")
    if not known_verb:
        notes.append(
            f"line {title_line}: the title names no known action; the operation name"
            f" {name} is the title in PascalCase"
        )
    return name


def _original_name(page: Page, document: nodes.document) -> tuple[str, int] | None:
    """The `:original_name:` field (the page's id in the published docs), and its line."""
    for field_node in document.findall(nodes.field):
        name = field_node.next_node(nodes.field_name)
        body = field_node.next_node(nodes.field_body)
        if name is not None and name.astext().strip() == "original_name" and body is not None:
            para = body.next_node(nodes.paragraph)
            line = paragraph_line(page, para) if para is not None else node_line(field_node) or 1
            return body.astext().strip(), line
    return None
