"""POST /api/v1/bans/check/: scopes, answers, the call log without names, bad input."""

import json
import logging

import pytest

from blacklist.models import ApiCheckLog

pytestmark = pytest.mark.django_db
URL = "/api/v1/bans/check/"
BODY = {
    "surname": "ABDULLAEV",
    "given_name": "SHAKHZOD",
    "date_of_birth": "1991-03-14",
    "citizenship": "UZ",
}


def call(api_client, raw, body=BODY, **extra):
    return api_client.post(
        URL,
        data=body if isinstance(body, str | bytes) else json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Api-Key {raw}",
        **extra,
    )


def test_scope_is_required(api_client, make_api_key):
    assert api_client.post(URL, BODY, format="json").status_code == 401
    raw, _ = make_api_key(["feeds:push"])
    response = call(api_client, raw)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    assert not ApiCheckLog.objects.exists()


def test_get_is_not_allowed(api_client, make_api_key):
    raw, _ = make_api_key(["bans:check"])
    response = api_client.get(URL, HTTP_AUTHORIZATION=f"Api-Key {raw}")
    assert response.status_code == 405


def test_record_found_answer(api_client, make_api_key, make_record, source):
    make_record()
    raw, key = make_api_key(["bans:check"], partner_name="Korea EPS centre")
    response = call(api_client, raw)
    assert response.status_code == 200
    body = response.json()
    assert body["outcome"] == "record_found"
    assert body["matches"] == [
        {
            "level": "record_found",
            "source": "ru-bans",
            "country": "RU",
            "ban_end": "2099-01-01",
            "basis": "overstay",
            "basis_label": "Stayed longer than allowed",
            "advice": body["matches"][0]["advice"],
            "verify_url": "https://example.org/verify",
            "verify_address": "Consulate of the Russian Federation",
        }
    ]
    assert body["sources"] == [
        {
            "code": "ru-bans",
            "name": "Russia: entry bans",
            "country": "RU",
            "kind": "entry_ban",
            "updated_at": body["sources"][0]["updated_at"],
            "active_records": 1,
        }
    ]
    assert body["sources"][0]["updated_at"].startswith("2026-11-20")
    log = ApiCheckLog.objects.get()
    assert (log.partner, log.key_prefix, log.outcome) == (key.partner, key.prefix, "record_found")


def test_no_record_and_answer_language(api_client, make_api_key, source):
    raw, _ = make_api_key(["bans:check"])
    response = call(api_client, raw, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.json()["outcome"] == "no_record"
    assert response.json()["matches"] == []
    assert response.json()["sources"][0]["name"] == "Россия: запреты на въезд"


def test_the_name_is_never_logged_or_stored(api_client, make_api_key, source, caplog):
    caplog.set_level(logging.DEBUG)
    raw, _ = make_api_key(["bans:check"])
    call(api_client, raw, {**BODY, "surname": "Zuhriddinov", "document_number": "QX9988776"})
    call(api_client, raw, {**BODY, "surname": "Zuhriddinov", "date_of_birth": "bad"})
    stored = json.dumps(list(ApiCheckLog.objects.values()), default=str)
    for secret in ("Zuhriddinov", "QX9988776", "SHAKHZOD", "1991"):
        assert secret not in stored
        assert secret not in caplog.text


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**BODY, "date_of_birth": "14.03.1991"}, "date_of_birth"),
        ({**BODY, "date_of_birth": "2999-01-01"}, "date_of_birth"),
        ({**BODY, "date_of_birth": None}, "date_of_birth"),
        ({k: v for k, v in BODY.items() if k != "date_of_birth"}, "date_of_birth"),
        ({**BODY, "surname": ""}, "surname"),
        ({**BODY, "surname": "---"}, "surname"),
        ({**BODY, "surname": "A\x00B"}, "surname"),
        ({**BODY, "surname": "x" * 100_000}, "surname"),
        ({**BODY, "given_name": ["a", "b"]}, "given_name"),
        ({**BODY, "citizenship": "XX"}, "citizenship"),
        ({**BODY, "document_number": {"a": 1}}, "document_number"),
        ([BODY], "non_field_errors"),
    ],
)
def test_malformed_bodies_are_400_with_field_errors(api_client, make_api_key, body, field):
    raw, _ = make_api_key(["bans:check"])
    response = call(api_client, raw, body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400
    assert error["code"] == "invalid"
    assert field in error["fields"]
    assert not ApiCheckLog.objects.exists()


@pytest.mark.parametrize("body", ["{not json", b"\xff\xfe", "", "null"])
def test_unparseable_bodies_are_400(api_client, make_api_key, body):
    raw, _ = make_api_key(["bans:check"])
    response = call(api_client, raw, body)
    assert response.status_code == 400
    assert response.json()["error"]["status"] == 400


def test_endpoint_is_documented(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v1/bans/check/"]["post"]
    assert operation["security"] == [{"ApiKey": []}]
    request = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert request.endswith("/CheckRequest")
    properties = schema["components"]["schemas"]["CheckResult"]["properties"]
    assert set(properties) == {"outcome", "matches", "sources"}
