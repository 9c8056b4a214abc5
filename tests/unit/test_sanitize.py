import pytest
from bs4 import BeautifulSoup

from generator.sanitize import leaves_site, sanitize_html, settings_key

HOSTS = ["www.youtube-nocookie.com"]


@pytest.mark.parametrize("dirty, clean", [
    ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
    ('<p onclick="x()" class="lead">a</p>', '<p class="lead">a</p>'),
    ('<a href="javascript:alert(1)">a</a>', "<a>a</a>"),
    ('<a href="java\tscript:alert(1)">a</a>', "<a>a</a>"),
    ('<a href="%6Aavascript:alert(1)">a</a>', "<a>a</a>"),
    ('<a href="/tin-hoat-dong/" title="t">a</a>', '<a href="/tin-hoat-dong/" title="t">a</a>'),
    ('<a href="tel:+84123">a</a>', '<a href="tel:+84123">a</a>'),
    ('<img src="anh.jpg" srcset="javascript:x 1x" alt="a">', '<img src="anh.jpg" alt="a">'),
    ('<table><tr><td style="text-align: right; position: fixed">1</td></tr></table>',
     '<table><tbody><tr><td class="can-phai">1</td></tr></tbody></table>'),
    # A cell's style becomes a class: a strict Content-Security-Policy blocks style="".
    ('<table><tr><th style="text-align: center" scope="col">a</th><td class="x" style="text-align:right">1</td>'
     '<td style="text-align: start">2</td></tr></table>',
     '<table><tbody><tr><th scope="col" class="can-giua">a</th><td class="x can-phai">1</td><td>2</td></tr></tbody>'
     '</table>'),
    ('<iframe src="https://evil.example/x"></iframe><p>x</p>', "<p>x</p>"),
    ('<iframe src="http://www.youtube-nocookie.com/embed/1"></iframe>', ""),
    ('<iframe src="https://www.youtube-nocookie.com.evil.example/embed/1"></iframe>', ""),
    ('<iframe src="https://www.youtube-nocookie.com/embed/1" title="a>b"></iframe>',
     '<iframe loading="lazy" src="https://www.youtube-nocookie.com/embed/1" title="a&gt;b"></iframe>'),
    ("<style>p{}</style><svg><script>1</script></svg>ok", "ok"),
    ("<!-- <script>1</script> -->ok", "ok"),
])
def test_sanitize_keeps_the_allow_list_only(dirty, clean):
    assert sanitize_html(dirty, HOSTS) == clean


def test_sanitize_keeps_figures_pictures_and_image_attributes():
    html = ('<figure><picture><source srcset="a.webp 1x, a2.webp 2x" type="image/webp">'
            '<img src="a.jpg" alt="Ảnh" width="8" height="6" loading="lazy" decoding="async" sizes="100vw"></picture>'
            "<figcaption>Chú thích</figcaption></figure>")
    assert sanitize_html(html) == html


def test_the_cache_key_changes_with_the_allowed_hosts():
    assert settings_key([]) != settings_key(HOSTS)
    assert settings_key(["b.vn", "a.vn"]) == settings_key(["a.vn", "b.vn"])


@pytest.mark.parametrize("url, leaves", [
    ("../../../../etc/passwd", True),
    ("../../../../../x.png", True),
    ("..%2F..%2F..%2F..%2Fetc%2Fpasswd", True),
    ("../../../site.toml", False),  # the site's own file: inside the site folder
    ("../../xay-dung-luc-luong/bai.md", False),
    ("anh.jpg", False),
    ("/assets/logo.png", False),
    ("https://example.vn/../../x", False),
    ("#fn:1", False),
])
def test_leaves_site_for_an_article_two_folders_deep(url, leaves):
    assert leaves_site("content/tin-hoat-dong/bai/index.md", url) is leaves


def test_html_depth_counts_nesting_not_length():
    from generator.sanitize import html_depth
    assert html_depth("<div>" * 3000) == 3000
    assert html_depth("<div></div>" * 10000) == 1
    assert html_depth("<p>a" * 3000 + "<li>b" * 3000 + "<br><img src=x>" * 100) == 0
    assert html_depth("<section><div><span>x</span></div></section>") == 3


def test_a_kept_player_loads_when_the_reader_nears_it():
    hosts = ["www.youtube-nocookie.com"]
    pasted = ('<iframe width="560" src="https://www.youtube-nocookie.com/embed/a" title="Video"></iframe>'
              '<iframe loading="eager" src="https://www.youtube-nocookie.com/embed/b"></iframe>'
              '<iframe src="https://evil.example/x"></iframe>')
    frames = BeautifulSoup(sanitize_html(pasted, hosts), "html.parser").find_all("iframe")
    assert [(f["src"].rsplit("/", 1)[1], f.get("loading")) for f in frames] == [("a", "lazy"), ("b", "eager")]


def test_the_iframes_the_sanitizer_drops_are_named_by_their_address():
    from generator.sanitize import refused_iframes
    html = ('<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>'
            "<IFRAME SRC='https://www.google.com/maps/embed?pb=1'></IFRAME>"
            '<iframe width=560 src=http://maps.example.vn/x></iframe>'
            '<iframe src="javascript:alert(1)"></iframe><iframe src="https://www.google.com/maps/embed?pb=1"></iframe>')
    assert refused_iframes(html, ["www.youtube-nocookie.com"]) == [
        "https://www.google.com/maps/embed?pb=1", "http://maps.example.vn/x", "javascript:alert(1)"]
    assert refused_iframes('<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>',
                           ["WWW.YOUTUBE-NOCOOKIE.COM"]) == []
    assert refused_iframes("<p>Không có khung nhúng.</p>", []) == []


def test_a_kept_frame_without_a_title_is_named_by_where_it_comes_from():
    """A map's embed code (Google Maps gives none) has no title: a screen reader announced a
    frame with no name, and a reader could not tell what it holds without entering it."""
    hosts = ["www.google.com", "www.youtube-nocookie.com"]
    pasted = ('<iframe src="https://www.google.com/maps/embed?pb=!1m18&amp;z=1" width="600" height="450"></iframe>'
              '<iframe src="https://www.youtube-nocookie.com/embed/a" title=" "></iframe>'
              '<iframe src="https://www.youtube-nocookie.com/embed/b" title="Lễ ra quân"></iframe>')
    frames = BeautifulSoup(sanitize_html(pasted, hosts), "html.parser").find_all("iframe")
    assert [(f["title"], f["loading"]) for f in frames] == [("Nội dung nhúng từ www.google.com", "lazy"),
                                                            ("Nội dung nhúng từ www.youtube-nocookie.com", "lazy"),
                                                            ("Lễ ra quân", "lazy")]
