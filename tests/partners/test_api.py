import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from partners.models import Partner, PartnerAPIKey

pytestmark = pytest.mark.django_db


def auth(raw):
    return {"HTTP_AUTHORIZATION": f"Api-Key {raw}"}


def assert_error(response, status, code):
    assert response.status_code == status
    body = response.json()
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


def test_api_root_is_open(api_client):
    response = api_client.get("/api/v1/")
    assert response.status_code == 200


def test_whoami_identifies_partner_and_scopes(api_client, make_api_key):
    raw, key = make_api_key(["vacancies:write", "bans:check"], partner_name="Korea EPS centre")
    response = api_client.get("/api/v1/partner/", **auth(raw))
    assert response.status_code == 200
    assert response.json() == {
        "partner": "Korea EPS centre",
        "key_prefix": key.prefix,
        "scopes": ["bans:check", "vacancies:write"],
        "expires": None,
    }


def test_key_is_stored_hashed(make_api_key):
    raw, key = make_api_key()
    stored = PartnerAPIKey.objects.get(pk=key.pk)
    assert raw not in (stored.id, stored.hashed_key)
    assert raw.startswith(stored.prefix + ".")


def test_missing_key_is_401(api_client):
    error = assert_error(api_client.get("/api/v1/partner/"), 401, "not_authenticated")
    assert "API key" in error["message"]


@pytest.mark.parametrize(
    "header",
    [
        "Api-Key nonsense",
        "Api-Key abc.def",
        "Api-Key ",
        "Api-Key",
        "api-key \x00\x01",
        "Api-Key a.b\x00",
        "Api-Key " + "a" * 5000,
    ],
)
def test_wrong_key_is_401(api_client, make_api_key, header):
    make_api_key()
    response = api_client.get("/api/v1/partner/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Api-Key"
    assert response.json()["error"]["status"] == 401


def test_revoked_key_is_401(api_client, make_api_key):
    raw, key = make_api_key()
    key.revoked = True
    key.save()
    assert_error(api_client.get("/api/v1/partner/", **auth(raw)), 401, "authentication_failed")


def test_expired_key_is_401(api_client, make_api_key):
    raw, _ = make_api_key(expiry_date=timezone.now() - timedelta(minutes=1))
    error = assert_error(
        api_client.get("/api/v1/partner/", **auth(raw)), 401, "authentication_failed"
    )
    assert "expired" in error["message"]


def test_key_of_deactivated_partner_is_401(api_client, make_api_key):
    raw, key = make_api_key()
    Partner.objects.filter(pk=key.partner_id).update(is_active=False)
    assert api_client.get("/api/v1/partner/", **auth(raw)).status_code == 401


def test_error_messages_follow_the_language(api_client):
    response = api_client.get("/api/v1/partner/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.json()["error"]["message"] == "Для этого запроса нужен API-ключ."


@override_settings(ROOT_URLCONF="tests.partners.urls_scoped")
def test_scope_is_required(api_client, make_api_key):
    raw_without, _ = make_api_key(["feeds:push"])
    assert_error(api_client.get("/scoped/", **auth(raw_without)), 403, "permission_denied")
    raw_with, _ = make_api_key(["bans:check"], partner_name="Border service")
    response = api_client.get("/scoped/", **auth(raw_with))
    assert response.status_code == 200
    assert response.json() == {"partner": "Border service"}
    assert_error(api_client.get("/scoped/"), 401, "not_authenticated")


def test_anonymous_and_partner_throttles_are_separate(api_client, make_api_key, settings):
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**rates, "anon": "2/minute", "partner": "3/minute"},
    }
    from rest_framework.settings import api_settings
    from rest_framework.throttling import SimpleRateThrottle

    api_settings.reload()
    SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
    try:
        for _ in range(2):
            assert api_client.get("/api/v1/").status_code == 200
        limited = api_client.get("/api/v1/")
        error = assert_error(limited, 429, "throttled")
        assert int(limited["Retry-After"]) > 0
        assert error["retry_after"] > 0

        raw, _ = make_api_key()
        statuses = [api_client.get("/api/v1/partner/", **auth(raw)).status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
    finally:
        SimpleRateThrottle.THROTTLE_RATES = rates


def test_schema_and_docs_are_served_locally(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert schema.status_code == 200
    document = schema.json()
    assert document["openapi"].startswith("3.")
    assert "/api/v1/partner/" in document["paths"]
    assert "ApiKey" in document["components"]["securitySchemes"]
    docs = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in docs
    assert "cdn" not in docs.lower()
    assert "https://" not in docs


def test_schema_declares_errors_anonymous_reads_and_idempotent_create(client):
    document = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    paths, components = document["paths"], document["components"]["schemas"]
    error = components["ApiErrorDetail"]
    assert set(error["required"]) == {"status", "code", "message", "fields"}
    assert {} in paths["/api/v1/vacancies/"]["get"]["security"]
    assert {} in paths["/api/v1/licences/"]["get"]["security"]
    assert {} not in paths["/api/v1/vacancies/"]["post"]["security"]
    assert {} not in paths["/api/v1/bans/check/"]["post"]["security"]
    create = paths["/api/v1/vacancies/"]["post"]["responses"]
    assert {"200", "201", "400", "401", "403", "429"} <= set(create)
    assert create["403"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ApiError"
    }
    assert "Retry-After" in create["429"]["headers"]
    assert set(paths["/api/v1/agencies/{id}/"]["get"]["responses"]) == {"200", "401", "404", "429"}
    (sort,) = [p for p in paths["/api/v1/vacancies/"]["get"]["parameters"] if p["name"] == "sort"]
    assert set(sort["schema"]["enum"]) == {"newest", "wage", "deadline"}


def test_an_api_url_no_route_matches_is_a_json_404(client):
    response = client.get("/api/v1/agencies/not-a-number/")
    assert response.status_code == 404
    assert response.json()["error"] == {
        "status": 404,
        "code": "not_found",
        "message": "Nothing was found at this address.",
        "fields": {},
    }
    assert "text/html" in client.get("/en/no-such-page/")["Content-Type"]


@pytest.mark.parametrize("path", ["/api/docs/", "/api/schema/"])
def test_schema_and_docs_answer_options_with_the_methods_they_allow(client, path):
    response = client.options(path)
    assert response.status_code == 200
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert client.delete(path).status_code == 405


def test_create_partner_key_command_prints_a_working_key(api_client):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "create_partner_key",
        "Lithuanian registry",
        "--scopes",
        "bans:check,vacancies:write",
        "--expires-in-days",
        "30",
        stdout=out,
        stderr=err,
    )
    raw = out.getvalue().strip()
    key = PartnerAPIKey.objects.get(partner__name="Lithuanian registry")
    assert key.scopes == ["bans:check", "vacancies:write"]
    assert key.expiry_date > timezone.now() + timedelta(days=29)
    assert raw not in err.getvalue()
    assert api_client.get("/api/v1/partner/", **auth(raw)).status_code == 200


def test_create_partner_key_refuses_unknown_scopes():
    with pytest.raises(CommandError, match="Unknown scopes: bans:delete"):
        call_command("create_partner_key", "X", "--scopes", "bans:delete")
    assert not Partner.objects.exists()


def test_api_speaks_english_unless_asked_otherwise(api_client):
    response = api_client.get("/api/v1/partner/")
    assert response.json()["error"]["message"] == "An API key is required for this request."
