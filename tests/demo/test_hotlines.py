"""The demo hotlines: a second seed changes none of them."""

import io

import pytest
from django.core.management import call_command

from portal.models import Hotline

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent():
    call_command("seed_demo", stdout=io.StringIO())
    first = list(Hotline.objects.values_list("pk", "name_en", "phone").order_by("pk"))
    call_command("seed_demo", stdout=io.StringIO())
    assert list(Hotline.objects.values_list("pk", "name_en", "phone").order_by("pk")) == first
    assert len(first) >= 2
