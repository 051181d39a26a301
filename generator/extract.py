"""sources/ -> specs: sniff each page, read it, mine its prose, check the result.

Everything happens in memory; the caller writes the specs only when no page had a problem.
"""

from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from . import example_check, mining, model, spec_io
from .errors import Problem, SpecgenError
from .readers import Page, ReadResult, by_family, registry
from .sources import decode_pages, discover


@dataclass
class Extracted:
    operations: list[model.Operation]  # sorted by provider, then name
    pages: int
    problems: list[Problem] = field(default_factory=list)  # only with keep_going
    # `file:line: warning: ...`: facts left out (a constraint the page's own example breaks)
    warnings: list[str] = field(default_factory=list)


def pick_reader(page: Page, family: str | None) -> ModuleType | None:
    if family:
        return by_family(family)
    for reader in registry():
        if reader.sniff(page):
            return reader
    return None


def _is_model(reader: ModuleType) -> bool:
    """An API model (JSON) describes a whole service; a doc page of the same operation wins."""
    return bool(getattr(reader, "IS_MODEL", False))


def mine(result: ReadResult) -> list[str]:
    """Mine the prose, then check the result against the page's own examples; the warnings
    name what the examples ruled out."""
    op = result.operation
    file = op.source.file
    for path, param in model.walk_parameters(op.parameters):
        mining.mine_parameter(param, result.parameter_text.get(path, []), file)
    mining.mine_operation(result, file)
    return example_check.check(op)


def extract(
    paths: list[Path],
    root: Path,
    *,
    family: str | None = None,
    select: tuple[str, ...] = (),
    keep_going: bool = False,
) -> Extracted:
    """Every operation the pages describe. A problem anywhere raises SpecgenError, unless
    `keep_going`: then the operations that read are returned with the problems of the rest."""
    if family and by_family(family) is None:
        names = ", ".join(r.FAMILY for r in registry())
        raise SpecgenError(Problem("--family", 0, f"unknown family {family!r}; known: {names}"))
    pages, problems = decode_pages(discover(paths), root)
    if problems and not keep_going:
        raise SpecgenError(problems)
    consumed: set[str] = set()
    unread: list[Page] = []
    read: list[tuple[ModuleType, ReadResult]] = []
    for page in pages:
        if page.path in consumed:
            continue
        reader = pick_reader(page, family)
        if reader is None:
            unread.append(page)
            continue
        try:
            output = reader.read(page)
        except SpecgenError as err:
            problems.extend(err.problems)
            # a model that failed still owns its companion files: do not call them unrecognised
            consumed.update(getattr(reader, "companions", lambda _page: [])(page))
            continue
        consumed.update(output.consumed)
        for result in output.results:
            if (
                _is_model(reader)
                and select
                and not any(fnmatch.fnmatchcase(result.operation.name, pat) for pat in select)
            ):
                continue
            read.append((reader, result))
    names = ", ".join(r.FAMILY for r in registry())
    for page in unread:
        if page.path not in consumed:
            problems.append(
                Problem(
                    page.path, 1, f"unrecognised page: not one of the known doc families ({names})"
                )
            )

    chosen: dict[tuple[str, str], tuple[ModuleType, ReadResult]] = {}
    for reader, result in read:
        op = result.operation
        key = (op.provider, op.name)
        if key not in chosen:
            chosen[key] = (reader, result)
            continue
        other_reader, other = chosen[key]
        if _is_model(other_reader) and not _is_model(reader):
            chosen[key] = (reader, result)
        elif _is_model(reader) and not _is_model(other_reader):
            continue
        else:
            problems.append(
                Problem(
                    op.source.file,
                    op.source.line,
                    f"{op.provider} operation {op.name} is also described by {other.operation.source.file}",
                )
            )
    if problems and not keep_going:
        raise SpecgenError(problems)

    operations: list[model.Operation] = []
    warnings: list[str] = []
    for key in sorted(chosen):
        _, result = chosen[key]
        try:
            warnings.extend(mine(result))
            # A reader or rule that builds something the schema rejects is a bug, but the user
            # still gets a file:line message rather than a broken spec on disk.
            text = spec_io.dump_operation(result.operation)
            operations.append(spec_io.parse_operation(text, result.operation.source.file))
        except SpecgenError as err:
            problems.extend(err.problems)
    if problems and not keep_going:
        raise SpecgenError(problems)
    for warning in warnings:
        print(warning, file=sys.stderr)
    return Extracted(
        operations=operations, pages=len(pages), problems=problems, warnings=warnings
    )


def spec_path(op: model.Operation) -> str:
    return f"{op.provider}/{op.name}.yaml"


def spec_files(operations: list[model.Operation]) -> dict[str, bytes]:
    """The specs/ tree as it should be: one YAML per operation plus the schema they follow."""
    files = {spec_path(op): spec_io.dump_operation(op).encode() for op in operations}
    files["spec.schema.json"] = spec_io.spec_schema_text().encode()
    return files


def load_specs(specs_dir: Path, root: Path) -> list[model.Operation]:
    """Every spec under specs/<provider>/*.yaml, validated; all problems reported together."""
    from .sources import display_path

    problems: list[Problem] = []
    operations: list[model.Operation] = []
    for path in sorted(specs_dir.glob("*/*.yaml")):
        if path.parent.name == "overlays":  # hand corrections, not specs (generator.overlays)
            continue
        shown = display_path(path, root)
        try:
            operations.append(spec_io.load_operation(str(path), shown))
        except SpecgenError as err:
            problems.extend(err.problems)
        except UnicodeDecodeError:
            problems.append(Problem(shown, 1, "invalid UTF-8"))
    if problems:
        raise SpecgenError(problems)
    return sorted(operations, key=lambda o: (o.provider, o.name))
