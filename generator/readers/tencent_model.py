"""Tencent Cloud's official API model (api.json of tencentcloud-cli) with its companions.

api.json holds a whole service: `actions.<Op>` (name, document, input, output) and
`objects.<Name>` (members: name, type, member, required, document, example). The companions
sit in the same directory and are recognised by content, not name:
- examples.json: `actions.<Op>` lists of {title, document, input (HTTP), output (JSON)};
- client.go (the Go SDK client): the error codes each operation may return, in the comment
  block above `func (c *Client) <Op>(`;
- errors.go (the Go SDK error constants): each code's meaning, in the comment above it.

One ReadResult per action; `select` (pyproject) picks the ones wanted, later.
Every fact cites the line where api.json (or a companion) states it: json.loads loses lines,
so `JsonPositions` walks the same text to find each key.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import textwrap
from dataclasses import dataclass, field
from typing import Any

from .. import model
from ..errors import fail
from . import Lines, Page, ReadOutput, ReadResult
from .tencent_text import JsonPath, JsonPositions, Prose

FAMILY = "tencent-model"
IS_MODEL = True  # a doc page of the same operation wins over the model (see extract.py)

_MAX_COMPANION_BYTES = 20 * 1024 * 1024

_SCALARS: dict[str, model.SpecType] = {
    "string": "string",
    "int": "integer",
    "int64": "integer",
    "uint64": "integer",
    "float": "number",
    "double": "number",
    "bool": "boolean",
    "datetime_iso": "string",
    "datetime": "string",
    "date": "string",
    "binary": "string",
}


def sniff(page: Page) -> bool:
    text = page.text.lstrip()
    if not text.startswith("{"):
        return False
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        # still ours if it looks like the model, so that read() can name the broken line
        return bool(re.search(r'"actions"\s*:', text) and re.search(r'"objects"\s*:', text))
    return isinstance(data, dict) and "actions" in data and "objects" in data


# --- companions ---------------------------------------------------------------------------


@dataclass
class _Examples:
    path: str
    data: dict[str, Any]
    positions: JsonPositions


@dataclass
class _GoErrors:
    path: str
    by_op: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)  # const, code, line


@dataclass
class _Companions:
    examples: _Examples | None = None
    client: _GoErrors | None = None
    meanings: dict[str, str] = field(default_factory=dict)  # constant name or code -> meaning
    consumed: list[str] = field(default_factory=list)


_CLIENT_FUNC = re.compile(r"^func \(c \*Client\) (\w+)\(", re.MULTILINE)
_GO_CODE = re.compile(r'^\s*([A-Z][A-Z0-9_]*)\s*=\s*"([^"]+)"\s*$')
_GO_LISTED_CODE = re.compile(r'^//\s+([A-Z][A-Z0-9_]*)\s*=\s*"([^"]+)"\s*$')


def _companions(page: Page) -> _Companions:
    found = _Companions()
    directory = os.path.dirname(page.fs_path) or "."
    shown_dir = posixpath.dirname(page.path)
    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return found
    own = os.path.basename(page.fs_path)
    for name in names:
        fs_path = os.path.join(directory, name)
        if name == own or name.startswith(".") or not os.path.isfile(fs_path):
            continue
        if os.path.getsize(fs_path) > _MAX_COMPANION_BYTES:
            continue
        try:
            with open(fs_path, encoding="utf-8-sig") as handle:
                text = handle.read().replace("\r\n", "\n")
        except (OSError, UnicodeDecodeError):
            continue
        shown = posixpath.join(shown_dir, name) if shown_dir else name
        if found.examples is None and text.lstrip().startswith("{"):
            examples = _examples_file(shown, text)
            if examples:
                found.examples = examples
                found.consumed.append(shown)
        elif found.client is None and _CLIENT_FUNC.search(text):
            found.client = _client_file(shown, text)
            found.consumed.append(shown)
        elif not found.meanings and "package " in text and "const (" in text:
            meanings = _errors_file(text)
            if meanings:
                found.meanings = meanings
                found.consumed.append(shown)
    return found


def companions(page: Page) -> list[str]:
    """Display paths of the model's companion files, also when read() fails on the model, so
    that a broken api.json does not make its companions look like unrecognised pages."""
    return sorted(_companions(page).consumed)


def _examples_file(shown: str, text: str) -> _Examples | None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict) or "objects" in data:  # the model itself, or other JSON
        return None
    actions = data.get("actions")
    if not isinstance(actions, dict):
        return None
    if not all(isinstance(v, list) for v in actions.values()):
        return None
    return _Examples(shown, actions, JsonPositions(text))


def _client_file(shown: str, text: str) -> _GoErrors:
    """Error codes per operation from the comment block right above `func (c *Client) Op(`."""
    lines = text.split("\n")
    out = _GoErrors(shown)
    for match in _CLIENT_FUNC.finditer(text):
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


def _errors_file(text: str) -> dict[str, str]:
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


# --- documents ----------------------------------------------------------------------------

_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")
_LI_OPEN = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_LI_CLOSE = re.compile(r"</li>\s*\.?", re.IGNORECASE)
_BREAK_TAG = re.compile(r"</?(?:br|p|ul|ol|div)\b[^>]*/?>", re.IGNORECASE)
_INLINE_TAG = re.compile(r"</?(?:strong|b|i|em|code|span|font|a)\b[^>]*>", re.IGNORECASE)


def document_prose(document: str, line: int) -> Prose:
    """A model document (Markdown with HTML lists) as plain text: `<li>x</li>.` -> "- x",
    `<br>` -> a new line, links -> their text, backticks and emphasis dropped; a fenced code
    block stays verbatim, for the description only."""
    prose = Prose()
    for index, part in enumerate(document.split("```")):
        if index % 2:
            language, _, code = part.partition("\n")
            code = textwrap.dedent(code if re.fullmatch(r"\w*", language.strip()) else part)
            if code.strip():
                prose.block(line, code.strip("\n").expandtabs(4))
        else:
            _markup_prose(part, line, prose)
    return prose


def _markup_prose(document: str, line: int, prose: Prose) -> None:
    text = _MD_LINK.sub(r"\1", document)
    text = text.replace("`", "").replace("**", "")
    text = _LI_CLOSE.sub("\n", text)
    text = _LI_OPEN.sub("\n\0", text)  # \0 marks where a bullet starts
    text = _BREAK_TAG.sub("\n", text)
    text = _INLINE_TAG.sub("", text)
    for raw in text.split("\n"):
        bullet = raw.strip().startswith("\0")
        item = raw.replace("\0", "").strip()
        if item.startswith(("* ", "- ")):
            bullet, item = True, item[2:].strip()
        if item.strip(" .") == "":
            continue
        if bullet:
            prose.bullet(line, item)
        else:
            prose.text(line, item)


# --- the model ------------------------------------------------------------------------------


class _Reader:
    def __init__(self, page: Page, data: dict[str, Any], companions: _Companions) -> None:
        self.page = page
        self.data = data
        self.objects: dict[str, Any] = data["objects"]
        self.positions = JsonPositions(page.text)
        self.companions = companions

    def src(
        self, line: int, origin: model.Origin = "stated", quote: str | None = None
    ) -> model.Source:
        return model.Source(self.page.path, line, origin, quote)

    def line(self, path: JsonPath, fallback: int = 1) -> int:
        found = self.positions.line(path)
        return fallback if found is None else found

    def operation(self, name: str, action: Any) -> ReadResult:
        action_line = self.line(("actions", name))
        if not isinstance(action, dict):
            raise fail(self.page.path, action_line, f"action {name}: not an object")
        notes: list[str] = []
        parameter_text: dict[str, Lines] = {}
        params = self.members(action, "input", name, action_line, "request", notes, parameter_text)
        response = self.members(action, "output", name, action_line, "response", notes, {})

        document = action.get("document") or ""
        prose = document_prose(str(document), self.line(("actions", name, "document"), action_line))
        lines = prose.lines()
        summary_line = next(
            ((ln, text) for ln, text in lines if text and not text.startswith("- ")), None
        )

        found = self.data.get("metadata")
        metadata: dict[str, Any] = found if isinstance(found, dict) else {}
        version = str(metadata.get("apiVersion") or "")
        if not version:
            raise fail(self.page.path, 1, "no metadata.apiVersion in the model")
        provenance: dict[str, model.Source] = {
            "name": self.src(action_line),
            "action": self.src(action_line),
            "api_version": self.src(self.line(("metadata", "apiVersion"))),
        }
        if summary_line:
            provenance["summary"] = self.src(summary_line[0])
        status = action.get("status")
        if status not in (None, "online"):
            notes.append(f"action status in the model: {status}")

        examples, endpoint = self.examples(name, provenance)
        operation = model.Operation(
            provider="tencent",
            service=str(metadata.get("serviceShortName") or "as"),
            api_version=version,
            protocol="tencent-json",
            name=name,
            family=FAMILY,
            source=self.src(action_line),
            method="POST",
            path="/",
            action=name,
            title=str(action["name"]) if action.get("name") else None,
            summary=summary_line[1] if summary_line else "",
            description=prose.description(),
            endpoint=endpoint,
            parameters=params,
            response=response,
            errors=self.errors(name, notes),
            examples=examples,
            notes=notes,
            provenance=dict(sorted(provenance.items())),
        )
        return ReadResult(operation=operation, parameter_text=parameter_text, operation_text=lines)

    def members(
        self,
        action: dict[str, Any],
        key: str,
        op: str,
        action_line: int,
        usage: str,
        notes: list[str],
        texts: dict[str, Lines],
    ) -> list[model.Parameter]:
        object_name = action.get(key)
        if not isinstance(object_name, str) or object_name not in self.objects:
            raise fail(
                self.page.path,
                self.line(("actions", op, key), action_line),
                f"action {op}: its {key} object {object_name!r} is not defined in objects",
            )
        return self.fields(object_name, usage, (object_name,), "", notes, texts)

    def fields(
        self,
        object_name: str,
        usage: str,
        stack: tuple[str, ...],
        prefix: str,
        notes: list[str],
        texts: dict[str, Lines],
    ) -> list[model.Parameter]:
        obj = self.objects[object_name]
        object_line = self.line(("objects", object_name))
        members = obj.get("members") if isinstance(obj, dict) else None
        if not isinstance(members, list):
            raise fail(self.page.path, object_line, f"object {object_name}: no members list")
        out: list[model.Parameter] = []
        for index, member in enumerate(members):
            where = ("objects", object_name, "members", index)
            line = self.line((*where, "name"), object_line)
            if not isinstance(member, dict) or not isinstance(member.get("name"), str):
                raise fail(
                    self.page.path,
                    self.line(where, object_line),
                    f"object {object_name}: member {index} has no name",
                )
            name = member["name"]
            path = prefix + name
            if member.get("disabled"):
                notes.append(f"{path}: disabled (deprecated) in the model, left out")
                continue
            spec_type, items, target = self.member_type(member, object_name, line)
            required_key = "required" if usage == "request" else "output_required"
            doc_line = self.line((*where, "document"), line)
            prose = document_prose(str(member.get("document") or ""), doc_line)
            example = member.get("example")
            param = model.Parameter(
                name=name,
                source=self.src(line),
                type=spec_type,
                location="body",
                required=bool(member.get(required_key)),
                doc_type=(
                    f"Array of {member['member']}"
                    if spec_type == "array"
                    else str(member.get("member"))
                ),
                items=items,
                description=prose.description(),
                example=(
                    None
                    if example in (None, "")
                    else (example if isinstance(example, str) else json.dumps(example))
                ),
            )
            if usage == "request":
                texts[path] = prose.lines()
            if target is not None:
                if target in stack:
                    notes.append(
                        f"{path}: {target} contains itself; the nested {target} is not expanded"
                    )
                else:
                    param.fields = self.fields(
                        target, usage, (*stack, target), path + ".", notes, texts
                    )
            out.append(param)
        return out

    def member_type(
        self, member: dict[str, Any], object_name: str, line: int
    ) -> tuple[model.SpecType, str | None, str | None]:
        """(spec type, item type, object to expand) of a member."""
        kind = member.get("type")
        element = member.get("member")
        if not isinstance(element, str):
            raise fail(self.page.path, line, f"{object_name}.{member['name']}: no member type")
        if kind in ("list", "array"):
            if element in _SCALARS:
                return "array", _SCALARS[element], None
            self.known(element, object_name, member, line)
            return "array", "object", element
        if kind == "object":
            self.known(element, object_name, member, line)
            return "object", None, element
        if isinstance(kind, str) and kind in _SCALARS:
            if element in self.objects:
                return "object", None, element
            return _SCALARS[kind], None, None
        raise fail(self.page.path, line, f"{object_name}.{member['name']}: unknown type {kind!r}")

    def known(self, element: str, object_name: str, member: dict[str, Any], line: int) -> None:
        if element not in self.objects:
            raise fail(
                self.page.path,
                line,
                f"{object_name}.{member['name']}: type {element!r} is not defined in objects",
            )

    def examples(
        self, op: str, provenance: dict[str, model.Source]
    ) -> tuple[list[model.Example], str | None]:
        found = self.companions.examples
        if found is None:
            return [], None
        entries = found.data.get(op)
        if not isinstance(entries, list):
            return [], None
        out: list[model.Example] = []
        endpoint: str | None = None
        for index, entry in enumerate(entries):
            if not isinstance(entry, dict):
                continue
            raw_title = entry.get("title")
            title = str(raw_title).replace("`", "").strip() or None if raw_title else None
            request = entry.get("input")
            if isinstance(request, str) and request.strip():
                line = found.positions.line(("actions", op, index, "input")) or 1
                source = model.Source(found.path, line)
                head, _, body = request.partition("\n\n")
                first = head.split("\n")[0]
                is_http = bool(re.match(r"^[A-Z]+ \S+ HTTP/", first))
                out.append(
                    model.Example("request", "http" if is_http else "text", request, source, title)
                )
                if is_http and body.strip():
                    out.append(model.Example("request", "json", body.strip("\n"), source, title))
                host = re.search(r"^Host:\s*(\S+)\s*$", head, re.MULTILINE)
                if is_http and "method" not in provenance:
                    inferred = model.Source(found.path, line, "inferred", first)
                    provenance["method"] = provenance["path"] = inferred
                if host and endpoint is None:
                    endpoint = host.group(1)
                    provenance["endpoint"] = model.Source(
                        found.path, line, "inferred", host.group(0)
                    )
            response = entry.get("output")
            if isinstance(response, str) and response.strip():
                line = found.positions.line(("actions", op, index, "output")) or 1
                kind: Any = "response"
                try:
                    parsed = json.loads(response)
                    body_fmt: Any = "json"
                    inner = parsed.get("Response") if isinstance(parsed, dict) else None
                    if isinstance(inner, dict) and "Error" in inner:
                        kind = "error"
                except json.JSONDecodeError:
                    body_fmt = "text"
                out.append(
                    model.Example(kind, body_fmt, response, model.Source(found.path, line), title)
                )
        return out, endpoint

    def errors(self, op: str, notes: list[str]) -> list[model.ErrorCode]:
        client = self.companions.client
        if client is None:
            return []
        listed = client.by_op.get(op)
        if listed is None:
            notes.append(f"{client.path} has no function {op}: no error codes")
            return []
        meanings = self.companions.meanings
        return [
            model.ErrorCode(
                code=code,
                source=model.Source(client.path, line),
                status=None,  # Tencent answers errors with HTTP 200 and Response.Error
                meaning=meanings.get(const) or meanings.get(code),
            )
            for const, code, line in listed
        ]


def read(page: Page) -> ReadOutput:
    try:
        data = json.loads(page.text)
    except json.JSONDecodeError as err:
        raise fail(
            page.path, err.lineno, f"invalid JSON in the API model: {err.msg} (column {err.colno})"
        ) from None
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("actions"), dict)
        or not isinstance(data.get("objects"), dict)
    ):
        raise fail(
            page.path,
            1,
            "not a Tencent API model: top-level 'actions' and 'objects' objects expected",
        )
    companions = _companions(page)
    reader = _Reader(page, data, companions)
    results = [reader.operation(name, action) for name, action in data["actions"].items()]
    return ReadOutput(results=results, consumed=sorted(companions.consumed))
