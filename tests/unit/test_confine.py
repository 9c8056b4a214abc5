"""generator/confine.py: reading a file no larger than a limit."""
import os

from generator import confine
from generator.confine import read_bounded


def test_a_file_up_to_the_limit_is_read_whole_and_a_larger_one_is_refused(tmp_path):
    path = tmp_path / "bai.md"
    for size in (0, 1, 99, 100):
        path.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
        assert read_bounded(str(path), limit=100) == path.read_bytes()
    path.write_bytes(b"x" * 101)
    assert read_bounded(str(path), limit=100) is None


def test_a_file_that_grew_after_its_size_was_taken_is_read_to_its_end_or_refused(tmp_path, monkeypatch):
    """The size is only a hint of how much to ask for: what counts is what is read."""
    path = tmp_path / "bai.md"
    real_fstat = os.fstat

    class Shrunk:  # the size the file had a moment before it was saved again
        def __init__(self, st):
            self.st_size = 3

    monkeypatch.setattr(confine.os, "fstat", lambda fd: Shrunk(real_fstat(fd)))
    path.write_bytes(b"Tin " * 20)
    assert read_bounded(str(path), limit=100) == b"Tin " * 20
    path.write_bytes(b"Tin " * 30)
    assert read_bounded(str(path), limit=100) is None
