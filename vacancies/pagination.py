"""Pages of a long search without counting every match.

Counting all matches of a broad search means reading every matching row (tens of
thousands at a national scale) on each page view, for a number nobody needs
exactly: a person on a phone narrows a search (a country, an occupation, a wage)
long before page ten. So the count stops at `CappedPaginator.limit`; beyond it the
page says "more than 200" and offers the first `limit` matches in the chosen
order. Counting to 1,000 instead cost up to 30 ms more per page at 200,000
vacancies (`manage.py benchmark vacancies`).
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    limit = 200

    @cached_property
    def capped(self):
        """Are there more matches than the pages offer?"""
        return self._counted > self.limit

    @cached_property
    def count(self):
        return min(self._counted, self.limit)

    @cached_property
    def _counted(self):
        """Matches counted up to one past the limit, in one bounded query."""
        return self.object_list.order_by()[: self.limit + 1].count()
