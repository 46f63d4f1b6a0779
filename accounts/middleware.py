"""The admin asks for a second factor (`accounts.mfa`): a staff member who sees
personal data and has none is sent to set one up before any admin page. And a
text that cannot be sent is a clear 503, not a server error."""

import logging

from django.shortcuts import render

from accounts.mfa import needs_second_factor_setup, setup_redirect
from accounts.sms import SmsError

logger = logging.getLogger(__name__)


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.app_name != "admin" or match.url_name == "logout":
            return None
        if needs_second_factor_setup(request.user):
            return setup_redirect(request)
        return None


class SmsUnavailableMiddleware:
    """A text that could not be sent (the gateway refused or is down) answers a
    translated 503 asking to try again later, instead of a server error. What
    is logged names the gateway's failure, never the number or the text."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, SmsError):
            return None
        logger.error("SMS not sent on %s: %s", request.path, exception)
        response = render(request, "accounts/sms_unavailable.html", status=503)
        response["Retry-After"] = "120"
        return response
