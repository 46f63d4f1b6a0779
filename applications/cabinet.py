"""The recruiter cabinet (``/<lang>/recruiter/``), separate from the admin: a
recruiter (a `Recruiter` membership and the Recruiter group, with a second factor)
sees and acts on applications to their own organisation's vacancies only
(`selectors.for_recruiter`), through the same services as the partner API. Every
list, opening and export is written to the access log. Also the licensing
officers' figures per agency and destination."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from accounts.mfa import second_factor_required
from applications import forms, selectors, services
from applications.choices import Status
from applications.models import AccessLog, StatusChange
from vacancies.pagination import CappedPaginator

PAGE_SIZE = 25


class CabinetPaginator(CappedPaginator):
    """Counts up to a thousand: a busy agency's list is narrowed by vacancy and
    status (and the CSV export has everything), not paged through to the end."""

    limit = 1000


# The cabinet's one-click moves; an interview and a rejection have their forms.
SIMPLE_MOVES = {
    "shortlist": Status.SHORTLISTED,
    "offer": Status.OFFERED,
    "contract": Status.CONTRACTED,
    "depart": Status.DEPARTED,
}


def recruiter_only(view):
    """Signed in with a second factor, in the Recruiter group, tied to an
    organisation; the view gets the membership."""

    @second_factor_required
    def wrapped(request, *args, **kwargs):
        recruiter = selectors.recruiter_of(request.user)
        if recruiter is None or not request.user.has_perm("applications.change_application"):
            raise PermissionDenied
        return view(request, recruiter, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@require_safe
@never_cache
@recruiter_only
def application_list(request, recruiter):
    vacancy = request.GET.get("vacancy", "")
    status = request.GET.get("status", "")
    vacancy = int(vacancy) if vacancy.isdigit() and len(vacancy) < 12 else None
    status = status if status in Status.values else None
    applications = selectors.recruiter_list(recruiter, vacancy=vacancy, status=status)
    page = CabinetPaginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    by_id = applications.in_bulk(page.object_list)  # the paginator pages ids
    rows = page.object_list = [by_id[pk] for pk in page.object_list]
    # What each row says, worked out once a page rather than per row in the
    # template: `get_status_display` translates every label of the list for each
    # row, and `{% url %}` and `{% blocktranslate %}` cost as much per row.
    labels = {value: str(label) for value, label in Status.choices}
    select = _("Select application %(number)s")
    list_url = reverse("applications:cabinet")  # a row's page is list_url + id + "/"
    for row in rows:
        row.status_label = labels[row.status]
        row.select_label = select % {"number": row.pk}
        row.url = f"{list_url}{row.pk}/"
    services.log_access(AccessLog.Action.LIST, "cabinet", [a.pk for a in rows], user=request.user)
    return render(
        request,
        "applications/cabinet/list.html",
        {
            "recruiter": recruiter,
            "page": page,
            "rows": rows,
            "blocked": selectors.licence_blocked([a.vacancy for a in rows]),
            "vacancies": selectors.recruiter_vacancies(recruiter),
            "statuses": Status.choices,
            "chosen_vacancy": vacancy,
            "chosen_status": status or "",
        },
    )


@require_safe
@never_cache
@recruiter_only
def application_detail(request, recruiter, pk):
    application = selectors.application_detail(selectors.for_recruiter(recruiter), pk)
    if application is None:
        raise Http404
    services.log_access(AccessLog.Action.VIEW, "cabinet", [application.pk], user=request.user)
    return render(
        request,
        "applications/cabinet/detail.html",
        _detail_context(recruiter, application),
    )


def _detail_context(recruiter, application, interview=None, reject=None):
    from applications.models import TRANSITIONS

    allowed = TRANSITIONS[Status(application.status)]
    return {
        "recruiter": recruiter,
        "application": application,
        "lines": selectors.snapshot_lines(application.snapshot),
        "blocked": selectors.licence_blocked([application.vacancy]),
        "moves": [(name, status) for name, status in SIMPLE_MOVES.items() if status in allowed],
        "can_invite": Status.INTERVIEW in allowed,
        "can_reject": Status.REJECTED in allowed,
        "interview_form": interview or forms.InterviewForm(),
        "reject_form": reject or forms.RejectForm(),
    }


@require_POST
@recruiter_only
def move(request, recruiter, pk, action):
    application = selectors.application_detail(selectors.for_recruiter(recruiter), pk)
    if application is None:
        raise Http404
    details = {}
    if action == "invite":
        form = forms.InterviewForm(request.POST)
        to_status = Status.INTERVIEW
        if form.is_valid():
            details = form.cleaned_data
    elif action == "reject":
        form = forms.RejectForm(request.POST)
        to_status = Status.REJECTED
        if form.is_valid():
            details = {"reason": form.cleaned_data["reason"]}
    elif action in SIMPLE_MOVES:
        form, to_status = None, SIMPLE_MOVES[action]
    else:
        raise Http404
    if form is not None and not form.is_valid():
        context = _detail_context(
            recruiter,
            application,
            interview=form if action == "invite" else None,
            reject=form if action == "reject" else None,
        )
        return render(request, "applications/cabinet/detail.html", context, status=400)
    try:
        services.change_status(
            application,
            to_status,
            actor_kind=StatusChange.Actor.RECRUITER,
            actor=request.user,
            **details,
        )
    except services.Refused as refusal:
        messages.error(request, refusal.messages[0])
    else:
        messages.success(request, _("Saved. The applicant is told by SMS."))
    return redirect("applications:cabinet_detail", pk=application.pk)


@require_POST
@recruiter_only
def bulk_shortlist(request, recruiter):
    ids = [
        value for value in request.POST.getlist("selected") if value.isdigit() and len(value) < 12
    ]
    applications = list(selectors.for_recruiter(recruiter).filter(pk__in=ids))
    if not applications:
        messages.error(request, _("Tick the applications to shortlist."))
        return redirect("applications:cabinet")
    done, refused = services.shortlist(
        applications, actor_kind=StatusChange.Actor.RECRUITER, actor=request.user
    )
    if done:
        messages.success(request, _("Shortlisted: %(count)s.") % {"count": done})
    for application, message in refused:
        messages.error(request, f"#{application.pk}: {message}")
    return redirect("applications:cabinet")


EXPORT_COLUMNS = [
    "id",
    "vacancy_id",
    "vacancy",
    "country",
    "status",
    "submitted_at",
    "status_changed_at",
    "reject_reason",
    "interview_at",
    "interview_place",
    "interview_link",
    "surname_latin",
    "given_names_latin",
    "name_cyrillic",
    "date_of_birth",
    "citizenship",
    "region",
    "district",
    "education",
    "occupations",
    "languages",
    "driving_categories",
    "passport_valid_until",
]


@require_safe
@never_cache
@recruiter_only
def export_csv(request, recruiter):
    """The recruiter's own applications as CSV (UTF-8 with BOM, for spreadsheets)."""
    applications = list(
        selectors.for_recruiter(recruiter)
        .select_related("vacancy")
        .order_by("-submitted_at", "-pk")
    )
    services.log_access(
        AccessLog.Action.EXPORT, "cabinet", [a.pk for a in applications], user=request.user
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="applications-{stamp}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(EXPORT_COLUMNS)
    for application in applications:
        snap = application.snapshot
        writer.writerow(
            [
                application.pk,
                application.vacancy_id,
                application.vacancy.title,
                application.vacancy.country_id,
                application.status,
                application.submitted_at.isoformat(),
                application.status_changed_at.isoformat(),
                application.reject_reason,
                application.interview_at.isoformat() if application.interview_at else "",
                application.interview_place,
                application.interview_link,
                *(_cell(snap.get(name)) for name in EXPORT_COLUMNS[11:19]),
                "; ".join(
                    f"{row['occupation']}:{row['years']}" for row in snap.get("occupations", [])
                ),
                "; ".join(
                    " ".join(
                        filter(
                            None, [row["language"], row["level"], row["certificate"], row["score"]]
                        )
                    )
                    for row in snap.get("languages", [])
                ),
                " ".join(snap.get("driving_categories", [])),
                _cell(snap.get("passport_valid_until")),
            ]
        )
    return response


def _cell(value):
    """A spreadsheet cell that cannot be read as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


@require_safe
@never_cache
@second_factor_required
@permission_required("applications.view_statistics_application", raise_exception=True)
def statistics(request):
    return render(request, "applications/statistics.html", {"rows": list(selectors.statistics())})
