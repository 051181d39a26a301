"""Spec diff with breaking-change classification."""

from __future__ import annotations

from . import model


def compare(old: list[model.Operation], new: list[model.Operation]) -> list[str]:
    return []


def render_text(changes: list[str], summary_only: bool = False) -> str:
    return "\n".join(changes)
