"""api.json -> the model's data, with the 1-based line of every key."""

from __future__ import annotations

import json
from typing import Any

from ...errors import fail
from .. import Page
from ..tencent_common import JsonPath, JsonPositions, PageDocument


class Document(PageDocument):
    def __init__(self, page: Page, data: dict[str, Any]) -> None:
        super().__init__(page)
        self.data = data
        self.objects: dict[str, Any] = data["objects"]
        self.positions = JsonPositions(page.text)

    def line(self, path: JsonPath, fallback: int = 1) -> int:
        found = self.positions.line(path)
        return fallback if found is None else found


def parse(page: Page) -> Document:
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
    return Document(page, data)
