"""20,001 code fences that are never closed (a chat's "```" pasted line after line), then a
photo. Python-Markdown takes a fence that no same fence closes for text, so the photo is
shown; the scan for photos took the fence for the start of code and called the photo
missing. And Python-Markdown's own search for a closing fence, from each opening to the
end of the body, took minutes on this body (the conversion's time budget stopped it)."""
from io import BytesIO

from PIL import Image


def make(site):
    bundle = site / "content/tin-hoat-dong/rao-ma"
    bundle.mkdir(parents=True)
    photo = BytesIO()
    Image.new("RGB", (640, 480), (40, 90, 160)).save(photo, "JPEG")
    (bundle / "anh.jpg").write_bytes(photo.getvalue())
    head = '---\ntitle: "Rào mã"\ndate: 2026-01-21\nunit: cong-an-tinh\ncategory: tin-hoat-dong\n---\n\n'
    body = "```a\n\n" * 20_001 + "![Ảnh hiện trường](anh.jpg)\n"
    (bundle / "index.md").write_text(head + body, encoding="utf-8")
