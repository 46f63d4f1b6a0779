"""Help requests (cases), the organisations they are routed to, the routing table,
what was done on each case and who opened it."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from directory.needs import URGENT_NEEDS, Need


def new_token():
    """The secret of a case's private link: 256 bits, unguessable."""
    return secrets.token_urlsafe(32)


class Responder(models.Model):
    """An organisation that takes cases: the help desk routes cases to it and, with
    a partner API key, it reads them and updates their status."""

    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("in the directory"),
    )
    partner = models.OneToOneField(
        "partners.Partner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responder",
        verbose_name=_("partner (API access)"),
    )
    is_active = models.BooleanField(_("takes cases"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("responder organisation")
        verbose_name_plural = _("responder organisations")

    def __str__(self):
        return self.name


class Route(models.Model):
    """A row of the routing table: cases of this country and category go to this
    responder. An empty country or category matches any; the most specific row
    wins (`helpdesk.selectors.route_for`)."""

    country = CountryField(_("country"), blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Need.choices, blank=True)
    responder = models.ForeignKey(
        Responder, on_delete=models.CASCADE, related_name="routes", verbose_name=_("responder")
    )

    class Meta:
        ordering = ["country", "category"]
        verbose_name = _("route")
        verbose_name_plural = _("routing table")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "category"],
                name="route_one_per_country_and_category",
                violation_error_message=_("This country and category already have a route."),
            )
        ]

    def __str__(self):
        return f"{self.country or '*'} / {self.category or '*'} → {self.responder}"


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=Case.Status.CLOSED)

    def urgent(self):
        return self.filter(category__in=URGENT_NEEDS)

    def not_picked_up(self, now=None):
        """New cases nobody has acted on within ``HELPDESK_PICKUP_HOURS``."""
        now = now or timezone.now()
        deadline = now - timezone.timedelta(hours=settings.HELPDESK_PICKUP_HOURS)
        return self.filter(status=Case.Status.NEW, created_at__lte=deadline)

    def routed_to(self, responder):
        return self.filter(responder=responder)


class Case(models.Model):
    """A person's request for help. Kept only as long as needed: closed cases are
    anonymised after ``HELPDESK_ANONYMISE_AFTER_DAYS`` (what, where and when
    stay for statistics; who and their words go)."""

    class Channel(models.TextChoices):
        PHONE = "phone", _("Phone call or SMS")
        TELEGRAM = "telegram", _("Telegram")
        WHATSAPP = "whatsapp", _("WhatsApp")

    class Status(models.TextChoices):
        NEW = "new", _("Received")
        ROUTED = "routed", _("Passed to an organisation that helps")
        IN_PROGRESS = "in_progress", _("Being worked on")
        WAITING = "waiting", _("Waiting for your answer")
        CLOSED = "closed", _("Closed")

    class Outcome(models.TextChoices):
        RESOLVED = "resolved", _("Resolved")
        REFERRED = "referred", _("Referred to another organisation")
        NO_CONTACT = "no_contact", _("Could not reach the person")
        OUT_OF_SCOPE = "out_of_scope", _("Outside what the help desk can do")
        WITHDRAWN = "withdrawn", _("Withdrawn by the person")

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    category = models.CharField(_("what happened"), max_length=20, choices=Need.choices)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    channel = models.CharField(_("how to reach you"), max_length=10, choices=Channel.choices)
    contact = models.CharField(_("phone number or Telegram name"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail for status updates"), blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    description = models.TextField(_("what happened, in a few words"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="help_cases",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    responder = models.ForeignKey(
        Responder,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("responder"),
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    picked_up_at = models.DateTimeField(_("picked up"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.CheckConstraint(
                condition=(Q(status="closed") & ~Q(outcome="") & Q(closed_at__isnull=False))
                | (~Q(status="closed") & Q(outcome="") & Q(closed_at__isnull=True)),
                name="case_closed_with_outcome",
            ),
            models.CheckConstraint(
                condition=Q(anonymised_at__isnull=True) | Q(status="closed"),
                name="case_anonymised_only_when_closed",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return self.number

    @property
    def number(self):
        """What the person and staff quote: the year received and a serial."""
        return f"{self.created_at:%Y}-{self.pk:05d}"

    @property
    def is_urgent(self):
        return self.category in URGENT_NEEDS

    @property
    def is_open(self):
        return self.status != self.Status.CLOSED


class CaseEvent(models.Model):
    """Something that happened to a case: a status change (the person sees these),
    a routing, an action taken or an internal note (staff and the responder only)."""

    class Kind(models.TextChoices):
        STATUS = "status", _("Status changed")
        ROUTED = "routed", _("Routed")
        ACTION = "action", _("Action taken")
        NOTE = "note", _("Internal note")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("time"), default=timezone.now)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=12, choices=Case.Status.choices, blank=True)
    text = models.TextField(_("text"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("staff member"),
    )
    responder = models.ForeignKey(
        Responder,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responder"),
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")

    def __str__(self):
        return f"{self.case_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"


class CaseAccessLog(models.Model):
    """Someone opened a case: a member of the help desk, or a responder over the API."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="accesses")
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("staff member"),
    )
    responder = models.ForeignKey(
        Responder,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responder"),
    )

    class Meta:
        ordering = ["-at"]
        verbose_name = _("case access")
        verbose_name_plural = _("case access log")
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | Q(responder__isnull=False),
                name="case_access_names_who",
            )
        ]

    def __str__(self):
        return f"{self.case_id} {self.at:%Y-%m-%d %H:%M}"
