"""Download my data, delete my account, scheduled anonymisation: identities go,
statistics stay."""

import datetime
import json

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from accounts.models import Phone
from applications import selectors, services
from applications.models import Application, Profile, StatusChange
from tests.factories import applications as make

pytestmark = pytest.mark.django_db


def test_download_my_data(client, submitted):
    client.force_login(submitted.applicant)
    response = client.get(reverse("applications:download"))
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["profile"]["surname_latin"] == "KARIMOV"
    assert data["applications"][0]["profile_as_sent"]["district"] == "Urgut"
    assert data["applications"][0]["history"][0]["status"] == "submitted"


def test_delete_my_account_erases_identity_and_keeps_the_figures(client, submitted):
    user = submitted.applicant
    services.change_status(submitted, "shortlisted", actor_kind="recruiter")
    services.change_status(submitted, "offered", actor_kind="recruiter")
    client.force_login(user)
    response = client.post(reverse("applications:delete_account"), {})
    assert response.status_code == 302 and User.objects.filter(pk=user.pk).exists()  # not confirmed
    client.post(reverse("applications:delete_account"), {"confirm": "yes"})
    assert not User.objects.filter(pk=user.pk).exists()
    assert not Profile.objects.exists() and not Phone.objects.exists()
    application = Application.objects.get(pk=submitted.pk)
    assert application.applicant is None and application.snapshot == {}
    assert application.anonymised_at is not None
    assert not StatusChange.objects.filter(actor_id=user.pk).exists()
    [row] = selectors.statistics()
    assert (row["applied"], row["selected"], row["departed"]) == (1, 1, 0)
    assert client.get(reverse("applications:mine")).status_code == 302  # signed out


def test_a_recruiter_cannot_delete_themselves_here(client, recruiter):
    client.force_login(recruiter)
    client.post(reverse("applications:delete_account"), {"confirm": "yes"})
    assert User.objects.filter(pk=recruiter.pk).exists()


def test_anonymisation_after_the_vacancy_closed(submitted, vacancy, settings, applicant):
    settings.APPLICATION_RETENTION_MONTHS = 12
    fresh = make.application(make.applicant(), make_vacancy(vacancy))
    vacancy.status = "closed"
    vacancy.save()
    assert services.anonymise_due() == 0  # closed today
    type(vacancy).objects.filter(pk=vacancy.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=400)
    )
    assert services.anonymise_due() == 1
    submitted.refresh_from_db()
    fresh.refresh_from_db()
    assert submitted.applicant is None and submitted.snapshot == {}
    assert fresh.applicant is not None
    assert applicant.applications.count() == 0  # the account stays, its old application is gone
    settings.APPLICATION_RETENTION_MONTHS = 0
    assert services.anonymise_due() == 0


def make_vacancy(like):
    from tests.factories.vacancies import VacancyFactory

    return VacancyFactory(channel="agency", agency=like.agency, authority=None)


def test_the_anonymisation_is_scheduled():
    task = PeriodicTask.objects.get(task="applications.tasks.anonymise_applications")
    assert task.enabled and task.crontab is not None
