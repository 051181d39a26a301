"""Escaping filters: the only way doc text reaches generated code, YAML, JSON and Markdown.

Doc text is untrusted. Each filter makes a value inert in one target language; templates
must pass every piece of page text through the filter of the language they emit.

Beside them, the few text helpers every renderer shares: Python names made from wire names
(`snake`, `pascal`) and how a fact's source is cited (`cite`).
"""

from __future__ import annotations

import json
import re
from typing import Any

import jinja2
import yaml

from .. import model


def py_literal(value: Any) -> str:
    """A Python literal (str, int, float, bool, None, lists/dicts of them), via repr: repr of
    these types always round-trips through ast.literal_eval, whatever the text holds."""
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(py_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{py_literal(k)}: {py_literal(v)}" for k, v in value.items()) + "}"
    if value is None or isinstance(value, (bool, int, float, str)):
        return repr(value)
    raise TypeError(f"not a literal: {type(value).__name__}")


def py_docstring(text: str | None, width: int = 0) -> str:
    """Text safe inside a triple-double-quoted docstring: no closing quotes, no escapes, no
    trailing backslash or quote that would merge with the closing delimiter."""
    if not text:
        return ""
    out = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    out = "".join(ch if ch.isprintable() or ch in "\n\t" else f"\\x{ord(ch):02x}" for ch in out)
    out = "\n".join(line.rstrip() for line in out.split("\n")).strip()
    if out.endswith('"'):
        out += " "
    return out


def py_comment(text: str | None) -> str:
    """One line of text safe after `#`: newlines would end the comment."""
    if not text:
        return ""
    return " ".join(str(text).split())


def py_identifier(name: str) -> str:
    """A valid, non-keyword Python identifier derived from a wire name."""
    import keyword

    ident = re.sub(r"\W", "_", name, flags=re.ASCII)
    if not ident or ident[0].isdigit():
        ident = "_" + ident
    if keyword.iskeyword(ident) or ident in {"self", "cls"}:
        ident += "_"
    return ident


def snake(name: str) -> str:
    """PascalCase / camelCase / dotted wire names -> snake_case Python names."""
    s = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name)
    s = re.sub(r"(?<=[A-Z])([A-Z][a-z])", r"_\1", s)
    return py_identifier(s.lower().replace(".", "_").replace("-", "_"))


def pascal(text: str) -> str:
    """Wire names, protocol names ("rest-json") -> a PascalCase identifier ("RestJson"); "X"
    for a text without letters or digits, "X" before a leading digit."""
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", text) if p]
    name = "".join(p[0].upper() + p[1:] for p in parts) or "X"
    return name if not name[0].isdigit() else "X" + name


def cite(source: model.Source) -> str:
    """Where a fact comes from, as generated code and docs cite it: `file:line (origin)`."""
    return f"{source.file}:{source.line} ({source.origin})"


def json_literal(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def yaml_scalar(value: Any) -> str:
    """A YAML flow scalar for one value (quoted as needed by the YAML emitter itself)."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**9)
    return text.removesuffix("\n...\n").rstrip("\n")


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_text(text: Any) -> str:
    """Markdown inline text: markup characters escaped, HTML impossible."""
    if text is None:
        return ""
    out = _MD_SPECIAL.sub(r"\\\1", str(text))
    return out.replace("&", "&amp;")


def md_cell(text: Any) -> str:
    """Markdown table cell: escaped, on one line (paragraph breaks become <br>)."""
    return "<br>".join(
        md_text(part) for part in str(text if text is not None else "").split("\n") if part.strip()
    )


def md_code(text: Any) -> str:
    """Inline code span that the text cannot close."""
    s = str(text)
    ticks = "`"
    while ticks in s:
        ticks += "`"
    pad = " " if s.startswith("`") or s.endswith("`") else ""
    return f"{ticks}{pad}{s}{pad}{ticks}"


def md_fence(text: Any) -> str:
    """A fence longer than any backtick run inside the block."""
    runs = [len(m) for m in re.findall(r"`+", str(text))]
    return "`" * max(3, max(runs, default=0) + 1)


def md_paragraphs(text: Any) -> str:
    """Block text: paragraphs kept, each line escaped and ended with a hard break, so that no
    line of the text can start a list, heading, quote, code block or thematic break."""
    paragraphs: list[str] = []
    for para in re.split(r"\n\s*\n", str(text if text is not None else "")):
        lines = [_md_line(line) for line in para.split("\n") if line.strip()]
        if lines:
            paragraphs.append("\\\n".join(lines))
    return "\n\n".join(paragraphs)


def _md_line(line: str) -> str:
    out = md_text(line.strip())
    # block markers md_text leaves alone: list bullets and numbers, setext underlines
    if out[:1] in ("-", "="):
        out = "\\" + out
    return re.sub(r"^([0-9]+)([.)])", r"\1\\\2", out)


def md_cell_code(text: Any) -> str:
    """A code span inside a table cell: on one line, its pipes escaped (GFM splits cells on
    `|` even inside code spans, and drops the backslash of `\\|` before reading the span)."""
    flat = " ".join(str(text).split())
    return md_code(flat).replace("|", "\\|") if flat else ""


def json_block(value: Any) -> str:
    """`value` as indented JSON; json.dumps escapes whatever text it holds."""
    return json.dumps(value, indent=2, ensure_ascii=False)


def yaml_block(value: Any, indent: int = 0) -> str:
    """`value` as block YAML, every line indented by `indent` spaces, no trailing newline.
    PyYAML chooses quoting and escapes, so any text stays one inert scalar."""
    text = _dump_yaml(value)
    pad = " " * indent
    return "\n".join(pad + line if line else line for line in text.rstrip("\n").split("\n"))


def _dump_yaml(value: Any) -> str:
    from ..spec_io import dump_yaml  # one YAML writer for specs and generated documents

    return dump_yaml(value)


def install(env: jinja2.Environment) -> None:
    env.filters.update(
        py=py_literal,
        docstring=py_docstring,
        comment=py_comment,
        ident=py_identifier,
        snake=snake,
        json=json_literal,
        yaml=yaml_scalar,
        md=md_text,
        mdcell=md_cell,
        mdcode=md_code,
        mdfence=md_fence,
        mdtext=md_paragraphs,
        mdcellcode=md_cell_code,
        jsonblock=json_block,
        yamlblock=yaml_block,
    )
