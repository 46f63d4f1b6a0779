"""Public pages of the registry. Thin: reads are in selectors, rules in services,
filters and verification."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from agencies import selectors, services, verification
from agencies.entries import entry_html
from agencies.filters import covered_destinations, licensing_authorities
from agencies.forms import RecruiterReportForm, VerifyForm
from agencies.page import agency_page, licence_summaries
from agencies.prepared import prepared_registry
from partners import limits
from ui.jinja import render_page

PAGE_SIZE = 25
REPORT_RATE = 5  # reports an hour from one address


@require_safe
def agency_list(request):
    """The registry (`agencies.prepared.prepared_registry`). The API keeps listing
    every agency."""
    search = prepared_registry(request.GET)
    page = Paginator(search.ids(), PAGE_SIZE).get_page(request.GET.get("page"))
    agencies = selectors.registry_agencies(page.object_list)
    licences = selectors.current_licences(page.object_list, dict(licensing_authorities()))
    in_force = selectors.destinations_in_force(page.object_list)
    names = dict(covered_destinations())
    for agency in agencies:
        agency.current_licence = licences.get(agency.pk)
        agency.countries_today = in_force.country_names(agency.pk, names)
    context = {
        "form": search.form,
        "page": page,
        "entries": [entry_html(agency) for agency in agencies],
        "query": search.query,
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
    if limits.over_limit(limits.by_address(request, "agencies.report", REPORT_RATE)):
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
