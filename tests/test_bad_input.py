"""Bad input: exit 2, one clear `file:line: error:` line per problem, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

SEED = "sources/huawei/creating_a_lifecycle_hook.rst"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.err


def only_page(project: Path, name: str, content: bytes) -> Path:
    page = project / "pages" / name
    page.parent.mkdir(exist_ok=True)
    page.write_bytes(content)
    return page


@pytest.mark.parametrize(
    ("name", "content", "line", "words"),
    [
        ("empty.md", b"", 1, "empty file"),
        ("blank.txt", b"\n  \n", 1, "empty file"),
        ("binary.rst", b"abc\n\x00\x01\x02", 2, "binary file"),
        ("latin1.md", "# Title\n\ncaf\u00e9".encode("latin-1"), 3, "invalid UTF-8"),
        ("unknown.txt", b"Just some notes.\nNothing like an API page.\n", 1, "unrecognised page"),
    ],
)
def test_unreadable_pages(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
    line: int,
    words: str,
) -> None:
    only_page(project, name, content)
    code, err = run(capsys, "extract", "pages", "--specs", "out-specs")
    assert code == 2
    lines = err.strip().splitlines()
    assert lines == [lines[0]], err
    assert lines[0].startswith(f"pages/{name}:{line}: error: "), err
    assert words in lines[0]
    assert "Traceback" not in err
    assert not (project / "out-specs").exists()


def test_one_bad_page_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A good page beside a bad one: still exit 2 and no spec at all (no partial output)."""
    good = (project / SEED).read_bytes()
    only_page(project, "good.rst", good)
    only_page(project, "bad.md", b"\x00")
    code, err = run(capsys, "extract", "pages", "--specs", "out-specs")
    assert code == 2
    assert "pages/bad.md:1: error:" in err
    assert not (project / "out-specs").exists()


def test_truncated_grid_table(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = (project / SEED).read_text(encoding="utf-8").split("\n")
    # cut the request table in the middle of a row
    start = next(i for i, ln in enumerate(lines) if "lifecycle_hook_type    | Yes" in ln)
    only_page(project, "cut.rst", "\n".join(lines[: start + 2]).encode())
    code, err = run(capsys, "extract", "pages", "--specs", "out-specs")
    assert code == 2
    assert err.startswith("pages/cut.rst:"), err
    assert "Traceback" not in err
    assert not (project / "out-specs").exists()


def test_missing_cells_in_markdown_row(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (project / "sources/alibaba/CreateLifecycleHook.md").read_text(encoding="utf-8")
    broken = text.replace("|ScalingGroupId|String|是|", "|ScalingGroupId|String|", 1)
    bad_line = broken.split("\n").index(
        next(ln for ln in broken.split("\n") if ln.startswith("|ScalingGroupId|"))
    )
    only_page(project, "rows.md", broken.encode())
    code, err = run(capsys, "extract", "pages", "--specs", "out-specs")
    assert code == 2
    assert err.startswith(f"pages/rows.md:{bad_line + 1}: error: "), err
    # the short row is read as GFM renders it (missing cells empty): its shifted cells fail
    assert "required column says 'asg-" in err


def test_unknown_family(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(capsys, "extract", SEED, "--family", "cobol", "--specs", "out-specs")
    assert code == 2
    assert "unknown family 'cobol'" in err


def test_forced_family_reads_or_fails_cleanly(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--family forces a reader: the wrong one fails with a message, not a traceback."""
    code, err = run(capsys, "extract", SEED, "--family", "aws-dart", "--specs", "out-specs")
    assert code == 2
    assert err.startswith(SEED + ":"), err
    assert "Traceback" not in err
