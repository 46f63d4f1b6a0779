"""Malformed input over every page and API route: no answer is a 500.

Every URL pattern of the resolver (its path parameters filled with an object that
exists and with ones that do not) gets every query parameter that a view, filter or
form reads, set to what careless clients and attackers send: 100 KB of text or of
digits, NUL bytes, bad percent-escapes and invalid UTF-8, repeated parameters; then
the same as a form body, and the methods a route does not take. A 4xx or a 200 is
fine; a 500 is a bug. On PostgreSQL too, which refuses more than SQLite does (NUL
bytes, numbers out of range, time zone offsets).
"""

import logging
import re

import django_filters
import pytest
from django import forms
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation
from rest_framework.throttling import SimpleRateThrottle

from accounts import forms as accounts_forms
from agencies import api as agency_api
from agencies import filters as agency_filters
from agencies import forms as agency_forms
from blacklist import forms as blacklist_forms
from tests.factories.agencies import LicenceFactory
from tests.factories.feeds import FeedFactory
from tests.factories.helpdesk import CaseFactory
from tests.factories.partners import PartnerAPIKeyFactory
from tests.factories.vacancies import CountryFactory, VacancyFactory, rates
from vacancies import filters as vacancy_filters


def _routes():
    """(route as a template, its view's name) of every URL pattern, with the path
    parameters as ``{name}``; the admin is left to its login redirect (one route)."""
    routes = []

    def walk(patterns, prefix):
        for pattern in patterns:
            text = prefix + _template(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if getattr(pattern, "app_name", None) == "admin":
                    routes.append(text)
                else:
                    walk(pattern.url_patterns, text)
            elif isinstance(pattern, URLPattern):
                routes.append(text)

    with translation.override("en"):
        walk(get_resolver().url_patterns, "/")
    return sorted(set(routes))


def _template(pattern):
    text = str(pattern)
    while (start := text.find("(?P<")) != -1:  # re_path("(?P<pk>[^/.]+)/")
        name = text[start + 4 : text.index(">", start)]
        depth, end = 0, start
        for end in range(start, len(text)):
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            if depth == 0:
                break
        text = f"{text[:start]}{{{name}}}{text[end + 1 :]}"
    text = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", text)  # path("<int:pk>/")
    return text.replace("^", "").replace("$", "").replace("/?", "/").replace("\\.", ".")


def _parameters():
    """Every query or form parameter a view, filter or form of the portal reads."""
    names = {"page", "page_size", "cursor", "format", "q", "lang", "next"}
    names |= {"login", "phone", "code", "password1", "password2"}  # allauth's, set at runtime
    for filterset in (
        vacancy_filters.VacancyFilter,
        agency_filters.AgencyFilter,
        agency_api.LicenceFilter,
    ):
        assert issubclass(filterset, django_filters.FilterSet)
        names.update(filterset.base_filters)
    for module in (agency_forms, blacklist_forms, accounts_forms):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, forms.BaseForm):
                names.update(value.base_fields)
    return sorted(names)


ROUTES = _routes()
PARAMETERS = _parameters()
# Raw, as they arrive on the wire (already percent-encoded where they are escapes).
BAD_VALUES = {
    "huge text": "a" * 100_000,
    "huge number": "9" * 100_000,
    "NUL": "a%00b",
    "bad escape": "%ZZ",
    "invalid UTF-8": "%C3%28",
    "offset": "2030-01-01T00%3A00%3A00%2B16%3A00",
}
# What can break a parameter read on its own (after the others were accepted).
ALONE = ("huge number", "NUL", "invalid UTF-8", "offset")
WRONG_METHODS = ("put", "patch", "delete", "options", "post")


