"""Partner feeds."""

import factory
from factory.django import DjangoModelFactory

from feeds.models import Feed
from tests.factories.partners import PartnerFactory


class FeedFactory(DjangoModelFactory):
    class Meta:
        model = Feed

    partner = factory.SubFactory(PartnerFactory)
    kind = "vacancies"
    format = "json"
    url = ""
    name = factory.LazyAttribute(lambda feed: f"{feed.kind} feed")
