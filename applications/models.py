"""Applicants' profiles (CVs), their applications to vacancies, each status change,
the recruiters tied to an agency or authority, and the log of staff opening
applications.

What an application may become is decided in one place, `TRANSITIONS` (used by
`applications.services.change_status`); what can never be true is held by
database constraints here.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.choices import (
    REGION_CHOICES,
    Certificate,
    Citizenship,
    Education,
    Language,
    LanguageLevel,
    RejectReason,
    Status,
)

# Who may move an application from one status to which. The applicant only
# withdraws; recruiters (the cabinet and the partner API) do the rest. Departed,
# rejected and withdrawn are final. An interview may be set again (new date).
TRANSITIONS = {
    Status.SUBMITTED: {Status.SHORTLISTED, Status.REJECTED, Status.WITHDRAWN},
    Status.SHORTLISTED: {Status.INTERVIEW, Status.OFFERED, Status.REJECTED, Status.WITHDRAWN},
    Status.INTERVIEW: {Status.INTERVIEW, Status.OFFERED, Status.REJECTED, Status.WITHDRAWN},
    Status.OFFERED: {Status.CONTRACTED, Status.REJECTED, Status.WITHDRAWN},
    Status.CONTRACTED: {Status.DEPARTED, Status.WITHDRAWN},
    Status.DEPARTED: set(),
    Status.REJECTED: set(),
    Status.WITHDRAWN: set(),
}
FINAL = {Status.DEPARTED, Status.REJECTED, Status.WITHDRAWN}
# Statuses that mean the agency selected the worker (the licensing officers' figures).
SELECTED = {Status.OFFERED, Status.CONTRACTED, Status.DEPARTED}

_STATUSES = [status.value for status in Status]
_REASONS = [reason.value for reason in RejectReason]


def _interview_rule(prefix=""):
    """An interview has a time and a place or a video link; nothing else has them."""
    status = f"{prefix}status" if prefix else "status"
    at, place, link = "interview_at", "interview_place", "interview_link"
    return Q(**{status: Status.INTERVIEW}, **{f"{at}__isnull": False}) & (
        ~Q(**{place: ""}) | ~Q(**{link: ""})
    ) | Q(~Q(**{status: Status.INTERVIEW}), **{f"{at}__isnull": True, place: "", link: ""})


class Profile(models.Model):
    """What a recruiter needs to shortlist an applicant, and nothing more (issue 13):
    no passport number, no address, no photo. Filled in steps; each step is saved."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="applicant_profile",
        verbose_name=_("user"),
    )
    surname_latin = models.CharField(_("surname (Latin, as in the passport)"), max_length=100)
    given_names_latin = models.CharField(
        _("given names (Latin, as in the passport)"), max_length=100
    )
    name_cyrillic = models.CharField(
        _("full name in Cyrillic"),
        max_length=200,
        blank=True,
        help_text=_("As in your documents, if they are written in Cyrillic."),
    )
    date_of_birth = models.DateField(_("date of birth"))
    citizenship = models.CharField(_("citizenship"), max_length=2, choices=Citizenship.choices)
    region = models.CharField(
        _("region of residence"), max_length=5, choices=REGION_CHOICES, blank=True
    )
    district = models.CharField(_("district or town"), max_length=100, blank=True)
    education = models.CharField(
        _("education"), max_length=20, choices=Education.choices, blank=True
    )
    driving_categories = models.JSONField(_("driving licence categories"), default=list, blank=True)
    passport_valid_until = models.DateField(
        _("passport valid until"),
        null=True,
        blank=True,
        help_text=_("Only the date. Never give your passport number here."),
    )
    about = models.TextField(_("about you"), max_length=600, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("applicant profile")
        verbose_name_plural = _("applicant profiles")
        constraints = [
            models.CheckConstraint(
                condition=Q(citizenship__in=["UZ", "KG"]), name="profile_citizenship_known"
            ),
            models.CheckConstraint(
                condition=Q(region="") | Q(region__startswith=models.F("citizenship")),
                name="profile_region_in_citizenship_country",
            ),
        ]

    def __str__(self):
        return f"{self.surname_latin} {self.given_names_latin}".strip() or str(self.pk)


class ProfileOccupation(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="occupations")
    occupation = models.ForeignKey(
        "vacancies.Occupation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("occupation"),
    )
    years = models.PositiveSmallIntegerField(_("years of experience"))

    class Meta:
        ordering = ["-years", "occupation"]
        verbose_name = _("occupation")
        verbose_name_plural = _("occupations")
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "occupation"], name="profile_occupation_once"
            ),
            models.CheckConstraint(condition=Q(years__lte=60), name="profile_occupation_years"),
        ]

    def __str__(self):
        return f"{self.occupation_id}: {self.years}"


