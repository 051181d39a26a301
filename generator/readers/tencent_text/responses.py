"""Output Parameters rows -> response fields (typed as the request parameters are)."""

from __future__ import annotations

from ... import model
from .document import Document, Span, rows
from .parameters import parameter


def response(doc: Document, span: Span | None) -> list[model.Parameter]:
    if span is None:
        doc.notes.append("no '3. Output Parameters' section")
        return []
    found, stray = rows(doc, span, output=True)
    for line in stray:
        doc.notes.append(f"line {line}: text before the first output row, not read")
    return [parameter(doc, row) for row in found]
