"""Request parameters: the URI table's path and query parameters, then the Request
section's tables (body, or query on pages whose method sends no body; header tables as
headers), with object fields nested under their parents."""

from __future__ import annotations

import re

from ... import model
from .. import Lines, Page
from .object_fields import attach_fields, to_parameters
from .parameter_tables import parameter_tables
from .sections import PageSections
from .tables import Table

_PLACEHOLDER = re.compile(r"\{([^{}/]+)\}")
# a request sends its parameters in the body for these methods, in the query for the others
_BODY_METHODS = ("POST", "PUT", "PATCH")


def request_parameters(
    page: Page,
    found: PageSections,
    method: str,
    path: str,
    line: int,
    notes: list[str],
) -> tuple[list[model.Parameter], dict[str, Lines]]:
    """The request's parameters, URI table(s) first, and each one's prose by dotted path."""
    parameter_text: dict[str, Lines] = {}
    params = uri_parameters(page, found.uri_tables, path, line, parameter_text, notes)
    request_location: model.Location = "body" if method in _BODY_METHODS else "query"
    request_tables = parameter_tables(page, found.request_tables, request_location, notes)
    params.extend(to_parameters(attach_fields(request_tables, notes), parameter_text))
    if found.request_none and request_tables:
        notes.append("the Request section says None but also holds parameter tables")
    return params, parameter_text


def uri_parameters(
    page: Page,
    tables: list[Table],
    path: str,
    line: int,
    text: dict[str, Lines],
    notes: list[str],
) -> list[model.Parameter]:
    """URI table rows: a `{name}` of the path is a path parameter, any other is a query
    parameter (GET pages list their query parameters there). Placeholders that no table
    describes still become (required, string) path parameters, sourced at the URI line."""
    placeholders = _PLACEHOLDER.findall(path)
    rows = attach_fields(parameter_tables(page, tables, "query", notes, placeholders), notes)
    for row in rows:
        if row.param.name in placeholders:
            row.param.location = "path"
    params = to_parameters(rows, text)
    described = {p.name for p in params}
    for name in placeholders:
        if name not in described:
            params.append(
                model.Parameter(
                    name=name,
                    source=model.Source(page.path, line),
                    location="path",
                    required=True,
                )
            )
            notes.append(f"line {line}: path parameter {name} is not described in a table")
    return params
