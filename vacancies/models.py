"""Destination countries and their guides, ISCO-08 occupations, exchange rates and
vacancies.

Whether a vacancy may be shown to the public is decided in one place:
`public_condition`, which `VacancyQuerySet.public` filters by. Pages, the API, the
feed and the admin preview all use it.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.models import LicenceDestination
from pagecache.daily import built_daily
from partners.models import Partner
from ui.paths import detail_path
from vacancies.compiled import CompiledOnce
from vacancies.names import city_name, visa_name
from vacancies.search import vacancy_search_key

# Average weeks in a month: an hourly wage times weekly hours times this is monthly.
WEEKS_PER_MONTH = Decimal(52) / Decimal(12)
# When a vacancy states no weekly hours, an hourly wage is converted at 40 a week.
DEFAULT_WEEKLY_HOURS = 40

currency_code = RegexValidator(r"^[A-Z]{3}$", _("Enter an ISO 4217 code such as USD or EUR."))

# The sections of a country guide, in the order the page shows them. Each is a
# translated text field of Country; the labels are the page's headings.
GUIDE_SECTIONS = [
    ("entry_and_permits", _("Entry, visa and work permit")),
    ("registration", _("Registration after arrival")),
    ("contract_and_rights", _("Written contract and labour rights")),
    ("complaints_and_help", _("Where to complain and get legal help")),
    ("cost_of_living", _("Cost of living")),
    ("climate", _("Climate")),
    ("food", _("Food and halal availability")),
    ("healthcare", _("Healthcare and clinics")),
    ("schools", _("Kindergartens and schools")),
    ("culture", _("Culture and customs")),
    ("embassy_contacts", _("Embassy and consulates")),
    ("diaspora", _("Diaspora organisations")),
    ("hotlines", _("Hotlines")),
]


class CountryQuerySet(models.QuerySet):
    def names(self):
        """Countries without their guides, for lists and menus: a guide is tens of
        kilobytes in five languages, and a list shows only the names."""
        return self.defer(*Country.guide_columns())


class Country(models.Model):
    """A destination, with the guide a migrant reads before signing anything."""

    code = models.CharField(
        _("ISO 3166-1 code"),
        max_length=2,
        primary_key=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Enter a two-letter code such as KR."))],
    )
    name = models.CharField(_("name"), max_length=100)
    entry_and_permits = models.TextField(GUIDE_SECTIONS[0][1], blank=True)
    registration = models.TextField(GUIDE_SECTIONS[1][1], blank=True)
    contract_and_rights = models.TextField(GUIDE_SECTIONS[2][1], blank=True)
    complaints_and_help = models.TextField(GUIDE_SECTIONS[3][1], blank=True)
    cost_of_living = models.TextField(GUIDE_SECTIONS[4][1], blank=True)
    climate = models.TextField(GUIDE_SECTIONS[5][1], blank=True)
    food = models.TextField(GUIDE_SECTIONS[6][1], blank=True)
    healthcare = models.TextField(GUIDE_SECTIONS[7][1], blank=True)
    schools = models.TextField(GUIDE_SECTIONS[8][1], blank=True)
    culture = models.TextField(GUIDE_SECTIONS[9][1], blank=True)
    embassy_contacts = models.TextField(GUIDE_SECTIONS[10][1], blank=True)
    diaspora = models.TextField(GUIDE_SECTIONS[11][1], blank=True)
    hotlines = models.TextField(GUIDE_SECTIONS[12][1], blank=True)
    reviewed_on = models.DateField(_("guide last reviewed"), null=True, blank=True)
    needs_review = models.TextField(
        _("facts to check"),
        blank=True,
        help_text=_("Facts the editors are not sure of; shown to editors only."),
    )
    sections_to_check = models.JSONField(
        _("sections to check"),
        default=list,
        blank=True,
        help_text=_(
            "Sections whose facts are marked for checking: hidden from the public "
            "until an editor clears them here."
        ),
    )

    objects = CountryQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_iso_alpha2"
            ),
        ]

    def __str__(self):
        return self.name or self.code

    def get_absolute_url(self):
        return reverse("vacancies:country", args=[self.code])

    def clean(self):
        unknown = set(self.sections_to_check or []) - {field for field, _label in GUIDE_SECTIONS}
        if unknown:
            raise ValidationError(
                {"sections_to_check": _("Unknown sections: %s") % ", ".join(sorted(unknown))}
            )

    @staticmethod
    def guide_columns():
        """The guide's columns (every language) and the editors' notes: what a page
        that only names a country leaves in the database."""
        languages = settings.MODELTRANSLATION_LANGUAGES
        columns = ["needs_review", "sections_to_check"]
        for field, _label in GUIDE_SECTIONS:
            columns += [field, *(f"{field}_{lang}" for lang in languages)]
        return columns


class Occupation(models.Model):
    """An ISCO-08 group: major (1 digit), sub-major (2), minor (3) or unit (4)."""

    class Level(models.IntegerChoices):
        MAJOR = 1, _("major group")
        SUB_MAJOR = 2, _("sub-major group")
        MINOR = 3, _("minor group")
        UNIT = 4, _("unit group")

    code = models.CharField(_("ISCO-08 code"), max_length=4, primary_key=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent group"),
    )
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        ordering = ["code"]
        verbose_name = _("occupation")
        verbose_name_plural = _("occupations")
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9]{1,4}$"), name="occupation_code_digits"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=4), name="occupation_level_1_to_4"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"


class ExchangeRateQuerySet(models.QuerySet):
    def latest_rates(self, on=None):
        """{currency: units per US dollar}, the newest rate of each currency on a date."""
        on = on or timezone.localdate()
        rates = {}
        for currency, per_usd in (
            self.filter(date__lte=on)
            .order_by("currency", "-date")
            .values_list("currency", "per_usd")
        ):
            rates.setdefault(currency, per_usd)
        rates["USD"] = Decimal(1)
        return rates


class ExchangeRate(models.Model):
    """How many units of a currency buy one US dollar on a date (staff-editable)."""

    currency = models.CharField(_("currency"), max_length=3, validators=[currency_code])
    per_usd = models.DecimalField(
        _("units per US dollar"),
        max_digits=14,
        decimal_places=4,
        validators=[MinValueValidator(Decimal("0.0001"))],
    )
    date = models.DateField(_("date"), default=timezone.localdate)

    objects = ExchangeRateQuerySet.as_manager()

    class Meta:
        ordering = ["currency", "-date"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [
            models.UniqueConstraint(fields=["currency", "date"], name="one_rate_per_currency_day"),
            models.CheckConstraint(condition=Q(per_usd__gt=0), name="exchange_rate_positive"),
        ]

    def __str__(self):
        return f"1 USD = {self.per_usd} {self.currency} ({self.date})"


def to_usd(amount, currency, rates):
    """An amount in USD with the rates of `ExchangeRateQuerySet.latest_rates`; None
    when the currency has no rate."""
    per_usd = rates.get(currency)
    if amount is None or not per_usd:
        return None
    return (Decimal(amount) / per_usd).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


class VacancyQuerySet(models.QuerySet):
    def public(self, on=None):
        """What the public sees (pages, API, feed): the vacancies that meet
        `public_condition`."""
        return self.filter(CompiledOnce(public_condition(on or timezone.localdate())))


def public_condition(on):
    """THE rule for what the public sees, as a condition on a vacancy's row:
    published, not past its expiry date or application deadline, and published
    through a channel that is legal for its destination on that date (see
    `legal_channel`). A filter (`VacancyQuerySet.public`) or a column that a page
    reads with the vacancy (`vacancies.selectors.vacancy_page`)."""
    return Q(
        Q(expires_on__isnull=True) | Q(expires_on__gte=on),
        Q(deadline__isnull=True) | Q(deadline__gte=on),
        legal_channel(on),
        status=Vacancy.Status.PUBLISHED,
    )


class VacancyManager(models.Manager.from_queryset(VacancyQuerySet)):
    def public(self, on=None):
        """`VacancyQuerySet.public`, built once a day (`built_daily`): building its
        conditions took 3 ms of each list page. Only for ``Vacancy.objects``: a related
        manager (``agency.vacancies``) holds the instance whose rows it reads, and kept
        under the same key it would hand them to every other caller. (Not told by its
        class: modeltranslation gives ``Vacancy.objects`` a subclass too.)"""
        if getattr(self, "instance", None) is not None:
            return super().public(on)
        return built_daily(("public", self.db), lambda on: self.get_queryset().public(on), on)


def legal_channel(on):
    """The channels a migrant may be legally recruited through, as a condition on
    vacancies, on a date:

    - state organised recruitment: run by a licensing authority itself;
    - licensed agency: its licence covers the destination and is in force that day
      (`LicenceDestination.objects.in_force`, the registry's one rule), so a
      suspension, revocation, expiry or a withdrawn destination hides the vacancy
      at once, and reinstatement shows it again;
    - partner employer: published by a partner organisation that is active and
      entitled to publish as an employer (`Publisher`).
    """
    licensed = Exists(
        LicenceDestination.objects.in_force(on).filter(
            licence__agency=OuterRef("agency"), country=OuterRef("country_id")
        )
    )
    # A subquery, not a join: joined, the partner table added a third of a
    # millisecond to the planning of every query that asks this (measured at 200,000).
    active_partner = Exists(Partner.objects.filter(pk=OuterRef("partner_id"), is_active=True))
    return (
        Q(channel=Vacancy.Channel.AUTHORITY, authority__isnull=False)
        | Q(licensed, channel=Vacancy.Channel.AGENCY)
        | Q(active_partner, channel=Vacancy.Channel.EMPLOYER)
    )


def wage_order():
    """Highest monthly wage in USD first, a wage with no exchange rate (unknown in
    USD) last: the same on every database, and indexable on SQLite, which has no
    NULLS LAST in an index."""
    return Coalesce("monthly_wage_usd", Value(0)).desc()


class Vacancy(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        CLOSED = "closed", _("closed")

    class Channel(models.TextChoices):
        AUTHORITY = "authority", _("state organised recruitment")
        AGENCY = "agency", _("licensed private agency")
        EMPLOYER = "employer", _("partner employer")

    class Source(models.TextChoices):
        MANUAL = "manual", _("entered by staff")
        API = "api", _("partner API")
        FEED = "feed", _("partner feed")

    class WagePeriod(models.TextChoices):
        HOUR = "hour", _("per hour")
        MONTH = "month", _("per month")

    class Language(models.TextChoices):
        NONE = "none", _("no foreign language needed")
        KOREAN = "ko", _("Korean")
        ENGLISH = "en", _("English")
        RUSSIAN = "ru", _("Russian")
        GERMAN = "de", _("German")
        POLISH = "pl", _("Polish")
        TURKISH = "tr", _("Turkish")
        LITHUANIAN = "lt", _("Lithuanian")
        OTHER = "other", _("another language")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="vacancies", verbose_name=_("country")
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    employer_name = models.CharField(_("employer"), max_length=200)
    employer_registration = models.CharField(
        _("employer registration number"),
        max_length=100,
        blank=True,
        help_text=_("The employer's company registration in its country, where known."),
    )
    occupation = models.ForeignKey(
        Occupation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vacancies",
        verbose_name=_("occupation"),
    )
    positions = models.PositiveIntegerField(_("positions available"), default=1)

    wage_min = models.DecimalField(_("minimum wage"), max_digits=12, decimal_places=2)
    wage_max = models.DecimalField(
        _("maximum wage"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    wage_currency = models.CharField(_("currency"), max_length=3, validators=[currency_code])
    wage_period = models.CharField(
        _("wage period"), max_length=5, choices=WagePeriod.choices, default=WagePeriod.MONTH
    )
    monthly_wage_usd = models.DecimalField(
        _("minimum monthly wage in USD"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Computed from the wage and the latest exchange rate."),
    )
    hours_per_week = models.PositiveSmallIntegerField(_("hours per week"), null=True, blank=True)
    contract_months = models.PositiveSmallIntegerField(_("contract length (months)"))
    visa_type = models.CharField(_("visa or permit"), max_length=120)

    language = models.CharField(
        _("language required"), max_length=5, choices=Language.choices, default=Language.NONE
    )
    language_level = models.CharField(
        _("language level or test"),
        max_length=100,
        blank=True,
        help_text=_("For example EPS-TOPIK, IELTS 4.0, A2."),
    )
    age_min = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    experience_years = models.PositiveSmallIntegerField(_("years of experience"), default=0)
    qualifications = models.TextField(_("qualifications"), blank=True)

    housing = models.BooleanField(_("housing provided"), default=False)
    meals = models.BooleanField(_("meals provided"), default=False)
    transport = models.BooleanField(_("transport to work provided"), default=False)
    insurance = models.BooleanField(_("health insurance provided"), default=False)
    flight = models.BooleanField(_("flight paid by the employer"), default=False)

    deadline = models.DateField(_("application deadline"), null=True, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)

    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    authority = models.ForeignKey(
        "agencies.LicensingAuthority",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vacancies",
        verbose_name=_("recruiting authority"),
        help_text=_("For state organised recruitment: the authority that runs it."),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vacancies",
        verbose_name=_("publishing agency"),
    )
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vacancies",
        verbose_name=_("source partner"),
    )
    source = models.CharField(
        _("source"), max_length=6, choices=Source.choices, default=Source.MANUAL
    )
    external_id = models.CharField(_("external id"), max_length=100, blank=True)
    # The checksum of the partner feed record the vacancy was last saved from, so
    # that the next document's identical record is recognised without validating
    # it again; empty after any other change (API, admin, closing), which makes
    # the feed compare the record in full.
    feed_record_checksum = models.CharField(max_length=64, blank=True, editable=False)
    # The partner feed (``feeds.Feed``) that last delivered the vacancy: a full
    # snapshot withdraws only its own feed's vacancies, never those of the
    # partner's other feeds. A plain number, not a foreign key, because the
    # feeds app sits above this one and a model here must not depend on it.
    # None for staff and API vacancies, and for feed vacancies older than the
    # field whose feed could not be told (kept until a feed delivers them).
    source_feed_id = models.PositiveIntegerField(null=True, blank=True, editable=False)

    status = models.CharField(
        _("status"), max_length=9, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    expires_on = models.DateField(_("expires"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    search_key = models.TextField(
        _("search key"),
        blank=True,
        editable=False,
        help_text=_("Title, employer, city and occupation as spelling skeletons."),
    )

    objects = VacancyManager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")
        # One index per order the list offers (`vacancies.filters.SORTS`), in
        # exactly that order, so a page of twenty is read off the index instead
        # of sorting every match; each again within a country, the filter
        # nearly every search uses. Highest wage again among the vacancies with
        # housing: the best-paid jobs often come without it, and in Russia the
        # wage index skipped 11,800 rows to find a page with housing.
        indexes = [
            models.Index(
                F("status"), F("published_at").desc(), F("id").desc(), name="vacancy_newest"
            ),
            models.Index(
                F("status"),
                F("country"),
                F("published_at").desc(),
                F("id").desc(),
                name="vacancy_country_newest",
            ),
            models.Index(
                F("status"),
                wage_order(),
                F("id").desc(),
                name="vacancy_highest_wage",
            ),
            models.Index(
                F("status"),
                F("country"),
                wage_order(),
                F("id").desc(),
                name="vacancy_country_wage",
            ),
            models.Index(
                F("status"),
                F("deadline").asc(),
                F("id").desc(),
                name="vacancy_closest_deadline",
            ),
            models.Index(
                F("status"),
                wage_order(),
                F("id").desc(),
                condition=Q(housing=True),
                name="vacancy_highest_wage_housing",
            ),
            models.Index(
                F("status"),
                F("country"),
                wage_order(),
                F("id").desc(),
                condition=Q(housing=True),
                name="vacancy_country_wage_housing",
            ),
            models.Index(
                F("status"),
                F("country"),
                F("deadline").asc(),
                F("id").desc(),
                name="vacancy_country_deadline",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(positions__gt=0), name="vacancy_positions_positive"),
            models.CheckConstraint(condition=Q(wage_min__gt=0), name="vacancy_wage_positive"),
            models.CheckConstraint(
                condition=Q(wage_max__isnull=True) | Q(wage_max__gte=models.F("wage_min")),
                name="vacancy_wage_min_le_max",
            ),
            models.CheckConstraint(
                condition=Q(age_min__isnull=True) | Q(age_min__gte=16),
                name="vacancy_age_min_at_least_16",
            ),
            models.CheckConstraint(
                condition=Q(age_max__isnull=True) | Q(age_max__lte=75),
                name="vacancy_age_max_at_most_75",
            ),
            models.CheckConstraint(
                condition=Q(age_min__isnull=True)
                | Q(age_max__isnull=True)
                | Q(age_min__lte=models.F("age_max")),
                name="vacancy_age_min_le_max",
            ),
            models.CheckConstraint(
                condition=Q(hours_per_week__isnull=True) | Q(hours_per_week__range=(1, 84)),
                name="vacancy_hours_sane",
            ),
            models.CheckConstraint(
                condition=Q(contract_months__range=(1, 120)), name="vacancy_contract_sane"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "closed"]) | Q(published_at__isnull=False),
                name="vacancy_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(channel__in=["authority", "agency", "employer"]),
                name="vacancy_channel_known",
            ),
            models.CheckConstraint(
                condition=(Q(channel="authority") & Q(authority__isnull=False) & Q(agency=None))
                | (Q(channel="agency") & Q(agency__isnull=False) & Q(authority=None))
                | (Q(channel="employer") & Q(agency=None) & Q(authority=None)),
                name="vacancy_channel_names_its_recruiter",
            ),
            models.CheckConstraint(
                condition=Q(source="manual") | (Q(partner__isnull=False) & ~Q(external_id="")),
                name="vacancy_partner_source_has_external_id",
            ),
            models.UniqueConstraint(
                fields=["partner", "external_id"],
                condition=~Q(external_id=""),
                name="vacancy_external_id_unique_per_partner",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.set_derived_fields()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return Vacancy.path_of(self.pk)  # by name: `vacancies.card.Card` borrows it

    @staticmethod
    def path_of(pk):
        """The path of the vacancy `pk`'s page, for a reader holding its id alone (the
        API's rows)."""
        return detail_path("vacancies:detail", pk)

    # What a card says of the channel and the wage period. Django's
    # ``get_channel_display`` builds a dict of every choice, each label translated,
    # on every call: twenty cards a page made it a tenth of the cards' time.
    @property
    def channel_label(self):
        return _CHANNEL_LABELS.get(self.channel, self.channel)

    @property
    def wage_period_label(self):
        return _WAGE_PERIOD_LABELS.get(self.wage_period, self.wage_period)

    @property
    def visa_type_name(self):
        """The visa or permit in the reader's language (`vacancies.names`)."""
        return visa_name(self.visa_type)

    @property
    def city_name(self):
        """The city in the reader's language, where the portal knows it."""
        return city_name(self.city)

    def set_derived_fields(self, rates=None):
        """Fill the stored search key and USD monthly wage; `bulk_create` callers call
        this themselves (with the rates, to spare a query per vacancy)."""
        if rates is None:
            rates = ExchangeRate.objects.latest_rates()
        self.monthly_wage_usd = self.monthly_wage_in_usd(rates)
        self.search_key = vacancy_search_key(self)

    def monthly_wage_in_usd(self, rates):
        """What `monthly_wage_usd` stores: the minimum monthly wage in US dollars at
        these rates (`ExchangeRateQuerySet.latest_rates`), or None (unknown) when
        the wage's currency has no rate."""
        return to_usd(self.monthly_wage(), self.wage_currency, rates)

    def monthly_wage(self, amount=None):
        """A wage (the minimum by default) for a month of work, in the vacancy's own
        currency: an hourly wage times the weekly hours (40 if not stated)."""
        amount = self.wage_min if amount is None else amount
        if self.wage_period == self.WagePeriod.MONTH:
            return amount
        hours = self.hours_per_week or DEFAULT_WEEKLY_HOURS
        return (amount * hours * WEEKS_PER_MONTH).quantize(Decimal("0.01"))


_CHANNEL_LABELS = dict(Vacancy.Channel.choices)
_WAGE_PERIOD_LABELS = dict(Vacancy.WagePeriod.choices)


class VacancyCost(models.Model):
    """A cost the worker pays before or for the job; every one is shown before signing.
    What the law caps (an agency's fee) is checked by `vacancies.services.check_cost`."""

    class Kind(models.TextChoices):
        AGENCY_FEE = "agency_fee", _("agency service fee")
        VISA = "visa", _("visa or permit fee")
        MEDICAL = "medical", _("medical examination")
        TRAINING = "training", _("training or language course")
        TRAVEL = "travel", _("travel")
        OTHER = "other", _("other")

    vacancy = models.ForeignKey(
        Vacancy, on_delete=models.CASCADE, related_name="costs", verbose_name=_("vacancy")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, validators=[currency_code])

    class Meta:
        # By the column, not by "vacancy": that sorted by the vacancy's own order and so
        # joined the vacancy table to every read of costs (the API list's fifty).
        ordering = ["vacancy_id", "kind", "pk"]
        verbose_name = _("cost to the worker")
        verbose_name_plural = _("costs to the worker")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="vacancy_cost_not_negative"),
            models.UniqueConstraint(
                fields=["vacancy", "kind"],
                condition=~Q(kind="other"),
                name="one_cost_of_each_kind",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.amount} {self.currency}"


