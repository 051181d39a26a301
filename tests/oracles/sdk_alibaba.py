"""The official Alibaba Cloud SDKs' view of ESS 2014-08-28 requests, as oracle `Operations`.

aliyun-python-sdk-ess has one `<Action>Request` class per operation; each setter sends its
value with `add_query_param(<wire name>, ...)` (query) or `add_body_params` (body) and carries
the type in a comment (`# RepeatList`, `# Integer`, ...); positional setters
(`set_RemovalPolicy1` sending `RemovalPolicy.1`) are list items too. List setters loop over the items and
send `Name.1`, `Name.2.Key`, ...: the wire name with `str(depth + 1)` is read as `Name.N.Key`,
which the specs spell `Name.Key` (list members named without the index). The SDK says nothing
of the types of list elements or struct members: alibabacloud-ess20140828's Tea models do
(`List[int]`, nested model classes), and fill those in where they have the parameter.

Neither SDK says which parameters are required (the Tea models validate responses only), so
`required` is never compared for Alibaba.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from dataclasses import replace
from pathlib import Path

from .compare import Fact, Operations

# The account parameters every request class has and no page documents: they identify the
# caller's RAM owner for Alibaba's own tooling, not the operation.
ACCOUNT_PARAMETERS = frozenset(
    {"OwnerId", "OwnerAccount", "ResourceOwnerId", "ResourceOwnerAccount"}
)

_SDK_TYPES = {
    "String": "string",
    "Integer": "integer",
    "Long": "integer",
    "Boolean": "boolean",
    "Float": "number",
    "Double": "number",
    "RepeatList": "array",
    "Struct": "object",
    "Json": "string",  # a JSON document sent as one string value
}
_TEA_SCALARS = {"str": "string", "int": "integer", "bool": "boolean", "float": "number"}
_TYPE_COMMENT = re.compile(r"#\s*(\w+)\s*$")
_LOCATIONS = {"add_query_param": "query", "add_body_params": "body"}


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.origin is not None, f"{name} is not installed"
    return Path(spec.origin).parent


def _wire_name(node: ast.expr) -> str | None:
    """'SpotPriceLimit.' + str(depth1 + 1) + '.InstanceType' -> 'SpotPriceLimit.N.InstanceType'."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _wire_name(node.left), _wire_name(node.right)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str":
        return "N"
    return None


def _segments(wire: str) -> list[tuple[str, bool]]:
    """'SpotPriceLimit.N.InstanceType' -> [('SpotPriceLimit', True), ('InstanceType', False)]."""
    out: list[tuple[str, bool]] = []
    for part in wire.split("."):
        # "N" from a loop index; "1", "2", ... from positional setters (set_RemovalPolicy1)
        if (part == "N" or part.isdigit()) and out:
            out[-1] = (out[-1][0], True)
        else:
            out.append((part, False))
    return out


def _request_class(path: Path) -> tuple[str, dict[str, Fact]] | None:
    """(Action, facts by spec path) of one request module; None for a module without one."""
    source = path.read_text(encoding="utf-8")
    lines = source.split("\n")
    tree = ast.parse(source)
    action = None
    facts: dict[str, Fact] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "__init__":
            args = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if len(args) >= 3 and args[1] == "2014-08-28":
                action = str(args[2])
        if not (isinstance(node, ast.FunctionDef) and node.name.startswith("set_")):
            continue
        comment = _TYPE_COMMENT.search(lines[node.lineno - 1])
        declared = _SDK_TYPES.get(comment.group(1)) if comment else None
        for call in ast.walk(node):
            method = getattr(call.func, "attr", "") if isinstance(call, ast.Call) else ""
            if method not in _LOCATIONS:
                continue
            assert isinstance(call, ast.Call)
            wire = _wire_name(call.args[0])
            assert wire is not None, f"{path.name}:{call.lineno}: wire name not read"
            segments = _segments(wire)
            if segments[0][0] in ACCOUNT_PARAMETERS:
                continue
            location = _LOCATIONS[method]
            for depth, (_, is_list) in enumerate(segments[:-1]):
                container = ".".join(name for name, _ in segments[: depth + 1])
                kind = "array" if is_list else "object"
                facts.setdefault(container, Fact(location=location, type=kind))
            if segments[-1][1]:
                leaf_type: str | None = "array"  # Name.1, Name.2, ...: a list of scalars
            elif len(segments) == 1:
                leaf_type = declared
            else:
                leaf_type = None  # a list or struct member: the SDK does not type it
            leaf = ".".join(name for name, _ in segments)
            if leaf_type == "array" and leaf in facts:
                # DescribeScalingGroups sends ScalingGroupName and ScalingGroupName.1..20: the
                # list is the parameter; the plain one is its single-value shorthand
                facts[leaf] = Fact(location=location, type="array")
            facts.setdefault(leaf, Fact(location=location, type=leaf_type))
    return (action, facts) if action else None


