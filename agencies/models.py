"""The registry of licensed private employment agencies (PEAs).

State changes of licences and deposits go through `agencies.services`; the models
hold the data and the invariants the database can enforce.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, When
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from agencies import channels, signals
from spelling import search_key
from ui.paths import detail_path


class LicensingAuthority(models.Model):
    """The state body that licenses PEAs in one country (e.g. Uzbekistan's Migration
    Agency, Kyrgyzstan's Ministry of Labour, Social Security and Migration, whose
    Center for Employment of Citizens Abroad monitors the agencies)."""

    country = CountryField(_("country"), unique=True)
    name = models.CharField(_("name"), max_length=300)
    website = models.URLField(_("official website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    max_service_fee = models.DecimalField(
        _("maximum service fee"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "The most an agency may charge a job seeker; 0 where fees are forbidden, "
            "empty where the law sets no cap."
        ),
    )
    max_service_fee_currency = models.CharField(_("fee currency"), max_length=3, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("licensing authority")
        verbose_name_plural = _("licensing authorities")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_service_fee__gte=0), name="authority_fee_not_negative"
            )
        ]

    def __str__(self):
        return self.name

    def minimum_deposit(self, on=None):
        """The minimum deposit in force on a date (today by default), or None: read
        from the authority's own few (a service deciding on a licence); an agency's
        page reads the kept ones (`agencies.selectors.kept_minimum_deposit`)."""
        return minimum_in_force(self.minimum_deposits.all(), on or timezone.localdate())


def minimum_in_force(minimums, on):
    """THE rule for an authority's minimum deposit on a date: of its minimums, the
    one applying from the latest date not after it; None before the first."""
    return max(
        (minimum for minimum in minimums if minimum.applies_from <= on),
        key=lambda minimum: minimum.applies_from,
        default=None,
    )


class MinimumDeposit(models.Model):
    """The security deposit an agency must hold, from a date on: the history is kept."""

    authority = models.ForeignKey(
        LicensingAuthority,
        on_delete=models.CASCADE,
        related_name="minimum_deposits",
        verbose_name=_("licensing authority"),
    )
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    applies_from = models.DateField(_("applies from"))

    class Meta:
        # By the parent's column, not the parent itself: that sorted by the parent's own
        # order and so joined its table to every read (staff see these within one parent).
        ordering = ["authority_id", "-applies_from"]
        verbose_name = _("minimum deposit")
        verbose_name_plural = _("minimum deposits")
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "applies_from"], name="one_minimum_deposit_per_date"
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="minimum_deposit_positive"),
        ]

    def __str__(self):
        applies_from = date_format(self.applies_from, "SHORT_DATE_FORMAT")
        return f"{floatformat(self.amount, '0g')} {self.currency} ({applies_from})"


class AgencyQuerySet(models.QuerySet):
    def search(self, text):
        """Name in any script, licence number, tax number or a channel."""
        text = (text or "").strip()
        if not text:
            return self
        condition = Q()
        for kind, value in channels.lookup_keys(text):
            if kind == channels.NAME:
                words = Q()
                for word in value.split():
                    words &= Q(search_key__contains=word)
                condition |= words
            elif kind == channels.LICENCE:
                condition |= Q(licences__number_normalised=value)
            elif kind == channels.TAX:
                condition |= Q(tax_number=value)
            else:
                condition |= Q(channels__kind=kind, channels__normalised=value)
        if not condition:
            return self.none()
        return self.filter(pk__in=self.filter(condition).values("pk"))


def latest_licence(licences):
    """The licence the public sees first of an agency's licences (or of rows with
    their ``issued_on`` and ``pk``): the latest issued, or None."""
    return max(licences, key=lambda lic: (lic.issued_on, lic.pk), default=None)


class Agency(models.Model):
    """A private employment agency, as registered with the state."""

    country = CountryField(_("country of registration"))
    legal_name = models.CharField(_("legal name"), max_length=300)
    brand_names = models.CharField(
        _("brand names"), max_length=300, blank=True, help_text=_("Separated by commas.")
    )
    tax_number = models.CharField(
        _("registration or tax number"),
        max_length=20,
        help_text=_("Unique within the country; stored as digits only."),
    )
    region = models.CharField(_("region"), max_length=120, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    search_key = models.CharField(max_length=700, editable=False, db_index=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        ordering = ["legal_name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "tax_number"], name="agency_tax_number_unique_in_country"
            ),
            models.CheckConstraint(condition=~Q(tax_number=""), name="agency_tax_number_set"),
        ]

    def __str__(self):
        return self.legal_name

    def save(self, *args, **kwargs):
        self.tax_number = channels.normalise_tax_number(self.tax_number)
        self.search_key = self.name_search_key()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return detail_path("agencies:detail", self.pk)

    def name_search_key(self):
        """The `search_key` to store: the legal and brand names' words, as skeletons."""
        return search_key(self.legal_name, self.brand_names)

    @cached_property
    def current_licence(self):
        """The licence the public sees first (`latest_licence`). Prefetch ``licences``."""
        return latest_licence(self.licences.all())

    def clean(self):
        self.tax_number = channels.normalise_tax_number(self.tax_number)
        if not self.tax_number:
            raise ValidationError({"tax_number": _("Enter the number in digits.")})


