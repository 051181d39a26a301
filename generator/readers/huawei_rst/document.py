"""The page as a parsed document: the docutils doctree, the page title and its line, and the
content of every section sorted by what the section holds. docutils reports nothing itself:
its errors fail at the line it names, its warnings become notes."""

from __future__ import annotations

import io
from dataclasses import dataclass

from docutils import nodes, utils
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser

from ...errors import fail
from .. import Page
from .sections import PageSections, read_sections
from .sphinx_markup import register_sphinx_markup

# docutils' system message levels
_WARNING = 2
_ERROR = 3


@dataclass
class Document:
    doctree: nodes.document
    title: str
    title_line: int
    sections: PageSections
    notes: list[str]  # docutils' warnings, then what sorting the sections noted


def read_document(page: Page) -> Document:
    """The page parsed, its title found and its sections sorted."""
    doctree, notes = parse(page)
    title, title_line, sections = read_sections(page, doctree)
    notes.extend(sections.notes)
    return Document(doctree, title, title_line, sections, notes)


def parse(page: Page) -> tuple[nodes.document, list[str]]:
    """The doctree, and docutils' warnings as notes. Errors (malformed tables, unknown
    directives, ...) fail at the line docutils names."""
    register_sphinx_markup()
    settings = get_default_settings(Parser)
    settings.report_level = 5  # report nothing to stderr ...
    settings.halt_level = 5  # ... and never raise: the observer below collects everything
    settings.warning_stream = io.StringIO()
    settings.file_insertion_enabled = False  # untrusted text: no `include`, no file tables
    settings.raw_enabled = False
    settings.syntax_highlight = "none"
    document = utils.new_document(page.path, settings)
    messages: list[nodes.system_message] = []
    document.reporter.attach_observer(messages.append)
    Parser().parse(page.text, document)
    notes: list[str] = []
    for message in messages:
        level = int(message["level"])
        line = int(message.get("line") or 1)
        text = _message_text(message)
        if level >= _ERROR:
            raise fail(page.path, line, f"reStructuredText: {text}")
        if level == _WARNING:
            notes.append(f"line {line}: reStructuredText warning: {text}")
    return document, notes


def _message_text(message: nodes.system_message) -> str:
    """The message's first paragraph on one line (the rest quotes the offending source)."""
    first = message.children[0] if message.children else message
    return " ".join(first.astext().split())
