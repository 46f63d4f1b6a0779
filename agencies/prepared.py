"""The registry's search prepared once per language, query string and day, as the
vacancy list's is (`vacancies.prepared`): its filter set, its form's HTML and the
SQL of its matches' ids, in the registry's order, kept by each process
(`pagecache.fragments.KeptSearches`).

They follow from the language, the query string (without its page), the day (the
licences in force, `in_force_condition`) and the kept menus that check an
authority or a destination (their generation, `pagecache.kept`), never from the
rows: each page reads the ids afresh, so a licence suspended this minute leaves
the "licensed today" list at once. Checking the query and building and compiling
its count and its page took 2.5 ms of a registry page. The ids of every match
are read at once, a few hundred at a national scale: their number is the count,
and the page's twenty-five are taken from them.
"""

from dataclasses import dataclass

from agencies import selectors
from agencies.entries import registry_form
from agencies.filters import AgencyFilter
from pagecache.fragments import KeptSearches
from pagecache.prepared import ids_sql, read_compiled_ids


@dataclass(frozen=True)
class PreparedRegistry:
    """A registry search as its pages show it."""

    filterset: AgencyFilter
    query: str  # the query string without its page
    form: str  # the search form's HTML
    db: str
    compiled: tuple | None  # the matches' ids (`ids_sql`); None matches nothing

    def ids(self):
        """The ids of every match, in the registry's order, read now."""
        return read_compiled_ids(self.db, self.compiled)


# A search holds about 50 KB (its filter set and bound form, its form's HTML): 25 MB at most.
_prepared = KeptSearches(512)


def prepared_registry(params):
    """The registry search of the query string `params` (a QueryDict) in the current
    language. It opens on the agencies licensed today: a first page of revoked
    licences told people that most agencies are frauds. The others are one choice
    of the "Show" filter away, and any search looks at every agency (a person
    checking a name must learn that its licence was revoked)."""
    return _prepared.search(params, _prepare)


def _prepare(query, query_string):
    params = query.copy()
    if not any(name in params for name in AgencyFilter.base_filters):
        params["licensed"] = "today"
    filterset = AgencyFilter(params, queryset=selectors.registry_page())
    matches = filterset.qs.order_by("legal_name", "pk") if filterset.is_valid() else None
    return PreparedRegistry(
        filterset=filterset,
        query=query_string,
        form=registry_form(filterset),
        db=filterset.queryset.db,
        compiled=ids_sql(matches) if matches is not None else None,
    )
