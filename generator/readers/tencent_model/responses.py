"""The action's output object -> response fields (`output_required` says which are always
there)."""

from __future__ import annotations

from typing import Any

from ... import model
from .document import Document
from .parameters import members


def response(
    doc: Document, action: dict[str, Any], op: str, action_line: int, notes: list[str]
) -> list[model.Parameter]:
    return members(doc, action, "output", op, action_line, "response", notes, {})
