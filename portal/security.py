"""Content-Security-Policy per kind of page.

The public pages have no script at all and load only their own stylesheet and
images, so they get a policy that allows nothing else (``CONTENT_SECURITY_POLICY``).
Two parts of the site run scripts, from our own static files only, and get their
own policy: the admin (Django's scripts and jQuery UI for the language tabs,
``CONTENT_SECURITY_POLICY_ADMIN``) and the API docs (Swagger UI, served by
drf-spectacular-sidecar, ``CONTENT_SECURITY_POLICY_API_DOCS``). The choice is made
here, by the route that answered, so that every admin page, the ones of apps
added later included, gets the admin's policy without a decorator each.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            parts.config = _policy_of_route(request.resolver_match)
        return parts


def _policy_of_route(match):
    """The admin's or the API docs' policy; None (the public one) for the rest."""
    if match is None:
        return None
    if "admin" in match.namespaces:
        return settings.CONTENT_SECURITY_POLICY_ADMIN
    if match.url_name == "api-docs":
        return settings.CONTENT_SECURITY_POLICY_API_DOCS
    return None
