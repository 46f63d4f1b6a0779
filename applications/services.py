"""Every write to profiles and applications, and the rules it obeys: the pages, the
recruiter cabinet, the partner API, the admin and the scheduled tasks call these.

- `apply`: one application per applicant and vacancy, to a public vacancy only,
  with consent, carrying a snapshot of the profile as sent.
- `change_status`: the one state machine (`models.TRANSITIONS`), each change
  recorded with its actor and time and sent to the applicant after commit.
- `erase_account` and `anonymise_due`: identities go, statistics stay.
"""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications import selectors
from applications.choices import RejectReason, Status
from applications.models import (
    SELECTED,
    TRANSITIONS,
    AccessLog,
    Application,
    Profile,
    ProfileLanguage,
    ProfileOccupation,
    Recruiter,
    StatusChange,
)
from vacancies.models import Vacancy

RECRUITER_GROUP = "Recruiter"


class Refused(ValidationError):
    """A request the rules refuse; its message is shown to the person as it is."""


# --- profiles -----------------------------------------------------------------------------


@transaction.atomic
def save_profile(user, fields):
    """Create or update the user's profile with some of its fields (one step of the
    form)."""
    profile = Profile.objects.filter(user=user).first() or Profile(user=user)
    for name, value in fields.items():
        setattr(profile, name, value)
    if profile.region and not profile.region.startswith(profile.citizenship):
        profile.region = ""  # a new citizenship: the region is asked again
    profile.full_clean(exclude=["user"])
    profile.save()
    return profile


@transaction.atomic
def set_occupations(profile, rows):
    """Replace the profile's occupations with ``rows``: [(Occupation, years)]."""
    profile.occupations.all().delete()
    ProfileOccupation.objects.bulk_create(
        ProfileOccupation(profile=profile, occupation=occupation, years=years)
        for occupation, years in _unique(rows)
    )


@transaction.atomic
def set_languages(profile, rows):
    """Replace the profile's languages with ``rows``: [dict of ProfileLanguage fields]."""
    profile.languages.all().delete()
    seen = set()
    for row in rows:
        if row["language"] not in seen:
            seen.add(row["language"])
            ProfileLanguage.objects.create(profile=profile, **row)


def _unique(rows):
    seen = set()
    for occupation, years in rows:
        if occupation.pk not in seen:
            seen.add(occupation.pk)
            yield occupation, years


def build_snapshot(profile):
    """The profile as sent with an application: plain JSON, codes not labels, so it
    reads in every language (`selectors.snapshot_lines`)."""
    return {
        **build_snapshot_fields(profile),
        "occupations": [
            {"occupation": row.occupation_id, "years": row.years}
            for row in profile.occupations.all()
        ],
        "languages": [
            {
                "language": row.language,
                "level": row.level,
                "certificate": row.certificate,
                "score": row.score,
            }
            for row in profile.languages.all()
        ],
    }


def build_snapshot_fields(profile):
    """The snapshot of the profile's own fields, without its occupations and
    languages (which need the saved profile)."""
    return {
        "surname_latin": profile.surname_latin,
        "given_names_latin": profile.given_names_latin,
        "name_cyrillic": profile.name_cyrillic,
        "date_of_birth": profile.date_of_birth.isoformat(),
        "citizenship": profile.citizenship,
        "region": profile.region,
        "district": profile.district,
        "education": profile.education,
        "occupations": [],
        "languages": [],
        "driving_categories": list(profile.driving_categories),
        "passport_valid_until": (
            profile.passport_valid_until.isoformat() if profile.passport_valid_until else None
        ),
        "about": profile.about,
    }


def is_complete(profile):
    """Enough to apply with: a name, date of birth, citizenship and region."""
    return bool(
        profile
        and profile.surname_latin
        and profile.given_names_latin
        and profile.date_of_birth
        and profile.citizenship
        and profile.region
    )


# --- applying -----------------------------------------------------------------------------


