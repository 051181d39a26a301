"""What changed between two sets of specs, and whether it breaks callers.

Each change is classified:
- breaking: a caller that worked against the old API may fail against the new one (operation
  or parameter removed, parameter newly required, type changed, range/length narrowed, pattern
  added or changed, request enum value removed, a new rule, a quota or rate limit lowered, an
  error code removed, a response field removed or now optional or nullable, ...);
- non-breaking: the API accepts everything it did before (new optional parameter, range or
  length widened, new request enum value, new operation, new error code, ...);
- docs: descriptions, summaries, examples, links: nothing a program sees.
Source lines and quotes (provenance) are not changes to the API and are not reported. What
narrows or widens each constraint kind is its row's `diff` in `generator.constraints`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from . import constraints, model, spec_io
from .config import Config
from .errors import EXIT_OK, EXIT_STALE, Problem, SpecgenError

Severity = constraints.Severity
SEVERITIES: tuple[Severity, ...] = ("breaking", "non-breaking", "docs")


@dataclass(frozen=True)
class Change:
    operation: str  # "huawei/CreateLifecycleHook"
    subject: str  # "operation", "parameter default_timeout", "response field x", "rule", ...
    aspect: str  # "added", "removed", "range", "required", "enum", ...
    severity: Severity
    old: Any
    new: Any
    message: str


def _key(op: model.Operation) -> str:
    return f"{op.provider}/{op.name}"


def compare(old: list[model.Operation], new: list[model.Operation]) -> list[Change]:
    before = {_key(op): op for op in old}
    after = {_key(op): op for op in new}
    changes: list[Change] = []
    for key in sorted(before.keys() | after.keys()):
        if key not in after:
            changes.append(
                Change(key, "operation", "removed", "breaking", key, None, "operation removed")
            )
        elif key not in before:
            changes.append(
                Change(key, "operation", "added", "non-breaking", None, key, "operation added")
            )
        else:
            changes.extend(_operation(key, before[key], after[key]))
    return changes


def _operation(key: str, a: model.Operation, b: model.Operation) -> list[Change]:
    out: list[Change] = []
    for attr in (
        "service",
        "protocol",
        "method",
        "path",
        "action",
        "api_version",
        "endpoint",
        "success_status",
        "result_wrapper",
    ):
        x, y = getattr(a, attr), getattr(b, attr)
        if x != y:
            out.append(
                Change(
                    key, "operation", attr, "breaking", x, y, f"{attr} changed from {x!r} to {y!r}"
                )
            )
    for attr in ("title", "summary", "description"):
        if getattr(a, attr) != getattr(b, attr):
            out.append(
                Change(
                    key,
                    "operation",
                    attr,
                    "docs",
                    getattr(a, attr),
                    getattr(b, attr),
                    f"{attr} reworded",
                )
            )
    if [_plain(e, "source") for e in a.examples] != [_plain(e, "source") for e in b.examples]:
        out.append(
            Change(
                key,
                "operation",
                "examples",
                "docs",
                len(a.examples),
                len(b.examples),
                "examples changed",
            )
        )
    sa = sorted({s.status for s in a.statuses})
    sb = sorted({s.status for s in b.statuses})
    if sa != sb:
        gone = [s for s in sa if s not in sb]
        came = [s for s in sb if s not in sa]
        words = [f"{' '.join(map(str, gone))} no longer listed"] if gone else []
        words += [f"{' '.join(map(str, came))} now listed"] if came else []
        out.append(
            Change(
                key, "operation", "statuses", "docs", sa, sb, "HTTP statuses: " + "; ".join(words)
            )
        )
    out.extend(_parameters(key, a.parameters, b.parameters, request=True))
    out.extend(_parameters(key, a.response, b.response, request=False))
    out.extend(_rules(key, a.rules, b.rules))
    out.extend(_limits(key, a, b))
    out.extend(_errors(key, a.errors, b.errors))
    return out


def _plain(value: Any, *drop: str) -> Any:
    """The model value without provenance, for comparing what a program sees."""
    data = model.jsonable(value)

    def strip(d: Any) -> Any:
        if isinstance(d, dict):
            return {k: strip(v) for k, v in d.items() if k not in drop and k != "source"}
        if isinstance(d, list):
            return [strip(v) for v in d]
        return d

    return strip(data)


def _parameters(
    key: str, old: list[model.Parameter], new: list[model.Parameter], *, request: bool
) -> list[Change]:
    out: list[Change] = []
    a = dict(model.walk_parameters(old))
    b = dict(model.walk_parameters(new))
    noun = "parameter" if request else "response field"
    for path in sorted(
        a.keys() | b.keys(),
        key=lambda p: (p not in a, list(a).index(p) if p in a else list(b).index(p)),
    ):
        subject = f"{noun} {path}"
        if path not in b:
            parent = path.rpartition(".")[0]
            if parent and parent not in b:
                continue  # reported with its parent
            out.append(Change(key, subject, "removed", "breaking", path, None, f"{noun} removed"))
            continue
        if path not in a:
            parent = path.rpartition(".")[0]
            if parent and parent not in a:
                continue
            p = b[path]
            if request and p.required:
                out.append(
                    Change(
                        key, subject, "added", "breaking", None, path, "required parameter added"
                    )
                )
            else:
                out.append(
                    Change(
                        key,
                        subject,
                        "added",
                        "non-breaking",
                        None,
                        path,
                        f"{'optional ' if request else ''}{noun} added",
                    )
                )
            continue
        out.extend(_parameter(key, subject, a[path], b[path], request=request))
    return out


def _parameter(
    key: str, subject: str, a: model.Parameter, b: model.Parameter, *, request: bool
) -> list[Change]:
    out: list[Change] = []

    def add(aspect: str, severity: Severity, old: Any, new: Any, message: str) -> None:
        out.append(Change(key, subject, aspect, severity, old, new, message))

    if (a.type, a.items) != (b.type, b.items):
        add("type", "breaking", _type(a), _type(b), f"type changed from {_type(a)} to {_type(b)}")
    if a.location != b.location:
        add(
            "location",
            "breaking",
            a.location,
            b.location,
            f"moved from {a.location} to {b.location}",
        )
    if request and a.required != b.required:
        if b.required:
            add("required", "breaking", False, True, "now required")
        else:
            add("required", "non-breaking", True, False, "now optional")
    elif a.required != b.required:
        # a response field that may now be missing breaks callers that read it
        if b.required:
            add("required", "non-breaking", False, True, "now always returned")
        else:
            add("required", "breaking", True, False, "now optional (may be missing)")
    for kind in constraints.KINDS:
        for delta in kind.diff(a, b, request):
            add(delta.aspect, delta.severity, delta.old, delta.new, delta.message)
    if a.description != b.description:
        add("description", "docs", None, None, "description reworded")
    if a.example != b.example:
        add("example", "docs", a.example, b.example, "example changed")
    return out


def _type(p: model.Parameter) -> str:
    return f"array<{p.items}>" if p.type == "array" and p.items else p.type


def _rule_key(rule: model.Rule) -> str:
    return json.dumps(_plain(rule, "description"), sort_keys=True)


def _rules(key: str, old: list[model.Rule], new: list[model.Rule]) -> list[Change]:
    a = {_rule_key(r): r for r in old}
    b = {_rule_key(r): r for r in new}
    out = []
    for k in sorted(a.keys() - b.keys()):
        out.append(
            Change(
                key,
                "rule",
                "removed",
                "non-breaking",
                _describe_rule(a[k]),
                None,
                f"rule removed: {_describe_rule(a[k])}",
            )
        )
    for k in sorted(b.keys() - a.keys()):
        out.append(
            Change(
                key,
                "rule",
                "added",
                "breaking",
                None,
                _describe_rule(b[k]),
                f"new rule: {_describe_rule(b[k])}",
            )
        )
    return out


def _describe_rule(rule: model.Rule) -> str:
    if rule.kind == "requires":
        return f"{rule.parameters[0]} requires {', '.join(rule.requires)}"
    if rule.kind == "one_of":
        return "one of " + " | ".join("+".join(g) for g in rule.groups)
    return f"{rule.kind.replace('_', ' ')}: {', '.join(rule.parameters)}"


def _limits(key: str, a: model.Operation, b: model.Operation) -> list[Change]:
    out: list[Change] = []
    qa = {(q.resource, q.scope): q.limit for q in a.quotas}
    qb = {(q.resource, q.scope): q.limit for q in b.quotas}
    for k in sorted(qa.keys() | qb.keys()):
        out.extend(_limit(key, f"quota {k[0]} per {k[1]}", qa.get(k), qb.get(k)))
    ra = {r.per_seconds: r.requests for r in a.rate_limits}
    rb = {r.per_seconds: r.requests for r in b.rate_limits}
    for per in sorted(ra.keys() | rb.keys()):
        out.extend(_limit(key, f"rate limit per {per}s", ra.get(per), rb.get(per)))
    return out


def _limit(key: str, subject: str, x: int | None, y: int | None) -> list[Change]:
    """A quota or rate limit: a lower (or new) limit refuses calls that used to pass."""
    if x == y:
        return []
    if y is None:
        return [
            Change(
                key, subject, "removed", "non-breaking", x, None, f"no longer documented (was {x})"
            )
        ]
    if x is None:
        return [Change(key, subject, "limit", "breaking", None, y, f"limit now documented: {y}")]
    if y < x:
        return [Change(key, subject, "limit", "breaking", x, y, f"lowered from {x} to {y}")]
    return [Change(key, subject, "limit", "non-breaking", x, y, f"raised from {x} to {y}")]


def _errors(key: str, old: list[model.ErrorCode], new: list[model.ErrorCode]) -> list[Change]:
    a = {e.code: e for e in old}
    b = {e.code: e for e in new}
    out = []
    for code in sorted(a.keys() - b.keys()):
        out.append(
            Change(
                key,
                f"error {code}",
                "removed",
                "breaking",
                code,
                None,
                "error code removed (callers may handle it)",
            )
        )
    for code in sorted(b.keys() - a.keys()):
        out.append(
            Change(key, f"error {code}", "added", "non-breaking", None, code, "error code added")
        )
    for code in sorted(a.keys() & b.keys()):
        if a[code].status != b[code].status:
            out.append(
                Change(
                    key,
                    f"error {code}",
                    "status",
                    "breaking",
                    a[code].status,
                    b[code].status,
                    f"HTTP status changed from {a[code].status} to {b[code].status}",
                )
            )
        elif (a[code].message, a[code].meaning) != (b[code].message, b[code].meaning):
            out.append(
                Change(key, f"error {code}", "text", "docs", None, None, "error text reworded")
            )
    return out


# --- output ------------------------------------------------------------------------------


def counts(changes: list[Change]) -> dict[str, int]:
    return {s: sum(1 for c in changes if c.severity == s) for s in SEVERITIES}


def render_text(changes: list[Change], summary_only: bool = False) -> str:
    n = counts(changes)
    head = f"spec changes: {n['breaking']} breaking, {n['non-breaking']} non-breaking, {n['docs']} documentation"
    if summary_only:
        lines = [head]
        lines += [
            f"  {c.severity.upper():13} {c.operation}: {c.subject}: {c.message}"
            for c in changes
            if c.severity != "docs"
        ]
        return "\n".join(lines)
    lines = []
    for op in sorted({c.operation for c in changes}):
        lines.append(op)
        for c in (c for c in changes if c.operation == op):
            lines.append(f"  {c.severity.upper():13} {c.subject}: {c.message}")
    lines.append(head)
    return "\n".join(lines)


def render_markdown(changes: list[Change]) -> str:
    from .render.filters import md_cell

    n = counts(changes)
    lines = [
        "## Spec changes",
        "",
        f"**{n['breaking']} breaking**, {n['non-breaking']} non-breaking, {n['docs']} documentation only.",
        "",
    ]
    if changes:
        lines += ["| severity | operation | what | change |", "|---|---|---|---|"]
        lines += [
            f"| {c.severity} | {md_cell(c.operation)} | {md_cell(c.subject)} | {md_cell(c.message)} |"
            for c in changes
        ]
    return "\n".join(lines)


def render_json(changes: list[Change]) -> str:
    """The JSON form (documented in README.md, "Use in other repos"):

        {"summary": {"breaking": 1, "non-breaking": 0, "docs": 1},
         "changes": [{"operation": "tencent/CreateLifecycleHook",
                      "subject": "parameter HeartbeatTimeout",
                      "aspect": "range", "severity": "breaking",
                      "old": "30..7200", "new": "30..3600",
                      "message": "range narrowed from 30..7200 to 30..3600"}, ...]}

    - summary: the number of changes of each severity (all three keys, always).
    - operation: "provider/Operation"; subject: "operation", "parameter <dotted path>",
      "response field <dotted path>", "rule", "error <code>", "quota <resource> per <scope>",
      "rate limit per <n>s".
    - aspect: "added", "removed", or what changed: "required", "type", "location", "range",
      "length", "range unit", "length unit", "enum", "pattern", "default", "format", "nullable",
      "idempotency token" (each constraint kind's name), "limit", "status",
      an operation field ("method", "path", "endpoint", "api_version", ...), or a documentation
      aspect ("description", "example", "examples", "summary", "text", "statuses").
    - severity: "breaking", "non-breaking" or "docs".
    - old / new: the value before and after, null where there was none: bounds as "min..max"
      ("-inf"/"inf" when open), enums as lists of values, required as booleans, names or codes
      for added/removed, limits as numbers, statuses as lists, examples as how many there
      are; null for reworded text.
    - message: the change in words, as the text form prints it.
    Changes come in the order of the text form: by operation, then in page order.
    """
    doc = {"summary": counts(changes), "changes": [asdict(c) for c in changes]}
    return json.dumps(doc, indent=2, ensure_ascii=False, default=str)


# --- sides: a folder of specs or a git revision ------------------------------------------


def load_side(side: str, specs_rel: str, root: Path) -> list[model.Operation]:
    from .extract import load_specs

    path = Path(side)
    if path.is_dir():
        inner = path / specs_rel if (path / specs_rel).is_dir() else path
        return load_specs(inner, root)
    return _load_revision(side, specs_rel, root)


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise SpecgenError(Problem("git", 0, "git is not installed")) from None
    if done.returncode != 0:
        raise SpecgenError(
            Problem(
                "git",
                0,
                done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "git failed",
            )
        )
    return done.stdout


def _load_revision(rev: str, specs_rel: str, root: Path) -> list[model.Operation]:
    try:
        top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
    except SpecgenError:
        raise SpecgenError(
            Problem(rev, 0, "no such specs directory, and not in a git checkout to find a revision")
        ) from None
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    except SpecgenError:
        raise SpecgenError(
            Problem(rev, 0, "neither a specs directory nor a git revision of this checkout")
        ) from None
    # The specs folder as a path inside the repository (the project may be a sub-folder of it).
    prefix = (root.resolve().relative_to(top.resolve()) / specs_rel).as_posix()
    prefix = prefix.removeprefix("./")
    names = _git(top, "ls-tree", "-r", "--name-only", rev, "--", prefix).splitlines()
    ops: list[model.Operation] = []
    problems: list[Problem] = []
    for name in sorted(names):
        rel = name[len(prefix) :].lstrip("/")
        if not name.endswith(".yaml") or rel.count("/") != 1 or rel.startswith("overlays/"):
            continue
        text = _git(top, "show", f"{rev}:{name}")
        try:
            ops.append(spec_io.parse_operation(text, f"{rev}:{name}"))
        except SpecgenError as err:
            problems.extend(err.problems)
    if problems:
        raise SpecgenError(problems)
    return ops


def run(args: argparse.Namespace, cfg: Config) -> int:
    specs_rel = args.specs or cfg.specs.relative_to(cfg.root).as_posix()
    if args.base:
        if args.old or args.new:
            raise SpecgenError(
                Problem("--base", 0, "give either --base REV or OLD [NEW], not both")
            )
        old_side, new_side = args.base, str(cfg.root)
    elif args.old:
        old_side, new_side = args.old, args.new or str(cfg.root)
    else:
        raise SpecgenError(Problem("diff", 0, "nothing to compare: give OLD [NEW] or --base REV"))
    changes = compare(
        load_side(old_side, specs_rel, cfg.root), load_side(new_side, specs_rel, cfg.root)
    )
    render = {"text": render_text, "markdown": render_markdown, "json": render_json}[args.format]
    print(render(changes))
    if args.fail_on == "any" and changes:
        return EXIT_STALE
    if args.fail_on == "breaking" and any(c.severity == "breaking" for c in changes):
        return EXIT_STALE
    return EXIT_OK
