"""Organisations that help migrants, by country and need, with how sure the
portal is of their contacts."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from directory.needs import Need


class OrganisationQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(is_active=True)

    def helping_with(self, need):
        return self.filter(services__need=need)

    def in_country(self, country):
        return self.filter(country=country)


class Organisation(models.Model):
    """Someone a migrant can turn to. Its contacts are shown as verified only when
    a person checked them against an official source on ``verified_on``; until
    then they say "unverified", and demo contacts say "demo": a wrong consulate
    number hurts a stranded migrant."""

    class Kind(models.TextChoices):
        EMBASSY = "embassy", _("Embassy or consulate")
        LABOUR_ATTACHE = "labour_attache", _("Labour attaché")
        AGENCY_OFFICE = "agency_office", _("Migration Agency office abroad")
        MINISTRY_OFFICE = "ministry_office", _("Ministry representation abroad")
        STATE_AGENCY = "state_agency", _("State agency at home")
        RESOURCE_CENTRE = "resource_centre", _("Migrant resource centre")
        EMPLOYMENT_CENTRE = "employment_centre", _("Employment centre")
        NGO = "ngo", _("NGO or legal aid")
        SHELTER = "shelter", _("Shelter")
        HOTLINE = "hotline", _("Hotline")
        EMERGENCY = "emergency", _("Emergency services")

    class Contacts(models.TextChoices):
        VERIFIED = "verified", _("verified")
        UNVERIFIED = "unverified", _("unverified")
        DEMO = "demo", _("demo")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("what it does"), blank=True)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    hours = models.CharField(_("opening hours"), max_length=120, blank=True)
    languages = models.JSONField(
        _("languages spoken"),
        default=list,
        blank=True,
        help_text=_("Language codes, e.g. uz, ky, ru."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    telegram = models.CharField(_("Telegram"), max_length=100, blank=True)
    contacts_status = models.CharField(
        _("contacts"),
        max_length=10,
        choices=Contacts.choices,
        default=Contacts.UNVERIFIED,
    )
    verified_on = models.DateField(_("date verified"), null=True, blank=True)
    source = models.CharField(
        _("source"),
        max_length=300,
        help_text=_("Where the facts about it come from (document and heading, or the feed)."),
    )
    is_active = models.BooleanField(_("shown"), default=True)
    # Set by a partner feed: the feed that delivered it and the partner's own id.
    source_feed_id = models.PositiveIntegerField(null=True, blank=True, editable=False)
    external_id = models.CharField(max_length=100, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["country", "kind", "name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(contacts_status="verified") | Q(verified_on__isnull=False),
                name="organisation_verified_has_date",
                violation_error_message=_("Verified contacts need the date they were verified."),
            ),
            models.UniqueConstraint(
                fields=["source_feed_id", "external_id"],
                condition=Q(source_feed_id__isnull=False),
                name="organisation_one_per_feed_id",
            ),
        ]
        indexes = [models.Index(fields=["country", "is_active"])]

    def __str__(self):
        return self.name

    def clean(self):
        if self.contacts_status == self.Contacts.VERIFIED and not self.verified_on:
            raise ValidationError(
                {"verified_on": _("Verified contacts need the date they were verified.")}
            )

    @property
    def is_verified(self):
        return self.contacts_status == self.Contacts.VERIFIED

    @property
    def is_demo(self):
        return self.contacts_status == self.Contacts.DEMO

    @property
    def language_names(self):
        """The languages spoken, named in the reader's language: the record holds
        codes ("ko", "uz"), which a migrant cannot read. A code Django does not
        know (or an editor's stray value) is shown as written rather than dropped."""
        names = []
        for code in map(str, self.languages):
            try:
                names.append(translation.get_language_info(code)["name_translated"])
            except KeyError:
                names.append(code)
        return names

    @property
    def has_contacts(self):
        return bool(self.phone or self.email or self.website or self.telegram or self.address)


class Service(models.Model):
    """One need an organisation helps with."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="services"
    )
    need = models.CharField(_("need"), max_length=20, choices=Need.choices)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "need"], name="service_once_per_need")
        ]

    def __str__(self):
        return self.get_need_display()
