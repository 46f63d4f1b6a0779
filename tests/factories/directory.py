"""Organisations of the directory of help."""

import factory
from factory.django import DjangoModelFactory

from directory.models import Organisation, Service


class OrganisationFactory(DjangoModelFactory):
    """``needs=["unpaid_wages"]`` adds the services."""

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.NGO
    country = "RU"
    source = "Test source"

    @factory.post_generation
    def needs(organisation, create, needs, **kwargs):
        for need in needs or ():
            Service.objects.create(organisation=organisation, need=need)
