"""The public registry, agency page, verify tool and report form."""

import pytest
from django.urls import reverse

from agencies import services
from agencies.models import Agency, RecruiterReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(make_licence, make_agency, channel, officer):
    """An active, a suspended and a revoked agency, each with channels."""
    active = make_licence(
        agency=make_agency("Ипак Йули Сервис"), destinations=("TR", "PL"), number="KG-PEA-0001"
    )
    channel(active.agency, "telegram", "https://t.me/IpakYoliServis")
    channel(active.agency, "phone", "+996 555 123 456")
    channel(active.agency, "website", "https://ipak-yoli.example")
    suspended = make_licence(agency=make_agency("Tulpar Jumush"), number="KG-PEA-0002")
    services.suspend(
        suspended, actor=officer, reason="Unpaid wages complaints", legal_basis="Order 12-p"
    )
    channel(suspended.agency, "instagram", "@tulpar.jumush")
    revoked = make_licence(agency=make_agency("Бахт Кадр"), number="KG-PEA-0003")
    services.revoke(revoked, actor=officer, reason="Criminal case")
    return {"active": active, "suspended": suspended, "revoked": revoked}


def test_registry_lists_agencies_with_readable_status(client, registry):
    html = client.get("/en/agencies/", {"licensed": "all"}).content.decode()
    assert "Ипак Йули Сервис" in html
    assert 'class="badge badge-ok"' in html and "Licence active" in html
    assert 'class="badge badge-warn"' in html and "Licence suspended" in html
    assert "Licence revoked" in html
    assert "Licensed today for" in html and "Türkiye" in html
    # Each badge is made once per page and status (`agency_list.jinja`): in its own entry.
    entries = {
        entry.split("</a>")[0].split(">")[-1]: entry
        for entry in html.split('<li class="card">')[1:]
    }
    assert "Licence active" in entries["Ипак Йули Сервис"]
    assert "Licence suspended" in entries["Tulpar Jumush"]
    assert "Licence revoked" in entries["Бахт Кадр"]


@pytest.mark.parametrize(
    ("query", "found", "absent"),
    [
        ("Ipak Yoli", "Ипак Йули Сервис", "Tulpar"),
        ("ипак йули", "Ипак Йули Сервис", "Tulpar"),
        ("Тулпар", "Tulpar Jumush", "Ипак"),
        ("kg-pea-0002", "Tulpar Jumush", "Ипак"),
        ("@ipakyoliservis", "Ипак Йули Сервис", "Tulpar"),
    ],
)
def test_registry_search_in_any_script(client, registry, query, found, absent):
    html = client.get("/en/agencies/", {"q": query}).content.decode()
    assert found in html
    assert absent not in html


def test_registry_search_by_tax_number(client, registry):
    agency = registry["revoked"].agency
    html = client.get("/en/agencies/", {"q": agency.tax_number}).content.decode()
    assert "Бахт Кадр" in html and "Tulpar" not in html


def test_registry_filters(client, registry, authority):
    html = client.get("/en/agencies/", {"destination": "PL"}).content.decode()
    assert "Ипак" in html and "Tulpar" not in html  # suspended: not licensed today
    html = client.get("/en/agencies/", {"status": "revoked"}).content.decode()
    assert "Бахт" in html and "Ипак" not in html
    html = client.get("/en/agencies/", {"authority": authority.pk}).content.decode()
    assert "Ипак" in html and "Tulpar" in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "\x00"},
        {"q": "x" * 20_000},
        {"destination": "XX"},
        {"authority": "abc"},
        {"status": "bogus"},
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-1"},
    ],
)
def test_registry_survives_malformed_queries(client, registry, params):
    assert client.get("/en/agencies/", params).status_code == 200


