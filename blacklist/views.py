"""The public self-check. Nothing of what a person types is stored or logged:
POST only, no data in URLs or sessions, error reports hide the form, the rate
limit counts a keyed hash of the identity that expires from the cache, and every
outcome has the same size on the wire (``blacklist.padding``)."""

import functools

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods

from blacklist import padding, selectors, services
from blacklist.forms import CheckForm
from blacklist.matching import PersonName, name_keys
from pagecache.fragments import KeptHtml
from partners import limits
from ui.jinja import render_fragment, render_page

# Checks allowed per hour of one person, from anywhere: every spelling of a name
# with one date of birth counts together, so nobody can try a person's variants
# beyond this. Generous for one's own check with a few spellings.
PERSON_RATE = 10
# Checks allowed per hour from one address. A mobile carrier puts thousands of
# phones behind one shared address (carrier-grade NAT), and a resource centre or a
# recruitment office checks a whole group over its Wi-Fi: 300 an hour lets a
# centre check 100 people three spellings each. It still stops a script from
# walking the list: a check needs the exact date of birth and a name, so guessing
# people takes many thousands of checks, and the per-person limit stays.
ADDRESS_RATE = 300


@sensitive_variables()
def identity_key(data):
    """A keyed hash of the person asked about: the same for every spelling of the
    name (the name's matching keys) and the date of birth, useless without
    SECRET_KEY, and only ever a cache key that expires with the rate window."""
    keys = sorted(name_keys(PersonName(data["surname"], data["given_name"])))
    value = f"{'|'.join(keys)}|{data['date_of_birth']:%Y-%m-%d}"
    return salted_hmac("blacklist.check.identity", value, algorithm="sha256").hexdigest()


def _limited(request):
    response = render(
        request,
        "blacklist/limited.html",
        {"address_rate": ADDRESS_RATE, "person_rate": PERSON_RATE},
        status=429,
    )
    response["Retry-After"] = "3600"
    return response


@sensitive_post_parameters()
@sensitive_variables()
@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def check(request):
    if request.method == "GET":
        return _form_page(request, CheckForm())
    # Every POST counts against its address, a valid one against the person too,
    # both in one round trip (`partners.limits`).
    address = limits.by_address(request, "blacklist.check.ip", ADDRESS_RATE)
    form = CheckForm(request.POST)
    if not form.is_valid():
        if limits.over_limit(address):
            return _limited(request)
        return _form_page(request, form)
    person = limits.Use("blacklist.check.person", identity_key(form.cleaned_data), PERSON_RATE)
    if limits.over_limit(address, person):
        return _limited(request)
    result = services.check_person(**form.cleaned_data, count=False)
    # The answer in Jinja2 (`ui.jinja`), in the site's layout.
    response = render_page(
        request,
        "blacklist/result",
        {"result": result, "sources_html": _sources_html(result.sources)},
        response_class=functools.partial(CountedAnswer, outcome=result.outcome),
    )
    return padding.PAGE.apply(request, response)


class CountedAnswer(HttpResponse):
    """A check's answer, which adds its outcome to the day's counter once it is
    sent: the WSGI server calls `close` after the last byte, and the person does not
    wait for a statistic. A failure to count is not lost: it reaches the server's
    error log (the outcome only, nothing of the person)."""

    def __init__(self, *args, outcome, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcome = outcome

    def close(self):
        try:
            services.count_outcome(self.outcome)
        finally:
            super().close()


def _form_page(request, form):
    sources = _sources_html(selectors.searched_sources())
    return render(request, "blacklist/check.html", {"form": form, "sources_html": sources})


# The lists searched, below the form and every answer, kept by this process in each
# language by all they show: written on every check, they took a twentieth of it.
_sources = KeptHtml(64)


def _sources_html(sources):
    shown = tuple(
        (source.pk, source.name, source.country.code, source.updated_at, source.active_records)
        for source in sources
    )
    return _sources.get(
        ("sources", shown),
        lambda: render_fragment("blacklist/sources.jinja", {"sources": sources}),
    )
