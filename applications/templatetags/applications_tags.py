"""Tags of the applications' Django templates."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def retention_months():
    """How many months after its vacancy closes an application is anonymised."""
    return settings.APPLICATION_RETENTION_MONTHS
