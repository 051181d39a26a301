"""specs -> generated/: one renderer module per target, all sharing one Jinja2 environment.

Each renderer module has `TARGET` and `render(operations, ctx) -> dict[str, bytes]` (paths
relative to the output root). Renderers read only the model; templates only format it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import jinja2

from .. import model
from ..runtime_files import RUNTIME
from . import filters
from .python_format import format_python


def default_templates() -> Path:
    """The project's templates/: beside the package in a checkout or editable install, or
    shipped inside it as generator/_templates in a built one (see setup.py)."""
    package = Path(__file__).resolve().parent.parent
    checkout = package.parent / "templates"
    return checkout if checkout.is_dir() else package / "_templates"


TEMPLATES = default_templates()


@dataclass(frozen=True)
class Context:
    env: jinja2.Environment
    templates: Path
    package_prefix: str = ""
    runtime: Path = RUNTIME  # the verbatim runtime modules (generator/runtime_files.py)

    def package(self, provider: str, service: str) -> str:
        """Name of the generated Python package for one provider's service."""
        return f"{self.package_prefix}{provider}_{service}"

    def render(self, template: str, **values: object) -> str:
        return self.env.get_template(template).render(**values)

    def render_python(self, template: str, **values: object) -> bytes:
        return format_python(self.render(template, **values), template).encode()


def environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # every target has its own escaping filter, applied explicitly
    )
    filters.install(env)
    return env


def renderers() -> list[ModuleType]:
    from . import clients, docs, jsonschema_target, mocks, openapi, validators

    return [openapi, jsonschema_target, docs, validators, clients, mocks]


def by_provider(operations: Iterable[model.Operation]) -> dict[str, list[model.Operation]]:
    grouped: dict[str, list[model.Operation]] = {}
    for op in sorted(operations, key=lambda o: (o.provider, o.name)):
        grouped.setdefault(op.provider, []).append(op)
    return grouped


def render_targets(
    operations: list[model.Operation],
    targets: Iterable[str],
    templates: Path | None = None,
    package_prefix: str = "",
) -> dict[str, dict[str, bytes]]:
    """Each wanted target's files, by target (the writer records who wrote what)."""
    tdir = templates or default_templates()
    ctx = Context(env=environment(tdir), templates=tdir, package_prefix=package_prefix)
    wanted = set(targets)
    return {r.TARGET: r.render(operations, ctx) for r in renderers() if r.TARGET in wanted}


def render_all(
    operations: list[model.Operation],
    targets: Iterable[str],
    templates: Path | None = None,
    package_prefix: str = "",
) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for produced in render_targets(operations, targets, templates, package_prefix).values():
        files.update(produced)
    return files
