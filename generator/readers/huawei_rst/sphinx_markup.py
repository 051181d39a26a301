"""The Sphinx roles and directives the pages use, taught to plain docutils: without them
docutils reports every `:ref:` and `.. code-block::` as an error."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any

from docutils import nodes, utils
from docutils.parsers.rst import Directive, directives, roles

# "text <target>" in a role's content
_TEXT_AND_TARGET = re.compile(r"^(.*?)\s*<([^<>]+)>$", re.S)

_LINK_ROLES = ("ref", "doc", "numref")
_TEXT_ROLES = (
    "term",
    "guilabel",
    "menuselection",
    "kbd",
    "command",
    "file",
    "samp",
    "abbr",
    "dfn",
    "option",
    "envvar",
    "program",
    "download",
)
_CODE_DIRECTIVES = ("code-block", "sourcecode")
_IGNORED_DIRECTIVES = ("toctree", "index", "highlight")


def _link_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Any,
    options: Mapping[str, Any] | None = None,
    content: Sequence[str] | None = None,
) -> tuple[list[nodes.reference], list[nodes.reference]]:
    """:ref:`text <target>` (and :doc:, :numref:): a reference node that keeps the target
    in `reftarget`, so that no docutils transform tries to resolve it."""
    match = _TEXT_AND_TARGET.match(text)
    if match and match.group(1).strip():
        label, target = match.group(1), match.group(2)
    else:
        label = target = match.group(2) if match else text
    node = nodes.reference(rawtext, utils.unescape(label), reftarget=utils.unescape(target).strip())
    return [node], []


def _text_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Any,
    options: Mapping[str, Any] | None = None,
    content: Sequence[str] | None = None,
) -> tuple[list[nodes.inline], list[nodes.system_message]]:
    """Sphinx roles that only style their text (:guilabel:, :term:, ...): keep the text."""
    match = _TEXT_AND_TARGET.match(text)
    shown = match.group(1) if match and match.group(1).strip() else text
    return [nodes.inline(rawtext, utils.unescape(shown))], []


class _CodeBlock(Directive):
    """Sphinx's `.. code-block:: [language]`: a literal block whose line is its first line
    of content."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {
        "caption": directives.unchanged,
        "dedent": directives.unchanged,
        "emphasize-lines": directives.unchanged,
        "force": directives.flag,
        "language": directives.unchanged,
        "lineno-start": directives.unchanged,
        "linenos": directives.flag,
        "name": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        code = "\n".join(self.content)
        node = nodes.literal_block(code, code)
        node["language"] = self.arguments[0] if self.arguments else ""
        node.line = self.content_offset + 1  # content_offset is 0-based
        return [node]


class _Ignored(Directive):
    """Sphinx directives that carry no API facts (toctree, index, highlight)."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = None

    def run(self) -> list[nodes.Node]:
        return []


@functools.cache
def register_sphinx_markup() -> None:
    # docutils keeps roles and directives in module-level registries; registering is
    # idempotent, and these names are Sphinx's, which plain docutils does not define.
    for name in _LINK_ROLES:
        roles.register_local_role(name, _link_role)
    for name in _TEXT_ROLES:
        # types-docutils says a role returns reference nodes; any inline node will do
        roles.register_local_role(name, _text_role)  # type: ignore[arg-type]
    for name in _CODE_DIRECTIVES:
        directives.register_directive(name, _CodeBlock)
    for name in _IGNORED_DIRECTIVES:
        directives.register_directive(name, _Ignored)
