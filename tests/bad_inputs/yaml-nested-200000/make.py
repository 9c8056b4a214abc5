"""200,000 nested '[' in front-matter: libyaml's composer recursed once per level
and overflowed the C stack (a segfault, no message at all)."""


def make(site):
    head = '---\ntitle: "Lồng sâu"\ndate: 2026-01-21\nunit: cong-an-tinh\ncategory: tin-hoat-dong\n'
    text = head + "extra: " + "[" * 200_000 + "]" * 200_000 + "\n---\n\nNội dung.\n"
    (site / "content/tin-hoat-dong/long-sau.md").write_text(text, encoding="utf-8")
