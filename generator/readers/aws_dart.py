"""Reader for the aws_client Dart package's API doc pages (one page per method).

A page is the text of a dartdoc method page:

    putLifecycleHook method                          title
    Future<void> putLifecycleHook({                  signature, entries numbered "1." ...
      1. required String autoScalingGroupName,
    })
    Creates or updates a lifecycle hook ...          description paragraphs
    May throw LimitExceededFault.                    errors
    Parameter autoScalingGroupName : The name ...    per-argument prose, until the next
                                                     "Parameter" or "Implementation"
    Implementation
    Future<void> putLifecycleHook({ ... }) async {   the generated Dart source
      _s.validateStringLength('x', x, 1, 255, isRequired: true);
      $request['AutoScalingGroupName'] = autoScalingGroupName;
      await _protocol.send($request, action: 'PutLifecycleHook', version: '2011-01-01', ...);
    }

The Dart source is read with a small tokenizer (strings, comments, balanced brackets) and
never evaluated. The signature gives argument names, Dart types and `required`; the
implementation gives the wire names (the `$request` keys), the structured constraints
(validateStringLength, validateNumRange, checkNotNull) and the Query call facts (action,
version, method, requestUri, resultWrapper). Wire list encoding (`.member.N`) is left to the
protocol: a parameter is named by its top-level wire name only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import model
from ..errors import SpecgenError, fail
from . import Lines, Page, ReadOutput, ReadResult

FAMILY = "aws-dart"

PROVIDER = "aws"
SERVICE = "autoscaling"
PROTOCOL = "aws-query"

_TITLE = re.compile(r"^\s*([A-Za-z_$][\w$]*) method\s*$")
_SIGNATURE_START = re.compile(r"^\s*Future\s*<.*?>\??\s+([A-Za-z_$][\w$]*)\s*\(")
_IMPLEMENTATION = re.compile(r"^\s*Implementation\s*$")
_PARAMETER = re.compile(r"^Parameter\s+([A-Za-z_$][\w$]*)\s*:\s?(.*)$")
_MAY_THROW = re.compile(r"May throw ([A-Za-z_]\w*)\.")
_MAY_THROW_LINE = re.compile(r"^(?:\s*May throw [A-Za-z_]\w*\.)+\s*$")
_SIGNATURE_NUMBER = re.compile(r"^(\s*)\d+\.\s+")
_BULLET = re.compile(r"^[•◦▪‣*-]\s+(.*)$")
_NUMBERED = re.compile(r"^(\d+)[.)]\s+(.*)$")
_TITLE_WITHIN = 20  # lines from the top where the title may be
_SIGNATURE_WITHIN = 8  # lines after the title where the signature must start
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?=\s+[A-Z(\"']|\s*$)")


# --- sniffing ----------------------------------------------------------------------------


def sniff(page: Page) -> bool:
    """A `name method` title, a `Future<...> name(` signature and an Implementation line."""
    lines = page.lines
    return find_title(lines) is not None and any(_IMPLEMENTATION.match(text) for text in lines)


def find_title(lines: list[str]) -> tuple[int, int, str] | None:
    """(title index, signature index, method name): a `name method` line near the top (a
    page may start with breadcrumbs) followed closely by `Future<...> name(`."""
    for index, text in enumerate(lines[:_TITLE_WITHIN]):
        title = _TITLE.match(text)
        if title is None:
            continue
        for sig_index in range(index + 1, min(index + 1 + _SIGNATURE_WITHIN, len(lines))):
            signature = _SIGNATURE_START.match(lines[sig_index])
            if signature is not None and signature.group(1) == title.group(1):
                return index, sig_index, title.group(1)
    return None


# --- Dart tokens ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    kind: str  # "ident", "string", "number", "punct"
    text: str
    line: int  # 1-based page line


_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {")": "(", "]": "[", "}": "{"}

# Dart string literals: raw or not, single or triple quoted. Interpolations `${...}` are
# allowed to hold anything but a closing brace, enough for the generated code.
_STRING = (
    r"r'''.*?'''|r\"\"\".*?\"\"\"|'''(?:\\.|[^\\])*?'''|\"\"\"(?:\\.|[^\\])*?\"\"\""
    r"|r'[^'\n]*'|r\"[^\"\n]*\""
    r"|'(?:\\.|\$\{[^}\n]*\}|[^'\\\n])*'|\"(?:\\.|\$\{[^}\n]*\}|[^\"\\\n])*\""
)
_TOKEN = re.compile(
    r"(?P<space>\s+)|(?P<comment>//[^\n]*|/\*.*?\*/)"
    rf"|(?P<string>{_STRING})"
    r"|(?P<number>0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)"
    r"|(?P<ident>[A-Za-z_$][\w$]*)"
    r"|(?P<punct>\?\.\.|\?\.|\?\?=|\?\?|\.\.\.|\.\.|=>|==|!=|<=|>=|&&|\|\||\+\+|--|[-+*/%&|^!~<>=?:;,.@#()\[\]{}])",
    re.DOTALL,
)


def tokenize(page: Page, text: str, first_line: int, stop_after_body: bool) -> list[Token]:
    """Tokens of `text` (which starts at page line `first_line`), brackets checked.

    With `stop_after_body`, tokenizing ends where the first top-level `{...}` (a method
    body) closes, so whatever the page has after the code is never read as Dart.
    Raises a file:line error for an unterminated string or comment and for unbalanced
    brackets (naming the line where the unclosed bracket was opened).
    """
    tokens: list[Token] = []
    stack: list[Token] = []
    body_opened = False
    pos = 0
    line = first_line
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            char = text[pos]
            what = "string" if char in "'\"" else "comment" if text.startswith("/*", pos) else None
            if what:
                raise fail(page.path, line, f"unterminated {what} in the Dart source")
            raise fail(page.path, line, f"unexpected character {char!r} in the Dart source")
        kind = match.lastgroup or "punct"
        value = match.group()
        if kind not in ("space", "comment"):
            token = Token(kind, value, line)
            tokens.append(token)
            if value in _OPENERS:
                if value == "{" and not stack:
                    body_opened = True
                stack.append(token)
            elif value in _CLOSERS:
                if not stack:
                    raise fail(page.path, line, f"unbalanced '{value}': nothing to close")
                opener = stack.pop()
                if opener.text != _CLOSERS[value]:
                    raise fail(
                        page.path,
                        opener.line,
                        f"unbalanced '{opener.text}' opened here: line {line} closes it "
                        f"with '{value}'",
                    )
                if stop_after_body and body_opened and not stack:
                    return tokens
        line += value.count("\n")
        pos = match.end()
    if stack:
        opener = stack[-1]
        raise fail(
            page.path, opener.line, f"unbalanced '{opener.text}' opened here is never closed"
        )
    if stop_after_body and not body_opened:
        raise fail(page.path, first_line, "the Implementation has no method body '{...}'")
    return tokens


def matching(tokens: list[Token], start: int) -> int:
    """Index of the bracket closing the one at `start` (tokens are known to be balanced)."""
    depth = 0
    for index in range(start, len(tokens)):
        if tokens[index].text in _OPENERS:
            depth += 1
        elif tokens[index].text in _CLOSERS:
            depth -= 1
            if depth == 0:
                return index
    return len(tokens) - 1


def split_top_level(tokens: list[Token], angle: bool = False) -> list[list[Token]]:
    """Split at commas outside brackets (and outside <...> when `angle`: type arguments)."""
    groups: list[list[Token]] = [[]]
    depth = 0
    for token in tokens:
        if token.text in _OPENERS or (angle and token.text == "<"):
            depth += 1
        elif token.text in _CLOSERS or (angle and token.text == ">"):
            depth -= 1
        if token.text == "," and depth == 0:
            groups.append([])
        else:
            groups[-1].append(token)
    return [group for group in groups if group]


def render(tokens: list[Token]) -> str:
    """Dart source on one line, for quotes: `_s.validateStringLength('x', x, 1, 255)`."""
    out = ""
    previous: Token | None = None
    for token in tokens:
        if token.text in (")", "]", "}") and previous is not None and previous.text == ",":
            out = out[:-1]  # the generated code's trailing commas
        elif previous is not None:
            word = token.kind in ("ident", "number", "string")
            if token.text in ("=>", "=", "??") or previous.text in (",", ":", "=>", "=", "??"):
                out = out.rstrip(" ") + " "
            elif word and previous.kind in ("ident", "number", "string"):
                out += " "
        out += token.text
        previous = token
    return out.replace(" ,", ",").strip()


def string_value(token: Token) -> str:
    """The content of a Dart string literal token (simple escapes undone, no interpolation)."""
    text = token.text
    raw = text.startswith("r")
    if raw:
        text = text[1:]
    quote = text[:3] if text[:3] in ("'''", '"""') else text[0]
    body = text[len(quote) : -len(quote)]
    return body if raw else re.sub(r"\\(.)", r"\1", body)


