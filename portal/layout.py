"""The parts of the site's layout (`portal/layout.jinja`) that are the same on every
page in a language, kept as HTML by each process (`pagecache.fragments.KeptHtml`):
the stylesheet and icon links, the navigation with the help link, and the footer.
Written on every page, with their translations, URLs and static files' names looked
up each time, they took 0.15-0.3 ms of each. The language switcher and the account
links depend on the page and the reader, and are written for each."""

from pagecache.fragments import KeptHtml
from ui.jinja import render_fragment

_parts = KeptHtml(64)


def site_head_links():
    return _parts.get("head", lambda: render_fragment("portal/head_links.jinja", {}))


def site_navigation():
    return _parts.get("navigation", lambda: render_fragment("portal/navigation.jinja", {}))


def site_footer(hotlines, demo_notice):
    """The footer, kept by all it shows: the hotlines as read for this language and
    whether the site says it is a demonstration (a changed hotline is another key).
    A page rendered without a request has no context processors, so no hotlines."""
    shown = tuple((line.name, line.phone, line.hours, line.description) for line in hotlines or ())
    return _parts.get(
        ("footer", shown, bool(demo_notice)),
        lambda: render_fragment(
            "portal/footer.jinja", {"hotlines": hotlines, "demo_notice": demo_notice}
        ),
    )
