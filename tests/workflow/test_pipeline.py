"""The pipeline as a user drives it: `extract --keep-going`, `generate --target` next to the
other targets' files, file modes, the per-provider summary of `build`, and the formatting
cache that keeps `check` fast (generator/render/python_format.py)."""

from __future__ import annotations

import stat
from pathlib import Path

import black
import pytest

from generator import cli, writer
from generator.render import python_format

from . import workspace as ws

BROKEN = "Just some notes.\nNothing like an API page.\n"


@pytest.fixture
def aws_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = ws.make_project(tmp_path / "project", ["aws"])
    monkeypatch.chdir(root)
    return root


def test_keep_going_writes_the_pages_that_read_and_lists_the_others(aws_project: Path) -> None:
    (aws_project / "sources" / "aws" / "notes.txt").write_text(BROKEN)
    run = ws.specgen("extract")
    assert run.code == 2 and "sources/aws/notes.txt:1: error: unrecognised page" in run.err
    assert ws.tree_digest(aws_project / "specs") == {}  # all or nothing without the option

    run = ws.specgen("extract", "--keep-going")
    assert run.code == 2, run.err
    assert run.err.splitlines()[0].startswith("sources/aws/notes.txt:1: error: unrecognised page")
    assert "Traceback" not in run.err
    pages = [p for p in (aws_project / "sources" / "aws").glob("*.txt") if p.name != "notes.txt"]
    written = sorted((aws_project / "specs" / "aws").glob("*.yaml"))
    assert len(written) == len(pages) > 0


def test_keep_going_keeps_the_spec_of_a_page_that_stopped_reading(aws_project: Path) -> None:
    assert ws.specgen("extract").code == 0
    specs = aws_project / "specs"
    before = ws.tree_digest(specs)
    page = aws_project / "sources" / "aws" / "putLifecycleHook.txt"
    page.write_text(BROKEN)
    run = ws.specgen("extract", "--keep-going")
    assert run.code == 2 and "sources/aws/putLifecycleHook.txt:1: error:" in run.err
    assert ws.tree_digest(specs) == before  # a page that fails is not a page that is gone
    assert "aws/PutLifecycleHook.yaml" in writer.previous_manifest(specs)


def test_generate_one_target_leaves_the_other_targets_files(aws_project: Path) -> None:
    assert ws.specgen("extract").code == 0
    assert ws.specgen("generate").code == 0
    out = aws_project / "generated"
    everything = ws.tree_digest(out)
    assert {"openapi/aws.yaml", "docs/aws.md"} <= set(everything)

    run = ws.specgen("generate", "--target", "docs")
    assert run.code == 0, run.err
    assert "0 removed" in run.out
    assert ws.tree_digest(out) == everything

    # every aws operation gone: a docs run removes only the docs page
    for spec in (aws_project / "specs" / "aws").glob("*.yaml"):
        spec.unlink()
    assert ws.specgen("generate", "--target", "docs").code == 0
    left = ws.tree_digest(out)
    assert "docs/aws.md" not in left and "openapi/aws.yaml" in left
    assert set(everything) - set(left) == {"docs/aws.md"}


def test_every_written_file_is_0644(aws_project: Path) -> None:
    assert ws.specgen("build").code == 0
    files = [p for d in ("specs", "generated") for p in (aws_project / d).rglob("*") if p.is_file()]
    assert files
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o644}


def test_build_says_how_many_operations_it_read_per_provider(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = ws.make_project(tmp_path / "project", ["aws", "huawei"])
    monkeypatch.chdir(root)
    run = ws.build()
    counts = {p: len(list((root / "specs" / p).glob("*.yaml"))) for p in ("aws", "huawei")}
    assert (
        f"operations: aws {counts['aws']}, huawei {counts['huawei']} ({sum(counts.values())} in all)"
        in run.out
    )


SOURCE = "def f( a,b ):\n  return {'a':a,\n 'b':b}\n"


def _entries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_formatting_is_cached_by_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPECGEN_CACHE_DIR", str(tmp_path / "cache"))
    expected = black.format_str(SOURCE, mode=python_format._MODE)
    assert python_format.format_python(SOURCE, "t.py") == expected
    assert len(_entries(tmp_path / "cache")) == 1

    def no_black(*_args: object, **_kwargs: object) -> str:
        raise AssertionError("black ran although the cache holds the answer")

    monkeypatch.setattr(python_format.black, "format_str", no_black)
    assert python_format.format_python(SOURCE, "t.py") == expected


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a digest\nx = 1\n", b"\xff\xfe\x00", None],
    ids=["empty", "wrong-digest", "binary", "body-changed"],
)
def test_a_corrupt_cache_entry_is_formatted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes | None
) -> None:
    monkeypatch.setenv("SPECGEN_CACHE_DIR", str(tmp_path / "cache"))
    expected = python_format.format_python(SOURCE, "t.py")
    [entry] = _entries(tmp_path / "cache")
    if damage is None:  # the digest line kept, the text after it altered
        digest, _, _ = entry.read_bytes().partition(b"\n")
        damage = digest + b"\nimport os\n"
    entry.write_bytes(damage)
    assert python_format.format_python(SOURCE, "t.py") == expected
    assert python_format.format_python(SOURCE, "t.py") == expected  # and the entry was repaired
    assert entry.read_bytes().endswith(expected.encode())


def test_an_unwritable_or_disabled_cache_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = black.format_str(SOURCE, mode=python_format._MODE)
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("SPECGEN_CACHE_DIR", str(blocked))
    assert python_format.format_python(SOURCE, "t.py") == expected
    monkeypatch.setenv("SPECGEN_CACHE_DIR", "")
    assert python_format.cache_dir() is None
    assert python_format.format_python(SOURCE, "t.py") == expected


def test_the_cache_is_outside_the_outputs(
    aws_project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("SPECGEN_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert ws.build().code == 0
    assert _entries(tmp_path / "xdg" / "specgen" / "black")
    assert not [p for p in aws_project.rglob("*") if "cache" in p.name.lower()]


@pytest.fixture
def small_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = ws.make_project(tmp_path / "small", ["aws/putLifecycleHook.txt"])
    monkeypatch.chdir(root)
    monkeypatch.setenv("SPECGEN_CACHE_DIR", str(tmp_path / "cache"))
    return root


def _no_build(*_args: object) -> None:
    raise AssertionError("check built again although the remembered build matches")


def test_check_after_build_only_compares_hashes(
    small_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws.build()
    monkeypatch.setattr(cli, "_build_plans", _no_build)
    run = ws.specgen("check")
    assert run.code == 0 and "current" in run.out


def test_check_builds_again_when_an_output_or_an_input_changed(
    small_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws.build()
    spec = small_project / "specs" / "aws" / "PutLifecycleHook.yaml"
    spec.write_text(spec.read_text().replace("HeartbeatTimeout", "HeartbeatTimeOut", 1))
    run = ws.specgen("check")
    assert run.code == 1 and "HeartbeatTimeOut" in run.out  # the output changed: stale
    ws.build()
    page = small_project / "sources" / "aws" / "putLifecycleHook.txt"
    text = page.read_text()
    assert "from 30 to 7200 seconds" in text
    page.write_text(text.replace("from 30 to 7200 seconds", "from 30 to 3600 seconds"))
    built: list[object] = []
    real = cli._build_plans

    def counting(*args: object) -> object:
        built.append(args)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "_build_plans", counting)
    run = ws.specgen("check")
    assert built and run.code == 1  # an input changed: built again, and the output is stale
