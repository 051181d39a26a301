"""Constraint mining: small named rules that read constraints out of English and Chinese prose.

Entry points (called by `generator.extract` after a reader has run):
    mine_parameter(param, lines, file)  fills param.range / length / enum / pattern / default
                                        where the reader left them None (structured facts, such
                                        as Dart validateStringLength, win over prose)
    mine_operation(result, file)        quotas and rate limits from the operation's prose,
                                        rules across parameters from every parameter's prose

A rule that cannot read a sentence leaves it alone: it never guesses a number.
Every fact found gets a Source(file, line, "stated", quote=<the words it was read from>).

One module per kind of fact (ranges, defaults, enums, lengths, charsets, rules, quotas), each
a list of small rule functions, one per phrase family; `text` turns the reader's lines into
blocks and sentences that remember their page lines, `numbers` reads numbers and units.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import constraints, model
from ..readers import Lines, ReadResult
from . import charsets, defaults, enums, lengths, numbers, quotas, ranges, rules, text

# The miner of each constraint kind (generator.constraints), by kind name: it reads the
# parameter's blocks and sentences and returns the kind's value, or None.
Miner = Callable[[model.Parameter, list[text.Block], list[text.Sentence], str], Any]


def _default(
    param: model.Parameter, parts: list[text.Block], found: list[text.Sentence], file: str
) -> model.Default | None:
    """Mined after the range and the enum: a default must be one of the values they allow."""
    unit = param.range.unit if param.range and param.range.unit else numbers.stated_unit(found)
    default = defaults.find_default(param, found, file, unit)
    return _fitted(param, default) if default is not None else None


MINERS: dict[str, Miner] = {
    "range": lambda param, parts, found, file: ranges.find_range(param, found, file),
    "length": lambda param, parts, found, file: lengths.find_length(param, found, file),
    "enum": enums.find_enum,
    "pattern": lambda param, parts, found, file: charsets.find_pattern(param, found, file),
    "default": _default,
}


def mine_parameter(param: model.Parameter, lines: Lines, file: str) -> None:
    """Fill the constraint slots of `param` that are None from its description lines, kind
    by kind in the table's order."""
    parts = text.blocks(lines)
    found = text.sentences(parts)
    for kind in constraints.KINDS:
        miner = MINERS.get(kind.name)
        if miner is not None and kind.value(param) is None:
            setattr(param, kind.field, miner(param, parts, found, file))


def _fitted(param: model.Parameter, default: model.Default) -> model.Default | None:
    """The default as one of the parameter's own values. "Default value: Automatic" with the
    values FIRST_BATCH_PAUSE, ..., AUTOMATIC is AUTOMATIC; a default outside the enum or the
    range means one of them was misread: no default."""
    value = default.value
    if param.enum is not None and all(v.value != value for v in param.enum.values):
        same = [v.value for v in param.enum.values if str(v.value).lower() == str(value).lower()]
        if len(same) != 1:
            return None
        value = same[0]
    if param.range is not None and isinstance(value, int | float) and not isinstance(value, bool):
        if param.range.min is not None and value < param.range.min:
            return None
        if param.range.max is not None and value > param.range.max:
            return None
    return model.Default(default.source, value)


def _same_rule(a: model.Rule, b: model.Rule) -> bool:
    return (
        a.kind == b.kind
        and set(a.parameters) == set(b.parameters)
        and set(a.requires) == set(b.requires)
        and sorted(map(sorted, a.groups)) == sorted(map(sorted, b.groups))
    )


def mine_operation(result: ReadResult, file: str) -> None:
    """Add the quotas, rate limits and cross-parameter rules the prose states to the
    operation, keeping whatever the reader already set."""
    op = result.operation
    found = text.read(result.operation_text)
    for quota in quotas.find_quotas(found, file):
        if not any((q.resource, q.scope) == (quota.resource, quota.scope) for q in op.quotas):
            op.quotas.append(quota)
    for rate in quotas.find_rate_limits(found, file):
        if not any(r.per_seconds == rate.per_seconds for r in op.rate_limits):
            op.rate_limits.append(rate)
    for rule in rules.find_rules(op.parameters, result.parameter_text, result.operation_text, file):
        if not any(_same_rule(rule, r) for r in op.rules):
            op.rules.append(rule)
    for note in rules.conditional_notes(
        op.parameters, result.parameter_text, result.operation_text
    ):
        if note not in op.notes:
            op.notes.append(note)
