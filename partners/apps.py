from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Partner organisations, their API keys and the rules every API request meets:
    authentication, scopes, throttles and the one error format."""

    name = "partners"
    verbose_name = _("Partners")
