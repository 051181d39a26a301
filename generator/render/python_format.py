"""black, in-process: generated Python is formatted the way the project's own code is."""

from __future__ import annotations

import black
from black.mode import Mode, TargetVersion
from black.parsing import InvalidInput

_MODE = Mode(target_versions={TargetVersion.PY311}, line_length=100)


class GeneratedCodeError(Exception):
    """A template produced Python that does not parse: a bug in a template or a filter."""


def format_python(source: str, origin: str) -> str:
    try:
        return black.format_str(source, mode=_MODE)
    except InvalidInput as exc:
        raise GeneratedCodeError(f"{origin}: generated Python does not parse: {exc}") from None
