"""The API list's searches, kept by each process, and the cursor pages of a search
with words and another filter, found as the list page finds its matches
(`vacancies.selectors.first_ids`).

DRF's `CursorPagination` asks three things of what it pages: an order, a position
after which the page starts (a filter on the order's first key), and a slice. For
such a search the planner, taking the words and the filter as independent, walked
the filter's order testing every row: 73 ms of SQL for a word that no vacancy of
the country has (``?q=payvandchi&country=GB`` at 200,000).
"""

from dataclasses import dataclass, field

from django.http import QueryDict

from pagecache.fragments import KeptSearches
from vacancies import selectors
from vacancies.filters import VacancyFilter


@dataclass(frozen=True)
class ApiSearch:
    """The filter set of a query string (validated, its filters run) and the SQL its
    pages compiled (`selectors.first_ids`). Its ``qs`` is only cloned, never
    evaluated: every request reads the rows afresh."""

    filterset: VacancyFilter
    compiled: dict = field(default_factory=dict)


# A search holds its filter set and bound form, about 50 KB: 25 MB at most.
_searches = KeptSearches(512)


def api_search(params):
    """The search of the API list's query string `params` (a QueryDict), kept as the
    list page's are (`vacancies.prepared`), under its query without the cursor, in
    the order of the names: building and checking the filter set and compiling the
    SQL of a search with words took a third of the Python of such an answer."""
    query = QueryDict(mutable=True)
    for name in sorted(params.keys() - {"cursor"}):  # a cursor's link orders them anew
        query.setlist(name, params.getlist(name))
    return _searches.search(query, _prepare)


def _prepare(query, _query_string):
    filterset = VacancyFilter(query, queryset=selectors.vacancies_for_api())
    if filterset.is_valid():
        filterset.qs  # noqa: B018 - the filters run here, once
    return ApiSearch(filterset)


class SearchPages:
    """The queryset DRF pages for a search that `selectors.walks`: each page's ids from
    `selectors.first_ids`, then their rows, read with `values` (`vacancies.api.rows`),
    from the filter set's queryset (public). ``compiled`` is the kept search's."""

    def __init__(self, filterset, ordering=(), after=None, names=(), compiled=None):
        self.filterset = filterset
        self.model = filterset.queryset.model
        self.ordering = ordering
        self.after = after or {}
        self.names = names
        self.compiled = compiled

    def _with(self, **changed):
        parts = {
            "ordering": self.ordering,
            "after": self.after,
            "names": self.names,
            "compiled": self.compiled,
        }
        return SearchPages(self.filterset, **{**parts, **changed})

    def values(self, *names):
        return self._with(names=names)

    def order_by(self, *ordering):
        return self._with(ordering=ordering)

    def filter(self, **after):
        return self._with(after={**self.after, **after})

    def __getitem__(self, part):
        ids = selectors.first_ids(
            self.filterset,
            part.stop,
            ordering=self.ordering,
            after=self.after,
            compiled=self.compiled,
        )
        if not ids[part.start :]:
            return []  # building the rows' query took 0.3 ms
        rows = self.filterset.queryset.values(*self.names)
        return selectors.in_order(rows, ids[part.start :])
