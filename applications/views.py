"""The applicant's pages: the profile in steps, applying, My applications,
withdrawing, and their own data (download, delete the account). Thin: reads in
`applications.selectors`, writes in `applications.services`."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from applications import forms, selectors, services
from partners import limits
from vacancies.models import Vacancy

APPLY_RATE = 10  # applications an hour from one account

# The profile's steps, in order.
STEP_SLUGS = ["name", "residence", "education", "languages", "more"]


def step_titles():
    # Translated at request time in the reader's language.
    return {
        "name": _("Name and citizenship"),
        "residence": _("Where you live"),
        "education": _("Education and work"),
        "languages": _("Languages"),
        "more": _("Driving licence, passport, about you"),
    }


@require_safe
@login_required
@never_cache
def profile(request):
    current = selectors.profile_of(request.user)
    return render(
        request,
        "applications/profile.html",
        {
            "profile": current,
            "steps": [(slug, step_titles()[slug]) for slug in STEP_SLUGS],
            "lines": selectors.snapshot_lines(services.build_snapshot(current)) if current else [],
            "complete": services.is_complete(current),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
@never_cache
def profile_step(request, step):
    if step not in STEP_SLUGS:
        raise Http404
    current = selectors.profile_of(request.user)
    if current is None and step != "name":
        return redirect("applications:profile_step", step="name")
    post = request.POST if request.method == "POST" else None
    context = {
        "step": step,
        "title": step_titles()[step],
        "number": STEP_SLUGS.index(step) + 1,
        "total": len(STEP_SLUGS),
    }
    form, rows = _step_forms(step, current, post)
    if post is not None and (form is None or form.is_valid()) and (rows is None or rows.is_valid()):
        saved = services.save_profile(request.user, form.cleaned_data if form is not None else {})
        _save_rows(step, saved, rows)
        if "add_row" in request.POST:
            return redirect("applications:profile_step", step=step)
        messages.success(request, _("Saved."))
        following = STEP_SLUGS.index(step) + 1
        if following < len(STEP_SLUGS) and "next" in request.POST:
            return redirect("applications:profile_step", step=STEP_SLUGS[following])
        return redirect(
            (request.GET.get("then") == "apply" and _back_to_apply(request))
            or "applications:profile"
        )
    context.update(form=form, rows=rows)
    status = 400 if post is not None else 200
    return render(request, "applications/profile_step.html", context, status=status)


def _back_to_apply(request):
    vacancy = request.GET.get("vacancy", "")
    return reverse("applications:apply", args=[int(vacancy)]) if vacancy.isdigit() else None


def _step_forms(step, current, post):
    """(the step's profile form or None, its rows' formset or None)."""
    if step == "name":
        return forms.NameStep(post, instance=current), None
    if step == "residence":
        return forms.ResidenceStep(post, instance=current, citizenship=current.citizenship), None
    if step == "education":
        initial = [
            {"occupation": row.occupation, "years": row.years} for row in current.occupations.all()
        ]
        rows = forms.OccupationRows(post, prefix="occupations", initial=[*initial, {}])
        return forms.EducationStep(post, instance=current), rows
    if step == "languages":
        initial = [
            {
                "language": row.language,
                "level": row.level,
                "certificate": row.certificate,
                "score": row.score,
            }
            for row in current.languages.all()
        ]
        return None, forms.LanguageRows(post, prefix="languages", initial=[*initial, {}])
    return forms.MoreStep(post, instance=current), None


def _save_rows(step, saved, rows):
    if step == "education":
        services.set_occupations(
            saved,
            [
                (row["occupation"], row["years"])
                for row in rows.cleaned_data
                if row.get("occupation")
            ],
        )
    elif step == "languages":
        services.set_languages(
            saved,
            [
                {name: row[name] for name in ("language", "level", "certificate", "score")}
                for row in rows.cleaned_data
                if row.get("language")
            ],
        )


@require_http_methods(["GET", "POST"])
@login_required
@never_cache
def apply(request, pk):
    vacancy = get_object_or_404(
        Vacancy.objects.select_related("country", "agency", "authority"), pk=pk
    )
    current = selectors.profile_of(request.user)
    form = forms.ApplyForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if limits.over_limit(limits.by_user(request, "applications.apply", APPLY_RATE)):
            form.add_error(None, _("Too many applications in an hour. Please try again later."))
            status = 429
        elif form.is_valid():
            try:
                services.apply(
                    request.user,
                    vacancy,
                    consent=form.cleaned_data["consent"],
                )
            except services.Refused as refusal:
                form.add_error(None, refusal.messages[0])
                status = 400
            else:
                messages.success(request, _("Your application has been sent."))
                return redirect("applications:mine")
    is_public = Vacancy.objects.public().filter(pk=vacancy.pk).exists()
    return render(
        request,
        "applications/apply.html",
        {
            "vacancy": vacancy,
            "form": form,
            "profile": current,
            "complete": services.is_complete(current),
            "is_public": is_public,
            "already": selectors.has_applied(request.user, vacancy),
            "unmet": selectors.unmet_requirements(current, vacancy)
            if services.is_complete(current)
            else [],
            "fee_cap": selectors.fee_cap(vacancy),
            "lines": selectors.snapshot_lines(services.build_snapshot(current))
            if services.is_complete(current)
            else [],
            "recruiter": vacancy.agency or vacancy.authority or vacancy.employer_name,
            "retention_months": settings.APPLICATION_RETENTION_MONTHS,
        },
        status=status,
    )


@require_safe
@login_required
@never_cache
def my_applications(request):
    applications = list(selectors.my_applications(request.user))
    blocked = selectors.licence_blocked([application.vacancy for application in applications])
    return render(
        request,
        "applications/mine.html",
        {"applications": applications, "blocked": blocked},
    )


@require_POST
@login_required
def withdraw(request, pk):
    application = get_object_or_404(selectors.my_applications(request.user), pk=pk)
    try:
        services.withdraw(request.user, application)
    except services.Refused as refusal:
        messages.error(request, refusal.messages[0])
    else:
        messages.success(request, _("Your application has been withdrawn."))
    return redirect("applications:mine")


@require_safe
@login_required
@never_cache
def my_data(request):
    return render(request, "applications/my_data.html")


@require_safe
@login_required
@never_cache
def download_my_data(request):
    body = json.dumps(services.export_my_data(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.json"'
    return response


@require_POST
@login_required
def delete_account(request):
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm that you want to delete your account."))
        return redirect("applications:my_data")
    user = request.user
    try:
        services.erase_account(user)
    except services.Refused as refusal:
        messages.error(request, refusal.messages[0])
        return redirect("applications:my_data")
    logout(request)
    messages.success(request, _("Your account and your data have been deleted."))
    return redirect("home")
