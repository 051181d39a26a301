"""The model's companion files, in its directory, recognised by content: examples.json (JSON
with `actions` of lists and no `objects`), client.go (`func (c *Client)`), errors.go (a Go
`const (` block with commented codes)."""

from __future__ import annotations

import json
import os
import posixpath
from dataclasses import dataclass, field
from typing import Any

from .. import Page
from ..tencent_common import JsonPositions
from .go_source import CLIENT_FUNC, ClientErrors, client_errors, error_meanings

_MAX_COMPANION_BYTES = 20 * 1024 * 1024


@dataclass
class ExamplesFile:
    path: str
    data: dict[str, Any]
    positions: JsonPositions


@dataclass
class Companions:
    examples: ExamplesFile | None = None
    client: ClientErrors | None = None
    meanings: dict[str, str] = field(default_factory=dict)  # constant name or code -> meaning
    consumed: list[str] = field(default_factory=list)


def find(page: Page) -> Companions:
    found = Companions()
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
        elif found.client is None and CLIENT_FUNC.search(text):
            found.client = client_errors(shown, text)
            found.consumed.append(shown)
        elif not found.meanings and "package " in text and "const (" in text:
            meanings = error_meanings(text)
            if meanings:
                found.meanings = meanings
                found.consumed.append(shown)
    return found


def companions(page: Page) -> list[str]:
    """Display paths of the model's companion files, also when read() fails on the model, so
    that a broken api.json does not make its companions look like unrecognised pages."""
    return sorted(find(page).consumed)


def _examples_file(shown: str, text: str) -> ExamplesFile | None:
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
    return ExamplesFile(shown, actions, JsonPositions(text))
