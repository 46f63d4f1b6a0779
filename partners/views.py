"""``GET /api/v1/partner/``: lets a partner test its key."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView


class WhoAmIView(APIView):
    """Which partner and key the request was made with: lets a partner test its key."""

    @extend_schema(
        summary=str(_("The calling partner and its key")),
        responses=inline_serializer(
            "PartnerKey",
            {
                "partner": serializers.CharField(),
                "key_prefix": serializers.CharField(),
                "scopes": serializers.ListField(child=serializers.CharField()),
                "expires": serializers.DateTimeField(allow_null=True),
            },
        ),
    )
    def get(self, request):
        key = request.auth
        return Response(
            {
                "partner": key.partner.name,
                "key_prefix": key.prefix,
                "scopes": sorted(key.scopes),
                "expires": key.expiry_date,
            }
        )
