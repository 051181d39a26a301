"""Alibaba Cloud ESS API reference pages (Chinese Markdown) -> one Operation per page.

Three generations of the same docs are this family: the current style (plain headings:
接口说明 / 调试 / 请求参数 / 返回数据 / 示例 / 错误码), the 2019 style (the same headings with
`{#... .section}` anchors) and the early-2019 style (描述 / 返回参数).

How a page is read, one module per step:
    sniffing        is the page one of ours
    row_joining     pre-pass: each pipe-table row onto one line (line_markers keep the
                    page lines of the joined continuation lines)
    document        markdown-it-py -> Document of sections and blocks (blocks); inline
                    tokens -> plain lines and links (inline, plain_text)
    sections        section kinds, their tables and prose
    columns         table columns by meaning; doc_types: type cells; wire_names
    request         request table -> query parameters, Action and Version rows
    examples        示例 code blocks -> Examples
    example_shapes  response examples -> nesting; response: flat table -> nested fields
    error_codes     错误码 table -> ErrorCodes
    identity        operation name, service, version, endpoint
    operation       everything above -> the Operation

RPC conventions the page does not state: POST to "/", every parameter in the query. A
`Name.N` row is a list sent as Name.1, Name.2, ...; `Name.N.Key` a list of objects sent as
Name.1.Key; `Name.Key` an object sent as Name.Key. The reader models them as array/object
parameters named `Name` and says so in Operation.notes.
"""

from __future__ import annotations

from .blocks import Block, Cell, Document, Fence, Heading, Prose, Row, Section, Table
from .columns import TableRow
from .doc_types import DocType, doc_type
from .document import parse_document
from .error_codes import read_error_table
from .example_shapes import Shape, example_shape
from .examples import read_examples
from .identity import DEFAULT_SERVICE, DEFAULT_VERSION
from .operation import FAMILY, PROTOCOL, PROVIDER, read
from .plain_text import text_of
from .request import RequestTable, SystemValue, read_request_table
from .response import read_response_table
from .row_joining import JoinedText, join_table_rows
from .sections import SectionKind, section_kind
from .sniffing import sniff

__all__ = [
    "DEFAULT_SERVICE",
    "DEFAULT_VERSION",
    "FAMILY",
    "PROTOCOL",
    "PROVIDER",
    "Block",
    "Cell",
    "DocType",
    "Document",
    "Fence",
    "Heading",
    "JoinedText",
    "Prose",
    "RequestTable",
    "Row",
    "Section",
    "SectionKind",
    "Shape",
    "SystemValue",
    "Table",
    "TableRow",
    "doc_type",
    "example_shape",
    "join_table_rows",
    "parse_document",
    "read",
    "read_error_table",
    "read_examples",
    "read_request_table",
    "read_response_table",
    "section_kind",
    "sniff",
    "text_of",
]
