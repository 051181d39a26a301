"""Doc readers: one module per doc family, each chosen by sniffing the page's content.

A reader turns one page into `ReadResult`s: the operation it describes (structure only:
parameters, types, required flags, tables, examples, errors, statuses) plus the prose lines it
came from, so that `generator.mining` can find the constraints the prose states and cite the
line. Readers never know about templates or mining; mining never knows about formats.

Each reader is a package with the same modules (CONTRIBUTING.md, "Adding a doc family") whose
`__init__` has:
    FAMILY: str                       the family name (`--family` takes it)
    def sniff(page: Page) -> bool     does this content belong to the family?
    def read(page: Page) -> ReadOutput
and, for a machine-readable model rather than a page, optionally:
    IS_MODEL: bool                    a doc page of the same operation wins over it
    def companions(page) -> list[str] the files read with it, named even when it fails to read
Raise `generator.errors.fail(page.path, line, message)` for bad input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import ModuleType

from .. import model

# (line, text) pairs: the prose a fact may be mined from. Text is plain: markup removed,
# bullet items as lines starting with "- ", a blank "" entry between paragraphs.
Lines = list[tuple[int, str]]


@dataclass(frozen=True)
class Page:
    path: str  # display path, relative and POSIX-style: what provenance records
    fs_path: str  # where to open it (and its companions) on disk
    text: str  # decoded UTF-8, newlines normalised to "\n"

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass
class ReadResult:
    operation: model.Operation
    # prose per parameter, keyed by dotted path as model.walk_parameters gives it
    # ("NotificationTarget.TargetType"); request parameters only
    parameter_text: dict[str, Lines] = field(default_factory=dict)
    # prose about the operation as a whole (where quotas, rate limits, rules are stated)
    operation_text: Lines = field(default_factory=list)


@dataclass
class ReadOutput:
    results: list[ReadResult] = field(default_factory=list)
    # other files this reader read as part of the same source (a model's companions), as
    # display paths; extraction does not try to sniff them as pages of their own
    consumed: list[str] = field(default_factory=list)


# Readers registered from outside this package (see `register`), sniffed after the built-in ones.
PLUGINS: list[ModuleType] = []


def registry() -> list[ModuleType]:
    """Readers in sniffing order; the first whose sniff() says yes reads the page."""
    from . import alibaba_md, aws_dart, huawei_rst, tencent_model, tencent_text

    return [huawei_rst, alibaba_md, tencent_text, aws_dart, tencent_model, *PLUGINS]


def register(reader: ModuleType) -> ModuleType:
    """Make a reader module defined outside this package (a plug-in's doc family) known to
    extraction; it has the attributes listed above."""
    if by_family(reader.FAMILY) not in (None, reader):
        raise ValueError(f"doc family {reader.FAMILY!r} is already known")
    if reader not in PLUGINS:
        PLUGINS.append(reader)
    return reader


def by_family(name: str) -> ModuleType | None:
    for reader in registry():
        if reader.FAMILY == name:
            return reader
    return None
