"""Reads of the directory that pages, the help desk and other apps build on."""

from django.db.models import Case, IntegerField, Prefetch, Value, When

from directory.models import Organisation, Service

# Lines a person in danger calls first, in this order.
URGENT_KINDS = [
    Organisation.Kind.EMERGENCY,
    Organisation.Kind.HOTLINE,
    Organisation.Kind.EMBASSY,
    Organisation.Kind.MINISTRY_OFFICE,
    Organisation.Kind.AGENCY_OFFICE,
    Organisation.Kind.SHELTER,
]


def _verified_first(queryset):
    """Verified contacts before unverified ones, demo last."""
    return queryset.annotate(
        certainty=Case(
            When(contacts_status=Organisation.Contacts.VERIFIED, then=Value(0)),
            When(contacts_status=Organisation.Contacts.UNVERIFIED, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    ).order_by("certainty", "kind", "name")


def _with_services(queryset):
    return queryset.prefetch_related(
        Prefetch("services", queryset=Service.objects.order_by("need"))
    )


def search(country="", need=""):
    """Organisations shown to the public, of a country and helping with a need
    when given."""
    organisations = Organisation.objects.shown()
    if country:
        organisations = organisations.in_country(country)
    if need:
        organisations = organisations.helping_with(need)
    return _with_services(_verified_first(organisations.distinct()))


def for_page(country="", needs=(), limit=6):
    """The organisations a page about ``country`` and ``needs`` shows: those of the
    country that help with one of the needs (all of the country's when no need is
    given), verified first."""
    organisations = Organisation.objects.shown()
    if country:
        organisations = organisations.in_country(country)
    if needs:
        organisations = organisations.filter(services__need__in=list(needs))
    return list(_with_services(_verified_first(organisations.distinct()))[:limit])


def urgent_lines(country):
    """Emergency services, hotlines, embassies and shelters of ``country``: what a
    person in danger there calls at once, emergency numbers first."""
    order = Case(
        *(When(kind=kind, then=Value(index)) for index, kind in enumerate(URGENT_KINDS)),
        output_field=IntegerField(),
    )
    return list(
        Organisation.objects.shown()
        .in_country(country)
        .filter(kind__in=URGENT_KINDS)
        .annotate(urgency=order)
        .order_by("urgency", "name")
    )
