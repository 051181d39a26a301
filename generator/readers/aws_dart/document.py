"""A page's parts: the title, the signature at the top (its entries numbered "1." ...), the
prose between the signature and "Implementation", and the Dart source after it, as tokens
with true page lines. Format only: what the parts mean is read by the other modules."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...errors import SpecgenError, fail
from .. import Page
from .dart_tokens import Token, tokenize

_TITLE = re.compile(r"^\s*([A-Za-z_$][\w$]*) method\s*$")
_SIGNATURE_START = re.compile(r"^\s*Future\s*<.*?>\??\s+([A-Za-z_$][\w$]*)\s*\(")
IMPLEMENTATION = re.compile(r"^\s*Implementation\s*$")
_SIGNATURE_NUMBER = re.compile(r"^(\s*)\d+\.\s+")
_TITLE_WITHIN = 20  # lines from the top where the title may be
_SIGNATURE_WITHIN = 8  # lines after the title where the signature must start


@dataclass(frozen=True)
class Document:
    method: str  # the Dart method name
    title_line: int  # 1-based, as every line below
    signature_line: int
    signature: list[Token]  # the doc signature, entry numbers dropped
    returns: str  # T of Future<T>: "void", "DescribeLifecycleHooksAnswer", ...
    prose_start: int  # first line after the signature
    prose_end: int  # the Implementation line (not included)
    code_line: int  # first line of the Dart source
    code: list[Token]  # the implementation, up to the end of its method body


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


def read_document(page: Page) -> Document:
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
    future = re.match(r"\s*Future\s*<(.*)>\??\s+" + re.escape(method) + r"\s*\(", lines[sig_index])
    returns = future.group(1).strip() if future else "void"

    impl_index = next(
        (i for i in range(sig_end, len(lines)) if IMPLEMENTATION.match(lines[i])), None
    )
    if impl_index is None:
        raise fail(page.path, sig_line, "no 'Implementation' section with the Dart source")
    code_index = next((i for i in range(impl_index + 1, len(lines)) if lines[i].strip()), None)
    if code_index is None:
        raise fail(page.path, impl_index + 1, "the Implementation section is empty")
    code_tokens = tokenize(
        page, "\n".join(lines[code_index:]), code_index + 1, stop_after_body=True
    )
    return Document(
        method=method,
        title_line=title_index + 1,
        signature_line=sig_line,
        signature=sig_tokens,
        returns=returns,
        prose_start=sig_end + 1,
        prose_end=impl_index + 1,
        code_line=code_index + 1,
        code=code_tokens,
    )
