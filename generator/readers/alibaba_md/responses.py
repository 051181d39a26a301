"""The response table -> response fields (location body), nested the way the example
response nests them.

The tables are flat: a container row (empty type, or a list/object type) is followed by its
members, then by the next top-level field. Which rows are members is read from the example
(see example_shapes); a field placed that way gets origin "inferred". With no example to go
by, the members run until a top-level-style field (RequestId, PageNumber, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import model
from ...errors import fail
from .columns import parameter_rows
from .doc_types import DocType, doc_type
from .document import Table
from .example_shapes import Shape
from .plain_text import text_of
from .wire_names import is_wire_name

# Fields that sit at the top of Alibaba RPC responses: they end a container's members when
# the page's example cannot tell.
_TOP_LEVEL_FIELDS = {
    "RequestId",
    "PageNumber",
    "PageSize",
    "TotalCount",
    "NextToken",
    "MaxResults",
    "Code",
    "Message",
    "Success",
}
# Some pages draw the nesting with tree characters before the name; the example says it anyway.
_TREE_DRAWING = re.compile(r"^[\s└├│─\-]+")


@dataclass
class _Reading:
    """The response table being read: its page, where each example key sits, and the notes
    on how rows were placed."""

    path: str
    example_line: dict[str, int]  # where each key first appears in the examples
    notes: list[str]


@dataclass
class _Frame:
    """An open container in the response table: rows after it may be its members."""

    param: model.Parameter
    members: dict[str, Shape] | None  # None: the example does not say
    wrapper_of: str | None = None  # the element key when `param` is a list wrapper


def read_response_table(
    table: Table, path: str, shape: Shape | None, example_line: dict[str, int]
) -> tuple[list[model.Parameter], list[str]]:
    """The top-level response fields and the notes on how they were placed. `shape` is the
    example response's, `example_line` where each key first appears in the examples."""
    rows = parameter_rows(table, path, "response")
    notes: list[str] = []
    reading = _Reading(path, example_line, notes)
    top: list[model.Parameter] = []
    stack: list[_Frame] = []
    root_members = shape.members if shape is not None else None
    by_table_order = False

    names = [_TREE_DRAWING.sub("", row.name) for row in rows]
    for position, (row, dotted) in enumerate(zip(rows, names, strict=True)):
        # "PrivatePoolOptions.Id": the field Id of the object PrivatePoolOptions
        name, *members = dotted.split(".")
        if not all(is_wire_name(part) for part in (name, *members)):
            raise fail(path, row.line, f"response field name {row.name!r} is not a wire name")
        typed = doc_type(row.type)
        param = model.Parameter(
            name=members[-1] if members else name,
            source=model.Source(path, row.name_line),
            type=typed.type or "string",
            location="body",
            doc_type=typed.spelled,
            items=typed.items,
            description=text_of(row.description),
            example=row.example or None,
        )

        depth, field_shape, placed_by_order = _placement(name, stack, root_members)
        if placed_by_order:
            by_table_order = True
            if shape is not None:
                notes.append(
                    f"response field {name} (line {row.line}) is not in the example; "
                    f"placed in {stack[-1].param.name} by table order"
                )
        del stack[depth + 1 :]

        if members:
            siblings = stack[depth].param.fields if depth >= 0 else top
            _place_dotted(param, name, members, siblings, row.line, reading)
            continue
        if depth >= 0:
            frame = stack[depth]
            param.source = model.Source(path, row.name_line, "inferred")
            frame.param.fields.append(param)
            if frame.wrapper_of == name and (field_shape is None or field_shape.kind != "array"):
                # The element of a list wrapper is a list, even when the example shows one item.
                field_shape = Shape("array", item=field_shape or Shape("object"))
        else:
            top.append(param)

        if field_shape is not None and field_shape.kind == "array" and param.type != "array":
            param.items = typed.type or (
                "object" if field_shape.item and field_shape.item.kind == "object" else "string"
            )
            param.type = "array"

        container = typed.type in (None, "object") or (
            typed.type == "array" and typed.items in (None, "object")
        )
        shaped = field_shape is not None and field_shape.kind != "scalar"
        if container or (shaped and typed.type == "array"):
            next_name = names[position + 1] if position + 1 < len(names) else None
            opened = _open_container(param, typed, field_shape, next_name, reading)
            if opened is not None:
                stack.append(opened)
    if by_table_order and shape is None:
        notes.append(
            "response: no example response to read nesting from; members placed by table order"
        )
    return top, notes


def _place_dotted(
    param: model.Parameter,
    name: str,
    members: list[str],
    siblings: list[model.Parameter],
    line: int,
    reading: _Reading,
) -> None:
    """A row named `name.member...`: `param` goes into the object `name` among `siblings`
    (made here, as the row's name says, when no row of its own describes it)."""
    for container_name in (name, *members[:-1]):
        container = next((p for p in siblings if p.name == container_name), None)
        if container is None:
            container = model.Parameter(
                name=container_name,
                source=model.Source(reading.path, param.source.line, "inferred"),
                type="object",
                location="body",
            )
            siblings.append(container)
        elif container.type != "object":
            raise fail(
                reading.path,
                line,
                f"response field {container_name}.{'.'.join(members)}: {container_name} is "
                f"a {container.type}, not an object",
            )
        siblings = container.fields
    param.source = model.Source(reading.path, param.source.line, "inferred")
    siblings.append(param)
    reading.notes.append(
        f"response field {'.'.join((name, *members))} (line {line}): read as the field "
        f"{param.name} of the object {'.'.join((name, *members[:-1]))}"
    )


