"""The Dart method on a page: the arguments of its signature, and what its implementation
does with them (the `$request` keys that name them on the wire, the `_s.validate*` and
`checkNotNull` calls, the named arguments of `_protocol.send`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...errors import fail
from .. import Page
from .dart_tokens import (
    CLOSERS,
    OPENERS,
    Token,
    depth_before,
    matching,
    render,
    split_top_level,
    string_value,
)


@dataclass
class Argument:
    """One Dart argument of the method, from a signature."""

    name: str
    dart_type: str  # as spelled: "String", "int?", "List<String>?"
    required: bool
    line: int
    default: str | None = None


@dataclass
class Validation:
    helper: str  # "validateStringLength", ...
    args: list[list[Token]]  # positional arguments
    named: dict[str, list[Token]]
    line: int
    quote: str


@dataclass
class Implementation:
    arguments: list[Argument]
    not_null: set[str] = field(default_factory=set)  # ArgumentError.checkNotNull targets
    validations: list[Validation] = field(default_factory=list)
    wire: dict[str, tuple[str, int]] = field(default_factory=dict)  # dart -> (wire, line)
    # dart -> {"enum", "structure", "idempotency_token"}
    hints: dict[str, set[str]] = field(default_factory=dict)
    send: dict[str, tuple[str, int]] = field(default_factory=dict)  # named arg -> (value, line)


def read_signature(page: Page, tokens: list[Token], method: str, line: int) -> list[Argument]:
    """Arguments of `Future<T> method({...})` from its tokens."""
    start = next(
        (
            i
            for i in range(len(tokens) - 1)
            if tokens[i].text == method and tokens[i + 1].text == "("
        ),
        None,
    )
    if start is None:
        raise fail(page.path, line, f"no '{method}(' in the signature")
    open_index = start + 1
    inner = tokens[open_index + 1 : matching(tokens, open_index)]
    arguments: list[Argument] = []
    # positional arguments first, then one optional group: {named} or [optional positional]
    for group, kind in _argument_groups(inner):
        for entry in split_top_level(group, angle=True):
            arguments.append(_argument(page, entry, kind))
    return arguments


def _argument_groups(inner: list[Token]) -> list[tuple[list[Token], str]]:
    groups: list[tuple[list[Token], str]] = []
    positional: list[Token] = []
    index = 0
    while index < len(inner):
        token = inner[index]
        if token.text in ("{", "[") and (not positional or positional[-1].text == ","):
            end = matching(inner, index)
            groups.append((inner[index + 1 : end], "named" if token.text == "{" else "optional"))
            index = end + 1
            continue
        positional.append(token)
        index += 1
    return [(positional, "positional"), *groups] if positional else groups


def _argument(page: Page, entry: list[Token], kind: str) -> Argument:
    tokens = list(entry)
    required = kind == "positional"
    while tokens and (
        tokens[0].text in ("required", "covariant", "final") or tokens[0].text == "@"
    ):
        if tokens[0].text == "@":  # an annotation: @required, @_s.required, @meta.required
            index = 2
            while (
                index + 1 < len(tokens)
                and tokens[index].text == "."
                and tokens[index + 1].kind == "ident"
            ):
                index += 2
            if tokens[index - 1].text == "required":
                required = True
            tokens = tokens[index:]
        else:
            required = required or tokens[0].text == "required"
            tokens = tokens[1:]
    default: str | None = None
    if any(t.text == "=" for t in tokens):
        at = next(i for i, t in enumerate(tokens) if t.text == "=")
        default = render(tokens[at + 1 :])
        tokens = tokens[:at]
    if len(tokens) < 2 or tokens[-1].kind != "ident":
        line = entry[0].line
        raise fail(page.path, line, f"cannot read the argument '{render(entry)}' in the signature")
    dart_type = render(tokens[:-1]).replace(" ", "").replace(",", ", ")
    return Argument(tokens[-1].text, dart_type, required, tokens[-1].line, default)


def read_implementation(
    page: Page, tokens: list[Token], method: str, line: int, documented: list[Argument]
) -> Implementation:
    impl = Implementation(read_signature(page, tokens, method, line))
    check_same_arguments(page, documented, impl.arguments, line)
    names = {arg.name for arg in impl.arguments}
    body_start = next(
        i for i, t in enumerate(tokens) if t.text == "{" and depth_before(tokens, i) == 0
    )
    body = tokens[body_start:]
    for index, token in enumerate(body):
        if token.text == "(" and index > 0 and body[index - 1].kind == "ident":
            _read_call(page, impl, body, index, names)
        if token.text == "$request" and index + 4 < len(body):
            _read_request_index(page, impl, body, index, names)
        if token.text == "$request" and _is_map_literal_assignment(body, index):
            _read_request_literal(page, impl, body, index, names)
    return impl


def _callee(tokens: list[Token], paren: int) -> list[Token]:
    """`_s.validateStringLength` before the `(` at `paren`."""
    start = paren - 1
    while (
        start >= 2 and tokens[start - 1].text in (".", "?.") and tokens[start - 2].kind == "ident"
    ):
        start -= 2
    return tokens[start:paren]


def _read_call(
    page: Page, impl: Implementation, body: list[Token], paren: int, names: set[str]
) -> None:
    callee = _callee(body, paren)
    last = callee[-1].text
    end = matching(body, paren)
    groups = split_top_level(body[paren + 1 : end])
    args = [g for g in groups if not (len(g) > 1 and g[0].kind == "ident" and g[1].text == ":")]
    named = {
        g[0].text: g[2:] for g in groups if len(g) > 1 and g[0].kind == "ident" and g[1].text == ":"
    }
    if last == "checkNotNull" and args and len(args[0]) == 1 and args[0][0].text in names:
        impl.not_null.add(args[0][0].text)
    elif last.startswith("validate"):
        quote = render(callee + body[paren : end + 1])
        impl.validations.append(Validation(last, args, named, callee[0].line, quote))
    elif last == "send" and args and args[0][0].text == "$request":
        for key, value in named.items():
            if len(value) == 1 and value[0].kind == "string":
                impl.send[key] = (string_value(value[0]), value[0].line)


def _read_request_index(
    page: Page, impl: Implementation, body: list[Token], index: int, names: set[str]
) -> None:
    """`$request['Wire'] = value` and `x?.also((arg) => $request['Wire'] = arg)`."""
    key, close, assign = body[index + 2], body[index + 3], body[index + 4]
    if not (
        body[index + 1].text == "["
        and key.kind == "string"
        and close.text == "]"
        and assign.text == "="
    ):
        return
    value_end = _expression_end(body, index + 5)
    value = body[index + 5 : value_end]
    prefix = _statement_prefix(body, index) or _also_receiver(body, index)
    _bind(page, impl, string_value(key), key.line, value, prefix, names)


def _is_map_literal_assignment(body: list[Token], index: int) -> bool:
    after = body[index + 1 : index + 12]
    return bool(after) and after[0].text == "=" and any(t.text == "{" for t in after)


def _read_request_literal(
    page: Page, impl: Implementation, body: list[Token], index: int, names: set[str]
) -> None:
    """`final $request = <String, String>{'Action': ..., if (x != null) 'Wire': x, ...};`"""
    open_index = next(i for i in range(index + 1, len(body)) if body[i].text == "{")
    end = matching(body, open_index)
    for entry in split_top_level(body[open_index + 1 : end]):
        # the key is the first string followed by ':' outside brackets (a later one would be
        # a conditional expression's `? 'a' : 'b'` in the value)
        at = next(
            (
                i
                for i in range(len(entry) - 1)
                if entry[i].kind == "string"
                and entry[i + 1].text == ":"
                and depth_before(entry, i) == 0
            ),
            None,
        )
        if at is None:
            continue
        key = string_value(entry[at])
        value = entry[at + 2 :]
        if key in ("Action", "Version") and len(value) == 1 and value[0].kind == "string":
            impl.send[key.lower()] = (string_value(value[0]), value[0].line)
        else:
            _bind(page, impl, key, entry[at].line, value, entry[:at], names)


def _expression_end(body: list[Token], start: int) -> int:
    depth = 0
    for index in range(start, len(body)):
        text = body[index].text
        if text in OPENERS:
            depth += 1
        elif text in CLOSERS:
            if depth == 0:
                return index
            depth -= 1
        elif text in (";", ",") and depth == 0:
            return index
    return len(body)


def _statement_prefix(body: list[Token], index: int) -> list[Token]:
    start = index
    while start > 0 and body[start - 1].text not in (";", "{", "}"):
        start -= 1
    return body[start:index]


def _also_receiver(body: list[Token], index: int) -> list[Token]:
    """`x` of an enclosing `x?.also((arg) { ... })`, for a lambda with a block body."""
    depth = 0
    for at in range(index - 1, 2, -1):
        text = body[at].text
        if text in CLOSERS:
            depth += 1
        elif text in OPENERS:
            if depth > 0:
                depth -= 1
            elif text == "(" and body[at - 1].text == "also" and body[at - 2].text in ("?.", "."):
                return [body[at - 3]]
    return []


def _bind(
    page: Page,
    impl: Implementation,
    key: str,
    line: int,
    value: list[Token],
    prefix: list[Token],
    names: set[str],
) -> None:
    """Record which Dart argument the wire name `key` carries."""
    # `Tags.member.${i + 1}.Key` is the protocol's encoding of the top-level `Tags`
    wire = re.split(r"[.$]", key, maxsplit=1)[0]
    if not wire:
        raise fail(page.path, line, f"cannot read the wire name '{key}'")
    candidates = _idents_in(value, names) or _idents_in(prefix, names)
    if len(candidates) != 1:
        found = ", ".join(candidates) or "none"
        raise fail(
            page.path,
            line,
            f"cannot tell which argument $request['{key}'] carries (found: {found})",
        )
    dart = candidates[0]
    known = impl.wire.get(dart)
    if known is not None and known[0] != wire:
        raise fail(page.path, line, f"argument {dart} is sent as both {known[0]} and {wire}")
    if known is None:
        impl.wire[dart] = (wire, line)
    texts = [t.text for t in prefix + value]
    hints = impl.hints.setdefault(dart, set())
    if "generateIdempotencyToken" in texts:
        # `clientToken ?? _s.generateIdempotencyToken()`: the client fills it when not given
        hints.add("idempotency_token")
    if "toQueryMap" in texts or "toJson" in texts:
        hints.add("structure")
    elif "toValue" in texts or "value" in texts:
        hints.add("enum")


def _idents_in(tokens: list[Token], names: set[str]) -> list[str]:
    found: list[str] = []
    for index, token in enumerate(tokens):
        after_dot = index > 0 and tokens[index - 1].text in (".", "?.")
        if (
            token.kind == "ident"
            and token.text in names
            and not after_dot
            and token.text not in found
        ):
            found.append(token.text)
    return found


def check_same_arguments(page: Page, doc: list[Argument], code: list[Argument], line: int) -> None:
    doc_view = [(a.name, a.dart_type, a.required) for a in doc]
    code_view = [(a.name, a.dart_type, a.required) for a in code]
    if doc_view != code_view:
        raise fail(
            page.path,
            line,
            "the Implementation's signature differs from the one at the top of the page: "
            + ", ".join(f"{n} {t}{' required' if r else ''}" for n, t, r in code_view),
        )
