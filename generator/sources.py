"""Finding and decoding source pages. Bytes that are not a readable page stop here."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import Problem, SpecgenError, fail
from .readers import Page

# Files in sources/ that describe the pages rather than being pages.
NOT_PAGES = {"README.md", "README.rst", "README.txt", "README"}


def display_path(path: Path, root: Path) -> str:
    """The path provenance records: relative to the project root, POSIX style."""
    try:
        rel = path.resolve().relative_to(root.resolve())
    except ValueError:
        rel = Path(os.path.relpath(path.resolve(), root.resolve()))
    return rel.as_posix()


def discover(paths: list[Path]) -> list[Path]:
    """Every file under the given files and directories, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                if sub.is_file() and sub.name not in NOT_PAGES and not sub.name.startswith("."):
                    found.append(sub)
        elif path.is_file():
            found.append(path)
        else:
            raise fail(path.as_posix(), 0, "no such file or directory")
    return found


def decode(raw: bytes, shown: str) -> str:
    """UTF-8 text with "\\n" newlines; a clear error for empty, binary or mis-encoded files."""
    if not raw.strip():
        raise fail(shown, 1, "empty file: nothing to extract")
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise fail(shown, line, "binary file (NUL byte): not a doc page")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(
            shown, line, f"invalid UTF-8 (byte 0x{raw[exc.start]:02x}): not a text page"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_page(path: Path, root: Path) -> Page:
    shown = display_path(path, root)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise fail(shown, 0, f"cannot read: {exc.strerror}") from None
    return Page(path=shown, fs_path=str(path), text=decode(raw, shown))


def decode_pages(paths: list[Path], root: Path) -> tuple[list[Page], list[Problem]]:
    """The files that decode, and a problem for each one that does not."""
    pages: list[Page] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            pages.append(load_page(path, root))
        except SpecgenError as err:
            problems.extend(err.problems)
    return pages, problems
