"""An operation's error codes (client.go) with their meanings (errors.go) -> model.ErrorCode.
No HTTP status: API 3.0 answers errors with HTTP 200 and `Response.Error`."""

from __future__ import annotations

from ... import model
from .companions import Companions


def errors(found: Companions, op: str, notes: list[str]) -> list[model.ErrorCode]:
    client = found.client
    if client is None:
        return []
    listed = client.by_op.get(op)
    if listed is None:
        notes.append(f"{client.path} has no function {op}: no error codes")
        return []
    meanings = found.meanings
    return [
        model.ErrorCode(
            code=code,
            source=model.Source(client.path, line),
            status=None,
            meaning=meanings.get(const) or meanings.get(code),
        )
        for const, code, line in listed
    ]
