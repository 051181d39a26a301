"""The URI section: the `METHOD /path/{param}` line, and the table of URI parameters (path
parameters, and on GET pages also query parameters)."""

from __future__ import annotations

import re

from ... import model
from ...errors import fail
from .. import Lines, Page
from .object_fields import attach_fields, to_parameters
from .parameter_tables import parameter_tables
from .sections import PageSections, UriLine
from .tables import Table

_PLACEHOLDER = re.compile(r"\{([^{}/]+)\}")


def uri_line(page: Page, found: PageSections, title_line: int, notes: list[str]) -> UriLine:
    """(line, method, path template) of the URI line; a query string is dropped (its
    parameters are in the URI table)."""
    if not found.uri_lines:
        raise fail(
            page.path,
            found.uri_section_line or title_line,
            "no URI line (METHOD /path, e.g. 'GET /v1/{project_id}/groups') in the URI section",
        )
    for line, method, path in found.uri_lines[1:]:
        notes.append(f"line {line}: another URI line, not read: {method} {path}")
    line, method, uri = found.uri_lines[0]
    return line, method, uri.split("?", 1)[0]


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
    rows = attach_fields(parameter_tables(page, tables, "query", notes), notes)
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
