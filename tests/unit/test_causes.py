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
