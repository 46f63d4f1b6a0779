from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from portal import selectors


def hotlines(request):
    """Hotlines for the footer of every page (read only when shown)."""
    language = get_language()
    return {"hotlines": SimpleLazyObject(lambda: selectors.hotlines(language))}


def demo_notice(request):
    """Whether every page says its data is fictional (`DEMO_NOTICE`): the demo's
    employers, agencies and people carry no such word in their own names."""
    return {"demo_notice": settings.DEMO_NOTICE}
