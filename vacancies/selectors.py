"""What the job board reads: the querysets behind its pages, its Atom feed and its
API, and the lookups its services need.

Nothing here writes; changes are in `vacancies.services`. What the public may see
is `vacancies.models.public_condition`, the one rule: every public read here starts
from `Vacancy.objects.public`, which filters by it, except a vacancy's own page,
which reads it as a column (`vacancy_page`).
"""

import datetime
import functools

from django.core.cache import cache
from django.db import connections
from django.db.models import Count, F
from django.utils import timezone
from modeltranslation.fields import TranslationField

from agencies.models import AgencyChannel, LicensingAuthority
from pagecache.kept import Kept, days_around_today
from pagecache.prepared import (
    MARK,
    PreparedRows,
    PreparedValues,
    ids_sql,
    read_compiled_ids,
    read_ids,
)
from vacancies.card import CARD_COLUMNS, Card
from vacancies.compiled import CompiledOnce
from vacancies.filters import SORTS, VacancyFilter, menu_choices
from vacancies.models import (
    GUIDE_SECTIONS,
    Country,
    ExchangeRate,
    Vacancy,
    VacancyCost,
    public_condition,
)
from vacancies.search import document_matches, gathered, spelled_out, walk_first

SIMILAR_COUNT = 5
COUNTS_CACHE_SECONDS = 60

# What a vacancy's own page shows of its relations: names and contacts. The rest (a
# country's guide, forty kilobytes a row; an agency's register data) stays in the
# database: reading every column of five tables took 1.6 ms of the page's 11.
_PAGE_RELATIONS = {
    "country": ["name"],
    "occupation": ["title"],
    "agency": ["legal_name"],
    "authority": ["name", "website", "phone"],
    "partner": ["name"],
}


# --- what the public sees --------------------------------------------------------------


# The exchange rates every list and vacancy page converts wages with: kept per day,
# forgotten when staff change a rate (`pagecache.kept`).
_rates = Kept(
    "rates",
    lambda day: ExchangeRate.objects.latest_rates(datetime.date.fromisoformat(day)),
    models=[ExchangeRate],
    variants=days_around_today,
)


def rates_today():
    """`ExchangeRate.objects.latest_rates` of today, as pages show them."""
    return _rates.get(timezone.localdate().isoformat())


def watch_rates():
    _rates.watch()


def search(params):
    """The public vacancies matching a query string's filters (the list page, its
    Atom feed), as the filter set, which also holds the form. Its ``qs`` is for
    ids (`vacancies.pagination.CappedPaginator`); `cards` reads the rows."""
    return VacancyFilter(params, queryset=Vacancy.objects.public())


def first_ids(filterset, count, *, ordering=None, after=None, compiled=None):
    """The ids of a search's first `count` matches in its order (`search`'s filter set):
    the list page's count and page, the Atom feed; the API's cursor pages give their
    own `ordering` and the position a page starts `after` (a filter). Words with
    another filter are first looked for along that filter's order
    (`vacancies.search.walk_first`): the planner cannot know how a word and a
    country go together. When the walk finds too few, the matches are few in their
    filter, and they are gathered through the words' index, the words written out
    (`vacancies.search.spelled_out`), and sorted (`vacancies.search.gathered`):
    walking the filter's order on to the end read all of a country's rows (73 ms for
    a word none of them has).

    ``compiled``, a dict, keeps the SQL of the ids' query and of the walk by `count`
    and `ordering` for a filter set that many requests share (`vacancies.prepared`,
    `vacancies.api.pages`; not with `after`, a position): compiling it took 0.25 ms
    of a list page, the walk's 0.5."""
    matches = filterset.qs  # runs the filters, which leave the words and the rest apart
    walked = filterset.without_text
    if ordering:
        matches, walked = matches.order_by(*ordering), walked.order_by(*ordering)
    if after:
        matches, walked = matches.filter(**after), walked.filter(**after)
        compiled = None
    key = (count, ordering and tuple(ordering))
    if walks(filterset):
        found = walk_first(walked, filterset.text_condition, count, compiled, ("walk", *key))
        if found is not None:
            return found
        query = spelled_out(filterset.text, walked.db)
        matches = walked.filter(document_matches(query))
        matches = matches.order_by(*gathered(matches.query.order_by))
        key = (*key, query)  # a word new to the vacancies changes the query
    if compiled is None:
        return read_ids(matches[:count])
    if key not in compiled:
        compiled[key] = ids_sql(matches[:count])
    return read_compiled_ids(matches.db, compiled[key])


