"""The second template engine, Jinja2, for the pages read most.

Django's own template language spends about half a millisecond per vacancy card
and several milliseconds on the search form (a node object per tag, a context
lookup per variable): on the vacancy list that was most of the page's time. Jinja2
compiles a template to Python once, and renders the same HTML several times faster.
The site's layout (`portal/layout.jinja`, around every page) and the hot pages'
content are written in it; the rest of the site stays Django templates.

Jinja2 templates live in each app's ``jinja2/`` folder, end in ``.jinja`` (so that
Django's `makemessages` does not read them as its own templates: `ui.messages`
extracts their strings), and use Django's own translations, URLs, static files and
number and date filters, so a page says the same in either engine.
"""

import datetime
import functools
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.conf import settings
from django.http import HttpResponse
from django.template import defaultfilters, engines
from django.templatetags.static import static
from django.test.signals import template_rendered
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.formats import get_format
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from jinja2 import Environment


def date(value, arg=None):
    """Django's `date` filter on the time of the reader's zone, as Django's templates
    show a datetime (they convert it before any filter sees it). A calendar date (a
    deadline) has no zone: each is written once per format and language, where
    Django took 23 microseconds a date, a twentieth of a list's cards."""
    if type(value) is datetime.date:
        return _dated(value, arg, translation.get_language())
    return defaultfilters.date(template_localtime(value), arg)


@functools.lru_cache(maxsize=4096)
def _dated(value, arg, language):
    """The language is of the key: its formats and month names make the text."""
    return defaultfilters.date(value, arg)


def grouped(value):
    """Django's ``floatformat("0g")``, a whole number rounded half up with the reader's
    language's thousands separator, in a third of its time: a list page shows some
    seventy wages. Every language of the portal groups digits by threes
    (``NUMBER_GROUPING``); a test holds the two filters to the same text."""
    try:
        number = Decimal(repr(value) if isinstance(value, float) else value)
        whole = int(number.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except (InvalidOperation, TypeError, ValueError):
        return ""
    return f"{whole:,}".replace(",", get_format("THOUSAND_SEPARATOR"))


def url(name, *args, **kwargs):
    """``{{ url("vacancies:detail", pk) }}``: Django's `reverse`, remembered for each
    script prefix and language (the layout's menu alone reversed five names on every
    page, each a walk over the URL patterns)."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _reversed(
        name, args, tuple(kwargs.items()), urlconf, get_script_prefix(), translation.get_language()
    )


@functools.lru_cache(maxsize=4096)
def _reversed(name, args, kwargs, urlconf, script_prefix, language):
    """The arguments are the key: `reverse` reads the URL patterns, the prefix and the
    language itself. Bounded: a template may reverse a name with each row's id."""
    return reverse(name, args=args or None, kwargs=dict(kwargs) or None)


def environment(**options):
    """The environment Django's Jinja2 backend builds (``OPTIONS["environment"]``)."""
    options.pop("autoescape", None)  # Django's backend sets it on; it stays on
    env = Environment(autoescape=True, extensions=["jinja2.ext.i18n", "jinja2.ext.do"], **options)
    env.install_gettext_callables(
        translation.gettext,
        translation.ngettext,
        newstyle=True,
        pgettext=translation.pgettext,
        npgettext=translation.npgettext,
    )
    env.globals.update(url=url, static=static, current_language=translation.get_language)
    # Django's filters themselves: the same rounding, grouping and date formats in
    # each language as the Django templates show.
    # Django's `urlencode` quotes "/" when told to (``urlencode("")``); Jinja's own
    # does not, so Django's replaces it.
    env.filters.update(
        floatformat=defaultfilters.floatformat,
        grouped=grouped,
        date=date,
        linebreaks=defaultfilters.linebreaks_filter,
        urlencode=defaultfilters.urlencode,
    )
    return env


def render_fragment(name, context, request=None):
    """A Jinja2 template rendered to HTML that a Django template may show as is
    (``{{ content }}``)."""
    html = engines["jinja2"].get_template(name).render(context, request)
    return mark_safe(html)  # noqa: S308 - Jinja2 escaped every value (autoescape)


def render_page(request, name, context, response_class=HttpResponse):
    """The response (a `response_class`) of the Jinja2 page ``<name>.jinja``, which
    extends the site's layout (`portal/layout.jinja`) and fills its blocks. A page
    in Jinja2 alone: as a Django template around Jinja2 content, the layout cost
    0.35 ms more (its own engine, context and processors). The test client reads
    the context from Django's `template_rendered` signal, which only Django's
    engine sends, and which costs nothing when no test listens."""
    template = engines["jinja2"].get_template(f"{name}.jinja")
    template_rendered.send(sender=template, template=template.template, context=context)
    return response_class(template.render({**context, "blocks": {}}, request))
