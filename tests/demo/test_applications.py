import pytest
from django.contrib.auth.models import User

from applications.choices import Status
from applications.models import Application, Recruiter
from demo import agencies, applications, vacancies

pytestmark = pytest.mark.django_db


def test_demo_applicants_at_every_status_and_a_recruiter_only_under_debug(settings):
    agencies.seed()
    vacancies.seed()
    settings.DEBUG = False
    summary = applications.seed()
    assert "demo recruiter" not in summary
    assert set(Application.objects.values_list("status", flat=True)) == set(Status.values)
    assert not Recruiter.objects.exists()
    settings.DEBUG = True
    summary = applications.seed()
    assert summary.startswith("already loaded") and "demo-recruiter" in summary
    recruiter = Recruiter.objects.get(user__username="demo-recruiter")
    assert Application.objects.filter(vacancy__agency=recruiter.agency).exists()
    count = Application.objects.count()
    applications.seed()
    assert Application.objects.count() == count
    assert (
        User.objects.filter(username__startswith="demo-applicant-", phone__isnull=False).count()
        == 0
    )
