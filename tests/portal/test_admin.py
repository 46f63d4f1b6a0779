import re

import pytest

from partners.models import Partner, PartnerAPIKey

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_cannot_reach_the_admin(client):
    response = client.get("/uz/admin/partners/partner/")
    assert response.status_code == 302
    assert "/uz/admin/login/" in response["Location"]


def test_admin_shows_a_new_partner_key_once_and_stores_only_its_hash(admin_client):
    partner = Partner.objects.create(name="Polish registry")
    response = admin_client.post(
        "/en/admin/partners/partnerapikey/add/",
        {"partner": partner.pk, "name": "registry sync", "scopes": ["bans:check"]},
        follow=True,
    )
    assert response.status_code == 200
    shown = re.search(r"The API key for registry sync is: ([\w.]+)\.", response.content.decode())
    assert shown, "the new key is shown"
    key = PartnerAPIKey.objects.get(name="registry sync")
    assert key.scopes == ["bans:check"]
    assert shown.group(1) not in (key.id, key.hashed_key)
    assert key.is_valid(shown.group(1))
    again = admin_client.get(f"/en/admin/partners/partnerapikey/{key.pk}/change/")
    assert shown.group(1) not in again.content.decode()


def test_translated_fields_have_language_tabs_from_local_files(admin_client):
    html = admin_client.get("/en/admin/portal/hotline/add/").content.decode()
    for lang in ("uz", "kaa", "ky", "ru", "en"):
        assert f'name="name_{lang}"' in html
    assert re.search(r'src="/static/vendor/jquery-ui/jquery-ui\.min(\.[0-9a-f]{12})?\.js"', html)
    assert "/static/modeltranslation/js/tabbed_translation_fields." in html
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert [src for src in scripts if re.match(r"^(https?:)?//", src)] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/uz/admin/portal/partner/", "/uz/admin/partners/partner/"),
        ("/ru/admin/portal/partnerapikey/7/change/", "/ru/admin/partners/partnerapikey/7/change/"),
        (
            "/en/admin/portal/feedrun/?feed__id__exact=3",
            "/en/admin/feeds/feedrun/?feed__id__exact=3",
        ),
        ("/en/admin/portal/partner/?q=Seoul%20EPS", "/en/admin/partners/partner/?q=Seoul%20EPS"),
        ("/en/admin/portal/feed/a%20b/", "/en/admin/feeds/feed/a%20b/"),
    ],
)
def test_old_admin_addresses_of_partners_and_feeds_lead_to_their_new_apps(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response.url == new
