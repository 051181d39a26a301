"""Overlays: hand corrections to specs that survive re-extraction.

In the spirit of the OpenAPI Overlay Specification 1.0, one YAML file per correction set:

    overlay: 1.0.0
    info: {title: AWS response shape, version: 1.0.0}
    extends: aws/DescribeLifecycleHooks          # the spec it corrects: provider/Operation
    actions:
      - target: $.parameters[?(@.name=='HeartbeatTimeout')].range
        update: {min: 30, max: 7200}
      - target: $.examples[0]
        remove: true

Targets are a small JSONPath subset: `$`, `.key`, `[n]`, `[*]`, and filters
`[?(@.key=='value')]` (also RFC 9535's `[?@.key=='value']`). `update` merges into each matched
object (lists: appended); `remove: true` deletes each match. Applied after extraction, before
generation. What an overlay writes is recorded as a human fact, `Source(overlay file, action
line, "human")`: an object it adds (a range, an enum, a parameter, an error code, ...) gets it
as its source unless the overlay gives one; an object whose own values it sets or removes
(a parameter's description, a range's max) gets it in place of its page source; an operation
field it sets (summary, endpoint, ...) gets it in `provenance`.

A target that matches nothing (the page changed under the correction), and a correction after
which the spec is no longer valid, are errors naming the overlay's file and the action's line,
so a correction never goes silently stale. Files: `*.yaml` and `*.yml` in the overlays folder.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import constraints, model, spec_io
from .config import Config
from .errors import Problem, SpecgenError, fail
from .sources import display_path


@dataclass
class Action:
    file: str
    line: int
    target: str
    update: Any = None
    remove: bool = False


@dataclass
class Overlay:
    file: str
    line: int  # of `extends:`
    extends: str
    actions: list[Action]


_STEP = re.compile(
    r"""\.(?P<key>[A-Za-z_][\w-]*)
      | \[(?P<index>-?\d+)\]
      | \[(?P<star>\*)\]
      | \[\?\(?@\.(?P<fkey>[A-Za-z_][\w-]*)\s*==\s*(?P<q>['"])(?P<fval>.*?)(?P=q)\)?\]""",
    re.VERBOSE,
)


def parse_target(target: str) -> list[tuple[str, Any]] | None:
    if not target.startswith("$"):
        return None
    steps: list[tuple[str, Any]] = []
    pos = 1
    while pos < len(target):
        m = _STEP.match(target, pos)
        if not m:
            return None
        if m.group("key") is not None:
            steps.append(("key", m.group("key")))
        elif m.group("index") is not None:
            steps.append(("index", int(m.group("index"))))
        elif m.group("star"):
            steps.append(("star", None))
        else:
            steps.append(("filter", (m.group("fkey"), m.group("fval"))))
        pos = m.end()
    return steps


def _select(doc: Any, steps: list[tuple[str, Any]]) -> list[tuple[Any, Any]]:
    """(parent container, key or index) for every node the steps reach."""
    current: list[tuple[Any, Any]] = [({"$": doc}, "$")]
    for kind, arg in steps:
        nxt: list[tuple[Any, Any]] = []
        for parent, key in current:
            node = parent[key]
            if kind == "key" and isinstance(node, dict) and arg in node:
                nxt.append((node, arg))
            elif kind == "index" and isinstance(node, list) and -len(node) <= arg < len(node):
                nxt.append((node, arg % len(node)))
            elif kind == "star" and isinstance(node, list):
                nxt.extend((node, i) for i in range(len(node)))
            elif kind == "filter" and isinstance(node, list):
                fkey, fval = arg
                nxt.extend(
                    (node, i)
                    for i, item in enumerate(node)
                    if isinstance(item, dict) and str(item.get(fkey)) == fval
                )
        current = nxt
    return current


def _human(action: Action) -> dict[str, Any]:
    return {"file": action.file, "line": action.line, "origin": "human"}


# Model objects that carry their own `source`: as a trait of a parameter (the constraint
# kinds whose value is an object, `constraints.sourced_fields()`), or as the items of a list.
# An object an overlay adds gets the overlay's source unless it names one itself.
_SOURCED_ITEMS = {
    "parameters",
    "response",
    "fields",
    "rules",
    "quotas",
    "rate_limits",
    "errors",
    "statuses",
    "examples",
    "links",
}


def _stamp(value: Any, action: Action, *, sourced: bool) -> Any:
    """The overlay's own data, with a human source on each object that needs one."""
    if isinstance(value, list):
        return [_stamp(v, action, sourced=sourced) for v in value]
    if not isinstance(value, dict):
        return value
    out = {
        k: _stamp(v, action, sourced=k in constraints.sourced_fields() or k in _SOURCED_ITEMS)
        for k, v in value.items()
    }
    if sourced and "source" not in out:
        out = {"source": _human(action), **out}
    return out


def _record(obj: dict[str, Any], key: str, action: Action, *, root: bool) -> None:
    """Record that a person set (or removed) `obj[key]`: on the operation, in its provenance
    by field name; on any other object, as that object's source."""
    if root:
        obj["provenance"] = {**obj.get("provenance", {}), key: _human(action)}
    elif "source" in obj and key != "source":
        obj["source"] = _human(action)


def _own_value(key: str, result: Any, update: Any) -> bool:
    """Whether setting `key` changed a value of the object that holds it (a description, a
    max, an enum's values) rather than adding an object with its own source (see _stamp)."""
    if isinstance(result, list):
        return key not in _SOURCED_ITEMS
    return not isinstance(update, dict | list)


def _merge(node: Any, update: Any, action: Action, *, root: bool = False) -> Any:
    if isinstance(node, dict) and isinstance(update, dict):
        out = dict(node)
        for key, value in update.items():
            merged = key in out and isinstance(out[key], dict | list)
            out[key] = _merge(out[key], value, action) if merged else value
            if _own_value(key, out[key], value):
                _record(out, key, action, root=root)
        return out
    if isinstance(node, list):
        return node + (update if isinstance(update, list) else [update])
    return update


def _check(doc: dict[str, Any], action: Action) -> None:
    """The corrected spec must still be a valid spec; say which correction broke it."""
    try:
        spec_io.parse_operation(spec_io.dump_yaml(doc), action.file)
    except SpecgenError as err:
        reasons = "; ".join(p.message for p in err.problems)
        raise fail(
            action.file, action.line, f"the spec is not valid after this correction: {reasons}"
        ) from None


def apply_overlay(op_data: dict[str, Any], overlay: Overlay) -> dict[str, Any]:
    doc = copy.deepcopy(op_data)
    for action in overlay.actions:
        steps = parse_target(action.target)
        if steps is None:
            raise fail(
                action.file, action.line, f"target {action.target!r} is not a supported JSONPath"
            )
        matches = _select(doc, steps)
        if not matches:
            raise fail(
                action.file,
                action.line,
                f"target {action.target!r} matches nothing in {overlay.extends}: the spec changed; "
                "update or remove this correction",
            )
        if action.remove:
            if steps == []:
                raise fail(action.file, action.line, "`remove` needs a target inside the spec")
            for parent, key in sorted(
                matches, key=lambda m: m[1] if isinstance(m[1], int) else 0, reverse=True
            ):
                del parent[key]
                if isinstance(parent, dict):
                    _record(parent, key, action, root=parent is doc)
        elif steps == []:  # `$`: the operation itself
            doc = _merge(doc, _stamp(action.update, action, sourced=False), action, root=True)
        else:
            for parent, key in matches:
                node = parent[key]
                items = isinstance(node, list) and key in _SOURCED_ITEMS
                update = _stamp(action.update, action, sourced=items)
                parent[key] = _merge(node, update, action)
                if isinstance(parent, dict) and _own_value(key, parent[key], update):
                    _record(parent, key, action, root=parent is doc)
        _check(doc, action)
    return doc


def load_overlay(path: Path, root: Path) -> Overlay:
    shown = display_path(path, root)
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise fail(shown, mark.line + 1 if mark else 1, f"invalid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise fail(shown, 1, "an overlay is a mapping with `overlay`, `extends` and `actions`")
    if str(data.get("overlay", "")).split(".")[0] != "1":
        raise fail(shown, 1, "missing or unsupported `overlay:` version (expected 1.0.0)")
    extends = data.get("extends")
    extends_line = next((k.start_mark.line + 1 for k, _ in node.value if k.value == "extends"), 1)
    if not isinstance(extends, str) or extends.count("/") != 1:
        raise fail(shown, extends_line, "`extends` must name a spec as provider/Operation")
    actions_node = next((v for k, v in node.value if k.value == "actions"), None)
    raw_actions = data.get("actions")
    if not isinstance(raw_actions, list) or not isinstance(actions_node, yaml.SequenceNode):
        line = actions_node.start_mark.line + 1 if actions_node is not None else 1
        raise fail(shown, line, "`actions` must be a list of corrections")
    actions = []
    for item, item_node in zip(raw_actions, actions_node.value, strict=True):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict) or not isinstance(item.get("target"), str):
            raise fail(shown, line, "each action needs a `target`")
        if ("update" in item) == bool(item.get("remove")):
            raise fail(shown, line, "each action has either `update` or `remove: true`")
        actions.append(
            Action(shown, line, item["target"], item.get("update"), bool(item.get("remove")))
        )
    return Overlay(shown, extends_line, extends, actions)


def overlay_dir(cfg: Config) -> Path:
    return cfg.overlays if cfg.overlays is not None else cfg.specs / "overlays"


def apply_all(operations: list[model.Operation], cfg: Config) -> list[model.Operation]:
    folder = overlay_dir(cfg)
    if not folder.is_dir():
        return operations
    # Both spellings: a correction in a file the tool skipped would go silently stale.
    files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    overlays = [load_overlay(p, cfg.root) for p in files]
    by_key = {f"{op.provider}/{op.name}": op for op in operations}
    problems: list[Problem] = []
    for ov in overlays:
        if ov.extends not in by_key:
            problems.append(
                Problem(
                    ov.file, ov.line, f"`extends: {ov.extends}`: no such spec (the page is gone?)"
                )
            )
            continue
        op = by_key[ov.extends]
        try:
            data = apply_overlay(model.jsonable(op), ov)
            by_key[ov.extends] = spec_io.parse_operation(spec_io.dump_yaml(data), ov.file)
        except SpecgenError as err:
            problems.extend(err.problems)
    if problems:
        raise SpecgenError(problems)
    return [by_key[f"{op.provider}/{op.name}"] for op in operations]
