"""Content editors write the stage pages; other staff cannot."""

import pytest

from guidance.models import Topic
from tests.factories.users import StaffUserFactory
from vacancies.models import Country

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(StaffUserFactory(username="editor", groups=["Content editor"]))
    return client


def test_a_content_editor_edits_topics_with_language_tabs(editor_client, content):
    topic = Topic.objects.get(slug="unpaid-wages")
    listing = editor_client.get("/en/admin/guidance/topic/").content.decode()
    assert "Unpaid wages" in listing
    form = editor_client.get(f"/en/admin/guidance/topic/{topic.pk}/change/").content.decode()
    assert "id_body_kaa" in form and "id_needs_checking" in form
    assert editor_client.get("/en/admin/guidance/topic/add/").status_code == 200
    assert editor_client.get("/en/admin/guidance/stage/before/change/").status_code == 200
    assert editor_client.get("/en/admin/guidance/stage/add/").status_code == 403


def test_a_content_editor_marks_guide_sections_for_checking(editor_client, content):
    form = editor_client.get("/en/admin/vacancies/country/RU/change/").content.decode()
    assert 'name="sections_to_check"' in form and 'value="schools"' in form
    assert Country.objects.get(code="RU").sections_to_check == []


def test_other_staff_cannot_edit_topics(client, content):
    client.force_login(StaffUserFactory(username="officer", groups=["Licensing officer"]))
    assert client.get("/en/admin/guidance/topic/").status_code == 403
