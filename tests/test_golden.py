"""specs/ and generated/ are the golden files: a build from sources/ and templates/ in a
temporary directory reproduces them byte for byte, and `specgen check` notices any drift."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and not p.name.endswith(".pyc")
    }


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Only the inputs: sources, templates, pyproject and the hand-written specs files."""
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "specs").mkdir()
    shutil.copy(ROOT / "specs" / "README.md", tmp_path / "specs" / "README.md")
    if (ROOT / "specs" / "overlays").is_dir():
        shutil.copytree(ROOT / "specs" / "overlays", tmp_path / "specs" / "overlays")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_build_reproduces_goldens(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build"]) == 0
    for folder in ("specs", "generated"):
        built, committed = tree(fresh / folder), tree(ROOT / folder)
        assert sorted(built) == sorted(committed), f"{folder}/: file lists differ"
        stale = [name for name in built if built[name] != committed[name]]
        assert not stale, f"{folder}/ differs from a fresh build: {stale[:5]}; run `specgen build`"


def test_rebuild_rewrites_nothing(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build"]) == 0
    before = {p: p.stat().st_mtime_ns for p in (fresh / "generated").rglob("*") if p.is_file()}
    capsys.readouterr()
    assert main(["build"]) == 0
    out = capsys.readouterr().out
    assert " 0 written" in out and " 0 removed" in out, out
    after = {p: p.stat().st_mtime_ns for p in (fresh / "generated").rglob("*") if p.is_file()}
    assert before == after


def test_check_clean_then_stale(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build"]) == 0
    capsys.readouterr()
    assert main(["check"]) == 0

    page = fresh / "sources/huawei/creating_a_lifecycle_hook.rst"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "ranges from 60 to 86400", "ranges from 60 to 43200"
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["check"]) == 1
    diff = capsys.readouterr().out
    assert "--- a/specs/huawei/CreateLifyCycleHook.yaml" in diff
    assert "-    max: 86400" in diff and "+    max: 43200" in diff
    assert "generated/openapi/huawei.yaml" in diff
    # check wrote nothing
    assert "max: 86400" in (fresh / "specs/huawei/CreateLifyCycleHook.yaml").read_text()


def test_check_notices_template_edit(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build"]) == 0
    template = fresh / "templates/docs/provider.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "generated/docs/huawei.md" in out and "+Edited." in out


def test_removed_page_removes_its_outputs(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build"]) == 0
    (fresh / "sources/aws/deleteLifecycleHook.txt").unlink()
    capsys.readouterr()
    assert main(["build"]) == 0
    assert not (fresh / "specs/aws/DeleteLifecycleHook.yaml").exists()
    assert not (fresh / "generated/jsonschema/aws/DeleteLifecycleHook.json").exists()
    assert (fresh / "specs/README.md").exists()  # hand-written files are never removed
