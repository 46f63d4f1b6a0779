"""``/api/v1/applications/``: an agency's or authority's own system pulls the
applications to its vacancies (scope ``applications:read``) and pushes status
changes (``applications:write``) through the same services as the cabinet.

Which applications are a partner's: those to the vacancies it publishes for (its
*Vacancy publishers* rows, `selectors.for_partner`). Every read is written to the
access log with the partner. Refusals are 400 in the one error format.
"""

import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from applications import selectors, services
from applications.choices import RejectReason, Status
from applications.models import AccessLog, Application, StatusChange
from partners.pagination import CheckedCursorPagination


class NewestFirst(CheckedCursorPagination):
    ordering = ("-submitted_at", "-id")
    page_size = 50


class ApplicationFilter(django_filters.FilterSet):
    vacancy = django_filters.NumberFilter(field_name="vacancy_id", min_value=1, max_value=2**62)
    status = django_filters.ChoiceFilter(choices=Status.choices)

    class Meta:
        model = Application
        fields = ["vacancy", "status"]


class HistorySerializer(serializers.ModelSerializer):
    status = serializers.CharField(source="to_status")
    by = serializers.CharField(source="actor_kind")

    class Meta:
        model = StatusChange
        fields = [
            "at",
            "status",
            "by",
            "reject_reason",
            "interview_at",
            "interview_place",
            "interview_link",
        ]


class ProfileSnapshotSerializer(serializers.Serializer):
    """The applicant's profile as sent with the application (codes, not labels)."""

    surname_latin = serializers.CharField()
    given_names_latin = serializers.CharField()
    name_cyrillic = serializers.CharField(allow_blank=True)
    date_of_birth = serializers.DateField()
    citizenship = serializers.CharField()
    region = serializers.CharField(help_text="ISO 3166-2 code.")
    district = serializers.CharField(allow_blank=True)
    education = serializers.CharField(allow_blank=True)
    occupations = serializers.ListField(child=serializers.DictField())
    languages = serializers.ListField(child=serializers.DictField())
    driving_categories = serializers.ListField(child=serializers.CharField())
    passport_valid_until = serializers.DateField(allow_null=True)
    about = serializers.CharField(allow_blank=True)


class ApplicationSerializer(serializers.ModelSerializer):
    vacancy = serializers.IntegerField(source="vacancy_id")
    profile = ProfileSnapshotSerializer(source="snapshot")
    history = HistorySerializer(many=True)

    class Meta:
        model = Application
        fields = [
            "id",
            "vacancy",
            "status",
            "reject_reason",
            "interview_at",
            "interview_place",
            "interview_link",
            "submitted_at",
            "status_changed_at",
            "profile",
            "history",
        ]


class ApplicationStatusChangeSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[s for s in Status.choices if s[0] not in (Status.SUBMITTED, Status.WITHDRAWN)]
    )
    reject_reason = serializers.ChoiceField(
        choices=RejectReason.choices, required=False, allow_blank=True
    )
    interview_at = serializers.DateTimeField(required=False, allow_null=True)
    interview_place = serializers.CharField(required=False, allow_blank=True, max_length=300)
    interview_link = serializers.URLField(required=False, allow_blank=True, max_length=500)


class ApplicationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ApplicationSerializer
    filterset_class = ApplicationFilter
    pagination_class = NewestFirst
    required_scopes = {
        "GET": "applications:read",
        "HEAD": "applications:read",
        "OPTIONS": "applications:read",
        "POST": "applications:write",
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema, without a partner
            return Application.objects.none()
        return (
            selectors.for_partner(self.request.user)
            .select_related("vacancy")
            .prefetch_related("history")
        )

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        ids = [row["id"] for row in response.data.get("results", [])]
        services.log_access(AccessLog.Action.API, "api", ids, partner=request.user)
        return response

    def retrieve(self, request, *args, **kwargs):
        application = self.get_object()
        services.log_access(AccessLog.Action.API, "api", [application.pk], partner=request.user)
        return Response(self.get_serializer(application).data)

    @extend_schema(request=ApplicationStatusChangeSerializer, responses=ApplicationSerializer)
    @action(detail=True, methods=["post"], url_path="status", filterset_class=None)
    def change_status(self, request, pk=None):
        """Move the application on (shortlisted, interview, offered, contracted,
        departed, rejected), with the cabinet's rules."""
        application = self.get_object()
        body = ApplicationStatusChangeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        try:
            services.change_status(
                application,
                data["status"],
                actor_kind=StatusChange.Actor.PARTNER,
                partner=request.user,
                reason=data.get("reject_reason") or "",
                interview_at=data.get("interview_at"),
                interview_place=data.get("interview_place") or "",
                interview_link=data.get("interview_link") or "",
            )
        except services.Refused as refusal:
            raise serializers.ValidationError({"status": refusal.messages}) from None
        application = self.get_queryset().get(pk=application.pk)
        services.log_access(AccessLog.Action.API, "api", [application.pk], partner=request.user)
        return Response(self.get_serializer(application).data)
