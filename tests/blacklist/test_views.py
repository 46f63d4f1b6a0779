"""The public self-check: the form, the outcomes, bad input, privacy (nothing of the
query in the database, the logs or error reports) and the rate limits."""

import datetime
import logging
import re

import pytest
from django.core.cache import caches
from django.core.signals import request_finished
from django.db import close_old_connections, connection
from django.test import Client, RequestFactory
from django.utils import translation
from django.views.debug import ExceptionReporter
from redis import Redis

from blacklist import services
from blacklist.models import DailyCheckCount
from blacklist.views import check

pytestmark = pytest.mark.django_db
URL = "/ru/blacklist/check/"
QUERY = {
    "surname": "Abdullayev",
    "given_name": "Shahzod",
    "patronymic": "Botir oʻgʻli",
    "date_of_birth": "1991-03-14",
    "citizenship": "UZ",
    "document_number": "",
}
# Distinctive parts of the queries below, searched for afterwards.
SECRETS = ["Abdullayev", "Shahzod", "Botir", "Zuhriddinov", "Mirzohid", "QX9988776"]


def post(client, **changes):
    return client.post(URL, {**QUERY, **changes}, REMOTE_ADDR="10.0.0.1")


def test_form_is_private_and_lists_no_records(client, make_record, source):
    make_record()
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'method="post"' in html
    assert '<form method="post" action="/ru/blacklist/check/" autocomplete="off"' in html
    for name in ("surname", "given_name", "patronymic", "document_number"):
        assert f'name="{name}"' in html
    assert html.count('autocomplete="off"') >= 7
    # The date of birth in three boxes of digits (day, month, year), not a date picker.
    assert 'type="date"' not in html
    for part in ("0", "1", "2"):
        assert f'name="date_of_birth_{part}"' in html
    assert 'aria-describedby="id_patronymic_helptext"' in html
    assert 'id="id_patronymic_helptext"' in html
    assert "Абдуллаев" not in html
    assert "Россия: запреты на въезд" in html
    assert "20.11.2026" in html
    assert "не является юридической справкой" in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_the_citizenship_menu_lists_the_portals_countries_first_in_each_language(client):
    """The menu (`CitizenshipChoices`) in the reader's language, whichever language
    the process listed it in first, and a choice from it accepted."""
    expected = {
        "uz": ["Davlatingizni tanlang", "Oʻzbekiston", "Qirgʻiziston", "Tojikiston"],
        "ru": ["Выберите страну", "Узбекистан", "Кыргызстан", "Таджикистан"],
        "ky": ["Өлкөңүздү тандаңыз", "Өзбекстан", "Кыргызстан", "Тажикстан"],
        "kaa": ["Mámleketińizdi tańlań", "Ózbekstan", "Qırǵızstan", "Tájikstan"],
    }
    for language in [*expected, "ru"]:
        html = client.get(f"/{language}/blacklist/check/").content.decode()
        menu = html[html.index('name="citizenship"') :]
        options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', menu)
        assert [code for code, _name in options[:5]] == ["", "UZ", "KG", "TJ", "KZ"]
        assert [name for _code, name in options[:4]] == expected[language]
        assert len(options) > 240
    assert "Запись" in post(client, citizenship="KZ").content.decode()


def test_query_string_is_never_read(client, make_record):
    make_record()
    response = client.get(URL + "?surname=Abdullayev&given_name=Shahzod&date_of_birth=1991-03-14")
    assert "Запись найдена" not in response.content.decode()
    assert not DailyCheckCount.objects.exists()


def test_record_found_page(client, make_record):
    make_record()
    response = post(client)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Запись найдена" in html
    assert "badge-bad" in html
    assert "Россия: запреты на въезд" in html
    assert "01.01.2099" in html
    assert "https://example.org/verify" in html
    assert "Абдуллаев" not in html  # the record's own spelling is never shown
    assert {"max-age=0", "no-store"} <= set(response["Cache-Control"].split(", "))


def test_no_record_page_shows_sources_and_freshness(client, source):
    html = post(client).content.decode()
    assert "Запись не найдена" in html
    assert "badge-ok" in html
    assert "обновлён: 20.11.2026" in html


