"""200,000 nested <div>s pasted into a body: the HTML parser's time grows with the
square of the depth, so this took minutes per build before it was refused."""


def make(site):
    head = '---\ntitle: "HTML lồng sâu"\ndate: 2026-01-21\nunit: cong-an-tinh\ncategory: tin-hoat-dong\n---\n\n'
    (site / "content/tin-hoat-dong/html-long.md").write_text(head + "<div>" * 200_000 + "x\n", encoding="utf-8")
