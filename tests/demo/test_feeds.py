"""Demo feeds: seeded once with a run each; the sample documents are served."""

import pytest
from django.http import Http404
from django.test import RequestFactory

from demo import feeds as demo_feeds
from directory.models import Organisation
from feeds.models import Feed, FeedRun
from feeds.views import sample
from tests.factories.agencies import LicensingAuthorityFactory
from vacancies.models import ExchangeRate, Vacancy


@pytest.mark.django_db
def test_demo_feeds_sync_once_and_reseeding_changes_nothing():
    LicensingAuthorityFactory(country="UZ")
    demo_feeds.seed()
    assert Feed.objects.count() == 3
    assert set(FeedRun.objects.values_list("outcome", flat=True)) == {"success"}
    assert Vacancy.objects.filter(source="feed").count() == 3
    assert ExchangeRate.objects.filter(currency="KRW").exists()
    assert (
        Organisation.objects.filter(source_feed_id__isnull=False, contacts_status="demo").count()
        == 2
    )
    assert Feed.objects.get(kind="rates").periodic_task_id  # fetched on a schedule
    assert Feed.objects.get(kind="directory").periodic_task_id
    demo_feeds.seed()
    assert FeedRun.objects.count() == 3


@pytest.mark.django_db
def test_demo_eps_vacancies_are_the_authoritys_organised_recruitment():
    """Issue 14: Korean employers select through the Korean state system; EPS
    contracts run up to two years. No partner employer with 36-month contracts."""
    authority = LicensingAuthorityFactory(country="UZ")
    demo_feeds.seed()
    eps = Vacancy.objects.filter(country="KR", source="feed")
    assert eps.count() == 3
    assert set(eps.values_list("channel", "authority", "contract_months")) == {
        ("authority", authority.pk, 24)
    }
    assert Vacancy.objects.public().filter(pk__in=eps).count() == 3


def test_sample_documents_are_served_and_nothing_else():
    request = RequestFactory().get("/demo-feeds/rates.csv")
    response = sample(request, "rates.csv")
    assert response["Content-Type"].startswith("text/csv")
    for name in ("../views.py", "missing.json", "views.py"):  # real files beside samples/
        with pytest.raises(Http404):
            sample(request, name)
