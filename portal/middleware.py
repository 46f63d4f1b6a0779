from django.utils import translation


class ApiDefaultLanguageMiddleware:
    """API clients are partner systems: without an Accept-Language header they
    get English, the source language, rather than the portal's default Uzbek."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/api/") and "HTTP_ACCEPT_LANGUAGE" not in request.META:
            translation.activate("en")
            request.LANGUAGE_CODE = "en"
        return self.get_response(request)
