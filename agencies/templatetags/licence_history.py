"""The licence history's reasons and bases in the reader's language (`agencies.reasons`)."""

from django import template

from agencies import reasons

register = template.Library()


@register.filter
def licence_text(text):
    return reasons.shown(text)
