"""Property-based: generated front-matter, Markdown bodies and site.toml values,
each fed into a full build of a tiny site.

The invariant, for every generated case: the build succeeds (and the pages
parse), or it reports only `path[:line]: severity[code]: message` problems
(exit 1 through the CLI) and the previous --out is byte-identical. Never an
unexpected exception, never more than TIME_LIMIT seconds. Examples are
derandomized so CI is reproducible; set HYPOTHESIS_SEED to explore others.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import tempfile
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, seed, settings, strategies as st

from generator.pipeline import BuildOptions, build
from tests.conftest import SITE_TOML, article, cli_here, foreign_scripts, run_cli, tree

TIME_LIMIT = 20  # seconds per build; the slowest legitimate case here takes under 3
PROBLEM = re.compile(r"^[^\s:][^:]*(:\d+)?: (error|warning)\[[a-z0-9]+(-[a-z0-9]+)*\]: \S.*$")
COUNTS = {"front-matter": 120, "markdown": 80, "site-toml": 80, "cli": 8, "init": 60, "new": 60}
PROPERTY = settings(deadline=None, derandomize="HYPOTHESIS_SEED" not in os.environ, database=None,
                    suppress_health_check=list(HealthCheck), print_blob=True)
_seed = seed(int(os.environ["HYPOTHESIS_SEED"])) if "HYPOTHESIS_SEED" in os.environ else (lambda test: test)

VIETNAMESE = "Công an tỉnh Đồng Nai ra quân bảo đảm trật tự an toàn giao thông dịp Tết Nguyên đán"
ODD = ["\u200b", "\u200c", "\u200d", "\u00ad", "\ufeff", "\u202e", "\u202b", "\u200f", "\u0301", "\u0323",
       "\x00", "\x1b", "\u2028", "\ud7ff", "\U0001f46e", "\\", "\"", "'", "<", ">", "&", "{{", "}}", "{%"]
odd_text = st.lists(st.one_of(st.sampled_from(list(VIETNAMESE) + ODD), st.characters(exclude_categories=["Cs"])),
                    max_size=60).map("".join)
vietnamese_text = st.builds(lambda s, form: unicodedata.normalize(form, s),
                            st.sampled_from(VIETNAMESE.split() + [VIETNAMESE]), st.sampled_from(["NFC", "NFD"]))
huge_text = st.builds(lambda ch, n: ch * n, st.sampled_from(["a", "Đ", "ệ", " ", "\u200b"]),
                      st.integers(10_000, 300_000))
scalars = st.one_of(odd_text, vietnamese_text, st.integers(), st.floats(), st.booleans(), st.none(),
                    st.dates(), st.datetimes())
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(odd_text, inner, max_size=4)), max_leaves=12)
RAW_YAML = [
    "!!binary aGVsbG8=", "!!set {a, b}", "!!python/object/apply:os.system ['true']", "!custom x",
    "!!timestamp 2026-01-01", "!!str 2026-01-01", "!!int '12'", "!!float .nan", "&a [1, 2]", "*a",
    "[" * 40 + "]" * 40, "{a: " * 40 + "1" + "}" * 40, "[" * 100_000 + "]" * 100_000, "0000-01-01", "9999-12-31T23:59:59-12:00",
    "2026-02-30", "'21/01/0000'", "|\n  khối\n  văn bản", ">-\n  gấp", "[unclosed", "{a: 1", "'unclosed",
    "- a\n- b", "? [a]\n: b", "<<: {a: 1}", "~", "0x1F", "1e400", "-.inf", "2026-01-21 09:30:00 +07:00",
    "[khac.md, ../tin-hoat-dong/bai.md, /tin-hoat-dong/bai-khac/, 'https://congan.example.vn/x/', ../../../../etc]",
]
KEYS = ["title", "date", "unit", "category", "campaigns", "author", "summary", "slug", "draft", "featured",
        "extra", "tags", "autor", "<script>", "title", "", "updated", "lastmod", "related"]


def yaml_value(value) -> str:
    """A generated value as YAML flow text (JSON is YAML, bar a few edge cases we want anyway)."""
    return json.dumps(value, default=str, ensure_ascii=False)


front_line = st.one_of(
    st.tuples(st.sampled_from(KEYS), values.map(yaml_value)),
    st.tuples(st.sampled_from(KEYS), st.sampled_from(RAW_YAML)),
    st.tuples(st.sampled_from(KEYS), huge_text.map(yaml_value)),
    st.tuples(odd_text.map(yaml_value), odd_text.map(yaml_value)),
)
GOOD_FRONT = {"title": '"Bài thử"', "date": "2026-01-21", "unit": "cong-an-tinh", "category": "tin-hoat-dong"}

MARKDOWN_BLOCKS = [
    "# Tiêu đề", "## Mục", "- một\n- hai\n  - ba", "1. một\n2. hai", "> trích dẫn\n> > lồng", "```\nmã <b>\n```",
    "| a | b |\n|---|:-:|\n| 1 | 2 |", "[^1]\n\n[^1]: chú thích", "[liên kết](../khac.md)", "[hỏng](khong-co.md)",
    "![ảnh](anh.jpg)", "![x](../../../etc/passwd)", "<div markdown=\"1\">*x*</div>", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "<iframe src=\"https://evil.example/\"></iframe>", "{: .lead }", "***", "  \t  ",
    "Term\n: definition", "<!-- chú thích -->", "&#0; &#xD800; &bogus;", "<", "*" * 500, "[" * 300, "\\",
    "    thụt lề", "<table><tr><td>ô", "<div>" * 2500, "<span>" * 50, "[a]: javascript:alert(1)\n\n[a]",
    # links in pasted HTML, clickable photos, names as Windows gives them
    '<a href="../khac.md">x</a>', "<A HREF='khong-co.md#m'>y", '<a href="anh.jpg"><img src="anh.jpg" alt="a"></a>',
    "[![ảnh](anh.jpg)](anh.jpg)", '![ảnh](Ảnh (1).jpg "t")', "<a href>z</a>", '<a href="">', "<a href='bao cao.pdf'>",
    # lists as editors write them (under their lead-in, nested by two spaces), hashtags
    "Dẫn:\n- một\n  - hai\n   - ba\n\n  đoạn\n- bốn", "Dẫn:\n1. a\n10. b\n    - c\n        mã", "#ANTQ #DVK\n- #x\n> #y",
    "Nhiệm vụ:\n- a:\n+ b;\n+ c.\nb) d\n  + e", "Bảng:\n| a | b |\n|---|:-:|\n| 1 |\nsau | x\n---|",
    # photos one per line with their captions, a whole <picture>, letters styled as Facebook fakes bold
    "Ảnh:\n![a](anh.jpg)\n*Chú thích*\n![b](anh.jpg)\n(Ảnh: X)\nchữ", '<picture><source srcset="anh.webp"><img src="anh.jpg">',
    "𝐓𝐇𝐎̂𝐍𝐆 𝐁𝐀́𝐎 `𝐜𝐨𝐝𝐞` ![𝐀](x.jpg) **𝐁** _𝐂_ 𝘋 𝙀 ``𝐅` ![ 𝐆", "| 𝐃𝐢𝐞̣̂𝐧 𝐭𝐡𝐨𝐚̣𝐢 | 𝐒𝐨̂́ |\n|---|---|\n| 0221 3862 124 | 1 |",
]
markdown_body = st.lists(st.one_of(st.sampled_from(MARKDOWN_BLOCKS), odd_text, vietnamese_text,
                                   st.text(alphabet="*_[]()<>!#`>-|\\\n :1.+𝐀\u0302", max_size=80)),
                         max_size=12).map("\n\n".join)

TOML_KEYS = ["title", "base_url", "language", "timezone", "description", "per_page", "related_count",
             "other_count", "unknown_key"]
toml_value = st.one_of(
    odd_text.map(yaml_value), vietnamese_text.map(yaml_value), st.integers(-10**20, 10**20).map(str),
    st.sampled_from(["true", "1.5", "nan", "[]", "{}", "[1, 'a']", "\"https://congan.example.vn/tiền-tố/\"",
                     "\"Asia/Ho_Chi_Minh\"", "\"Mars/Olympus\"", "\"../../etc/localtime\"", "\"\"", "'''x'''",
                     "\"ftp://x\"", "\"https://\"", "1979-05-27", "\"javascript:alert(1)\"", "0", "1000", "1001"]))
toml_section = st.sampled_from([
    "", "[security]\niframe_hosts = [\"www.youtube-nocookie.com\"]", "[security]\niframe_hosts = [1, \"a b\"]",
    "[categories.tin-hoat-dong]\nname = \"Trùng\"", "[categories.don-vi]\nname = \"x\"", "[units.\"Đơn Vị\"]\nname = 1",
    "[[links]]\nname = \"x\"\nurl = \"javascript:alert(1)\"", "[contact]\nhotline = 5", "[campaigns.x]\n",
    "[units.cong-an-moi]\nname = \"" + unicodedata.normalize("NFD", "Công an mới") + "\"", "[[links]]\nname = 1",
])


@contextmanager
def time_limit(seconds: int):
    def expired(signum, frame):
        raise TimeoutError(f"a build took more than {seconds} s")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def golden(tmp_path_factory) -> Path:
    """A published site each failing example's --out starts as."""
    root = tmp_path_factory.mktemp("golden")
    site = root / "site"
    write_site(site, SITE_TOML, article("Bài đã đăng", body="Bản đã đăng."))
    result = build(BuildOptions(site_dir=site, out_dir=root / "out", use_cache=False, jobs=1))
    assert result.ok, result.problems
    return root / "out"