class AgencyChannel(models.Model):
    """An official way to reach an agency. Recruiters who are not on this list are
    not the agency, whatever they say."""

    PHONE = channels.PHONE
    WEBSITE = channels.WEBSITE
    TELEGRAM = channels.TELEGRAM
    INSTAGRAM = channels.INSTAGRAM
    WHATSAPP = channels.WHATSAPP
    EMAIL = channels.EMAIL
    KINDS = [
        (PHONE, _("phone")),
        (WEBSITE, _("website")),
        (TELEGRAM, _("Telegram")),
        (INSTAGRAM, _("Instagram")),
        (WHATSAPP, _("WhatsApp")),
        (EMAIL, _("e-mail")),
    ]

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="channels", verbose_name=_("agency")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=KINDS)
    value = models.CharField(_("as written"), max_length=300)
    normalised = models.CharField(_("normalised"), max_length=300, editable=False, db_index=True)

    class Meta:
        # By the parent's column, not the parent itself: that sorted by the parent's own
        # order and so joined its table to every read (staff see these within one parent).
        ordering = ["agency_id", "kind", "pk"]
        verbose_name = _("channel")
        verbose_name_plural = _("channels")
        constraints = [
            models.UniqueConstraint(fields=["kind", "normalised"], name="channel_unique_per_kind"),
            models.CheckConstraint(condition=~Q(normalised=""), name="channel_normalised_set"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"

    def save(self, *args, **kwargs):
        self.normalised = channels.normalise_for_kind(self.kind, self.value)
        super().save(*args, **kwargs)

    def clean(self):
        if self.kind and not channels.normalise_for_kind(self.kind, self.value):
            raise ValidationError(
                {"value": _("This is not a valid %(kind)s.") % {"kind": self.get_kind_display()}}
            )
        self.normalised = channels.normalise_for_kind(self.kind, self.value)

    @property
    def href(self):
        """A link a person can follow to the official channel."""
        links = {
            self.PHONE: f"tel:{self.normalised}",
            self.WHATSAPP: f"https://wa.me/{self.normalised.lstrip('+')}",
            self.WEBSITE: f"https://{self.normalised}",
            self.TELEGRAM: f"https://t.me/{self.normalised}",
            self.INSTAGRAM: f"https://instagram.com/{self.normalised}",
            self.EMAIL: f"mailto:{self.normalised}",
        }
        return links[self.kind]


class LicenceStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("licence status", "active")
    SUSPENDED = "suspended", pgettext_lazy("licence status", "suspended")
    REVOKED = "revoked", pgettext_lazy("licence status", "revoked")
    EXPIRED = "expired", pgettext_lazy("licence status", "expired")
    SURRENDERED = "surrendered", pgettext_lazy("licence status", "surrendered")


class Licence(models.Model):
    """Permission from an authority to recruit for work abroad. Its status changes
    only through `agencies.services`, which records a `LicenceEvent` each time."""

    Status = LicenceStatus

    authority = models.ForeignKey(
        LicensingAuthority,
        on_delete=models.PROTECT,
        related_name="licences",
        verbose_name=_("licensing authority"),
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="licences", verbose_name=_("agency")
    )
    number = models.CharField(_("licence number"), max_length=60)
    number_normalised = models.CharField(max_length=60, editable=False, db_index=True)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"))
    status = models.CharField(
        _("status"), max_length=12, choices=LicenceStatus.choices, editable=False
    )
    status_since = models.DateField(_("status since"), editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["-issued_on", "number"]
        verbose_name = _("licence")
        verbose_name_plural = _("licences")
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "number_normalised"], name="licence_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(expires_on__gte=models.F("issued_on")),
                name="licence_expires_after_issue",
            ),
            models.CheckConstraint(
                condition=Q(status__in=LicenceStatus.values), name="licence_status_valid"
            ),
        ]

    def __str__(self):
        return self.number

    def save(self, *args, **kwargs):
        self.number_normalised = channels.normalise_licence_number(self.number)
        super().save(*args, **kwargs)


