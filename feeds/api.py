"""``POST /api/v1/feeds/{id}/push/``: partners that cannot host a URL send the
same document here, and it runs the same sync as a scheduled fetch."""

import json
from pathlib import Path

from django.core.exceptions import RequestDataTooBig
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from feeds.documents import SIGNATURE_HEADER
from feeds.models import Feed, FeedRun
from feeds.sync import run_feed

# How many rejected records a push answer lists; the admin shows them all.
REJECTED_SHOWN = 100

RunSerializer = inline_serializer(
    "FeedRun",
    {
        "run": serializers.IntegerField(),
        "outcome": serializers.ChoiceField(choices=FeedRun.Outcome.choices),
        "received": serializers.IntegerField(),
        "created": serializers.IntegerField(),
        "updated": serializers.IntegerField(),
        "unchanged": serializers.IntegerField(),
        "withdrawn": serializers.IntegerField(),
        "rejected": serializers.IntegerField(),
        "pending_withdrawal": serializers.IntegerField(),
        "error": serializers.CharField(),
        "rejected_records": serializers.ListField(child=serializers.DictField()),
    },
)


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The document is too large to push; publish it at a URL instead.")
    default_code = "too_large"


class FeedPushView(APIView):
    """Push a feed document (the body, as JSON or CSV per the feed's format).

    When the feed has a signing secret, send ``X-Feed-Signature: sha256=<hex
    HMAC-SHA256 of the body>``. Each kind's format is the JSON Schema at
    ``/api/v1/feeds/schemas/{kind}/`` (also in the README's "Partner feeds")."""

    required_scopes = {"POST": "feeds:push"}
    parser_classes = []

    @extend_schema(
        summary=str(_("Push a document to one of your feeds")),
        request={"application/json": {"type": "object"}, "text/csv": {"type": "string"}},
        responses={
            200: RunSerializer,
            409: OpenApiResponse(RunSerializer, description="Another run is in progress."),
            422: OpenApiResponse(RunSerializer, description="The document cannot be read."),
        },
    )
    def post(self, request, feed_id):
        feed = get_object_or_404(
            Feed.objects.select_related("partner"), pk=feed_id, partner=request.user, is_active=True
        )
        try:
            body = request.body
        except RequestDataTooBig:
            raise RequestTooLarge from None
        run = run_feed(
            feed,
            body=body,
            signature=request.headers.get(SIGNATURE_HEADER, ""),
            trigger=FeedRun.Trigger.PUSH,
        )
        code = {
            FeedRun.Outcome.FAILED: status.HTTP_422_UNPROCESSABLE_ENTITY,
            FeedRun.Outcome.SKIPPED: status.HTTP_409_CONFLICT,
        }.get(run.outcome, status.HTTP_200_OK)
        if run.outcome == FeedRun.Outcome.SKIPPED and run.checksum:
            code = status.HTTP_200_OK  # unchanged document: nothing to do
        return Response(summary(run), status=code)


def summary(run):
    return {
        "run": run.pk,
        "outcome": run.outcome,
        "received": run.received,
        "created": run.created,
        "updated": run.updated,
        "unchanged": run.unchanged,
        "withdrawn": run.withdrawn,
        "rejected": run.rejected,
        "pending_withdrawal": len(run.pending_withdrawal),
        "error": run.error_text(),
        "rejected_records": [
            {"line": r.line, "field": r.field, "message": r.message_text()}
            for r in run.rejected_records.all()[:REJECTED_SHOWN]
        ],
    }


SCHEMAS = Path(__file__).resolve().parent / "schemas"


class FeedSchemaView(APIView):
    """The JSON Schema of one kind of feed document (vacancies, bans, licences,
    rates); CSV documents use the record properties as header columns."""

    anonymous_read = True

    @extend_schema(
        summary=str(_("JSON Schema of a feed document")),
        responses={200: OpenApiResponse(description="A JSON Schema (draft 2020-12).")},
    )
    def get(self, request, kind):
        if kind not in Feed.Kind.values:
            raise exceptions.NotFound(_("There is no feed of this kind."))
        return Response(json.loads((SCHEMAS / f"{kind}.json").read_text()))