def test_registry_is_paginated(client, make_agency):
    for n in range(30):
        make_agency(f"Agency {n:02d}", deposit=None)
    html = client.get("/en/agencies/", {"licensed": "all"}).content.decode()
    assert "Page 1 of 2" in html and "Next page" in html
    page_2 = client.get("/en/agencies/", {"licensed": "all", "page": 2}).content.decode()
    assert "Agency 29" in page_2


def test_registry_query_count_does_not_grow_with_page_size(
    client, make_licence, make_agency, channel, django_assert_max_num_queries
):
    make_licence()
    with django_assert_max_num_queries(10) as small:
        client.get("/en/agencies/")
    for n in range(24):
        licence = make_licence(agency=make_agency(f"Agency {n}"), destinations=("TR", "DE"))
        channel(licence.agency, "phone", f"+996555{100000 + n}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/en/agencies/")
    assert response.content.decode().count('<li class="card">') == 25


def test_registry_page_reads_agencies_licences_and_todays_destinations_only(
    client, make_licence, django_assert_num_queries
):
    """Four queries: the matches' ids (their number is the count), the page's
    agencies, their licences, and the destinations in force today; the menus, and
    the authorities' names with them, are kept (`pagecache.kept`). The licences'
    other destinations are not read."""
    make_licence()
    client.get("/en/agencies/")  # what the pages keep (`pagecache.kept`)
    with django_assert_num_queries(4) as queries:
        client.get("/en/agencies/")
    read = [query["sql"].split(" FROM ")[1].split()[0] for query in queries]
    assert read.count('"agencies_licencedestination"') == 1  # today's, for the page


def test_agency_page_shows_licence_deposit_fee_cap_contacts_and_history(client, registry):
    agency = registry["suspended"].agency
    assert reverse("agencies:detail", args=[agency.pk]).endswith(f"/agencies/{agency.pk}/")
    html = client.get(f"/en/agencies/{agency.pk}/").content.decode()
    assert "KG-PEA-0002" in html
    assert "Licence suspended" in html
    assert "Unpaid wages complaints" in html and "Order 12-p" in html
    assert "meets the minimum" in html and "100,000 KGS held" in html
    assert "Nothing: the law forbids fees" in html
    assert "instagram.com/tulpar.jumush" in html
    assert "may not recruit" in html


def test_agency_page_deposit_below_minimum(client, registry, officer):
    licence = registry["active"]
    deposit = licence.agency.deposits.get()
    services.record_deposit_movement(deposit, "drawn", 40000, actor=officer, complaint_case="C-1")
    html = client.get(f"/en/agencies/{licence.agency.pk}/").content.decode()
    assert "below the minimum" in html and "60,000 KGS held" in html


def test_agency_page_query_count_is_bounded(
    client, make_licence, channel, officer, django_assert_max_num_queries
):
    licence = make_licence(destinations=("TR",))
    with django_assert_max_num_queries(14) as small:
        client.get(f"/en/agencies/{licence.agency.pk}/")
    agency = licence.agency
    for n in range(8):
        channel(agency, "phone", f"+996555{200000 + n}")
    more = make_licence(agency=agency, destinations=("DE", "PL", "LT", "HU", "BG"))
    for _ in range(3):
        services.suspend(more, actor=officer, reason="Check")
        services.reinstate(more, actor=officer)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(f"/en/agencies/{agency.pk}/")


@pytest.mark.parametrize("pk", ["0", "999999"])
def test_unknown_agency_is_404(client, pk):
    assert client.get(f"/en/agencies/{pk}/").status_code == 404


@pytest.mark.parametrize(
    ("query", "verdict_text"),
    [
        ("t.me/ipakyoliservis", "Licensed agency"),
        ("+996 (555) 12-34-56", "Licensed agency"),
        ("0555123456", "Licensed agency"),
        ("https://www.ipak-yoli.example/jobs", "Licensed agency"),
        ("KG PEA 0001", "Licensed agency"),
        ("https://instagram.com/Tulpar.Jumush", "Not allowed to recruit"),
        ("kg-pea-0003", "Not allowed to recruit"),
        ("Ипак Йули", "Only the name matches"),
        ("@someone_else", "Unknown"),
        ("+998 90 000 00 01", "Unknown"),
    ],
)
def test_verify_tool(client, registry, query, verdict_text):
    html = client.get("/en/agencies/verify/", {"q": query}).content.decode()
    assert verdict_text in html


