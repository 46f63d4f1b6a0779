"""What the registry's pages read in few queries say what the rules say: the
registry's entry shows the agency's current licence (`latest_licence`) with its
authority named in the reader's language, its search form is kept with its
search (`agencies.prepared`) but never stale, and the agency page's "may recruit" column
is `in_force_condition`, the rule the rest of the portal filters by."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agencies import entries, page, prepared, selectors, services
from agencies.models import LicenceDestination
from tests.factories.agencies import (
    AgencyChannelFactory,
    AgencyFactory,
    LicensingAuthorityFactory,
    MinimumDepositFactory,
)

pytestmark = pytest.mark.django_db


def entry_of(html, name):
    for entry in html.split('<li class="card">')[1:]:
        if f">{name}</a>" in entry:
            return entry
    raise AssertionError(f"{name} is not listed")


def test_an_entry_shows_the_latest_licence_with_its_authority_in_the_readers_language(
    client, make_licence, make_agency, authority
):
    agency = make_agency("Ала-Тоо Эмгек")
    make_licence(
        agency=agency,
        number="KG-PEA-0100",
        issued_on=datetime.date(2025, 2, 1),
        expires_on=datetime.date(2025, 5, 31),
        status="revoked",
    )
    make_licence(agency=agency, number="KG-PEA-0200")
    entry = entry_of(client.get("/ru/agencies/").content.decode(), "Ала-Тоо Эмгек")
    assert "KG-PEA-0200" in entry and "KG-PEA-0100" not in entry
    assert "Министерство труда, социального обеспечения и миграции" in entry
    assert 'class="badge badge-ok"' in entry


def test_an_authority_the_kept_menu_lacks_is_read(make_licence, authority):
    licence = make_licence()
    line = selectors.current_licences([licence.agency_id], {})[licence.agency_id]
    assert (line.pk, line.number, line.status) == (licence.pk, licence.number, "active")
    assert line.authority == str(authority)


def test_agencies_named_one_by_one_read_the_destinations_the_rule_says(make_licence):
    """`destinations_in_force` of ids or agencies (a registry page's, read by a query
    compiled once a day for their number) says what the queryset of the rule
    says, on every date; an agency without a licence, or None, is left out."""
    current = make_licence(destinations=("TR", "KR"))
    ended = make_licence(expires_on=datetime.date(2026, 1, 1), destinations=("RU",))
    agencies = [current.agency, ended.agency, AgencyFactory(legal_name="Yangi Agentlik")]
    for on in (timezone.localdate(), datetime.date(2025, 12, 1)):
        everyone = selectors.destinations_in_force(on=on)
        for named in (agencies, [a.pk for a in agencies] + [None]):
            in_force = selectors.destinations_in_force(named, on=on)
            for agency in agencies:
                assert in_force.codes(agency.pk) == everyone.codes(agency.pk), (on, agency)
    assert selectors.destinations_in_force([current.agency_id]).codes(current.agency_id) == [
        "KR",
        "TR",
    ]
    assert selectors.destinations_in_force(agencies).codes(ended.agency_id) == []
    assert selectors.destinations_in_force(agencies, on=datetime.date(2025, 12, 1)).codes(
        ended.agency_id
    ) == ["RU"]
    assert selectors.destinations_in_force([]).codes(current.agency_id) == []
    # Only the agencies named are read: the ended licence was in force then.
    only_current = selectors.destinations_in_force([current.agency], on=datetime.date(2025, 12, 1))
    assert only_current.codes(ended.agency_id) == []
    assert only_current.codes(current.agency_id) == ["KR", "TR"]


def form_of(html):
    return re.search(r'<form method="get" class="card".*?</form>', html, re.S).group(0)


def test_the_registry_form_is_kept_and_shows_a_new_authority_at_once(client, make_licence):
    make_licence()
    prepared._prepared.written.clear()
    first = form_of(client.get("/en/agencies/?status=active").content.decode())
    assert len(prepared._prepared.written) == 1
    assert form_of(client.get("/en/agencies/?status=active").content.decode()) == first
    assert '<option value="active" selected>' in first
    prepared._prepared.written.clear()
    assert form_of(client.get("/en/agencies/?status=active").content.decode()) == first
    LicensingAuthorityFactory(country="UZ", name_en="Agency for External Labour Migration")
    form = form_of(client.get("/en/agencies/?status=active").content.decode())
    assert "Agency for External Labour Migration" in form


def test_the_agency_pages_may_recruit_column_is_the_in_force_rule(make_licence, make_agency, today):
    licence = make_licence(destinations=("TR", "PL", "DE", "KR"))
    rows = {d.country.code: d for d in licence.destinations.all()}
    LicenceDestination.objects.filter(pk=rows["PL"].pk).update(
        status=LicenceDestination.Status.WITHDRAWN
    )
    LicenceDestination.objects.filter(pk=rows["DE"].pk).update(
        valid_until=today - datetime.timedelta(days=1)
    )
    LicenceDestination.objects.filter(pk=rows["KR"].pk).update(
        valid_from=today + datetime.timedelta(days=10)
    )
    suspended = make_licence(agency=make_agency("Tulpar Jumush"), status="suspended")
    for on in (today, today + datetime.timedelta(days=10), datetime.date(2029, 1, 1)):
        in_force = set(LicenceDestination.objects.in_force(on).values_list("pk", flat=True))
        for agency_id in (licence.agency_id, suspended.agency_id):
            shown = {
                destination.pk: in_force_now
                for item in page.licence_summaries(page.agency_page(agency_id, on), on)
                for destination, in_force_now in item["destinations"]
            }
            assert shown and shown == {pk: pk in in_force for pk in shown}
    (licence_read,) = page.agency_page(licence.agency_id, today).licences
    columns = {d.country.code: d.in_force for d in licence_read.shown_destinations}
    assert columns == {"TR": True, "PL": False, "DE": False, "KR": False}


def test_the_agency_pages_reads_are_compiled_once_a_day_and_read_each_agency_as_it_is_now(
    client, make_licence, make_agency, officer
):
    """The page's queries are compiled once a day (`pagecache.prepared`) and read each
    agency's own rows, and a change shows at once."""
    page._licences._compiled.clear()
    first = make_licence(agency=make_agency("Ала-Тоо Эмгек"))
    second = make_licence(agency=make_agency("Tulpar Jumush"), destinations=("DE",))
    html = client.get(f"/en/agencies/{first.agency_id}/").content.decode()
    assert first.number in html and "Türkiye" in html
    compiled = dict(page._licences._compiled)
    html = client.get(f"/en/agencies/{second.agency_id}/").content.decode()
    assert second.number in html and "Germany" in html
    assert first.number not in html and "Türkiye" not in html
    services.suspend(first, actor=officer, reason="Complaints")
    html = client.get(f"/en/agencies/{first.agency_id}/").content.decode()
    assert "Licence suspended" in html and "may not recruit" in html
    assert page._licences._compiled == compiled and len(compiled) == 1


