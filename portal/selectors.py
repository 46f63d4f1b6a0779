"""What the project package reads for every page: the hotlines of the footer."""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from portal.models import Hotline

# The hotlines change when staff edit one (which forgets them, see
# `PortalConfig.ready`), not between two of the pages that show them: kept, each page
# spared a query of about a millisecond. The time limit is a backstop.
HOTLINES_CACHE_SECONDS = 600


def _key(language):
    return f"portal:hotlines:{language}"


def hotlines(language):
    """The hotlines shown to a reader of ``language`` (`Hotline.objects.shown`), as a list."""
    shown = cache.get(_key(language))
    if shown is None:
        shown = list(Hotline.objects.shown(language))
        cache.set(_key(language), shown, HOTLINES_CACHE_SECONDS)
    return shown


def forget_hotlines(**kwargs):
    """Signal receiver: a hotline was saved or deleted. Forgotten at the commit, so
    that a page read in between cannot keep the old hotlines again."""
    keys = [_key(code) for code, _name in settings.LANGUAGES]
    transaction.on_commit(lambda: cache.delete_many(keys))
