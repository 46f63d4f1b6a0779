"""The API's cursor pages of a search with words and another filter, found as the
list page finds its matches (`vacancies.selectors.first_ids`).

DRF's `CursorPagination` asks three things of what it pages: an order, a position
after which the page starts (a filter on the order's first key), and a slice. For
such a search the planner, taking the words and the filter as independent, walked
the filter's order testing every row: 73 ms of SQL for a word that no vacancy of
the country has (``?q=payvandchi&country=GB`` at 200,000).
"""

from vacancies import selectors


class SearchPages:
    """The queryset DRF pages for a search that `selectors.walks`: each page's ids from
    `selectors.first_ids`, then their rows, read with `values` (`vacancies.api.rows`),
    from the filter set's queryset (public)."""

    def __init__(self, filterset, ordering=(), after=None, names=()):
        self.filterset = filterset
        self.model = filterset.queryset.model
        self.ordering = ordering
        self.after = after or {}
        self.names = names

    def values(self, *names):
        return SearchPages(self.filterset, self.ordering, self.after, names)

    def order_by(self, *ordering):
        return SearchPages(self.filterset, ordering, self.after, self.names)

    def filter(self, **after):
        return SearchPages(self.filterset, self.ordering, {**self.after, **after}, self.names)

    def __getitem__(self, part):
        ids = selectors.first_ids(
            self.filterset, part.stop, ordering=self.ordering, after=self.after
        )
        rows = self.filterset.queryset.values(*self.names)
        return selectors.in_order(rows, ids[part.start :])
