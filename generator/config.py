"""Options from `[tool.specgen]` in the project's pyproject.toml, overridden by the command line."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import fail

TARGETS = ("openapi", "jsonschema", "docs", "validators", "clients", "mocks")


@dataclass
class Config:
    root: Path  # paths in specs and messages are relative to it
    sources: Path
    specs: Path
    out: Path
    overlays: Path | None = None
    targets: tuple[str, ...] = TARGETS
    providers: tuple[str, ...] = ()  # empty: every provider
    select: tuple[str, ...] = ()  # fnmatch patterns of operations taken from API models
    package_prefix: str = ""  # generated package names: f"{prefix}{provider}_{service}"
    templates: Path | None = None  # another templates/ folder (default: the project's own)
    family: str | None = None  # read every page as this family (`--family`)


def load(root: Path) -> Config:
    table: dict[str, object] = {}
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        try:
            with pyproject.open("rb") as fh:
                data = tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise fail(
                pyproject.name, getattr(exc, "lineno", 1) or 1, f"invalid TOML: {exc}"
            ) from None
        section = data.get("tool", {}).get("specgen", {})
        if not isinstance(section, dict):
            raise fail(pyproject.name, 1, "[tool.specgen] must be a table")
        table = section

    def path(key: str, default: str | None) -> Path | None:
        value = table.get(key, default)
        if value is None:
            return None
        if not isinstance(value, str):
            raise fail(pyproject.name, 1, f"[tool.specgen] {key} must be a string path")
        return root / value

    def strings(key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = table.get(key, list(default))
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(pyproject.name, 1, f"[tool.specgen] {key} must be a list of strings")
        return tuple(value)

    targets = strings("targets", TARGETS)
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        raise fail(
            pyproject.name, 1, f"[tool.specgen] unknown target(s) {unknown}; known: {list(TARGETS)}"
        )
    prefix = table.get("package-prefix", "")
    if not isinstance(prefix, str):
        raise fail(pyproject.name, 1, "[tool.specgen] package-prefix must be a string")
    sources = path("sources", "sources")
    specs = path("specs", "specs")
    out = path("out", "generated")
    assert sources and specs and out
    return Config(
        root=root,
        sources=sources,
        specs=specs,
        out=out,
        overlays=path("overlays", None),
        targets=targets,
        providers=strings("providers", ()),
        select=strings("select", ()),
        package_prefix=prefix,
        # a project with its own templates/ renders with them, as a checkout of specgen does
        templates=path("templates", "templates" if (root / "templates").is_dir() else None),
    )
