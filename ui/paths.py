"""Paths of pages that lists link to by the row (a card, a registry entry, an API
item): `reverse` walks the URL patterns on every call, and twenty or fifty calls a
page were a tenth of a list's time."""

import functools

from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language


def detail_path(view_name, pk):
    """The path of `view_name`'s page of `pk`, as ``reverse(view_name, args=[pk])``
    gives it; the view's pattern must end in ``<int:pk>/``."""
    return f"{_prefix(view_name, get_script_prefix(), get_language())}{pk}/"


@functools.cache
def _prefix(view_name, script_prefix, language):
    """The path up to the id, which differs only by the script prefix and the
    language: reversed once for each (the arguments are the cache's key; `reverse`
    reads both itself)."""
    return reverse(view_name, args=[1]).removesuffix("1/")