def walks(filterset):
    """Is this search one that `first_ids` walks first: words and another filter, on
    PostgreSQL (SQLite's demo data is read whole either way)? Asked once the filters
    ran (``filterset.qs``): they set the words' condition."""
    return (
        filterset.text_condition is not None
        and filterset.narrowed()
        and connections[filterset.queryset.db].vendor == "postgresql"
    )


def in_order(rows, ids):
    """The rows of `rows`, vacancies read by ``values()`` with their "id", that have
    these ids, in their order (an API page read by `first_ids`)."""
    found = {row["id"]: row for row in rows.filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def newest_public(**conditions):
    """Public vacancies meeting `conditions`, newest first: the list's "newest" order
    (`vacancies.filters.SORTS`), which has its index."""
    return Vacancy.objects.public().filter(**conditions).order_by(*SORTS["newest"])


def first_cards(queryset, count):
    """The first `count` vacancies of `queryset` (public, ordered) as cards: their ids
    read off the ordering's index, then `cards`. Two queries, where reading the rows
    with their countries and agencies prefetched took three, and building the
    countries' query alone half a millisecond."""
    return cards(read_ids(queryset[:count]))


def cards(ids):
    """The vacancies of `ids` (found public a moment ago by `search`), in that order,
    as `Card`s, in one query of what a card shows. The destinations' names come from
    the kept menu the search form shows, the agencies' names joined: model
    instances of either took longer than the rest of the cards. The query is
    compiled once a day for each number of ids (`pagecache.prepared.PreparedValues`)
    and reads every language's title, of which each card keeps the reader's with
    its fallbacks (`Card.from_row`). Through ``values()``, building, compiling and
    modeltranslation's rows took 0.85 ms of the cards' 1.34, their SQL 0.49."""
    if not ids:
        return []
    found = {row.pk: row for row in _card_rows.read(tuple(ids))}
    countries = dict(menu_choices("country"))
    shown = []
    for pk in ids:
        if pk in found:
            card = Card.from_row(found[pk])
            card.country_name = countries.get(card.country_id) or _country_name(card.country_id)
            shown.append(card)
    return shown


_card_rows = PreparedValues(
    lambda _on, ids: (
        Vacancy.objects.order_by().filter(pk__in=ids).annotate(agency_name=F("agency__legal_name"))
    ),
    CARD_COLUMNS,
)


def _country_name(code):
    """A destination the kept menu does not list yet (it was added a moment ago)."""
    return str(Country.objects.get(code=code))


@functools.cache
def _page_fields():
    """The vacancy's own fields (modeltranslation reads each one's language columns
    with it) and the relations' fields of `_PAGE_RELATIONS`."""
    own = [
        field.name
        for field in Vacancy._meta.concrete_fields
        if not isinstance(field, TranslationField) and field.name != "search_key"
    ]
    related = [
        f"{relation}__{name}" for relation, names in _PAGE_RELATIONS.items() for name in names
    ]
    return own + related


def _with_relations():
    return Vacancy.objects.select_related(*_PAGE_RELATIONS).only(*_page_fields())


def vacancy_page(pk, on=None):
    """The vacancy `pk` with what its page shows and ``is_public``, whether the public
    may see it (`public_condition`, the one rule), or None: a draft has no page. A
    page that is not public answers 410 with similar open ones. The rule is a
    column of the row, not a subquery that finds the row again: that took 2 ms to
    build and plan. Its query is compiled once a day (`pagecache.prepared`):
    building and compiling it took 1.6 ms of a 6.5 ms page."""
    found = _vacancy_pages.read(pk, on)
    return found[0] if found else None


_vacancy_pages = PreparedRows(
    Vacancy,
    lambda on: (
        _with_relations()
        .exclude(status=Vacancy.Status.DRAFT)
        .annotate(is_public=CompiledOnce(public_condition(on)))
        .filter(pk=MARK)
    ),
)


def vacancy_costs(vacancy):
    """The costs the worker pays, as the vacancy's page lists them."""
    return _costs.read(vacancy.pk)


_costs = PreparedRows(VacancyCost, lambda on: VacancyCost.objects.filter(vacancy_id=MARK))


def vacancy_previews():
    """Vacancies in any status, for editors' preview."""
    return _with_relations()


def official_phones(vacancy):
    """[(number, tel: link)] that the data holds for whoever recruits for the
    vacancy: the registry's official phones of the agency, the authority's phone for
    state recruitment. Empty when the data holds none: a page never invents one."""
    if vacancy.channel == Vacancy.Channel.AGENCY and vacancy.agency_id:
        phones = _agency_phones.read(vacancy.agency_id)
        return [(channel.value, channel.href) for channel in phones]
    if (
        vacancy.channel == Vacancy.Channel.AUTHORITY
        and vacancy.authority
        and vacancy.authority.phone
    ):
        phone = vacancy.authority.phone
        return [(phone, "tel:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+"))]
    return []


