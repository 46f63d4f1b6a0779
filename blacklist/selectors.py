"""What the entry-ban check reads: the sources it searches and the records that may
be the person. Nothing here writes and nothing here compares names
(`blacklist.matching` does); `blacklist.services` runs a check with these."""

from blacklist.models import BanRecord, BanSource


def searched_sources():
    """Every list a check searches, with how fresh it is."""
    return list(BanSource.objects.order_by("name"))


def candidate_records(date_of_birth, keys, document_key=""):
    """The bans in force of people born that day who share a name key or the
    document number, with their sources: two index lookups, never a scan."""
    return (
        BanRecord.objects.in_force()
        .candidates(date_of_birth, keys, document_key)
        .select_related("source")
    )