def _tea_types(
    classes: dict[str, ast.ClassDef], name: str, prefix: str = ""
) -> dict[str, tuple[str, str | None]]:
    """(type, items) by spec path, from a Tea model class: its __init__ annotations and the
    wire names its to_map() writes."""
    model = classes.get(name)
    if model is None:
        return {}
    annotations: dict[str, str] = {}
    wires: dict[str, str] = {}
    for item in model.body:
        if isinstance(item, ast.FunctionDef) and item.name == "__init__":
            for arg in item.args.args:
                if arg.annotation is not None:
                    annotations[arg.arg] = ast.unparse(arg.annotation)
        if isinstance(item, ast.FunctionDef) and item.name == "to_map":
            # each field: `if self.attr is not None: result['Wire'] = ...` (lists: a loop)
            for branch in item.body:
                if not isinstance(branch, ast.If):
                    continue
                attrs = [
                    n.attr
                    for n in ast.walk(branch.test)
                    if isinstance(n, ast.Attribute)
                    and isinstance(n.value, ast.Name)
                    and n.value.id == "self"
                ]
                keys = [
                    n.slice.value
                    for statement in branch.body
                    for n in ast.walk(statement)
                    if isinstance(n, ast.Subscript)
                    and isinstance(n.value, ast.Name)
                    and n.value.id == "result"
                    and isinstance(n.slice, ast.Constant)
                ]
                if attrs and keys:
                    wires[attrs[0]] = str(keys[0])
    out: dict[str, tuple[str, str | None]] = {}
    for attr, wire in wires.items():
        spelled = annotations.get(attr, "")
        path = prefix + wire
        inner = spelled[5:-1] if spelled.startswith("List[") else None
        if inner is not None:
            if inner in _TEA_SCALARS:
                out[path] = ("array", _TEA_SCALARS[inner])
            else:
                out[path] = ("array", "object")
                out.update(_tea_types(classes, inner, path + "."))
        elif spelled in _TEA_SCALARS:
            out[path] = (_TEA_SCALARS[spelled], None)
        elif spelled in classes:
            out[path] = ("object", None)
            out.update(_tea_types(classes, spelled, path + "."))
    return out


def _core_sends_region_id() -> bool:
    """aliyun-python-sdk-core's RpcRequest puts RegionId (the client's region) into the signed
    query of every request that did not set it: a parameter of every operation."""
    core = (_package_dir("aliyunsdkcore") / "request.py").read_text(encoding="utf-8")
    return "sign_params['RegionId'] = region_id" in core


def sdk_operations() -> Operations:
    """Every ESS 2014-08-28 request of the installed SDKs: aliyun-python-sdk-ess for the
    operations, wire names, locations and declared types; the Tea models for element and
    member types where the first is silent."""
    tree = ast.parse(
        (_package_dir("alibabacloud_ess20140828") / "models.py").read_text(encoding="utf-8")
    )
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    region_id = _core_sends_region_id()
    out: Operations = {}
    for path in sorted(
        (_package_dir("aliyunsdkess") / "request" / "v20140828").glob("*Request.py")
    ):
        read = _request_class(path)
        if read is None:
            continue
        action, facts = read
        if region_id:
            facts.setdefault("RegionId", Fact(location="query", type="string"))
        tea = _tea_types(classes, f"{action}Request")
        for spec_path, fact in facts.items():
            type_, items = tea.get(spec_path, (None, None))
            if fact.type is None and type_ is not None:
                fact = replace(fact, type=type_)
            if fact.type == "array" and type_ == "array" and items is not None:
                fact = replace(fact, items=items)
            facts[spec_path] = fact
        out[action] = facts
    return out
