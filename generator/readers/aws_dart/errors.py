"""Error codes: the "May throw XFault." lines before the Implementation."""

from __future__ import annotations

import re

from ... import model
from .. import Page

_MAY_THROW = re.compile(r"May throw ([A-Za-z_]\w*)\.")
MAY_THROW_LINE = re.compile(r"^(?:\s*May throw [A-Za-z_]\w*\.)+\s*$")


def read_errors(page: Page, start: int, end: int) -> list[model.ErrorCode]:
    """Each exception once, in page order, from the "May throw" lines of start..end-1."""
    errors: list[model.ErrorCode] = []
    seen: set[str] = set()
    for number in range(start, end):
        raw = page.lines[number - 1]
        if not MAY_THROW_LINE.match(raw):
            continue
        for match in _MAY_THROW.finditer(raw):
            name = match.group(1)
            if name in seen:
                continue
            seen.add(name)
            code = wire_code(name)
            source = model.Source(page.path, number, quote=match.group())
            errors.append(model.ErrorCode(code=code, source=source, meaning=name))
    return errors


def wire_code(exception: str) -> str:
    """The aws-query error code of a Dart exception class: its name without the `Fault` or
    `Error` suffix (`ResourceContentionFault` -> `ResourceContention`,
    `IdempotentParameterMismatchError` -> `IdempotentParameterMismatch`), as the service
    sends it (botocore's model records the same code for each exception shape)."""
    for suffix in ("Fault", "Error"):
        if exception.endswith(suffix) and exception != suffix:
            return exception[: -len(suffix)]
    return exception
