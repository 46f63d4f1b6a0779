"""What the OpenAPI schema says about every operation, in one place: the errors it can
answer, each in the one error format (`partners.errors`), and that public reads need
no key. Partners generate clients and error handling from the schema, so an answer
the schema does not declare is a bug of the schema (a test holds every answer to it).
"""

from drf_spectacular.openapi import AutoSchema
from rest_framework import permissions, serializers

from partners.permissions import required_scope


class ApiErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField(help_text="The HTTP status, repeated.")
    code = serializers.CharField(
        help_text="What went wrong, for programs: invalid, not_authenticated, "
        "authentication_failed, permission_denied, not_found, throttled, ..."
    )
    message = serializers.CharField(help_text="What went wrong, for people.")
    fields = serializers.DictField(
        help_text="400: the refused fields and why (`non_field_errors` for the whole "
        "request); empty for the other statuses."
    )
    retry_after = serializers.IntegerField(
        required=False, help_text="429: seconds to wait (also in `Retry-After`)."
    )


class ApiErrorSerializer(serializers.Serializer):
    """The one shape of every error answer."""

    error = ApiErrorDetailSerializer()


ERRORS = {
    400: "A parameter or the body is not valid; `fields` says which and why.",
    401: "The API key is missing (where one is needed), wrong, revoked or expired.",
    403: "The API key does not have the scope this operation needs.",
    404: "Not found, or not one of the caller's own (also a page past the last).",
    429: "Too many requests: wait `Retry-After` seconds.",
}


class PortalAutoSchema(AutoSchema):
    """drf-spectacular's schema with the portal's rules added to every operation."""

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is not None:
            responses = operation["responses"]
            for status in self.error_statuses(operation):
                if str(status) not in responses:
                    responses[str(status)] = self.error_response(status)
        return operation

    def error_statuses(self, operation):
        """The errors an operation can answer: a wrong key (401) and the throttle
        (429) anywhere; 403 where a scope is needed; 400 where the caller sends
        parameters or a body; 404 where a path names something or a page is asked
        for (a page past the last is not found)."""
        statuses = {401, 429}
        if required_scope(self.view, self.method) is not None:
            statuses.add(403)
        locations = {parameter["in"] for parameter in operation.get("parameters", [])}
        names = {parameter["name"] for parameter in operation.get("parameters", [])}
        if "requestBody" in operation or "query" in locations:
            statuses.add(400)
        if "path" in locations or names & {"page", "cursor"}:
            statuses.add(404)
        return sorted(statuses)

    def error_response(self, status):
        response = self._get_response_for_code(ApiErrorSerializer, str(status))
        response["description"] = ERRORS[status]
        if status == 429:
            response["headers"] = {
                "Retry-After": {
                    "schema": {"type": "integer"},
                    "description": "Seconds to wait before the next request.",
                }
            }
        return response

    def get_auth(self):
        """Public reads (``anonymous_read``, `partners.permissions`) are answered with
        or without a key: ``{}`` says that no key is one of the ways to call them."""
        auths = super().get_auth()
        if getattr(self.view, "anonymous_read", False) and self.method in permissions.SAFE_METHODS:
            auths.append({})
        return auths
