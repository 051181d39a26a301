"""Response fields: a method page names only the Dart class it returns (`Future<T>`), not
its fields; what it returns is recorded as a note."""

from __future__ import annotations


def response_notes(returns: str, result_wrapper: str | None) -> list[str]:
    if returns == "void":
        return []
    return [
        f"returns {returns}: the response fields are not on this page "
        f"(result element {result_wrapper or 'unknown'})"
    ]
