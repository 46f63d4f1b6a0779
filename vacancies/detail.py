"""A vacancy's page as two parts of HTML around its "Apply" box, each kept by
everything it shows (`pagecache.fragments`).

A vacancy's page is what a link in a Telegram channel opens: on an announcement
day thousands open the same few pages, and writing the page took a fifth of it.
What the parts show follows from the vacancy's row as read (its columns, whether
it is public), the rows of its relations read with it (country, occupation,
agency, authority, partner), the page's context (costs, phones, conversions, the
share link, the printable version) and the reader's language: all of it is the
key, so a part is never stale; any change is another key. The "Apply" box, which
depends on who reads, is written every time, and so is an editor's preview.
"""

from pagecache.fragments import KeptHtml
from ui.jinja import render_fragment

# Parts kept by each process, a few kilobytes each: the pages opened most.
_parts = KeptHtml(1024)

PARTS = ("about", "contacts")


def _hashable(value):
    return repr(value) if isinstance(value, (list, dict, set)) else value


def _row(instance):
    """The values read of a model instance (not Django's own state, nor what was
    prefetched: the context holds that)."""
    if instance is None:
        return None
    return tuple(
        (name, _hashable(value))
        for name, value in instance.__dict__.items()
        if not name.startswith("_")
    )


def shown(vacancy, context):
    """Everything the parts follow from besides the reader's language."""
    relations = vacancy._state.fields_cache
    return (
        _row(vacancy),
        tuple((name, _row(related)) for name, related in sorted(relations.items())),
        tuple(_row(cost) for cost in context["costs"]),
        tuple(context["phones"]),
        tuple(context["conversions"]),
        context["currency_name"],
        context["printable"],
        context["share_url"],
    )


def page_parts(vacancy, context):
    """{part name: HTML} of `vacancy`'s page for `context` (`views.render_detail`),
    written without the request: nothing in them may depend on who reads."""
    key = None if context["preview"] else shown(vacancy, context)
    parts = {}
    for name in PARTS:

        def write(name=name):
            return render_fragment(f"vacancies/vacancy_{name}.jinja", context)

        parts[name] = write() if key is None else _parts.get((name, key), write)
    return parts
