"""A named pipe called .md: reading it would hang the build forever."""
import os


def make(site):
    os.mkfifo(site / "content/tin-hoat-dong/ong.md")