@pytest.fixture(autouse=True)
def _no_request_warnings_kept():
    """Each 4xx answer is logged with its request, and pytest keeps every record of a
    test: hundreds of megabyte-sized bodies a test, 7 GB at the peak (two suites side
    by side ran out of memory). The answers' codes are what these tests check."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


@pytest.fixture
def filled(db, settings, monkeypatch):
    """The values of path parameters: objects that exist and ones that do not. No
    throttles or rate limits: a 429 would hide what a parameter does."""
    settings.RATE_LIMITS = False
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": None, "partner": None})
    rates(KRW=1400)
    CountryFactory(code="KR", name_en="South Korea")
    vacancy = VacancyFactory()
    licence = LicenceFactory(destinations=("KR",))
    key = PartnerAPIKeyFactory(partner__name="Careless partner", scopes=["feeds:push"])
    feed = FeedFactory(partner=key.partner)
    existing = sorted({vacancy.pk, licence.pk, licence.agency.pk, feed.pk})
    ids = [*existing, 99999999999999999999, "x"]
    return {
        "pk": ids,
        "feed_id": ids,
        "code": ["KR", "kr", "ZZ", "%00"],
        "kind": ["vacancies", "nope"],
        "format": ["json", "api", "xml"],
        "path": ["feed/", "feedrun/1/change/"],
        "key": key.raw_key,
        "token": [CaseFactory().token, "forged", "a:b:c", "x", "%00"],
        "uidb36": ["1", "zz", "%00"],  # allauth's password reset link
        "stage": ["before", "nowhere", "%00"],
        "slug": ["unpaid-wages", "nothing-here", "x"],
        "step": ["name", "languages", "nowhere"],
        "action": ["shortlist", "reject", "nothing"],
        "secret": ["0" * 32, "x"],
    }


def _paths(route, filled):
    paths = [route]
    for name in re.findall(r"{(\w+)}", route):
        paths = [
            path.replace(f"{{{name}}}", str(value)) for path in paths for value in filled[name]
        ]
    return paths


def _alone(route, path):
    """Whether to send each parameter alone too: on routes without path parameters,
    except the schema and its docs, which read only ``format`` and ``lang`` (the
    all-at-once requests give them) and build the whole schema for each request."""
    return path == route and not route.startswith(("/api/schema/", "/api/docs/"))


def _no_server_error(response, request):
    assert response.status_code < 500, f"{response.status_code} for {request}"


@pytest.mark.parametrize("route", ROUTES)
def test_malformed_query_parameters_are_never_a_server_error(client, filled, route):
    for path in _paths(route, filled):
        for label, value in BAD_VALUES.items():
            # All at once (a form validates every field), then, on routes that list,
            # search or take a form (no path parameter), one at a time: one bad
            # parameter would stop the request before the others are read.
            query = "&".join(f"{name}={value}" for name in PARAMETERS)
            _no_server_error(client.get(f"{path}?{query}"), f"GET {path} all {label}")
            for name in PARAMETERS if _alone(route, path) and label in ALONE else ():
                response = client.get(f"{path}?{name}={value}")
                _no_server_error(response, f"GET {path}?{name}= {label}")
        repeated = "&".join(f"{name}=1&{name}=2" for name in PARAMETERS)
        _no_server_error(client.get(f"{path}?{repeated}"), f"GET {path} repeated")
        _no_server_error(client.get(f"{path}%00"), f"GET {path}%00")
        _no_server_error(client.get(f"{path}%C3%28/"), f"GET {path}%C3%28/")


@pytest.mark.parametrize("route", ROUTES)
def test_wrong_methods_and_malformed_bodies_are_never_a_server_error(client, filled, route):
    auth = {"HTTP_AUTHORIZATION": f"Api-Key {filled['key']}"}
    for path in _paths(route, filled):
        for method in WRONG_METHODS:
            for label, value in BAD_VALUES.items():
                body = "&".join(f"{name}={value}" for name in PARAMETERS)
                for content_type in ("application/x-www-form-urlencoded", "application/json"):
                    response = getattr(client, method)(path, body, content_type=content_type)
                    _no_server_error(response, f"{method} {path} {content_type} {label}")
            response = getattr(client, method)(path, "{}", content_type="application/json", **auth)
            _no_server_error(response, f"{method} {path} with a key")
