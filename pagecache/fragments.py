"""Parts of pages kept by each process, under a key that fixes them: built once,
then read from memory.

- A list's search (the vacancy list's, the registry's: its filter set, its form's
  HTML) follows only from the language, the query string (the values chosen and
  their errors) and the kept menus that check it (`pagecache.kept`): it is kept
  under those and the kept values' generation (``kept_values``). A change to a
  menu gives the kept values a new generation, and what was built before it is not
  used again; when the cache cannot keep a generation, there is none to tell a
  change by, and the part is built every time.
- A part keyed by everything it shows (a vacancy's card, a registry entry: their
  values, names and the reader's language) needs no generation: any change is
  another key (`KeptHtml` without ``kept_values``).
"""

from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from pagecache.kept import generation


class KeptInProcess:
    """What ``build()`` returns, kept by this process under (language, key), at most
    `limit` values; when full they are all forgotten: the ones people ask for again
    are built again within a few requests. With ``kept_values`` the key also holds
    the generation of the kept values (`pagecache.kept`), and with no generation to
    tell a change by, the value is built every time."""

    def __init__(self, limit, *, kept_values=False):
        self.limit = limit
        self.kept_values = kept_values
        self.written = {}

    def get(self, key, build):
        if self.kept_values:
            token = generation()
            if token is None:
                return build()
            key = (token, key)
        key = (translation.get_language(), key)
        value = self.written.get(key)
        if value is None:
            if len(self.written) >= self.limit:
                self.written.clear()
            value = self.written[key] = build()
        return value


class KeptHtml(KeptInProcess):
    """HTML kept by this process (`KeptInProcess`): a few kilobytes each at most."""

    def get(self, key, write):
        """The HTML `write()` returns for `key`, written once. `write` must return
        HTML that Jinja2 or Django escaped."""
        html = super().get(key, lambda: str(write()))
        return mark_safe(html)  # noqa: S308 - escaped by the template engine that wrote it


class KeptSearches(KeptInProcess):
    """A list's searches (`vacancies.prepared`, `agencies.prepared`), each kept under
    the reader's language, its query string without the page, the day (the
    conditions of what is public or in force) and the generation of the kept menus
    that check it: every page of a search reads the same one."""

    def __init__(self, limit):
        super().__init__(limit, kept_values=True)

    def search(self, params, prepare):
        """``prepare(query, query_string)`` for the query string `params` (a
        QueryDict), kept: `query` is a copy of it without the page."""
        query = params.copy()
        query.pop("page", None)
        query_string = query.urlencode()
        return self.get((timezone.localdate(), query_string), lambda: prepare(query, query_string))