# --- the page's parts -----------------------------------------------------------------------


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
    hints: dict[str, set[str]] = field(default_factory=dict)  # dart -> {"enum", "structure"}
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
    _check_same_arguments(page, documented, impl.arguments, line)
    names = {arg.name for arg in impl.arguments}
    body_start = next(
        i for i, t in enumerate(tokens) if t.text == "{" and _depth_before(tokens, i) == 0
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


def _depth_before(tokens: list[Token], index: int) -> int:
    depth = 0
    for token in tokens[:index]:
        if token.text in _OPENERS:
            depth += 1
        elif token.text in _CLOSERS:
            depth -= 1
    return depth


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
                and _depth_before(entry, i) == 0
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
        if text in _OPENERS:
            depth += 1
        elif text in _CLOSERS:
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
        if text in _CLOSERS:
            depth += 1
        elif text in _OPENERS:
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


# --- prose -----------------------------------------------------------------------------------


def prose_lines(lines: list[str], start: int, end: int, first_text: str | None = None) -> Lines:
    """Plain-text (line, text) pairs of page lines start..end-1 (1-based).

    Bullets become "- item" lines, numbered items stay "1. item", a blank "" entry separates
    paragraphs (also where text follows a list without a blank line). `first_text` replaces
    the first line's text (the prose after "Parameter x :").
    """
    out: Lines = []
    after_item = False
    for number in range(start, end):
        raw = lines[number - 1]
        text = first_text if (number == start and first_text is not None) else raw.strip()
        text = text.strip()
        if not text:
            if out and out[-1][1] != "":
                out.append((number, ""))
            after_item = False
            continue
        bullet = _BULLET.match(text)
        numbered = _NUMBERED.match(text)
        if bullet:
            text, is_item = "- " + bullet.group(1).strip(), True
        elif numbered:
            text, is_item = f"{numbered.group(1)}. {numbered.group(2).strip()}", True
        else:
            is_item = False
            if after_item:
                out.append((number, ""))
        out.append((number, text))
        after_item = is_item
    while out and out[-1][1] == "":
        out.pop()
    return out


def plain_text(lines: Lines) -> str:
    """Paragraphs joined by a blank line, list items one per line, wrapped lines joined."""
    paragraphs: list[list[str]] = [[]]
    for _, text in lines:
        if text == "":
            paragraphs.append([])
            continue
        current = paragraphs[-1]
        is_item = text.startswith("- ") or _NUMBERED.match(text) is not None
        if (
            current
            and not is_item
            and not (current[-1].startswith("- ") or _NUMBERED.match(current[-1]))
        ):
            current[-1] = f"{current[-1]} {text}"
        else:
            current.append(text)
    return "\n\n".join("\n".join(p) for p in paragraphs if p)


# --- types -----------------------------------------------------------------------------------

_SCALARS: dict[str, model.SpecType] = {
    "String": "string",
    "int": "integer",
    "double": "number",
    "num": "number",
    "bool": "boolean",
    "DateTime": "string",
    "Uint8List": "string",  # a Query blob travels base64-encoded
}


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


# --- the reader ------------------------------------------------------------------------------


def read(page: Page) -> ReadOutput:
    lines = page.lines
    found = find_title(lines)
    if found is None:
        raise fail(
            page.path, 1, "no 'name method' title followed by a 'Future<...> name(' signature"
        )
    title_index, sig_index, method = found
    sig_line = sig_index + 1
    sig_end = sig_index
    while sig_end < len(lines) and lines[sig_end].strip():
        sig_end += 1
    # the doc signature numbers its entries ("  1. required String a,"): drop the numbers
    sig_text = "\n".join(_SIGNATURE_NUMBER.sub(r"\1", text) for text in lines[sig_index:sig_end])
    try:
        sig_tokens = tokenize(page, sig_text, sig_line, stop_after_body=False)
    except SpecgenError as error:
        raise fail(
            page.path,
            sig_line,
            f"the signature of {method} is not closed: no '}})' before line {sig_end + 1} "
            f"({error.problems[0].message})",
        ) from None
    arguments = read_signature(page, sig_tokens, method, sig_line)
    future = re.match(r"\s*Future\s*<(.*)>\??\s+" + re.escape(method) + r"\s*\(", lines[sig_index])
    returns = future.group(1).strip() if future else "void"

    impl_index = next(
        (i for i in range(sig_end, len(lines)) if _IMPLEMENTATION.match(lines[i])), None
    )
    if impl_index is None:
        raise fail(page.path, sig_line, "no 'Implementation' section with the Dart source")
    code_index = next((i for i in range(impl_index + 1, len(lines)) if lines[i].strip()), None)
    if code_index is None:
        raise fail(page.path, impl_index + 1, "the Implementation section is empty")
    code_tokens = tokenize(
        page, "\n".join(lines[code_index:]), code_index + 1, stop_after_body=True
    )
    impl = read_implementation(page, code_tokens, method, code_index + 1, arguments)
    # "Parameter x :" names the Dart argument; accept its wire name too
    aliases = {a.name: a.name for a in arguments}
    aliases.update({wire: dart for dart, (wire, _) in impl.wire.items()})
    operation_text, errors, param_sections, stray = _read_prose(
        page, sig_end + 1, impl_index + 1, aliases
    )

    notes: list[str] = []
    send = impl.send
    for key in ("action", "version"):
        if key not in send:
            raise fail(page.path, code_index + 1, f"the Implementation sends no '{key}:'")
    action, action_line = send["action"]
    version, version_line = send["version"]

    operation = model.Operation(
        provider=PROVIDER,
        service=SERVICE,
        api_version=version,
        protocol=PROTOCOL,
        name=action,
        family=FAMILY,
        source=model.Source(page.path, 1),
        action=action,
        title=lines[title_index].strip(),
    )
    operation.provenance["name"] = model.Source(page.path, action_line, quote=f"action: '{action}'")
    operation.provenance["action"] = operation.provenance["name"]
    operation.provenance["api_version"] = model.Source(
        page.path, version_line, quote=f"version: '{version}'"
    )
    if "method" in send:
        operation.method, line = send["method"]
        operation.provenance["method"] = model.Source(
            page.path, line, quote=f"method: '{operation.method}'"
        )
    else:
        notes.append("the Implementation names no HTTP method; POST assumed by the Query protocol")
    if "requestUri" in send:
        operation.path, line = send["requestUri"]
        operation.provenance["path"] = model.Source(
            page.path, line, quote=f"requestUri: '{operation.path}'"
        )
    if "resultWrapper" in send:
        operation.result_wrapper, line = send["resultWrapper"]
        operation.provenance["result_wrapper"] = model.Source(
            page.path, line, quote=f"resultWrapper: '{operation.result_wrapper}'"
        )

    operation.description = plain_text(operation_text)
    first = next(((n, t) for n, t in operation_text if t), None)
    if first is not None:
        sentence = _FIRST_SENTENCE.match(first[1])
        operation.summary = sentence.group(1) if sentence else first[1]
        operation.provenance["summary"] = model.Source(page.path, first[0], quote=operation.summary)
    operation.errors = errors

    if returns != "void":
        notes.append(
            f"returns {returns}: the response fields are not on this page "
            f"(result element {operation.result_wrapper or 'unknown'})"
        )

    result = ReadResult(operation, operation_text=operation_text)
    for argument in arguments:
        parameter, param_notes = _parameter(page, argument, impl)
        operation.parameters.append(parameter)
        notes.extend(param_notes)
        text = param_sections.get(argument.name, [])
        parameter.description = plain_text(text)
        if text:
            result.parameter_text[parameter.name] = text
    notes.extend(_validation_notes(impl, {a.name for a in arguments}))
    notes.extend(stray)
    operation.notes = notes
    return ReadOutput([result])


def _check_same_arguments(page: Page, doc: list[Argument], code: list[Argument], line: int) -> None:
    doc_view = [(a.name, a.dart_type, a.required) for a in doc]
    code_view = [(a.name, a.dart_type, a.required) for a in code]
    if doc_view != code_view:
        raise fail(
            page.path,
            line,
            "the Implementation's signature differs from the one at the top of the page: "
            + ", ".join(f"{n} {t}{' required' if r else ''}" for n, t, r in code_view),
        )


def _read_prose(
    page: Page, start: int, end: int, aliases: dict[str, str]
) -> tuple[Lines, list[model.ErrorCode], dict[str, Lines], list[str]]:
    """Description, errors and per-argument prose (keyed by Dart argument name, `aliases`
    maps the names a "Parameter x :" line may use to it) before the Implementation."""
    lines = page.lines
    errors: list[model.ErrorCode] = []
    seen_errors: set[str] = set()
    sections: dict[str, Lines] = {}
    stray: list[str] = []
    description: Lines = []
    current: str | None = None  # the argument whose prose is being read
    block_start = start
    block_first: str | None = None

    def close(upto: int) -> None:
        text = prose_lines(lines, block_start, upto, block_first)
        if current is not None and current not in aliases:
            if text:
                stray.append(
                    f"prose for '{current}', which the signature does not have (line {block_start})"
                )
            return
        target = description if current is None else sections.setdefault(aliases[current], [])
        if target and text:
            target.append((block_start, ""))  # a May throw line split it
        target.extend(text)

    number = start
    while number < end:
        raw = lines[number - 1]
        header = _PARAMETER.match(raw.strip())
        if header:
            close(number)
            current, block_start, block_first = header.group(1), number, header.group(2)
        elif _MAY_THROW_LINE.match(raw):
            close(number)
            for match in _MAY_THROW.finditer(raw):
                name = match.group(1)
                if name in seen_errors:
                    continue
                seen_errors.add(name)
                # the aws-query wire code is the exception name without its Fault suffix
                code = name[: -len("Fault")] if name.endswith("Fault") and name != "Fault" else name
                source = model.Source(page.path, number, quote=match.group())
                errors.append(model.ErrorCode(code=code, source=source, meaning=name))
            block_start, block_first = number + 1, None
        number += 1
    close(end)
    return description, errors, sections, stray


def _parameter(
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
    parameter = model.Parameter(
        name=wire,
        source=model.Source(page.path, argument.line),
        type=kind,
        location="body",
        required=required,
        doc_type=argument.dart_type,
        items=items,
    )
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
            parameter.range = model.Range(source, min=low, max=high)
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


def _validation_notes(impl: Implementation, names: set[str]) -> list[str]:
    return [
        f"not modelled: {v.quote} (line {v.line}): it checks no argument of the signature"
        for v in impl.validations
        if _target(v) not in names
    ]
