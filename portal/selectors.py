"""What the project package reads for every page: the hotlines of the footer."""

from pagecache.kept import Kept
from portal.models import Hotline

# The hotlines change when staff edit one, not between two of the pages that show
# them: kept, each page spared a query of about a millisecond.
_hotlines = Kept(
    "hotlines",
    lambda language: list(Hotline.objects.shown(language)),
    models=[Hotline],
)


def hotlines(language):
    """The hotlines shown to a reader of ``language`` (`Hotline.objects.shown`), as a list."""
    return _hotlines.get(language)


def watch():
    _hotlines.watch()
