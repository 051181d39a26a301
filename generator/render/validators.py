"""Validators target: one stdlib-only module per provider package, python/<pkg>/validators.py.

Each operation gets a straight-line `validate_<op>` (one block per parameter: presence, type,
then each constraint, each citing its source), a `coerce_<op>` from what the wire delivers to
a typed request, and `validate_<op>_wire`. Nothing is interpreted at run time: this module
turns the model into plain data (what to check, with which error answer, under which variable
names) and templates/validators/ formats it.

The constraints are read from `schema.parameter_schema`, the JSON Schema the jsonschema and
openapi targets publish, so a validator checks exactly what the schema states (a page value
that does not fit its parameter's type is left out of both); each kind's check (its Python
condition and wording) is its row's `checks` in `generator.constraints`. Structure (members, required)
and rules come from the model, with the schema's reading of rules: a rule over names that
are not members of one object is documented, not checked.

Error codes and statuses come from the operation's protocol (`validation[kind]`); so does the
wire's spelling of lists (`Name.member.N`, `Name.N`) and whether values arrive as text.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from typing import Any

from .. import constraints, model, protocols
from ..errors import fail
from . import Context
from . import schema as js
from .filters import py_literal, snake

TARGET = "validators"
TEMPLATE = "validators/module.py.j2"

_TYPE_WORDS = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean (true or false)",
    "array": "a list",
    "object": "an object",
}
_SCALARS = ("string", "integer", "number", "boolean")


@dataclass(frozen=True)
class Answer:
    """What a validator reports for one kind of problem at one place. The message is fixed
    text, or (for unknown keys, whose name only the request knows) `prefix + path + suffix`."""

    kind: str
    message: str
    code: str
    status: int
    prefix: str = ""
    suffix: str = ""


@dataclass
class Check:
    """One constraint on a value that already has the right type."""

    kind: str  # the problem kind: range | length | enum | pattern | type (a format)
    cite: str
    answer: Answer
    fails: str  # Python condition, true when the value breaks the constraint


@dataclass
class RuleCheck:
    kind: str  # conflict | requires (the problem kind)
    test: str  # at_most_one | requires | one_of
    cite: str
    answer: Answer
    parameter_code: str  # Python expression: the names joined with ","
    container: str  # the mapping the names are keys of
    names: list[str] = field(default_factory=list)
    requires: list[str] = field(default_factory=list)
    groups: list[list[str]] = field(default_factory=list)


@dataclass
class Unchecked:
    parameters: str
    cite: str
    reason: str


@dataclass
class Value:
    """What one value must be, and the names the generated code gives it."""

    type: str
    label: str  # for messages: "Filters[].Name"
    var: str  # the Python variable holding it: v0, v1, ...
    depth: int
    path_code: str  # Python expression of its dotted path
    wire_code: str  # Python expression of its key (a list: its member prefix) in wire text
    type_answer: Answer
    nullable: bool = False  # None is a value (JSON null), not a type problem
    checks: list[Check] = field(default_factory=list)
    # objects
    fields: list[Field] = field(default_factory=list)
    closed: bool = False  # members other than `fields` are unknown
    known: list[str] = field(default_factory=list)
    scalar_keys: list[str] = field(default_factory=list)  # members spelled as one text key
    composite_keys: list[str] = field(default_factory=list)  # members spelled Key.<more>
    unknown_answer: Answer | None = None
    unknown_path_code: str = ""
    counter: str = ""  # how many known members were found
    key_var: str = ""
    rules: list[RuleCheck] = field(default_factory=list)
    # arrays
    item: Value | None = None
    index_var: str = ""
    member_var: str = ""
    members_prefix_code: str = ""


@dataclass
class Field:
    """A key of a container (the request, or an object value)."""

    key: str
    required: bool
    cite: str
    missing_answer: Answer
    value: Value
    container: str  # Python expression of the mapping that holds it
    counter: str
    location: str


@dataclass
class OperationData:
    name: str
    snake: str
    summary: str
    cite: str
    request: Value  # the request as an object value whose fields are the parameters
    unchecked: list[Unchecked]
    text_wire: bool  # True: the wire gives flat text (form/query); False: JSON
    coerced: list[Field]  # JSON wire: the parameters that still arrive as text


@dataclass
class ModuleData:
    package: str
    provider: str
    service: str
    api_versions: list[str]
    protocols: list[str]
    operations: list[OperationData]
    patterns: list[tuple[str, str, str]]  # (constant name, regex, cite)
    list_example: str  # how list members are spelled in wire text: "X.member.N"
    problem_kinds: list[str]  # what Problem.constraint can be


def render(operations: list[model.Operation], ctx: Context) -> dict[str, bytes]:
    packages: dict[str, list[model.Operation]] = {}
    for op in sorted(operations, key=lambda o: (o.provider, o.service, o.name)):
        packages.setdefault(ctx.package(op.provider, op.service), []).append(op)
    files: dict[str, bytes] = {}
    for package, ops in packages.items():
        data = module_data(package, ops)
        files[f"python/{package}/validators.py"] = ctx.render_python(TEMPLATE, module=data)
    return files


# --- model -> plain data ---------------------------------------------------------------------


def module_data(package: str, ops: list[model.Operation]) -> ModuleData:
    patterns: list[tuple[str, str, str]] = []
    seen: dict[str, model.Operation] = {}
    out: list[OperationData] = []
    for op in ops:
        name = snake(op.name)
        if name in seen:
            other = seen[name]
            raise fail(
                op.source.file,
                op.source.line,
                f"operation {op.name} would get the validator name validate_{name}, "
                f"which {other.name} ({other.source.file}) already has",
            )
        seen[name] = op
        out.append(_operation(op, patterns))
    spellings = {
        f"X{list_infix(protocols.for_operation(op))}N"
        for op in ops
        if text_wire(protocols.for_operation(op))
    }
    return ModuleData(
        package=package,
        provider=ops[0].provider,
        service=ops[0].service,
        api_versions=sorted({op.api_version for op in ops}),
        protocols=sorted({op.protocol for op in ops}),
        operations=out,
        patterns=patterns,
        list_example=" or ".join(sorted(spellings)) or "X.N",
        problem_kinds=list(protocols.problem_kinds()),
    )


def text_wire(proto: protocols.Protocol) -> bool:
    """Form and query protocols deliver every value as text; JSON ones deliver JSON."""
    return proto.media_type != "application/json"


def list_infix(proto: protocols.Protocol) -> str:
    return proto.list_infix


def _literal(code: str) -> str | None:
    """The text of a Python string literal, or None when `code` is an expression."""
    try:
        value = ast.literal_eval(code)
    except (ValueError, SyntaxError):
        return None
    return value if isinstance(value, str) else None


def _concat(code: str, literal: str) -> str:
    """`code + literal` as Python, folding the literal into a literal that ends `code`."""
    tree = ast.parse(code, mode="eval").body
    if isinstance(tree, ast.Constant) and isinstance(tree.value, str):
        return py_literal(tree.value + literal)
    if (
        isinstance(tree, ast.BinOp)
        and isinstance(tree.op, ast.Add)
        and isinstance(tree.right, ast.Constant)
        and isinstance(tree.right.value, str)
    ):
        return f"{ast.unparse(tree.left)} + {py_literal(tree.right.value + literal)}"
    return f"{code} + {py_literal(literal)}"


def _rule_names(rule: model.Rule) -> list[str]:
    return [*rule.parameters, *rule.requires, *(n for g in rule.groups for n in g)]


def _relative(rule: model.Rule, head: str) -> model.Rule:
    cut = len(head)
    return model.Rule(
        kind=rule.kind,
        source=rule.source,
        parameters=[n[cut:] for n in rule.parameters],
        requires=[n[cut:] for n in rule.requires],
        groups=[[n[cut:] for n in g] for g in rule.groups],
        description=rule.description,
    )


class _Builder:
    """Builds the plain data of one operation."""

    def __init__(self, op: model.Operation, patterns: list[tuple[str, str, str]]) -> None:
        self.op = op
        self.proto = protocols.for_operation(op)
        self.patterns = patterns
        self.infix = list_infix(self.proto)
        self.unchecked: list[Unchecked] = []
        self.label = ""  # the value whose checks are being built (names its constants)

    def answer(self, kind: str, label: str, detail: str) -> Answer:
        base = self.proto.answer(kind)
        message = base.message.replace("{param}", label)
        return Answer(kind, f"{message} ({detail})", base.code, base.status)

    def dynamic_answer(self, kind: str, detail: str) -> Answer:
        base = self.proto.answer(kind)
        before, _, after = base.message.partition("{param}")
        return Answer(kind, "", base.code, base.status, before, f"{after} ({detail})")

    # -- objects (the request is one) --

    def object_value(
        self,
        value: Value,
        params: list[model.Parameter],
        rules: list[model.Rule],
    ) -> None:
        """Fill `value` (an object) with its members and the rules over them."""
        d = value.depth
        value.counter = f"known{d + 1}" if d >= 0 else "known"
        value.key_var = f"k{d}" if d >= 0 else "key"
        value.closed = bool(params)
        for param in params:
            key = param.name
            label = key if not value.label else f"{value.label}.{key}"
            path = py_literal(key) if d < 0 else _concat(value.path_code, "." + key)
            wire = py_literal(key) if d < 0 else _concat(value.wire_code, "." + key)
            nested = [_relative(r, key + ".") for r in rules if self._under(r, key + ".")]
            member = self.value(param, d + 1, path, label, wire, nested)
            value.fields.append(
                Field(
                    key=key,
                    required=constraints.caller_required(param),
                    cite=js.source_text(param.source),
                    missing_answer=self.answer("missing", label, "a required parameter is missing"),
                    value=member,
                    container=value.var,
                    counter=value.counter,
                    location=param.location,
                )
            )
        keys = [f.key for f in value.fields]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise fail(
                self.op.source.file,
                self.op.source.line,
                f"{self.op.name}: {duplicates} given twice",
            )
        value.known = keys
        value.scalar_keys = [f.key for f in value.fields if f.value.type in _SCALARS]
        value.composite_keys = [f.key for f in value.fields if f.value.type not in _SCALARS]
        where = f"a parameter of {self.op.name}" if d < 0 else f"a member of {value.label}"
        value.unknown_answer = self.dynamic_answer("unknown", f"not {where}")
        value.unknown_path_code = (
            value.key_var if d < 0 else f"{_concat(value.path_code, '.')} + str({value.key_var})"
        )
        heads = tuple(k + "." for k in keys)
        for rule in rules:
            names = _rule_names(rule)
            if any(n.startswith(heads) for n in names):
                continue  # over the members of a member: checked there
            checked = self.rule(rule, value) if set(names) <= set(keys) else None
            if checked is None:
                self.unchecked.append(self.unchecked_rule(rule, value.label))
            else:
                value.rules.append(checked)

    @staticmethod
    def _under(rule: model.Rule, head: str) -> bool:
        names = _rule_names(rule)
        return bool(names) and all(n.startswith(head) for n in names)

    def unchecked_rule(self, rule: model.Rule, label: str) -> Unchecked:
        names = ", ".join(dict.fromkeys(_rule_names(rule)))
        if rule.kind == "required_on_create":
            reason = "required when the call creates the resource: needs the server's state"
        else:
            where = f"members of {label}" if label else "parameters"
            reason = f"{rule.kind} over names that are not {where}"
        return Unchecked(names, js.source_text(rule.source), reason)

    def rule(self, rule: model.Rule, obj: Value) -> RuleCheck | None:
        where = js.source_text(rule.source)

        def joined_code(names: list[str]) -> str:
            if obj.depth < 0:
                return py_literal(",".join(names))
            code = _concat(obj.path_code, "." + names[0])
            for n in names[1:]:
                code = _concat(code, ",")
                member = _concat(obj.path_code, "." + n)
                folded = _literal(code), _literal(member)
                if folded[0] is not None and folded[1] is not None:
                    code = py_literal(folded[0] + folded[1])
                else:
                    code = f"{code} + {member}"
            return code

        if rule.kind == "mutually_exclusive" and len(rule.parameters) >= 2:
            names = list(dict.fromkeys(rule.parameters))
            label = ",".join(f"{obj.label}.{n}" if obj.label else n for n in names)
            return RuleCheck(
                kind="conflict",
                test="at_most_one",
                cite=where,
                answer=self.answer(
                    "conflict", label, f"at most one of {', '.join(names)} may be given"
                ),
                parameter_code=joined_code(names),
                container=obj.var,
                names=names,
            )
        if rule.kind == "requires" and rule.parameters and rule.requires:
            names = [rule.parameters[0], *rule.requires]
            label = ",".join(f"{obj.label}.{n}" if obj.label else n for n in names)
            return RuleCheck(
                kind="requires",
                test="requires",
                cite=where,
                answer=self.answer(
                    "requires", label, f"{rule.parameters[0]} requires {', '.join(rule.requires)}"
                ),
                parameter_code=joined_code(names),
                container=obj.var,
                names=[rule.parameters[0]],
                requires=list(rule.requires),
            )
        if rule.kind == "one_of" and rule.groups and all(rule.groups):
            names = list(dict.fromkeys(n for g in rule.groups for n in g))
            label = ",".join(f"{obj.label}.{n}" if obj.label else n for n in names)
            shown = " or ".join(" and ".join(g) for g in rule.groups)
            return RuleCheck(
                kind="requires",
                test="one_of",
                cite=where,
                answer=self.answer("requires", label, f"one of these must be given: {shown}"),
                parameter_code=joined_code(names),
                container=obj.var,
                groups=[list(g) for g in rule.groups],
            )
        return None  # required_on_create, or a rule with nothing to check

    # -- one value --

    def value(
        self,
        param: model.Parameter,
        depth: int,
        path_code: str,
        label: str,
        wire_code: str,
        rules: list[model.Rule],
    ) -> Value:
        schema = js.parameter_schema(param, closed=True)
        return self.value_from(schema, param, depth, path_code, label, wire_code, rules)

    def value_from(
        self,
        schema: dict[str, Any],
        param: model.Parameter,
        depth: int,
        path_code: str,
        label: str,
        wire_code: str,
        rules: list[model.Rule],
    ) -> Value:
        type_ = constraints.base_type(schema)
        value = Value(
            type=type_,
            label=label,
            var=f"v{depth}",
            depth=depth,
            path_code=path_code,
            wire_code=wire_code,
            type_answer=self.answer("type", label, f"must be {_TYPE_WORDS[type_]}"),
        )
        value.nullable = isinstance(schema["type"], list)
        if type_ == "array":
            value.index_var = f"i{depth}"
            value.member_var = f"m{depth}"
            value.members_prefix_code = _concat(wire_code, self.infix)
            value.checks.extend(self.checks(schema, value))
            item_path = f"{_concat(path_code, '.')} + str(i{depth})"
            value.item = self.value_from(
                schema["items"], param, depth + 1, item_path, label + "[]", f"p{depth}", rules
            )
            return value
        if type_ == "object":
            self.object_value(value, param.fields, rules)
            return value
        value.checks.extend(self.checks(schema, value))
        return value

    def checks(self, schema: dict[str, Any], value: Value) -> list[Check]:
        """Each constraint kind's checks of one value, in table order."""
        self.label = value.label
        out: list[Check] = []
        for kind in constraints.KINDS:
            for code in kind.checks(schema, value.var, self):
                answer = self.answer(code.problem, value.label, code.detail)
                out.append(Check(code.problem, code.cite, answer, code.fails))
        return out

    # -- what a row's checks need (constraints.CheckContext) --

    def literal(self, value: Any) -> str:
        return py_literal(value)

    def constant(self, regex: str, cite: str, name: str | None = None) -> str:
        if name is not None:
            if all(n != name for n, _, _ in self.patterns):
                self.patterns.append((name, regex, cite))
            return name
        return self.pattern_constant(regex, cite, self.label)

    def pattern_constant(self, regex: str, cite: str, label: str) -> str:
        try:
            re.compile(regex)
        except re.error as exc:
            file, _, rest = cite.rpartition(":")
            line = int(rest.split()[0]) if rest.split() and rest.split()[0].isdigit() else 1
            raise fail(
                file or self.op.source.file,
                line,
                f"pattern {regex!r} of {label} is not a valid regular expression: {exc}",
            ) from None
        base = re.sub(
            r"\W+", "_", f"{snake(self.op.name)}_{snake(label.replace('[]', ''))}", flags=re.ASCII
        )
        name = f"_RE_{base.strip('_').upper()}"
        taken = {n for n, _, _ in self.patterns}
        unique, n = name, 2
        while unique in taken:
            unique, n = f"{name}_{n}", n + 1
        self.patterns.append((unique, regex, cite))
        return unique


def _operation(op: model.Operation, patterns: list[tuple[str, str, str]]) -> OperationData:
    b = _Builder(op, patterns)
    request = Value(
        type="object",
        label="",
        var="request",
        depth=-1,
        path_code="",
        wire_code="",
        type_answer=b.answer("type", op.name, "must be an object"),
    )
    b.object_value(request, op.parameters, op.rules)
    request.closed = True  # services reject unknown parameters (the caller strips common ones)
    wire_text = text_wire(b.proto)
    coerced = (
        []
        if wire_text
        else [
            f
            for f in request.fields
            if f.location != "body" and f.value.type in ("integer", "number", "boolean")
        ]
    )
    return OperationData(
        name=op.name,
        snake=snake(op.name),
        summary=op.summary or op.title or "",
        cite=js.source_text(op.source),
        request=request,
        unchecked=b.unchecked,
        text_wire=wire_text,
        coerced=coerced,
    )