def write_site(site: Path, toml: str, text: str | bytes) -> None:
    (site / "content/tin-hoat-dong").mkdir(parents=True, exist_ok=True)
    (site / "site.toml").write_text(toml, encoding="utf-8", errors="surrogatepass")
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    (site / "content/tin-hoat-dong/bai.md").write_bytes(data)
    (site / "content/tin-hoat-dong/khac.md").write_text(article("Bài khác", "2026-01-20"), encoding="utf-8")


def check_build(golden: Path, toml: str, text: str | bytes, use_cache: bool = False) -> None:
    with tempfile.TemporaryDirectory(prefix="prop-") as tmp:
        site, out = Path(tmp) / "site", Path(tmp) / "out"
        write_site(site, toml, text)
        shutil.copytree(golden, out)
        before = tree(out)
        with time_limit(TIME_LIMIT):
            result = build(BuildOptions(site_dir=site, out_dir=out, use_cache=use_cache, jobs=1))
        for problem in result.problems:
            assert PROBLEM.match(str(problem)), str(problem)
        if result.ok:
            page = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
            assert page.find("h1") is not None or page.find("title") is not None
            assert not foreign_scripts(page)
            for feed in out.rglob("*.xml"):  # feeds and sitemaps: a control character made them unreadable
                ElementTree.parse(feed)
        else:
            assert tree(out) == before, [str(p) for p in result.problems]


