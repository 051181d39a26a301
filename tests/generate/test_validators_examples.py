"""Every example the pages under sources/ give passes the generated validator.

The committed specs and the committed validators (generated/python/<pkg>/validators.py):
each request example (JSON bodies as they are, query strings through the wire coercion) and
each parameter's example value is validated, and no constraint may reject it. Problems that
say nothing about the constraints are left aside: a parameter the example leaves out (missing),
the protocol's common parameters (unknown), values the page masks (`asg-****`).
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote

import pytest

from generator import constraints, example_check, model, protocols
from generator.render.filters import snake

from . import conftest_validators as fx

ROOT = Path(__file__).resolve().parent.parent.parent
# What a constraint (rather than the example's completeness) finds wrong with a value. A type
# problem counts only where a kind reports it (a date-time format): a page's example that
# writes an integer as "240" is the reader's and the wire's business, not a constraint's.
JUDGED = {k.problem for k in constraints.KINDS if k.problem} - {"type"}
FORMATTED = {k.problem for k in constraints.KINDS if k.problem == "type"}


def _validators() -> dict[str, ModuleType]:
    mods: dict[str, ModuleType] = {}
    for path in sorted(ROOT.glob("generated/python/*/validators.py")):
        mods[path.parent.name] = fx.import_file(path, f"_specgen_committed_{path.parent.name}")
    return mods


def _text_wire(op: model.Operation) -> bool:
    return protocols.for_operation(op).media_type != "application/json"


def _query(url: str) -> dict[str, str]:
    """A query string's pairs as the wire spells the keys (list members `X.1` kept)."""
    out: dict[str, str] = {}
    for part in url.partition("?")[2].split(" ")[0].split("&"):
        key, eq, value = part.partition("=")
        if eq and key and not key.startswith("<"):
            out[unquote(key)] = unquote(value)
    return out


def _requests(op: model.Operation) -> list[tuple[str, str, dict[str, Any]]]:
    """(where, how, request) for each example: how is "json" (typed values) or "wire"."""
    out: list[tuple[str, str, dict[str, Any]]] = []
    proto = protocols.for_operation(op)
    common = (proto.action_key, proto.version_key)
    for ex in op.examples:
        if ex.kind != "request":
            continue
        where = f"{ex.source.file}:{ex.source.line}"
        if ex.format == "query":
            query = _query("".join(line.strip() for line in ex.body.splitlines()))
            out.append((where, "wire", {k: v for k, v in query.items() if k not in common}))
        elif ex.format in ("json", "http"):
            head, _, rest = ex.body.partition("\n\n")
            try:
                data = json.loads(ex.body if ex.format == "json" else rest)
            except ValueError:
                data = None
            if isinstance(data, dict):
                out.append((where, "json", data))
            elif ex.format == "http" and _query(head.split("\n")[0]):
                out.append((where, "wire", _query(head.split("\n")[0])))
    for path, param in model.walk_parameters(op.parameters):
        if param.example is None or "." in path:
            continue
        where = f"{param.source.file}:{param.source.line}"
        if _text_wire(op):
            out.append((where, "wire", {path: param.example}))
        else:
            value = constraints.typed(param.example, param.type)
            if value is not None:
                out.append((where, "json", {path: value}))
    return out


def _strip_index(path: str) -> str:
    return ".".join(part for part in path.split(".") if not part.isdigit())


def _masked(value: object) -> bool:
    return isinstance(value, str) and example_check._MASKED.search(value) is not None


def _judged(op: model.Operation, problems: list[Any], request: dict[str, Any]) -> list[Any]:
    masked = {k for k, v in request.items() if _masked(v)}
    params = dict(model.walk_parameters(op.parameters))
    formatted = {path for path, p in params.items() if p.format is not None}
    return [
        p
        for p in problems
        if (
            p.constraint in JUDGED
            or (p.constraint in FORMATTED and _strip_index(p.parameter) in formatted)
        )
        and p.parameter.split(".")[0] not in masked
        and not _masked(p.value)
    ]


SPECS = fx.spec_operations()


# The Huawei API-version and quota pages' only example is a bodiless request line, titled
# "Example Response": the reader files the response block under the request (issue 10).
_BODILESS = {("huawei", "ListApiVersions"), ("huawei", "ShowResourceQuota")}


@pytest.mark.parametrize(
    "op",
    [
        (
            pytest.param(
                op,
                marks=pytest.mark.xfail(strict=True, reason="response example read as a request"),
            )
            if (op.provider, op.name) in _BODILESS
            else op
        )
        for op in SPECS
    ],
    ids=lambda op: f"{op.provider}/{op.name}",
)
def test_every_example_passes_the_generated_validator(op: model.Operation) -> None:
    mods = _validators()
    mod = mods[fx.package_of(op)]
    checked = 0
    for where, how, request in _requests(op):
        name = snake(op.name)
        validate = getattr(mod, f"validate_{name}_wire" if how == "wire" else f"validate_{name}")
        problems = _judged(op, validate(request), request)
        assert problems == [], f"{where}: the page's example is rejected: {problems}"
        checked += 1
    # every page of the corpus gives at least one example request or value
    assert checked or not op.examples, op.name


def test_the_corpus_has_examples_to_check() -> None:
    total = sum(len(_requests(op)) for op in SPECS)
    assert total >= len(SPECS)


def test_a_constraint_that_breaks_an_example_is_caught(tmp_path: Path) -> None:
    """The check can fail: a range the example breaks is reported, with the example's line."""
    op = next(o for o in SPECS if o.provider == "tencent" and o.name == "CreateLifecycleHook")
    param = op.parameter("HeartbeatTimeout")
    assert param is not None and param.range is not None
    param.range.max = 100  # the page's examples use 360 and 120
    mods = fx.load_validators([op], tmp_path, "broken")
    mod = mods[fx.package_of(op)]
    rejected = [
        where
        for where, how, request in _requests(op)
        if _judged(op, mod.validate_create_lifecycle_hook(request), request)
    ]
    assert rejected
