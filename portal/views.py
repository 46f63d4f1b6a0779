"""Pages and endpoints of the portal itself: the home page, the health check and
the page of a sign-in paused after too many wrong passwords."""

import math

from axes.helpers import get_cool_off
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from partners.errors import NOT_FOUND, error_body
from portal.health import run_checks


@require_safe
def home(request):
    return render(request, "portal/home.html")


@never_cache
@require_safe
def healthz(request):
    """200 when the database, cache and broker all answer, 503 otherwise."""
    checks = run_checks()
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


def signin_locked_out(request, original_response, credentials):
    """What a locked-out sign-in gets instead of the form (``AXES_LOCKOUT_CALLABLE``):
    a translated page saying when to try again. The failed try that led here has
    just restarted the cool-off, so the wait is the whole cool-off."""
    seconds = int(get_cool_off(request).total_seconds())
    response = render(
        request,
        "portal/signin_locked_out.html",
        {"minutes": max(1, math.ceil(seconds / 60))},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


# The admin pages of partners and feeds moved with their models to apps of their own.
MOVED_ADMIN_APPS = {
    "partner": "partners",
    "partnerapikey": "partners",
    "feed": "feeds",
    "feedrun": "feeds",
    "rejectedrecord": "feeds",
}


def moved_admin_page(request, path):
    """Staff bookmarks of ``admin/portal/<model>/...`` lead to the model's new app."""
    model = path.split("/", 1)[0]
    new = request.get_full_path().replace("/admin/portal/", f"/admin/{MOVED_ADMIN_APPS[model]}/", 1)
    return HttpResponsePermanentRedirect(new)


def page_not_found(request, exception):
    """``handler404``. Under ``/api/`` a URL that no route matches (``/api/v1/agencies/x/``)
    is answered in the API's one error format, as every other API error is, so a
    partner's program (and the schema) need know no HTML page; elsewhere the site's
    own 404 page."""
    if request.path.startswith("/api/"):
        return JsonResponse(error_body(404, "not_found", NOT_FOUND), status=404)
    return defaults.page_not_found(request, exception)
