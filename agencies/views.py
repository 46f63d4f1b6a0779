"""Public pages of the registry. Thin: reads are in selectors, rules in services,
filters and verification."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import is_ratelimited

from agencies import selectors, services, verification
from agencies.entries import entry_html, registry_form
from agencies.filters import AgencyFilter, covered_destinations, licensing_authorities
from agencies.forms import RecruiterReportForm, VerifyForm
from agencies.page import agency_page, licence_summaries
from ui.jinja import render_page

PAGE_SIZE = 25
REPORT_RATE = "5/h"


@require_safe
def agency_list(request):
    """The registry opens on the agencies licensed today: a first page of revoked
    licences told people that most agencies are frauds. The others are one choice
    of the "Show" filter away, and any search looks at every agency (a person
    checking a name must learn that its licence was revoked). The API keeps listing
    every agency."""
    params = request.GET.copy()
    if not any(name in params for name in AgencyFilter.base_filters):
        params["licensed"] = "today"
    agencies = AgencyFilter(params, queryset=selectors.registry_page())
    if not agencies.is_valid():
        queryset = selectors.registry_page().none()
    else:
        queryset = agencies.qs.order_by("legal_name", "pk")
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    ids = [agency.pk for agency in page]
    licences = selectors.current_licences(ids, dict(licensing_authorities()))
    in_force = selectors.destinations_in_force(ids)
    names = dict(covered_destinations())
    for agency in page:
        agency.current_licence = licences.get(agency.pk)
        agency.countries_today = in_force.country_names(agency.pk, names)
    query = request.GET.copy()
    query.pop("page", None)
    query = query.urlencode()
    context = {
        "form": registry_form(agencies, query),
        "filter": agencies,
        "page": page,
        "entries": [entry_html(agency) for agency in page],
        "query": query,
    }
    return render_page(request, "agencies/agency_list", context)


@require_safe
def agency_detail(request, pk):
    today = timezone.localdate()
    page = agency_page(pk, today)
    if page is None:
        raise Http404
    context = {
        "agency": page.agency,
        "licences": licence_summaries(page, today),
        "channels": page.channels,
        "today": today,
    }
    return render_page(request, "agencies/agency_detail", context)


@require_safe
def verify(request):
    form = VerifyForm(request.GET or None)
    result = verification.verify(form.cleaned_data["q"]) if form.is_valid() else None
    return render(request, "agencies/verify.html", {"form": form, "result": result})


@require_http_methods(["GET", "HEAD", "POST"])
def report(request):
    if request.method != "POST":
        initial = {"channel": request.GET.get("channel", "")[:300].replace("\x00", "")}
        form = RecruiterReportForm(initial=initial)
        return render(request, "agencies/report.html", {"form": form})
    form = RecruiterReportForm(request.POST)
    if form.is_spam():
        return redirect("agencies:report_done")
    if is_ratelimited(request, group="agencies.report", key="ip", rate=REPORT_RATE, increment=True):
        form.add_error(
            None,
            _(
                "Too many reports from this connection. Please try again in an hour, "
                "or call a hotline below."
            ),
        )
        return render(request, "agencies/report.html", {"form": form}, status=429)
    if not form.is_valid():
        return render(request, "agencies/report.html", {"form": form}, status=400)
    services.file_report(form.save(commit=False), language=translation.get_language() or "")
    return redirect("agencies:report_done")


@require_safe
def report_done(request):
    return render(request, "agencies/report_done.html")
