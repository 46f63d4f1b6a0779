from django import template

from alerts import selectors

register = template.Library()


@register.simple_tag
def announcements_for(country=None):
    """The newest announcements: of ``country`` on its page, of all on the home page."""
    return selectors.announcements(country or None)
