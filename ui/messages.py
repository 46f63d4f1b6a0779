"""The translatable strings of the Jinja2 templates (`ui.jinja`), for `makemessages`.

Django's `makemessages` turns each of its own templates into Python-like text that
xgettext reads; a ``.jinja`` template gets the same treatment here, from Jinja2's
own parse of it: every ``_()``, ``gettext``, ``ngettext``, ``pgettext`` and
``{% trans %}`` block becomes the matching call, on its own line. The strings are
the same msgids a Django template would give (``%(counter)s vacancy found``), so
one catalog serves both engines.
"""

from django.template import engines
from jinja2.ext import extract_from_ast

# How each gettext function's strings are written back as a call xgettext reads.
_CALLS = {
    "_": "gettext({0!r})",
    "gettext": "gettext({0!r})",
    "ngettext": "ngettext({0!r}, {1!r}, n)",
    "pgettext": "pgettext({0!r}, {1!r})",
    "npgettext": "npgettext({0!r}, {1!r}, {2!r}, n)",
}


def python_source(template_source):
    """Python-like source with the template's strings, each on its template line."""
    environment = engines["jinja2"].env
    lines = {}
    for lineno, function, strings in extract_from_ast(environment.parse(template_source)):
        strings = strings if isinstance(strings, tuple) else (strings,)
        call = _CALLS[function].format(*strings)
        lines[lineno] = f"{lines[lineno]}; {call}" if lineno in lines else call
    last = max(lines, default=0)
    return "\n".join(lines.get(number, "") for number in range(1, last + 1)) + "\n"
