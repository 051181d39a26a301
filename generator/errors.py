"""Problems with input, reported as `file:line: error: message` lines, never as tracebacks."""

from __future__ import annotations

from dataclasses import dataclass

# Exit codes, documented in README.md.
EXIT_OK = 0
EXIT_STALE = 1  # `specgen check`: committed output differs; `specgen diff --fail-on`: matched
EXIT_BAD_INPUT = 2  # a page, spec, overlay or option could not be used; nothing was written


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: error: {self.message}"


class SpecgenError(Exception):
    """One or more problems with input. Raised by readers, spec loading and overlays."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__("\n".join(str(p) for p in self.problems))


def fail(file: str, line: int, message: str) -> SpecgenError:
    """Build the error for one problem: `raise fail(path, 41, "table row has 3 cells")`."""
    return SpecgenError(Problem(file, line, message))