def in_force_condition(on=None):
    """Destinations valid on a date (today by default) under an ACTIVE licence that
    is itself within its issued and expiry dates.

    THE rule for "licensed for destination X on date D": pages, API, admin,
    vacancies and feeds all use it, through `LicenceDestinationQuerySet.in_force`
    or, where a page shows every destination with whether it is in force, as a
    column (``annotate``).
    """
    on = on or timezone.localdate()
    return Q(
        status=LicenceDestination.Status.ACTIVE,
        valid_from__lte=on,
        valid_until__gte=on,
        licence__status=LicenceStatus.ACTIVE,
        licence__issued_on__lte=on,
        licence__expires_on__gte=on,
    )


class LicenceDestinationQuerySet(models.QuerySet):
    def in_force(self, on=None):
        """The destinations in force on a date (`in_force_condition`)."""
        return self.filter(in_force_condition(on))


class LicenceDestination(models.Model):
    """A destination country a licence covers, with its own validity (Kyrgyzstan
    issues one-year permits per destination)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        SUSPENDED = "suspended", _("suspended")
        WITHDRAWN = "withdrawn", _("withdrawn")

    licence = models.ForeignKey(
        Licence, on_delete=models.CASCADE, related_name="destinations", verbose_name=_("licence")
    )
    country = CountryField(_("destination country"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))

    objects = LicenceDestinationQuerySet.as_manager()

    class Meta:
        # By the parent's column, not the parent itself: that sorted by the parent's own
        # order and so joined its table to every read (staff see these within one parent).
        ordering = ["licence_id", "country"]
        verbose_name = _("destination")
        verbose_name_plural = _("destinations")
        constraints = [
            models.UniqueConstraint(fields=["licence", "country"], name="destination_once"),
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("valid_from")),
                name="destination_valid_until_after_from",
            ),
        ]
        indexes = [models.Index(fields=["country", "valid_until"])]

    def __str__(self):
        return f"{self.licence} → {self.country.name}"

    def save(self, *args, **kwargs):
        was_active = (
            self.pk is not None
            and LicenceDestination.objects.filter(pk=self.pk, status=self.Status.ACTIVE).exists()
        )
        super().save(*args, **kwargs)
        # Partners mirror licences by ``updated_at``: a destination change is one.
        Licence.objects.filter(pk=self.licence_id).update(updated_at=timezone.now())
        if was_active and self.status != self.Status.ACTIVE:
            self.announce_lost()

    def delete(self, *args, **kwargs):
        was_active = self.status == self.Status.ACTIVE
        result = super().delete(*args, **kwargs)
        if was_active:
            self.announce_lost()
        return result

    def announce_lost(self):
        """Tell the apps above (`agencies.signals`) that the licence no longer
        covers this destination: whoever follows the agency must hear it."""
        signals.licence_changed.send(
            sender=Licence,
            licence=self.licence,
            change=signals.DESTINATION_LOST,
            countries=[str(self.country)],
            key=f"destination:{self.licence_id}:{self.country}:{timezone.now():%Y-%m-%dT%H:%M}",
            reason="",
        )


class LicenceEvent(models.Model):
    """One status change of a licence: when, why, on what legal basis, by whom."""

    licence = models.ForeignKey(
        Licence, on_delete=models.CASCADE, related_name="events", verbose_name=_("licence")
    )
    date = models.DateField(_("date"))
    from_status = models.CharField(
        _("from"), max_length=12, choices=LicenceStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=12, choices=LicenceStatus.choices)
    reason = models.TextField(_("reason"), blank=True)
    legal_basis = models.CharField(_("legal basis or document"), max_length=300, blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("officer"),
        help_text=_("Empty when the system made the change (automatic expiry)."),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("licence event")
        verbose_name_plural = _("licence events")
        constraints = [
            models.CheckConstraint(
                condition=~Q(to_status__in=["suspended", "revoked"]) | ~Q(reason=""),
                name="suspension_and_revocation_need_reason",
            ),
        ]

    def __str__(self):
        return f"{self.licence}: {self.from_status or '-'} → {self.to_status} ({self.date})"


class Deposit(models.Model):
    """Security money an agency holds with the authority to compensate harmed workers.
    Its balance is the sum of its movements."""

    class Form(models.TextChoices):
        CASH = "cash", _("cash deposit")
        GUARANTEE = "guarantee", _("bank guarantee")

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="deposits", verbose_name=_("agency")
    )
    authority = models.ForeignKey(
        LicensingAuthority,
        on_delete=models.PROTECT,
        related_name="deposits",
        verbose_name=_("licensing authority"),
    )
    form = models.CharField(_("form"), max_length=10, choices=Form.choices)
    bank = models.CharField(_("bank"), max_length=200)
    reference = models.CharField(_("reference"), max_length=100)
    currency = models.CharField(_("currency"), max_length=3)
    lodged_on = models.DateField(_("lodged on"))
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Required for a bank guarantee.")
    )

    class Meta:
        ordering = ["agency", "-lodged_on"]
        verbose_name = _("deposit")
        verbose_name_plural = _("deposits")
        constraints = [
            models.CheckConstraint(
                condition=~Q(form="guarantee") | Q(valid_until__isnull=False),
                name="guarantee_has_expiry",
            ),
        ]

    def __str__(self):
        return f"{self.get_form_display()} {self.bank} {self.reference}"

    def has_lapsed(self, on=None):
        on = on or timezone.localdate()
        return self.valid_until is not None and self.valid_until < on


class DepositMovement(models.Model):
    """Money into or out of a deposit. Only `agencies.services` creates them."""

    class Kind(models.TextChoices):
        LODGED = "lodged", _("lodged")
        TOPPED_UP = "topped_up", _("topped up")
        DRAWN = "drawn", _("drawn to compensate a complaint")
        RELEASED = "released", _("released")

    INFLOWS = (Kind.LODGED, Kind.TOPPED_UP)

    deposit = models.ForeignKey(
        Deposit, on_delete=models.CASCADE, related_name="movements", verbose_name=_("deposit")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    date = models.DateField(_("date"))
    complaint_case = models.CharField(
        _("complaint case"), max_length=100, blank=True, help_text=_("Required when drawn.")
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("officer"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        # By the parent's column, not the parent itself: that sorted by the parent's own
        # order and so joined its table to every read (staff see these within one parent).
        ordering = ["deposit_id", "date", "pk"]
        verbose_name = _("deposit movement")
        verbose_name_plural = _("deposit movements")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="movement_amount_positive"),
            models.CheckConstraint(
                condition=~Q(kind="drawn") | ~Q(complaint_case=""),
                name="drawn_names_complaint_case",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.amount}"

    @classmethod
    def signed_amount(cls, path=""):
        """A movement's amount as a query expression, positive into the deposit and
        negative out of it: the one place the sign is decided. ``path`` leads from
        the model queried to the movement (``"movements__"`` from a deposit,
        ``"deposits__movements__"`` from an agency); a row without a movement adds
        nothing to a ``Sum``."""
        return Case(
            When(**{f"{path}kind__in": cls.INFLOWS}, then=F(f"{path}amount")),
            default=-F(f"{path}amount"),
            output_field=models.DecimalField(max_digits=16, decimal_places=2),
        )


class RecruiterReport(models.Model):
    """A member of the public reports a suspicious recruiter. Stored as written;
    the reporter's contact is seen only by staff."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        REVIEWING = "reviewing", _("reviewing")
        REFERRED = "referred", _("referred to police")
        CLOSED = "closed", _("closed")

    recruiter_name = models.CharField(_("recruiter's name"), max_length=200, blank=True)
    channel = models.CharField(_("channel or phone"), max_length=300, blank=True)
    channel_kind = models.CharField(max_length=12, blank=True, editable=False)
    channel_normalised = models.CharField(max_length=300, blank=True, editable=False, db_index=True)
    what_happened = models.TextField(_("what happened"), max_length=5000)
    contact = models.CharField(
        _("reporter's contact"),
        max_length=200,
        blank=True,
        help_text=_("Seen only by staff."),
    )
    language = models.CharField(_("language"), max_length=8, blank=True, editable=False)
    status = models.CharField(
        _("triage status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    staff_notes = models.TextField(_("staff notes"), blank=True)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("matching agency"),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("recruiter report")
        verbose_name_plural = _("recruiter reports")
        constraints = [
            models.CheckConstraint(
                condition=~Q(recruiter_name="", channel=""),
                name="report_names_recruiter",
                violation_error_message=_(
                    "Give the recruiter's name or a way they contacted you (or both)."
                ),
            ),
        ]

    def __str__(self):
        return self.recruiter_name or self.channel

    def save(self, *args, **kwargs):
        self.channel_kind, self.channel_normalised = channels.normalise_channel(self.channel)
        self.channel_normalised = self.channel_normalised[:300]
        super().save(*args, **kwargs)
