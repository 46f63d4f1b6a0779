"""The vacancy list's search form as HTML, written once per language, query and
menus with the rest of its search (`vacancies.prepared`).

The form holds six menus, the destinations' alone some forty options, and writing
them took a millisecond of every list page (1.1 ms of 14.5 at 200,000 vacancies),
to write the same HTML again for the same query: on an announcement day most
visitors open the same few searches. What the form shows follows only from the
language, the query string (the values chosen and their errors, the count of
folded filters) and the destination and occupation menus, which are kept
(`vacancies.filters`, `pagecache.kept`).
"""

from ui.jinja import render_fragment


def search_form(filterset, query, folded_active):
    """The form of `filterset` (`vacancies.selectors.search`) for the query string
    `query` (without its page), with `folded_active` filters folded away. Written
    without the request, as every kept part: nothing in it may depend on who reads."""
    context = {"filter": filterset, "folded_active": folded_active}
    return render_fragment("vacancies/search_form.jinja", context)
