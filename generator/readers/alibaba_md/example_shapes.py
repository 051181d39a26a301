"""What the response examples say about structure: which keys sit where, and on which page
line each key first appears. The response table is flat; this is what nests it."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ... import model

_EXAMPLE_KEY = re.compile(r'"([A-Za-z_][\w\-]*)"\s*:|<([A-Za-z_][\w\-]*)>')


@dataclass
class Shape:
    """The structure of an example response: which keys sit where."""

    kind: Literal["object", "array", "scalar"]
    members: dict[str, Shape] = field(default_factory=dict)
    item: Shape | None = None


def _json_shape(value: object) -> Shape:
    if isinstance(value, dict):
        return Shape("object", {str(k): _json_shape(v) for k, v in value.items()})
    if isinstance(value, list):
        # one element shape for the whole list: the union of its objects' members
        merged = Shape("object")
        scalar = True
        for element in value:
            shape = _json_shape(element)
            if shape.kind != "scalar":
                scalar = False
                merged.members.update(shape.members)
        return Shape("array", item=Shape("scalar") if scalar else merged)
    return Shape("scalar")


def _xml_shape(element: ElementTree.Element) -> Shape:
    children = list(element)
    if not children:
        return Shape("scalar")
    members: dict[str, Shape] = {}
    counts: dict[str, int] = {}
    for child in children:
        counts[child.tag] = counts.get(child.tag, 0) + 1
        members[child.tag] = _xml_shape(child)
    for tag, count in counts.items():
        # XML has no list syntax: a repeated element is the only sign of a list
        if count > 1:
            members[tag] = Shape("array", item=members[tag])
    return Shape("object", members)


def _parsed_shape(example: model.Example) -> Shape | None:
    """The shape of a JSON or XML example body; None when it does not parse."""
    if example.format == "json":
        try:
            value = json.loads(example.body)
        except ValueError:
            return None
        return _json_shape(value)
    if "<!DOCTYPE" in example.body or "<!ENTITY" in example.body:
        return None  # no entity expansion from doc text
    try:
        root = ElementTree.fromstring(example.body)
    except ElementTree.ParseError:
        return None
    return _xml_shape(root)


def example_shape(examples: Sequence[model.Example]) -> Shape | None:
    """The top-level object of the first response example that parses (JSON before XML)."""
    for wanted in ("json", "xml"):
        for example in examples:
            if example.kind != "response" or example.format != wanted:
                continue
            shape = _parsed_shape(example)
            if shape is not None and shape.kind == "object":
                return shape
    return None


def example_key_lines(examples: Sequence[model.Example]) -> dict[str, int]:
    """Page line of each key's first mention in the response examples (JSON, then XML)."""
    found: dict[str, int] = {}
    ordered = sorted(examples, key=lambda e: (e.kind != "response", e.format != "json"))
    for example in ordered:
        if example.kind != "response":
            continue
        for offset, text in enumerate(example.body.split("\n")):
            for key in _EXAMPLE_KEY.findall(text):
                name = key[0] or key[1]
                found.setdefault(name, example.source.line + offset)
    return found
