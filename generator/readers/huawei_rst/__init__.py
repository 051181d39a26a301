"""Reader for Huawei Cloud / Open Telekom Cloud API pages in reStructuredText (one page per
operation), as the OTC docs publish them:

    :original_name: as_06_0901.html                  page id (a field list at the top)
    Creating a Lifecycle Hook                        title (the operation name comes from it)
    =========================
    Function / URI / Request / Example Request /     sections, recognised by their titles
    Response / Example Response / Returned Values / Error Codes

The URI section holds the `METHOD /path/{param}` line and a table of URI parameters (path
parameters, and on GET pages also query parameters: a name that is no `{placeholder}` of the
path is a query parameter). Request and Response hold parameter tables in grid or simple
table syntax; a table titled "**x** field description", or one that a parameter's Type or
Description cell points at with :ref:, lists the fields of the object parameter x.

docutils parses the page (tables included); the Sphinx roles and directives the pages use are
registered so that docutils knows them. Line numbers come from the doctree and are checked
against the page text.

Modules, in the order a page goes through them:
    sniff             is this page one of the family's?
    sphinx_markup     the Sphinx roles and directives, taught to docutils
    parse             page -> doctree; docutils' errors fail, its warnings become notes
    table_source      a table's lines, rows and columns in the page text
    line_numbers      true page lines for doctree nodes (table cells included)
    plain_text        body elements as plain text lines (bullets, notes, :ref:)
    tables            a doctree table as title, labels, header and column slots
    sections          the sections, told apart by title, their content sorted by kind
    http_text         method lines, HTTP request/status lines, status cells
    uri               the URI line and the URI parameters
    doc_types         JSON types for the pages' type spellings
    parameter_tables  parameter tables into rows
    object_fields     object parameters get the rows of the tables describing them
    examples          example code blocks, and parameters' example values
    returned_values   success status and the abnormal statuses
    error_codes       the Error Codes tables
    links             :ref: links
    naming            the operation name from the title
    operation         all of it put together into a model.Operation
"""

from __future__ import annotations

from .naming import operation_name
from .operation import FAMILY, read
from .sniff import sniff

__all__ = ["FAMILY", "operation_name", "read", "sniff"]
