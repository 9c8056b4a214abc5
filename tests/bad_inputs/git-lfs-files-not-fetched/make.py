"""A repository keeping its documents in Git LFS, cloned where LFS was not fetched (a CI checkout
without `lfs: true`): each file is a pointer, a few lines naming it. Made here, so that no git
with LFS installed ever takes them for its own."""

POINTER = ("version https://git-lfs.github.com/spec/v1\n"
           "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 2345678\n")


def make(site):
    bundle = site / "content/tin-hoat-dong/ke-hoach-dien-tap"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text('---\ntitle: "Kế hoạch diễn tập"\ndate: 2026-01-21\nunit: cong-an-tinh\n'
                                     "category: tin-hoat-dong\n---\n\nXem [kế hoạch](ke-hoach.pdf).\n", encoding="utf-8")
    (bundle / "ke-hoach.pdf").write_text(POINTER, encoding="utf-8")
    (site / "static").mkdir()
    (site / "static/bieu-mau.pdf").write_bytes(POINTER.replace("\n", "\r\n").encode())  # (a Windows checkout's)
