"""The responders' API: an organisation the help desk routes cases to reads its
own cases and updates their status with a key holding ``cases:read`` /
``cases:write``. The same services as the help desk's pages; every case read is
written to the access log with the responder."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from helpdesk import selectors, services
from helpdesk.models import Case, CaseAccessLog, CaseEvent, Responder
from partners.models import PartnerAPIKey
from partners.pagination import CheckedCursorPagination


class CaseSerializer(serializers.ModelSerializer):
    number = serializers.CharField(read_only=True)
    country = serializers.CharField(source="country.code", help_text="ISO 3166 code.")
    urgent = serializers.BooleanField(source="is_urgent", read_only=True)

    class Meta:
        model = Case
        fields = [
            "id",
            "number",
            "category",
            "urgent",
            "country",
            "city",
            "channel",
            "contact",
            "language",
            "description",
            "status",
            "outcome",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class CaseStatusChangeSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[value for value in Case.Status.values if value != Case.Status.NEW]
    )
    outcome = serializers.ChoiceField(choices=Case.Outcome.values, required=False)
    action = serializers.CharField(
        max_length=2000,
        required=False,
        help_text="What the responder did, recorded with the change (staff see it; "
        "the person sees only the status).",
    )


class OldestFirst(CheckedCursorPagination):
    ordering = ("created_at", "id")
    page_size = 50


def _responder(request):
    if not isinstance(request.auth, PartnerAPIKey):
        raise exceptions.NotAuthenticated(_("An API key is required for this request."))
    return Responder.objects.filter(partner=request.user, is_active=True).first()


@extend_schema_view(
    list=extend_schema(
        summary="The cases routed to the caller's organisation",
        description="Open and closed cases routed to the responder organisation of the "
        "key's partner, oldest first. Needs `cases:read`.",
        tags=["cases"],
    ),
    retrieve=extend_schema(
        summary="One case routed to the caller's organisation",
        description="Needs `cases:read`. Other organisations' cases are not found.",
        tags=["cases"],
    ),
)
class CaseViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = CaseSerializer
    pagination_class = OldestFirst
    filterset_class = None
    required_scopes = {"GET": "cases:read", "HEAD": "cases:read", "POST": "cases:write"}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator
            return Case.objects.none()
        return selectors.cases_for_responder(_responder(self.request))

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        CaseAccessLog.objects.bulk_create(
            [CaseAccessLog(case=case, responder=case.responder) for case in page]
        )
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        case = self.get_object()
        services.log_access(case, responder=case.responder)
        return Response(self.get_serializer(case).data)

    @extend_schema(
        summary="Update the status of a case routed to the caller's organisation",
        description="Moves the case to `status` (closing needs an `outcome`), with an "
        "optional `action` recorded. The person is told the new status. Needs "
        "`cases:write`.",
        request=CaseStatusChangeSerializer,
        responses={200: CaseSerializer},
        tags=["cases"],
    )
    @action(detail=True, methods=["post"], url_path="status")
    def change_status(self, request, pk=None):
        case = self.get_object()
        body = CaseStatusChangeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        try:
            if data.get("action"):
                services.record(
                    case, CaseEvent.Kind.ACTION, data["action"], responder=case.responder
                )
            services.change_status(
                case, data["status"], outcome=data.get("outcome", ""), responder=case.responder
            )
        except DjangoValidationError as error:
            field = "outcome" if error.code == "outcome" else "status"
            raise exceptions.ValidationError({field: error.messages}) from None
        services.log_access(case, responder=case.responder)
        return Response(self.get_serializer(case).data)
