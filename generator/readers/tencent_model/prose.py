"""A model `document` (Markdown with HTML lists) as plain-text prose, what mining reads."""

from __future__ import annotations

import re
import textwrap

from ..tencent_common import Prose

_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
_LI_OPEN = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_LI_CLOSE = re.compile(r"</li>\s*\.?", re.IGNORECASE)
_BREAK_TAG = re.compile(r"</?(?:br|p|ul|ol|div)\b[^>]*/?>", re.IGNORECASE)
_INLINE_TAG = re.compile(r"</?(?:strong|b|i|em|code|span|font|a)\b[^>]*>", re.IGNORECASE)


def document_prose(document: str, line: int) -> Prose:
    """`<li>x</li>.` -> "- x", `<br>` -> a new line, links -> their text, backticks and
    emphasis dropped; a fenced code block stays verbatim, for the description only."""
    prose = Prose()
    for index, part in enumerate(document.split("```")):
        if index % 2:
            language, _, code = part.partition("\n")
            code = textwrap.dedent(code if re.fullmatch(r"\w*", language.strip()) else part)
            if code.strip():
                prose.block(line, code.strip("\n").expandtabs(4))
        else:
            _markup_prose(part, line, prose)
    return prose


def _markup_prose(document: str, line: int, prose: Prose) -> None:
    text = _MD_LINK.sub(r"\1", document)
    text = text.replace("`", "").replace("**", "")
    text = _LI_CLOSE.sub("\n", text)
    text = _LI_OPEN.sub("\n\0", text)  # \0 marks where a bullet starts
    text = _BREAK_TAG.sub("\n", text)
    text = _INLINE_TAG.sub("", text)
    for raw in text.split("\n"):
        bullet = raw.strip().startswith("\0")
        item = raw.replace("\0", "").strip()
        if item.startswith(("* ", "- ")):
            bullet, item = True, item[2:].strip()
        if item.strip(" .") == "":
            continue
        if bullet:
            prose.bullet(line, item)
        else:
            prose.text(line, item)
