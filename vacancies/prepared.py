"""The vacancy list's search prepared once per query string: its filter set with the
queryset it built, the chips, the sort links and the search form's HTML, kept by
each process (`pagecache.fragments.KeptSearches`).

All of these follow from the language, the query string (without its page), the
day (the public rule's date, `Vacancy.objects.public`) and the kept menus that
check a destination or an occupation (their generation, `pagecache.kept`), never
from the rows: the rows are read afresh for every page (`selectors.first_ids`,
`selectors.cards`), so what a page shows stays as instant as before. Checking the
query, building the filters' queryset and writing the chips took 1.2 ms of a list
page at 200,000 vacancies, for the same answer every time the same search is
opened: on an announcement day most visitors open the same few.
"""

from dataclasses import dataclass, field

from pagecache.fragments import KeptSearches
from vacancies import selectors
from vacancies.chips import active_filters, folded_count, sort_links
from vacancies.search_form import search_form


@dataclass(frozen=True)
class PreparedSearch:
    """A search as the list page shows it. Its filter set is shared by every page of
    the search that this process serves: its ``qs`` and ``without_text`` are only
    cloned (`selectors.first_ids`), never evaluated."""

    filterset: object
    query: str  # the query string without its page
    chips: list
    sorts: list
    form: str  # the search form's HTML
    # The SQL of its ids' query by count, compiled by the first page that reads them.
    compiled: dict = field(default_factory=dict)

    def first_ids(self, count):
        return selectors.first_ids(self.filterset, count, compiled=self.compiled)


# A search holds about 50 KB (its filter set and bound form, its form's HTML): 25 MB at most.
_prepared = KeptSearches(512)


def prepared_search(params):
    """The search of the query string `params` (a QueryDict) in the current language."""
    return _prepared.search(params, _prepare)


def _prepare(query, query_string):
    filterset = selectors.search(query)
    filterset.qs  # noqa: B018 - the filters run here, once: later pages only read them
    chips = active_filters(filterset, query)
    return PreparedSearch(
        filterset=filterset,
        query=query_string,
        chips=chips,
        sorts=sort_links(filterset, query),
        form=search_form(filterset, query_string, folded_count(chips)),
    )
