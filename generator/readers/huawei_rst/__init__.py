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

Modules (the common reader layout first, then the format machinery they use):
    sniff             is this page one of the family's?
    document          page -> doctree, title and sections; docutils' errors fail, its
                      warnings become notes
    operation         read(): the operation's identity (name, service, version, method,
                      path) and all of it put together into a model.Operation
    parameters        request parameters: the URI table, then the Request tables
    responses         response fields
    prose             operation-level prose for mining; summary and description
    examples          example code blocks, and parameters' example values
    errors            the Error Codes tables, the success and abnormal statuses
    sphinx_markup     the Sphinx roles and directives, taught to docutils
    sections          the sections, told apart by title, their content sorted by kind
    table_source      a table's lines, rows and columns in the page text
    line_numbers      true page lines for doctree nodes (table cells included)
    plain_text        body elements as plain text lines (bullets, notes, :ref:)
    tables            a doctree table as title, labels, header and column slots
    http_text         method lines, HTTP request/status lines, status cells
    doc_types         JSON types for the pages' type spellings
    parameter_tables  parameter tables into rows (request and response alike)
    object_fields     object parameters get the rows of the tables describing them
    links             :ref: links
    naming            the operation name from the title
"""

from __future__ import annotations

from .operation import FAMILY, read
from .sniff import sniff

__all__ = ["FAMILY", "read", "sniff"]
