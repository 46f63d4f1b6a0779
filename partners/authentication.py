"""Identify the partner behind ``Authorization: Api-Key <key>``.

Authentication (not just a permission check) so that ``request.user`` is the
partner: throttling counts per key and the schema documents the scheme.
"""

import re

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework_api_key.permissions import KeyParser

from partners.models import PartnerAPIKey

# Keys are "<prefix>.<secret>" in letters and digits; anything else is refused
# before it reaches the database.
KEY_FORMAT = re.compile(r"[A-Za-z0-9]{1,8}\.[A-Za-z0-9]{1,64}")


class ApiKeyAuthentication(authentication.BaseAuthentication):
    keyword = KeyParser.keyword
    key_parser = KeyParser()

    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header.lower().startswith(self.keyword.lower()):
            return None
        key = self.key_parser.get(request)
        if not key:
            raise exceptions.AuthenticationFailed(_("The API key is missing."))
        key = key.strip()
        try:
            if not KEY_FORMAT.fullmatch(key):
                raise PartnerAPIKey.DoesNotExist
            api_key = PartnerAPIKey.objects.get_from_key(key)
        except PartnerAPIKey.DoesNotExist:
            raise exceptions.AuthenticationFailed(
                _("The API key is not valid or has been revoked.")
            ) from None
        if api_key.has_expired:
            raise exceptions.AuthenticationFailed(_("The API key has expired."))
        return (api_key.partner, api_key)

    def authenticate_header(self, request):
        return self.keyword


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "partners.authentication.ApiKeyAuthentication"
    name = "ApiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Api-Key <key>`",
        }
