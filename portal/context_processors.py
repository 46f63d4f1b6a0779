from django.utils.translation import get_language

from portal.models import Hotline


def hotlines(request):
    """Hotlines for the footer of every page (evaluated only when shown)."""
    return {"hotlines": Hotline.objects.shown(get_language())}
