"""The registry over the partner API: ``/api/v1/agencies/``, ``/api/v1/licences/``.

Anyone may read (``anonymous_read``), with or without a partner key. Which
destinations are in force comes from `agencies.selectors.destinations_in_force`
(`LicenceDestination.objects.in_force`, the one rule).
"""

import datetime

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from django_filters.fields import IsoDateTimeField
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from agencies import selectors, verification
from agencies.filters import AgencyFilter
from agencies.forms import VerifyForm
from agencies.models import AgencyChannel, Licence, LicenceDestination, LicenceStatus


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class DestinationSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code")
    in_force_today = serializers.SerializerMethodField()

    class Meta:
        model = LicenceDestination
        fields = ["country", "status", "valid_from", "valid_until", "in_force_today"]

    def get_in_force_today(self, obj) -> bool:
        return self.context["in_force"].covers(obj)


class LicenceSerializer(serializers.ModelSerializer):
    authority = serializers.CharField(source="authority.name")
    authority_country = serializers.CharField(source="authority.country.code")
    agency = serializers.PrimaryKeyRelatedField(read_only=True)
    destinations = DestinationSerializer(many=True, read_only=True)

    class Meta:
        model = Licence
        fields = [
            "id",
            "number",
            "agency",
            "authority",
            "authority_country",
            "status",
            "status_since",
            "issued_on",
            "expires_on",
            "destinations",
            "updated_at",
        ]


class ChannelSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgencyChannel
        fields = ["kind", "value", "normalised"]


class AgencySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    legal_name = serializers.CharField()
    brand_names = serializers.CharField()
    country = serializers.CharField(source="country.code")
    tax_number = serializers.CharField()
    region = serializers.CharField()
    address = serializers.CharField()
    status = serializers.SerializerMethodField()
    licensed_destinations = serializers.SerializerMethodField()
    licences = LicenceSerializer(many=True)
    channels = ChannelSerializer(many=True)

    def get_status(self, obj) -> str | None:
        licence = obj.current_licence
        return licence.status if licence else None

    def get_licensed_destinations(self, obj) -> list[str]:
        return sorted(
            {
                destination.country.code
                for licence in obj.licences.all()
                for destination in licence.destinations.all()
                if self.context["in_force"].covers(destination)
            }
        )


class VerifyMatchSerializer(serializers.Serializer):
    matched_by = serializers.CharField()
    licensed_today = serializers.BooleanField()
    agency = AgencySerializer()


class VerifyResultSerializer(serializers.Serializer):
    query = serializers.CharField()
    verdict = serializers.ChoiceField(choices=[v.value for v in verification.Verdict])
    matches = VerifyMatchSerializer(many=True)


class InForceContext:
    """Gives the serializers the destinations in force today of the agencies being
    shown (`selectors.destinations_in_force`), in one query per response. Views
    name the agencies of their objects in `agencies_of`."""

    def agencies_of(self, objects):
        raise NotImplementedError

    def in_force(self, objects):
        return selectors.destinations_in_force(self.agencies_of(objects))

    def get_serializer(self, *args, **kwargs):
        objects = args[0] if args else None
        if objects is not None:
            objects = list(objects) if kwargs.get("many") else [objects]
            kwargs.setdefault("context", self.get_serializer_context())
            kwargs["context"]["in_force"] = self.in_force(objects)
            if kwargs.get("many"):
                args = (objects, *args[1:])
        return super().get_serializer(*args, **kwargs)


class AgencyViewSet(InForceContext, viewsets.ReadOnlyModelViewSet):
    """The registry of private employment agencies, their licences and channels."""

    anonymous_read = True
    serializer_class = AgencySerializer
    filterset_class = AgencyFilter
    pagination_class = Pagination
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        return selectors.registry_with_channels()

    def agencies_of(self, objects):
        return [agency.pk for agency in objects]

    @extend_schema(
        summary=str(_("Is this recruiter real?")),
        parameters=[OpenApiParameter("q", str, required=True)],
        responses=VerifyResultSerializer,
    )
    @action(detail=False, filterset_class=None, pagination_class=None)
    def verify(self, request, format=None):
        form = VerifyForm({"q": request.query_params.get("q", "")})
        if not form.is_valid():
            raise ValidationError(form.errors)
        result = verification.verify(form.cleaned_data["q"])
        agencies = [match.agency for match in result.matches]
        context = {
            **self.get_serializer_context(),
            "in_force": self.in_force(agencies),
        }
        return Response(
            {
                "query": result.query,
                "verdict": result.verdict.value,
                "matches": [
                    {
                        "matched_by": match.matched_by,
                        "licensed_today": match.licensed,
                        "agency": AgencySerializer(match.agency, context=context).data,
                    }
                    for match in result.matches
                ],
            }
        )


class InstantField(IsoDateTimeField):
    """An ISO 8601 moment, given to the database in UTC. Python reads offsets up to
    ±23:59 and years 1 to 9999 in any zone, while PostgreSQL refuses offsets past
    ±15:59 (a 500) and neither database holds a moment outside years 1 to 9999 in
    UTC: such a value is the caller's mistake and gets a 400 naming it."""

    # The offsets of every real time zone (Baker Island to Kiribati).
    OFFSETS = (datetime.timedelta(hours=-12), datetime.timedelta(hours=14))
    default_error_messages = {
        "offset": _("Give a time zone offset between -12:00 and +14:00."),
        "out_of_range": _("Give a moment between the years 1 and 9999 in UTC."),
    }

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return None
        low, high = self.OFFSETS
        if not low <= value.utcoffset() <= high:
            raise DjangoValidationError(self.error_messages["offset"], code="offset")
        try:
            return value.astimezone(datetime.UTC)
        except OverflowError:
            raise DjangoValidationError(
                self.error_messages["out_of_range"], code="out_of_range"
            ) from None


class InstantFilter(django_filters.IsoDateTimeFilter):
    field_class = InstantField


class LicenceFilter(django_filters.FilterSet):
    changed_since = InstantFilter(
        field_name="updated_at", lookup_expr="gte", label=_("Changed since (ISO 8601)")
    )
    status = django_filters.ChoiceFilter(choices=LicenceStatus.choices)
    authority_country = django_filters.CharFilter(field_name="authority__country", max_length=2)

    class Meta:
        model = Licence
        fields = ["changed_since", "status", "authority_country", "agency"]


class LicenceViewSet(InForceContext, viewsets.ReadOnlyModelViewSet):
    """Licences, for partner systems that mirror licence status (use ``changed_since``)."""

    anonymous_read = True
    serializer_class = LicenceSerializer
    filterset_class = LicenceFilter
    pagination_class = Pagination
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        return selectors.licences_for_partners()

    def agencies_of(self, objects):
        return {licence.agency_id for licence in objects}
