"""The vacancy list's search form as HTML, kept per language, query and menus.

The form holds six menus, the destinations' alone some forty options, and writing
them took a millisecond of every list page (1.1 ms of 14.5 at 200,000 vacancies),
to write the same HTML again for the same query: on an announcement day most
visitors open the same few searches. What the form shows follows only from
- the language (its labels, the menus' names),
- the query string (the values chosen and their errors, the count of folded
  filters), and
- the destination and occupation menus, which are kept (`vacancies.filters`,
  `pagecache.kept`): a change to a country or an occupation gives the kept values
  a new generation, so the forms written before it are not used again.
"""

from django.utils import translation
from django.utils.safestring import mark_safe

from pagecache.kept import generation
from ui.jinja import render_fragment

# Forms kept by each process; a few kilobytes each. When full they are all
# forgotten: the common searches are written again within a few requests.
KEPT_FORMS = 512

_written = {}


def search_form(filterset, query, folded_active, request=None):
    """The form of `filterset` (`vacancies.selectors.search`) for the query string
    `query` (without its page number), with `folded_active` filters folded away."""
    token = generation()
    context = {"filter": filterset, "folded_active": folded_active}
    if token is None:  # no cache to tell a changed menu by: write it each time
        return render_fragment("vacancies/search_form.jinja", context, request)
    key = (translation.get_language(), token, query)
    html = _written.get(key)
    if html is None:
        if len(_written) >= KEPT_FORMS:
            _written.clear()
        html = _written[key] = str(render_fragment("vacancies/search_form.jinja", context, request))
    return mark_safe(html)  # noqa: S308 - written by Jinja2 with autoescape