@settings(PROPERTY, max_examples=COUNTS["front-matter"])
@_seed
@given(lines=st.lists(front_line, max_size=8), keep_good=st.booleans(), crlf=st.booleans())
def test_generated_front_matter_builds_or_reports(golden, lines, keep_good, crlf):
    front = dict(GOOD_FRONT) if keep_good else {}
    text_lines = [f"{k}: {v}" for k, v in front.items()] + [f"{k}: {v}" for k, v in lines]
    text = "---\n" + "\n".join(text_lines) + "\n---\n\nNội dung.\n"
    check_build(golden, SITE_TOML, text.replace("\n", "\r\n") if crlf else text, use_cache=True)


@settings(PROPERTY, max_examples=COUNTS["markdown"])
@_seed
@given(body=markdown_body)
def test_generated_markdown_bodies_build_or_report(golden, body):
    check_build(golden, SITE_TOML + '\n[security]\niframe_hosts = ["www.youtube-nocookie.com"]\n',
                article("Bài Markdown", body=body))


@settings(PROPERTY, max_examples=COUNTS["site-toml"])
@_seed
@given(changes=st.dictionaries(st.sampled_from(TOML_KEYS), toml_value, max_size=4), section=toml_section)
def test_generated_site_toml_values_build_or_report(golden, changes, section):
    lines = [line for line in SITE_TOML.splitlines() if line.split(" = ")[0] not in changes or line.startswith(" ")]
    top = [f"{key} = {value}" for key, value in changes.items()]
    toml = "\n".join(top + lines) + "\n" + section + "\n"
    check_build(golden, toml, article("Bài cấu hình"))


