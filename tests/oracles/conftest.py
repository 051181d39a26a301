from __future__ import annotations

import pytest

from .compare import SUMMARY


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The agreement figures of every oracle that ran, at the end of the run."""
    if SUMMARY:
        terminalreporter.section("oracle agreement")
        for line in SUMMARY:
            terminalreporter.write_line(line)
