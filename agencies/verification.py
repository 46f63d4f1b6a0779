""" "Is this recruiter real?": look a pasted contact up in the registry.

One function for the public page, the API and the partner feeds. Every reading of
the input (`channels.lookup_keys`) is tried: a phone, a Telegram or Instagram
handle, a website, a licence or tax number, and a name in any script.
"""

import enum
from dataclasses import dataclass, field

from django.db.models import Q

from agencies import channels, selectors
from agencies.models import Agency

MAX_MATCHES = 10


class Verdict(enum.StrEnum):
    LICENSED = "licensed"  # an official channel or number of an agency licensed today
    NOT_IN_FORCE = "not_in_force"  # an agency whose licence is suspended, revoked...
    NAME_ONLY = "name_only"  # only the name matches: recruiters borrow real names
    UNKNOWN = "unknown"


@dataclass
class Match:
    agency: Agency
    matched_by: str  # a kind from agencies.channels
    countries: list  # destinations the agency is licensed for today

    @property
    def licensed(self):
        return bool(self.countries)


@dataclass
class Result:
    query: str
    verdict: Verdict
    matches: list[Match] = field(default_factory=list)


def verify(text):
    keys = channels.lookup_keys(text)
    exact = Q()
    by_name = None
    for kind, value in keys:
        if kind == channels.NAME:
            by_name = value
        elif kind == channels.LICENCE:
            exact |= Q(licences__number_normalised=value)
        elif kind == channels.TAX:
            exact |= Q(tax_number=value)
        else:
            exact |= Q(channels__kind=kind, channels__normalised=value)
    matched_by = "channel"
    agencies = []
    if exact:
        agencies = list(selectors.registry().filter(exact).distinct()[:MAX_MATCHES])
    if not agencies and by_name:
        matched_by = channels.NAME
        agencies = list(selectors.registry().search(text)[:MAX_MATCHES])
    if not agencies:
        return Result(query=text, verdict=Verdict.UNKNOWN)
    in_force = selectors.destinations_in_force(agencies)
    matches = [
        Match(agency=agency, matched_by=matched_by, countries=in_force.countries(agency.pk))
        for agency in agencies
    ]
    matches.sort(key=lambda match: not match.licensed)
    if matched_by == channels.NAME:
        verdict = Verdict.NAME_ONLY
    elif matches[0].licensed:
        verdict = Verdict.LICENSED
    else:
        verdict = Verdict.NOT_IN_FORCE
    return Result(query=text, verdict=verdict, matches=matches)
