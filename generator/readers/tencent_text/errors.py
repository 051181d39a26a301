"""Error Code rows -> model.ErrorCode. The page states no HTTP status: API 3.0 answers errors
with HTTP 200 and `Response.Error`."""

from __future__ import annotations

from ... import model
from .document import Document, Span, error_rows


def errors(doc: Document, span: Span | None) -> list[model.ErrorCode]:
    if span is None:
        return []
    return [
        model.ErrorCode(
            code=row.code, source=doc.src(row.line), status=None, meaning=row.description
        )
        for row in error_rows(doc, span)
    ]
