"""Entry-ban lists: where a list comes from, its records, and the little the portal
keeps about the checks made against it.

A check stores nothing of the person: only a daily count per outcome
(`DailyCheckCount`), and for partner calls the partner, time and outcome
(`ApiCheckLog`). Staff reading records leave a trace in `RecordAccessLog`.
"""

import functools
import re

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from blacklist.matching import MatchLevel, PersonName, name_keys

_DOCUMENT_NOISE = re.compile(r"[^0-9A-Z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def normalise_document_number(number):
    """Passport numbers compared without spaces, dashes or case: "AA 123-45 67" is
    AA1234567. (Document numbers are not names: matching.py is not involved.)"""
    return _DOCUMENT_NOISE.sub("", (number or "").upper())


OUTCOMES = [
    (MatchLevel.DIFFERENT.value, _("No record found")),
    (MatchLevel.SAME.value, _("Record found")),
    (MatchLevel.POSSIBLE.value, _("Possible match")),
]


@functools.lru_cache(maxsize=65536)
def name_key_columns(surname, given_name):
    """The two indexed key columns of a record (matching.name_keys, which reads the
    surname and given name only). Cached: lists repeat names, and bulk loads compute
    millions of them."""
    keys = sorted(name_keys(PersonName(surname, given_name)))
    return (keys[0] if keys else "", keys[1] if len(keys) > 1 else "")


def script_of(*texts):
    """The script a name is written in, as stored with the record."""
    return BanRecord.Script.CYRILLIC if _CYRILLIC.search("".join(texts)) else BanRecord.Script.LATIN


class BanSource(models.Model):
    """A list of people barred from a country, as published by its authority."""

    class Kind(models.TextChoices):
        ENTRY_BAN = "entry_ban", _("Entry ban")
        CONTROLLED_PERSONS = "controlled_persons", _("Register of controlled persons")
        DEPORTATION = "deportation", _("Deportation record")
        RECRUITMENT_EXCLUSION = "recruitment_exclusion", _("Exclusion from organised recruitment")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country imposing the ban"))
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    verify_url = models.URLField(_("official verification page"), blank=True)
    verify_address = models.CharField(_("where to verify in person"), max_length=300, blank=True)
    updated_at = models.DateTimeField(_("last updated"), null=True, blank=True)
    active_records = models.PositiveIntegerField(_("active records"), default=0)

    class Meta:
        ordering = ["name"]
        verbose_name = _("ban source")
        verbose_name_plural = _("ban sources")

    def __str__(self):
        return self.name

    def refresh_statistics(self, updated_at=None):
        """Record when the list was last loaded and how many bans it holds now."""
        self.active_records = self.records.in_force().count()
        self.updated_at = updated_at or timezone.now()
        self.save(update_fields=["active_records", "updated_at"])


class BanRecordQuerySet(models.QuerySet):
    def in_force(self, today=None):
        """Active records whose ban has not ended: the only ones a check reports."""
        today = today or timezone.localdate()
        return self.filter(Q(ban_end__isnull=True) | Q(ban_end__gte=today), is_active=True)

    def candidates(self, date_of_birth, keys, document_key=""):
        """Records born that day that share a name key (or the document number): two
        index lookups, never a scan of the list."""
        keys = sorted(keys)
        condition = Q(name_key_1__in=keys) | Q(name_key_2__in=keys)
        if document_key:
            condition |= Q(document_key=document_key)
        return self.filter(condition, date_of_birth=date_of_birth).order_by()


class BanRecord(models.Model):
    """One person on one list, as the list writes them."""

    class Script(models.TextChoices):
        CYRILLIC = "Cyrl", _("Cyrillic")
        LATIN = "Latn", _("Latin")

    class Basis(models.TextChoices):
        OVERSTAY = "overstay", _("Stayed longer than allowed")
        ADMINISTRATIVE = "administrative", _("Repeated administrative offences")
        EXPULSION = "expulsion", _("Administrative expulsion or deportation")
        CRIMINAL = "criminal", _("Criminal conviction")
        DOCUMENTS = "documents", _("False documents or information")
        DEBTS = "debts", _("Unpaid fines, taxes or debts")
        HEALTH = "health", _("Public health grounds")
        SECURITY = "security", _("State security grounds")
        OTHER = "other", _("Other or not stated")

    source = models.ForeignKey(
        BanSource, on_delete=models.CASCADE, related_name="records", verbose_name=_("source")
    )
    external_id = models.CharField(_("identifier in the source"), max_length=100)
    surname = models.CharField(_("surname"), max_length=150)
    given_name = models.CharField(_("given names"), max_length=150)
    patronymic = models.CharField(_("patronymic"), max_length=150, blank=True)
    script = models.CharField(_("script"), max_length=4, choices=Script.choices)
    date_of_birth = models.DateField(_("date of birth"))
    citizenship = CountryField(_("citizenship"), blank=True)
    document_number = models.CharField(_("document number"), max_length=40, blank=True)
    ban_start = models.DateField(_("ban start"), null=True, blank=True)
    ban_end = models.DateField(
        _("ban end"), null=True, blank=True, help_text=_("Empty when the ban has no end date.")
    )
    basis = models.CharField(_("basis"), max_length=20, choices=Basis.choices)
    is_active = models.BooleanField(_("active"), default=True)
    first_seen = models.DateField(_("first seen"), default=timezone.localdate)
    last_seen = models.DateField(_("last seen"), default=timezone.localdate)
    # Precomputed by `set_derived_fields` from matching.name_keys: a check looks up
    # records by (date of birth, key).
    name_key_1 = models.CharField(max_length=32, editable=False)
    name_key_2 = models.CharField(max_length=32, blank=True, editable=False)
    document_key = models.CharField(max_length=40, blank=True, editable=False)

    objects = BanRecordQuerySet.as_manager()

    class Meta:
        ordering = ["surname", "given_name"]
        verbose_name = _("ban record")
        verbose_name_plural = _("ban records")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], name="blacklist_record_unique_external_id"
            ),
            models.CheckConstraint(
                condition=Q(ban_end__isnull=True)
                | Q(ban_start__isnull=True)
                | Q(ban_end__gte=F("ban_start")),
                name="blacklist_record_ban_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(name_key_1=""), name="blacklist_record_has_name_key"
            ),
        ]
        indexes = [
            models.Index(fields=["date_of_birth", "name_key_1"], name="blacklist_dob_key_1"),
            models.Index(fields=["date_of_birth", "name_key_2"], name="blacklist_dob_key_2"),
            models.Index(
                fields=["date_of_birth", "document_key"],
                condition=~Q(document_key=""),
                name="blacklist_dob_document",
            ),
        ]

    def __str__(self):
        return " ".join(filter(None, [self.surname, self.given_name, self.patronymic]))

    def save(self, *args, **kwargs):
        self.set_derived_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {
                *update_fields,
                "name_key_1",
                "name_key_2",
                "document_key",
                "script",
            }
        super().save(*args, **kwargs)

    @property
    def person_name(self):
        return PersonName(self.surname, self.given_name, self.patronymic)

    def set_derived_fields(self):
        """Fill the lookup keys and the script; `save` calls it, bulk writers must."""
        self.name_key_1, self.name_key_2 = name_key_columns(self.surname, self.given_name)
        self.document_key = normalise_document_number(self.document_number)
        self.script = script_of(self.surname, self.given_name, self.patronymic)


