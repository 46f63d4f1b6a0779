"""Scope checks for the partner API.

A view declares ``required_scopes``: a mapping from HTTP method to the scope a
partner key needs (``"*"`` for any method). Views that the public may read set
``anonymous_read = True``; everything else needs a partner key.
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
        api_key = request.auth if isinstance(request.auth, PartnerAPIKey) else None
        if api_key is None:
            if (
                getattr(view, "anonymous_read", False)
                and request.method in permissions.SAFE_METHODS
            ):
                return True
            raise exceptions.NotAuthenticated(_("An API key is required for this request."))
        scope = required_scope(view, request.method)
        return scope is None or api_key.has_scope(scope)
