"""One JSON error format for every API failure.

``{"error": {"status": 400, "code": "invalid", "message": "...", "fields": {...}}}``
so partner systems parse one shape whether a key is wrong, a scope is missing,
a field is invalid or the rate limit is hit.
"""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.views import exception_handler


def json_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    error = {"status": response.status_code, "code": _error_code(exc)}
    if isinstance(exc, exceptions.ValidationError):
        error["message"] = _("Some fields are not valid.")
        detail = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        error["fields"] = detail
    else:
        error["message"] = str(getattr(exc, "detail", exc))
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        error["retry_after"] = int(exc.wait)
    response.data = {"error": error}
    return response


def _error_code(exc):
    codes = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
    return codes if isinstance(codes, str) else "invalid"
