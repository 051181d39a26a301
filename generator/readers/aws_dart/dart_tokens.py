"""Dart tokens: the generated Dart source on a page, read with a small tokenizer (strings,
comments, balanced brackets) and never evaluated."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...errors import fail
from .. import Page


@dataclass(frozen=True)
class Token:
    kind: str  # "ident", "string", "number", "punct"
    text: str
    line: int  # 1-based page line


OPENERS = {"(": ")", "[": "]", "{": "}"}
CLOSERS = {")": "(", "]": "[", "}": "{"}

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
            if value in OPENERS:
                if value == "{" and not stack:
                    body_opened = True
                stack.append(token)
            elif value in CLOSERS:
                if not stack:
                    raise fail(page.path, line, f"unbalanced '{value}': nothing to close")
                opener = stack.pop()
                if opener.text != CLOSERS[value]:
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
        if tokens[index].text in OPENERS:
            depth += 1
        elif tokens[index].text in CLOSERS:
            depth -= 1
            if depth == 0:
                return index
    return len(tokens) - 1


def split_top_level(tokens: list[Token], angle: bool = False) -> list[list[Token]]:
    """Split at commas outside brackets (and outside <...> when `angle`: type arguments)."""
    groups: list[list[Token]] = [[]]
    depth = 0
    for token in tokens:
        if token.text in OPENERS or (angle and token.text == "<"):
            depth += 1
        elif token.text in CLOSERS or (angle and token.text == ">"):
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


def depth_before(tokens: list[Token], index: int) -> int:
    """Bracket depth just before `tokens[index]`."""
    depth = 0
    for token in tokens[:index]:
        if token.text in OPENERS:
            depth += 1
        elif token.text in CLOSERS:
            depth -= 1
    return depth
