"""What the entry-ban check reads: the sources it searches and the records that may
be the person. Nothing here writes to the database (the kept lists may be
forgotten, to be read afresh) and nothing here compares names
(`blacklist.matching` does); `blacklist.services` runs a check with these."""

from django.utils.translation import get_language

from blacklist.models import BanRecord, BanSource
from pagecache.kept import Kept
from pagecache.prepared import PreparedValues

# The lists change when one is loaded or edited, not between two checks: kept
# (`pagecache.kept`), each check and each form spared a query.
_sources = Kept(
    "ban-sources", lambda language: list(BanSource.objects.order_by("name")), models=[BanSource]
)


def searched_sources(afresh=False):
    """Every list a check searches, with how fresh it is, in the reader's language's
    order of names. ``afresh`` forgets the kept lists first and reads them again: a
    list added by a write that sends no signal is kept unknown for up to 600 s."""
    if afresh:
        _sources.forget()
    return _sources.get(get_language())


def watch():
    _sources.watch()


# What a check reads of a candidate record: its name, what rules it in or out, and
# what the reader is told of it (its source is one of `searched_sources`).
CANDIDATE_FIELDS = (
    "source_id",
    "surname",
    "given_name",
    "patronymic",
    "citizenship",
    "document_key",
    "ban_end",
    "basis",
)


# Built and compiled once a day for each number of name keys, with and without a
# document number (`pagecache.prepared`).
_candidates = PreparedValues(
    lambda on, date_of_birth, keys, document_key: BanRecord.objects.in_force(on).candidates(
        date_of_birth, keys, document_key
    ),
    CANDIDATE_FIELDS,
)


def candidate_records(date_of_birth, keys, document_key=""):
    """The bans in force of people born that day who share a name key or the
    document number: two index lookups, never a scan. Rows, not model instances: a
    check reads ten or so, and builds nothing from them but its answer."""
    return _candidates.read(date_of_birth, tuple(sorted(keys)), document_key)