class DailyCheckCount(models.Model):
    """How many checks ended in each outcome on a day: all that is kept of a check."""

    date = models.DateField(_("date"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=OUTCOMES)
    count = models.PositiveIntegerField(_("checks"), default=0)

    class Meta:
        ordering = ["-date", "outcome"]
        verbose_name = _("daily check count")
        verbose_name_plural = _("daily check counts")
        constraints = [
            models.UniqueConstraint(fields=["date", "outcome"], name="blacklist_one_count_a_day")
        ]

    def __str__(self):
        return f"{self.date} {self.outcome}: {self.count}"


class ApiCheckLog(models.Model):
    """A partner's call to the check API: who, when and the outcome, never the name."""

    partner = models.ForeignKey(
        "partners.Partner", on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    key_prefix = models.CharField(_("API key"), max_length=8)
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=OUTCOMES)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("API check")
        verbose_name_plural = _("API checks")

    def __str__(self):
        return f"{self.partner_id} {self.at:%Y-%m-%d %H:%M} {self.outcome}"


class RecordAccessLog(models.Model):
    """A member of staff looked at or exported ban records."""

    class Action(models.TextChoices):
        LIST = "list", _("Viewed the list")
        VIEW = "view", _("Viewed a record")
        EXPORT = "export", _("Exported records")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("user"),
    )
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    record_ids = models.JSONField(_("records"), default=list)
    query = models.CharField(_("filters"), max_length=500, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("record access")
        verbose_name_plural = _("record access log")

    def __str__(self):
        return f"{self.user} {self.action} {self.at:%Y-%m-%d %H:%M}"