def test_the_lists_searched_follow_every_change(client, source):
    """The lists below the form and the answer are kept as HTML by all they show: a
    list loaded again is shown as it is now, in the reader's language."""
    assert "обновлён: 20.11.2026; действующих запретов: 1<" in post(client).content.decode()
    source.updated_at = datetime.datetime(2026, 12, 1, 8, 0, tzinfo=datetime.UTC)
    source.active_records = 2500
    source.save()
    for html in (post(client).content.decode(), client.get(URL).content.decode()):
        assert "обновлён: 01.12.2026; действующих запретов: 2" in html
        assert "20.11.2026" not in html
    uzbek = client.get(URL.replace("/ru/", "/uz/")).content.decode()
    assert "01.12.2026" in uzbek and "обновлён" not in uzbek


def test_possible_match_page(client, make_record):
    make_record("Турсунова", "Фируза", "")
    html = post(client, surname="Tursunova", given_name="Feruza", patronymic="").content.decode()
    assert "Возможное совпадение" in html
    assert "badge-warn" in html


@pytest.mark.parametrize(
    "changes",
    [
        {"date_of_birth": ""},
        {"date_of_birth": "1991-02-30"},
        {"date_of_birth": "2999-01-01"},
        {"date_of_birth": "not a date"},
        {"surname": ""},
        {"given_name": "Shah\x00zod"},
        {"surname": "x" * 100_000},
        {"surname": "12345"},
        {"given_name": "عزيز"},
        {"citizenship": "XX"},
        {"document_number": "A" * 500},
    ],
)
def test_bad_input_is_refused_with_a_message(client, changes):
    response = post(client, **changes)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="errorlist' in html
    assert 'aria-invalid="true"' in html
    assert not DailyCheckCount.objects.exists()


def test_put_and_delete_are_refused(client):
    assert client.put(URL).status_code == 405
    assert client.delete(URL).status_code == 405


def test_csrf_is_required():
    client = Client(enforce_csrf_checks=True)
    assert client.post(URL, QUERY).status_code == 403
    form = client.get(URL)
    token = form.cookies["csrftoken"].value
    response = client.post(URL, {**QUERY, "csrfmiddlewaretoken": token})
    assert response.status_code == 200


def _database_text():
    """Every text value of every table, in one string."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                found.extend(str(value) for value in row if value is not None)
    return "\n".join(found)


def test_nothing_of_the_query_is_stored_or_logged(client, make_record, caplog, settings):
    make_record()
    settings.DEBUG = False
    caplog.set_level(logging.DEBUG)
    Client(enforce_csrf_checks=True).post(URL, QUERY)  # a 403 is logged
    post(client)  # record found
    post(client, surname="Zuhriddinov", given_name="Mirzohid", document_number="QX9988776")
    post(client, surname="Zuhriddinov", date_of_birth="bad")  # invalid form
    post(client, surname="Zuhriddinov", given_name="Mirzohid", date_of_birth="1999-01-01")
    text = _database_text()
    logged = caplog.text + "\n".join(str(record.__dict__) for record in caplog.records)
    for secret in SECRETS:
        assert secret not in text
        assert secret.lower() not in text.lower()
        assert secret not in logged
    assert DailyCheckCount.objects.get(outcome="record_found").count == 1
    assert DailyCheckCount.objects.get(outcome="no_record").count == 2


def test_the_outcome_is_counted_once_the_answer_is_sent(make_record):
    """The day's counter is added to when the server closes the response, after the
    answer's last byte (`CountedAnswer`): not before, and once."""
    make_record()
    request = RequestFactory().post(URL, QUERY, REMOTE_ADDR="10.0.0.9")
    request._dont_enforce_csrf_checks = True  # as the test client does
    with translation.override("ru"):
        response = check(request)
    assert "Запись найдена" in response.content.decode()
    assert not DailyCheckCount.objects.exists()
    # As the test client closes a response: the end of a request would close the
    # connection of the test's transaction.
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    assert DailyCheckCount.objects.get(outcome="record_found").count == 1


