"""Partners and their API keys."""

import factory
from factory.django import DjangoModelFactory

from partners.models import Partner, PartnerAPIKey


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ("name",)

    name = "Test partner"


class PartnerAPIKeyFactory(DjangoModelFactory):
    """A key made as the admin makes it (only its hash is stored); the key itself,
    shown once, is on the object as ``raw_key``."""

    class Meta:
        model = PartnerAPIKey

    partner = factory.SubFactory(PartnerFactory)
    name = factory.LazyAttribute(lambda key: f"{key.partner.name} key")
    scopes = factory.List([])

    @classmethod
    def _create(cls, model_class, *args, **fields):
        api_key, raw_key = model_class.objects.create_key(**fields)
        api_key.raw_key = raw_key
        return api_key
