"""The admin asks for a second factor (`accounts.mfa`): a staff member who sees
personal data and has none is sent to set one up before any admin page."""

from accounts.mfa import needs_second_factor_setup, setup_redirect


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
