"""The Go SDK's client.go and errors.go: the error codes each operation may return (listed in
the comment block above `func (c *Client) <Op>(`) and each code's meaning (the comment above
its constant)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CLIENT_FUNC = re.compile(r"^func \(c \*Client\) (\w+)\(", re.MULTILINE)
_GO_CODE = re.compile(r'^\s*([A-Z][A-Z0-9_]*)\s*=\s*"([^"]+)"\s*$')
_GO_LISTED_CODE = re.compile(r'^//\s+([A-Z][A-Z0-9_]*)\s*=\s*"([^"]+)"\s*$')


@dataclass
class ClientErrors:
    path: str
    by_op: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)  # const, code, line


def client_errors(shown: str, text: str) -> ClientErrors:
    """Error codes per operation from the comment block right above `func (c *Client) Op(`."""
    lines = text.split("\n")
    out = ClientErrors(shown)
    for match in CLIENT_FUNC.finditer(text):
        op = match.group(1)
        if op in out.by_op or op.endswith("WithContext"):
            continue
        index = text.count("\n", 0, match.start()) - 1
        codes: list[tuple[str, str, int]] = []
        while index >= 0 and lines[index].startswith("//"):
            listed = _GO_LISTED_CODE.match(lines[index])
            if listed:
                codes.append((listed.group(1), listed.group(2), index + 1))
            index -= 1
        out.by_op[op] = codes[::-1]
    return out


def error_meanings(text: str) -> dict[str, str]:
    """Constant name and code -> the comment above the constant."""
    meanings: dict[str, str] = {}
    comment: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line.startswith("//"):
            comment.append(line[2:].strip())
            continue
        match = _GO_CODE.match(line)
        if match and comment:
            meaning = " ".join(c for c in comment if c)
            meanings.setdefault(match.group(1), meaning)
            meanings.setdefault(match.group(2), meaning)
        comment = []
    return meanings
