"""Text and attribute values in XML (feeds, the sitemap), as xml.sax.saxutils writes them.

Ours because importing xml.sax.saxutils imports urllib.request, and with it http.client,
email and ssl: ~45 ms of every build's start, for two functions of a few lines.
"""
from __future__ import annotations


def escape(text: str) -> str:
    """&, < and > as entities (xml.sax.saxutils.escape)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """An attribute value with its quotes (xml.sax.saxutils.quoteattr): double ones unless
    the value holds a double quote and no single one; line breaks and tabs as references."""
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))
