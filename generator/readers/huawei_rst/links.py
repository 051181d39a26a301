"""The page's :ref: links (to other pages and to tables) as model.Links, each at the line
where the link stands in its paragraph or title."""

from __future__ import annotations

from docutils import nodes

from ... import model
from .. import Page
from .line_numbers import node_line, paragraph_line, title_line


def links(page: Page, document: nodes.document) -> list[model.Link]:
    out: list[model.Link] = []
    for ref in document.findall(nodes.reference):
        target = ref.get("reftarget")
        if not target:
            continue
        line = node_line(ref) or 1
        holder = ref.parent
        while holder is not None and not isinstance(holder, (nodes.paragraph, nodes.title)):
            holder = holder.parent
        if holder is not None:
            # docutils gives an inline node its paragraph's line: find the link's own line
            raw_lines = holder.rawsource.split("\n")
            start = (
                paragraph_line(page, holder)
                if isinstance(holder, nodes.paragraph)
                else title_line(page, holder)
            )
            first_raw = ref.rawsource.split("\n")[0]
            offset = next((i for i, raw in enumerate(raw_lines) if first_raw in raw), 0)
            line = start + offset
        out.append(model.Link(ref.astext(), str(target), model.Source(page.path, line)))
    return out
