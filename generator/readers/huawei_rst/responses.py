"""Response fields: the Response section's parameter tables, object fields nested under
their parents."""

from __future__ import annotations

from ... import model
from .. import Page
from .object_fields import attach_fields, to_parameters
from .parameter_tables import parameter_tables
from .sections import PageSections


def response_parameters(page: Page, found: PageSections, notes: list[str]) -> list[model.Parameter]:
    tables = parameter_tables(page, found.response_tables, "body", notes)
    return to_parameters(attach_fields(tables, notes), {})
