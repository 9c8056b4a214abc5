"""A static site generator for the news portals of Vietnamese police units."""

__version__ = "0.1.0"
