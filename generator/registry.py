"""A table of named things: the built-in ones, plus those registered from outside (a plug-in, a
test). The protocols and the providers are each one of these."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    def __init__(self, kind: str, builtin: Callable[[], dict[str, T]]) -> None:
        self.kind = kind  # "protocol", "provider": for messages
        self.builtin = builtin  # called on each look-up, so built-ins load lazily
        self.plugins: dict[str, T] = {}

    def table(self) -> dict[str, T]:
        """Every known one by name: the built-in ones, then the registered ones."""
        return {**self.builtin(), **self.plugins}

    def register(self, name: str, item: T) -> T:
        known = self.table().get(name)
        if known is not None and known is not item:
            raise ValueError(f"{self.kind} {name!r} is already known")
        self.plugins[name] = item
        return item

    def get(self, name: str) -> T:
        known = self.table()
        try:
            return known[name]
        except KeyError:
            raise KeyError(f"unknown {self.kind} {name!r}; known: {sorted(known)}") from None