def apply(user, vacancy, *, consent):
    """Send the user's profile to a vacancy's recruiter. Refused (`Refused`, a
    translated message, nothing saved) without consent, without a complete
    profile, for a vacancy that is not public (`Vacancy.objects.public`, the one
    rule) and for a second application to the same vacancy (also a database
    constraint, so two clicks at once cannot both pass)."""
    if not consent:
        raise Refused(_("Tick the box to agree to send your profile, or you cannot apply."))
    profile = selectors.profile_of(user)
    if not is_complete(profile):
        raise Refused(_("Fill in your profile first: name, date of birth, citizenship and region."))
    if not Vacancy.objects.public().filter(pk=vacancy.pk).exists():
        raise Refused(_("This vacancy is closed or no longer published: it takes no applications."))
    if selectors.has_applied(user, vacancy):
        raise Refused(_("You have already applied to this vacancy. See My applications."))
    now = timezone.now()
    try:
        with transaction.atomic():
            application = Application.objects.create(
                applicant=user,
                vacancy=vacancy,
                snapshot=build_snapshot(profile),
                submitted_at=now,
                status_changed_at=now,
            )
            StatusChange.objects.create(
                application=application,
                to_status=Status.SUBMITTED,
                at=now,
                actor_kind=StatusChange.Actor.APPLICANT,
                actor=user,
            )
    except IntegrityError:
        raise Refused(_("You have already applied to this vacancy. See My applications.")) from None
    return application


# --- the state machine ------------------------------------------------------------------


def change_status(
    application,
    to_status,
    *,
    actor_kind,
    actor=None,
    partner=None,
    reason="",
    interview_at=None,
    interview_place="",
    interview_link="",
):
    """Move an application to ``to_status`` if `TRANSITIONS` allow it, record the
    change with its actor and time, and send it to the applicant after commit.

    Refused (`Refused`, nothing changed): a move the state machine does not allow;
    a withdrawal by anyone but the applicant or any other move by the applicant;
    a rejection without a reason from the list; an interview without a time and a
    place or video link; any move by an agency whose licence is not in force for
    the vacancy's destination today; an anonymised application."""
    to_status = Status(to_status) if to_status in Status.values else None
    with transaction.atomic():
        application = (
            Application.objects.select_for_update()
            .select_related("vacancy")
            .filter(pk=application.pk)
            .first()
        )
        if application is None or application.anonymised_at:
            raise Refused(_("This application no longer exists."))
        _check_move(
            application,
            to_status,
            actor_kind,
            reason,
            interview_at,
            interview_place,
            interview_link,
        )
        now = timezone.now()
        previous = application.status
        interview = to_status == Status.INTERVIEW
        application.status = to_status
        application.status_changed_at = now
        application.reject_reason = reason if to_status == Status.REJECTED else ""
        application.interview_at = interview_at if interview else None
        application.interview_place = interview_place.strip() if interview else ""
        application.interview_link = interview_link.strip() if interview else ""
        # Once selected, counted as selected (the officers' figures), whatever follows.
        if to_status in SELECTED and application.selected_at is None:
            application.selected_at = now
        application.save()
        change = StatusChange.objects.create(
            application=application,
            from_status=previous,
            to_status=to_status,
            at=now,
            actor_kind=actor_kind,
            actor=actor,
            partner=partner,
            reject_reason=application.reject_reason,
            interview_at=application.interview_at,
            interview_place=application.interview_place,
            interview_link=application.interview_link,
        )
        transaction.on_commit(lambda: _send(change.pk))
    return application


def _check_move(application, to_status, actor_kind, reason, at, place, link):
    if to_status is None or to_status not in TRANSITIONS[Status(application.status)]:
        raise Refused(
            _("An application that is %(status)s cannot be changed to that.")
            % {"status": application.get_status_display()}
        )
    by_applicant = actor_kind == StatusChange.Actor.APPLICANT
    if (to_status == Status.WITHDRAWN) != by_applicant:
        raise Refused(_("Only the applicant can withdraw an application, and only withdraw it."))
    if to_status == Status.REJECTED and reason not in RejectReason.values:
        raise Refused(_("Choose the reason for the rejection from the list."))
    if to_status == Status.INTERVIEW and (at is None or not (place.strip() or link.strip())):
        raise Refused(
            _("An interview invitation needs a date and time, and a place or a video link.")
        )
    if not by_applicant and selectors.licence_blocked([application.vacancy]):
        raise Refused(
            _("The agency's licence is not in force for this destination: it can change nothing.")
        )


