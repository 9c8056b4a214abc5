"""Links beside an article to files of the checkout it never publishes: .git/config (where
CI's checkout keeps its token) and .env. Both lie inside the site folder; published, they
put the token and the password on the portal."""
import os


def make(site):
    (site / ".git").mkdir()
    (site / ".git/config").write_text('[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic '
                                      'eC1hY2Nlc3MtdG9rZW46Z2hzX1NFQ1JFVA==\n', encoding="utf-8")
    (site / ".env").write_text("DB_PASSWORD=hunter2\n", encoding="utf-8")
    bundle = site / "content/tin-hoat-dong/bai"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text('---\ntitle: "Bài"\ndate: 2026-01-21\nunit: cong-an-tinh\n'
                                     'category: tin-hoat-dong\n---\n\nXem tài liệu.\n', encoding="utf-8")
    os.symlink("../../../.git/config", bundle / "cau-hinh.txt")
    os.symlink("../../../.env", bundle / "bien.txt")