@settings(PROPERTY, max_examples=COUNTS["cli"])
@_seed
@given(lines=st.lists(front_line, min_size=1, max_size=4), body=markdown_body)
def test_generated_input_through_the_cli_exits_0_or_1_without_traceback(golden, lines, body):
    text = "---\n" + "\n".join(f"{k}: {v}" for k, v in [*GOOD_FRONT.items(), *lines]) + "\n---\n\n" + body
    with tempfile.TemporaryDirectory(prefix="prop-cli-") as tmp:
        site, out = Path(tmp) / "site", Path(tmp) / "out"
        write_site(site, SITE_TOML, text)
        shutil.copytree(golden, out)
        before = tree(out)
        done = run_cli("build", "--lang", "en", "--site", str(site), "--out", str(out))
        assert "Traceback" not in done.stderr, done.stderr
        assert done.returncode in (0, 1), done.stderr
        if done.returncode == 1:
            problems = [line for line in done.stderr.splitlines() if not line.startswith("Build failed:")]
            assert problems and all(PROBLEM.match(line) for line in problems), problems
            assert tree(out) == before


@settings(PROPERTY, max_examples=COUNTS["init"])
@_seed
@given(unit=st.one_of(odd_text, vietnamese_text), title=st.one_of(st.just(""), odd_text),
       base_url=st.sampled_from(["https://congan.example.vn/", "congan.vn", "", "https://công-an.vn/a b/", "ftp://x/"]),
       hotlines=st.lists(st.one_of(st.sampled_from(["113", "0221 3862 124", "+84 912 345 678"]), odd_text), max_size=2),
       email=st.one_of(st.just(""), st.just("bbt@congan.example.vn"), odd_text), address=st.one_of(st.just(""), odd_text))
def test_generated_init_options_make_a_portal_that_checks_clean_or_report(unit, title, base_url, hotlines, email,
                                                                          address):
    """`init` with any options: a portal `check` finds nothing wrong with, or problems told
    against the options and nothing written; never a traceback."""
    import argparse
    import contextlib
    import io
    from generator.init_site import run_init
    with tempfile.TemporaryDirectory(prefix="prop-init-") as tmp:
        folder = Path(tmp) / "cong"
        err, out = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            code = run_init(argparse.Namespace(folder=folder, unit=unit, base_url=base_url, title=title,
                                               hotline=hotlines, email=email, address=address, lang="en"))
        assert code in (0, 1), err.getvalue()
        if code == 1:
            assert not folder.exists()
            told = err.getvalue().splitlines()
            assert told and all(PROBLEM.match(line) for line in told), told
        else:
            checked = cli_here("check", "--site", str(folder), "--lang", "en")
            assert checked.returncode == 0, checked.stdout + checked.stderr


@settings(PROPERTY, max_examples=COUNTS["new"])
@_seed
@given(title=st.one_of(odd_text, vietnamese_text, odd_text.map(lambda text: f"Tin {text} mới"),
                      huge_text.map(lambda text: text[:5000])),
       category=st.sampled_from(["tin-hoat-dong", "Tin hoạt động", "tin hoat dong", "xay-dung-luc-luong", "khong-co"]),
       units=st.lists(st.sampled_from(["cong-an-tinh", "Phòng CSGT", "phong-canh-sat-giao-thong", "CA xã Đồng Tiến",
                                       "x"]), min_size=1, max_size=2),
       campaigns=st.lists(st.sampled_from(["dan-van-kheo", "Vì An ninh Tổ quốc", "DVK", "khong-co"]), max_size=2),
       page=st.booleans())
def test_generated_new_articles_check_clean_or_report(title, category, units, campaigns, page):
    """`new` with any title and choices: a draft `check` finds nothing wrong with (the
    placeholder line aside, which a draft may keep), or problems and nothing written."""
    import argparse
    import contextlib
    import io
    from generator.scaffold import run_new
    with tempfile.TemporaryDirectory(prefix="prop-new-") as tmp:
        site = Path(tmp) / "site"
        (site / "content").mkdir(parents=True)
        (site / "site.toml").write_text(SITE_TOML, encoding="utf-8")
        err, out = io.StringIO(), io.StringIO()
        args = argparse.Namespace(title=title, from_word=None, site=site, category="" if page else category,
                                  unit=[] if page else units, campaign=[] if page else campaigns, page=page,
                                  lang="en", cache_to_read=None)
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            code = run_new(args, site)
        assert code in (0, 1), err.getvalue()
        written = list((site / "content").rglob("*"))
        if code == 1:
            assert not written, written
            told = err.getvalue().splitlines()
            assert told and all(PROBLEM.match(line) for line in told), told
        else:
            checked = cli_here("check", "--site", str(site), "--lang", "en")
            assert checked.returncode == 0, checked.stdout + checked.stderr
