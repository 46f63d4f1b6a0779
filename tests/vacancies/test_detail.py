"""A vacancy's page kept as two parts by everything they show (`vacancies.detail`):
the same HTML as written afresh, every change shown at once, the "Apply" box
written for each reader, and an editor's preview never kept."""

import re
from decimal import Decimal

import pytest

from agencies.models import AgencyChannel
from tests.factories import applications as make
from tests.factories.users import StaffUserFactory
from tests.factories.vacancies import VacancyFactory, agency_vacancy
from vacancies import detail
from vacancies.models import Vacancy, VacancyCost

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_parts():
    detail._parts.written.clear()
    yield
    detail._parts.written.clear()


def article(response):
    assert response.status_code == 200
    return re.search(r"<article.*?</article>", response.content.decode(), re.S).group(0)


def test_a_kept_page_is_the_page_written_afresh(client):
    vacancy, _licence = agency_vacancy()
    first = article(client.get(f"/uz/vacancies/{vacancy.pk}/"))
    assert len(detail._parts.written) == 2
    assert article(client.get(f"/uz/vacancies/{vacancy.pk}/")) == first
    detail._parts.written.clear()
    assert article(client.get(f"/uz/vacancies/{vacancy.pk}/")) == first
    assert article(client.get(f"/ru/vacancies/{vacancy.pk}/")) != first
    assert len(detail._parts.written) == 4


def test_every_change_is_shown_at_once(client):
    """The row (changed without a signal), a cost, the agency's name and its official
    phone: each is another key."""
    vacancy, licence = agency_vacancy()
    url = f"/en/vacancies/{vacancy.pk}/"
    article(client.get(url))
    Vacancy.objects.filter(pk=vacancy.pk).update(employer_name="Hanbit Metal Co.")
    assert "Hanbit Metal Co." in article(client.get(url))
    VacancyCost.objects.create(
        vacancy=vacancy, kind=VacancyCost.Kind.MEDICAL, amount=Decimal("450000"), currency="UZS"
    )
    assert "450,000 UZS" in article(client.get(url))
    licence.agency.legal_name = "Jangi Yo'l Servis LLC"
    licence.agency.save()
    assert "Jangi Yo&#39;l Servis LLC" in article(client.get(url))
    AgencyChannel.objects.create(agency=licence.agency, kind="phone", value="+998 71 200 00 00")
    assert 'href="tel:+998712000000"' in article(client.get(url))


def test_the_apply_box_is_written_for_each_reader(client):
    """Kept from a visitor's request, the parts serve an applicant who has applied,
    whose box says so: the parts hold nothing of who reads."""
    vacancy = VacancyFactory()
    url = f"/en/vacancies/{vacancy.pk}/"
    visitor = article(client.get(url))
    assert 'class="card apply-box"' in visitor and "You have applied" not in visitor
    parts = dict(detail._parts.written)
    applicant = make.applicant()
    make.application(applicant, vacancy)
    client.force_login(applicant)
    theirs = article(client.get(url))
    assert "You have applied to this vacancy." in theirs
    assert detail._parts.written == parts  # the same parts, read, not written again
    assert all(html in theirs for html in parts.values())


def test_an_editors_preview_is_never_kept(client):
    draft = VacancyFactory(status=Vacancy.Status.DRAFT)
    client.force_login(StaffUserFactory(username="editor", groups=["Content editor"]))
    response = client.get(f"/en/vacancies/{draft.pk}/preview/")
    assert "Preview for editors" in article(response)
    assert not detail._parts.written
