"""The index keeps its walk on disk, not in memory: the files come out in the order sorted()
gives their paths, whatever the names hold, and a file reached two ways is read once."""

from __future__ import annotations

import os
from pathlib import Path

from checker.articles import expand_paths
from checker.index import _walked

# names whose order as strings differs from the order of their UTF-8 bytes (a lone surrogate
# from a name that is not UTF-8, a character beyond the first plane, one just below it)
NAMES = ["b.md", "a.md", "\udce9t\u00e9.md", "\U0001f600.md", "\uffee.md", "Z.md", "\u00e9.md"]


def test_the_walk_on_disk_gives_the_files_in_sorted_order(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in NAMES:
        try:
            (folder / name).write_text("x", encoding="utf-8")
        except (UnicodeEncodeError, OSError):  # a file system refusing such a name
            continue
    (folder / "sub").mkdir()
    (folder / "sub" / "c.md").write_text("x", encoding="utf-8")
    os.symlink(folder / "a.md", folder / "sub" / "again.md")  # a second way to a.md
    in_memory = list(expand_paths([str(folder)], []))
    walk = _walked([str(folder)], [])
    try:
        on_disk = [path for _, path in walk.by_path()]
    finally:
        walk.close()
    assert on_disk == sorted(in_memory)
    assert on_disk == in_memory  # one folder: walked in sorted order already
    assert str(folder / "sub" / "again.md") not in on_disk


def test_two_roots_reaching_one_file_read_it_once(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    walk = _walked([str(tmp_path), str(tmp_path / "a.md"), str(tmp_path / "." / "a.md")], [])
    try:
        assert walk.count == 1
        assert [path for _, path in walk.by_path()] == [str(tmp_path / "a.md")]
    finally:
        walk.close()
