"""Every scope is enforced somewhere, and public reads answer keyed callers as they
answer the public."""

from django.urls import URLPattern, URLResolver, get_resolver

from partners.permissions import required_scope
from partners.scopes import SCOPES


def api_views(patterns=None):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from api_views(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and hasattr(pattern.callback, "cls"):
            yield pattern.callback.cls


def test_every_scope_is_required_by_some_endpoint_and_no_endpoint_names_another():
    required = {
        required_scope(view, method)
        for view in api_views()
        for method in ("GET", "POST", "PUT", "PATCH", "DELETE")
    } - {None}
    assert required == set(SCOPES)
