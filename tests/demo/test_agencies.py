"""Demo data: the figures of the facts file, idempotent."""

import pytest
from django.db.models import Count

from agencies.models import Agency, Licence, LicenceDestination, LicensingAuthority
from demo import agencies as demo_agencies

pytestmark = pytest.mark.django_db


def test_demo_figures_and_idempotence(django_assert_max_num_queries):
    demo_agencies.seed()
    kg = LicensingAuthority.objects.get(country="KG")
    uz = LicensingAuthority.objects.get(country="UZ")
    assert Agency.objects.filter(country="KG").count() == 180
    counts = dict(
        Licence.objects.filter(authority=uz).values_list("status").annotate(n=Count("id"))
    )
    assert counts == {"active": 16, "surrendered": 59, "revoked": 12}
    assert kg.minimum_deposit().amount == 100000 and kg.minimum_deposit().currency == "KGS"
    assert uz.minimum_deposit().amount == 200000 and uz.minimum_deposit().currency == "USD"
    assert uz.minimum_deposits.count() == 2  # the history is kept
    assert (uz.max_service_fee, uz.max_service_fee_currency) == (300000, "UZS")
    permits = dict(
        LicenceDestination.objects.filter(licence__authority=kg)
        .values_list("country")
        .annotate(n=Count("id"))
    )
    assert permits == demo_agencies.KG_DESTINATIONS
    assert Licence.objects.filter(authority=kg, status="suspended").exists()
    assert Licence.objects.filter(
        authority=kg, events__to_status="suspended", status="active"
    ).exists()
    from agencies.selectors import below_minimum_q

    assert Agency.objects.filter(below_minimum_q()).exists()
    before = (Agency.objects.count(), Licence.objects.count(), LicenceDestination.objects.count())
    with django_assert_max_num_queries(30):
        summary = demo_agencies.seed()
    assert "already loaded" in summary
    assert before == (
        Agency.objects.count(),
        Licence.objects.count(),
        LicenceDestination.objects.count(),
    )


def test_demo_agencies_verify_by_their_channels(client):
    demo_agencies.seed()
    channel = Agency.objects.filter(country="KG").first().channels.get(kind="telegram")
    html = client.get("/en/agencies/verify/", {"q": channel.value}).content.decode()
    assert "Licensed agency" in html or "Not allowed to recruit" in html
