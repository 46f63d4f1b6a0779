"""The outcome of a check must not show in the size of its answer: "record found",
"possible match" and "no record" are the same number of bytes on the wire, with
gzip, with br (not used for these answers), and uncompressed, on the page in every
language and in the API."""

import gzip
import json

import pytest
from django.conf import settings

from tests.factories.blacklist import BanSourceFactory

pytestmark = pytest.mark.django_db
QUERY = {
    "surname": "Abdullayev",
    "given_name": "Shahzod",
    "patronymic": "Botir oʻgʻli",
    "date_of_birth": "1991-03-14",
    "citizenship": "UZ",
}
OUTCOMES = {
    "record_found": QUERY,
    "possible_match": {**QUERY, "citizenship": "KG"},  # the list says otherwise
    "no_record": {**QUERY, "surname": "Karimov"},
}
ENCODINGS = ["gzip, deflate, br, zstd", "br", "identity", None]


def wire_size(response):
    """Bytes the client receives: the body and every header, cookies included."""
    headers = sum(len(name) + len(value) + 4 for name, value in response.headers.items())
    cookies = sum(len(cookie.OutputString()) + 14 for cookie in response.cookies.values())
    return len(response.content) + headers + cookies


def html_of(response):
    if response.get("Content-Encoding") == "gzip":
        return gzip.decompress(response.content).decode()
    return response.content.decode()


def page_answers(client, language, encoding):
    answers = {}
    for number, (outcome, query) in enumerate(OUTCOMES.items()):
        extra = {"HTTP_ACCEPT_ENCODING": encoding} if encoding else {}
        response = client.post(
            f"/{language}/blacklist/check/", query, REMOTE_ADDR=f"10.0.0.{number}", **extra
        )
        assert response.status_code == 200
        answers[outcome] = response
    return answers


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_three_outcomes_have_one_size_on_the_page(client, make_record, language, encoding):
    make_record()
    answers = page_answers(client, language, encoding)
    assert {wire_size(answer) for answer in answers.values()} == {
        wire_size(answers["no_record"])
    }, {outcome: wire_size(answer) for outcome, answer in answers.items()}
    assert len({tuple(answer.headers) for answer in answers.values()}) == 1
    # Still the pages they were, and still small on a weak connection.
    assert "badge-bad" in html_of(answers["record_found"])
    assert "badge-warn" in html_of(answers["possible_match"])
    assert "badge-ok" in html_of(answers["no_record"])
    for answer in answers.values():
        assert "Accept-Encoding" in answer["Vary"]
        assert "no-transform" in answer["Cache-Control"]
        if encoding and "gzip" in encoding:
            assert answer["Content-Encoding"] == "gzip"
            assert len(answer.content) <= 6 * 1024
        else:
            assert "Content-Encoding" not in answer
            assert answer.content.endswith(b"-->")  # padded with a comment
        assert answer["Content-Length"] == str(len(answer.content))


def test_several_matches_fit_the_same_size(client, make_record):
    for number in range(4):
        make_record(
            source=BanSourceFactory(
                name=f"Entry bans of a country with a long official name, list {number}",
                verify_url=f"https://consular-service.example.org/verify/entry-bans/{number}",
                verify_address="Consular department of the embassy, reception hall, 9:00-13:00",
            ),
            basis=["overstay", "expulsion", "criminal", "documents"][number],
        )
    for encoding in ("gzip", None):
        answers = page_answers(client, "ky", encoding)
        assert html_of(answers["record_found"]).count('class="card"') == 4
        assert len({wire_size(answer) for answer in answers.values()}) == 1


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_the_three_outcomes_have_one_size_in_the_api(
    api_client, make_api_key, make_record, encoding
):
    make_record()
    raw, _ = make_api_key(["bans:check"])
    answers = {}
    for outcome, query in OUTCOMES.items():
        extra = {"HTTP_ACCEPT_ENCODING": encoding} if encoding else {}
        response = api_client.post(
            "/api/v1/bans/check/",
            data=json.dumps({key: value for key, value in query.items() if key != "patronymic"}),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Api-Key {raw}",
            **extra,
        )
        assert response.status_code == 200
        body = response.content
        if response.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        assert json.loads(body)["outcome"] == outcome
        answers[outcome] = response
    sizes = {outcome: wire_size(answer) for outcome, answer in answers.items()}
    assert len(set(sizes.values())) == 1, sizes
