"""Search and filters of the registry, shared by the public pages and the API."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country

from agencies.models import Agency, LicenceDestination, LicenceStatus, LicensingAuthority
from pagecache.kept import Kept
from ui.filtersets import FormClassBuiltOnce
from ui.widgets import Select


def _destinations_in(language):
    with translation.override(language):
        codes = set(LicenceDestination.objects.values_list("country", flat=True).distinct())
        return sorted(((code, Country(code).name) for code in codes), key=lambda c: c[1])


# Kept per language, forgotten when a licence's destinations change (`pagecache.kept`):
# naming the countries was a seventh of the registry page.
_destinations = Kept("registry-destinations", _destinations_in, models=[LicenceDestination])


def covered_destinations():
    """Only the destinations some licence covers: a short list a person can scan,
    instead of every country in the world. A callable, so the list is read when the
    form is used, never frozen in a field built earlier."""
    return _destinations.get(translation.get_language())


def _authorities_in(language):
    with translation.override(language):
        return [
            (str(authority.pk), str(authority)) for authority in LicensingAuthority.objects.all()
        ]


# Kept like the destinations: as a model menu it was a query on every registry page.
_authorities = Kept("registry-authorities", _authorities_in, models=[LicensingAuthority])


def licensing_authorities():
    """The licensing authorities, by name in the reader's language, as (id, name)."""
    return _authorities.get(translation.get_language())


def watch_menus():
    """Forget the kept menus when what they list changes (from the app's ``ready``)."""
    _destinations.watch()
    _authorities.watch()


class AgencyFilter(FormClassBuiltOnce, django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name, licence number or tax number"), method="filter_search", max_length=200
    )
    authority = django_filters.ChoiceFilter(
        label=_("Licensing authority"),
        choices=licensing_authorities,
        field_name="licences__authority",
        distinct=True,
        empty_label=_("All"),
        widget=Select,
    )
    destination = django_filters.ChoiceFilter(
        label=_("Licensed today for"),
        choices=covered_destinations,
        method="filter_destination",
        empty_label=_("All"),
        widget=Select,
    )
    licensed = django_filters.ChoiceFilter(
        label=_("Show"),
        choices=[
            ("today", _("agencies licensed today")),
            ("all", _("all agencies, whatever their licence")),
        ],
        method="filter_licensed",
        empty_label=None,
        widget=Select,
    )
    status = django_filters.ChoiceFilter(
        label=_("Licence status"),
        choices=LicenceStatus.choices,
        field_name="licences__status",
        distinct=True,
        empty_label=_("All"),
        widget=Select,
    )

    class Meta:
        model = Agency
        fields = ["q", "authority", "destination", "licensed", "status"]

    def filter_search(self, queryset, name, value: str):
        return queryset.filter(pk__in=Agency.objects.search(value).values("pk"))

    def filter_licensed(self, queryset, name, value: str):
        """Agencies that may recruit today for some destination (`in_force`)."""
        if value != "today":
            return queryset
        return queryset.filter(
            Exists(LicenceDestination.objects.in_force().filter(licence__agency=OuterRef("pk")))
        )

    def filter_destination(self, queryset, name, value: str):
        """Agencies licensed for the destination today: the one rule, `in_force`."""
        return queryset.filter(
            Exists(
                LicenceDestination.objects.in_force().filter(
                    licence__agency=OuterRef("pk"), country=value
                )
            )
        )