def test_a_crash_logs_no_query_and_error_reports_hide_it(client, monkeypatch, caplog):
    def crash(**kwargs):
        raise RuntimeError("lists unavailable")

    monkeypatch.setattr(services, "check_person", crash)
    client.raise_request_exception = False
    caplog.set_level(logging.DEBUG, logger="django.request")
    response = post(client, surname="Zuhriddinov", given_name="Mirzohid")
    assert response.status_code == 500
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert "Zuhriddinov" not in caplog.text
    # What AdminEmailHandler or Sentry-like reporters would send.
    report = ExceptionReporter(record.request, *record.exc_info).get_traceback_text()
    assert "RuntimeError" in report
    assert "Zuhriddinov" not in report
    assert "Mirzohid" not in report
    assert "1991-03-14" not in report


def test_a_shared_address_checks_a_whole_group(client, source):
    """A resource centre's Wi-Fi or a carrier's shared address: 40 people in an hour
    (the old limit of 10 an address stopped the eleventh)."""
    first = datetime.date(1960, 1, 1)
    for number in range(40):
        born = (first + datetime.timedelta(days=number)).isoformat()
        assert post(client, surname="Karimov", date_of_birth=born).status_code == 200


def test_checks_an_hour_per_address_are_limited(client, source, monkeypatch):
    monkeypatch.setattr("blacklist.views.ADDRESS_RATE", 10)
    for number in range(10):
        assert post(client, surname=f"Karimov{'a' * number}").status_code == 200
    response = post(client, surname="Rahimov")
    assert response.status_code == 429
    assert "Слишком много проверок" in response.content.decode()
    assert response["Retry-After"] == "3600"
    other = client.post(URL, {**QUERY, "surname": "Rahimov"}, REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200


def test_a_form_sent_wrong_counts_against_its_address(client, source, monkeypatch):
    """A script walking the list with broken forms is still counted: every POST
    counts against its address, valid or not."""
    monkeypatch.setattr("blacklist.views.ADDRESS_RATE", 10)
    for _ in range(10):
        assert post(client, date_of_birth="").status_code == 200  # the form again
    assert post(client, date_of_birth="").status_code == 429
    assert post(client).status_code == 429


def test_ten_checks_an_hour_per_person_whatever_the_spelling(client, source):
    spellings = ["Abdullayev", "ABDULLAEV", "Абдуллаев", "Abdullaev", "Abdulaev"]
    for number in range(10):
        response = client.post(
            URL,
            {**QUERY, "surname": spellings[number % 5]},
            REMOTE_ADDR=f"10.0.1.{number}",
        )
        assert response.status_code == 200
    limited = client.post(URL, {**QUERY, "surname": "Abdullaev"}, REMOTE_ADDR="10.0.2.1")
    assert limited.status_code == 429
    other_person = client.post(URL, {**QUERY, "surname": "Karimov"}, REMOTE_ADDR="10.0.2.1")
    assert other_person.status_code == 200


def test_rate_limit_keeps_only_a_keyed_hash_in_the_cache(client, source, settings, monkeypatch):
    if settings.REDIS_URL:
        post(client)
        redis = Redis.from_url(settings.REDIS_URL)
        keys = redis.keys("*")
        dump = " ".join(f"{key!r}{redis.get(key)!r}" for key in keys)
        assert all(0 < redis.ttl(key) <= 3600 + 5 for key in keys)  # the hour, and a fudge
    else:
        # The local-memory cache cannot list what it holds: record what is written
        # to the cache the rate limits count in.
        counters = caches["counters"]
        written = []
        for method in ("add", "set", "incr"):
            write = getattr(counters, method)

            def record(key, *args, _write=write, **kwargs):
                written.append(f"{key}{args!r}{kwargs!r}")
                return _write(key, *args, **kwargs)

            monkeypatch.setattr(counters, method, record)
        post(client)
        dump = " ".join(written)
    assert dump.count("rl:") == 2  # the IP and the person
    for secret in ("Abdullayev", "Shahzod", "1991-03-14", "bdl", "shhzd", "10.0.0.1"):
        assert secret not in dump


def test_the_limit_message_is_translated(client, source, monkeypatch):
    monkeypatch.setattr("blacklist.views.ADDRESS_RATE", 10)
    for number in range(11):
        response = client.post(URL.replace("/ru/", "/uz/"), {**QUERY, "surname": f"K{number}"})
    assert response.status_code == 429
    assert "Too many checks" not in response.content.decode()
