"""A saved search is the vacancy list's own query string: the list page's filter
set (`vacancies.filters.VacancyFilter`) validates it, and the matcher hands it
back to the same filter set, so an alert finds exactly what the page would."""

from decimal import Decimal
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse

from vacancies.filters import MENUS, VacancyFilter, menu_choices
from vacancies.models import Vacancy

# How a page orders or pages through results is not part of what a person watches.
NOT_SEARCH = {"sort", "page"}


def search_filter(params, queryset=None, menus=None):
    """The list page's filter set over ``queryset`` (no vacancy by default).

    ``menus`` ({filter name: choices}, from `menus_now`) gives the menu filters
    their choices read once: a matching run builds thousands of filter sets, and
    each would otherwise read the country and occupation menus from the cache."""
    filterset = VacancyFilter(
        params, queryset=Vacancy.objects.none() if queryset is None else queryset
    )
    for name, choices in (menus or {}).items():
        filterset.filters[name].extra["choices"] = choices
    return filterset


def menus_now():
    """The filter menus' choices in the current language, read once."""
    return {name: menu_choices(name) for name in MENUS}


def canonical_query(params):
    """``(query, errors)``: the filters of ``params`` in one spelling (sorted,
    empty ones left out), or None and the form's errors when they are invalid."""
    filterset = search_filter(params)
    form = filterset.form
    if not form.is_valid():
        return None, form.errors
    pairs = []
    for name in sorted(filterset.filters):
        value = form.cleaned_data.get(name)
        if name in NOT_SEARCH or value in (None, "", False):
            continue
        if value is True:
            value = "on"
        elif isinstance(value, Decimal):
            value = format(value.normalize(), "f")
        elif isinstance(value, str):
            value = " ".join(value.split())
        pairs.append((name, value))
    return urlencode(pairs), None


def params(query):
    return QueryDict(query)


def list_url(query):
    """The vacancy list showing this search (path only, current language)."""
    url = reverse("vacancies:list")
    return f"{url}?{query}" if query else url


def describe(query):
    """The search in words, for a person: "Korea · Agriculture · from 1000 USD"."""
    filterset = search_filter(params(query))
    form = filterset.form
    if not form.is_valid():
        return ""
    parts = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if name in NOT_SEARCH or value in (None, "", False):
            continue
        choices = dict(field.choices) if hasattr(field, "choices") else {}
        if value is True:
            parts.append(str(field.label))
        elif value in choices:
            parts.append(str(choices[value]))
        else:
            parts.append(f"{field.label}: {value}")
    return " · ".join(parts)