def test_verify_unknown_links_to_the_report_form(client, registry):
    html = client.get("/en/agencies/verify/", {"q": "@fake_jobs"}).content.decode()
    assert "/en/agencies/report/?channel=%40fake_jobs" in html
    assert "tourist visa" in html


@pytest.mark.parametrize("query", ["\x00", "x" * 5000, "", "   "])
def test_verify_survives_malformed_input(client, query):
    response = client.get("/en/agencies/verify/", {"q": query})
    assert response.status_code == 200


def _report(client, **data):
    payload = {
        "recruiter_name": "Jasur",
        "channel": "@fake_jobs_uz",
        "what_happened": "Offered a job in Poland for 2000 USD on a tourist visa.",
        "contact": "+998 90 111 22 33",
        "website": "",
    }
    payload.update(data)
    return client.post("/en/agencies/report/", payload)


def test_report_is_stored_at_once_and_confirmed(client, registry):
    response = _report(client)
    assert response.status_code == 302
    assert response["Location"] == "/en/agencies/report/sent/"
    report = RecruiterReport.objects.get()
    assert (report.channel_kind, report.channel_normalised) == ("telegram", "fake_jobs_uz")
    assert report.status == "new" and report.language == "en"
    assert "what happens next" in client.get(response["Location"]).content.decode().lower()


def test_report_links_a_known_channel_to_its_agency(client, registry):
    _report(client, channel="t.me/IpakYoliServis")
    assert RecruiterReport.objects.get().agency == registry["active"].agency


@pytest.mark.parametrize(
    "data",
    [
        {"recruiter_name": "", "channel": ""},
        {"what_happened": ""},
        {"what_happened": "bad\x00byte"},
        {"recruiter_name": "x" * 1000},
    ],
)
def test_invalid_report_is_refused_with_a_message(client, data):
    response = _report(client, **data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert "report_names_recruiter" not in html  # never the database's own words
    assert not RecruiterReport.objects.exists()


def test_honeypot_report_is_not_stored(client):
    response = _report(client, website="http://spam.example")
    assert response.status_code == 302
    assert not RecruiterReport.objects.exists()


def test_reports_are_rate_limited_per_ip(client):
    for _ in range(5):
        assert _report(client).status_code == 302
    response = _report(client)
    assert response.status_code == 429
    assert "Too many reports" in response.content.decode()
    assert RecruiterReport.objects.count() == 5
    assert (
        client.post(
            "/en/agencies/report/",
            {"recruiter_name": "X", "what_happened": "Y"},
            REMOTE_ADDR="10.0.0.9",
        ).status_code
        == 302
    )


def test_report_form_prefills_channel_from_verify(client):
    html = client.get("/en/agencies/report/", {"channel": "@fake"}).content.decode()
    assert 'value="@fake"' in html


def test_reporter_contact_never_appears_on_public_pages(client, registry):
    _report(client, channel="t.me/IpakYoliServis", contact="secret-contact@example.com")
    agency = registry["active"].agency
    for url in ("/en/agencies/", f"/en/agencies/{agency.pk}/"):
        assert "secret-contact" not in client.get(url).content.decode()


def test_nav_links_to_the_registry(client):
    assert 'href="/en/agencies/"' in client.get("/en/").content.decode()


def test_agency_search_key_is_stored_on_save(make_agency):
    agency = make_agency("Ипак Йули Сервис", deposit=None)
    assert Agency.objects.search("IPAK YOLI").get() == agency
    assert list(Agency.objects.search("")) == [agency]
