"""The `specgen` command. Exit codes: 0 ok, 1 stale (check) or matched (diff --fail-on),
2 bad input (one `file:line: error: message` line per problem, nothing written)."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import jinja2

from . import config as config_mod
from . import extract as extract_mod
from . import providers, writer
from .errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_STALE, Problem, SpecgenError
from .model import Operation
from .render.python_format import GeneratedCodeError


def _config(args: argparse.Namespace) -> config_mod.Config:
    cfg = config_mod.load(Path.cwd())
    for key in ("sources", "specs", "out", "overlays"):
        value = getattr(args, key, None)
        if value is not None:
            setattr(cfg, key, Path(value))
    targets = getattr(args, "target", None)
    if targets:
        unknown = [t for t in targets if t not in config_mod.TARGETS]
        if unknown:
            raise SpecgenError([Problem("--target", 0, f"unknown target {t!r}") for t in unknown])
        cfg.targets = tuple(targets)
    family = getattr(args, "family", None)
    if family:
        cfg.family = family
    return cfg


def _extract(
    cfg: config_mod.Config, paths: list[Path] | None, *, keep_going: bool = False
) -> tuple[list[Operation], list[Problem]]:
    """The operations of the pages (overlays applied) and, with `keep_going`, the problems of
    the pages that did not read; without it, any problem raises."""
    from . import overlays

    result = extract_mod.extract(
        paths or [cfg.sources],
        cfg.root,
        family=cfg.family,
        select=cfg.select,
        keep_going=keep_going,
    )
    operations = result.operations
    if cfg.providers:
        operations = [op for op in operations if op.provider in cfg.providers]
    return overlays.apply_all(operations, cfg), result.problems


def _out_plan(
    cfg: config_mod.Config, operations: list[Operation], args: argparse.Namespace
) -> writer.Plan:
    """generated/ as it should be. With `--target`, only those targets' files are replaced;
    the files of the others stay, as the manifest says who wrote what."""
    from .render import render_targets

    by_target = render_targets(operations, cfg.targets, cfg.templates, cfg.package_prefix)
    outputs: dict[str, bytes] = {}
    owners: dict[str, list[str]] = {}
    for target, files in by_target.items():
        outputs.update(files)
        for path in files:
            owners.setdefault(path, []).append(target)
    scope = cfg.targets if getattr(args, "target", None) else None
    return writer.plan(cfg.out, outputs, owners=owners, scope=scope)


def _summary(operations: list[Operation], plans: list[writer.Plan]) -> str:
    per = Counter(op.provider for op in operations)
    ops = ", ".join(f"{p} {n}" for p, n in sorted(per.items())) or "none"
    written = sum(len([f for f in p.written if f != writer.MANIFEST]) for p in plans)
    unchanged = sum(len([f for f in p.unchanged if f != writer.MANIFEST]) for p in plans)
    removed = sum(len(p.removed) for p in plans)
    return (
        f"operations: {ops} ({sum(per.values())} in all); "
        f"files: {written} written, {unchanged} unchanged, {removed} removed"
    )


def cmd_extract(args: argparse.Namespace) -> int:
    cfg = _config(args)
    paths = [Path(p) for p in args.paths] or None
    operations, problems = _extract(cfg, paths, keep_going=args.keep_going)
    # Specs of pages that did not read stay as they were: a page that failed is not a page
    # that is gone, so nothing is pruned then.
    prune = paths is None and not problems
    plan = writer.plan(cfg.specs, extract_mod.spec_files(operations), prune=prune)
    writer.apply(plan)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(_summary(operations, [plan]))
    if problems:
        print(
            f"specgen extract: {len(problems)} problem(s); specs written for the pages that read",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    return EXIT_OK


def cmd_generate(args: argparse.Namespace) -> int:
    cfg = _config(args)
    operations = extract_mod.load_specs(cfg.specs, cfg.root)
    if cfg.providers:
        operations = [op for op in operations if op.provider in cfg.providers]
    plan = _out_plan(cfg, operations, args)
    writer.apply(plan)
    print(_summary(operations, [plan]))
    return EXIT_OK


def _build_plans(
    cfg: config_mod.Config, args: argparse.Namespace
) -> tuple[list[Operation], list[writer.Plan]]:
    operations, _ = _extract(cfg, None)
    spec_plan = writer.plan(cfg.specs, extract_mod.spec_files(operations))
    return operations, [spec_plan, _out_plan(cfg, operations, args)]


def cmd_build(args: argparse.Namespace) -> int:
    from . import build_memo
    from . import diff as diff_mod

    cfg = _config(args)
    try:
        before = extract_mod.load_specs(cfg.specs, cfg.root)
    except SpecgenError:
        before = []  # unreadable old specs: the rebuild replaces them; nothing to compare
    operations, plans = _build_plans(cfg, args)
    for plan in plans:
        writer.apply(plan)
    build_memo.remember(_memo_key(cfg, args), plans)
    changes = diff_mod.compare(before, operations)
    if changes:
        print(diff_mod.render_text(changes, summary_only=True))
    print(_summary(operations, plans))
    return EXIT_OK


def _memo_key(cfg: config_mod.Config, args: argparse.Namespace) -> str:
    from . import build_memo
    from .render import default_templates

    templates = cfg.templates or default_templates()
    return build_memo.inputs_key(cfg, bool(getattr(args, "target", None)), templates)


def cmd_check(args: argparse.Namespace) -> int:
    from . import build_memo

    cfg = _config(args)
    memo = _memo_key(cfg, args)
    if build_memo.is_current(memo, [cfg.specs, cfg.out]):
        print("specgen check: specs and generated output are current")
        return EXIT_OK
    _, plans = _build_plans(cfg, args)
    labels = [_label(cfg.specs, cfg.root), _label(cfg.out, cfg.root)]
    text = "".join(writer.unified_diff(p, label) for p, label in zip(plans, labels, strict=True))
    stale = [f for p in plans for f in p.written + p.removed]
    if not stale:
        build_memo.remember(memo, plans)
        print("specgen check: specs and generated output are current")
        return EXIT_OK
    sys.stdout.write(text)
    print(f"specgen check: {len(stale)} file(s) would change; run `specgen build`", file=sys.stderr)
    return EXIT_STALE


def _label(path: Path, root: Path) -> str:
    from .sources import display_path

    return display_path(path, root)


def cmd_diff(args: argparse.Namespace) -> int:
    from . import diff as diff_mod

    return diff_mod.run(args, _config(args))


def cmd_mock(args: argparse.Namespace) -> int:
    from . import mock_runner

    code: int = mock_runner.run(args, _config(args))
    return code


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="specgen",
        description="Extract specs from cloud API doc pages and generate code from them.",
        epilog="Exit codes: 0 ok; 1 stale output (check) or changes found (diff --fail-on); "
        "2 bad input, nothing written.",
    )
    sub = p.add_subparsers(dest="command", required=True)

    def dirs(sp: argparse.ArgumentParser, *, sources: bool, out: bool) -> None:
        if sources:
            sp.add_argument("--sources", metavar="DIR", help="doc pages (default: sources/)")
        sp.add_argument("--specs", metavar="DIR", help="spec YAML files (default: specs/)")
        if out:
            sp.add_argument("--out", metavar="DIR", help="generated files (default: generated/)")
        sp.add_argument("--overlays", metavar="DIR", help="hand corrections applied to specs")

    sp = sub.add_parser("extract", help="sources -> specs")
    sp.add_argument("paths", nargs="*", metavar="PATH", help="pages or folders (default: sources/)")
    sp.add_argument("--family", metavar="NAME", help="read every page as this doc family")
    sp.add_argument(
        "--keep-going",
        action="store_true",
        help="write the specs of the pages that read, list the others (exit 2)",
    )
    dirs(sp, sources=False, out=False)
    sp.set_defaults(func=cmd_extract)

    sp = sub.add_parser("generate", help="specs -> generated")
    dirs(sp, sources=False, out=True)
    sp.add_argument(
        "--target", action="append", metavar="NAME", help="only this target (repeatable)"
    )
    sp.set_defaults(func=cmd_generate)

    for name, func, text in (
        ("build", cmd_build, "extract, then generate"),
        ("check", cmd_check, "fail when specs or generated output are stale"),
    ):
        sp = sub.add_parser(name, help=text)
        dirs(sp, sources=True, out=True)
        sp.add_argument("--target", action="append", metavar="NAME", help="only this target")
        sp.set_defaults(func=func)

    sp = sub.add_parser(
        "diff", help="what changed between two spec sets, and whether it breaks callers"
    )
    sp.add_argument("old", nargs="?", help="specs directory or git revision")
    sp.add_argument(
        "new", nargs="?", help="specs directory or git revision (default: working tree)"
    )
    sp.add_argument("--base", metavar="REV", help="compare the working tree's specs with REV")
    sp.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    sp.add_argument("--fail-on", choices=("breaking", "any"), help="exit 1 when such changes exist")
    sp.add_argument("--specs", metavar="DIR", help="the specs folder inside each side")
    sp.set_defaults(func=cmd_diff)

    sp = sub.add_parser("mock", help="serve a generated mock server")
    sp.add_argument("provider", choices=providers.names())
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=0)
    sp.add_argument("--group", action="append", default=[], metavar="ID")
    sp.add_argument("--credentials", action="append", default=[], metavar="AK:SK")
    sp.add_argument("--no-auth", action="store_true")
    sp.add_argument("--out", metavar="DIR", help="generated files (default: generated/)")
    sp.set_defaults(func=cmd_mock)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except SpecgenError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    except (GeneratedCodeError, jinja2.TemplateError) as err:
        # a template (the project's or the user's own) is broken: say which, no traceback
        where = getattr(err, "filename", None) or getattr(err, "name", None) or "template"
        line = getattr(err, "lineno", None)
        print(f"{where}:{line or 0}: error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