_agency_phones = PreparedRows(
    AgencyChannel,
    lambda on: AgencyChannel.objects.filter(agency_id=MARK, kind=AgencyChannel.PHONE),
)


def similar_vacancies(vacancy):
    """Open vacancies in the same country, of the same occupation group first."""
    similar = newest_public(country_id=vacancy.country_id).exclude(pk=vacancy.pk)
    if vacancy.occupation_id:
        same_group = similar.filter(occupation__code__startswith=vacancy.occupation_id[0])
        found = first_cards(same_group, SIMILAR_COUNT)
        if found:
            return found
    return first_cards(similar, SIMILAR_COUNT)


def open_vacancy_counts():
    """{country code: open vacancies}, for the destination pages.

    Counting every public vacancy by country takes a scan of all of them (half a
    second at 200,000), so the figures are kept for `COUNTS_CACHE_SECONDS`: a
    count a minute old is fine on a page that links to the always-current list.
    """
    key = f"vacancies:open-counts:{timezone.localdate()}"
    counts = cache.get(key)
    if counts is None:
        counts = dict(
            Vacancy.objects.public()
            .order_by()
            .values("country_id")
            .annotate(open=Count("pk"))
            .values_list("country_id", "open")
        )
        cache.set(key, counts, COUNTS_CACHE_SECONDS)
    return counts


def countries_by_open_vacancies():
    """Destinations (without their guides), each with ``open_vacancies``, most first."""
    counts = open_vacancy_counts()
    countries = list(Country.objects.names())
    for country in countries:
        country.open_vacancies = counts.get(country.code, 0)
    countries.sort(key=lambda country: (-country.open_vacancies, str(country)))
    return countries


def guide_sections(country):
    """(heading, text) of the guide sections the public may read, in the reader's
    language: those with text, and none an editor has marked for checking
    (`Country.sections_to_check`). The one rule: the page, its leaflet and the
    API all read a guide through it or `hidden_guide_sections`."""
    hidden = hidden_guide_sections(country)
    return [
        (label, text)
        for field, label in GUIDE_SECTIONS
        if field not in hidden and (text := getattr(country, field))
    ]


def hidden_guide_sections(country):
    """The sections of a guide kept from the public until an editor clears them."""
    return set(country.sections_to_check or [])


def has_published_guide(country):
    """Whether a country has a guide the public can read (a section in English, the
    source language, that is not waiting for a check)."""
    hidden = hidden_guide_sections(country)
    return any(
        getattr(country, f"{field}_en") for field, _label in GUIDE_SECTIONS if field not in hidden
    )


def countries_without_guide():
    """Codes of the destinations with public vacancies but no published guide: each
    is a gap a migrant falls into (a test holds this empty for the demo data)."""
    with_vacancies = set(
        Vacancy.objects.public().order_by().values_list("country_id", flat=True).distinct()
    )
    return sorted(
        country.code
        for country in Country.objects.filter(code__in=with_vacancies)
        if not has_published_guide(country)
    )


def newest_in_country(country, count):
    """The newest public vacancies of a destination."""
    return first_cards(newest_public(country=country), count)


# --- the partner API ---------------------------------------------------------------------


def vacancies_for_api():
    """Public vacancies, for the API to read as rows (`vacancies.api.rows`)."""
    return Vacancy.objects.public()


def partner_vacancies(partner):
    """A partner's own vacancies, published or not: the ones it may change."""
    return Vacancy.objects.filter(partner=partner)


def written_vacancy(pk):
    """The vacancy `pk`, whatever its status: a partner's API answers a change with
    what it stored."""
    return Vacancy.objects.filter(pk=pk)


def with_costs(rows, names):
    """`rows`, vacancies read by ``values()`` with their "id", each with the rows of its
    costs under "costs", read with `names` in one query for them all, in the model's
    order, as a vacancy's page lists them."""
    rows = list(rows)
    listed = {}
    for row in rows:
        row["costs"] = listed[row["id"]] = []
    if listed:
        for cost in VacancyCost.objects.filter(vacancy_id__in=listed).values("vacancy_id", *names):
            listed[cost["vacancy_id"]].append(cost)
    return rows


# --- what the rules need -----------------------------------------------------------------


def fee_caps():
    """{country code: the authority whose fee cap binds agencies registered there}."""
    return {authority.country.code: authority for authority in LicensingAuthority.objects.all()}


def entitled_recruiters(partner):
    """What a partner may publish for: {(channel, agency_id, authority_id), ...}."""
    return set(partner.publishers.values_list("channel", "agency_id", "authority_id"))
