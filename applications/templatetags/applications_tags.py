"""The "Apply" box on a vacancy's page (one `{% include %}` line there)."""

from django import template
from django.conf import settings

from applications import selectors

register = template.Library()


@register.inclusion_tag("applications/apply_box_inner.html", takes_context=True)
def apply_box(context, vacancy):
    request = context.get("request")
    user = getattr(request, "user", None)
    applied = bool(user and user.is_authenticated and selectors.has_applied(user, vacancy))
    return {"vacancy": vacancy, "applied": applied, "preview": context.get("preview")}


@register.simple_tag
def retention_months():
    """How many months after its vacancy closes an application is anonymised."""
    return settings.APPLICATION_RETENTION_MONTHS