class ProfileLanguage(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=3, choices=Language.choices)
    level = models.CharField(_("level"), max_length=2, choices=LanguageLevel.choices)
    certificate = models.CharField(
        _("certificate"), max_length=10, choices=Certificate.choices, blank=True
    )
    score = models.CharField(
        _("score or level on the certificate"),
        max_length=20,
        blank=True,
        help_text=_("For example 152 (EPS-TOPIK), 5.5 (IELTS), B1."),
    )

    class Meta:
        ordering = ["language"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        constraints = [
            models.UniqueConstraint(fields=["profile", "language"], name="profile_language_once"),
            models.CheckConstraint(
                condition=~Q(certificate="") | Q(score=""), name="profile_language_score_needs_cert"
            ),
        ]

    def __str__(self):
        return f"{self.language} {self.level}"


class Recruiter(models.Model):
    """A staff user of one agency or one licensing authority's recruitment office:
    they see and act on applications to their own organisation's vacancies only.
    Only administrators create these (admin), through `services.appoint_recruiter`."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="recruiter",
        verbose_name=_("user"),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="recruiters",
        verbose_name=_("agency"),
    )
    authority = models.ForeignKey(
        "agencies.LicensingAuthority",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="recruiters",
        verbose_name=_("licensing authority"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("recruiter")
        verbose_name_plural = _("recruiters")
        constraints = [
            models.CheckConstraint(
                condition=Q(agency__isnull=False, authority=None)
                | Q(agency=None, authority__isnull=False),
                name="recruiter_one_organisation",
            ),
        ]

    def __str__(self):
        return f"{self.user} ({self.agency or self.authority})"

    @property
    def organisation(self):
        return self.agency or self.authority


class Application(models.Model):
    """One applicant's application to one vacancy, with the profile as sent.

    Anonymised (on the applicant's request or `APPLICATION_RETENTION_MONTHS` after
    the vacancy closed): the applicant and the snapshot are gone, the vacancy,
    status and dates stay for the licensing officers' statistics."""

    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,  # erase through services.erase_account
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("applicant"),
    )
    vacancy = models.ForeignKey(
        "vacancies.Vacancy",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("vacancy"),
    )
    snapshot = models.JSONField(_("profile as sent"), default=dict)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED
    )
    reject_reason = models.CharField(
        _("reason for rejection"), max_length=12, choices=RejectReason.choices, blank=True
    )
    interview_at = models.DateTimeField(_("interview time"), null=True, blank=True)
    interview_place = models.CharField(_("interview place"), max_length=300, blank=True)
    interview_link = models.URLField(_("video link"), max_length=500, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    selected_at = models.DateTimeField(_("selected"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        permissions = [
            (
                "view_statistics_application",
                _("Can see application statistics by agency and destination"),
            ),
        ]
        # "My applications"; the cabinet's newest first (all, by status, by vacancy).
        indexes = [
            models.Index(fields=["applicant", "-submitted_at"], name="application_mine"),
            models.Index(F("submitted_at").desc(), F("id").desc(), name="application_newest"),
            models.Index(
                F("status"),
                F("submitted_at").desc(),
                F("id").desc(),
                name="application_status_newest",
            ),
            models.Index(
                fields=["vacancy", "status", "-submitted_at"], name="application_by_vacancy"
            ),
            # A recruiter's whole list, newest first: read from the index alone for
            # each of the organisation's vacancies, not by scanning every application.
            models.Index(
                fields=["vacancy", "-submitted_at", "-id"],
                condition=Q(applicant__isnull=False),
                name="application_recruiter_newest",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["applicant", "vacancy"],
                condition=Q(applicant__isnull=False),
                name="application_once_per_vacancy",
            ),
            models.CheckConstraint(condition=Q(status__in=_STATUSES), name="application_status"),
            models.CheckConstraint(
                condition=Q(status=Status.REJECTED, reject_reason__in=_REASONS)
                | (~Q(status=Status.REJECTED) & Q(reject_reason="")),
                name="application_rejected_has_reason",
            ),
            models.CheckConstraint(condition=_interview_rule(), name="application_interview"),
            models.CheckConstraint(
                condition=Q(selected_at__isnull=True)
                | ~Q(status__in=[Status.SUBMITTED, Status.SHORTLISTED, Status.INTERVIEW]),
                name="application_selected_after_offer",
            ),
            models.CheckConstraint(
                condition=Q(selected_at__isnull=False)
                | ~Q(status__in=[Status.OFFERED, Status.CONTRACTED, Status.DEPARTED]),
                name="application_offer_is_selection",
            ),
            models.CheckConstraint(
                condition=Q(anonymised_at__isnull=True, applicant__isnull=False)
                | Q(anonymised_at__isnull=False, applicant=None, snapshot={}),
                name="application_anonymised_has_no_identity",
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {self.get_status_display()}"

    @property
    def is_final(self):
        return self.status in FINAL


class StatusChange(models.Model):
    """One step of an application's history: who moved it, when, to what, why."""

    class Actor(models.TextChoices):
        APPLICANT = "applicant", _("applicant")
        RECRUITER = "recruiter", _("recruiter")
        PARTNER = "partner", _("partner system")
        SYSTEM = "system", _("portal")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="history", verbose_name=_("application")
    )
    from_status = models.CharField(_("from"), max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=12, choices=Status.choices)
    at = models.DateTimeField(_("time"), default=timezone.now)
    actor_kind = models.CharField(_("by"), max_length=10, choices=Actor.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner"),
    )
    reject_reason = models.CharField(
        _("reason for rejection"), max_length=12, choices=RejectReason.choices, blank=True
    )
    interview_at = models.DateTimeField(_("interview time"), null=True, blank=True)
    interview_place = models.CharField(_("interview place"), max_length=300, blank=True)
    interview_link = models.URLField(_("video link"), max_length=500, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        indexes = [models.Index(fields=["application", "at"], name="status_change_history")]
        constraints = [
            models.CheckConstraint(
                condition=Q(to_status__in=_STATUSES)
                & (Q(from_status="") | Q(from_status__in=_STATUSES)),
                name="status_change_statuses",
            ),
            models.CheckConstraint(
                condition=Q(to_status=Status.REJECTED, reject_reason__in=_REASONS)
                | (~Q(to_status=Status.REJECTED) & Q(reject_reason="")),
                name="status_change_rejected_has_reason",
            ),
            models.CheckConstraint(
                condition=_interview_rule("to_"), name="status_change_interview"
            ),
            models.CheckConstraint(
                condition=~Q(to_status=Status.WITHDRAWN)
                | Q(actor_kind="applicant")
                | Q(actor_kind="system"),
                name="status_change_only_applicant_withdraws",
            ),
            models.CheckConstraint(
                condition=~Q(actor_kind="partner") | Q(partner__isnull=False),
                name="status_change_partner_named",
            ),
        ]

    def __str__(self):
        return f"{self.from_status or '-'} → {self.to_status} ({self.at:%Y-%m-%d %H:%M})"


class AccessLog(models.Model):
    """A member of staff or a partner system opened, listed or exported applications."""

    class Action(models.TextChoices):
        LIST = "list", _("Viewed a list")
        VIEW = "view", _("Opened an application")
        EXPORT = "export", _("Exported applications")
        API = "api", _("Read through the API")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner"),
    )
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    where = models.CharField(_("where"), max_length=20)
    application_ids = models.JSONField(_("applications"), default=list)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("application access")
        verbose_name_plural = _("application access log")
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | Q(partner__isnull=False),
                name="access_log_names_someone",
            ),
        ]

    def __str__(self):
        return f"{self.user or self.partner} {self.action} {self.at:%Y-%m-%d %H:%M}"
