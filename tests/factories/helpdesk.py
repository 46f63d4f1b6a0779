"""Help requests, responders and the routing table."""

import factory
from factory.django import DjangoModelFactory

from helpdesk.models import Case, Responder, Route


class ResponderFactory(DjangoModelFactory):
    class Meta:
        model = Responder

    name = factory.Sequence(lambda n: f"Responder {n}")


class RouteFactory(DjangoModelFactory):
    class Meta:
        model = Route

    country = ""
    category = ""
    responder = factory.SubFactory(ResponderFactory)


class CaseFactory(DjangoModelFactory):
    """A case as the form stores it (use `helpdesk.services` to change it)."""

    class Meta:
        model = Case

    category = "unpaid_wages"
    country = "RU"
    city = "Kazan"
    channel = Case.Channel.PHONE
    contact = "+998901234567"
    language = "uz"
    description = "Three months unpaid"
