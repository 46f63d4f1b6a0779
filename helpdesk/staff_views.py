"""The help desk's own pages: the triage list and a case, with routing, actions,
notes, status and closing. Every opening of a case is written to the access log."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from helpdesk import selectors, services
from helpdesk.access import helpdesk_staff_required
from helpdesk.forms import RecordForm, RouteForm, StatusForm


@never_cache
@require_safe
@helpdesk_staff_required
def triage(request):
    cases = list(selectors.triage()[:200])
    return render(
        request,
        "helpdesk/staff/triage.html",
        {"cases": cases, "pickup_hours": settings.HELPDESK_PICKUP_HOURS},
    )


def _case(request, pk):
    case = selectors.case_for_staff(request.user, pk)
    if case is None:
        raise Http404
    return case


@never_cache
@require_safe
@helpdesk_staff_required
def case_detail(request, pk):
    case = _case(request, pk)
    services.log_access(case, user=request.user)
    return render(request, "helpdesk/staff/case.html", _detail_context(case))


def _detail_context(case, **forms):
    suggested = selectors.route_for(case.country, case.category)
    return {
        "case": case,
        "events": case.events.select_related("actor", "responder"),
        "suggested": suggested,
        "route_form": forms.get("route_form") or RouteForm(),
        "record_form": forms.get("record_form") or RecordForm(),
        "status_form": forms.get("status_form") or StatusForm(),
    }


def _act(request, pk, form_class, form_name, action):
    case = _case(request, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            action(case, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("helpdesk:staff-case", pk=case.pk)
    services.log_access(case, user=request.user)
    context = _detail_context(case, **{form_name: form})
    return render(request, "helpdesk/staff/case.html", context, status=400)


@require_POST
@helpdesk_staff_required
def route_case(request, pk):
    return _act(
        request,
        pk,
        RouteForm,
        "route_form",
        lambda case, data: services.route(case, data["responder"], actor=request.user),
    )


@require_POST
@helpdesk_staff_required
def record_event(request, pk):
    return _act(
        request,
        pk,
        RecordForm,
        "record_form",
        lambda case, data: services.record(case, data["kind"], data["text"], actor=request.user),
    )


@require_POST
@helpdesk_staff_required
def set_status(request, pk):
    return _act(
        request,
        pk,
        StatusForm,
        "status_form",
        lambda case, data: services.change_status(
            case, data["status"], outcome=data["outcome"], actor=request.user
        ),
    )
