"""What a name on the wire looks like: a parameter, a response key, an Action."""

from __future__ import annotations

import re

_WIRE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")


def is_wire_name(text: str) -> bool:
    return bool(_WIRE_NAME.match(text))
