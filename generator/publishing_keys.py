"""Other names for the front-matter keys that decide whether and when an article is public:
Hugo's `publishDate` and `expiryDate`, Pelican's and WordPress's `status: draft`, Jekyll's
`published: false`, the same keys named in Vietnamese, and ours misspelt (`expire:`, `drafts:`).

Owns telling them as errors naming our key (`date`, `expires`, `draft: true`). Told as an
unknown key, a warning, they left the article published: at once, before an embargo's
moment, or past its take-down. A value that withholds nothing (`status: published`) is left
to the unknown-key warning. Reads nothing; index.py and standalone.py call it per key.
"""
from __future__ import annotations

import difflib
from datetime import date
from typing import Any

from generator.diagnostics import Problem, error
from generator.model import SourceFile
from generator.vietnamese import slugify

# By the key's slug ("publishDate" → publishdate, "expiry_date" → expiry-date, "Hết hạn" → het-han).
_GOES_ONLINE = frozenset({"publishdate", "publish-date", "pubdate", "publishdatetime", "ngay-dang"})
_COMES_DOWN = frozenset({"expirydate", "expiry-date", "expirationdate", "expiration-date", "expiry",
                         "unpublishdate", "unpublish-date", "het-han", "ngay-het-han"})
_WITHHELD_BY_STATUS = frozenset({"status", "trang-thai"})  # Pelican, WordPress: draft, hidden, private …
# The statuses that keep an article from readers (Pelican, WordPress, Drupal and Joomla exports, in
# Vietnamese too). Only these: another (`public`, `active`, `1`) withholds nothing, and an error
# advising 'draft: true' for it would have the editor unpublish the article.
_WITHHOLDING_STATUSES = frozenset({"draft", "drafts", "hidden", "private", "pending", "future", "trash",
                                   "unpublished", "inactive", "disabled", "0", "false", "no",
                                   "nhap", "ban-nhap", "an", "chua-dang", "cho-duyet"})
_DRAFT_FLAGS = frozenset({"ban-nhap", "nhap"})  # "bản nháp: true"
# A take-down in the editors' words ("gỡ bài: true", "ẩn: true", "gỡ: 08/12/2026") and another
# generator's (`unpublished: true`): with a moment it is 'expires', true is 'draft: true'. Not Hugo
# themes' `hidden: true`, which keeps a page online out of the lists: 'draft: true' would take it down.
_TAKE_DOWN_WORDS = frozenset({"go", "go-bai", "ngay-go", "ngay-go-bai", "an", "an-bai", "khong-dang",
                              "unpublished"})
_JEKYLL_PUBLISHED = "published"  # false keeps it out; Hugo reads a date there, as publishDate


def publishing_key_problem(source: SourceFile, key: Any, value: Any, dated: bool = True,
                           misspelling_of: str | None = None) -> Problem | None:
    """The error for `key: value` when it is another name for when or whether an article is
    public and would withhold or schedule it, else None. `dated`: whether the file has a date
    to schedule by (a page of its own has none: only its draft flag counts). `misspelling_of`:
    the key of ours its spelling is closest to (`expire` → expires, `drafts` → draft)."""
    name = slugify(str(key))
    line = source.line_of(key)
    if misspelling_of is not None and not _misspells(key, misspelling_of):
        misspelling_of = None  # (another key, its own date: 'exported: 2019-05-13', not to give as 'expires')
    # A misspelt key was an unknown key, a warning: the article stayed online past its take-down,
    # or went online as a draft.
    comes_down = name in _COMES_DOWN or ((misspelling_of == "expires" or name in _TAKE_DOWN_WORDS)
                                         and _is_moment(value))
    if dated and (name in _GOES_ONLINE or (name == _JEKYLL_PUBLISHED and _is_moment(value))):
        return error(source.path, line, "publishing-key",
                     f"'{key}' is not a key of this generator (when an article goes online is its 'date'): the "
                     "article would be published at once; give that moment as 'date' and delete this line")
    if dated and comes_down:
        return error(source.path, line, "publishing-key",
                     f"'{key}' is not a key of this generator (when an article is taken down is its 'expires'): "
                     "the article would stay online; give that moment as 'expires' and delete this line")
    if _withholds(name, value) or ((misspelling_of == "draft" or name in _TAKE_DOWN_WORDS) and _is_true(value)):
        return error(source.path, line, "publishing-key",
                     f"'{key}: {_shown(value)}' is not read by this generator (an article is kept unpublished by "
                     "'draft: true'): the article would be published; write 'draft: true' instead")
    return None


def _withholds(name: str, value: Any) -> bool:
    if name in _WITHHELD_BY_STATUS:
        return slugify(_shown(value)) in _WITHHOLDING_STATUSES
    if name == _JEKYLL_PUBLISHED:
        return value is False or (isinstance(value, str) and value.strip().lower() in ("false", "no"))
    if name in _DRAFT_FLAGS:
        return value is not False
    return False


# How close a key's spelling must be to ours to be taken for it: 'expire', 'exprires', 'darft' and
# 'is_draft' are, 'exported' and 'exposure' (an export's own date, 0.67) are not, though `suggest`
# names 'expires' for them: told to give their date as 'expires', an editor took the article down.
_MISSPELT = 0.75


def _misspells(key: Any, ours: str) -> bool:
    return difflib.SequenceMatcher(None, str(key).lower(), ours).ratio() >= _MISSPELT


def _is_true(value: Any) -> bool:
    """`true` as YAML reads it, or written as text ("true", "yes", "có")."""
    return value is True or (isinstance(value, str) and slugify(value) in ("true", "yes", "co"))


def _shown(value: Any) -> str:
    """A value as front-matter writes it (false, not Python's False)."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def _is_moment(value: Any) -> bool:
    """A date as YAML or TOML reads one, or text that may hold one ("08/12/2026 07:00")."""
    return isinstance(value, date) or (isinstance(value, str) and any(c.isdigit() for c in value))
