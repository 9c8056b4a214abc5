"""Every page a build writes is valid HTML as the W3C's Nu HTML Checker reads it (the checker
behind validator.w3.org/nu, from the npm package vnu-jar that `make test` installs): its errors,
warnings and notes all fail. Browsers forgive invalid markup each in its own way; screen
readers and the search indexer read it less kindly, and a government site's audit runs this
checker. Checked: the demo portal, and a site holding what editors write that the demo lacks
(pasted Word tables and spans, a captioned photo and a gallery, a clip with captions and poster, a
recording, footnotes, a reference link, hashtags, a table of contents, a YouTube address, a
document's label, old addresses with and without a query), and
the theme's stylesheet and icon (its CSS and SVG checkers)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from generator.pipeline import BuildOptions, build
from tests.conftest import REPO, article, numbered_articles
from tests.photos import phone_jpeg

VNU = Path(sys.prefix) / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
BUNDLE = "content/tin-hoat-dong/tong-ket-quy/"

REPORT = """\
Sáng 5/1, Công an tỉnh tổng kết công tác quý IV.[^1]

[TOC]

## Kết quả tuần tra

| Đơn vị | Số ca | Ghi chú |
|:---|---:|:---:|
| Phòng CSGT | 124 | *vượt kế hoạch* |
| Công an xã | 86 | |

<table border="1" style="width:100%"><tr><td style="text-align: center"><b>Dán từ Word</b></td>
<td><span style="font-family: Times New Roman"><font color="red">12</font></span></td></tr></table>

![Lễ tổng kết tại hội trường](anh.jpg)
*Lãnh đạo Công an tỉnh phát biểu. Ảnh: Minh Khôi*

![Tuần tra](anh.jpg) ![Tuyên truyền](clip.jpg) ![Trao thưởng](anh.jpg)

Các tổ công tác trong quý IV

Thực hiện theo [Công văn số 12][cv12] của Công an tỉnh.

[cv12]: https://congan.example.vn/cong-van-12

![Clip ra quân](clip.mp4)

![Bản tin phát thanh](ban-tin.mp3)

https://www.youtube.com/watch?v=dQw4w9WgXcQ

## Phương hướng

1. Tăng cường tuần tra.
2. Tuyên truyền **“Dân vận khéo”**:
    - tại xã;
    - tại trường học.

> Mỗi người dân là một chiến sĩ công an.

```
Đường dây nóng: 0221 3862 124
```

Tải [kế hoạch năm 2027](ke-hoach.pdf) hoặc xem [bài trước](../bai-1.md).

#ANTT #DânVậnKhéo

[^1]: Số liệu tính đến hết ngày 31/12.
"""


def validate(files: list[Path]) -> list[str]:
    """What the checker says of each file, a line each; [] when it says nothing."""
    assert VNU.is_file(), f"{VNU} is missing: `make test` installs it (tests/install-system-deps.sh)"
    done = subprocess.run(["java", "-jar", str(VNU), "--also-check-css", "--also-check-svg", "--format", "json",
                           "--stdout", *map(str, files)],
                          capture_output=True, text=True, timeout=600)
    messages = json.loads(done.stdout)["messages"]
    return [f"{m.get('url', '?').removeprefix('file:')}:{m.get('lastLine', 0)}: {m['type']}"
            f"{'/' + m['subType'] if 'subType' in m else ''}: {m['message']}" for m in messages]


def rich_site(make_site) -> Path:
    return make_site({
        **numbered_articles(5),
        f"{BUNDLE}index.md": article("Tổng kết công tác quý IV", body=REPORT, campaigns=["dan-van-kheo"],
                                    aliases='["/tin-tuc/tong-ket-quy-iv.html", "/Pages/chi-tiet.aspx?ItemID=77"]',
                                    related='["../bai-2.md"]', summary='"Tổng kết quý IV: 210 ca tuần tra."'),
        f"{BUNDLE}anh.jpg": phone_jpeg(1200, 800),
        f"{BUNDLE}clip.mp4": b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64,
        f"{BUNDLE}clip.vtt": "WEBVTT\n\n00:00.000 --> 00:02.000\nLực lượng ra quân\n",
        f"{BUNDLE}clip.jpg": phone_jpeg(640, 360),
        f"{BUNDLE}ban-tin.mp3": b"ID3" + b"\x00" * 64,
        f"{BUNDLE}ke-hoach.pdf": b"%PDF-1.4\n" + b"0" * 2048,
        "content/trang/gioi-thieu.md": "---\ntitle: \"Giới thiệu\"\n---\n\nCông an tỉnh Thử Nghiệm.\n",
    })


def test_every_page_of_the_demo_and_of_what_editors_write_is_valid_html(make_site, tmp_path):
    demo = tmp_path / "demo"
    assert build(BuildOptions(site_dir=REPO, out_dir=demo)).ok
    rich = tmp_path / "rich" / "public"
    result = build(BuildOptions(site_dir=rich_site(make_site), out_dir=rich))
    assert result.ok, [str(p) for p in result.problems]
    page = BeautifulSoup((rich / "tin-hoat-dong/tong-ket-cong-tac-quy-iv/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    made_of = ("video[poster] track", "audio", "[data-player*='youtube-nocookie.com/embed']", "sup a[href^='#fn']",
               "table .can-giua", ".tep-tai-ve", "figure picture source[srcset]", ".gallery figure figcaption",
               "a[href='https://congan.example.vn/cong-van-12']")
    for shown in made_of:  # what the report is made of, rendered
        assert page.select(shown), shown
    pages = sorted(demo.rglob("*.html")) + sorted(rich.rglob("*.html"))
    theme = sorted(demo.glob("assets/**/*.css")) + sorted(demo.glob("assets/**/*.svg"))  # its stylesheet and icon
    assert len(pages) > 90 and len(theme) >= 2
    assert validate(pages + theme) == []


def test_the_checker_reports_invalid_markup(tmp_path):
    """The check above can fail: the checker finds what a broken layout or stylesheet would write."""
    broken = tmp_path / "public" / "index.html"
    broken.parent.mkdir(parents=True)
    broken.write_text('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>x</title></head>'
                      '<body><p><div>khối trong đoạn</div></p><img src="a.jpg"></body></html>', encoding="utf-8")
    style = tmp_path / "public" / "style.css"
    style.write_text(".the { colr: red; }\n", encoding="utf-8")
    said = validate([broken, style])
    assert any("error" in line and "img" in line and "alt" in line for line in said), said
    assert any(line.startswith(f"{broken}:") and ": error: " in line for line in said), said
    assert any(line.startswith(f"{style}:1: error") and "colr" in line for line in said), said
