from __future__ import annotations

from pathlib import Path

from generator import writer


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
