"""Pages and endpoints of the portal itself: the home page and the health check."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

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
