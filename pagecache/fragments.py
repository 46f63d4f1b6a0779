"""Parts of pages kept as HTML by each process: a search form whose menus are kept
values (`pagecache.kept`), written once for each language and query instead of on
every request.

Such a part follows only from the language, the query string (the values chosen
and their errors) and kept values, so the key is those three: a change to a menu
gives the kept values a new generation, and what was written before it is not
used again. When the cache cannot keep a generation, there is none to tell a
change by, and the part is written every time.
"""

from django.utils import translation
from django.utils.safestring import mark_safe

from pagecache.kept import generation

# Parts kept by each process, a few kilobytes each. When full they are all
# forgotten: the common queries are written again within a few requests.
KEPT_PARTS = 512

_written = {}


def kept_html(name, query, write):
    """The HTML `write()` returns for the part `name` and the query string `query`,
    written once per language, query and generation of the kept values. `write`
    must return HTML that Jinja2 or Django escaped."""
    token = generation()
    if token is None:
        return write()
    key = (name, translation.get_language(), token, query)
    html = _written.get(key)
    if html is None:
        if len(_written) >= KEPT_PARTS:
            _written.clear()
        html = _written[key] = str(write())
    return mark_safe(html)  # noqa: S308 - escaped by the template engine that wrote it
