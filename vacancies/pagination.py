"""Pages of a long search without counting every match.

Counting all matches of a broad search means reading every matching row (tens of
thousands at a national scale) on each page view, for a number nobody needs
exactly: a person refines a search long before page 50. So the count stops at
`CappedPaginator.limit`; beyond it the page says "more than 1,000" and offers the
first `limit` matches.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    limit = 1000

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
