"""Specs against the official SDKs' models: the shared half of the oracle tests.

Each provider's `sdk_<provider>.py` reads its installed SDK into `Operations`, the same shape
`spec_operations` reads the committed specs into; `compare` lines the two up fact by fact and
`check` fails on any disagreement that the provider's reviewed allowlist does not explain.

A fact is one aspect (location, type, required, ...) of one request parameter. Agreement counts
only the facts both sides state: the SDK's silence or the page's is not a contradiction, and a
parameter one side lacks is reported on its own (aspect `parameter`) so it must be explained too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from generator import extract, model

ROOT = Path(__file__).resolve().parents[2]

ASPECTS = ("location", "type", "items", "required", "length", "range", "enum")
STRUCTURE = frozenset({"location", "type", "items", "required"})
ALL = frozenset(ASPECTS)

# What each check printed, for the terminal summary (tests/oracles/conftest.py).
SUMMARY: list[str] = []


@dataclass(frozen=True)
class Fact:
    """What one side says of one request parameter; None where it is silent."""

    location: str | None = None
    type: str | None = None
    items: str | None = None
    required: bool | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    enum: tuple[str, ...] | None = None

    def aspect(self, name: str) -> Any:
        if name == "length":
            return _pair(self.min_length, self.max_length)
        if name == "range":
            return _pair(self.minimum, self.maximum)
        if name == "enum":
            return None if self.enum is None else tuple(sorted(self.enum))
        return getattr(self, name)


Operations = dict[str, dict[str, Fact]]


@dataclass(frozen=True)
class Disagreement:
    operation: str
    path: str  # "" for aspect "operation"
    aspect: str
    sdk: Any
    spec: Any

    def key(self) -> tuple[str, str, str]:
        return (self.operation, self.path, self.aspect)

    def __str__(self) -> str:
        where = f"{self.operation} {self.path}".strip()
        return f"{where}: {self.aspect}: sdk {_show(self.sdk)}, spec {_show(self.spec)}"


@dataclass
class Report:
    provider: str
    compared: int = 0  # facts both sides state
    agreed: int = 0
    disagreements: list[Disagreement] = field(default_factory=list)
    allowlisted: list[Disagreement] = field(default_factory=list)
    unexplained: list[Disagreement] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # allowlist entries that match nothing

    @property
    def agreement(self) -> float:
        return self.agreed / self.compared if self.compared else 1.0

    def summary(self) -> str:
        return (
            f"oracle {self.provider}: {self.agreed}/{self.compared} SDK facts agree "
            f"({100 * self.agreement:.2f} %), {len(self.allowlisted)} allowlisted, "
            f"{len(self.unexplained)} unexplained, {len(self.stale)} stale allowlist entries"
        )


def _pair(low: Any, high: Any) -> tuple[Any, Any] | None:
    if low is None and high is None:
        return None
    return (None if low is None else float(low), None if high is None else float(high))


def _show(value: Any) -> str:
    if isinstance(value, tuple) and len(value) == 2 and not isinstance(value[0], str):
        low, high = value
        return f"{'-inf' if low is None else _num(low)}..{'inf' if high is None else _num(high)}"
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]"
    return str(value)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def spec_fact(param: model.Parameter) -> Fact:
    length = param.length if param.length and param.length.unit != "items" else None
    return Fact(
        location=param.location,
        type=param.type,
        items=param.items,
        required=param.required,
        min_length=length.min if length else None,
        max_length=length.max if length else None,
        minimum=None if param.range is None else param.range.min,
        maximum=None if param.range is None else param.range.max,
        enum=None if param.enum is None else tuple(str(v.value) for v in param.enum.values),
    )


def spec_operations(specs_dir: Path, provider: str) -> Operations:
    """The committed specs of one provider, request parameters only."""
    out: Operations = {}
    for op in extract.load_specs(specs_dir, ROOT):
        if op.provider != provider:
            continue
        out[op.name] = {path: spec_fact(p) for path, p in model.walk_parameters(op.parameters)}
    return out


def compare(
    provider: str,
    sdk: Operations,
    spec: Operations,
    allowlist: Path,
    aspects: Iterable[str] = STRUCTURE,
) -> Report:
    wanted = [a for a in ASPECTS if a in set(aspects)]
    report = Report(provider)
    for name in sorted(set(sdk) | set(spec)):
        if name not in spec or name not in sdk:
            report.disagreements.append(
                Disagreement(name, "", "operation", _presence(name in sdk), _presence(name in spec))
            )
            continue
        theirs, ours = sdk[name], spec[name]
        for path in sorted(set(theirs) | set(ours)):
            if path not in ours or path not in theirs:
                report.disagreements.append(
                    Disagreement(
                        name, path, "parameter", _presence(path in theirs), _presence(path in ours)
                    )
                )
                continue
            for aspect in wanted:
                said, read = theirs[path].aspect(aspect), ours[path].aspect(aspect)
                if said is None or read is None:
                    continue
                report.compared += 1
                if said == read:
                    report.agreed += 1
                else:
                    report.disagreements.append(Disagreement(name, path, aspect, said, read))
    _explain(report, _load_allowlist(allowlist))
    return report


def _presence(present: bool) -> str:
    return "present" if present else "absent"


@dataclass(frozen=True)
class Entry:
    operation: str
    path: str
    aspect: str
    sdk: str
    spec: str
    page: str
    reason: str
    line: int


REQUIRED_KEYS = {f.name for f in fields(Entry)} - {"line", "path"}


def _load_allowlist(path: Path) -> list[Entry]:
    if not path.exists():
        return []
    loaded = yaml.compose(path.read_text(encoding="utf-8"))
    entries: list[Entry] = []
    for node in getattr(loaded, "value", None) or []:
        item = yaml.safe_load(yaml.serialize(node))
        line = node.start_mark.line + 1
        missing = REQUIRED_KEYS - set(item)
        if missing:
            raise AssertionError(f"{path}:{line}: allowlist entry lacks {sorted(missing)}")
        entries.append(
            Entry(
                operation=str(item["operation"]),
                path=str(item.get("path") or ""),
                aspect=str(item["aspect"]),
                sdk=_norm(item["sdk"]),
                spec=_norm(item["spec"]),
                page=str(item["page"]),
                reason=str(item["reason"]),
                line=line,
            )
        )
    return entries


def _norm(value: Any) -> str:
    """One spelling for a value, whether it came from the YAML allowlist or a comparison."""
    if isinstance(value, (list, tuple)) and len(value) == 2 and not isinstance(value[0], str):
        return _show(_pair(value[0], value[1]))
    if isinstance(value, (list, tuple)):
        return _show(tuple(sorted(str(v) for v in value)))
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _explain(report: Report, entries: list[Entry]) -> None:
    by_key = {(e.operation, e.path, e.aspect): e for e in entries}
    used: set[tuple[str, str, str]] = set()
    for found in report.disagreements:
        entry = by_key.get(found.key())
        if entry and entry.sdk == _norm(found.sdk) and entry.spec == _norm(found.spec):
            report.allowlisted.append(found)
            used.add(found.key())
        else:
            report.unexplained.append(found)
    for key, entry in by_key.items():
        if key not in used:
            report.stale.append(f"line {entry.line}: {' '.join(k for k in key if k)}")


def check(report: Report, minimum: float = 0.99, summary: list[str] = SUMMARY) -> None:
    """Print the figures; fail on anything the allowlist does not explain."""
    line = report.summary()
    summary.append(line)
    print(line)
    problems = [str(d) for d in report.unexplained] + [
        f"stale allowlist entry {s}" for s in report.stale
    ]
    assert not problems, f"{line}\n" + "\n".join(problems[:60])
    assert report.agreement >= minimum, line
