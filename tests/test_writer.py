from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from generator import writer
from generator.errors import SpecgenError


def test_writes_only_changes_and_prunes_with_manifest(tmp_path: Path) -> None:
    root = tmp_path / "out"
    first = writer.plan(root, {"a/x.txt": b"1", "b.txt": b"2"})
    writer.apply(first)
    assert sorted(first.written) == [writer.MANIFEST, "a/x.txt", "b.txt"]
    (root / "hand.txt").write_text("mine")

    mtime = (root / "b.txt").stat().st_mtime_ns
    second = writer.plan(root, {"b.txt": b"2", "c.txt": b"3"})
    assert second.removed == ["a/x.txt"]
    assert "b.txt" in second.unchanged and "c.txt" in second.written
    writer.apply(second)
    assert not (root / "a").exists()  # emptied folders go too
    assert (root / "hand.txt").read_text() == "mine"  # never written by specgen: kept
    assert (root / "b.txt").stat().st_mtime_ns == mtime  # unchanged file not rewritten


def test_partial_run_keeps_other_outputs(tmp_path: Path) -> None:
    root = tmp_path / "out"
    writer.apply(writer.plan(root, {"a.txt": b"1", "b.txt": b"2"}))
    partial = writer.plan(root, {"a.txt": b"9"}, prune=False)
    writer.apply(partial)
    assert partial.removed == []
    assert (root / "b.txt").read_bytes() == b"2"
    assert "b.txt" in writer.previous_manifest(root)


def test_unified_diff_names_files(tmp_path: Path) -> None:
    root = tmp_path / "out"
    writer.apply(writer.plan(root, {"a.txt": b"one\n", "gone.txt": b"x\n"}))
    p = writer.plan(root, {"a.txt": b"two\n"})
    text = writer.unified_diff(p, "generated")
    assert "--- a/generated/a.txt" in text and "-one" in text and "+two" in text
    assert "--- a/generated/gone.txt" in text and "+++ /dev/null" in text


def test_a_run_of_some_targets_replaces_only_their_files(tmp_path: Path) -> None:
    root = tmp_path / "out"
    owners = {"a.txt": ["one"], "b.txt": ["two"], "shared.txt": ["one", "two"]}
    outputs = {"a.txt": b"1", "b.txt": b"2", "shared.txt": b"s"}
    writer.apply(writer.plan(root, outputs, owners=owners))
    assert writer.manifest_entries(root) == [
        ("one", "a.txt"),
        ("one", "shared.txt"),
        ("two", "b.txt"),
        ("two", "shared.txt"),
    ]
    # target "one" alone, now producing neither a.txt nor shared.txt
    only_one = writer.plan(root, {"c.txt": b"3"}, owners={"c.txt": ["one"]}, scope={"one"})
    writer.apply(only_one)
    assert only_one.removed == ["a.txt"]  # shared.txt is still target two's
    assert sorted(p.name for p in root.iterdir()) == [
        writer.MANIFEST,
        "b.txt",
        "c.txt",
        "shared.txt",
    ]
    assert ("two", "shared.txt") in writer.manifest_entries(root)
    # a full run replaces everything the manifest lists
    full = writer.plan(root, {"c.txt": b"3"}, owners={"c.txt": ["one"]})
    assert full.removed == ["b.txt", "shared.txt"]


def test_a_manifest_without_targets_is_still_read(tmp_path: Path) -> None:
    root = tmp_path / "out"
    root.mkdir()
    (root / "old.txt").write_text("x")
    (root / writer.MANIFEST).write_text("# written before targets were recorded\nold.txt\n")
    assert writer.previous_manifest(root) == ["old.txt"]
    assert writer.plan(root, {}, scope={"docs"}).removed == []  # not known to be docs'
    assert writer.plan(root, {}).removed == ["old.txt"]


def test_files_are_0644_whatever_the_umask(tmp_path: Path) -> None:
    root = tmp_path / "out"
    previous = os.umask(0o077)
    try:
        writer.apply(writer.plan(root, {"a/x.txt": b"1"}))
    finally:
        os.umask(previous)
    for path in (root / "a" / "x.txt", root / writer.MANIFEST):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


@pytest.mark.parametrize(
    "entry", ["../victim.txt", "/tmp/victim.txt", "a/../../victim.txt", "..\\victim.txt"]
)
def test_a_manifest_entry_outside_the_tree_is_refused(tmp_path: Path, entry: str) -> None:
    root = tmp_path / "out"
    root.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (root / writer.MANIFEST).write_text(f"# header\nfine.txt\n{entry}\n")
    with pytest.raises(SpecgenError) as caught:
        writer.plan(root, {})
    [problem] = caught.value.problems
    assert problem.line == 3 and "outside the output folder" in problem.message
    assert victim.read_text() == "keep me"


def test_a_symlinked_folder_does_not_lead_a_removal_outside(tmp_path: Path) -> None:
    root = tmp_path / "out"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.txt").write_text("keep me")
    root.mkdir()
    (root / "link").symlink_to(elsewhere, target_is_directory=True)
    (root / writer.MANIFEST).write_text("link/x.txt\n")
    assert writer.plan(root, {}).removed == []
