"""What the registry reads: the querysets and lookups behind its pages, its API, the
verification, the admin and the vacancies app.

Nothing here writes; state changes are in `agencies.services`. Whether a licence
covers a destination on a date is `agencies.models.in_force_condition`, the one
rule: `destinations_in_force` asks it once for a set of agencies.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    DecimalField,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_countries.fields import Country

from agencies.models import (
    Agency,
    AgencyChannel,
    Deposit,
    DepositMovement,
    Licence,
    LicenceDestination,
    LicenceStatus,
    LicensingAuthority,
    MinimumDeposit,
    latest_licence,
    minimum_in_force,
)
from pagecache.kept import Kept
from pagecache.prepared import PreparedValues

ZERO = Value(Decimal("0"), output_field=DecimalField(max_digits=16, decimal_places=2))


# --- agencies and licences -------------------------------------------------------------


# What a registry entry shows of the agency itself.
_ENTRY_FIELDS = ("legal_name", "brand_names")


def registry_page():
    """The registry page's agencies with only what an entry shows of the agency
    itself. Its current licence comes from `current_licences` and the countries it
    may recruit for today from `destinations_in_force`: agencies read whole, with
    their licences and authorities as model instances, took a third of the page."""
    return Agency.objects.only(*_ENTRY_FIELDS)


def registry_agencies(ids):
    """The agencies of `ids` (a registry page's, `agencies.prepared`), in that order,
    as `registry_page` reads them, by a query compiled once a day for their number
    (`pagecache.prepared.PreparedValues`): through ``in_bulk``, building and
    compiling it made the read take 1 ms, so 0.6 ms."""
    db = Agency.objects.db
    found = {row.id: Agency.from_db(db, row._fields, row) for row in _entries.read(tuple(ids))}
    return [found[pk] for pk in ids if pk in found]


_entries = PreparedValues(
    lambda on, ids: registry_page().filter(pk__in=ids), ("id", *_ENTRY_FIELDS)
)


@dataclass(frozen=True)
class LicenceLine:
    """What a registry entry shows of a licence; ``pk`` and ``issued_on`` tell the
    current one (`latest_licence`)."""

    pk: int
    number: str
    status: str
    issued_on: datetime.date
    authority: str


def current_licences(agency_ids, authority_names):
    """{agency id: its current licence as a `LicenceLine`} in one query of the few
    columns an entry shows, compiled once a day for each number of agencies
    (`pagecache.prepared.PreparedValues`; built and compiled for each page, it took
    1 ms, so 0.5 ms). The authorities are named from
    `authority_names` ({id as text: name}, the registry's kept menu in the reader's
    language), or read for one the menu does not have yet."""
    licences = {}
    for agency_id, pk, number, status, issued_on, authority_id in _licence_lines.read(
        tuple(agency_ids)
    ):
        name = authority_names.get(str(authority_id))
        if name is None:
            name = str(LicensingAuthority.objects.get(pk=authority_id))
        line = LicenceLine(pk, number, status, issued_on, name)
        licences.setdefault(agency_id, []).append(line)
    return {agency_id: latest_licence(lines) for agency_id, lines in licences.items()}


_licence_lines = PreparedValues(
    lambda on, agency_ids: Licence.objects.filter(agency__in=agency_ids),
    ("agency_id", "pk", "number", "status", "issued_on", "authority_id"),
)


def licences_with_authorities():
    """An agency's licences, each with its authority: the registry's API."""
    return Prefetch("licences", queryset=Licence.objects.select_related("authority"))


def registry():
    """Agencies with what a public page shows about them, in a fixed number of queries."""
    return Agency.objects.prefetch_related(
        licences_with_authorities(),
        Prefetch(
            "licences__destinations",
            queryset=LicenceDestination.objects.order_by("country"),
        ),
    )


def channels_in_order():
    """An agency's official channels as pages and the API list them."""
    return Prefetch("channels", queryset=AgencyChannel.objects.order_by("kind", "pk"))


def registry_with_channels():
    """The registry as the API lists it: with channels, in a stable order for paging."""
    return registry().prefetch_related(channels_in_order()).order_by("legal_name", "pk")


def licences_for_partners():
    """Licences as partner systems mirror them: oldest change first, with destinations."""
    return (
        Licence.objects.select_related("authority")
        .prefetch_related(
            Prefetch("destinations", queryset=LicenceDestination.objects.order_by("country"))
        )
        .order_by("updated_at", "pk")
    )


class DestinationsInForce:
    """The destinations of some agencies that are in force on a date, read in one
    query by `LicenceDestination.objects.in_force`, and answered the ways callers
    ask: is this destination row in force, is this agency licensed for this
    country, which countries is this agency licensed for."""

    def __init__(self, rows):
        self._ids = set()
        self._pairs = set()
        self._countries = {}
        for pk, agency_id, code in rows:
            self._ids.add(pk)
            self._pairs.add((agency_id, code))
            countries = self._countries.setdefault(agency_id, [])
            if code not in countries:
                countries.append(code)

    def covers(self, destination):
        """Is this `LicenceDestination` in force?"""
        return destination.pk in self._ids

    def licensed(self, agency_id, country_code):
        """Is the agency licensed to recruit for the country?"""
        return (agency_id, country_code) in self._pairs

    def codes(self, agency_id):
        """The codes of the countries the agency is licensed for."""
        return self._countries.get(agency_id, [])

    def countries(self, agency_id):
        """The countries the agency is licensed for."""
        return [Country(code) for code in self.codes(agency_id)]

    def country_names(self, agency_id, names):
        """Their names, from ``names`` ({code: name}, the registry's kept menu, which
        has every destination in force: naming each anew took a twentieth of the
        registry page), or from django-countries for one the menu does not have yet."""
        return [names.get(code) or Country(code).name for code in self.codes(agency_id)]


def destinations_in_force(agencies=None, *, on=None):
    """`DestinationsInForce` of these agencies (ids or objects, a queryset; all when
    None) on a date (today by default). Agencies named one by one (a registry page's
    twenty-five) are read by a query compiled once a day for their number
    (`pagecache.prepared.PreparedValues`): built and compiled for each page, this
    read took 1.7 ms of a registry page, so 0.7 ms."""
    if agencies is None or isinstance(agencies, QuerySet):
        rows = LicenceDestination.objects.in_force(on)
        if agencies is not None:
            rows = rows.filter(licence__agency__in=agencies)
        return DestinationsInForce(rows.order_by("country").values_list(*_IN_FORCE_FIELDS))
    ids = tuple(sorted({getattr(agency, "pk", agency) for agency in agencies} - {None}))
    return DestinationsInForce(_in_force.read(ids, on=on))


_IN_FORCE_FIELDS = ("pk", "licence__agency_id", "country")
_in_force = PreparedValues(
    lambda on, agency_ids: (
        LicenceDestination.objects.in_force(on)
        .filter(licence__agency__in=agency_ids)
        .order_by("country")
    ),
    _IN_FORCE_FIELDS,
)


# --- deposits --------------------------------------------------------------------------


def deposit_balance(deposit):
    """Money held: lodged and topped up, less drawn and released."""
    total = deposit.movements.aggregate(total=Sum(DepositMovement.signed_amount()))["total"]
    return total or Decimal("0")


def deposits_with_balance(queryset=None):
    """Deposits annotated with ``balance``: one query for a whole list."""
    queryset = Deposit.objects.all() if queryset is None else queryset
    return queryset.annotate(
        balance=Coalesce(Sum(DepositMovement.signed_amount("movements__")), ZERO)
    )


@dataclass(frozen=True)
class DepositCheck:
    """How an agency's deposits with one authority compare with its minimum."""

    held: Decimal
    minimum: Decimal | None
    currency: str
    lapsed_guarantee: bool

    @property
    def meets_minimum(self):
        return self.minimum is not None and self.held >= self.minimum and not self.lapsed_guarantee


def _all_minimums(_variant):
    minimums = {}
    for minimum in MinimumDeposit.objects.all():
        minimums.setdefault(minimum.authority_id, []).append(minimum)
    return minimums


# Every authority's minimum deposits: a few rows that licensing officers change,
# kept and forgotten when one changes (`pagecache.kept`). Reading an authority's on
# its agencies' pages took half a millisecond of each.
_minimums = Kept("minimum-deposits", _all_minimums, models=[MinimumDeposit], variants=lambda: [""])


def kept_minimum_deposit(authority, on):
    """`LicensingAuthority.minimum_deposit` read from the kept minimums (a page)."""
    return minimum_in_force(_minimums.get("").get(authority.pk, ()), on)


def watch_minimums():
    _minimums.watch()


def check_deposit(agency, authority, on=None, deposits=None, *, kept=False):
    """Sum the deposits (in the minimum's currency) an agency holds with an authority.

    A lapsed bank guarantee holds nothing and blocks activation until renewed.
    ``deposits`` may be a prefetched list annotated by `deposits_with_balance`;
    ``kept``: the minimum read from the kept ones (a page), not from the database
    (a service deciding on a licence).
    """
    on = on or timezone.localdate()
    minimum = kept_minimum_deposit(authority, on) if kept else authority.minimum_deposit(on)
    if deposits is None:
        deposits = deposits_with_balance(agency.deposits.filter(authority=authority))
    held = Decimal("0")
    lapsed = False
    for deposit in deposits:
        if deposit.authority_id != authority.pk or deposit.balance <= 0:
            continue
        if deposit.has_lapsed(on):
            lapsed = True
            continue
        if minimum is not None and deposit.currency == minimum.currency:
            held += deposit.balance
    return DepositCheck(
        held=held,
        minimum=minimum.amount if minimum else None,
        currency=minimum.currency if minimum else "",
        lapsed_guarantee=lapsed,
    )


EXPIRING_DAYS = 30


def expiring_q(on=None, prefix=""):
    """Active licences whose expiry falls within the next 30 days: the officers'
    "expiring soon" (the admin filter and the admin's start page). ``prefix`` leads
    from the model queried to the licence ("licences__" from an agency)."""
    on = on or timezone.localdate()
    return Q(
        **{
            f"{prefix}status": Licence.Status.ACTIVE,
            f"{prefix}expires_on__gte": on,
            f"{prefix}expires_on__lte": on + datetime.timedelta(days=EXPIRING_DAYS),
        }
    )


def below_minimum_q(on=None):
    """A filter for agencies whose active or suspended licence is not covered by the
    deposit they hold with its authority (the admin's "deposit below minimum")."""
    on = on or timezone.localdate()
    query = Q(pk__in=[])
    for authority in LicensingAuthority.objects.filter(licences__isnull=False).distinct():
        minimum = authority.minimum_deposit(on)
        if minimum is None:
            continue
        held = Sum(
            DepositMovement.signed_amount("deposits__movements__"),
            filter=Q(
                deposits__authority=authority,
                deposits__currency=minimum.currency,
            )
            & (Q(deposits__valid_until__isnull=True) | Q(deposits__valid_until__gte=on)),
        )
        ids = (
            Agency.objects.filter(
                licences__authority=authority,
                licences__status__in=[LicenceStatus.ACTIVE, LicenceStatus.SUSPENDED],
            )
            .annotate(held=Coalesce(held, ZERO))
            .filter(held__lt=minimum.amount)
            .values("pk")
        )
        query |= Q(pk__in=ids)
    return query
