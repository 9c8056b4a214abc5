"""Pelican settings for the benchmark (bench/run.py passes the content path, -o and --cache-path).

Kept close to Pelican's defaults: the default theme (notmyidea), default feeds
and URL scheme. Only what makes the comparison fair is set: the same Markdown
extensions as generator/markup.py, the same page size as the corpus's
site.toml (per_page = 12), the site's time zone and language.
"""
AUTHOR = "Ban biên tập"
SITENAME = "Cổng thông tin điện tử Công an tỉnh Ninh Bình"
SITEURL = ""
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
DEFAULT_PAGINATION = 12
DEFAULT_DATE_FORMAT = "%d/%m/%Y"

# Same dialect as our generator (generator/markup.py: extra, sane_lists, smarty
# without smart quotes). Pelican adds its 'meta' extension for the header itself.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
        "markdown.extensions.smarty": {"smart_quotes": False},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}

STATIC_PATHS = ["images"]
ARTICLE_PATHS = [""]
PAGE_PATHS = ["pages"]

# The content cache: the cold run fills it (cache folder removed first), the
# no-change run reads it.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "mtime"

# Feeds stay at Pelican's defaults (all + per category); our portal publishes feeds too.
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = False
