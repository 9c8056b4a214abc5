from generator.causes import compare


def record(**layouts):
    return {"config": "c", "layouts": {name.replace("__", "/").replace("_", "."): v for name, v in layouts.items()},
            "articles": {}}


def test_a_theme_layout_the_site_does_not_override_is_named_once():
    """The theme's files are also reachable as theme/<name> (for a site's layout to extend):
    a change to one the site does not override is the change of <name>, said once."""
    before = record(base_html="A", theme__base_html="A", footer_html="F", theme__footer_html="F")
    assert compare(before, record(base_html="B", theme__base_html="B", footer_html="F",
                                  theme__footer_html="F")).layouts == ("layouts/base.html",)
    # The site's base.html extends the theme's: only the theme's changed, under its own name.
    before = record(base_html="S", theme__base_html="A")
    assert compare(before, record(base_html="S", theme__base_html="B")).layouts == ("layouts/theme/base.html",)
    # A record from before theme/ names existed: the upgrade names nothing twice.
    assert compare(record(base_html="A"), record(base_html="A", theme__base_html="A")).layouts == ()


def test_a_body_that_moved_with_the_site_is_not_called_edited():
    """An article's record is 8 bytes of what the editor wrote and 8 of its converted body.
    The body also changes when base_url moves (its links carry the path): named as the move,
    not as articles edited; a body change alone (a photo replaced) is still an edit."""
    def state(base, settings, bodies):
        return {"config": base + settings, "settings": settings, "base_url": base, "layouts": {},
                "articles": {source: b"own-part" + body for source, body in bodies.items()}}
    before = state("https://a.vn/", "s", {"x.md": b"body-one", "y.md": b"body-one"})
    moved = compare(before, state("https://a.vn/thu/", "s", {"x.md": b"body-two", "y.md": b"body-one"}))
    assert moved.address == ("https://a.vn/", "https://a.vn/thu/") and moved.edited == () and not moved.config
    photo = compare(before, state("https://a.vn/", "s", {"x.md": b"body-two", "y.md": b"body-one"}))
    assert photo.address is None and photo.edited == ("x.md",)
    settings = compare(before, state("https://a.vn/", "t", {"x.md": b"body-two", "y.md": b"body-one"}))
    assert settings.config and settings.edited == ()
    written = {"x.md": b"new-part" + b"body-two", "y.md": b"own-part" + b"body-one"}
    assert compare(before, {**state("https://a.vn/thu/", "s", {}), "articles": written}).edited == ("x.md",)
