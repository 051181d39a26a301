"""The operation's prose, as mining reads it: the API Description without the request
domain line (that is the endpoint) and with JSON samples kept out of mining's way."""

from __future__ import annotations

import re

from ..tencent_common import Prose
from .document import DescriptionLine

DOMAIN = re.compile(r"^Domain name for API request:\s*(\S+?)\.?\s*$")


def operation_prose(lines: list[DescriptionLine]) -> Prose:
    prose = Prose()
    for item in lines:
        if item.kind == "bullet":
            prose.bullet(item.line, item.text)
        elif item.kind == "block":
            prose.block(item.line, item.text)
        elif not DOMAIN.match(item.text):
            prose.text(item.line, item.text)
    return prose
