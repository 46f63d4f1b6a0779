"""One JSON error format for every API failure.

``{"error": {"status": 400, "code": "invalid", "message": "...", "fields": {...}}}``
so partner systems parse one shape whether a key is wrong, a scope is missing,
a field is invalid or the rate limit is hit (``fields`` is empty but for a 400).
The schema declares it once, `partners.schema.ApiErrorSerializer`.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions
from rest_framework.views import exception_handler

# What every API 404 says, whether no route matches the URL or no object its id: a
# lookup's own message named the model in English ("No Vacancy matches the given
# query.") or was empty (an id that is not a number), and DRF's "Not found." has no
# Uzbek, Karakalpak or Kyrgyz.
NOT_FOUND = gettext_lazy("Nothing was found at this address.")


def error_body(status, code, message, fields=None):
    """The body of an error answer; views outside DRF (a URL under /api/ that no
    route matches) answer with it too."""
    return {
        "error": {"status": status, "code": code, "message": str(message), "fields": fields or {}}
    }


def json_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        body = error_body(
            response.status_code, _error_code(exc), _("Some fields are not valid."), detail
        )
    elif isinstance(exc, Http404):
        body = error_body(response.status_code, "not_found", NOT_FOUND)
    else:
        body = error_body(response.status_code, _error_code(exc), getattr(exc, "detail", exc))
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        body["error"]["retry_after"] = int(exc.wait)
    response.data = body
    return response


def _error_code(exc):
    codes = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
    return codes if isinstance(codes, str) else "invalid"
