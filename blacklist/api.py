"""``POST /api/v1/bans/check/``: the self-check for partner systems screening
applicants. Same rules as the public page; each call is logged with partner,
time and outcome, never the name."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django_countries.serializer_fields import CountryField
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from blacklist import padding, services
from blacklist.forms import validate_name
from blacklist.matching import MatchLevel
from blacklist.models import BanRecord, BanSource


class CheckRequestSerializer(serializers.Serializer):
    surname = serializers.CharField(max_length=100, validators=[validate_name])
    given_name = serializers.CharField(max_length=100, validators=[validate_name])
    patronymic = serializers.CharField(max_length=100, required=False, allow_blank=True)
    date_of_birth = serializers.DateField(input_formats=["iso-8601"])
    citizenship = CountryField(required=False, allow_blank=True)
    document_number = serializers.CharField(max_length=20, required=False, allow_blank=True)

    def validate_date_of_birth(self, value):
        if value > timezone.localdate() or value.year < 1900:
            raise serializers.ValidationError(_("Enter a real date of birth."))
        return value


class SourceSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code")
    kind = serializers.ChoiceField(choices=BanSource.Kind.choices)

    class Meta:
        model = BanSource
        fields = ["code", "name", "country", "kind", "updated_at", "active_records"]


class MatchSerializer(serializers.Serializer):
    level = serializers.ChoiceField(
        choices=[MatchLevel.SAME.value, MatchLevel.POSSIBLE.value], source="level.value"
    )
    source = serializers.CharField(source="source.code")
    country = serializers.CharField(source="source.country.code")
    ban_end = serializers.DateField(allow_null=True, help_text="Empty: no end date given.")
    basis = serializers.ChoiceField(choices=BanRecord.Basis.choices)
    basis_label = serializers.CharField()
    advice = serializers.CharField()
    verify_url = serializers.URLField(source="source.verify_url")
    verify_address = serializers.CharField(source="source.verify_address")


class CheckResultSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=[level.value for level in MatchLevel])
    matches = MatchSerializer(many=True)
    sources = SourceSerializer(many=True)


class BanCheckView(APIView):
    required_scopes = {"POST": "bans:check"}

    @extend_schema(
        summary="Check a person against the entry-ban lists",
        description=(
            "Searches every ban list for a person born on `date_of_birth`, whatever "
            "the script or spelling of the name. `record_found`: a ban in force "
            "matches; `possible_match`: same date of birth and a close name, verify "
            "officially; `no_record`: nothing found in the sources listed. The name "
            "is neither stored nor logged; the call is logged with partner, time and "
            "outcome. Not a legal certificate. Needs the `bans:check` scope."
        ),
        request=CheckRequestSerializer,
        responses={200: CheckResultSerializer},
        tags=["bans"],
    )
    @sensitive_variables()
    def post(self, request):
        query = CheckRequestSerializer(data=request.data)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        result = services.check_person(
            surname=data["surname"],
            given_name=data["given_name"],
            patronymic=data.get("patronymic", ""),
            date_of_birth=data["date_of_birth"],
            citizenship=data.get("citizenship", ""),
            document_number=data.get("document_number", ""),
        )
        services.log_api_check(request.user, request.auth.prefix, result.outcome)
        response = Response(CheckResultSerializer(result).data)
        # Padded once rendered: the outcome must not show in the answer's size.
        response.add_post_render_callback(lambda rendered: padding.API.apply(request, rendered))
        return response


ban_check = sensitive_post_parameters()(BanCheckView.as_view())
