"""A quick rebuild (serve's first pass) keeps the last search index; the next
full build brings it up to date, byte-identical to a clean build."""
from __future__ import annotations


from generator.pipeline import BuildOptions, build
from tests.conftest import article, clean_tree, search_bundle, tree


def test_quick_rebuild_keeps_the_index_and_the_next_build_refreshes_it(make_site, tmp_path):
    site = make_site({
        "content/tin-hoat-dong/a.md": article("Diễn tập phòng cháy", body="Diễn tập phòng cháy ở chợ."),
        "content/tin-hoat-dong/b.md": article("Hội nghị tổng kết", "2026-01-02", body="Tổng kết công tác năm."),
    })
    out = tmp_path / "out"
    assert build(BuildOptions(site_dir=site, out_dir=out)).ok
    first = search_bundle(out)
    assert first  # an index exists
    path = site / "content/tin-hoat-dong/b.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Tổng kết công tác năm.", "Tuyên dương tập thể xuất sắc."),
                    encoding="utf-8")
    quick = build(BuildOptions(site_dir=site, out_dir=out, search=False))
    assert quick.ok and quick.rendered >= 1
    assert search_bundle(out) == first  # still the old index, complete
    assert "Tuyên dương" in (out / "tin-hoat-dong/hoi-nghi-tong-ket/index.html").read_text(encoding="utf-8")
    full = build(BuildOptions(site_dir=site, out_dir=out))
    assert full.ok and search_bundle(out) != first
    assert tree(out) == clean_tree(site, tmp_path / "clean")
