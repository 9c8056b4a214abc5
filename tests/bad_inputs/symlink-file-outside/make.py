"""An article that is a symlink to /etc/passwd: must be refused, never read."""
import os


def make(site):
    os.symlink("/etc/passwd", site / "content/tin-hoat-dong/mat-khau.md")
