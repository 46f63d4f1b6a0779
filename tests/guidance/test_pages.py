"""The stage and topic pages in every language, and the one rule of what the public
sees of a topic: published and nothing left to check."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from guidance.models import Stage, Topic

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def url(name, *args, lang="en"):
    with translation.override(lang):
        return reverse(name, args=args)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_stage_and_topic_page_answers_in_every_language(client, content, lang):
    for stage in Stage.objects.all():
        response = client.get(url("guidance:stage", stage.key, lang=lang))
        html = response.content.decode()
        assert response.status_code == 200
        assert f'<html lang="{lang}">' in html
        assert getattr(stage, f"title_{lang}") in html
    for topic in Topic.objects.public():
        response = client.get(url("guidance:topic", topic.slug, lang=lang))
        html = response.content.decode()
        assert response.status_code == 200, topic.slug
        with translation.override(lang):
            title = topic.title
        assert title == getattr(topic, f"title_{lang}")  # no fallback: it is translated
        assert title.replace("'", "&#x27;") in html


def test_the_three_entry_points_are_in_the_navigation_and_on_the_home_page(client, content):
    for lang in LANGUAGES:
        home = client.get(url("home", lang=lang)).content.decode()
        for key in ("before", "abroad", "home"):
            # once in the navigation, once among the home page's cards
            assert home.count(f'href="{url("guidance:stage", key, lang=lang)}"') == 2
        agencies = client.get(url("agencies:list", lang=lang)).content.decode()
        assert f'href="{url("guidance:stage", "abroad", lang=lang)}"' in agencies


def test_a_topic_with_facts_to_check_is_hidden_until_an_editor_clears_it(client, content):
    topic = Topic.objects.get(slug="unpaid-wages")
    page = url("guidance:topic", topic.slug)
    stage = url("guidance:stage", topic.stage_id)
    assert client.get(page).status_code == 200
    topic.needs_checking = "Confirm the figures of the Moscow office."
    topic.save()
    assert client.get(page).status_code == 404
    assert page not in client.get(stage).content.decode()
    topic.needs_checking = ""
    topic.save()
    assert client.get(page).status_code == 200
    assert page in client.get(stage).content.decode()


def test_an_unpublished_topic_is_not_shown(client, content):
    Topic.objects.filter(slug="contract").update(published=False)
    assert client.get(url("guidance:topic", "contract")).status_code == 404


def test_unknown_stage_and_topic_are_404(client, content):
    assert client.get("/en/help/nowhere/").status_code == 404
    assert client.get("/en/help/topics/nothing-here/").status_code == 404
    assert client.post(url("guidance:stage", "before")).status_code == 405


def test_a_topic_page_links_the_guides_of_countries_where_it_differs(client, content):
    html = client.get(url("guidance:topic", "contract")).content.decode()
    assert f'href="{url("vacancies:country", "KR")}"' in html
    assert f'href="{url("vacancies:country", "GB")}"' in html


def test_a_topic_page_lists_its_sources_and_review_date(client, content):
    topic = Topic.objects.get(slug="benefits-uzbekistan")
    html = client.get(url("guidance:topic", topic.slug)).content.decode()
    assert "003_3369b27ccaf5120a.txt, 2.1 Legislation framework" in html
    assert f"Last reviewed on {topic.reviewed_on:%-d.%m.%Y}." in html


def test_every_stage_links_the_benefits_of_each_home_country(client, content):
    for key in ("before", "abroad"):
        html = client.get(url("guidance:stage", key)).content.decode()
        assert url("guidance:topic", "benefits-uzbekistan") in html
        assert url("guidance:topic", "benefits-kyrgyzstan") in html


def test_stage_and_topic_pages_are_small(client, content):
    for page in (url("guidance:stage", "abroad"), url("guidance:topic", "benefits-uzbekistan")):
        response = client.get(page, HTTP_ACCEPT_ENCODING="gzip")
        assert len(response.content) < 15_000, page