def test_an_agency_page_is_what_the_models_say(
    client, make_licence, make_agency, authority, officer
):
    """Read by prepared queries, an agency page's licences, destinations, history,
    channels and deposits are the rows the models' own querysets read."""
    licence = make_licence(agency=make_agency("Ала-Тоо Эмгек"), destinations=("TR", "DE"))
    agency = licence.agency
    AgencyChannelFactory(agency=agency)
    services.suspend(licence, actor=officer, reason="Complaints")
    licence.refresh_from_db()
    read = page.agency_page(agency.pk)
    assert read.agency == agency and read.agency.region == agency.region
    assert read.licences == list(agency.licences.all())
    assert read.licences[0].authority == authority
    assert read.agency.current_licence == licence
    assert read.channels == list(agency.channels.order_by("kind", "pk"))
    assert read.deposits == list(agency.deposits.order_by("-lodged_on"))
    assert [deposit.balance for deposit in read.deposits] == [
        selectors.deposit_balance(deposit) for deposit in read.deposits
    ]
    destinations = read.licences[0].shown_destinations
    assert destinations == list(licence.destinations.order_by("country"))
    assert not any(destination.in_force for destination in destinations)  # suspended
    history = licence.events.exclude(from_status="").order_by("-date", "-pk")
    assert read.licences[0].history == list(history) and history
    assert page.agency_page(agency.pk + 1000) is None
    assert client.get(f"/en/agencies/{agency.pk + 1000}/").status_code == 404


def test_a_kept_entry_shows_a_suspension_at_once(client, make_licence, make_agency, officer):
    """Entries are kept by all they show (`agencies.entries`): the same HTML as written
    afresh, and another entry once the licence is suspended."""
    licence = make_licence(agency=make_agency("Ала-Тоо Эмгек"))
    entries._entries.written.clear()
    first = entry_of(client.get("/en/agencies/?licensed=all").content.decode(), "Ала-Тоо Эмгек")
    assert entries._entries.written
    again = entry_of(client.get("/en/agencies/?licensed=all").content.decode(), "Ала-Тоо Эмгек")
    assert again == first and "Licence active" in first and "Türkiye" in first
    services.suspend(licence, actor=officer, reason="Complaints")
    suspended = entry_of(client.get("/en/agencies/?licensed=all").content.decode(), "Ала-Тоо Эмгек")
    assert "Licence suspended" in suspended and "Licensed today for" not in suspended


def test_the_minimum_deposit_in_force_applies_from_the_latest_date_not_after_the_day(
    authority, today
):
    """The authority's own minimums (a service deciding) and the kept ones (a page)
    answer alike, before the first, between two and once a future one applies."""
    MinimumDepositFactory(authority=authority, amount=Decimal("120000"), applies_from=today)
    later = today + datetime.timedelta(days=30)
    MinimumDepositFactory(authority=authority, amount=Decimal("150000"), applies_from=later)
    for day, amount in [
        (datetime.date(2018, 12, 31), None),
        (today - datetime.timedelta(days=1), Decimal("100000")),
        (today, Decimal("120000")),
        (later - datetime.timedelta(days=1), Decimal("120000")),
        (later, Decimal("150000")),
    ]:
        read = authority.minimum_deposit(day)
        kept = selectors.kept_minimum_deposit(authority, day)
        assert (read and read.amount, kept and kept.amount) == (amount, amount)


def test_the_agency_page_reads_the_kept_minimum_and_shows_a_new_one_at_once(
    client, make_licence, make_agency, authority, today
):
    licence = make_licence(agency=make_agency("Ала-Тоо Эмгек"))
    url = f"/en/agencies/{licence.agency_id}/"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    assert "meets the minimum" in html
    assert not [query for query in queries.captured_queries if "minimumdeposit" in query["sql"]]
    MinimumDepositFactory(
        authority=authority, amount=Decimal("150000"), currency="KGS", applies_from=today
    )
    html = client.get(url).content.decode()
    assert "below the minimum" in html and "150,000 KGS" in html