def _placement(
    name: str, stack: list[_Frame], root_members: dict[str, Shape] | None
) -> tuple[int, Shape | None, bool]:
    """Where a field goes: (index of its frame in `stack`, -1 for the top level; its shape in
    the example; whether it was placed by table order because the example does not say).

    The innermost open container the example puts the field in; else the top level if the
    example has it there; else the innermost open container, unless the name is a
    top-level-style field."""
    for level in range(len(stack) - 1, -1, -1):
        members = stack[level].members
        if members is not None and name in members:
            return level, members[name], False
    if root_members is not None and name in root_members:
        return -1, root_members[name], False
    if stack and name not in _TOP_LEVEL_FIELDS:
        return len(stack) - 1, None, True
    return -1, None, False


def _is_plural_of(name: str, key: str) -> bool:
    plurals = {key + "s", key + "es", key + "List", key + "Set"}
    if key.endswith("y"):
        plurals.add(key[:-1] + "ies")
    return name in plurals


def _list_wrapper_key(name: str, shape: Shape) -> str | None:
    """Alibaba's XML-born JSON wraps a list in an object named for the plural:
    {"LifecycleHooks": {"LifecycleHook": [...]}}. The element key, if `shape` is that."""
    if shape.kind != "object" or len(shape.members) != 1:
        return None
    (key,) = shape.members
    return key if _is_plural_of(name, key) else None


def _open_container(
    param: model.Parameter,
    typed: DocType,
    shape: Shape | None,
    next_name: str | None,
    reading: _Reading,
) -> _Frame | None:
    """Settle a container row's type from the example's shape; return the frame its member
    rows go into (None for a list of scalars, which has no member rows)."""
    members_known = shape is not None
    if shape is None and typed.element is not None and _is_plural_of(param.name, typed.element):
        # "ScalingGroups: Array of ScalingGroup" and no example: 2014 JSON wraps such lists.
        shape = Shape("object", {typed.element: Shape("array", item=Shape("object"))})
    if shape is None or shape.kind == "scalar":
        if param.type == "array" and param.items is None and param.example:
            # "VSwitchIds | List | vsw-bp1... |": one scalar as the example value, and no
            # example response to say more: a list of scalars, with no member rows
            param.items = "integer" if param.example.isdigit() else "string"
            reading.notes.append(
                f"response field {param.name}: the page says {param.doc_type} with the example "
                f"value {param.example!r}; read as a list of {param.items}s"
            )
            return None
        if param.type == "array":
            param.items = param.items or "object"
            return _Frame(param, None) if param.items == "object" else None
        param.type, param.items = "object", None
        return _Frame(param, None)
    if shape.kind == "array":
        param.type = "array"
        element = shape.item
        if element is None or element.kind != "object":
            param.items = param.items if param.items not in (None, "object") else "string"
            return None
        param.items = "object"
        return _Frame(param, element.members if members_known else None)
    key = _list_wrapper_key(param.name, shape)
    if key is None:
        param.type, param.items = "object", None
        return _Frame(param, shape.members if members_known else None)
    return _open_list_wrapper(param, typed, shape, key, members_known, next_name, reading)


def _open_list_wrapper(
    param: model.Parameter,
    typed: DocType,
    shape: Shape,
    key: str,
    members_known: bool,
    next_name: str | None,
    reading: _Reading,
) -> _Frame | None:
    """A list wrapper, {"LifecycleHooks": {"LifecycleHook": [...]}}: `param` is the object,
    `key` its one list member. When the table has no row for the member, it is added here.
    `members_known`: the shape is the example's, not guessed from an "Array of X" type."""
    wrapped = f'{{"{param.name}": {{"{key}": [...]}}}}'
    if typed.type == "array":
        reading.notes.append(
            f"response field {param.name}: the page says {param.doc_type}; the example wraps the list as {wrapped}"
        )
    element_type = typed.items if typed.items not in (None, "object") else None
    param.type, param.items = "object", None
    element = shape.members[key]
    if next_name == key:
        # The table lists the element row itself: it is placed (and opened) next.
        return _Frame(param, {key: element}, wrapper_of=key)
    item = element.item if element.kind == "array" else element
    is_objects = item is None or item.kind == "object"
    synthesized = model.Parameter(
        name=key,
        source=model.Source(
            reading.path, reading.example_line.get(key, param.source.line), "inferred"
        ),
        type="array",
        location="body",
        items="object" if is_objects else (element_type or "string"),
    )
    param.fields.append(synthesized)
    reading.notes.append(
        f"response field {param.name}.{key}: not in the table; the example wraps the list as {wrapped}"
    )
    if not is_objects:
        return None
    return _Frame(synthesized, item.members if members_known and item is not None else None)
