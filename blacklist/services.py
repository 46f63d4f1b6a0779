"""The entry-ban check: one function that pages, the partner API and the benchmark call.

The name comparison is `blacklist.matching`; this module adds what the lists add:
the date of birth must be the same day, a document number present on both sides
confirms or rules out, and only bans in force count. What it reads is in
`blacklist.selectors`. The query itself goes nowhere: the only things written are
a daily counter per outcome and, for the API, the partner's call and its outcome.
"""

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from blacklist import selectors
from blacklist.matching import MatchLevel, PersonName, matcher, name_keys
from blacklist.models import (
    ApiCheckLog,
    BanRecord,
    BanSource,
    normalise_document_number,
)

_RANK = {MatchLevel.DIFFERENT: 0, MatchLevel.POSSIBLE: 1, MatchLevel.SAME: 2}

# What a person can do about a ban, by its basis: the first step after "verify it".
ADVICE = {
    BanRecord.Basis.OVERSTAY: _(
        "Bans for overstaying end on their date. Do not try to enter before it: an "
        "attempt can lengthen the ban."
    ),
    BanRecord.Basis.ADMINISTRATIVE: _(
        "A ban for administrative offences can be appealed in court within the time "
        "limit the decision states. A lawyer can tell you whether an appeal has a chance."
    ),
    BanRecord.Basis.EXPULSION: _(
        "After an expulsion or deportation the ban usually lasts five years, and ten "
        "after a second one. Only the date on the official record counts."
    ),
    BanRecord.Basis.CRIMINAL: _(
        "A ban after a criminal conviction lasts until the conviction is spent. Ask a "
        "lawyer before making any plan to travel."
    ),
    BanRecord.Basis.DOCUMENTS: _(
        "If the ban is for false documents that a recruiter made for you, tell the "
        "migration agency of your country: you may be a victim of fraud."
    ),
    BanRecord.Basis.DEBTS: _(
        "A ban for unpaid fines, taxes or debts can often be lifted once they are paid. "
        "Ask the official service how to pay and how to have the ban removed."
    ),
    BanRecord.Basis.HEALTH: _(
        "A ban on health grounds can be reviewed with new medical certificates. Ask the "
        "official service which documents it accepts."
    ),
    BanRecord.Basis.SECURITY: _(
        "Only the authority that imposed this ban can explain or review it. Ask a lawyer for help."
    ),
    BanRecord.Basis.OTHER: _("Ask the official service why the ban was imposed and until when."),
}


@dataclass(frozen=True)
class Match:
    """A record the check found, in the words a reader needs. The record's name only
    for a possible match (``listed_name``), so the person can judge whether the list
    means them; a record found is theirs, and they know how their name is written."""

    level: MatchLevel
    source: BanSource
    ban_end: datetime.date | None
    basis: str
    listed_name: str = ""

    @property
    def basis_label(self):
        return BanRecord.Basis(self.basis).label

    @property
    def advice(self):
        return ADVICE[BanRecord.Basis(self.basis)]


@dataclass(frozen=True)
class CheckResult:
    outcome: MatchLevel
    matches: list[Match] = field(default_factory=list)
    sources: list[BanSource] = field(default_factory=list)


def _level(level, query_document, citizenship, record):
    """How sure we are that ``record`` is the person asking, given ``level``, how
    alike the names are."""
    if query_document and record.document_key:
        if query_document != record.document_key:
            return MatchLevel.DIFFERENT
        # Same date of birth and same document: the person, however the name was
        # written; a name we could not read as theirs still needs a look.
        return MatchLevel.SAME if level == MatchLevel.SAME else MatchLevel.POSSIBLE
    if level == MatchLevel.SAME and citizenship and record.citizenship not in ("", citizenship):
        # Lists do record citizenship wrongly (and people hold two): not ruled out,
        # but no longer certain.
        return MatchLevel.POSSIBLE
    return level


@sensitive_variables()
def check_person(
    *,
    surname,
    given_name,
    date_of_birth,
    patronymic="",
    citizenship="",
    document_number="",
    count=True,
):
    """Search every list for a person born on ``date_of_birth``.

    Returns the outcome, the bans in force that matched (best first) and the
    sources searched. ``count`` adds the outcome to today's counter (the
    benchmark turns it off).
    """
    name = PersonName(surname, given_name, patronymic)
    document_key = normalise_document_number(document_number)
    keys = name_keys(name)
    sources = selectors.searched_sources()
    matches = []
    if keys or document_key:
        records = selectors.candidate_records(date_of_birth, keys, document_key)
        by_id = {source.pk: source for source in sources}
        if any(record.source_id not in by_id for record in records):
            # A list the kept ones lack: never let that hide a record.
            sources = selectors.searched_sources(afresh=True)
            by_id = {source.pk: source for source in sources}
        name_level = matcher(name)
        for record in records:
            source = by_id.get(record.source_id)
            if source is None:  # a list deleted, with its records, since they were read
                continue
            level = _level(
                name_level(PersonName(record.surname, record.given_name, record.patronymic)),
                document_key,
                citizenship,
                record,
            )
            if level != MatchLevel.DIFFERENT:
                listed = _written(record) if level == MatchLevel.POSSIBLE else ""
                matches.append(Match(level, source, record.ban_end, record.basis, listed))
    matches.sort(key=lambda m: (-_RANK[m.level], m.source.name, m.ban_end or datetime.date.max))
    outcome = matches[0].level if matches else MatchLevel.DIFFERENT
    if count:
        count_outcome(outcome)
    return CheckResult(outcome=outcome, matches=matches, sources=sources)


def _written(record):
    """The name as the list writes it: surname, given name, patronymic."""
    return " ".join(part for part in (record.surname, record.given_name, record.patronymic) if part)


def log_api_check(partner, key_prefix, outcome):
    """Log a partner's check through the API: partner, key, time and outcome, never
    the name."""
    ApiCheckLog.objects.create(partner=partner, key_prefix=key_prefix, outcome=outcome)


# Today's counter for an outcome, started or added to in one statement (standard SQL
# that SQLite and PostgreSQL both run), which also holds when two checks start a
# day's counter at the same moment.
_COUNT_ONE = (
    'INSERT INTO "blacklist_dailycheckcount" ("date", "outcome", "count") VALUES (%s, %s, 1) '
    'ON CONFLICT ("date", "outcome") '
    'DO UPDATE SET "count" = "blacklist_dailycheckcount"."count" + 1'
)


def count_outcome(outcome):
    """Add one check to today's counter for ``outcome``."""
    with connection.cursor() as cursor:
        cursor.execute(_COUNT_ONE, [timezone.localdate(), str(outcome)])
