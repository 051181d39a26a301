"""The page's sections, told apart by their titles (Function, URI, Request, Response,
Example Request, Example Response, Returned Values, Error Codes), and their content sorted
by what the section holds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from docutils import nodes

from ...errors import fail
from .. import Page
from .examples import ExampleKind
from .http_text import URI_LINE
from .line_numbers import checked_line, node_line, paragraph_line, title_line
from .plain_text import Block, one_line, plain_blocks
from .tables import Table, read_table

SectionKind = Literal[
    "function",
    "uri",
    "request",
    "response",
    "example_request",
    "example_response",
    "example",
    "status",
    "errors",
    "other",
]

_FUNCTION_TITLES = (
    "function",
    "functions",
    "description",
    "api description",
    "overview",
    "function description",
    "introduction",
    "constraints",
    "precautions",
    "restrictions",
    "constraints and limitations",
)
_URI_TITLES = ("uri", "uris", "url", "request uri", "request url")
_STATUS_TITLE_WORDS = ("returned value", "return value", "status code", "return code")
# "None": a Request section that says there is no request body
_NONE = re.compile(r"^none\.?$", re.I)

# (line, method, path) of a `METHOD /path` line
UriLine = tuple[int, str, str]


@dataclass
class PageSections:
    """What the sections of one page hold, gathered in document order."""

    function_blocks: list[Block] = field(default_factory=list)
    other_blocks: list[Block] = field(default_factory=list)  # operation prose elsewhere
    uri_lines: list[UriLine] = field(default_factory=list)
    uri_section_line: int | None = None
    uri_tables: list[Table] = field(default_factory=list)
    request_tables: list[Table] = field(default_factory=list)
    response_tables: list[Table] = field(default_factory=list)
    request_none: bool = False
    # code blocks, each with the kind of example it is and its title
    examples: list[tuple[ExampleKind, nodes.Element, str]] = field(default_factory=list)
    status_sections: list[nodes.section] = field(default_factory=list)
    error_tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_sections(page: Page, document: nodes.document) -> tuple[str, int, PageSections]:
    """The page title, its line, and the content of every section sorted by kind."""
    top = next((n for n in document.children if isinstance(n, nodes.section)), None)
    title_node = top.next_node(nodes.title) if top is not None else None
    if top is None or title_node is None:
        raise fail(page.path, 1, "no page title (an underlined section title) found")
    found = PageSections()
    _walk(page, top, "function", found, is_title=True)
    # Sections at the title's own level, if any: told apart by their titles too.
    for section in document.children[document.children.index(top) + 1 :]:
        if isinstance(section, nodes.section):
            _walk(page, section, _titled_kind(section) or "other", found)
    return one_line(title_node), title_line(page, title_node), found


def _section_kind(title: str) -> SectionKind | None:
    """What a section with this title holds; None when the title does not say."""
    text = " ".join(title.lower().split())
    if "example" in text or "sample" in text:
        if "response" in text:
            return "example_response"
        return "example_request" if "request" in text else "example"
    if text in _URI_TITLES:
        return "uri"
    if text.startswith("request"):
        return "request"
    if text.startswith("response"):
        return "response"
    if any(words in text for words in _STATUS_TITLE_WORDS):
        return "status"
    if "error code" in text:
        return "errors"
    if text in _FUNCTION_TITLES:
        return "function"
    return None


def _titled_kind(section: nodes.section) -> SectionKind | None:
    title = section.next_node(nodes.title)
    return _section_kind(title.astext() if title is not None else "")


def _walk(
    page: Page, section: nodes.section, kind: SectionKind, out: PageSections, is_title: bool = False
) -> None:
    """Sort a section's content by the section's kind. A subsection whose title says
    nothing takes its parent's kind, except below the page title, where it is "other"."""
    example_title = ""
    title_node = section.next_node(nodes.title)
    section_title = title_node.astext() if title_node is not None else ""
    if kind == "uri" and title_node is not None:
        out.uri_section_line = title_line(page, title_node)
    if kind == "status":
        out.status_sections.append(section)  # read as a whole, subsections included
        return
    for child in section.children:
        if isinstance(child, nodes.title):
            continue
        if isinstance(child, nodes.section):
            _walk(page, child, _titled_kind(child) or ("other" if is_title else kind), out)
            continue
        if kind == "uri" and isinstance(child, nodes.literal_block):
            match = URI_LINE.match(child.astext().strip())
            if match:
                out.uri_lines.append((checked_line(page, child, match[0]), match[1], match[2]))
                continue
        if isinstance(child, nodes.table):
            _place_table(read_table(page, child), kind, out)
            continue
        if isinstance(child, (nodes.literal_block, nodes.doctest_block)):
            example_kind = _example_kind(kind)
            if example_kind is None:
                out.notes.append(
                    f"line {node_line(child)}: code block outside the example sections, not read"
                )
            else:
                out.examples.append((example_kind, child, example_title or section_title))
            continue
        if isinstance(child, nodes.paragraph):
            text = one_line(child)
            if kind == "uri":
                match = URI_LINE.match(text)
                if match:
                    out.uri_lines.append((paragraph_line(page, child), match[1], match[2]))
                    continue
            if _NONE.match(text):
                if kind == "request":
                    out.request_none = True
                continue
            if kind.startswith("example"):
                example_title = text  # the sentence that introduces the next example
                continue
        if kind == "function":
            out.function_blocks.extend(plain_blocks(page, [child]))
        elif kind in ("uri", "request", "other"):
            out.other_blocks.extend(plain_blocks(page, [child]))


def _example_kind(kind: SectionKind) -> ExampleKind | None:
    """The kind of example a code block in this section is; None: not an example."""
    if kind in ("example_request", "request"):
        return "request"
    if kind in ("example_response", "response", "example"):
        return "response"
    if kind in ("errors", "status"):
        return "error"
    return None


def _place_table(table: Table, kind: SectionKind, out: PageSections) -> None:
    if kind == "uri":
        out.uri_tables.append(table)
    elif kind == "request":
        out.request_tables.append(table)
    elif kind == "response":
        out.response_tables.append(table)
    elif kind == "errors":
        out.error_tables.append(table)
    else:
        out.notes.append(
            f"line {table.line}: table {table.title!r} in a section this reader does not read"
        )
