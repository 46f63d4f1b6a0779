"""A licence status's badge for the registry's Django templates (the verify page)."""

from django import template
from django.template import engines

register = template.Library()


@register.simple_tag
def status_badge(status):
    """``{% status_badge status %}``: the badge of `agencies/status.jinja`, the one
    template of it, which the Jinja2 pages import as a macro."""
    macros = engines["jinja2"].env.get_template("agencies/status.jinja").module
    return macros.status_badge(status)
