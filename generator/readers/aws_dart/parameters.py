"""Request parameters: each signature argument as a `model.Parameter`, named by the wire name
its `$request` key gives (list encoding `.member.N` is left to the protocol), typed from its
Dart type, required from `required` / checkNotNull / `isRequired: true`, with the lengths and
ranges of its `_s.validate*` calls."""

from __future__ import annotations

import re

from ... import model
from ...errors import fail
from .. import Page
from .dart_method import Argument, Implementation, Validation
from .dart_tokens import Token, string_value

_SCALARS: dict[str, model.SpecType] = {
    "String": "string",
    "int": "integer",
    "double": "number",
    "num": "number",
    "bool": "boolean",
    "DateTime": "string",
    "Uint8List": "string",  # a Query blob travels base64-encoded
}


_TIMESTAMPS = ("DateTime", "List<DateTime>")


def spec_type(dart_type: str, hints: set[str]) -> tuple[model.SpecType, str | None, str | None]:
    """(type, items, note) for a Dart type; `note` says what could not be known."""
    bare = dart_type.rstrip("?").replace(" ", "")
    if bare in _SCALARS:
        return _SCALARS[bare], None, None
    list_of = re.fullmatch(r"List<(.+?)\??>", bare)
    if list_of:
        element = list_of.group(1)
        if element in _SCALARS:
            return "array", _SCALARS[element], None
        if "enum" in hints and "structure" not in hints:
            return "array", "string", None
        return (
            "array",
            "object",
            f"elements are {element} objects whose fields this page does not list",
        )
    if bare.startswith("Map<"):
        if re.fullmatch(r"Map<String,String\??>", bare):
            return "object", None, None
        return "object", None, f"a map {bare} whose value fields this page does not list"
    if "enum" in hints and "structure" not in hints:
        return "string", None, None  # a Dart enum sent as its string value
    return "object", None, f"a {bare} object whose fields this page does not list"


def read_parameter(
    page: Page, argument: Argument, impl: Implementation
) -> tuple[model.Parameter, list[str]]:
    notes: list[str] = []
    bound = impl.wire.get(argument.name)
    if bound is None:
        raise fail(
            page.path,
            argument.line,
            f"argument {argument.name} is never put into $request: no wire name",
        )
    wire = bound[0]
    hints = impl.hints.get(argument.name, set())
    kind, items, note = spec_type(argument.dart_type, hints)
    if note:
        notes.append(f"{wire} ({argument.dart_type}): {note}")
    required = (
        argument.required
        or argument.name in impl.not_null
        or any(_is_required_validation(v, argument.name) for v in impl.validations)
    )
    # the client fills an idempotency token in, so the caller never has to
    required = required and "idempotency_token" not in hints
    parameter = model.Parameter(
        name=wire,
        source=model.Source(page.path, argument.line),
        type=kind,
        location="body",
        required=required,
        doc_type=argument.dart_type,
        items=items,
    )
    if argument.dart_type.rstrip("?") in _TIMESTAMPS:
        parameter.format = "date-time"  # a Dart DateTime travels as an ISO 8601 timestamp
    if "idempotency_token" in hints:
        parameter.idempotency_token = True
    if argument.default is not None:
        notes.append(f"{wire}: the Dart client defaults it to {argument.default} (not modelled)")
    for validation in impl.validations:
        if _target(validation) != argument.name:
            continue
        source = model.Source(page.path, validation.line, quote=validation.quote)
        bounds = [_number(arg) for arg in validation.args[2:4]]
        low, high = bounds if len(bounds) == 2 else (_UNREADABLE, _UNREADABLE)
        if (
            validation.helper == "validateStringLength"
            and kind == "string"
            and (low is None or isinstance(low, int))
            and (high is None or isinstance(high, int))
        ):
            parameter.length = model.Length(source, min=low, max=high)
        elif (
            validation.helper == "validateNumRange"
            and kind in ("integer", "number")
            and not isinstance(low, _Unreadable)
            and not isinstance(high, _Unreadable)
        ):
            parameter.range = model.Range(source, min=low, max=_open(high))
        else:
            notes.append(f"{wire}: not modelled: {validation.quote} (line {validation.line})")
    return parameter, notes


def _target(validation: Validation) -> str | None:
    """The Dart argument a `_s.validate*('name', name, ...)` call checks."""
    if (
        len(validation.args) >= 2
        and len(validation.args[1]) == 1
        and validation.args[1][0].kind == "ident"
    ):
        return validation.args[1][0].text
    if validation.args and len(validation.args[0]) == 1 and validation.args[0][0].kind == "string":
        return string_value(validation.args[0][0])
    return None


def _is_required_validation(validation: Validation, name: str) -> bool:
    flag = validation.named.get("isRequired", [])
    return _target(validation) == name and len(flag) == 1 and flag[0].text == "true"


class _Unreadable:
    """A bound that is not a number literal (a constant, an expression): never guessed."""


_UNREADABLE = _Unreadable()

# aws_client's code generator writes 2^60 as the upper bound of a number the service model
# leaves unbounded (`validateNumRange('minSize', minSize, 0, 1152921504606846976)`).
_NO_MAXIMUM = 1152921504606846976


def _open(high: int | float | None) -> int | float | None:
    return None if high == _NO_MAXIMUM else high


def _number(tokens: list[Token]) -> int | float | None | _Unreadable:
    """An int/double literal (optionally negative), None for `null` (an open side)."""
    text = "".join(t.text for t in tokens)
    if text == "null":
        return None
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?", text):
        return float(text)
    return _UNREADABLE


def validation_notes(impl: Implementation, names: set[str]) -> list[str]:
    return [
        f"not modelled: {v.quote} (line {v.line}): it checks no argument of the signature"
        for v in impl.validations
        if _target(v) not in names
    ]
