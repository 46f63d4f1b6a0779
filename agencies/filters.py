"""Search and filters of the registry, shared by the public pages and the API."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from agencies.models import Agency, LicenceDestination, LicenceStatus, LicensingAuthority


class AgencyFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name, licence number or tax number"), method="filter_search", max_length=200
    )
    authority = django_filters.ModelChoiceFilter(
        label=_("Licensing authority"),
        queryset=LicensingAuthority.objects.all(),
        field_name="licences__authority",
        distinct=True,
        empty_label=_("All"),
    )
    destination = django_filters.ChoiceFilter(
        label=_("Licensed today for"),
        choices=countries,
        method="filter_destination",
        empty_label=_("All"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Licence status"),
        choices=LicenceStatus.choices,
        field_name="licences__status",
        distinct=True,
        empty_label=_("All"),
    )

    class Meta:
        model = Agency
        fields = ["q", "authority", "destination", "status"]

    def filter_search(self, queryset, name, value: str):
        return queryset.filter(pk__in=Agency.objects.search(value).values("pk"))

    def filter_destination(self, queryset, name, value: str):
        """Agencies licensed for the destination today: the one rule, `in_force`."""
        return queryset.filter(
            Exists(
                LicenceDestination.objects.in_force().filter(
                    licence__agency=OuterRef("pk"), country=value
                )
            )
        )
