"""Specs as YAML: stable key order and formatting, checked against a JSON Schema on every load.

The JSON Schema is derived from the dataclasses in `model`, so the two cannot drift apart;
`specs/spec.schema.json` is that schema, written by `specgen extract` for other tools.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import jsonschema
import yaml

from . import model
from .errors import Problem, SpecgenError, fail

# libyaml's loader when the platform has it: same results, about 6x faster on specs.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# libyaml's emitter when the platform has it (about 4x faster); both emit the same text:
# block style, lists at their key's indentation, no aliases, keys in model order.
_DumperBase: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_DumperBase):  # type: ignore[valid-type,misc]
    """Block style, multi-line strings as literal blocks, no aliases, no sorting."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


# Plain scalars a YAML 1.2 reader would take for something other than a string (PyYAML only
# quotes what YAML 1.1 would): octal/hex/binary numbers, 1.2 floats and the like.
_YAML12_NOT_STRING = re.compile(
    r"[-+]?(0o[0-7]+|0x[0-9a-fA-F]+|0b[01]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9]+"
    r"([eE][-+]?[0-9]+)?|\.(inf|Inf|INF)|\.(nan|NaN|NAN))|~|null|Null|NULL|true|True|TRUE|false"
    r"|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|="
)


def _str_representer(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    # Multi-line text reads best as a literal block; the emitter falls back to a quoted style
    # by itself when a block cannot hold the text exactly (trailing spaces, tabs, ...).
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    if _YAML12_NOT_STRING.fullmatch(data):
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="'")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Dumper.add_representer(str, _str_representer)


def dump_yaml(data: Any) -> str:
    text = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return text


def dump_operation(op: model.Operation) -> str:
    return dump_yaml(model.jsonable(op))


# --- schema derived from the dataclasses -------------------------------------------------


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is type(None):
        return {"type": "null"}
    if tp is Any:
        return {}
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if origin in (Union, types.UnionType):
        options = [_type_schema(a, defs) for a in get_args(tp) if a is not type(None)]
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is list:
        (item,) = get_args(tp)
        return {"type": "array", "items": _type_schema(item, defs)}
    if origin is dict:
        _, value = get_args(tp)
        return {"type": "object", "additionalProperties": _type_schema(value, defs)}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder breaks recursion (Parameter.fields)
            hints = get_type_hints(tp, vars(model))
            props = {f.name: _type_schema(hints[f.name], defs) for f in dataclasses.fields(tp)}
            required = [
                f.name
                for f in dataclasses.fields(tp)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            ]
            defs[name] = {
                "type": "object",
                "properties": props,
                "required": required,
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no schema for {tp!r}")


@functools.cache
def spec_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    root = _type_schema(model.Operation, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://specgen.invalid/spec.schema.json",
        "title": "specgen operation spec",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def spec_schema_text() -> str:
    return json.dumps(spec_schema(), indent=2, ensure_ascii=False) + "\n"


@functools.cache
def _validator() -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(spec_schema())
    return cls(spec_schema())


# --- loading ----------------------------------------------------------------------------


@functools.cache
def _hints(tp: type) -> dict[str, Any]:
    return get_type_hints(tp, vars(model))


def _build(tp: Any, data: Any) -> Any:
    origin = get_origin(tp)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kwargs = {k: _build(hints[k], v) for k, v in data.items()}
        return tp(**kwargs)
    if origin in (Union, types.UnionType):
        for arg in get_args(tp):
            if dataclasses.is_dataclass(arg) and isinstance(data, dict):
                return _build(arg, data)
        return data
    if origin is list:
        (item,) = get_args(tp)
        return [_build(item, v) for v in data]
    if origin is dict:
        _, value = get_args(tp)
        return {k: _build(value, v) for k, v in data.items()}
    return data


def _error_line(text: str, path: list[Any]) -> int:
    """Best effort: the line of the deepest mapping key on the error path."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return 1
    line = 1
    for step in path:
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if k.value == step]
            if not match:
                break
            line = match[0][0].start_mark.line + 1
            node = match[0][1]
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value)
        ):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line


def parse_operation(text: str, file: str) -> model.Operation:
    """Parse and validate a spec; raises SpecgenError naming file and line."""
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise fail(file, line, f"invalid YAML: {getattr(exc, 'problem', exc)}") from None
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        raise SpecgenError(
            [
                Problem(file, _error_line(text, list(e.absolute_path)), _describe(e))
                for e in errors[:20]
            ]
        )
    return typing.cast(model.Operation, _build(model.Operation, data))


def _describe(err: jsonschema.ValidationError) -> str:
    where = "/".join(str(p) for p in err.absolute_path) or "(root)"
    return f"spec does not match the schema at {where}: {err.message}"


def load_operation(path: str, display: str | None = None) -> model.Operation:
    with open(path, encoding="utf-8") as fh:
        return parse_operation(fh.read(), display or path)
