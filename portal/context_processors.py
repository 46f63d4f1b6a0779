from django.conf import settings
from django.utils.translation import get_language

from portal.models import Hotline


def hotlines(request):
    """Hotlines for the footer of every page (evaluated only when shown)."""
    return {"hotlines": Hotline.objects.shown(get_language())}


def demo_notice(request):
    """Whether every page says its data is fictional (`DEMO_NOTICE`): the demo's
    employers, agencies and people carry no such word in their own names."""
    return {"demo_notice": settings.DEMO_NOTICE}
