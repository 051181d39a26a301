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
generation. What an overlay writes is recorded as a human fact: each object it touches that
carries a `source` gets `Source(overlay file, action line, "human")`.

A target that matches nothing (the page changed under the correction) is an error naming the
overlay's file and line, so a correction never goes silently stale.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import model, spec_io
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
    line: int
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


def _merge(node: Any, update: Any, action: Action) -> Any:
    if isinstance(node, dict) and isinstance(update, dict):
        out = dict(node)
        for key, value in update.items():
            out[key] = _merge(out[key], value, action) if key in out else value
        if "source" in out and "source" not in update:
            out["source"] = _human(action)
        return out
    if isinstance(node, list):
        return node + (update if isinstance(update, list) else [update])
    return update


# Model objects whose schema requires a source: an overlay that adds one need not write it.
_SOURCED = {"range", "length", "enum", "pattern", "default"}


def _add_sources(node: Any, action: Action) -> Any:
    if isinstance(node, dict):
        out = {k: _add_sources(v, action) for k, v in node.items()}
        for key in _SOURCED & out.keys():
            if isinstance(out[key], dict) and "source" not in out[key]:
                out[key] = {"source": _human(action), **out[key]}
        return out
    if isinstance(node, list):
        return [_add_sources(v, action) for v in node]
    return node


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
            for parent, key in sorted(
                matches, key=lambda m: m[1] if isinstance(m[1], int) else 0, reverse=True
            ):
                del parent[key]
        else:
            for parent, key in matches:
                parent[key] = _merge(parent[key], action.update, action)
        doc = _add_sources(doc, action)
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
    if not isinstance(extends, str) or extends.count("/") != 1:
        raise fail(shown, 1, "`extends` must name a spec as provider/Operation")
    actions_node = next((v for k, v in node.value if k.value == "actions"), None)
    raw_actions = data.get("actions")
    if not isinstance(raw_actions, list) or not isinstance(actions_node, yaml.SequenceNode):
        raise fail(shown, 1, "`actions` must be a list")
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
    return Overlay(shown, 1, extends, actions)


def overlay_dir(cfg: Config) -> Path:
    return cfg.overlays if cfg.overlays is not None else cfg.specs / "overlays"


def apply_all(operations: list[model.Operation], cfg: Config) -> list[model.Operation]:
    folder = overlay_dir(cfg)
    if not folder.is_dir():
        return operations
    overlays = [load_overlay(p, cfg.root) for p in sorted(folder.glob("*.yaml"))]
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
