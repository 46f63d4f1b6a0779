"""Scope checks for the partner API: one rule for every view.

Views that the public may read set ``anonymous_read = True``: a read (GET, HEAD,
OPTIONS) of such a view is answered the same with or without a key, so a partner
never gets less than the public; a key only counts the read against its own
throttle. Everything else needs a partner key, and the view's ``required_scopes``
(a mapping from HTTP method to scope, ``"*"`` for any method) names the scope it
must carry. Every scope of ``partners.scopes.SCOPES`` is required by some view
(a test holds the list to that).
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, permissions

from partners.models import PartnerAPIKey


def required_scope(view, method):
    scopes = getattr(view, "required_scopes", {})
    return scopes.get(method, scopes.get("*"))


class ScopePermission(permissions.BasePermission):
    message = _("This API key does not have the scope this request needs.")

    def has_permission(self, request, view):
        if getattr(view, "anonymous_read", False) and request.method in permissions.SAFE_METHODS:
            return True
        api_key = request.auth if isinstance(request.auth, PartnerAPIKey) else None
        if api_key is None:
            raise exceptions.NotAuthenticated(_("An API key is required for this request."))
        scope = required_scope(view, request.method)
        return scope is None or api_key.has_scope(scope)
