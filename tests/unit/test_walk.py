"""The one folder walk: what it lists, in which order, and what it never follows."""
from __future__ import annotations

import os

import pytest

from generator.walk import files_below


def test_files_in_name_order_before_subfolders_links_listed_never_followed(tmp_path):
    for rel in ("b.txt", "a.txt", "con/z.txt", "con/chau/y.txt", "an/x.txt", "__pycache__/c.pyc"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    outside = tmp_path.parent / f"{tmp_path.name}-ngoai"
    (outside / "bi-mat").mkdir(parents=True)
    (tmp_path / "lien-ket").symlink_to(outside)
    os.mkfifo(tmp_path / "ong")

    listed = [(rel, entry.is_symlink()) for rel, entry in files_below(tmp_path, lambda d: d.name != "__pycache__")]
    assert listed == [("a.txt", False), ("b.txt", False), ("lien-ket", True), ("ong", False),
                      ("an/x.txt", False), ("con/z.txt", False), ("con/chau/y.txt", False)]


def test_an_unreadable_folder_raises_unless_skipped(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert [rel for rel, _ in files_below(tmp_path / "khong-co", skip_unreadable=True)] == []
    with pytest.raises(FileNotFoundError):
        list(files_below(tmp_path / "khong-co"))
    assert [rel for rel, _ in files_below(tmp_path)] == ["a.txt"]