class Publisher(models.Model):
    """Ties a partner organisation (and its API keys) to the one recruiter it may
    publish vacancies for: an authority's organised recruitment, an agency, or the
    partner itself as an employer. Staff create these after checking the partner;
    a partner with `vacancies:write` but no entitlement cannot publish anything."""

    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.CASCADE,
        related_name="publishers",
        verbose_name=_("partner"),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Vacancy.Channel.choices)
    authority = models.ForeignKey(
        "agencies.LicensingAuthority",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("recruiting authority"),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("publishing agency"),
    )

    class Meta:
        verbose_name = _("vacancy publisher")
        verbose_name_plural = _("vacancy publishers")
        constraints = [
            models.CheckConstraint(
                condition=(Q(channel="authority") & Q(authority__isnull=False) & Q(agency=None))
                | (Q(channel="agency") & Q(agency__isnull=False) & Q(authority=None))
                | (Q(channel="employer") & Q(agency=None) & Q(authority=None)),
                name="publisher_channel_names_its_recruiter",
            ),
            models.UniqueConstraint(
                fields=["partner", "agency"],
                condition=Q(channel="agency"),
                name="publisher_agency_once",
            ),
            models.UniqueConstraint(
                fields=["partner", "authority"],
                condition=Q(channel="authority"),
                name="publisher_authority_once",
            ),
            models.UniqueConstraint(
                fields=["partner"], condition=Q(channel="employer"), name="publisher_employer_once"
            ),
        ]

    def __str__(self):
        recruiter = self.agency or self.authority or self.get_channel_display()
        return f"{self.partner} → {recruiter}"
