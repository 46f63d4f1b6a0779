"""The public side: asking for help and following a case through its private
link. Nothing a person writes is logged: error reports hide the form's values."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_safe
from django_countries import countries

from directory import selectors as directory
from directory.context import directory_context
from directory.needs import Need, is_urgent
from helpdesk import selectors, services
from helpdesk.forms import CaseForm, StartForm
from partners import limits

# Requests one address may send an hour; private links one address may open.
REQUEST_RATE = 5
LINK_RATE = 120


def _limited(request):
    response = render(request, "helpdesk/limited.html", status=429)
    response["Retry-After"] = "3600"
    return response


def _urgent_context(country, category):
    return {
        "urgent": is_urgent(category),
        "urgent_lines": directory.urgent_lines(country) if is_urgent(category) else [],
    }


@sensitive_post_parameters()
@never_cache
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def request_help(request):
    if request.method == "POST":
        form = CaseForm(request.POST)
        if limits.over_limit(limits.by_address(request, "helpdesk.request", REQUEST_RATE)):
            return _limited(request)
        if form.is_valid():
            case = services.submit_case(user=request.user, **form.cleaned_data)
            return redirect(reverse("helpdesk:case", args=[case.token]) + "?sent=1")
        category, country = form.data.get("category", ""), form.data.get("country", "")
        if category not in Need.values or not form["country"].value():
            return render(request, "helpdesk/start.html", {"form": StartForm()}, status=400)
        return render(
            request, "helpdesk/request.html", _step_two(form, country, category), status=400
        )
    start = StartForm(request.GET or None)
    if not start.is_valid():
        status = 400 if start.is_bound else 200
        return render(request, "helpdesk/start.html", {"form": start}, status=status)
    category, country = start.cleaned_data["category"], start.cleaned_data["country"]
    form = CaseForm(initial={"category": category, "country": country})
    return render(request, "helpdesk/request.html", _step_two(form, country, category))


def _step_two(form, country, category):
    return {
        "form": form,
        "category_label": Need(category).label,
        "country_name": countries.name(country),
        **_urgent_context(country, category),
    }


@never_cache
@require_safe
def case_page(request, token):
    """The private link: the case's number and status history, the numbers to call,
    the organisations that help. Anyone without the link gets a 404."""
    if limits.over_limit(limits.by_address(request, "helpdesk.link", LINK_RATE)):
        return _limited(request)
    case = selectors.case_for_link(token)
    if case is None:
        return render(request, "helpdesk/no_case.html", status=404)
    context = {
        "case": case,
        "history": selectors.public_history(case),
        "just_sent": request.GET.get("sent") == "1",
        **_urgent_context(case.country.code, case.category),
        **directory_context(country=case.country.code, needs=[case.category]),
    }
    response = render(request, "helpdesk/case.html", context)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
@require_safe
def my_cases(request):
    """A signed-in person's own cases (the account shows them)."""
    return render(request, "helpdesk/my_cases.html", {"cases": selectors.cases_of(request.user)})
