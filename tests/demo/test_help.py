"""The demo directory and help desk: a second seed changes nothing; no contact is
shown as verified; every fictional contact says "demo"; organisations named by the
sources cite them and carry no contact; content in all five languages."""

import pytest

from demo import directory, helpdesk
from directory.models import Organisation
from helpdesk.models import Case, Responder, Route

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(Organisation.objects.values_list("pk", "name_en", "phone").order_by("pk")),
        Responder.objects.count(),
        Route.objects.count(),
        list(Case.objects.values_list("pk", "status").order_by("pk")),
    )


def test_seeding_twice_changes_nothing():
    directory.seed()
    helpdesk.seed()
    first = snapshot()
    directory.seed()
    helpdesk.seed()
    assert snapshot() == first
    assert {case.status for case in Case.objects.all()} >= {
        "new",
        "routed",
        "in_progress",
        "closed",
    }
    assert Case.objects.urgent().exists()


def test_no_contact_is_claimed_verified():
    directory.seed()
    assert not Organisation.objects.filter(contacts_status="verified").exists()
    for organisation in Organisation.objects.filter(contacts_status="demo"):
        assert "(demo)" in organisation.name_en
    for organisation in Organisation.objects.filter(contacts_status="unverified"):
        assert not organisation.has_contacts
        assert organisation.source.startswith("ICMPD 2024 (003_3369b27ccaf5120a.txt), ")


def test_names_in_every_language():
    directory.seed()
    for organisation in Organisation.objects.all():
        for lang in ("uz", "kaa", "ky", "ru", "en"):
            assert getattr(organisation, f"name_{lang}"), (organisation.name_en, lang)
