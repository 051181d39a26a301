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
            # the aws-query wire code is the exception name without its Fault suffix
            code = name[: -len("Fault")] if name.endswith("Fault") and name != "Fault" else name
            source = model.Source(page.path, number, quote=match.group())
            errors.append(model.ErrorCode(code=code, source=source, meaning=name))
    return errors