def _send(change_id):
    from applications.tasks import send_status_notice

    send_status_notice.delay(change_id)


def withdraw(user, application):
    """The applicant withdraws their own application."""
    if application.applicant_id != user.pk:
        raise Refused(_("This application no longer exists."))
    return change_status(
        application, Status.WITHDRAWN, actor_kind=StatusChange.Actor.APPLICANT, actor=user
    )


def shortlist(applications, *, actor_kind, actor=None, partner=None):
    """Shortlist several applications; returns (shortlisted, [(application, message)])
    so that one refused does not stop the others."""
    done, refused = 0, []
    for application in applications:
        try:
            change_status(
                application, Status.SHORTLISTED, actor_kind=actor_kind, actor=actor, partner=partner
            )
            done += 1
        except Refused as error:
            refused.append((application, error.messages[0]))
    return done, refused


# --- access log ---------------------------------------------------------------------------


def log_access(action, where, application_ids, *, user=None, partner=None):
    """Write who opened, listed or exported which applications, and where."""
    AccessLog.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        partner=partner,
        action=action,
        where=where,
        application_ids=sorted(application_ids),
    )


# --- recruiters ---------------------------------------------------------------------------


@transaction.atomic
def appoint_recruiter(user, *, agency=None, authority=None):
    """Tie a user to one agency or authority and give them the Recruiter group."""
    recruiter, _created = Recruiter.objects.update_or_create(
        user=user, defaults={"agency": agency, "authority": authority}
    )
    recruiter.full_clean()
    user.groups.add(Group.objects.get(name=RECRUITER_GROUP))
    return recruiter


# --- privacy ------------------------------------------------------------------------------


def export_my_data(user):
    """Everything the portal holds about an applicant, as JSON-able data."""
    profile = selectors.profile_of(user)
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
        },
        "profile": build_snapshot(profile) if profile else None,
        "applications": [
            {
                "id": application.pk,
                "vacancy": {"id": application.vacancy_id, "title": application.vacancy.title},
                "status": application.status,
                "submitted_at": application.submitted_at.isoformat(),
                "profile_as_sent": application.snapshot,
                "history": [
                    {
                        "at": change.at.isoformat(),
                        "status": change.to_status,
                        "by": change.actor_kind,
                        "reject_reason": change.reject_reason,
                        "interview_at": change.interview_at.isoformat()
                        if change.interview_at
                        else None,
                        "interview_place": change.interview_place,
                        "interview_link": change.interview_link,
                    }
                    for change in application.history.all()
                ],
            }
            for application in selectors.my_applications(user)
        ],
    }


def anonymise(applications):
    """Erase the identity from applications (a queryset); the vacancy, status and
    dates stay for the statistics. Returns how many."""
    with transaction.atomic():
        ids = list(applications.filter(anonymised_at__isnull=True).values_list("pk", flat=True))
        StatusChange.objects.filter(application_id__in=ids, actor_kind="applicant").update(
            actor=None
        )
        return Application.objects.filter(pk__in=ids).update(
            applicant=None, snapshot={}, anonymised_at=timezone.now()
        )


@transaction.atomic
def erase_account(user):
    """Delete an applicant's account: applications anonymised, profile and user
    deleted (with what hangs on the user: phone, e-mail, sessions)."""
    if user.is_staff or user.is_superuser or hasattr(user, "recruiter"):
        raise Refused(_("Staff accounts are closed by an administrator."))
    anonymise(Application.objects.filter(applicant=user))
    user.delete()


def anonymise_due(now=None):
    """Anonymise applications `APPLICATION_RETENTION_MONTHS` after their vacancy
    closed (the scheduled task); returns how many."""
    today = timezone.localdate(now)
    months = settings.APPLICATION_RETENTION_MONTHS
    cutoff = _months_before(today, months)
    return anonymise(selectors.due_for_anonymisation(cutoff))


def _months_before(day, months):
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return datetime.date(year, month + 1, min(day.day, 28))
